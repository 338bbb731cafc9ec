//! When a meeting happens, by the rules of feed-v1.md "Times": parsing `start` / `end` against the
//! venue's `time_zone`, deciding when a meeting is past, and ordering meetings in time.
//! Display of these times lives in `time_format.rs`.

use crate::model::feed::problem::{ProblemKind, TimeField};
use crate::model::feed::zone::Zone;
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc,
};

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
    pub corrections: Vec<ProblemKind>,
}

/// How long a meeting with no `end` is taken to last.
pub const DEFAULT_LENGTH_HOURS: i64 = 2;

fn offset(minutes: i32) -> FixedOffset {
    FixedOffset::east_opt(minutes * 60).expect("zone offsets are within a day")
}

/// A UTC offset as RFC 3339 writes it: `+05:30`, `-04:00`.
pub fn show_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

fn digits(s: Option<&str>) -> Option<u32> {
    let s = s?;
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Reads a date, `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(s.get(0..4))? as i32,
        digits(s.get(5..7))?,
        digits(s.get(8..10))?,
    )
}

/// Reads an RFC 3339 date-time, also without seconds or without an offset:
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]`. Returns the wall-clock time and the
/// offset in minutes east of UTC, if one is given. (Written here rather than taken from
/// chrono's parser, which weighs far more in the wasm.)
pub fn parse_date_time_parts(s: &str) -> Option<(NaiveDateTime, Option<i32>)> {
    let date = parse_date(s.get(0..10)?)?;
    if !matches!(s.as_bytes().get(10), Some(b'T' | b't' | b' '))
        || s.as_bytes().get(13) != Some(&b':')
    {
        return None;
    }
    let (hour, minute) = (digits(s.get(11..13))?, digits(s.get(14..16))?);
    let mut rest = s.get(16..)?;
    let mut second = 0;
    if let Some(after) = rest.strip_prefix(':') {
        second = digits(after.get(0..2))?;
        rest = after.get(2..)?;
        if let Some(fraction) = rest.strip_prefix(['.', ',']) {
            let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            rest = fraction.get(n..)?;
        }
    }
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(0),
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let body = rest.get(1..)?;
            let (h, m) = match body.len() {
                5 if body.as_bytes()[2] == b':' => {
                    (digits(body.get(0..2))?, digits(body.get(3..5))?)
                }
                4 => (digits(body.get(0..2))?, digits(body.get(2..4))?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            Some(sign * (h * 60 + m) as i32)
        }
    };
    Some((date.and_time(NaiveTime::from_hms_opt(hour, minute, second)?), offset))
}

/// An instant written with its offset (`2026-12-01T12:00:00Z`).
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let (local, minutes) = parse_date_time_parts(s)?;
    Some((local - Duration::minutes(minutes? as i64)).and_utc())
}

/// `2027-04-19`.
pub fn date_text(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2027-04-19T18:30:00+02:00`, for `<time datetime>`.
pub fn rfc3339(t: &DateTime<FixedOffset>) -> String {
    let local = t.naive_local();
    format!(
        "{}T{:02}:{:02}:{:02}{}",
        date_text(local.date()),
        local.hour(),
        local.minute(),
        local.second(),
        show_offset(t.offset().local_minus_utc() / 60)
    )
}

fn at_offset(local: NaiveDateTime, minutes: i32) -> DateTime<FixedOffset> {
    local
        .and_local_timezone(offset(minutes))
        .single()
        .expect("a fixed offset maps every local time once")
}

/// One date-time string: with an offset, or a local time resolved in the venue's zone.
fn parse_date_time(
    field: TimeField,
    raw: &str,
    zone: Option<&Zone>,
    fixes: &mut Vec<ProblemKind>,
) -> Result<DateTime<FixedOffset>, ProblemKind> {
    let (local, given) = parse_date_time_parts(raw)
        .ok_or_else(|| ProblemKind::NotDateTime { field, value: raw.to_string() })?;
    match (given, zone) {
        (Some(minutes), _) => Ok(check_offset(field, raw, at_offset(local, minutes), zone, fixes)),
        (None, Some(zone)) => Ok(at_offset(local, zone.offset_for_local(local))),
        (None, None) => Err(ProblemKind::NoOffset { field, value: raw.to_string() }),
    }
}

/// A time whose offset is not the one its zone has on that day. A UTC time ("Z") is taken
/// as an instant and moved to the venue's clock; any other offset is taken as a mistyped
/// offset on a correct wall-clock time, which is kept.
fn check_offset(
    field: TimeField,
    raw: &str,
    t: DateTime<FixedOffset>,
    zone: Option<&Zone>,
    fixes: &mut Vec<ProblemKind>,
) -> DateTime<FixedOffset> {
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
    fixes.push(ProblemKind::WrongOffset {
        field,
        value: raw.to_string(),
        given,
        expected,
        hour: local.hour(),
        minute: local.minute(),
    });
    at_offset(local, expected)
}

/// Parses a meeting's `start` and `end` by the rules of feed-v1.md.
pub fn parse_when(
    start: Option<&str>,
    end: Option<&str>,
    zone: Option<&Zone>,
) -> Result<Parsed, ProblemKind> {
    let mut corrections = Vec::new();
    let Some(start) = start else {
        if end.is_some() {
            corrections.push(ProblemKind::EndWithoutStart);
        }
        return Ok(Parsed { when: When::Unknown, corrections });
    };
    if start.len() == 10 {
        let date = parse_date(start)
            .ok_or_else(|| ProblemKind::NoSuchDate { value: start.to_string() })?;
        if end.is_some() {
            corrections.push(ProblemKind::EndWithDate);
        }
        return Ok(Parsed { when: When::Day(date), corrections });
    }
    let start_at = parse_date_time(TimeField::Start, start, zone, &mut corrections)?;
    let end_at = match end {
        None => None,
        Some(raw) => match parse_date_time(TimeField::End, raw, zone, &mut corrections) {
            Err(e) => {
                corrections.push(e);
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
fn fix_end_before_start(
    start: DateTime<FixedOffset>,
    end: DateTime<FixedOffset>,
    raw: &str,
    fixes: &mut Vec<ProblemKind>,
) -> Option<DateTime<FixedOffset>> {
    let next_day = end + Duration::days(1);
    let value = raw.to_string();
    if end.date_naive() == start.date_naive() && next_day > start {
        fixes.push(ProblemKind::EndNextDay { value });
        Some(next_day)
    } else {
        fixes.push(ProblemKind::EndNotAfterStart { value });
        None
    }
}

/// The latest offset on Earth (UTC−12): a day at an unknown venue is over only once it is
/// over everywhere.
const LATEST_OFFSET_MINUTES: i32 = -12 * 60;

impl When {
    /// Whether the meeting has a date (a day, or a time): not "Date TBA".
    pub fn has_date(&self) -> bool {
        !matches!(self, When::Unknown)
    }

    /// The instant after which the meeting is past, or `None` if its date is not known.
    pub fn ends_at(&self, zone: Option<&Zone>) -> Option<DateTime<Utc>> {
        match self {
            When::Unknown => None,
            When::At { start, end } => Some(
                end.unwrap_or(*start + Duration::hours(DEFAULT_LENGTH_HOURS)).with_timezone(&Utc),
            ),
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

    fn lookup(name: &str) -> Option<Zone> {
        Zone::get(name)
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn when(start: Option<&str>, end: Option<&str>, zone: Option<&str>) -> Parsed {
        parse_when(start, end, zone.and_then(lookup).as_ref()).unwrap()
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
    fn reads_rfc3339_and_its_common_shortenings() {
        let parts = |s| parse_date_time_parts(s).map(|(t, o)| (t.to_string(), o));
        assert_eq!(
            parts("2027-04-19T19:00:00-07:00"),
            Some(("2027-04-19 19:00:00".into(), Some(-420)))
        );
        assert_eq!(
            parts("2027-04-19t19:00:30.250Z"),
            Some(("2027-04-19 19:00:30".into(), Some(0)))
        );
        assert_eq!(parts("2027-04-19 19:00+0530"), Some(("2027-04-19 19:00:00".into(), Some(330))));
        assert_eq!(parts("2027-04-19T19:00"), Some(("2027-04-19 19:00:00".into(), None)));
        for bad in [
            "2027-04-19T25:00",
            "2027-04-19T19:00+24:00",
            "2027-04-19T19",
            "2027-04-19T19:00:",
            "2027-04-19T19:00.5",
            "2027-04-19T19:00 PST",
            "2027-4-19T19:00",
            "2027-04-19T\u{e4}9:00",
            "\u{fc}",
        ] {
            assert_eq!(parts(bad), None, "{bad}");
        }
        assert_eq!(parse_instant("2026-12-01T12:00:00Z").unwrap().timestamp(), 1_796_126_400);
        assert_eq!(parse_instant("2026-12-01T12:00:00"), None, "an instant needs its offset");
        let t = DateTime::parse_from_rfc3339("2027-04-19T18:30:00+02:00").unwrap();
        assert_eq!(rfc3339(&t), "2027-04-19T18:30:00+02:00");
    }

    #[test]
    fn date_alone_and_no_date() {
        assert_eq!(
            when(Some("2027-04-17"), None, None).when,
            When::Day(NaiveDate::from_ymd_opt(2027, 4, 17).unwrap())
        );
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
        assert_eq!(
            p.corrections,
            [ProblemKind::EndNextDay { value: "2027-04-22T01:00:00-04:00".into() }]
        );
        // An end days before the start is dropped.
        let p = when(Some("2027-04-22T22:00:00-04:00"), Some("2027-04-10T23:00:00-04:00"), None);
        assert!(matches!(p.when, When::At { end: None, .. }));
        assert!(matches!(p.corrections[..], [ProblemKind::EndNotAfterStart { .. }]));
        // An unreadable end is dropped, the meeting kept.
        let p = when(Some("2027-04-22T22:00:00-04:00"), Some("soon"), None);
        assert!(matches!(p.when, When::At { end: None, .. }));
        let value = "soon".to_string();
        assert_eq!(p.corrections, [ProblemKind::NotDateTime { field: TimeField::End, value }]);
    }

    #[test]
    fn offset_that_disagrees_with_the_zone_keeps_the_wall_clock() {
        // -08:00 in July is winter time in Los Angeles: the publisher mistyped the offset.
        let p = when(Some("2027-07-01T19:00:00-08:00"), None, Some("America/Los_Angeles"));
        let When::At { start, .. } = p.when else { panic!() };
        assert_eq!(start.naive_local().to_string(), "2027-07-01 19:00:00");
        assert_eq!(start.offset().local_minus_utc(), -7 * 3600);
        assert_eq!(
            p.corrections,
            [ProblemKind::WrongOffset {
                field: TimeField::Start,
                value: "2027-07-01T19:00:00-08:00".into(),
                given: -480,
                expected: -420,
                hour: 19,
                minute: 0
            }]
        );
        // A UTC instant from a CMS is moved to the venue's clock instead.
        let p = when(Some("2027-07-02T02:00:00Z"), None, Some("America/Los_Angeles"));
        let When::At { start, .. } = p.when else { panic!() };
        assert_eq!(start.naive_local().to_string(), "2027-07-01 19:00:00");
        assert!(p.corrections.is_empty());
    }

    #[test]
    fn past_after_end_or_two_hours_or_end_of_day_at_venue() {
        let la = lookup("America/Los_Angeles");
        let la = la.as_ref();
        let timed = when(Some("2027-04-19T19:00:00-07:00"), None, None).when;
        assert!(!timed.is_past(la, utc("2027-04-20T03:59:00Z")));
        assert!(timed.is_past(la, utc("2027-04-20T04:01:00Z")));
        let with_end =
            when(Some("2027-04-19T19:00:00-07:00"), Some("2027-04-19T19:30:00-07:00"), None).when;
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
