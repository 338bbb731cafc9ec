//! Which VEVENTs of a calendar stand. A calendar program keeps the latest version of an event:
//! one sent again with the same UID (and the same RECURRENCE-ID, or none) replaces the one
//! before it by its SEQUENCE, then its LAST-MODIFIED, then its DTSTAMP (RFC 5545 3.8.7), then
//! its place in the file. An event without a UID stands alone.

use super::ics_property::value;
use ical::parser::ical::component::IcalEvent;
use std::collections::HashMap;

/// What orders the versions of one event: the greater stands.
fn version(event: &IcalEvent) -> (i64, String, String) {
    let stamp = |name| value(&event.properties, name).unwrap_or_default().to_ascii_uppercase();
    let sequence = value(&event.properties, "SEQUENCE").and_then(|s| s.parse().ok());
    (sequence.unwrap_or(0), stamp("LAST-MODIFIED"), stamp("DTSTAMP"))
}

/// The events that stand, in the order of the file. `instance` is an event's RECURRENCE-ID as
/// an instant (so that `…Z` and the same time with its TZID are one), `None` for a series or a
/// single event.
pub fn standing(
    events: &[IcalEvent],
    instance: impl Fn(&IcalEvent) -> Option<String>,
) -> Vec<&IcalEvent> {
    let mut latest: HashMap<(&str, Option<String>), usize> = HashMap::new();
    let mut stands = vec![true; events.len()];
    for (i, event) in events.iter().enumerate() {
        let Some(uid) = value(&event.properties, "UID") else { continue };
        if let Some(before) = latest.insert((uid, instance(event)), i) {
            let later = version(event) >= version(&events[before]);
            let (kept, dropped) = if later { (i, before) } else { (before, i) };
            stands[dropped] = false;
            latest.insert((uid, instance(event)), kept);
        }
    }
    events.iter().zip(stands).filter_map(|(e, stands)| stands.then_some(e)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(lines: &[(&str, &str)]) -> IcalEvent {
        let mut event = IcalEvent::new();
        for (name, value) in lines {
            event.properties.push(ical::property::Property {
                name: name.to_string(),
                params: None,
                value: Some(value.to_string()),
            });
        }
        event
    }

    #[test]
    fn the_latest_version_of_an_event_stands() {
        let events = [
            event(&[("UID", "a"), ("SUMMARY", "first"), ("SEQUENCE", "2")]),
            event(&[("UID", "a"), ("SUMMARY", "older"), ("SEQUENCE", "1")]),
            event(&[("UID", "b"), ("SUMMARY", "b"), ("LAST-MODIFIED", "20240101T000000Z")]),
            event(&[("UID", "b"), ("SUMMARY", "b2"), ("LAST-MODIFIED", "20240701T000000Z")]),
            event(&[("SUMMARY", "no uid")]),
            event(&[("SUMMARY", "no uid")]),
            event(&[("UID", "c"), ("SUMMARY", "c")]),
            event(&[("UID", "c"), ("SUMMARY", "c again")]),
        ];
        let summaries: Vec<&str> = standing(&events, |_| None)
            .iter()
            .map(|e| value(&e.properties, "SUMMARY").unwrap())
            .collect();
        assert_eq!(summaries, ["first", "b2", "no uid", "no uid", "c again"]);
    }

    #[test]
    fn a_change_of_one_date_is_an_event_of_its_own() {
        let events = [
            event(&[("UID", "a"), ("SUMMARY", "series")]),
            event(&[("UID", "a"), ("SUMMARY", "moved"), ("RECURRENCE-ID", "20270105")]),
            event(&[("UID", "a"), ("SUMMARY", "moved again"), ("RECURRENCE-ID", "20270105")]),
        ];
        let instance = |e: &IcalEvent| value(&e.properties, "RECURRENCE-ID").map(String::from);
        let summaries: Vec<&str> = standing(&events, instance)
            .iter()
            .map(|e| value(&e.properties, "SUMMARY").unwrap())
            .collect();
        assert_eq!(summaries, ["series", "moved again"]);
    }
}
