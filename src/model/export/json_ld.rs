//! Meetings as schema.org `Event`s in JSON-LD, for search engines: the text of one
//! `<script type="application/ld+json">` data block (a JSON list), which the static page puts
//! in its head and the widget in its host page's head. Each event has what Google asks of an
//! Event (`name`, `startDate`, `location`) and what it recommends where the feed has it
//! (`endDate`, `eventStatus`, `eventAttendanceMode`, `description`, `organizer`, `offers`,
//! `performer`, `image`). A meeting with no date makes no event. The text is safe inside a
//! `<script>` element: `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`.

use crate::model::feed::text::cut_at_word;
use crate::model::feed::time::{show_offset, When};
use crate::model::feed::types::{Campaign, Meeting, Publisher, Status};
use chrono::{DateTime, FixedOffset, Timelike};

/// The events of `meetings` (each with its campaign), published by `publisher`.
pub fn events<'a>(
    meetings: impl IntoIterator<Item = (&'a Campaign, &'a Meeting)>,
    publisher: Option<&Publisher>,
) -> String {
    let mut out = Json(String::from("["));
    for (c, m) in meetings {
        event(&mut out, c, m, publisher);
    }
    out.0.push(']');
    out.0
}

/// JSON written straight into one string (a `format!` per field would cost the wasm more).
struct Json(String);

impl Json {
    /// A comma, unless a list or object has just begun.
    fn next(&mut self) {
        if !self.0.ends_with(['[', '{']) {
            self.0.push(',');
        }
    }

    /// Opens an object of schema.org type `kind` (as a list item, or after a key).
    fn open(&mut self, kind: &str) {
        if !self.0.ends_with(':') {
            self.next();
        }
        self.0.push('{');
        self.text("@type", kind);
    }

    fn close(&mut self) {
        self.0.push('}');
    }

    fn key(&mut self, key: &str) {
        self.next();
        self.string(key);
        self.0.push(':');
    }

    fn text(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn maybe(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.text(key, v);
        }
    }

    fn schema(&mut self, key: &str, name: &str) {
        self.key(key);
        self.0.push_str("\"https://schema.org/");
        self.0.push_str(name);
        self.0.push('"');
    }

    /// A JSON string, safe inside an HTML `<script>` element.
    fn string(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.0.push('"');
        for c in text.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\0'..='\u{1f}' => {
                    self.0.push_str("\\u");
                    let n = c as usize;
                    for shift in [12, 8, 4, 0] {
                        self.0.push(HEX[(n >> shift) & 15] as char);
                    }
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }
}

fn event(out: &mut Json, c: &Campaign, m: &Meeting, publisher: Option<&Publisher>) {
    let (start, end) = match &m.when {
        When::Unknown => return,
        When::Day(day) => (day.to_string(), None),
        When::At { start, end } => (date_time(start), end.as_ref().map(date_time)),
    };
    out.next();
    out.0.push_str("{\"@context\":\"https://schema.org\"");
    out.text("@type", "Event");
    out.text("name", m.title.as_deref().unwrap_or(&c.title));
    out.text("startDate", &start);
    out.maybe("endDate", end.as_deref());
    let status = match m.status {
        Status::Cancelled => "EventCancelled",
        Status::Postponed => "EventPostponed",
        Status::MovedOnline => "EventMovedOnline",
        Status::Scheduled | Status::Tentative => "EventScheduled",
    };
    out.schema("eventStatus", status);
    let online = m.online.as_ref().map(|l| l.url.as_str());
    let moved = m.status == Status::MovedOnline && online.is_some();
    out.schema(
        "eventAttendanceMode",
        match (moved, online) {
            (true, _) => "OnlineEventAttendanceMode",
            (false, Some(_)) => "MixedEventAttendanceMode",
            (false, None) => "OfflineEventAttendanceMode",
        },
    );
    out.key("location");
    if online.is_some() && !moved {
        out.0.push('[');
    }
    if !moved {
        place(out, m);
    }
    if let Some(url) = online {
        out.open("VirtualLocation");
        out.text("url", url);
        out.close();
        if !moved {
            out.0.push(']');
        }
    }
    let mut description: Vec<&str> = m.note.iter().map(String::as_str).collect();
    if m.title.is_some() {
        description.push(&c.title);
    }
    // The campaign's summary, its first sentences only: the same text on every meeting of a
    // campaign would make a page's data block (and the page) heavy.
    let summary = c.summary.first().map(|p| cut_at_word(p, SUMMARY_CHARS));
    description.extend(summary.as_deref());
    out.maybe("description", Some(&description.join("\n\n")));
    out.maybe("image", c.image.as_ref().map(|i| i.url.as_str()).filter(|u| u.starts_with("http")));
    if let Some(p) = publisher.filter(|p| p.name.is_some()) {
        out.key("organizer");
        out.open("Organization");
        out.maybe("name", p.name.as_deref());
        out.maybe("url", p.url.as_ref().map(|u| u.as_str()));
        out.close();
    }
    out.maybe("url", m.page_link(c).map(|u| u.as_str()));
    if let Some(rsvp) = m.rsvp.first().filter(|l| !l.url.is_mailto()) {
        out.key("offers");
        out.open("Offer");
        out.text("url", rsvp.url.as_str());
        out.schema("availability", "InStock");
        out.close();
    }
    let speakers: Vec<&str> = if m.speakers.is_empty() {
        c.speakers.iter().map(|s| s.name.as_str()).collect()
    } else {
        m.speakers.iter().map(String::as_str).collect()
    };
    if !speakers.is_empty() {
        out.key("performer");
        out.0.push('[');
        for name in speakers {
            out.open("Person");
            out.text("name", name);
            out.close();
        }
        out.0.push(']');
    }
    out.close();
}

/// How much of a campaign's summary an event's description carries.
const SUMMARY_CHARS: usize = 160;

/// `2027-04-19T19:00:00-04:00`. (Written here rather than by chrono's `to_rfc3339`, whose
/// formatting machinery the widget's wasm otherwise does without.)
fn date_time(t: &DateTime<FixedOffset>) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}{}",
        t.date_naive(),
        t.hour(),
        t.minute(),
        t.second(),
        show_offset(t.offset().local_minus_utc() / 60)
    )
}

/// A coordinate to the micro-degree (10 cm), as a JSON number, without float formatting (which
/// would add its own code to the wasm): `42.35`, `-83.07`.
fn coordinate(x: f64) -> String {
    let micro = (x * 1e6).round() as i64;
    let whole = micro.unsigned_abs();
    let fraction = format!("{:06}", whole % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    format!(
        "{}{}{}{fraction}",
        if micro < 0 { "-" } else { "" },
        whole / 1_000_000,
        if fraction.is_empty() { "" } else { "." }
    )
}

/// The venue as a `Place` with its `PostalAddress` (and coordinates, where the feed has them).
fn place(out: &mut Json, m: &Meeting) {
    let p = &m.place;
    out.open("Place");
    out.text("name", p.name.as_deref().unwrap_or(&p.city));
    out.key("address");
    out.open("PostalAddress");
    out.maybe(
        "streetAddress",
        Some(
            &[&p.street, &p.room]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", "),
        ),
    );
    out.text("addressLocality", &p.city);
    out.maybe("addressRegion", p.region.as_deref());
    out.maybe("postalCode", p.postal_code.as_deref());
    out.maybe("addressCountry", p.country.as_deref());
    out.close();
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        out.key("geo");
        out.open("GeoCoordinates");
        out.key("latitude");
        out.0.push_str(&coordinate(lat));
        out.key("longitude");
        out.0.push_str(&coordinate(lon));
        out.close();
    }
    out.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;
    use serde_json::Value;

    fn events_of(json: &str) -> Vec<Value> {
        let feed = parse_feed(json).unwrap();
        let text = events(
            feed.campaigns.iter().flat_map(|c| c.meetings.iter().map(move |m| (c, m))),
            feed.publisher.as_ref(),
        );
        match serde_json::from_str(&text).expect("JSON") {
            Value::Array(events) => events,
            other => panic!("not a list: {other}"),
        }
    }

    /// Google's Event structured data: the required properties, and the recommended ones the
    /// feed below has data for.
    fn assert_google_event(e: &Value) {
        assert_eq!(e["@context"], "https://schema.org");
        assert_eq!(e["@type"], "Event");
        assert!(e["name"].as_str().is_some_and(|n| !n.is_empty()), "name: {e}");
        assert!(
            e["startDate"].as_str().is_some_and(|d| d.len() == 10 || d.len() == 25),
            "startDate: {e}"
        );
        let places: Vec<&Value> = match &e["location"] {
            Value::Array(all) => all.iter().collect(),
            one => vec![one],
        };
        for l in places {
            match l["@type"].as_str() {
                Some("Place") => {
                    assert_eq!(l["address"]["@type"], "PostalAddress");
                    assert!(l["address"]["addressLocality"].is_string(), "{l}");
                    assert!(l["name"].is_string());
                }
                Some("VirtualLocation") => {
                    assert!(l["url"].as_str().unwrap().starts_with("https://"))
                }
                other => panic!("a location of type {other:?}"),
            }
        }
        for key in ["eventStatus", "eventAttendanceMode"] {
            assert!(e[key].as_str().unwrap().starts_with("https://schema.org/"), "{key}");
        }
        assert!(e["description"].is_string(), "description: {e}");
        assert_eq!(e["organizer"]["@type"], "Organization");
    }

    const FEED: &str = r#"{"version":1,"publisher":{"name":"IYSSE","url":"https://iysse.example/"},
      "campaigns":[
      {"id":"c","title":"Fight fascism","summary":"Why the far right grows.\n\nAnd how to stop it.",
       "speakers":[{"name":"Andre Damon"}],"meetings":[
        {"id":"a","start":"2027-04-19T19:00:00-04:00","end":"2027-04-19T21:00:00-04:00",
         "time_zone":"America/Detroit",
         "place":{"city":"Detroit","name":"Student Center","room":"Room 285",
                  "street":"5221 Gullen Mall","region":"MI","postal_code":"48202","country":"US",
                  "lat":42.35,"lon":-83.07},
         "rsvp":[{"label":"RSVP","url":"https://example.org/rsvp"}]},
        {"id":"b","title":"Online Q&A </script><script>alert(1)</script>","start":"2027-05-01",
         "status":"moved-online","online":{"url":"https://example.org/live","label":"Livestream"},
         "place":{"city":"Berlin"}},
        {"id":"x","status":"cancelled","start":"2027-05-02T18:00:00+02:00","note":"Called off.",
         "place":{"city":"Berlin"},"online":{"url":"https://example.org/live2","label":"Stream"}},
        {"id":"t","place":{"city":"Colombo"}}]}]}"#;

    #[test]
    fn every_dated_meeting_is_an_event_google_accepts() {
        let events = events_of(FEED);
        assert_eq!(events.len(), 3, "the meeting with no date makes no event");
        events.iter().for_each(assert_google_event);
        let a = &events[0];
        assert_eq!(
            (a["startDate"].as_str(), a["endDate"].as_str()),
            (Some("2027-04-19T19:00:00-04:00"), Some("2027-04-19T21:00:00-04:00"))
        );
        assert_eq!(a["eventStatus"], "https://schema.org/EventScheduled");
        assert_eq!(a["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
        assert_eq!(a["location"]["address"]["streetAddress"], "5221 Gullen Mall, Room 285");
        assert_eq!(a["location"]["address"]["postalCode"], "48202");
        assert_eq!(a["location"]["geo"]["latitude"], 42.35);
        assert_eq!(
            (a["url"].as_str(), a["offers"]["url"].as_str()),
            (Some("https://example.org/rsvp"), Some("https://example.org/rsvp"))
        );
        assert_eq!(a["performer"][0]["name"], "Andre Damon");
        assert_eq!(a["organizer"]["url"], "https://iysse.example/");
        assert_eq!(a["description"], "Why the far right grows.");
        let b = &events[1];
        assert_eq!(
            (b["startDate"].as_str(), b["eventStatus"].as_str()),
            (Some("2027-05-01"), Some("https://schema.org/EventMovedOnline"))
        );
        assert_eq!(b["location"]["@type"], "VirtualLocation");
        let x = &events[2];
        assert_eq!(x["eventStatus"], "https://schema.org/EventCancelled");
        assert_eq!(x["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode");
        assert!(x["description"].as_str().unwrap().starts_with("Called off."));
    }

    #[test]
    fn times_and_coordinates_as_json_ld_writes_them() {
        let t = DateTime::parse_from_rfc3339("2027-03-28T19:00:00+05:30").unwrap();
        assert_eq!(date_time(&t), "2027-03-28T19:00:00+05:30");
        let t = DateTime::parse_from_rfc3339("2027-11-07T01:30:00-03:00").unwrap();
        assert_eq!(date_time(&t), "2027-11-07T01:30:00-03:00");
        assert_eq!(
            [
                coordinate(42.35),
                coordinate(-83.07),
                coordinate(0.0),
                coordinate(-0.5),
                coordinate(179.9999994)
            ],
            ["42.35", "-83.07", "0", "-0.5", "179.999999"]
        );
    }

    #[test]
    fn a_long_summary_is_cut_at_a_word() {
        assert_eq!(cut_at_word("Short.", 160), "Short.");
        assert_eq!(cut_at_word("Why the far right grows, and how", 20), "Why the far right…");
        let long = "Wörter ".repeat(40);
        let cut = cut_at_word(&long, SUMMARY_CHARS);
        assert!(cut.chars().count() <= SUMMARY_CHARS + 1 && cut.ends_with("Wörter…"), "{cut}");
    }

    #[test]
    fn feed_text_cannot_end_the_script_element() {
        let feed = parse_feed(FEED).unwrap();
        let text = events(
            feed.campaigns.iter().flat_map(|c| c.meetings.iter().map(move |m| (c, m))),
            None,
        );
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let events: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            events[1]["name"], "Online Q&A </script><script>alert(1)</script>",
            "the same text once read"
        );
        assert!(events[0].get("organizer").is_none(), "no publisher, no organizer");
    }
}
