//! The current time, read from the browser once per load of the feed, and the reader's own
//! local time for the rare text that is about the reader's clock (when a copy was saved).

use crate::model::i18n::Lang;
use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// "November 21, 2026, 3:04 PM" in the reader's time zone and language.
pub fn local_text(at: DateTime<Utc>, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "long"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(lang.tag(), &options).into()
}
