//! A calendar's zones, each TZID as an IANA zone (for `import ics`). RFC 5545 lets a calendar name
//! its zones as it likes and define each in a VTIMEZONE (its STANDARD and DAYLIGHT offsets and
//! the rules of their changes). A TZID is read as:
//! 1. an IANA name: itself, or one at the end of a path, as older Thunderbird/Lightning writes
//!    it (`/mozilla.org/20070129_1/Europe/Berlin`);
//! 2. a Windows name, as Outlook writes it (`W. Europe Standard Time`: `Europe/Berlin`, after the
//!    CLDR);
//! 3. its VTIMEZONE's `X-LIC-LOCATION`, read the same way;
//! 4. the IANA zone whose offsets and changes are the VTIMEZONE's over the years of the calendar's
//!    events (Lotus Notes' `Eastern`; `(GMT+01.00) Amsterdam/Berlin/...`): where several are, one
//!    whose city the TZID names, else the zone of the Windows name it shortens (`Eastern` for
//!    `Eastern Standard Time`), else the first by name.
//!
//! A VTIMEZONE that no IANA zone matches leaves its TZID unknown: its events are named on
//! standard error, never placed at a guessed instant.

use super::ics_property::value;
use ical::parser::ical::component::IcalTimeZone;
use jiff::tz::{self, Offset, TimeZone};
use jiff::{civil, Timestamp};
use std::collections::{BTreeSet, HashMap};

/// A TZID as an IANA zone name by its text alone (rules 1 and 2 above).
pub fn iana(tzid: &str) -> Option<String> {
    let tzid = tzid.trim().trim_matches('"');
    if TimeZone::get(tzid).is_ok() {
        return Some(tzid.to_string());
    }
    let mut rest = tzid;
    while let Some((_, tail)) = rest.split_once('/') {
        // At least "Area/City": a lone "Berlin" is not taken for a zone.
        if tail.contains('/') && TimeZone::get(tail).is_ok() {
            return Some(tail.to_string());
        }
        rest = tail;
    }
    let windows: windows_timezones::WindowsTimezone = tzid.parse().ok()?;
    Some(windows.tzdb_id().to_string())
}

/// The zones a calendar defines, by TZID, and its own zone.
#[derive(Debug, Default)]
pub struct Zones {
    defined: HashMap<String, String>,
    calendar: Option<String>,
}

impl Zones {
    /// The calendar's VTIMEZONEs, matched over the years `years` (those of its events), and its
    /// own zone (`X-WR-TIMEZONE`, as Google writes it), where that is an IANA name.
    pub fn new(timezones: &[IcalTimeZone], years: (i16, i16), own: Option<&str>) -> Zones {
        let mut defined = HashMap::new();
        for zone in timezones {
            let Some(tzid) = value(&zone.properties, "TZID") else { continue };
            let tzid = tzid.trim_matches('"');
            let found = iana(tzid)
                .or_else(|| value(&zone.properties, "X-LIC-LOCATION").and_then(iana))
                .or_else(|| matching(tzid, zone, years));
            if let Some(name) = found {
                defined.insert(tzid.to_string(), name);
            }
        }
        let calendar = own.filter(|z| TimeZone::get(z).is_ok()).map(str::to_string);
        Zones { defined, calendar }
    }

    /// The calendar's own zone, in which a time in UTC is shown and a floating time is read.
    pub fn calendar(&self) -> Option<&str> {
        self.calendar.as_deref()
    }

    /// A TZID as an IANA zone name: by its VTIMEZONE, else by its text.
    pub fn iana(&self, tzid: &str) -> Option<String> {
        let tzid = tzid.trim().trim_matches('"');
        self.defined.get(tzid).cloned().or_else(|| iana(tzid))
    }
}

/// `+0100`, `-0430`, `+013000` (RFC 5545 3.3.14).
fn utc_offset(text: &str) -> Option<Offset> {
    let (sign, digits) = match text.trim().split_at_checked(1)? {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => return None,
    };
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<i32>().ok();
    let seconds = match digits.len() {
        4 => number(0..2)? * 3600 + number(2..4)? * 60,
        6 => number(0..2)? * 3600 + number(2..4)? * 60 + number(4..6)?,
        _ => return None,
    };
    Offset::from_seconds(sign * seconds).ok()
}

/// Each change of a VTIMEZONE within `years`: its instant, and the offset before and after it.
/// `None` when it cannot be read.
fn changes(zone: &IcalTimeZone, years: (i16, i16)) -> Option<Vec<(Timestamp, Offset, Offset)>> {
    let mut out = Vec::new();
    for part in &zone.transitions {
        let props = &part.properties;
        let from = utc_offset(value(props, "TZOFFSETFROM")?)?;
        let to = utc_offset(value(props, "TZOFFSETTO")?)?;
        let start = value(props, "DTSTART")?;
        // Its wall-clock times, expanded as if in UTC (a rule of dates needs no zone), then
        // each made an instant by the offset in force before it.
        let mut rule = format!("DTSTART:{}Z", start.trim_end_matches(['Z', 'z']));
        for p in props.iter().filter(|p| ["RRULE", "RDATE"].iter().any(|n| p.name == *n)) {
            let raw = p.value.as_deref().unwrap_or_default();
            let values = match p.name.as_str() {
                "RDATE" => raw
                    .split(',')
                    .map(|d| format!("{}Z", d.trim_end_matches(['Z', 'z'])))
                    .collect::<Vec<_>>()
                    .join(","),
                _ => raw.to_string(),
            };
            rule.push_str(&format!("\n{}:{values}", p.name));
        }
        let set = super::repeat_rule::parse(&rule).ok()?;
        let bound = |year: i16, month, day| {
            chrono::NaiveDate::from_ymd_opt(year.into(), month, day)?
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc().with_timezone(&rrule::Tz::UTC))
        };
        let set = set.after(bound(years.0 - 1, 12, 1)?).before(bound(years.1 + 1, 2, 1)?);
        for wall in set.all(1000).dates {
            let wall = Timestamp::from_second(wall.timestamp()).ok()?;
            let at = wall.checked_sub(jiff::SignedDuration::from_secs(from.seconds().into()));
            out.push((at.ok()?, from, to));
        }
    }
    out.sort_by_key(|c| c.0);
    Some(out)
}

/// Rule 4: the IANA zone whose offsets and changes within `years` are the VTIMEZONE's.
fn matching(tzid: &str, zone: &IcalTimeZone, years: (i16, i16)) -> Option<String> {
    let changes = changes(zone, years)?;
    let first = civil::date(years.0, 1, 1).to_zoned(TimeZone::UTC).ok()?.timestamp();
    let last = civil::date(years.1, 12, 31).to_zoned(TimeZone::UTC).ok()?.timestamp();
    let within: Vec<(Timestamp, Offset)> = changes
        .iter()
        .filter(|(at, from, to)| *at >= first && *at <= last && from != to)
        .map(|(at, _, to)| (*at, *to))
        .collect();
    // The offset in force as `years` begin: after the last change before them, else the only one.
    let before = changes.iter().rev().find(|(at, _, _)| *at < first).map(|(_, _, to)| *to);
    let opening = before.or_else(|| match zone.transitions.as_slice() {
        [only] => utc_offset(value(&only.properties, "TZOFFSETTO")?),
        _ => changes.first().map(|(_, from, _)| *from),
    })?;
    let same = |tz: &TimeZone| {
        tz.to_offset(first) == opening
            && tz
                .following(first)
                .take_while(|t| t.timestamp() <= last)
                .scan(opening, |prev, t| {
                    let change = (*prev != t.offset()).then_some((t.timestamp(), t.offset()));
                    *prev = t.offset();
                    Some(change)
                })
                .flatten()
                .eq(within.iter().copied())
    };
    let candidates: BTreeSet<String> = tz::db()
        .available()
        .map(|name| name.as_str().to_string())
        .filter(|name| {
            // Area/City names only: not the old aliases (`US/Eastern`, `EST5EDT`) or `Etc/`.
            let area = name.split('/').next().unwrap_or_default();
            [
                "Africa",
                "America",
                "Antarctica",
                "Asia",
                "Atlantic",
                "Australia",
                "Europe",
                "Indian",
                "Pacific",
            ]
            .contains(&area)
        })
        .filter(|name| TimeZone::get(name).is_ok_and(|tz| same(&tz)))
        .collect();
    let words: Vec<String> = tzid
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect();
    let city = |name: &String| name.rsplit('/').next().unwrap_or_default().replace('_', " ");
    let named = words.iter().find_map(|word| {
        candidates.iter().find(|name| city(name).to_lowercase() == *word).cloned()
    });
    let windows = format!("{} Standard Time", tzid.trim())
        .parse::<windows_timezones::WindowsTimezone>()
        .ok()
        .map(|w| w.tzdb_id().to_string())
        .filter(|name| candidates.contains(name));
    named.or(windows).or_else(|| candidates.into_iter().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tzid_read_as_an_iana_name_by_its_text() {
        assert_eq!(iana("W. Europe Standard Time").as_deref(), Some("Europe/Berlin"));
        assert_eq!(iana("Sri Lanka Standard Time").as_deref(), Some("Asia/Colombo"));
        assert_eq!(iana("America/Regina").as_deref(), Some("America/Regina"));
        assert_eq!(iana("Customized Time Zone"), None);
        let lightning = "/mozilla.org/20070129_1/Europe/Berlin";
        assert_eq!(iana(lightning).as_deref(), Some("Europe/Berlin"), "older Lightning");
        assert_eq!(
            iana("/softwarestudio.org/Olson_20011030_5/America/New_York").as_deref(),
            Some("America/New_York")
        );
        assert_eq!(iana("/mozilla.org/20070129_1/Berlin"), None);
    }

    #[test]
    fn offsets_as_calendars_write_them() {
        let seconds = |t| utc_offset(t).map(|o| o.seconds());
        assert_eq!(seconds("-0500"), Some(-5 * 3600));
        assert_eq!(seconds("+0530"), Some(5 * 3600 + 30 * 60));
        assert_eq!(seconds("+013000"), Some(3600 + 30 * 60));
        assert_eq!(seconds("0100"), None);
    }
}
