//! `upcoming-meetings import ics`: a calendar export (Google Calendar and others) becomes one
//! campaign. The file is read with the `ical` crate; times with a TZID (an IANA name, as Google
//! writes them, or a Windows one, as Outlook does) get the offset of that zone on that day
//! through jiff; an all-day event becomes a date-only meeting; LOCATION becomes the place, with
//! the city read from the address where it can be; DTEND, or DURATION, its end. A repeating
//! event (RRULE, RDATE, with dates, times or periods, EXDATE) becomes one meeting per date within
//! a window, expanded by the `rrule` crate, with a changed instance (RECURRENCE-ID) in place of
//! its date. An event that cannot be placed is reported,
//! never dropped silently.

use super::calendar_zones::{EventZones, Zone, Zones};
use super::ics_property::{param, property, value};
use super::{repeat_rule, unreadable_calendar};
use crate::model::feed::links::SafeUrl;
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

/// At most this many dates of one repeating event.
const MAX_OCCURRENCES: u16 = 500;

/// The campaign, and each event left out (its summary or UID, and why).
#[derive(Debug)]
pub struct Imported {
    pub feed: Feed,
    pub errors: Vec<String>,
    pub notes: Vec<String>,
}

/// Reads a calendar into one campaign `id` titled `title`; `city` places events whose
/// LOCATION names none; `window` bounds the dates of repeating events.
pub fn import(
    text: &str,
    id: &str,
    title: &str,
    city: Option<&str>,
    window: Window,
) -> Result<Imported, String> {
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = match calendars.next() {
        Some(Ok(calendar)) => calendar,
        Some(Err(e)) => return Err(unreadable_calendar::why(text, Some(&e))),
        None => return Err(unreadable_calendar::why(text, None)),
    };
    // The years of its events and of the window, over which its VTIMEZONEs are matched.
    let year = |t: Timestamp| t.to_zoned(TimeZone::UTC).year();
    let years = calendar
        .events
        .iter()
        .filter_map(|e| value(&e.properties, "DTSTART")?.get(..4)?.parse::<i16>().ok())
        .fold((year(window.from), year(window.until)), |(a, b), y| (a.min(y), b.max(y)));
    // Google writes the calendar's own zone; a time in UTC is shown in it.
    let zones =
        Zones::new(&calendar.timezones, years, value(&calendar.properties, "X-WR-TIMEZONE"));
    // Zones that match a VTIMEZONE alike give the same instants, wherever the event is.
    let anywhere = zones.at(None, None);
    // The dates of repeating events that a changed instance replaces: its UID and RECURRENCE-ID.
    let changed: HashSet<(&str, String)> = calendar
        .events
        .iter()
        .filter_map(|e| {
            Some((
                value(&e.properties, "UID")?,
                instant(&time(property(&e.properties, "RECURRENCE-ID")?, anywhere).ok()?),
            ))
        })
        .collect();
    let (mut meetings, mut errors, mut notes) = (Vec::new(), Vec::new(), Vec::new());
    for event in &calendar.events {
        let name = value(&event.properties, "SUMMARY")
            .or(value(&event.properties, "UID"))
            .map_or("an event".to_string(), |s| format!("{:?}", unescape(s)));
        let repeats = value(&event.properties, "RRULE").is_some()
            || value(&event.properties, "RDATE").is_some();
        let place = event_place(event, city);
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
        match place.clone().and_then(|place| meeting(event, zones, place)) {
            Ok(m) if repeats && property(&event.properties, "RECURRENCE-ID").is_none() => {
                match occurrences(event, &m, zones, window, &changed) {
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
    let campaign =
        Campaign { id: id.to_string(), title: title.to_string(), meetings, ..Campaign::default() };
    Ok(Imported { feed: Feed::new(vec![campaign]), errors, notes })
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

fn meeting(event: &IcalEvent, zones: EventZones, place: Place) -> Result<Meeting, String> {
    let props = &event.properties;
    let uid = value(props, "UID").ok_or("it has no UID")?;
    // A changed single instance of a repeating event shares its series' UID.
    let id = match property(props, "RECURRENCE-ID").and_then(|p| p.value.as_deref()) {
        Some(instance) => format!("{uid}-{}", &instance[..instance.len().min(8)]),
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

/// The meetings of a repeating event `base` (made from its first date) within `window`: one per
/// date, each with the id `UID-YYYYMMDD` (the date in the event's zone, as a changed
/// instance's id), the same length, and none on a date a changed instance replaces; and a note
/// of what was imported.
fn occurrences(
    event: &IcalEvent,
    base: &Meeting,
    zones: EventZones,
    window: Window,
    changed: &HashSet<(&str, String)>,
) -> Result<(Vec<Meeting>, String), String> {
    let props = &event.properties;
    let uid = value(props, "UID").unwrap_or_default();
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
    // A rule's UNTIL (a date, or a time in UTC) as the rule's other dates are written.
    let until = |p: &Property| {
        let written = |until: &str| match &own {
            _ if all_day => (until.len() == 8).then(|| format!("{until}T000000Z")),
            Some(own) => {
                let utc = civil::DateTime::strptime("%Y%m%dT%H%M%S", until.strip_suffix('Z')?);
                Some(wall(&utc.ok()?.to_zoned(TimeZone::UTC).ok()?, own))
            }
            None => None,
        };
        line(p, zones)
            .split(';')
            .map(|part| match part.strip_prefix("UNTIL=").and_then(written) {
                Some(until) => format!("UNTIL={until}"),
                None => part.to_string(),
            })
            .collect::<Vec<_>>()
            .join(";")
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
            true => until(p),
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
    let (mut out, mut replaced) = (Vec::new(), 0);
    for date in &result.dates {
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
            m.start = Some(Start::At(zoned));
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
    Ok((out, format!("{note}{replaced}; past dates are left out")))
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
        let window = a_year_from_december();
        let calendar = include_str!("../../tests/fixtures/import/google-calendar.ics");
        let out = import(calendar, "wsu", "IYSSE at Wayne State", Some("Detroit"), window).unwrap();
        assert!(out.feed.campaigns[0].meetings.len() > 5);
        assert_reads_back(&out.feed);
    }

    /// A meeting at a VTIMEZONE's own offsets has no zone name: the widget reads its times by
    /// their offsets alone.
    #[test]
    fn a_calendar_of_its_own_zone_reads_back_as_the_widget_reads_it() {
        let calendar = include_str!("../../tests/fixtures/import/outdated-zone-rules.ics");
        let out = import(calendar, "c", "C", None, a_year_from_december()).unwrap();
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
        let window = a_year_from_december();
        // A VTIMEZONE's RRULE with BYDAY=" -\u{32c}U": the rrule crate's parser cut it inside
        // the character.
        let text = include_str!("../../tests/fixtures/fuzz/import_ics-rrule-byday-not-ascii.ics");
        assert!(import(text, "c", "C", Some("Detroit"), window).is_ok());
    }

    /// RFC 5545's other ways to give an event's length: DURATION in DTEND's place, and RDATE
    /// periods (`start/end`, `start/duration`), each date with its own length.
    #[test]
    fn a_duration_and_rdate_periods_give_each_date_its_length() {
        let window = a_year_from_december();
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
        let out = import(calendar, "c", "C", None, window).unwrap();
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
