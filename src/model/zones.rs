//! The time zones the widget knows by IANA name: standard offset, abbreviations and the
//! daylight-saving rule in force since 2007 (US), 1996 (EU) and 2008 (Australia, New Zealand).
//! Enough to label a venue's wall-clock time ("PDT", "CEST"), to find the offset of a date or a
//! local time, and to notice a feed offset that disagrees with its zone. A zone that is not in
//! the table is simply unknown: times still show, without an abbreviation.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// Second Sunday of March 02:00 local to first Sunday of November 02:00 local.
    Us,
    /// Last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.
    Eu,
    /// First Sunday of October 02:00 local to first Sunday of April 03:00 local (south).
    Au,
    /// Last Sunday of September 02:00 local to first Sunday of April 03:00 local (south).
    Nz,
}

/// A named zone: its standard offset in minutes east of UTC, and its abbreviations.
#[derive(Debug)]
pub struct Zone {
    std_minutes: i32,
    std_abbr: &'static str,
    dst: Option<(Rule, &'static str)>,
}

const fn z(std_minutes: i32, std_abbr: &'static str, dst: Option<(Rule, &'static str)>) -> Zone {
    Zone { std_minutes, std_abbr, dst }
}

const EASTERN: Zone = z(-300, "EST", Some((Rule::Us, "EDT")));
const CENTRAL: Zone = z(-360, "CST", Some((Rule::Us, "CDT")));
const MOUNTAIN: Zone = z(-420, "MST", Some((Rule::Us, "MDT")));
const PACIFIC: Zone = z(-480, "PST", Some((Rule::Us, "PDT")));
const CET: Zone = z(60, "CET", Some((Rule::Eu, "CEST")));
const EET: Zone = z(120, "EET", Some((Rule::Eu, "EEST")));
const AU_EAST: Zone = z(600, "AEST", Some((Rule::Au, "AEDT")));

static ZONES: &[(&str, Zone)] = &[
    ("America/New_York", EASTERN),
    ("America/Detroit", EASTERN),
    ("America/Indiana/Indianapolis", EASTERN),
    ("America/Kentucky/Louisville", EASTERN),
    ("America/Toronto", EASTERN),
    ("America/Chicago", CENTRAL),
    ("America/Winnipeg", CENTRAL),
    ("America/Denver", MOUNTAIN),
    ("America/Boise", MOUNTAIN),
    ("America/Edmonton", MOUNTAIN),
    ("America/Phoenix", z(-420, "MST", None)),
    ("America/Los_Angeles", PACIFIC),
    ("America/Vancouver", PACIFIC),
    ("America/Anchorage", z(-540, "AKST", Some((Rule::Us, "AKDT")))),
    ("Pacific/Honolulu", z(-600, "HST", None)),
    ("America/Puerto_Rico", z(-240, "AST", None)),
    ("America/Halifax", z(-240, "AST", Some((Rule::Us, "ADT")))),
    ("America/St_Johns", z(-210, "NST", Some((Rule::Us, "NDT")))),
    ("America/Mexico_City", z(-360, "CST", None)),
    ("Europe/London", z(0, "GMT", Some((Rule::Eu, "BST")))),
    ("Europe/Dublin", z(0, "GMT", Some((Rule::Eu, "IST")))),
    ("Europe/Lisbon", z(0, "WET", Some((Rule::Eu, "WEST")))),
    ("Europe/Berlin", CET),
    ("Europe/Paris", CET),
    ("Europe/Madrid", CET),
    ("Europe/Rome", CET),
    ("Europe/Vienna", CET),
    ("Europe/Amsterdam", CET),
    ("Europe/Brussels", CET),
    ("Europe/Zurich", CET),
    ("Europe/Stockholm", CET),
    ("Europe/Oslo", CET),
    ("Europe/Copenhagen", CET),
    ("Europe/Warsaw", CET),
    ("Europe/Prague", CET),
    ("Europe/Budapest", CET),
    ("Europe/Belgrade", CET),
    ("Europe/Athens", EET),
    ("Europe/Helsinki", EET),
    ("Europe/Kyiv", EET),
    ("Europe/Kiev", EET),
    ("Europe/Bucharest", EET),
    ("Europe/Sofia", EET),
    ("Europe/Istanbul", z(180, "TRT", None)),
    ("Europe/Moscow", z(180, "MSK", None)),
    ("Asia/Kolkata", z(330, "IST", None)),
    ("Asia/Tokyo", z(540, "JST", None)),
    ("Asia/Seoul", z(540, "KST", None)),
    ("Asia/Hong_Kong", z(480, "HKT", None)),
    ("Africa/Johannesburg", z(120, "SAST", None)),
    ("Africa/Lagos", z(60, "WAT", None)),
    ("Africa/Nairobi", z(180, "EAT", None)),
    ("Australia/Sydney", AU_EAST),
    ("Australia/Melbourne", AU_EAST),
    ("Australia/Brisbane", z(600, "AEST", None)),
    ("Australia/Adelaide", z(570, "ACST", Some((Rule::Au, "ACDT")))),
    ("Australia/Perth", z(480, "AWST", None)),
    ("Pacific/Auckland", z(720, "NZST", Some((Rule::Nz, "NZDT")))),
    ("UTC", z(0, "UTC", None)),
    ("Etc/UTC", z(0, "UTC", None)),
];

/// The zone of an IANA name, when the widget knows it.
pub fn lookup(name: &str) -> Option<&'static Zone> {
    ZONES.iter().find(|(n, _)| *n == name).map(|(_, zone)| zone)
}

fn nth_sunday(year: i32, month: u32, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n).expect("every month has a 1st and 2nd Sunday")
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) }.expect("valid month");
    let last = first_of_next - Duration::days(1);
    last - Duration::days(last.weekday().num_days_from_sunday() as i64)
}

fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("valid hour"))
}

impl Zone {
    /// Is daylight-saving time in force at this UTC instant?
    fn dst_at_utc(&self, utc: NaiveDateTime) -> bool {
        let Some((rule, _)) = self.dst else { return false };
        let year = utc.year();
        // Local standard time, in which the US and southern rules are stated.
        let std = Duration::minutes(self.std_minutes as i64);
        let local_std = utc + std;
        match rule {
            Rule::Eu => utc >= at(last_sunday(year, 3), 1) && utc < at(last_sunday(year, 10), 1),
            Rule::Us => {
                // Starts 02:00 standard time; ends 02:00 daylight time, which is 01:00 standard.
                local_std >= at(nth_sunday(year, 3, 2), 2) && local_std < at(nth_sunday(year, 11, 1), 1)
            }
            Rule::Au => local_std >= at(nth_sunday(year, 10, 1), 2) || local_std < at(nth_sunday(year, 4, 1), 2),
            Rule::Nz => local_std >= at(last_sunday(year, 9), 2) || local_std < at(nth_sunday(year, 4, 1), 2),
        }
    }

    /// The offset in minutes east of UTC in force at this UTC instant.
    pub fn offset_at_utc(&self, utc: NaiveDateTime) -> i32 {
        self.std_minutes + if self.dst_at_utc(utc) { 60 } else { 0 }
    }

    /// The offset in force at a local wall-clock time. In the repeated hour of autumn the
    /// earlier (daylight) reading wins; in the skipped hour of spring, standard time.
    pub fn offset_for_local(&self, local: NaiveDateTime) -> i32 {
        let dst_minutes = self.std_minutes + 60;
        if self.dst.is_some() && self.dst_at_utc(local - Duration::minutes(dst_minutes as i64)) {
            dst_minutes
        } else {
            self.std_minutes
        }
    }

    /// The abbreviation for an offset of this zone, or `None` if the zone never uses it.
    pub fn abbreviation(&self, offset_minutes: i32) -> Option<&'static str> {
        if offset_minutes == self.std_minutes {
            return Some(self.std_abbr);
        }
        match self.dst {
            Some((_, abbr)) if offset_minutes == self.std_minutes + 60 => Some(abbr),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn us_change_nights_of_2027() {
        let la = lookup("America/Los_Angeles").unwrap();
        // 14 March 2027, 02:00 PST = 10:00 UTC.
        assert_eq!(la.offset_at_utc(utc("2027-03-14 09:59")), -480);
        assert_eq!(la.offset_at_utc(utc("2027-03-14 10:00")), -420);
        // 7 November 2027, 02:00 PDT = 09:00 UTC.
        assert_eq!(la.offset_at_utc(utc("2027-11-07 08:59")), -420);
        assert_eq!(la.offset_at_utc(utc("2027-11-07 09:00")), -480);
        assert_eq!(la.abbreviation(-420), Some("PDT"));
        assert_eq!(la.abbreviation(-480), Some("PST"));
        assert_eq!(la.abbreviation(-300), None);
    }

    #[test]
    fn eu_change_nights_of_2027_differ_from_us() {
        let berlin = lookup("Europe/Berlin").unwrap();
        // 28 March 2027 01:00 UTC; the US had changed two weeks earlier.
        assert_eq!(berlin.offset_at_utc(utc("2027-03-28 00:59")), 60);
        assert_eq!(berlin.offset_at_utc(utc("2027-03-28 01:00")), 120);
        assert_eq!(berlin.offset_at_utc(utc("2027-10-31 00:59")), 120);
        assert_eq!(berlin.offset_at_utc(utc("2027-10-31 01:00")), 60);
        let ny = lookup("America/New_York").unwrap();
        assert_eq!(ny.offset_at_utc(utc("2027-03-20 12:00")), -240);
        assert_eq!(berlin.offset_at_utc(utc("2027-03-20 12:00")), 60);
    }

    #[test]
    fn southern_rules_wrap_the_new_year() {
        let sydney = lookup("Australia/Sydney").unwrap();
        assert_eq!(sydney.offset_at_utc(utc("2027-01-15 00:00")), 660);
        assert_eq!(sydney.offset_at_utc(utc("2027-06-15 00:00")), 600);
        let auckland = lookup("Pacific/Auckland").unwrap();
        assert_eq!(auckland.offset_at_utc(utc("2027-12-15 00:00")), 780);
        assert_eq!(auckland.offset_at_utc(utc("2027-07-15 00:00")), 720);
    }

    #[test]
    fn local_times_on_change_days() {
        let ny = lookup("America/New_York").unwrap();
        let local = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(ny.offset_for_local(local("2027-03-14 01:30")), -300);
        assert_eq!(ny.offset_for_local(local("2027-03-14 03:30")), -240);
        // 01:30 happens twice on 7 November; the first (EDT) is taken.
        assert_eq!(ny.offset_for_local(local("2027-11-07 01:30")), -240);
        assert_eq!(ny.offset_for_local(local("2027-11-07 02:30")), -300);
        assert_eq!(lookup("Asia/Kolkata").unwrap().offset_for_local(local("2027-07-01 12:00")), 330);
        assert!(lookup("Mars/Olympus_Mons").is_none());
    }
}
