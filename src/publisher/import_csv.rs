//! `upcoming-meetings import csv`: a spreadsheet with one row per meeting (as a spreadsheet
//! program exports it: a header row, quoted commas, a byte-order mark, Windows line endings)
//! becomes a feed v1 document. Dates and times are read with jiff; each meeting's start gets the
//! offset its zone has then, by the platform's zone rules (`model::feed::zone`, as the widget
//! reads a feed: jiff's database natively, the browser's `Intl` in the wasm). A row that cannot
//! be read is reported by its number and left out; the rest is converted.

use crate::model::feed::links::SafeUrl;
use crate::model::feed::zone::Zone;
use crate::model::places::cities::slug;
use crate::publisher::written_feed::{
    Campaign, Feed, Link, LinkKind, Meeting, Place, Start, Status,
};
use jiff::{civil, tz, Zoned};
use std::collections::{BTreeSet, HashMap};

/// The columns a sheet may have (names are matched without regard to case, spaces or dashes).
pub const COLUMNS: &[&str] = &[
    "campaign",
    "campaign_title",
    "city",
    "date",
    "time",
    "end_time",
    "time_zone",
    "venue",
    "room",
    "street",
    "region",
    "postal_code",
    "country",
    "title",
    "kind",
    "status",
    "speakers",
    "rsvp_url",
    "rsvp_label",
    "note",
    "lat",
    "lon",
    "meeting_id",
    "campaign_summary",
    "campaign_url",
];
const REQUIRED: &[&str] = &["campaign", "campaign_title", "city"];

/// A row left out, and why (`row` counts the header as row 1, as a spreadsheet shows it).
#[derive(Debug, PartialEq)]
pub struct RowError {
    pub row: usize,
    pub reason: String,
}

/// The feed, what was left out, and notes on what was read another way.
#[derive(Debug)]
pub struct Imported {
    pub feed: Feed,
    pub errors: Vec<RowError>,
    pub notes: Vec<String>,
}

/// How a ZIP archive begins, as a spreadsheet's own file (.xlsx, .ods) does, and what the tools
/// say of one: a sheet given as it is, not as CSV.
pub const ZIP: &str = "PK\u{3}\u{4}";
pub const A_ZIP: &str = "a ZIP archive, not text, as a spreadsheet's own file (.xlsx, .ods) is: \
                         download or save the sheet as CSV";

/// What a file given as a sheet is instead, when its first text says so.
fn other_kind(text: &str) -> Option<&'static str> {
    let start = text.trim_start();
    if start.is_empty() {
        Some("the file is empty")
    } else if start.starts_with(ZIP) {
        Some(A_ZIP)
    } else if start.starts_with(['{', '[']) {
        Some("this is JSON, not a sheet: perhaps a feed already, which needs no import")
    } else if start.get(..15).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR")) {
        Some("this is a calendar (.ics), not a sheet: import it as a calendar")
    } else if start.starts_with('<') {
        Some(
            "this is a web page (HTML), not a sheet's CSV: publish the sheet as CSV (Google \
             Sheets: File › Share › Publish to web, Comma-separated values) and give that address",
        )
    } else {
        None
    }
}

/// Reads a sheet. `default_zone` is `--time-zone`, for rows without a `time_zone` column.
pub fn import(sheet: &str, default_zone: Option<&str>) -> Result<Imported, String> {
    let sheet = sheet.strip_prefix('\u{feff}').unwrap_or(sheet);
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(sheet.as_bytes());
    let headers = reader.headers().map_err(|e| format!("the header row: {e}"))?.clone();
    let mut column: HashMap<&'static str, usize> = HashMap::new();
    let mut unknown = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        let key = name.trim().to_lowercase().replace([' ', '-'], "_");
        match COLUMNS.iter().find(|c| **c == key) {
            Some(c) => {
                column.entry(c).or_insert(i);
            }
            None if key.is_empty() => {}
            None => unknown.push(name.to_string()),
        }
    }
    let missing: Vec<_> = REQUIRED.iter().filter(|c| !column.contains_key(**c)).collect();
    if !missing.is_empty() {
        if let Some(other) = other_kind(sheet) {
            return Err(other.to_string());
        }
        return Err(format!(
            "the header row has no {} column{} (it has: {})",
            missing.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", "),
            if missing.len() > 1 { "s" } else { "" },
            headers.iter().collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(zone) = default_zone {
        Zone::get(zone).ok_or_else(|| {
            format!("--time-zone {zone:?} is not an IANA zone name (such as Europe/Berlin)")
        })?;
    }
    let mut notes: Vec<String> = unknown
        .iter()
        .map(|u| format!("the column \"{u}\" is not one this tool reads; ignored"))
        .collect();
    let mut errors = Vec::new();
    // Each campaign as its rows are read, with its meetings' ids.
    let mut campaigns: Vec<(Campaign, BTreeSet<String>)> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError { row, reason: e.to_string() });
                continue;
            }
        };
        let cells = Row { record: &record, column: &column };
        let get = |name: &str| cells.get(name);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // an empty row, as spreadsheets leave at the end
        }
        let campaign_id = match get("campaign") {
            Some(id) => id.to_string(),
            None => {
                errors.push(RowError { row, reason: "the \"campaign\" cell is empty".to_string() });
                continue;
            }
        };
        let index = match campaigns.iter().position(|(c, _)| c.id == campaign_id) {
            Some(index) => index,
            None => {
                let Some(title) = get("campaign_title") else {
                    errors.push(RowError {
                        row,
                        reason: format!(
                            "the first row of campaign \"{campaign_id}\" has no \"campaign_title\""
                        ),
                    });
                    continue;
                };
                let campaign = Campaign {
                    id: campaign_id.clone(),
                    title: title.to_string(),
                    ..Campaign::default()
                };
                campaigns.push((campaign, BTreeSet::new()));
                campaigns.len() - 1
            }
        };
        let (campaign, ids) = &mut campaigns[index];
        // The first row that has them gives the campaign's summary and page.
        if campaign.summary.is_none() {
            campaign.summary = get("campaign_summary").map(String::from);
        }
        if let Some(url) = get("campaign_url").filter(|_| campaign.url.is_none()) {
            campaign.url = link(url, "campaign_url", row, &mut notes);
        }
        match meeting(&cells, default_zone, &campaign_id, ids, &mut notes, row) {
            Ok(m) => campaign.meetings.push(m),
            Err(reason) => errors.push(RowError { row, reason }),
        }
    }
    let feed = Feed::new(campaigns.into_iter().map(|(campaign, _)| campaign).collect());
    Ok(Imported { feed, errors, notes })
}

/// A wall-clock time in a zone, as an instant with the offset the zone has then. In the hour
/// skipped when clocks go forward, the time reads as after the change (02:30 as 03:30); in the
/// hour repeated when they go back, the earlier reading wins (`Zone::offset_for_local`).
fn at(wall: civil::DateTime, zone: &Zone) -> Result<Zoned, String> {
    let local =
        chrono::NaiveDate::from_ymd_opt(wall.year().into(), wall.month() as u32, wall.day() as u32)
            .and_then(|d| {
                d.and_hms_opt(wall.hour() as u32, wall.minute() as u32, wall.second() as u32)
            })
            .ok_or_else(|| format!("{wall} is not a time"))?;
    let utc = local - chrono::TimeDelta::minutes(zone.offset_for_local(local).into());
    let offset =
        tz::Offset::from_seconds(zone.offset_at_utc(utc) * 60).map_err(|e| e.to_string())?;
    let instant =
        jiff::Timestamp::from_second(utc.and_utc().timestamp()).map_err(|e| e.to_string())?;
    Ok(instant.to_zoned(tz::TimeZone::fixed(offset)))
}

/// A cell as a link, or a note that it is left out.
fn link(url: &str, column: &str, row: usize, notes: &mut Vec<String>) -> Option<SafeUrl> {
    let safe = SafeUrl::parse(url);
    if safe.is_none() {
        notes.push(format!(
            "row {row}: the {column} {url:?} is not an https, http or mailto link; left out"
        ));
    }
    safe
}

/// One row's cells, by column name.
struct Row<'r> {
    record: &'r csv::StringRecord,
    column: &'r HashMap<&'static str, usize>,
}

impl<'r> Row<'r> {
    /// A cell, trimmed; an empty one is absent.
    fn get(&self, name: &str) -> Option<&'r str> {
        self.column
            .get(name)
            .and_then(|&i| self.record.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
}

fn meeting(
    row_cells: &Row,
    default_zone: Option<&str>,
    campaign: &str,
    ids: &mut BTreeSet<String>,
    notes: &mut Vec<String>,
    row: usize,
) -> Result<Meeting, String> {
    let get = |name: &str| row_cells.get(name);
    let text = |column: &str| get(column).map(String::from);
    let city = get("city").ok_or("the \"city\" cell is empty")?;
    let zone_name = get("time_zone").or(default_zone);
    let zone = match zone_name {
        Some(name) => Some(Zone::get(name).ok_or_else(|| {
            format!("the time_zone {name:?} is not an IANA zone name (such as Europe/Berlin)")
        })?),
        None => None,
    };
    let date = get("date")
        .map(|d| {
            date(d).ok_or_else(|| {
                format!("the date {d:?} is not a date like 2027-04-19 or April 19, 2027")
            })
        })
        .transpose()?;
    let start_time = get("time")
        .map(|t| {
            time(t).ok_or_else(|| {
                format!("the time {t:?} is not a time like 19:00, 7:00 pm, 7pm or TBA")
            })
        })
        .transpose()?
        .flatten();
    let end_time = get("end_time")
        .map(|t| {
            time(t).ok_or_else(|| format!("the end_time {t:?} is not a time like 21:00 or 9pm"))
        })
        .transpose()?
        .flatten();
    if start_time.is_some() && date.is_none() {
        return Err("it has a time but no date".to_string());
    }
    let id = match get("meeting_id") {
        Some(id) => id.to_string(),
        None => {
            // Stable across exports: made of what the meeting is, not of its row.
            let base = slug(&format!(
                "{} {}",
                date.map_or("tba".to_string(), |d| d.to_string()),
                get("venue").unwrap_or(city)
            ));
            (1..)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                .find(|id| !ids.contains(id))
                .expect("an unused id")
        }
    };
    if !ids.insert(id.clone()) {
        return Err(format!(
            "the meeting_id {id:?} is used by an earlier row of campaign {campaign:?}"
        ));
    }
    let mut m = Meeting {
        id,
        title: text("title"),
        kind: text("kind"),
        time_zone: zone_name.map(String::from),
        ..Meeting::default()
    };
    if let Some(status) = get("status") {
        // The words the widget reads, written as the contract spells them.
        m.status = match status.to_lowercase().replace([' ', '_'], "-").as_str() {
            "scheduled" | "confirmed" => Some(Status::Scheduled),
            "cancelled" | "canceled" => Some(Status::Cancelled),
            "postponed" => Some(Status::Postponed),
            "moved-online" | "online" => Some(Status::MovedOnline),
            "tentative" => Some(Status::Tentative),
            _ => {
                notes.push(format!(
                    "row {row}: the status {status:?} is not one of scheduled, cancelled, \
                     postponed, moved-online, tentative; left out"
                ));
                None
            }
        };
    }
    match (date, start_time) {
        (Some(date), Some(start)) => {
            let zone = zone.ok_or(
                "it has a time but no time_zone: add a time_zone column or give --time-zone",
            )?;
            let start_at =
                at(date.to_datetime(start), &zone).map_err(|e| format!("its start: {e}"))?;
            if let Some(end) = end_time {
                // An end before the start is taken as after midnight.
                let end_date = if end <= start {
                    notes.push(format!(
                        "row {row}: the end_time is before the time; read as the next day"
                    ));
                    date.tomorrow().map_err(|e| e.to_string())?
                } else {
                    date
                };
                let end_at =
                    at(end_date.to_datetime(end), &zone).map_err(|e| format!("its end: {e}"))?;
                m.end = Some(end_at);
            }
            m.start = Some(Start::At(start_at));
        }
        (Some(date), None) => m.start = Some(Start::Day(date)),
        _ => {}
    }
    let mut coordinate = |key: &str, range: std::ops::RangeInclusive<f64>| {
        let v = get(key)?;
        let n = v.parse::<f64>().ok().filter(|n| range.contains(n));
        if n.is_none() {
            notes.push(format!("row {row}: {key} {v:?} is not a coordinate; left out"));
        }
        n
    };
    m.place = Place {
        city: city.to_string(),
        name: text("venue"),
        room: text("room"),
        street: text("street"),
        region: text("region"),
        postal_code: text("postal_code"),
        country: text("country"),
        directions: None,
        lat: coordinate("lat", -90.0..=90.0),
        lon: coordinate("lon", -180.0..=180.0),
    };
    if let Some(speakers) = get("speakers") {
        m.speakers = speakers
            .split(if speakers.contains(';') { ';' } else { ',' })
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
    }
    if let Some(url) = get("rsvp_url").and_then(|url| link(url, "rsvp_url", row, notes)) {
        m.rsvp = vec![Link {
            label: get("rsvp_label").unwrap_or("RSVP").to_string(),
            url,
            kind: Some(LinkKind::Rsvp),
        }];
    }
    m.note = text("note");
    Ok(m)
}

/// `2027-04-19`, `April 19, 2027`, `Apr 19 2027`, `19 April 2027`.
pub fn date(text: &str) -> Option<civil::Date> {
    let text = text.replace(',', " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    ["%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| civil::Date::strptime(f, &text).ok())
}

/// `19:00`, `7:00 pm`, `7pm`, `7 PM`; `TBA` (or empty) is no time (`Some(None)`).
pub fn time(text: &str) -> Option<Option<civil::Time>> {
    let squeezed: String =
        text.chars().filter(|c| !c.is_whitespace() && *c != '.').collect::<String>().to_uppercase();
    if squeezed.is_empty() || squeezed == "TBA" || squeezed == "TBD" {
        return Some(None);
    }
    ["%H:%M", "%H:%M:%S", "%I:%M%p", "%I%p"]
        .iter()
        .find_map(|f| civil::Time::strptime(f, &squeezed).ok())
        .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publisher::written_feed::tests::assert_reads_back;

    #[test]
    fn dates_and_times_as_people_write_them() {
        let d = civil::date(2027, 4, 19);
        for text in ["2027-04-19", "April 19, 2027", "Apr 19 2027", "19 April 2027"] {
            assert_eq!(date(text), Some(d), "{text}");
        }
        assert_eq!(date("2027-02-30"), None);
        let t = Some(civil::time(19, 0, 0, 0));
        for text in ["19:00", "7:00 pm", "7pm", "7 PM", "7:00 p.m."] {
            assert_eq!(time(text), Some(t), "{text}");
        }
        assert_eq!(time("TBA"), Some(None));
        assert_eq!(time("noonish"), None);
    }

    #[test]
    fn a_sheet_as_a_spreadsheet_exports_it() {
        let sheet = "\u{feff}Campaign,Campaign Title,City,Date,Time,End Time,Venue,RSVP URL\r\n\
            fascism,\"How to fight fascism, a lecture\",Berlin,2027-03-28,7pm,9pm,\
                \"Humboldt-Uni, Raum 2\",https://example.org/r\r\n\
            fascism,,Berlin,2027-03-29,TBA,,,\r\n\
            fascism,,Berlin,not a date,7pm,,,\r\n\
            ,,,,,,,\r\n";
        let out = import(sheet, Some("Europe/Berlin")).unwrap();
        assert_eq!(
            out.errors,
            vec![RowError {
                row: 4,
                reason: "the date \"not a date\" is not a date like 2027-04-19 or April 19, 2027"
                    .to_string()
            }]
        );
        let campaign = &out.feed.campaigns[0];
        assert_eq!(campaign.title, "How to fight fascism, a lecture");
        let written = |i: usize| serde_json::to_value(&campaign.meetings[i]).unwrap();
        // The clocks go forward in Berlin on 2027-03-28: 19:00 is summer time.
        assert_eq!(written(0)["start"], "2027-03-28T19:00:00+02:00");
        assert_eq!(written(0)["end"], "2027-03-28T21:00:00+02:00");
        assert_eq!(written(0)["place"]["name"], "Humboldt-Uni, Raum 2");
        assert_eq!(written(0)["id"], "2027-03-28-humboldt-uni-raum-2");
        assert_eq!(written(1)["start"], "2027-03-29", "a time TBA is a date-only meeting");
    }

    #[test]
    fn a_written_sheet_reads_back_as_the_widget_reads_it() {
        let sheet = include_str!("../../tests/fixtures/import/chapter-sheet.csv");
        let out = import(sheet, None).unwrap();
        assert_eq!((out.errors, out.feed.campaigns[0].meetings.len()), (vec![], 5));
        assert_reads_back(&out.feed);
    }

    #[test]
    fn a_status_is_written_in_the_contracts_words_and_a_page_only_as_a_safe_link() {
        let sheet = "campaign,campaign_title,city,status,campaign_url\n\
            c,C,Berlin,Canceled,javascript:alert(1)\nc,C,Berlin,confirmed,https://example.org/c\n\
            c,C,Berlin,online,\nc,C,Berlin,maybe,\n";
        let out = import(sheet, None).unwrap();
        let campaign = &out.feed.campaigns[0];
        let statuses: Vec<_> = campaign.meetings.iter().map(|m| m.status).collect();
        assert_eq!(
            statuses,
            [Some(Status::Cancelled), Some(Status::Scheduled), Some(Status::MovedOnline), None]
        );
        assert_eq!(campaign.url.as_ref().map(SafeUrl::as_str), Some("https://example.org/c"));
        assert_eq!(
            out.notes,
            [
                "row 2: the campaign_url \"javascript:alert(1)\" is not an https, http or mailto \
                 link; left out",
                "row 5: the status \"maybe\" is not one of scheduled, cancelled, postponed, \
                 moved-online, tentative; left out"
            ]
        );
    }

    #[test]
    fn a_time_the_clocks_skip_or_repeat_reads_as_the_platform_reads_it() {
        // Berlin, 2027: clocks go forward at 02:00 on 28 March and back at 03:00 on 31 October.
        let sheet = "campaign,campaign_title,city,date,time,end_time,time_zone\n\
                     c,C,Berlin,2027-03-28,02:30,,Europe/Berlin\n\
                     c,C,Berlin,2027-10-31,02:30,03:30,Europe/Berlin\n";
        let out = import(sheet, None).unwrap();
        let json = serde_json::to_value(&out.feed).unwrap();
        let m = &json["campaigns"][0]["meetings"];
        assert_eq!(
            m[0]["start"], "2027-03-28T03:30:00+02:00",
            "the skipped hour: after the change"
        );
        assert_eq!(m[1]["start"], "2027-10-31T02:30:00+02:00", "the repeated hour: the earlier");
        assert_eq!(m[1]["end"], "2027-10-31T03:30:00+01:00");
    }

    #[test]
    fn a_time_without_a_zone_is_a_row_error_and_missing_columns_refuse_the_sheet() {
        let out =
            import("campaign,campaign_title,city,date,time\nc,C,Berlin,2027-04-19,19:00\n", None)
                .unwrap();
        assert_eq!(out.errors.len(), 1);
        assert!(out.errors[0].reason.contains("no time_zone"));
        assert!(import("campaign,city\nc,Berlin\n", None)
            .unwrap_err()
            .contains("\"campaign_title\""));
        // A file of another kind, by what it begins with.
        let why = |text: &str| import(text, None).unwrap_err();
        assert_eq!(why(" \n"), "the file is empty");
        // An .xlsx as the check page reads it, as text.
        assert!(why("PK\u{3}\u{4}\u{14}\u{0}\u{6}\u{0}").starts_with("a ZIP archive"));
        assert!(why("{\"version\": 1, \"campaigns\": []}").starts_with("this is JSON"));
        assert!(why("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").starts_with("this is a calendar"));
        assert!(why("<!DOCTYPE html><html><head>").starts_with("this is a web page (HTML)"));
    }
}
