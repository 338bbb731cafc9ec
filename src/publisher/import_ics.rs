//! `upcoming-meetings import ics`: a calendar export (Google Calendar and others) becomes one
//! campaign. The file is read with the `ical` crate; times with a TZID (an IANA name, as Google
//! writes them, or a Windows one, as Outlook does) get the offset of that zone on that day
//! through jiff; an all-day event becomes a date-only meeting; LOCATION becomes the place, with
//! the city read from the address where it can be; DTEND, or DURATION, its end. A repeating
//! event (RRULE, RDATE, with dates, times or periods, EXDATE) becomes one meeting per date within
//! a window, expanded by the `rrule` crate, with a changed instance (RECURRENCE-ID) in place of
//! its date (RANGE=THISANDFUTURE: and the dates after it). Each event stands in its latest
//! version (`event_versions`); where the file breaks RFC 5545 (no UID, an UNTIL of the wrong
//! form, an end before the start) the meetings are kept and a note says what was assumed. An
//! event that cannot be placed is reported, never dropped silently.

use super::calendar_zones::{EventZones, Zone, Zones};
use super::ics_property::{param, property, value};
use super::{event_versions, repeat_rule, unreadable_calendar};
use crate::model::feed::links::SafeUrl;
use crate::model::places::cities::slug;
use crate::publisher::written_feed::{
    Campaign, Feed, Link, LinkKind, Meeting, Place, Start, Status,
};
use ical::{parser::ical::component::IcalEvent, property::Property};
use jiff::{civil, tz::TimeZone, SignedDuration, Span, Timestamp, Zoned};
use std::collections::{HashMap, HashSet};

/// Which dates of a repeating event are imported: those that start from `from` (now: the past
/// ones are left out) until `until`.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub from: Timestamp,
    pub until: Timestamp,
}

/// What the publisher asks for: the campaign's id and title, the city of events whose LOCATION
/// names none, the zone of floating times in a calendar that names none (`--time-zone`), and
/// the window of a repeating event's dates.
#[derive(Clone, Copy, Debug)]
pub struct Settings<'a> {
    pub campaign: &'a str,
    pub title: &'a str,
    pub city: Option<&'a str>,
    pub time_zone: Option<&'a str>,
    pub window: Window,
}

/// At most this many dates of one repeating event.
const MAX_OCCURRENCES: u16 = 500;

/// The parts of a repeat rule (RFC 5545 3.3.10).
const RULE_PARTS: [&str; 14] = [
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
];

/// The campaign, and each event left out (its summary or UID, and why).
#[derive(Debug)]
pub struct Imported {
    pub feed: Feed,
    pub errors: Vec<String>,
    pub notes: Vec<String>,
}

/// Reads a calendar into one campaign, as calendar programs read it: each event's latest
/// version (`event_versions`), a series with its changed dates in their place.
pub fn import(text: &str, settings: &Settings) -> Result<Imported, String> {
    if let Some(zone) = settings.time_zone.filter(|z| TimeZone::get(z).is_err()) {
        return Err(format!("the zone {zone:?} is not an IANA zone name, like Europe/Berlin"));
    }
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = match calendars.next() {
        Some(Ok(calendar)) => calendar,
        Some(Err(e)) => return Err(unreadable_calendar::why(text, Some(&e))),
        None => return Err(unreadable_calendar::why(text, None)),
    };
    let window = settings.window;
    // The years of its events and of the window, over which its VTIMEZONEs are matched.
    let year = |t: Timestamp| t.to_zoned(TimeZone::UTC).year();
    let years = calendar
        .events
        .iter()
        .filter_map(|e| value(&e.properties, "DTSTART")?.get(..4)?.parse::<i16>().ok())
        .fold((year(window.from), year(window.until)), |(a, b), y| (a.min(y), b.max(y)));
    // Google writes the calendar's own zone; a time in UTC is shown in it, and a floating time
    // read in it. Without one, the publisher's --time-zone.
    let own = value(&calendar.properties, "X-WR-TIMEZONE")
        .filter(|z| TimeZone::get(z).is_ok())
        .or(settings.time_zone);
    let zones = Zones::new(&calendar.timezones, years, own);
    // Zones that match a VTIMEZONE alike give the same instants, wherever the event is.
    let anywhere = zones.at(None, None);
    // A changed date's RECURRENCE-ID as an instant; one that cannot be read stays apart.
    let instance = |e: &IcalEvent| {
        let id = property(&e.properties, "RECURRENCE-ID")?;
        Some(time(id, anywhere).map_or_else(|_| format!("{:?}", id.value), |at| instant(&at)))
    };
    let events = event_versions::standing(&calendar.events, instance);
    let (mut meetings, mut errors, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    let uids = uids(&events, settings.city, &mut notes);
    // The series' dates that a changed date replaces (its UID and RECURRENCE-ID), those that
    // change the dates after them too (RANGE=THISANDFUTURE), and the dates each series
    // excludes (EXDATE), which its changed dates do not bring back.
    let series: HashMap<&str, &IcalEvent> = events
        .iter()
        .zip(&uids)
        .filter(|(e, _)| property(&e.properties, "RECURRENCE-ID").is_none())
        .map(|(e, uid)| (uid.as_str(), *e))
        .collect();
    let mut changed = HashSet::new();
    let mut onwards: HashMap<&str, Vec<(Timestamp, &IcalEvent)>> = HashMap::new();
    for (event, uid) in events.iter().zip(&uids) {
        let Some(id) = property(&event.properties, "RECURRENCE-ID") else { continue };
        let Ok(at) = time(id, anywhere) else { continue };
        if param(id, "RANGE").is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE")) {
            if let Time::At(zoned, _) = &at {
                onwards.entry(uid).or_default().push((zoned.timestamp(), *event));
            }
        }
        changed.insert((uid.as_str(), instant(&at)));
        // A time on a series of dates (`RECURRENCE-ID:20200921T000000Z`) names the date it is
        // written with.
        let written = id.value.as_deref().and_then(|v| v.trim().get(..8));
        if let (Time::At(..), Some(day)) = (&at, written.and_then(|d| date(d).ok())) {
            changed.insert((uid.as_str(), day.to_string()));
        }
    }
    for list in onwards.values_mut() {
        list.sort_by_key(|(at, _)| *at);
    }
    for (event, uid) in events.iter().zip(&uids) {
        let name = value(&event.properties, "SUMMARY")
            .or(value(&event.properties, "UID"))
            .map_or("an event".to_string(), |s| format!("{:?}", unescape(s)));
        let repeats = value(&event.properties, "RRULE").is_some()
            || value(&event.properties, "RDATE").is_some();
        let place = event_place(event, settings.city);
        let (country, in_city) = match &place {
            Ok(place) => (place.country.as_deref(), Some(place.city.as_str())),
            Err(_) => (None, None),
        };
        let zones = zones.at(country, in_city);
        let start = property(&event.properties, "DTSTART");
        let own = start.filter(|start| own_zone(start, zones).is_some());
        if let Some(tzid) = own.and_then(|start| param(start, "TZID")) {
            notes.push(format!(
                "{name}: its zone {:?} is the calendar's own: no IANA zone has its offsets and \
                 changes in {}-{}, so its times are placed at those offsets, and the feed names \
                 no zone",
                tzid.trim_matches('"'),
                years.0,
                years.1
            ));
        }
        let instance = property(&event.properties, "RECURRENCE-ID");
        if let Some(excluded) = instance.and_then(|id| {
            let master = series.get(uid.as_str())?;
            let at = instant(&time(id, anywhere).ok()?);
            excluded_dates(master, anywhere).contains(&at).then_some(at)
        }) {
            notes.push(format!("{name}: its changed date {excluded} is excluded by its series"));
            continue;
        }
        match place.clone().and_then(|place| meeting(event, uid, zones, place, &mut notes)) {
            Ok(m) if repeats && instance.is_none() => {
                let series = Series {
                    event,
                    uid,
                    base: &m,
                    changed: &changed,
                    onwards: onwards.get(uid.as_str()).map_or(&[][..], Vec::as_slice),
                    city: settings.city,
                };
                match occurrences(&series, zones, window, &mut notes) {
                    Ok((dates, note)) => {
                        meetings.extend(dates);
                        notes.push(format!("{name} repeats: {note}"));
                    }
                    Err(why) => errors.push(format!("{name}: {why}")),
                }
            }
            Ok(m) => meetings.push(m),
            Err(why) => errors.push(format!("{name}: {why}")),
        }
    }
    // A feed lists a campaign's meetings in any order; people read a file in date order.
    meetings.sort_by_cached_key(|m| m.start.as_ref().map(Start::to_string));
    let campaign = Campaign {
        id: settings.campaign.to_string(),
        title: settings.title.to_string(),
        meetings,
        ..Campaign::default()
    };
    Ok(Imported { feed: Feed::new(vec![campaign]), errors, notes })
}

/// Each event's UID. RFC 5545 requires one, but some exports have none: such an event gets an
/// id made as `import csv` makes one, of its date and its place (its venue, else its city),
/// the same in every export, and a note says so.
fn uids(events: &[&IcalEvent], city: Option<&str>, notes: &mut Vec<String>) -> Vec<String> {
    let given: HashSet<&str> = events.iter().filter_map(|e| value(&e.properties, "UID")).collect();
    let mut made = HashSet::new();
    events
        .iter()
        .map(|event| {
            if let Some(uid) = value(&event.properties, "UID") {
                return uid.to_string();
            }
            let date = value(&event.properties, "DTSTART")
                .and_then(|d| date(d.get(..8)?).ok())
                .map_or("tba".to_string(), |d| d.to_string());
            let place = event_place(event, city).ok();
            let at = place.map(|p| p.name.unwrap_or(p.city)).unwrap_or_default();
            let base = slug(&format!("{date} {at}"));
            let id = (1..)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                .find(|id| !given.contains(id.as_str()) && !made.contains(id))
                .expect("an unused id");
            made.insert(id.clone());
            let name = value(&event.properties, "SUMMARY")
                .map_or(String::new(), |s| format!("{:?}: ", unescape(s)));
            notes.push(format!(
                "{name}it has no UID (RFC 5545 requires one): its id is {id:?}, made of its date \
                 and place"
            ));
            id
        })
        .collect()
}

/// The dates (as `instant` keys) that a series' EXDATEs exclude.
fn excluded_dates(series: &IcalEvent, zones: EventZones) -> HashSet<String> {
    let mut out = HashSet::new();
    for p in series.properties.iter().filter(|p| p.name.eq_ignore_ascii_case("EXDATE")) {
        for one in p.value.as_deref().unwrap_or_default().split(',') {
            let one = Property { value: Some(one.trim().to_string()), ..p.clone() };
            if let Ok(at) = time(&one, zones) {
                out.insert(instant(&at));
            }
        }
    }
    out
}

/// A date as RFC 5545 writes it, `20270105`.
fn date(text: &str) -> Result<civil::Date, jiff::Error> {
    civil::Date::strptime("%Y%m%d", text)
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

/// A DTSTART or DTEND: a date (all day), or a time in its zone, and the zone's name unless UTC.
enum Time {
    Day(civil::Date),
    At(Zoned, Option<String>),
}

fn time(p: &Property, zones: EventZones) -> Result<Time, String> {
    let raw = p.value.as_deref().map(str::trim).unwrap_or_default();
    if param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) || raw.len() == 8 {
        return civil::Date::strptime("%Y%m%d", raw)
            .map(Time::Day)
            .map_err(|_| format!("{} {raw:?} is not a date", p.name));
    }
    let (local, utc) = match raw.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (raw, false),
    };
    let datetime = civil::DateTime::strptime("%Y%m%dT%H%M%S", local)
        .map_err(|_| format!("{} {raw:?} is not a date-time", p.name))?;
    let zone_name = match (utc, param(p, "TZID")) {
        (false, Some(tzid)) => tzid.trim_matches('"').to_string(),
        (true, _) => zones.calendar().unwrap_or("UTC").to_string(),
        (false, None) => zones
            .calendar()
            .ok_or_else(|| {
                format!(
                    "{} {raw:?} has no zone (a floating time), and the calendar names none",
                    p.name
                )
            })?
            .to_string(),
    };
    let found = zones.zone(&zone_name).ok_or_else(|| {
        format!(
            "its TZID {zone_name:?} is not a zone name (IANA or Windows), and the calendar \
             defines no such zone (VTIMEZONE) that can be read; export the calendar from Google \
             Calendar, or set the event's zone to a city"
        )
    })?;
    let zone = found.time_zone()?;
    let zoned = if utc {
        datetime.to_zoned(TimeZone::UTC).map(|z| z.with_time_zone(zone))
    } else {
        datetime.to_zoned(zone)
    }
    .map_err(|e| format!("{}: {e}", p.name))?;
    let named = found.name().filter(|name| *name != "UTC").map(str::to_string);
    Ok(Time::At(zoned, named))
}

/// The calendar's own zone (no IANA one, `Zone::Own`) that a DTSTART's TZID names, if it does.
fn own_zone(start: &Property, zones: EventZones) -> Option<TimeZone> {
    match zones.zone(param(start, "TZID")?)? {
        Zone::Own(zone) => Some(zone),
        Zone::Iana(_) => None,
    }
}

/// A DURATION (RFC 5545 3.3.6: `PT1H30M`, `P1D`, `P2W`), as a span of calendar time.
fn duration(text: &str) -> Result<Span, String> {
    text.trim().parse::<Span>().map_err(|_| format!("the duration {text:?} cannot be read"))
}

/// Where an event is: its LOCATION read as a place, its city else `city`.
fn event_place(event: &IcalEvent, city: Option<&str>) -> Result<Place, String> {
    let location = value(&event.properties, "LOCATION").map(unescape);
    match &location {
        Some(location) => place(location, city),
        None => city.map(|city| Place { city: city.to_string(), ..Place::default() }),
    }
    .ok_or_else(|| match &location {
        Some(l) => format!("no city can be read from its LOCATION {l:?}; give --city"),
        None => "it has no LOCATION; give --city".to_string(),
    })
}

fn meeting(
    event: &IcalEvent,
    uid: &str,
    zones: EventZones,
    place: Place,
    notes: &mut Vec<String>,
) -> Result<Meeting, String> {
    let props = &event.properties;
    // A changed date of a repeating event shares its series' UID: its id is the series' id of
    // that date (`occurrences`), the date in the zone its RECURRENCE-ID names.
    let id = match property(props, "RECURRENCE-ID").map(|p| time(p, zones)) {
        Some(Ok(Time::Day(day))) => format!("{uid}-{}", day.strftime("%Y%m%d")),
        Some(Ok(Time::At(at, _))) => format!("{uid}-{}", at.date().strftime("%Y%m%d")),
        Some(Err(why)) => return Err(why),
        None => uid.to_string(),
    };
    let status = match value(props, "STATUS").map(str::to_ascii_uppercase).as_deref() {
        Some("CANCELLED") => Some(Status::Cancelled),
        Some("TENTATIVE") => Some(Status::Tentative),
        _ => None,
    };
    let start = property(props, "DTSTART").ok_or("it has no DTSTART")?;
    let (start, end, time_zone) = match time(start, zones)? {
        Time::Day(day) => (Start::Day(day), None, None),
        Time::At(at, zone) => {
            let end = match property(props, "DTEND").map(|p| time(p, zones)) {
                Some(Ok(Time::At(end, _))) => Some(end),
                // RFC 5545 allows DURATION in DTEND's place.
                _ => match value(props, "DURATION") {
                    Some(length) => {
                        Some(at.checked_add(duration(length)?).map_err(|e| e.to_string())?)
                    }
                    None => None,
                },
            };
            // An end before the start breaks RFC 5545; calendar programs keep the start.
            let end = match end {
                Some(end) if end < at => {
                    notes.push(format!(
                        "{}: it ends before it starts, so its end is left out",
                        value(props, "SUMMARY")
                            .map_or(format!("{id:?}"), |s| format!("{:?}", unescape(s)))
                    ));
                    None
                }
                end => end,
            };
            (Start::At(at), end, zone)
        }
    };
    let rsvp = value(props, "URL").and_then(SafeUrl::parse).map(|url| Link {
        label: "RSVP".to_string(),
        url,
        kind: Some(LinkKind::Rsvp),
    });
    Ok(Meeting {
        id,
        title: value(props, "SUMMARY").map(unescape),
        start: Some(start),
        end,
        time_zone,
        status,
        place,
        rsvp: rsvp.into_iter().collect(),
        ..Meeting::default()
    })
}

/// A time as a key: the instant of a date-time, or the date of an all-day time.
fn instant(time: &Time) -> String {
    match time {
        Time::Day(day) => day.to_string(),
        Time::At(at, _) => at.timestamp().as_second().to_string(),
    }
}

/// A property as one content line again (`EXDATE;TZID=Europe/Berlin:20270105T190000`), for the
/// `rrule` crate, which reads the lines of RFC 5545.
fn line(p: &Property, zones: EventZones) -> String {
    let params: String = p
        .params
        .iter()
        .flatten()
        .map(|(name, values)| {
            let value = values.join(",").trim_matches('"').to_string();
            let value = if name.eq_ignore_ascii_case("TZID") {
                zones.iana(&value).unwrap_or(value)
            } else {
                value
            };
            format!(";{name}={value}")
        })
        .collect();
    format!("{}{params}:{}", p.name, p.value.as_deref().unwrap_or_default().trim())
}

/// An RDATE of PERIOD values (`start/end` or `start/duration`, RFC 5545 3.3.9) as the RDATE of
/// their starts, which the repeat rule reads, and each period's length by its start's instant.
fn periods(
    p: &Property,
    zones: EventZones,
) -> Result<(Property, Vec<(Timestamp, SignedDuration)>), String> {
    let mut starts = p.clone();
    if let Some(params) = starts.params.as_mut() {
        params.retain(|(name, _)| !name.eq_ignore_ascii_case("VALUE"));
    }
    let (mut values, mut lengths) = (Vec::new(), Vec::new());
    for period in p.value.as_deref().unwrap_or_default().split(',') {
        let (start, end) = period.trim().split_once('/').ok_or_else(|| {
            format!("RDATE's period {period:?} is not start/end or start/duration")
        })?;
        let at = |text: &str| {
            let one = Property { value: Some(text.to_string()), ..starts.clone() };
            match time(&one, zones)? {
                Time::At(at, _) => Ok(at),
                Time::Day(_) => Err(format!("RDATE's period {period:?} is not of times")),
            }
        };
        let from = at(start)?;
        let until = if end.starts_with(['P', 'p', '+']) {
            from.checked_add(duration(end)?).map_err(|e| e.to_string())?
        } else {
            at(end)?
        };
        values.push(start.to_string());
        lengths.push((from.timestamp(), from.duration_until(&until)));
    }
    starts.value = Some(values.join(","));
    Ok((starts, lengths))
}

/// A repeating event as `occurrences` expands it.
struct Series<'a> {
    event: &'a IcalEvent,
    uid: &'a str,
    /// The meeting of its first date.
    base: &'a Meeting,
    /// Every changed date of the calendar, by UID and `instant`.
    changed: &'a HashSet<(&'a str, String)>,
    /// Its changes of a date and the dates after it (RANGE=THISANDFUTURE), by their date.
    onwards: &'a [(Timestamp, &'a IcalEvent)],
    /// The city of events whose LOCATION names none.
    city: Option<&'a str>,
}

/// The meetings of a repeating event within `window`: one per date, each with the id
/// `UID-YYYYMMDD` (the date in the event's zone, as a changed instance's id), the same length,
/// and none on a date a changed instance replaces; a date after a change of it and the dates
/// after it as that change has it; and a note of what was imported.
fn occurrences(
    series: &Series,
    zones: EventZones,
    window: Window,
    notes: &mut Vec<String>,
) -> Result<(Vec<Meeting>, String), String> {
    let Series { event, uid, base, changed, onwards, city } = *series;
    let props = &event.properties;
    let start = property(props, "DTSTART").ok_or("it has no DTSTART")?;
    let all_day = matches!(time(start, zones)?, Time::Day(_));
    // The calendar's own zone (no IANA one), which the rrule crate does not know: its dates are
    // expanded as wall-clock times in UTC, then each placed in it.
    let own = own_zone(start, zones);
    let wall = |at: &Zoned, own: &TimeZone| {
        format!("{}Z", at.with_time_zone(own.clone()).datetime().strftime("%Y%m%dT%H%M%S"))
    };
    // The rule's own lines, with an all-day event's dates as midnights in UTC and a floating
    // time in the calendar's zone. (A time with a TZID repeats at the same wall-clock time in
    // that zone across its clock changes; a time in UTC at the same UTC time, as RFC 5545 says.)
    let zone_name = base.time_zone.as_deref().or(zones.calendar()).unwrap_or("UTC");
    let rewrite = |p: &Property| -> Result<String, String> {
        let raw = p.value.as_deref().unwrap_or_default().trim();
        Ok(if all_day {
            let days: Vec<String> =
                raw.split(',').map(|d| format!("{}T000000Z", d.get(..8).unwrap_or(d))).collect();
            format!("{}:{}", p.name, days.join(","))
        } else if let Some(own) = &own {
            let mut walls = Vec::new();
            for one in raw.split(',') {
                let one = Property { value: Some(one.to_string()), ..p.clone() };
                match time(&one, zones)? {
                    Time::At(at, _) => walls.push(wall(&at, own)),
                    Time::Day(_) => return Err(format!("its {} {raw:?} mixes dates", p.name)),
                }
            }
            format!("{}:{}", p.name, walls.join(","))
        } else if param(p, "TZID").is_none() && !raw.ends_with(['Z', 'z']) {
            format!("{};TZID={zone_name}:{raw}", p.name)
        } else {
            line(p, zones)
        })
    };
    // A rule's UNTIL as the rule's other dates are written: a date, a time in UTC, or (against
    // RFC 5545, but calendar programs read it) a floating time in the zone of DTSTART, or a date
    // with times, to that day's end.
    let until = |p: &Property| {
        let written = |until: &str| -> Option<String> {
            let (local, utc) = match until.strip_suffix(['Z', 'z']) {
                Some(local) => (local, true),
                None => (until, false),
            };
            let date = || date(local.get(..8)?).ok();
            if all_day {
                // A series of dates ends on the date its UNTIL is written with, a time in UTC
                // too (RFC 5545 wants a date there), as ical.js reads it.
                return Some(format!("{}T000000Z", date()?.strftime("%Y%m%d")));
            }
            let local = match local.len() {
                8 => date()?.at(23, 59, 59, 0),
                _ => civil::DateTime::strptime("%Y%m%dT%H%M%S", local).ok()?,
            };
            let zone = match (&own, utc) {
                (_, true) => TimeZone::UTC,
                (Some(own), false) => own.clone(),
                (None, false) => TimeZone::get(zone_name).ok()?,
            };
            let at = local.to_zoned(zone).ok()?;
            Some(match &own {
                Some(own) => wall(&at, own),
                None => format!("{}Z", at.timestamp().strftime("%Y%m%dT%H%M%S")),
            })
        };
        // A part RFC 5545 does not know (a misspelt UNTL=) is left out, as calendar programs
        // leave it, and named in the note.
        let (mut kept, mut unknown) = (Vec::new(), Vec::new());
        let line = line(p, zones);
        let (head, parts) = line.split_once(':').unwrap_or((line.as_str(), ""));
        for part in parts.split(';').filter(|part| !part.is_empty()) {
            let name = part.split_once('=').map_or(part, |(name, _)| name);
            if !RULE_PARTS.iter().any(|known| name.eq_ignore_ascii_case(known)) {
                unknown.push(part.to_string());
            } else if let Some(until) = part.strip_prefix("UNTIL=").and_then(written) {
                kept.push(format!("UNTIL={until}"));
            } else {
                kept.push(part.to_string());
            }
        }
        (format!("{head}:{}", kept.join(";")), unknown)
    };
    let mut rule = rewrite(start)?;
    // DTSTART is the first date of the set (RFC 5545 3.8.5); the rrule crate counts it only with
    // an RRULE, so an event of RDATEs alone has it as one more RDATE.
    if property(props, "RRULE").is_none() {
        let first = rewrite(start)?;
        rule.push_str(&format!("\nRDATE{}", &first["DTSTART".len()..]));
    }
    // A date that an RDATE period gives its own length.
    let mut period_lengths = HashMap::new();
    let mut left_out = Vec::new();
    for p in props
        .iter()
        .filter(|p| ["RRULE", "RDATE", "EXDATE"].iter().any(|n| p.name.eq_ignore_ascii_case(n)))
    {
        let starts;
        let p = if p.name.eq_ignore_ascii_case("RDATE")
            && param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("PERIOD"))
        {
            let lengths;
            (starts, lengths) = periods(p, zones)?;
            period_lengths.extend(lengths);
            &starts
        } else {
            p
        };
        rule.push('\n');
        rule.push_str(&match p.name.eq_ignore_ascii_case("RRULE") {
            true => {
                let (line, unknown) = until(p);
                left_out.extend(unknown);
                line
            }
            false => rewrite(p)?,
        });
    }
    let set =
        repeat_rule::parse(&rule).map_err(|e| format!("its repeat rule cannot be read ({e})"))?;
    let bound = |t: Timestamp| {
        chrono::DateTime::from_timestamp(t.as_second(), 0).map(|t| t.with_timezone(&rrule::Tz::UTC))
    };
    let (Some(from), Some(until)) = (bound(window.from), bound(window.until)) else {
        return Err("the window of dates is out of range".to_string());
    };
    let result = set.after(from).before(until).all(MAX_OCCURRENCES);
    let zone = TimeZone::get(zone_name)
        .map_err(|_| format!("its zone {zone_name:?} is not an IANA zone name"))?;
    let length = match (&base.start, &base.end) {
        (Some(Start::At(start)), Some(end)) => Some(end.duration_since(start)),
        _ => None,
    };
    // Each change of the dates onwards, as the meeting it makes, by its date.
    let mut onward = Vec::new();
    for &(at, change) in onwards {
        let place = event_place(change, city)?;
        onward.push((at, meeting(change, uid, zones, place, notes)?));
    }
    let (mut out, mut replaced) = (Vec::new(), 0);
    // A date that the rules and RDATEs give twice is one date (RFC 5545 3.8.5.3).
    let mut seen = HashSet::new();
    for date in result.dates.iter().filter(|date| seen.insert(date.timestamp())) {
        let at = Timestamp::from_second(date.timestamp()).map_err(|e| e.to_string())?;
        let mut m = base.clone();
        let (key, day) = if all_day {
            let day = at.to_zoned(TimeZone::UTC).date();
            m.start = Some(Start::Day(day));
            (day.to_string(), day)
        } else {
            let zoned = match &own {
                Some(own) => at
                    .to_zoned(TimeZone::UTC)
                    .datetime()
                    .to_zoned(own.clone())
                    .map_err(|e| e.to_string())?,
                None => at.to_zoned(zone.clone()),
            };
            let at = zoned.timestamp();
            if let Some(length) = period_lengths.get(&at).copied().or(length) {
                m.end = Some(zoned.checked_add(length).map_err(|e| e.to_string())?);
            }
            let day = zoned.date();
            m.start = Some(Start::At(zoned.clone()));
            if let Some((from, change)) = onward.iter().rev().find(|(from, _)| *from < at) {
                m = moved_onwards(change, *from, &zoned)?;
            }
            (at.as_second().to_string(), day)
        };
        if changed.contains(&(uid, key)) {
            replaced += 1;
            continue;
        }
        m.id = format!("{uid}-{}", day.strftime("%Y%m%d"));
        out.push(m);
    }
    let date = |m: &Meeting| m.start.as_ref().map(Start::date);
    let note = match (out.first().and_then(date), out.last().and_then(date)) {
        (Some(first), Some(last)) => format!(
            "{} from {first} to {last}{}",
            if out.len() == 1 { "1 date".to_string() } else { format!("{} dates", out.len()) },
            if result.limited {
                format!(" (the first {MAX_OCCURRENCES}; import a shorter window with --until)")
            } else {
                String::new()
            }
        ),
        _ => "no dates from now until the end of the window (--until)".to_string(),
    };
    let replaced = match replaced {
        0 => String::new(),
        1 => ", and 1 changed date as its own meeting".to_string(),
        n => format!(", and {n} changed dates as their own meetings"),
    };
    let unknown = match left_out.as_slice() {
        [] => String::new(),
        parts => format!(
            "; its repeat rule's {} left out, as no part of a rule RFC 5545 knows",
            parts.join(";")
        ),
    };
    Ok((out, format!("{note}{replaced}; past dates are left out{unknown}")))
}

/// A date after a change of the dates onwards (RANGE=THISANDFUTURE): that change's meeting,
/// moved as the change moved its own date (by wall-clock time in its zone), with its length.
fn moved_onwards(change: &Meeting, from: Timestamp, date: &Zoned) -> Result<Meeting, String> {
    let mut m = change.clone();
    if let Some(Start::At(start)) = &change.start {
        let zone = start.time_zone().clone();
        let shift = from.to_zoned(zone.clone()).datetime().duration_until(start.datetime());
        let moved = date.with_time_zone(zone.clone()).datetime().checked_add(shift);
        let moved = moved.and_then(|d| d.to_zoned(zone)).map_err(|e| e.to_string())?;
        if let Some(end) = &change.end {
            let length = start.duration_until(end);
            m.end = Some(moved.checked_add(length).map_err(|e| e.to_string())?);
        }
        m.start = Some(Start::At(moved));
    }
    Ok(m)
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
/// last part without digits, else `city`; the name is a first part without digits. `None`
/// when there is no city.
fn place(location: &str, city: Option<&str>) -> Option<Place> {
    let mut parts: Vec<&str> =
        location.split([',', '\n']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut place = Place::default();
    let mut found = None;
    if let Some(code) = parts
        .last()
        .and_then(|last| COUNTRIES.iter().find(|(n, _)| last.eq_ignore_ascii_case(n)))
        .map(|(_, code)| *code)
    {
        place.country = Some(code.to_string());
        parts.pop();
    }
    let digits = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    let mut city_at = None;
    if let Some(&last) = parts.last() {
        let w: Vec<&str> = last.split_whitespace().collect();
        if w.len() == 2
            && w[0].len() == 2
            && w[0].chars().all(|c| c.is_ascii_uppercase())
            && digits(w[1])
        {
            // "MI 48202": the city is the part before.
            place.region = Some(w[0].to_string());
            place.postal_code = Some(w[1].to_string());
            parts.pop();
            city_at = parts.len().checked_sub(1);
        } else if w.len() >= 2 && w[0].chars().all(|c| c.is_ascii_digit()) && w[0].len() >= 4 {
            // "10117 Berlin": a postal code, then the city.
            place.postal_code = Some(w[0].to_string());
            found = Some(w[1..].join(" "));
            parts.pop();
        } else if !digits(last) && parts.len() > 1 {
            city_at = Some(parts.len() - 1);
        }
    }
    if let Some(i) = city_at.filter(|&i| i > 0 || parts.len() == 1) {
        found = Some(parts.remove(i).to_string());
    }
    if let Some(first) = parts.first().filter(|p| !digits(p)) {
        place.name = Some(first.to_string());
        parts.remove(0);
    }
    if !parts.is_empty() {
        place.street = Some(parts.join(", "));
    }
    place.city = found.or(city.map(String::from))?;
    Some(place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publisher::written_feed::tests::assert_reads_back;

    /// The tests' window of dates: a year from the tests' now (1 December 2026).
    fn a_year_from_december() -> Window {
        Window {
            from: "2026-12-01T12:00:00Z".parse().unwrap(),
            until: "2027-12-01T12:00:00Z".parse().unwrap(),
        }
    }

    /// Campaign `c`, titled `C`, events without a city in `city`, for a year from December.
    fn settings(city: Option<&str>) -> Settings<'_> {
        Settings {
            campaign: "c",
            title: "C",
            city,
            time_zone: None,
            window: a_year_from_december(),
        }
    }

    #[test]
    fn addresses_as_calendars_write_them() {
        let text = |s: &str| Some(s.to_string());
        assert_eq!(
            place("Wayne State Student Center, 5221 Gullen Mall, Detroit, MI 48202, USA", None),
            Some(Place {
                city: "Detroit".to_string(),
                name: text("Wayne State Student Center"),
                street: text("5221 Gullen Mall"),
                region: text("MI"),
                postal_code: text("48202"),
                country: text("US"),
                ..Place::default()
            })
        );
        assert_eq!(
            place("Humboldt-Universität, Unter den Linden 6, 10117 Berlin, Germany", None),
            Some(Place {
                city: "Berlin".to_string(),
                name: text("Humboldt-Universität"),
                street: text("Unter den Linden 6"),
                postal_code: text("10117"),
                country: text("DE"),
                ..Place::default()
            })
        );
        assert_eq!(place("Room 285", None), None, "a room alone names no city");
        let room = place("Room 285", Some("Detroit")).unwrap();
        assert_eq!((room.city.as_str(), room.street.as_deref()), ("Detroit", Some("Room 285")));
        assert_eq!(place("Library, Colombo", Some("Detroit")).unwrap().city, "Colombo");
    }

    #[test]
    fn a_written_calendar_reads_back_as_the_widget_reads_it() {
        let calendar = include_str!("../../tests/fixtures/import/google-calendar.ics");
        let out = import(calendar, &settings(Some("Detroit"))).unwrap();
        assert!(out.feed.campaigns[0].meetings.len() > 5);
        assert_reads_back(&out.feed);
    }

    /// A meeting at a VTIMEZONE's own offsets has no zone name: the widget reads its times by
    /// their offsets alone.
    #[test]
    fn a_calendar_of_its_own_zone_reads_back_as_the_widget_reads_it() {
        let calendar = include_str!("../../tests/fixtures/import/outdated-zone-rules.ics");
        let out = import(calendar, &settings(None)).unwrap();
        let meetings = &out.feed.campaigns[0].meetings;
        assert!(meetings.len() == 4 && meetings.iter().all(|m| m.time_zone.is_none()));
        assert_reads_back(&out.feed);
    }

    #[test]
    fn a_windows_zone_is_read_as_its_iana_zone_in_a_repeat_rule() {
        let p = Property {
            name: "EXDATE".into(),
            params: Some(vec![("TZID".into(), vec!["\"Pacific Standard Time\"".into()])]),
            value: Some("20270105T190000,20270112T190000".into()),
        };
        assert_eq!(
            line(&p, Zones::default().at(None, None)),
            "EXDATE;TZID=America/Los_Angeles:20270105T190000,20270112T190000"
        );
    }

    /// Inputs `make fuzz` found that once made `import ics` panic: each is read, or refused with
    /// its reason, now.
    #[test]
    fn what_fuzzing_found_reads_without_a_panic() {
        // A VTIMEZONE's RRULE with BYDAY=" -\u{32c}U": the rrule crate's parser cut it inside
        // the character.
        let text = include_str!("../../tests/fixtures/fuzz/import_ics-rrule-byday-not-ascii.ics");
        assert!(import(text, &settings(Some("Detroit"))).is_ok());
        // A changed date whose RECURRENCE-ID has a letter outside ASCII in its first eight bytes:
        // its id was cut from those bytes, inside the letter. It is left out, with its reason.
        let text = concat!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Weekly\r\n",
            "DTSTART;TZID=Europe/Berlin:20270105T190000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n",
            "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Moved\r\n",
            "RECURRENCE-ID;TZID=Europe/Berlin:2027010é\r\n",
            "DTSTART;TZID=Europe/Berlin:20270112T200000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let out = import(text, &settings(Some("Berlin"))).unwrap();
        assert_eq!(out.feed.campaigns[0].meetings.len(), 3, "the series' three dates");
        assert!(out.errors[0].contains("RECURRENCE-ID"), "{:?}", out.errors);
    }

    /// RFC 5545's other ways to give an event's length: DURATION in DTEND's place, and RDATE
    /// periods (`start/end`, `start/duration`), each date with its own length.
    #[test]
    fn a_duration_and_rdate_periods_give_each_date_its_length() {
        let calendar = concat!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n",
            "BEGIN:VEVENT\r\nUID:talk\r\nSUMMARY:Talk\r\nLOCATION:Union\\, Detroit\r\n",
            "DTSTART;TZID=America/Detroit:20270301T190000\r\nDURATION:PT1H30M\r\nEND:VEVENT\r\n",
            "BEGIN:VEVENT\r\nUID:days\r\nSUMMARY:Open days\r\nLOCATION:Library\\, Berlin\r\n",
            "DTSTART;TZID=Europe/Berlin:20270320T100000\r\nDURATION:PT2H\r\n",
            "RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20270327T100000/20270327T160000,",
            "20270403T110000/PT3H\r\nEND:VEVENT\r\n",
            "END:VCALENDAR\r\n"
        );
        let out = import(calendar, &settings(None)).unwrap();
        assert_eq!(out.errors, Vec::<String>::new());
        let times: Vec<(String, String, String)> = out.feed.campaigns[0]
            .meetings
            .iter()
            .map(|m| {
                let start = match &m.start {
                    Some(Start::At(at)) => at.to_string(),
                    other => format!("{other:?}"),
                };
                (m.id.clone(), start, m.end.as_ref().map(Zoned::to_string).unwrap_or_default())
            })
            .collect();
        let at = |id: &str, start: &str, end: &str| (id.into(), start.into(), end.into());
        assert_eq!(
            times,
            [
                at(
                    "talk",
                    "2027-03-01T19:00:00-05:00[America/Detroit]",
                    "2027-03-01T20:30:00-05:00[America/Detroit]"
                ),
                at(
                    "days-20270320",
                    "2027-03-20T10:00:00+01:00[Europe/Berlin]",
                    "2027-03-20T12:00:00+01:00[Europe/Berlin]"
                ),
                at(
                    "days-20270327",
                    "2027-03-27T10:00:00+01:00[Europe/Berlin]",
                    "2027-03-27T16:00:00+01:00[Europe/Berlin]"
                ),
                // After the clocks go forward (28 March): 11:00 to 14:00 in Berlin still.
                at(
                    "days-20270403",
                    "2027-04-03T11:00:00+02:00[Europe/Berlin]",
                    "2027-04-03T14:00:00+02:00[Europe/Berlin]"
                ),
            ]
        );
    }
}
