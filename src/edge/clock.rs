//! The current time, read from the browser once per load of the feed, and the reader's own
//! local time for the rare text that is about the reader's clock (when a copy was saved).
//! A page may pin the time by setting `globalThis.UPCOMING_MEETINGS_NOW` (milliseconds since
//! the epoch, or an RFC 3339 string) before the widget loads: the benchmark does, so its pages
//! list the same meetings whatever the day it runs.

use crate::model::feed::time::parse_instant;
use crate::model::words::i18n::Lang;
use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

fn pinned() -> Option<DateTime<Utc>> {
    let value =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("UPCOMING_MEETINGS_NOW"))
            .ok()?;
    if let Some(ms) = value.as_f64() {
        return DateTime::from_timestamp_millis(ms as i64);
    }
    parse_instant(&value.as_string()?)
}

pub fn now() -> DateTime<Utc> {
    pinned()
        .or_else(|| DateTime::from_timestamp_millis(js_sys::Date::now() as i64))
        .unwrap_or_default()
}

/// "November 21, 2026, 3:04 PM" in the reader's time zone and language.
pub fn local_text(at: DateTime<Utc>, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "long"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(lang.tag(), &options).into()
}
