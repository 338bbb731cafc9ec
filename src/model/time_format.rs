//! How a meeting's time reads: always the venue's wall-clock time with its zone's abbreviation
//! where known ("Thursday, April 19, 2027" · "7:00 – 9:00 PM PDT"), never the reader's zone.

use super::i18n::Lang;
use super::time::{date_text, rfc3339, When};
use super::zones::Zone;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike};

/// The two lines of a meeting's time, plus the machine-readable value for `<time datetime>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhenText {
    pub date: String,
    pub time: String,
    pub datetime: Option<String>,
}

/// "Thursday, April 19, 2027" / "Donnerstag, 19. April 2027".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let t = lang.texts();
    let weekday = t.weekdays[d.weekday().num_days_from_monday() as usize];
    let month = t.months[d.month0() as usize];
    match lang {
        Lang::En => format!("{weekday}, {month} {}, {}", d.day(), d.year()),
        Lang::De => format!("{weekday}, {}. {month} {}", d.day(), d.year()),
    }
}

/// "7:00 PM" / "19:00".
pub fn clock(lang: Lang, t: NaiveTime) -> String {
    match lang {
        Lang::En => {
            let (pm, hour) = t.hour12();
            format!("{hour}:{:02} {}", t.minute(), if pm { "PM" } else { "AM" })
        }
        Lang::De => format!("{:02}:{:02}", t.hour(), t.minute()),
    }
}

fn abbreviation(zone: Option<&Zone>, t: &DateTime<FixedOffset>) -> Option<&'static str> {
    zone?.abbreviation(t.offset().local_minus_utc() / 60)
}

/// The text of a meeting's time in the venue's own zone.
pub fn describe(lang: Lang, when: &When, zone: Option<&Zone>) -> WhenText {
    let texts = lang.texts();
    match when {
        When::Unknown => WhenText { date: texts.date_tba.to_string(), time: String::new(), datetime: None },
        When::Day(d) => WhenText { date: date(lang, *d), time: texts.time_tba.to_string(), datetime: Some(date_text(*d)) },
        When::At { start, end } => {
            let mut time = clock(lang, start.time());
            if let Some(end) = end {
                time.push_str(" – ");
                if end.date_naive() != start.date_naive() {
                    time.push_str(&date(lang, end.date_naive()));
                    time.push_str(", ");
                }
                time.push_str(&clock(lang, end.time()));
            }
            if lang == Lang::De {
                time.push_str(" Uhr");
            }
            if let Some(abbr) = abbreviation(zone, start) {
                time.push(' ');
                time.push_str(abbr);
            }
            WhenText { date: date(lang, start.date_naive()), time, datetime: Some(rfc3339(start)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_when;
    use crate::model::zones::lookup;

    fn text(lang: Lang, start: Option<&str>, end: Option<&str>, zone: &str) -> WhenText {
        let zone = lookup(zone);
        describe(lang, &parse_when(start, end, zone).unwrap().when, zone)
    }

    #[test]
    fn venue_wall_clock_with_abbreviation() {
        let t = text(Lang::En, Some("2027-04-19T18:30:00+02:00"), None, "Europe/Berlin");
        assert_eq!(t.date, "Monday, April 19, 2027");
        assert_eq!(t.time, "6:30 PM CEST");
        assert_eq!(t.datetime.as_deref(), Some("2027-04-19T18:30:00+02:00"));
        let t = text(Lang::De, Some("2027-04-19T18:30:00+02:00"), None, "Europe/Berlin");
        assert_eq!(t.date, "Montag, 19. April 2027");
        assert_eq!(t.time, "18:30 Uhr CEST");
    }

    #[test]
    fn ranges_and_midnight_crossing() {
        let t = text(Lang::En, Some("2027-04-22T11:00:00-04:00"), Some("2027-04-22T17:00:00-04:00"), "America/Detroit");
        assert_eq!(t.time, "11:00 AM – 5:00 PM EDT");
        let t = text(Lang::En, Some("2027-04-22T22:00:00-04:00"), Some("2027-04-23T01:00:00-04:00"), "America/Detroit");
        assert_eq!(t.time, "10:00 PM – Friday, April 23, 2027, 1:00 AM EDT");
        let t = text(Lang::En, Some("2027-01-12T12:00:00-05:00"), None, "America/New_York");
        assert_eq!(t.time, "12:00 PM EST");
    }

    #[test]
    fn unknown_zone_or_time_or_date() {
        assert_eq!(text(Lang::En, Some("2027-04-19T19:00:00-07:00"), None, "Nowhere/Else").time, "7:00 PM");
        let t = text(Lang::En, Some("2027-04-17"), None, "America/New_York");
        assert_eq!((t.date.as_str(), t.time.as_str()), ("Saturday, April 17, 2027", "Time TBA"));
        let t = text(Lang::En, None, None, "America/New_York");
        assert_eq!((t.date.as_str(), t.time.as_str(), t.datetime), ("Date TBA", "", None));
    }
}
