//! `upcoming-meetings import ics`: a calendar export (Google Calendar and others) becomes one
//! campaign. The file is read with the `ical` crate; times with a TZID (an IANA name, as Google
//! writes them) get the offset of that zone on that day through jiff; an all-day event becomes
//! a date-only meeting; LOCATION becomes the place, with the city read from the address where it
//! can be. An event that cannot be placed is reported, never dropped silently.

use crate::model::links::SafeUrl;
use ical::{parser::ical::component::IcalEvent, property::Property};
use jiff::{civil, tz::TimeZone};
use serde_json::{json, Map, Value};

/// The campaign, and each event left out (its summary or UID, and why).
#[derive(Debug)]
pub struct Imported {
    pub feed: Value,
    pub errors: Vec<String>,
    pub notes: Vec<String>,
}

/// Reads a calendar into one campaign `id` titled `title`; `city` places events whose
/// LOCATION names none.
pub fn import(text: &str, id: &str, title: &str, city: Option<&str>) -> Result<Imported, String> {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = match calendars.next() {
        Some(Ok(calendar)) => calendar,
        Some(Err(e)) => return Err(format!("not an iCalendar file: {e}")),
        None => return Err("not an iCalendar file: no VCALENDAR".to_string()),
    };
    // Google writes the calendar's own zone; a time in UTC is shown in it.
    let calendar_zone = value(&calendar.properties, "X-WR-TIMEZONE").filter(|z| TimeZone::get(z).is_ok());
    let (mut meetings, mut errors, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    for event in &calendar.events {
        let name = value(&event.properties, "SUMMARY").or(value(&event.properties, "UID")).map_or("an event".to_string(), |s| format!("{:?}", unescape(s)));
        match meeting(event, calendar_zone, city, &mut notes, &name) {
            Ok(m) => meetings.push(m),
            Err(why) => errors.push(format!("{name}: {why}")),
        }
    }
    // A feed lists a campaign's meetings in any order; people read a file in date order.
    meetings.sort_by(|a, b| a["start"].as_str().cmp(&b["start"].as_str()));
    Ok(Imported { feed: json!({ "version": 1, "campaigns": [{ "id": id, "title": title, "meetings": meetings }] }), errors, notes })
}

fn property<'p>(properties: &'p [Property], name: &str) -> Option<&'p Property> {
    properties.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

fn value<'p>(properties: &'p [Property], name: &str) -> Option<&'p str> {
    property(properties, name).and_then(|p| p.value.as_deref()).map(str::trim).filter(|v| !v.is_empty())
}

fn param<'p>(property: &'p Property, name: &str) -> Option<&'p str> {
    property.params.as_ref()?.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).and_then(|(_, v)| v.first()).map(String::as_str)
}

/// TEXT values as RFC 5545 escapes them.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// A DTSTART or DTEND: a date (all day), or a time with its offset and zone name.
enum Time {
    Day(civil::Date),
    At(String, Option<String>),
}

fn time(p: &Property, calendar_zone: Option<&str>) -> Result<Time, String> {
    let raw = p.value.as_deref().map(str::trim).unwrap_or_default();
    if param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || raw.len() == 8 {
        return civil::Date::strptime("%Y%m%d", raw).map(Time::Day).map_err(|_| format!("{} {raw:?} is not a date", p.name));
    }
    let (local, utc) = match raw.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (raw, false),
    };
    let datetime = civil::DateTime::strptime("%Y%m%dT%H%M%S", local).map_err(|_| format!("{} {raw:?} is not a date-time", p.name))?;
    let zone_name = match (utc, param(p, "TZID")) {
        (false, Some(tzid)) => tzid.trim_matches('"').to_string(),
        (true, _) => calendar_zone.unwrap_or("UTC").to_string(),
        (false, None) => calendar_zone.ok_or_else(|| format!("{} {raw:?} has no zone (a floating time), and the calendar names none", p.name))?.to_string(),
    };
    let zone = TimeZone::get(&zone_name)
        .map_err(|_| format!("its TZID {zone_name:?} is not an IANA zone name; export the calendar from Google Calendar, or set the event's zone to a city"))?;
    let zoned =
        if utc { datetime.to_zoned(TimeZone::UTC).map(|z| z.with_time_zone(zone)) } else { datetime.to_zoned(zone) }.map_err(|e| format!("{}: {e}", p.name))?;
    let named = (zone_name != "UTC").then_some(zone_name);
    Ok(Time::At(super::feed_time(&zoned), named))
}

fn meeting(event: &IcalEvent, calendar_zone: Option<&str>, city: Option<&str>, notes: &mut Vec<String>, name: &str) -> Result<Value, String> {
    let props = &event.properties;
    let uid = value(props, "UID").ok_or("it has no UID")?;
    let mut m = Map::new();
    // A changed single instance of a repeating event shares its series' UID.
    let id = match property(props, "RECURRENCE-ID").and_then(|p| p.value.as_deref()) {
        Some(instance) => format!("{uid}-{}", &instance[..instance.len().min(8)]),
        None => uid.to_string(),
    };
    m.insert("id".into(), json!(id));
    if value(props, "RRULE").is_some() {
        notes.push(format!("{name} repeats (RRULE): only its first date is imported; add the others in the feed, or as single events"));
    }
    if let Some(summary) = value(props, "SUMMARY") {
        m.insert("title".into(), json!(unescape(summary)));
    }
    match value(props, "STATUS").map(str::to_ascii_uppercase).as_deref() {
        Some("CANCELLED") => {
            m.insert("status".into(), json!("cancelled"));
        }
        Some("TENTATIVE") => {
            m.insert("status".into(), json!("tentative"));
        }
        _ => {}
    }
    let start = property(props, "DTSTART").ok_or("it has no DTSTART")?;
    match time(start, calendar_zone)? {
        Time::Day(day) => {
            m.insert("start".into(), json!(day.to_string()));
        }
        Time::At(at, zone) => {
            m.insert("start".into(), json!(at));
            if let Some(Ok(Time::At(end, _))) = property(props, "DTEND").map(|p| time(p, calendar_zone)) {
                m.insert("end".into(), json!(end));
            }
            if let Some(zone) = zone {
                m.insert("time_zone".into(), json!(zone));
            }
        }
    }
    let location = value(props, "LOCATION").map(unescape);
    let mut place = location.as_deref().map(place).unwrap_or_default();
    if !place.contains_key("city") {
        let city = city.ok_or_else(|| match &location {
            Some(l) => format!("no city can be read from its LOCATION {l:?}; give --city"),
            None => "it has no LOCATION; give --city".to_string(),
        })?;
        place.insert("city".into(), json!(city));
    }
    m.insert("place".into(), Value::Object(place));
    if let Some(url) = value(props, "URL").filter(|u| SafeUrl::parse(u).is_some()) {
        m.insert("rsvp".into(), json!([{ "label": "RSVP", "url": url, "kind": "rsvp" }]));
    }
    Ok(Value::Object(m))
}

/// Country names as calendars write them at the end of an address, and their ISO codes.
const COUNTRIES: &[(&str, &str)] = &[
    ("usa", "US"),
    ("united states", "US"),
    ("us", "US"),
    ("germany", "DE"),
    ("deutschland", "DE"),
    ("uk", "GB"),
    ("united kingdom", "GB"),
    ("france", "FR"),
    ("turkey", "TR"),
    ("türkiye", "TR"),
    ("sri lanka", "LK"),
    ("australia", "AU"),
    ("new zealand", "NZ"),
    ("canada", "CA"),
    ("brazil", "BR"),
    ("brasil", "BR"),
    ("mexico", "MX"),
    ("méxico", "MX"),
    ("argentina", "AR"),
    ("chile", "CL"),
];

/// An address as calendars write it, read into a place: `Student Center, 5221 Gullen Mall,
/// Detroit, MI 48202, USA` or `Humboldt-Universität, Unter den Linden 6, 10117 Berlin,
/// Germany`. The city is what comes before a "state ZIP" part, or after a postal code, or the
/// last part without digits; the name is a first part without digits.
fn place(location: &str) -> Map<String, Value> {
    let mut parts: Vec<&str> = location.split([',', '\n']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut place = Map::new();
    if let Some(code) = parts.last().and_then(|last| COUNTRIES.iter().find(|(n, _)| last.eq_ignore_ascii_case(n))).map(|(_, code)| *code) {
        place.insert("country".into(), json!(code));
        parts.pop();
    }
    let digits = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    let mut city_at = None;
    if let Some(&last) = parts.last() {
        let w: Vec<&str> = last.split_whitespace().collect();
        if w.len() == 2 && w[0].len() == 2 && w[0].chars().all(|c| c.is_ascii_uppercase()) && digits(w[1]) {
            // "MI 48202": the city is the part before.
            place.insert("region".into(), json!(w[0]));
            place.insert("postal_code".into(), json!(w[1]));
            parts.pop();
            city_at = parts.len().checked_sub(1);
        } else if w.len() >= 2 && w[0].chars().all(|c| c.is_ascii_digit()) && w[0].len() >= 4 {
            // "10117 Berlin": a postal code, then the city.
            place.insert("postal_code".into(), json!(w[0]));
            place.insert("city".into(), json!(w[1..].join(" ")));
            parts.pop();
        } else if !digits(last) && parts.len() > 1 {
            city_at = Some(parts.len() - 1);
        }
    }
    if let Some(i) = city_at.filter(|&i| i > 0 || parts.len() == 1) {
        place.insert("city".into(), json!(parts.remove(i)));
    }
    if let Some(first) = parts.first().filter(|p| !digits(p)) {
        place.insert("name".into(), json!(first));
        parts.remove(0);
    }
    if !parts.is_empty() {
        place.insert("street".into(), json!(parts.join(", ")));
    }
    place
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_calendars_write_them() {
        let p = place("Wayne State Student Center, 5221 Gullen Mall, Detroit, MI 48202, USA");
        assert_eq!(
            Value::Object(p),
            json!({"country":"US","region":"MI","postal_code":"48202","city":"Detroit","name":"Wayne State Student Center","street":"5221 Gullen Mall"})
        );
        let p = place("Humboldt-Universität, Unter den Linden 6, 10117 Berlin, Germany");
        assert_eq!(Value::Object(p), json!({"country":"DE","postal_code":"10117","city":"Berlin","name":"Humboldt-Universität","street":"Unter den Linden 6"}));
        assert!(!place("Room 285").contains_key("city"), "a room alone names no city");
        assert_eq!(place("Library, Colombo")["city"], "Colombo");
    }
}
