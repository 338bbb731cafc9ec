//! A venue's time zone, by its IANA name, with the rules of the platform's own database
//! (`crate::intl`: the browser's in the widget, jiff's natively). Every zone the database knows
//! is known here: no table of ours to keep. The offset at an instant, the offset of a local
//! wall-clock time (with the rule for the hour skipped or repeated when clocks change), and the
//! label a reader sees ("PDT", "MESZ", else "GMT+5:30").

use crate::intl;
use chrono::{DateTime, FixedOffset, NaiveDateTime};

/// A zone the platform knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    name: Box<str>,
}

impl Zone {
    /// The zone of that IANA name (`Europe/Berlin`), if the platform's database has it.
    pub fn get(name: &str) -> Option<Zone> {
        intl::offset(name, 0).map(|_| Zone { name: name.into() })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    fn offset_seconds(&self, utc_seconds: i64) -> i32 {
        intl::offset(&self.name, utc_seconds).unwrap_or(0)
    }

    /// The offset in minutes east of UTC in force at this UTC instant.
    pub fn offset_at_utc(&self, utc: NaiveDateTime) -> i32 {
        self.offset_seconds(utc.and_utc().timestamp()) / 60
    }

    /// The offset in force at a local wall-clock time. In the hour repeated when clocks go back,
    /// the earlier reading wins; in the hour skipped when they go forward, the offset before
    /// the change (so 02:30 on a spring night reads as 03:30), as RFC 5545 and Temporal do.
    pub fn offset_for_local(&self, local: NaiveDateTime) -> i32 {
        let wall = local.and_utc().timestamp();
        let before = self.offset_seconds(wall - 86_400);
        let after = self.offset_seconds(wall + 86_400);
        let holds = |offset: i32| self.offset_seconds(wall - offset as i64) == offset;
        let offset = if holds(before) {
            before
        } else if holds(after) {
            after
        } else {
            before
        };
        offset / 60
    }

    /// What a reader of `locale` (a BCP 47 tag) sees after a time at `t`: the zone's short name
    /// in that language ("PDT", "MESZ", "BRT"), or the offset where it has none ("GMT+5:30").
    pub fn label(&self, locale: &'static str, t: &DateTime<FixedOffset>) -> String {
        let offset = t.offset().local_minus_utc();
        intl::zone_name(locale, &self.name, t.timestamp(), offset)
            .unwrap_or_else(|| intl::offset_label(offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "2027-03-14 09:59": a UTC instant, or a local wall-clock time, as the test reads it.
    fn clock(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn zone(name: &str) -> Zone {
        Zone::get(name).unwrap()
    }

    #[test]
    fn change_nights_of_2027_north_and_south() {
        let la = zone("America/Los_Angeles");
        // 14 March 2027, 02:00 PST = 10:00 UTC; 7 November 2027, 02:00 PDT = 09:00 UTC.
        assert_eq!(la.offset_at_utc(clock("2027-03-14 09:59")), -480);
        assert_eq!(la.offset_at_utc(clock("2027-03-14 10:00")), -420);
        assert_eq!(la.offset_at_utc(clock("2027-11-07 08:59")), -420);
        assert_eq!(la.offset_at_utc(clock("2027-11-07 09:00")), -480);
        let berlin = zone("Europe/Berlin");
        assert_eq!(berlin.offset_at_utc(clock("2027-03-28 00:59")), 60);
        assert_eq!(berlin.offset_at_utc(clock("2027-03-28 01:00")), 120);
        // Lord Howe Island moves by half an hour; Regina and Colombo never move.
        let lord_howe = zone("Australia/Lord_Howe");
        assert_eq!(lord_howe.offset_at_utc(clock("2027-01-15 00:00")), 660);
        assert_eq!(lord_howe.offset_at_utc(clock("2027-06-15 00:00")), 630);
        assert_eq!(zone("America/Regina").offset_at_utc(clock("2027-07-01 00:00")), -360);
        assert_eq!(zone("Asia/Colombo").offset_at_utc(clock("2027-07-01 00:00")), 330);
        assert_eq!(zone("America/Sao_Paulo").offset_at_utc(clock("2027-01-15 00:00")), -180);
    }

    #[test]
    fn local_times_on_change_days() {
        let ny = zone("America/New_York");
        assert_eq!(ny.offset_for_local(clock("2027-03-14 01:30")), -300);
        // 02:30 does not happen on 14 March: read with the offset before the change.
        assert_eq!(ny.offset_for_local(clock("2027-03-14 02:30")), -300);
        assert_eq!(ny.offset_for_local(clock("2027-03-14 03:30")), -240);
        // 01:30 happens twice on 7 November; the first (EDT) is taken.
        assert_eq!(ny.offset_for_local(clock("2027-11-07 01:30")), -240);
        assert_eq!(ny.offset_for_local(clock("2027-11-07 02:30")), -300);
        // Lord Howe's half-hour change: 02:15 on 3 October 2027 does not happen there.
        let lord_howe = zone("Australia/Lord_Howe");
        assert_eq!(lord_howe.offset_for_local(clock("2027-10-03 02:15")), 630);
        assert_eq!(lord_howe.offset_for_local(clock("2027-10-03 03:00")), 660);
        assert!(Zone::get("Mars/Olympus_Mons").is_none());
    }

    #[test]
    fn labels_are_names_where_the_language_has_one_else_offsets() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let berlin = zone("Europe/Berlin");
        assert_eq!(berlin.label("de", &at("2027-07-01T19:00:00+02:00")), "MESZ");
        assert_eq!(berlin.label("en", &at("2027-07-01T19:00:00+02:00")), "GMT+2");
        assert_eq!(
            zone("America/Los_Angeles").label("en", &at("2027-07-01T19:00:00-07:00")),
            "PDT"
        );
        assert_eq!(zone("Asia/Colombo").label("fr", &at("2027-07-01T19:00:00+05:30")), "GMT+5:30");
        assert_eq!(zone("America/Sao_Paulo").label("pt", &at("2027-07-01T19:00:00-03:00")), "BRT");
        assert_eq!(zone("America/Regina").label("en", &at("2027-07-01T19:00:00-06:00")), "CST");
        assert_eq!(
            zone("Australia/Lord_Howe").label("es", &at("2027-07-01T19:00:00+10:30")),
            "GMT+10:30"
        );
    }
}
