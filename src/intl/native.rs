//! The native side of [`crate::intl`]: zones from jiff's IANA database (carried in the binary),
//! dates, times and zone names from ICU4X's CLDR data. The static page and the tools.

use super::name_only;
use icu_calendar::{Date, Gregorian};
use icu_datetime::{
    fieldsets::{self, zone::SpecificShort},
    options::TimePrecision,
    FixedCalendarDateTimeFormatter, NoCalendarFormatter,
};
use icu_locale_core::Locale;
use icu_time::{
    zone::{IanaParser, UtcOffset, ZoneNameTimestamp},
    Time,
};
use std::{cell::RefCell, collections::HashMap};

/// `zone`'s offset from UTC in seconds at `seconds` since the epoch; `None` for a name the
/// database does not know.
pub fn offset(zone: &str, seconds: i64) -> Option<i32> {
    let zone = jiff::tz::TimeZone::get(zone).ok()?;
    Some(zone.to_offset(jiff::Timestamp::from_second(seconds).ok()?).seconds())
}

/// Nothing to ready natively: the data is compiled in.
pub fn prepare() {}

/// The reader's own zone: a static page has no reader.
pub fn reader_zone() -> Option<String> {
    None
}

struct Formats {
    date: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMDE>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::E>,
    time: NoCalendarFormatter<fieldsets::T>,
    zone: NoCalendarFormatter<SpecificShort>,
}

thread_local! {
    static FORMATS: RefCell<HashMap<&'static str, &'static Formats>> = RefCell::new(HashMap::new());
}

/// One set of formatters per language, made once (a static page formats thousands of times).
fn formats(locale: &'static str) -> &'static Formats {
    FORMATS.with(|f| {
        *f.borrow_mut().entry(locale).or_insert_with(|| {
            let locale: Locale = locale.parse().expect("a language tag");
            let prefs = || locale.clone().into();
            Box::leak(Box::new(Formats {
                date: FixedCalendarDateTimeFormatter::try_new(prefs(), fieldsets::YMDE::long())
                    .expect("compiled data"),
                weekday: FixedCalendarDateTimeFormatter::try_new(prefs(), fieldsets::E::short())
                    .expect("compiled data"),
                time: NoCalendarFormatter::try_new(
                    prefs(),
                    fieldsets::T::short().with_time_precision(TimePrecision::Minute),
                )
                .expect("compiled data"),
                zone: NoCalendarFormatter::try_new(prefs(), SpecificShort).expect("compiled data"),
            }))
        })
    })
}

fn date(year: i32, month: u32, day: u32) -> Date<Gregorian> {
    Date::try_new_gregorian(year, month as u8, day as u8).expect("a valid date")
}

/// "Friday, January 15, 2027", "15 Ocak 2027 Cuma".
pub fn date_long(locale: &'static str, year: i32, month: u32, day: u32) -> String {
    formats(locale).date.format(&date(year, month, day)).to_string()
}

/// "Fri", "ven.".
pub fn weekday_short(locale: &'static str, year: i32, month: u32, day: u32) -> String {
    formats(locale).weekday.format(&date(year, month, day)).to_string()
}

/// "7:00 PM", "19:00". As Chromium writes them: a plain space before AM/PM (V8 replaces CLDR's
/// narrow no-break space, for the web's sake), and Spanish hours in one digit ("9:00", where
/// ICU4X's CLDR 48 pattern has two).
pub fn time_short(locale: &'static str, hour: u32, minute: u32) -> String {
    let time = Time::try_new(hour as u8, minute as u8, 0, 0).expect("a valid time");
    let text = formats(locale).time.format(&time).to_string().replace('\u{202f}', " ");
    match (locale, text.strip_prefix('0')) {
        ("es", Some(rest)) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_string(),
        _ => text,
    }
}

/// The zone's short name in `locale` at that instant ("PDT", "MESZ", "BRT"), or `None` where the
/// language has none (the caller writes the offset).
pub fn zone_name(locale: &'static str, zone: &str, seconds: i64, offset: i32) -> Option<String> {
    let offset = UtcOffset::try_from_seconds(offset).ok()?;
    let at = ZoneNameTimestamp::from_epoch_seconds(seconds);
    let info = IanaParser::new().parse(zone).with_offset(Some(offset)).with_zone_name_timestamp(at);
    name_only(formats(locale).zone.format(&info).to_string())
}
