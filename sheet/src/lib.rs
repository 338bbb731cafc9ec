//! The sheet module's one entry point, `readSheet(text, zone)`: `upcoming-meetings import csv`
//! run in the browser, with the browser's own time zones. The widget reads a CSV feed with it
//! (`src/edge/sheet.rs`); the check page converts a sheet with it (`check-page/page/check.js`).

use js_sys::{Array, Object, Reflect};
use upcoming_meetings::publisher::import_csv::import;
use wasm_bindgen::prelude::*;

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property of a plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), &value.into());
}

/// `{ feed, leftOut: [{ row, reason }], notes }`: the feed exactly as `import csv` writes it to
/// standard output, each row it left out (the header is row 1) and why, and its notes on what
/// it read another way. Throws a string, `import csv`'s message, for a text that is not a
/// sheet it can read. `zone` is `--time-zone`: the zone of rows without a `time_zone` cell.
#[wasm_bindgen(js_name = readSheet)]
pub fn read_sheet(text: &str, zone: Option<String>) -> Result<Object, String> {
    let imported = import(text, zone.as_deref())?;
    let left_out = Array::new();
    for error in &imported.errors {
        let row = Object::new();
        set(&row, "row", error.row as u32);
        set(&row, "reason", error.reason.as_str());
        left_out.push(&row);
    }
    let notes: Array = imported.notes.iter().map(|n| JsValue::from(n.as_str())).collect();
    let result = Object::new();
    set(&result, "feed", imported.feed.text() + "\n");
    set(&result, "leftOut", left_out);
    set(&result, "notes", notes);
    Ok(result)
}
