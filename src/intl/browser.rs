//! The browser side of [`crate::intl`]: its own IANA database and date formats, through
//! `Intl.DateTimeFormat`. Formatters are made once per language (and zone) and kept: a feed
//! names a few zones for many meetings.

use super::{name_only, offsets::Offsets, parse_gmt};
use js_sys::{Array, Date, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, as far as this file needs it.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type Format;
    /// Throws a RangeError for a zone the browser does not know.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<Format, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &Format, date: &Date) -> String;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &Format, date: &Date) -> Array;
    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &Format) -> Object;
}

impl Format {
    fn with(locale: &str, options: &[(&str, &str)]) -> Option<Format> {
        let object = Object::new();
        for (key, value) in options {
            Reflect::set(&object, &(*key).into(), &(*value).into()).ok()?;
        }
        Format::new(locale, &object).ok()
    }

    /// The whole text: one string across, a third of the time of `formatToParts` and far
    /// fewer crossings between the wasm and JavaScript.
    fn text(&self, ms: f64) -> String {
        self.format(&Date::new(&JsValue::from_f64(ms)))
    }

    /// The value of the part of type `kind`.
    fn part(&self, ms: f64, kind: &str) -> String {
        let field = |part: &JsValue, key: &str| {
            Reflect::get(part, &key.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
        };
        let parts = self.format_to_parts(&Date::new(&JsValue::from_f64(ms)));
        parts
            .iter()
            .find(|p| field(p, "type") == kind)
            .map(|p| field(&p, "value"))
            .unwrap_or_default()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    Weekday,
    Time,
}

/// What is known of one zone: its offset formatter, its name formatter per language, and the
/// offsets found.
struct ZoneEntry {
    name: Box<str>,
    offsets: Option<Format>,
    names: Vec<(&'static str, Option<Format>)>,
    known: Offsets,
}

// Small lists, not hash maps: a widget speaks one language and a feed names a few zones.
thread_local! {
    static FORMATS: RefCell<Vec<(&'static str, Kind, Format)>> = const { RefCell::new(Vec::new()) };
    static ZONES: RefCell<Vec<ZoneEntry>> = const { RefCell::new(Vec::new()) };
}

/// Civil date and time values are formatted as that wall-clock time in UTC.
fn civil_ms(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> f64 {
    Date::utc(year as f64, (month - 1) as f64)
        + ((day as f64 - 1.0) * 24.0 + hour as f64) * 3_600_000.0
        + minute as f64 * 60_000.0
}

fn civil_text(locale: &'static str, kind: Kind, ms: f64) -> String {
    let format = FORMATS.with(|f| {
        let mut formats = f.borrow_mut();
        if let Some((.., format)) = formats.iter().find(|(l, k, _)| *l == locale && *k == kind) {
            return format.clone();
        }
        let options: &[(&str, &str)] = match kind {
            Kind::Date => &[
                ("timeZone", "UTC"),
                ("weekday", "long"),
                ("year", "numeric"),
                ("month", "long"),
                ("day", "numeric"),
            ],
            Kind::Weekday => &[("timeZone", "UTC"), ("weekday", "short")],
            Kind::Time => &[("timeZone", "UTC"), ("timeStyle", "short")],
        };
        let format =
            Format::with(locale, options).expect("UTC and these options are valid everywhere");
        formats.push((locale, kind, format.clone()));
        format
    });
    format.text(ms)
}

fn with_zone<R>(zone: &str, f: impl FnOnce(&mut ZoneEntry) -> R) -> R {
    ZONES.with(|zones| {
        let mut zones = zones.borrow_mut();
        let i = match zones.iter().position(|z| &*z.name == zone) {
            Some(i) => i,
            None => {
                let offsets =
                    Format::with("en-US", &[("timeZone", zone), ("timeZoneName", "longOffset")]);
                zones.push(ZoneEntry {
                    name: zone.into(),
                    offsets,
                    names: Vec::new(),
                    known: Offsets::default(),
                });
                zones.len() - 1
            }
        };
        f(&mut zones[i])
    })
}

/// `zone`'s offset from UTC in seconds at `seconds` since the epoch; `None` for a name the
/// browser does not know.
pub fn offset(zone: &str, seconds: i64) -> Option<i32> {
    with_zone(zone, |z| {
        let format = z.offsets.as_ref();
        z.known.at(seconds.div_euclid(900), |quarter| {
            // "1/1/2027, GMT-05:00": the offset is the text from its "GMT" on.
            let text = format?.text(quarter as f64 * 900_000.0);
            parse_gmt(&text[text.rfind("GMT")?..])
        })
    })
}

/// Readies the browser's date formats while the feed is on its way: its first
/// `Intl.DateTimeFormat` costs about 18 ms (70 ms on a slow phone) to set up, which the parse of
/// the feed would otherwise wait for. Made exactly as the offset formatters are.
pub fn prepare() {
    if let Some(format) =
        Format::with("en-US", &[("timeZone", "UTC"), ("timeZoneName", "longOffset")])
    {
        format.text(0.0);
    }
}

/// The reader's own zone, as the browser has it (asked once).
pub fn reader_zone() -> Option<String> {
    thread_local! {
        static READER: Option<String> = Format::with("en-US", &[])
            .and_then(|f| Reflect::get(&f.resolved_options(), &"timeZone".into()).ok())
            .and_then(|zone| zone.as_string());
    }
    READER.with(Clone::clone)
}

/// "Friday, January 15, 2027", "15 Ocak 2027 Cuma".
pub fn date_long(locale: &'static str, year: i32, month: u32, day: u32) -> String {
    civil_text(locale, Kind::Date, civil_ms(year, month, day, 12, 0))
}

/// "Fri", "ven.".
pub fn weekday_short(locale: &'static str, year: i32, month: u32, day: u32) -> String {
    civil_text(locale, Kind::Weekday, civil_ms(year, month, day, 12, 0))
}

/// "7:00 PM", "19:00".
pub fn time_short(locale: &'static str, hour: u32, minute: u32) -> String {
    civil_text(locale, Kind::Time, civil_ms(2001, 1, 1, hour, minute))
}

/// The zone's short name in `locale` at that instant ("PDT", "MESZ"), or `None` where the language
/// has none (the caller writes the offset).
pub fn zone_name(locale: &'static str, zone: &str, seconds: i64, _offset: i32) -> Option<String> {
    let format = with_zone(zone, |z| match z.names.iter().find(|(l, _)| *l == locale) {
        Some((_, format)) => format.clone(),
        None => {
            let format = Format::with(
                locale,
                &[("timeZone", zone), ("hour", "numeric"), ("timeZoneName", "short")],
            );
            z.names.push((locale, format.clone()));
            format
        }
    })?;
    name_only(format.part(seconds as f64 * 1000.0, "timeZoneName"))
}
