//! The calendar module's one entry point, `readCalendar(text, campaign, title, city, zone, from,
//! until)`: `upcoming-meetings import ics` run in the browser. The check page makes a calendar
//! export into a feed with it (`check-page/page/check.js`).

use js_sys::{Array, Object, Reflect};
use upcoming_meetings::publisher::import_ics::{import, Settings, Window};
use wasm_bindgen::prelude::*;

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property of a plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), &value.into());
}

fn strings(list: &[String]) -> Array {
    list.iter().map(|s| JsValue::from(s.as_str())).collect()
}

/// `{ feed, leftOut: [why], notes }`: the feed exactly as `import ics` writes it to standard
/// output, each event it left out (its summary or UID, and why) and its notes. `zone` is
/// `--time-zone`: the zone of floating times in a calendar that names none. `from` and
/// `until` (milliseconds since 1970, as `Date.now()`) bound a repeating event's dates, as
/// `--now` and `--until`. Throws a string, `import ics`'s message, for a text that is not a
/// calendar.
#[wasm_bindgen(js_name = readCalendar)]
pub fn read_calendar(
    text: &str,
    campaign: &str,
    title: &str,
    city: Option<String>,
    zone: Option<String>,
    from: f64,
    until: f64,
) -> Result<Object, String> {
    let at = |ms: f64| jiff::Timestamp::from_millisecond(ms as i64).map_err(|e| e.to_string());
    let window = Window { from: at(from)?, until: at(until)? };
    let settings =
        Settings { campaign, title, city: city.as_deref(), time_zone: zone.as_deref(), window };
    let imported = import(text, &settings)?;
    let result = Object::new();
    set(&result, "feed", imported.feed.text() + "\n");
    set(&result, "leftOut", strings(&imported.errors));
    set(&result, "notes", strings(&imported.notes));
    Ok(result)
}
