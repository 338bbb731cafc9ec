//! Time zones from the browser's own IANA database (`Intl.DateTimeFormat`): a zone's UTC offset
//! at an instant, or `None` for a name the browser does not know. The check page's
//! [`crate::tools::lint::ZoneOffsets`].

use js_sys::{Array, Date, Object, Reflect};
use std::{cell::RefCell, collections::HashMap};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, as far as this file needs it.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type ZoneFormat;
    /// Throws a RangeError for a zone the browser does not know.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<ZoneFormat, JsValue>;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &ZoneFormat, date: &Date) -> Array;
}

thread_local! {
    /// One formatter per zone name asked for (a feed names a few zones, for many meetings).
    static FORMATS: RefCell<HashMap<String, Option<ZoneFormat>>> = RefCell::new(HashMap::new());
}

fn format_for(zone: &str) -> Option<ZoneFormat> {
    FORMATS.with(|formats| {
        formats
            .borrow_mut()
            .entry(zone.to_string())
            .or_insert_with(|| {
                let options = Object::new();
                Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
                Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
                ZoneFormat::new("en-US", &options).ok()
            })
            .clone()
    })
}

/// `zone`'s offset from UTC in seconds at `seconds` since the epoch.
pub fn offset(zone: &str, seconds: i64) -> Option<i32> {
    let format = format_for(zone)?;
    let parts = format.format_to_parts(&Date::new(&JsValue::from_f64(seconds as f64 * 1000.0)));
    let name = parts.iter().find(|part| Reflect::get(part, &"type".into()).ok().and_then(|t| t.as_string()).as_deref() == Some("timeZoneName"))?;
    parse_gmt(&Reflect::get(&name, &"value".into()).ok()?.as_string()?)
}

/// "GMT", "GMT+05:30", "GMT-03:00" (or with U+2212 for the minus) in seconds.
fn parse_gmt(text: &str) -> Option<i32> {
    let rest = text.strip_prefix("GMT")?;
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' => (-1, &rest[1..]),
        '\u{2212}' => (-1, &rest['\u{2212}'.len_utf8()..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    Some(sign * (hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60))
}

#[cfg(test)]
mod tests {
    use super::parse_gmt;

    #[test]
    fn offsets_as_intl_writes_them() {
        assert_eq!(parse_gmt("GMT"), Some(0));
        assert_eq!(parse_gmt("GMT+05:30"), Some(19_800));
        assert_eq!(parse_gmt("GMT-03:00"), Some(-10_800));
        assert_eq!(parse_gmt("GMT\u{2212}09:30"), Some(-34_200));
        assert_eq!(parse_gmt("UTC"), None);
    }
}
