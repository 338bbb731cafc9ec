//! How a meeting's time reads: the venue's wall-clock time, with its zone's label, in the
//! widget's language ("Monday, April 19, 2027" · "6:30 PM GMT+2"; "Montag, 19. April 2027" ·
//! "18:30 MESZ"). The words and patterns come from the platform (`crate::intl`); what goes where
//! is decided here. An online meeting can also be read in the reader's own zone.

use crate::intl;
use crate::model::feed::time::{date_text, rfc3339, When};
use crate::model::feed::zone::Zone;
use crate::model::words::i18n::Lang;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// The two lines of a meeting's time, plus the machine-readable value for `<time datetime>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhenText {
    pub date: String,
    pub time: String,
    pub datetime: Option<String>,
}

/// "Thursday, April 19, 2027", "19 Nisan 2027 Pazartesi".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    intl::date_long(lang.tag(), d.year(), d.month(), d.day())
}

/// "7:00 PM", "19:00".
fn clock(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    intl::time_short(lang.tag(), t.hour(), t.minute())
}

/// The text of a meeting's time in the venue's own zone. Without a zone the feed's offset is
/// shown as the label.
pub fn describe(lang: Lang, when: &When, zone: Option<&Zone>) -> WhenText {
    let texts = lang.texts();
    match when {
        When::Unknown => {
            WhenText { date: texts.date_tba().to_string(), time: String::new(), datetime: None }
        }
        When::Day(d) => WhenText {
            date: date(lang, *d),
            time: texts.time_tba().to_string(),
            datetime: Some(date_text(*d)),
        },
        When::At { start, end } => {
            let mut time = clock(lang, start);
            if let Some(end) = end {
                time.push_str(" – ");
                if end.date_naive() != start.date_naive() {
                    time.push_str(&date(lang, end.date_naive()));
                    time.push_str(", ");
                }
                time.push_str(&clock(lang, end));
            }
            time.push(' ');
            time.push_str(&match zone {
                Some(zone) => zone.label(lang.tag(), start),
                None => intl::offset_label(start.offset().local_minus_utc()),
            });
            WhenText { date: date(lang, start.date_naive()), time, datetime: Some(rfc3339(start)) }
        }
    }
}

/// The start of a timed meeting in the reader's zone, "2:00 AM your time" ("Tue 2:00 AM your
/// time" on another day than the venue's), when the reader's clock reads differently there.
pub fn in_reader_zone(lang: Lang, when: &When, reader: &Zone) -> Option<String> {
    let When::At { start, .. } = when else { return None };
    let offset = reader.offset_at_utc(start.naive_utc()) * 60;
    if offset == start.offset().local_minus_utc() {
        return None;
    }
    let theirs = start.with_timezone(&FixedOffset::east_opt(offset)?);
    let mut time = String::new();
    if theirs.date_naive() != start.date_naive() {
        time.push_str(&intl::weekday_short(
            lang.tag(),
            theirs.year(),
            theirs.month(),
            theirs.day(),
        ));
        time.push(' ');
    }
    time.push_str(&clock(lang, &theirs));
    Some(lang.your_time(&time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::time::parse_when;

    fn when(start: Option<&str>, end: Option<&str>, zone: &str) -> (When, Option<Zone>) {
        let zone = Zone::get(zone);
        (parse_when(start, end, zone.as_ref()).unwrap().when, zone)
    }

    fn text(lang: Lang, start: Option<&str>, end: Option<&str>, zone: &str) -> WhenText {
        let (when, zone) = when(start, end, zone);
        describe(lang, &when, zone.as_ref())
    }

    #[test]
    fn venue_wall_clock_with_its_label_in_each_language() {
        let t = text(Lang::En, Some("2027-04-19T18:30:00+02:00"), None, "Europe/Berlin");
        assert_eq!(t.date, "Monday, April 19, 2027");
        assert_eq!(t.time, "6:30 PM GMT+2");
        assert_eq!(t.datetime.as_deref(), Some("2027-04-19T18:30:00+02:00"));
        let t = text(Lang::De, Some("2027-04-19T18:30:00+02:00"), None, "Europe/Berlin");
        assert_eq!((t.date.as_str(), t.time.as_str()), ("Montag, 19. April 2027", "18:30 MESZ"));
        let t = text(Lang::Fr, Some("2027-04-19T18:30:00+05:30"), None, "Asia/Colombo");
        assert_eq!((t.date.as_str(), t.time.as_str()), ("lundi 19 avril 2027", "18:30 GMT+5:30"));
        let t = text(Lang::Es, Some("2027-04-19T09:05:00-06:00"), None, "America/Regina");
        assert_eq!(
            (t.date.as_str(), t.time.as_str()),
            ("lunes, 19 de abril de 2027", "9:05 GMT-6")
        );
        let t = text(Lang::Pt, Some("2027-04-19T19:00:00-03:00"), None, "America/Sao_Paulo");
        assert_eq!(
            (t.date.as_str(), t.time.as_str()),
            ("segunda-feira, 19 de abril de 2027", "19:00 BRT")
        );
        let t = text(Lang::Tr, Some("2027-04-19T19:00:00+10:30"), None, "Australia/Lord_Howe");
        assert_eq!(
            (t.date.as_str(), t.time.as_str()),
            ("19 Nisan 2027 Pazartesi", "19:00 GMT+10:30")
        );
    }

    #[test]
    fn ranges_and_midnight_crossing() {
        let t = text(
            Lang::En,
            Some("2027-04-22T11:00:00-04:00"),
            Some("2027-04-22T17:00:00-04:00"),
            "America/Detroit",
        );
        assert_eq!(t.time, "11:00 AM – 5:00 PM EDT");
        let t = text(
            Lang::En,
            Some("2027-04-22T22:00:00-04:00"),
            Some("2027-04-23T01:00:00-04:00"),
            "America/Detroit",
        );
        assert_eq!(t.time, "10:00 PM – Friday, April 23, 2027, 1:00 AM EDT");
        let t = text(Lang::En, Some("2027-01-12T12:00:00-05:00"), None, "America/New_York");
        assert_eq!(t.time, "12:00 PM EST");
    }

    #[test]
    fn unknown_zone_or_time_or_date() {
        assert_eq!(
            text(Lang::En, Some("2027-04-19T19:00:00-07:00"), None, "Nowhere/Else").time,
            "7:00 PM GMT-7"
        );
        let t = text(Lang::En, Some("2027-04-17"), None, "America/New_York");
        assert_eq!((t.date.as_str(), t.time.as_str()), ("Saturday, April 17, 2027", "Time TBA"));
        let t = text(Lang::En, None, None, "America/New_York");
        assert_eq!((t.date.as_str(), t.time.as_str(), t.datetime), ("Date TBA", "", None));
    }

    #[test]
    fn the_readers_own_time_when_it_differs() {
        let (berlin, _) = when(Some("2027-07-01T19:00:00+02:00"), None, "Europe/Berlin");
        let la = Zone::get("America/Los_Angeles").unwrap();
        assert_eq!(in_reader_zone(Lang::En, &berlin, &la).as_deref(), Some("10:00 AM your time"));
        let tokyo = Zone::get("Asia/Tokyo").unwrap();
        assert_eq!(
            in_reader_zone(Lang::En, &berlin, &tokyo).as_deref(),
            Some("Fri 2:00 AM your time")
        );
        assert_eq!(
            in_reader_zone(Lang::De, &berlin, &tokyo).as_deref(),
            Some("Fr 02:00 bei Ihnen")
        );
        let paris = Zone::get("Europe/Paris").unwrap();
        assert_eq!(in_reader_zone(Lang::En, &berlin, &paris), None, "the same clock");
        let (day, _) = when(Some("2027-07-01"), None, "Europe/Berlin");
        assert_eq!(in_reader_zone(Lang::En, &day, &la), None);
    }
}
