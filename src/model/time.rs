//! When a meeting happens, by the rules of feed-v1.md "Times": parsing `start` / `end` against the
//! venue's `time_zone`, deciding when a meeting is past, and ordering meetings in time.
//! Display of these times lives in `time_format.rs`.

use super::zones::Zone;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// When a meeting happens, as far as the feed knows.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// No `start`: "Date TBA".
    Unknown,
    /// A date alone: "Time TBA".
    Day(NaiveDate),
    /// A date-time at the venue, with its offset, and an optional end after it.
    At { start: DateTime<FixedOffset>, end: Option<DateTime<FixedOffset>> },
}

/// A meeting's time once parsed, with the corrections made on the way (for the publisher).
#[derive(Debug)]
pub struct Parsed {
    pub when: When,
    pub corrections: Vec<String>,
}

/// How long a meeting with no `end` is taken to last.
pub const DEFAULT_LENGTH_HOURS: i64 = 2;

fn offset(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes * 60).expect("zone offsets are within a day")
}

fn show_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

/// One date-time string: with an offset, or a local time resolved in the venue's zone.
fn parse_date_time(field: &str, raw: &str, zone: Option<&Zone>, fixes: &mut Vec<String>) -> Result<DateTime<FixedOffset>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(check_offset(field, raw, t, zone, fixes));
    }
    // RFC 3339 without seconds ("2027-04-19T19:00-07:00") is common in hand-written feeds.
    if let Some(t) = with_seconds(raw).and_then(|s| DateTime::parse_from_rfc3339(&s).ok()) {
        return Ok(check_offset(field, raw, t, zone, fixes));
    }
    let local = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M"))
        .map_err(|_| format!("{field} {raw:?} is not a date (YYYY-MM-DD) or an RFC 3339 date-time"))?;
    match zone {
        Some(zone) => {
            let t = local.and_local_timezone(offset(zone.offset_for_local(local))).single().expect("a fixed offset maps every local time once");
            Ok(t)
        }
        None => Err(format!("{field} {raw:?} has no UTC offset and no known time_zone")),
    }
}

/// "…T19:00-07:00" → "…T19:00:00-07:00"; `None` when the string is not of that shape.
fn with_seconds(raw: &str) -> Option<String> {
    let t = raw.find(['T', 't'])?;
    let time = &raw[t + 1..];
    let (clock, rest) = time.split_at(time.len().min(5));
    (clock.len() == 5 && clock.as_bytes()[2] == b':' && !rest.starts_with(':')).then(|| format!("{}{clock}:00{rest}", &raw[..=t]))
}

/// A time whose offset is not the one its zone has on that day. A UTC time ("Z") is taken
/// as an instant and moved to the venue's clock; any other offset is taken as a mistyped
/// offset on a correct wall-clock time, which is kept.
fn check_offset(field: &str, raw: &str, t: DateTime<FixedOffset>, zone: Option<&Zone>, fixes: &mut Vec<String>) -> DateTime<FixedOffset> {
    let Some(zone) = zone else { return t };
    let given = t.offset().local_minus_utc() / 60;
    let at_instant = zone.offset_at_utc(t.naive_utc());
    if given == at_instant {
        return t;
    }
    if given == 0 {
        return t.with_timezone(&offset(at_instant));
    }
    let local = t.naive_local();
    let expected = zone.offset_for_local(local);
    fixes.push(format!(
        "{field} {raw:?}: the offset {} is not the one in force in its time_zone on that day ({}); the local time {} was kept",
        show_offset(given),
        show_offset(expected),
        local.format("%H:%M")
    ));
    local.and_local_timezone(offset(expected)).single().expect("a fixed offset maps every local time once")
}

/// Parses a meeting's `start` and `end` by the rules of feed-v1.md.
pub fn parse_when(start: Option<&str>, end: Option<&str>, zone: Option<&Zone>) -> Result<Parsed, String> {
    let mut corrections = Vec::new();
    let Some(start) = start else {
        if end.is_some() {
            corrections.push("end is ignored because there is no start".to_string());
        }
        return Ok(Parsed { when: When::Unknown, corrections });
    };
    if start.len() == 10 {
        let date = NaiveDate::parse_from_str(start, "%Y-%m-%d").map_err(|_| format!("start {start:?} is not a valid date"))?;
        if end.is_some() {
            corrections.push("end is ignored because start is a date without a time".to_string());
        }
        return Ok(Parsed { when: When::Day(date), corrections });
    }
    let start_at = parse_date_time("start", start, zone, &mut corrections)?;
    let end_at = match end {
        None => None,
        Some(raw) => match parse_date_time("end", raw, zone, &mut corrections) {
            Err(e) => {
                corrections.push(format!("{e}; it is ignored"));
                None
            }
            Ok(e) if e > start_at => Some(e),
            Ok(e) => fix_end_before_start(start_at, e, raw, &mut corrections),
        },
    };
    Ok(Parsed { when: When::At { start: start_at, end: end_at }, corrections })
}

/// An end at or before its start. "22:00 to 01:00" written on the same date means the next
/// morning; anything else is dropped.
fn fix_end_before_start(start: DateTime<FixedOffset>, end: DateTime<FixedOffset>, raw: &str, fixes: &mut Vec<String>) -> Option<DateTime<FixedOffset>> {
    let next_day = end + Duration::days(1);
    if end.date_naive() == start.date_naive() && next_day > start {
        fixes.push(format!("end {raw:?} is before the start on the same day; read as the next day"));
        Some(next_day)
    } else {
        fixes.push(format!("end {raw:?} is not after the start; it is ignored"));
        None
    }
}

/// The latest offset on Earth (UTC−12): a day at an unknown venue is over only once it is over everywhere.
const LATEST_OFFSET_MINUTES: i32 = -12 * 60;

impl When {
    /// The instant after which the meeting is past, or `None` if its date is not known.
    pub fn ends_at(&self, zone: Option<&Zone>) -> Option<DateTime<Utc>> {
        match self {
            When::Unknown => None,
            When::At { start, end } => Some(end.unwrap_or(*start + Duration::hours(DEFAULT_LENGTH_HOURS)).with_timezone(&Utc)),
            When::Day(date) => {
                let midnight = date.succ_opt()?.and_time(NaiveTime::MIN);
                let minutes = zone.map_or(LATEST_OFFSET_MINUTES, |z| z.offset_for_local(midnight));
                Some((midnight - Duration::minutes(minutes as i64)).and_utc())
            }
        }
    }

    /// A meeting is past once its end (see [`When::ends_at`]) is before now.
    pub fn is_past(&self, zone: Option<&Zone>, now: DateTime<Utc>) -> bool {
        self.ends_at(zone).is_some_and(|end| end < now)
    }

    /// Orders meetings in time: timed and dated ones by their start, undated ones last.
    pub fn sort_key(&self, zone: Option<&Zone>) -> (bool, i64) {
        match self {
            When::Unknown => (true, 0),
            When::At { start, .. } => (false, start.timestamp()),
            When::Day(date) => {
                let midnight = date.and_time(NaiveTime::MIN);
                let minutes = zone.map_or(0, |z| z.offset_for_local(midnight));
                (false, (midnight - Duration::minutes(minutes as i64)).and_utc().timestamp())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::zones::lookup;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn when(start: Option<&str>, end: Option<&str>, zone: Option<&str>) -> Parsed {
        parse_when(start, end, zone.and_then(lookup)).unwrap()
    }

    #[test]
    fn date_time_with_offset_keeps_the_venue_wall_clock() {
        let p = when(Some("2027-04-19T18:30:00+02:00"), None, Some("Europe/Berlin"));
        let When::At { start, end } = p.when else { panic!("timed") };
        assert_eq!(start.naive_local().to_string(), "2027-04-19 18:30:00");
        assert_eq!(start.offset().local_minus_utc(), 7200);
        assert_eq!(end, None);
        assert!(p.corrections.is_empty());
    }

    #[test]
    fn date_alone_and_no_date() {
        assert_eq!(when(Some("2027-04-17"), None, None).when, When::Day(NaiveDate::from_ymd_opt(2027, 4, 17).unwrap()));
        assert_eq!(when(None, None, None).when, When::Unknown);
        assert!(parse_when(Some("2027-02-30"), None, None).is_err());
        assert!(parse_when(Some("next Tuesday"), None, None).is_err());
    }

    #[test]
    fn minutes_only_and_local_times_are_accepted() {
        let p = when(Some("2027-04-19T19:00-07:00"), None, None);
        assert!(matches!(p.when, When::At { .. }));
        // No offset, but a known zone: the offset in force there that day.
        let p = when(Some("2027-07-01T19:00"), None, Some("America/New_York"));
        let When::At { start, .. } = p.when else { panic!("timed") };
        assert_eq!(start.offset().local_minus_utc(), -4 * 3600);
        // No offset and no zone cannot be placed in time.
        assert!(parse_when(Some("2027-07-01T19:00"), None, None).is_err());
    }

    #[test]
    fn end_is_kept_when_after_start_and_fixed_or_dropped_otherwise() {
        let p = when(Some("2027-04-22T11:00:00-04:00"), Some("2027-04-22T17:00:00-04:00"), None);
        let When::At { end, .. } = p.when else { panic!() };
        assert_eq!(end.unwrap().naive_local().to_string(), "2027-04-22 17:00:00");
        // 22:00 to 01:00 written on the same date: the next morning.
        let p = when(Some("2027-04-22T22:00:00-04:00"), Some("2027-04-22T01:00:00-04:00"), None);
        let When::At { end, .. } = p.when else { panic!() };
        assert_eq!(end.unwrap().naive_local().to_string(), "2027-04-23 01:00:00");
        assert_eq!(p.corrections.len(), 1);
        // An end days before the start is dropped.
        let p = when(Some("2027-04-22T22:00:00-04:00"), Some("2027-04-10T23:00:00-04:00"), None);
        assert!(matches!(p.when, When::At { end: None, .. }));
        assert_eq!(p.corrections.len(), 1);
        // An unreadable end is dropped, the meeting kept.
        let p = when(Some("2027-04-22T22:00:00-04:00"), Some("soon"), None);
        assert!(matches!(p.when, When::At { end: None, .. }));
    }

    #[test]
    fn offset_that_disagrees_with_the_zone_keeps_the_wall_clock() {
        // -08:00 in July is winter time in Los Angeles: the publisher mistyped the offset.
        let p = when(Some("2027-07-01T19:00:00-08:00"), None, Some("America/Los_Angeles"));
        let When::At { start, .. } = p.when else { panic!() };
        assert_eq!(start.naive_local().to_string(), "2027-07-01 19:00:00");
        assert_eq!(start.offset().local_minus_utc(), -7 * 3600);
        assert_eq!(p.corrections.len(), 1, "{:?}", p.corrections);
        // A UTC instant from a CMS is moved to the venue's clock instead.
        let p = when(Some("2027-07-02T02:00:00Z"), None, Some("America/Los_Angeles"));
        let When::At { start, .. } = p.when else { panic!() };
        assert_eq!(start.naive_local().to_string(), "2027-07-01 19:00:00");
        assert!(p.corrections.is_empty());
    }

    #[test]
    fn past_after_end_or_two_hours_or_end_of_day_at_venue() {
        let la = lookup("America/Los_Angeles");
        let timed = when(Some("2027-04-19T19:00:00-07:00"), None, None).when;
        assert!(!timed.is_past(la, utc("2027-04-20T03:59:00Z")));
        assert!(timed.is_past(la, utc("2027-04-20T04:01:00Z")));
        let with_end = when(Some("2027-04-19T19:00:00-07:00"), Some("2027-04-19T19:30:00-07:00"), None).when;
        assert!(with_end.is_past(la, utc("2027-04-20T02:31:00Z")));
        // A date alone in Los Angeles lasts until midnight there (07:00 UTC next day).
        let day = when(Some("2027-04-19"), None, None).when;
        assert!(!day.is_past(la, utc("2027-04-20T06:59:00Z")));
        assert!(day.is_past(la, utc("2027-04-20T07:01:00Z")));
        // At an unknown venue it lasts until the day is over everywhere (UTC−12).
        assert!(!day.is_past(None, utc("2027-04-20T11:59:00Z")));
        assert!(day.is_past(None, utc("2027-04-20T12:01:00Z")));
        // No date: never past.
        assert!(!When::Unknown.is_past(la, utc("2099-01-01T00:00:00Z")));
    }

    #[test]
    fn sort_key_orders_by_instant_and_puts_unknown_last() {
        let berlin = when(Some("2027-04-19T18:30:00+02:00"), None, None).when;
        let la = when(Some("2027-04-19T19:00:00-07:00"), None, None).when;
        assert!(berlin.sort_key(None) < la.sort_key(None));
        assert!(la.sort_key(None) < When::Unknown.sort_key(None));
    }
}
