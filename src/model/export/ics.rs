//! Meetings as an iCalendar file (RFC 5545): one VEVENT per meeting, lines ended by CRLF and
//! folded at 75 octets, text escaped. Times are written in UTC (`…Z`), the form every calendar
//! reads the same way; a date-only meeting is an all-day event, and one with no `end` lasts two
//! hours. A meeting with no date ("Date TBA") makes no event. The UID is the campaign's and the
//! meeting's ids at the feed's host, so it stays the same when the feed is updated.
//! Used by `upcoming-meetings ics` and the widget's "Add to calendar" (a meeting, or a
//! campaign's meetings in the chosen city); written without a crate, small enough for the wasm.

use crate::model::feed::time::{When, DEFAULT_LENGTH_HOURS};
use crate::model::feed::types::{Campaign, Meeting, Status};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};

/// A whole calendar of `meetings`, stamped `now`; `host` is the feed's host, for the UIDs.
pub fn calendar<'a>(
    meetings: impl IntoIterator<Item = (&'a Campaign, &'a Meeting)>,
    host: &str,
    now: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//upcoming-meetings//feed v1//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    for (campaign, meeting) in meetings {
        event(&mut out, campaign, meeting, host, now);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// A meeting's start and end as iCalendar writes them: `20270419T230000Z` (UTC) or, for a
/// date-only meeting, the day and the next (`20270430`, `20270501`: an all-day event). `None`
/// for a meeting with no date. Google Calendar's links take the same.
pub fn span(m: &Meeting) -> Option<(String, String)> {
    match &m.when {
        When::Unknown => None,
        When::Day(day) => Some((date(*day), date(day.succ_opt().unwrap_or(*day)))),
        When::At { start, end } => {
            let start = start.with_timezone(&Utc);
            let end = end
                .map_or(start + Duration::hours(DEFAULT_LENGTH_HOURS), |e| e.with_timezone(&Utc));
            Some((instant(start), instant(end)))
        }
    }
}

/// What a calendar calls the meeting: its title, or its campaign's and its city.
pub fn summary(c: &Campaign, m: &Meeting) -> String {
    m.title.as_deref().map_or_else(|| format!("{} – {}", c.title, m.place.city), str::to_string)
}

/// Venue, room, street, city and region, in one line.
pub fn location(m: &Meeting) -> String {
    let p = &m.place;
    [&p.name, &p.room, &p.street]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain([p.city.as_str()])
        .chain(p.region.as_deref())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The campaign, the note, the speakers, the online link and the sign-up link, a paragraph each.
pub fn description(c: &Campaign, m: &Meeting) -> String {
    let mut description = vec![c.title.clone()];
    description.extend(m.note.clone());
    if !m.speakers.is_empty() {
        description.push(m.speakers.join(", "));
    }
    for link in m.online.iter().chain(m.sign_up_link(c)) {
        description.push(format!("{}: {}", link.label, link.url.as_str()));
    }
    description.join("\n\n")
}

/// One VEVENT; nothing for a meeting with no date.
fn event(out: &mut String, c: &Campaign, m: &Meeting, host: &str, now: DateTime<Utc>) {
    let Some((start, end)) = span(m) else { return };
    let value = if start.len() == 8 { ";VALUE=DATE" } else { "" };
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", escape(&format!("{}.{}@{host}", c.id, m.id))));
    push_line(out, &format!("DTSTAMP:{}", instant(now)));
    push_line(out, &format!("DTSTART{value}:{start}"));
    push_line(out, &format!("DTEND{value}:{end}"));
    push_line(out, &format!("SUMMARY:{}", escape(&summary(c, m))));
    push_line(out, &format!("LOCATION:{}", escape(&location(m))));
    push_line(out, &format!("DESCRIPTION:{}", escape(&description(c, m))));
    if let Some(url) = m.page_link(c) {
        push_line(out, &format!("URL:{}", url.as_str()));
    }
    let status = match m.status {
        Status::Cancelled => "CANCELLED",
        Status::Tentative | Status::Postponed => "TENTATIVE",
        Status::Scheduled | Status::MovedOnline => "CONFIRMED",
    };
    push_line(out, &format!("STATUS:{status}"));
    push_line(out, "END:VEVENT");
}

// Written by hand rather than with chrono's `format`, whose machinery the widget's wasm does
// without.
fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn instant(t: DateTime<Utc>) -> String {
    format!("{}T{:02}{:02}{:02}Z", date(t.date_naive()), t.hour(), t.minute(), t.second())
}

/// TEXT as RFC 5545 §3.3.11 writes it.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line is longer than 75 octets (§3.1): a break
/// before the octet that would pass it, never inside a character, and a space to continue.
fn push_line(out: &mut String, line: &str) {
    let mut room = 75;
    for ch in line.chars() {
        if ch.len_utf8() > room {
            out.push_str("\r\n ");
            room = 74;
        }
        out.push(ch);
        room -= ch.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;

    fn stamp() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn lines_are_folded_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "Ä".repeat(60));
        push_line(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
    }

    #[test]
    fn a_meeting_a_day_and_a_date_tba() {
        let feed = parse_feed(
            r#"{"version":1,"campaigns":[{"id":"c","title":"Fascism, and how to fight it",
              "links":[{"label":"RSVP","url":"https://example.org/r"}],"meetings":[
              {"id":"berlin","start":"2027-03-28T19:00:00+02:00","time_zone":"Europe/Berlin",
               "status":"cancelled","note":"Moved; see the site.",
               "place":{"city":"Berlin","name":"Humboldt-Uni","room":"Raum 2"}},
              {"id":"day","start":"2027-04-30","place":{"city":"Colombo"}},
              {"id":"tba","place":{"city":"Sydney"}}]}]}"#,
        )
        .unwrap();
        let c = &feed.campaigns[0];
        let ics = calendar(c.meetings.iter().map(|m| (c, m)), "chapter.example", stamp());
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "no event for a date TBA");
        assert!(ics.contains(concat!(
            "UID:c.berlin@chapter.example\r\nDTSTAMP:20261201T120000Z\r\n",
            "DTSTART:20270328T170000Z\r\nDTEND:20270328T190000Z\r\n"
        )));
        assert!(ics.contains("SUMMARY:Fascism\\, and how to fight it – Berlin\r\n"));
        assert!(ics.contains("LOCATION:Humboldt-Uni\\, Raum 2\\, Berlin\r\n"));
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20270430\r\nDTEND;VALUE=DATE:20270501\r\n"));
        assert!(ics.contains("URL:https://example.org/r\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
