//! A CSV feed: a spreadsheet read with the rules of the command line's `import csv` (the same
//! code, `publisher::import_csv`, compiled into a wasm of its own: `sheet/`). The loader gives
//! the widget a function that fetches that module and reads a sheet with it
//! ([`use_sheet_reader`], `web/loader.js`), so only a widget whose feed is a sheet fetches it
//! and a JSON feed's first load carries none of it. The sheet comes back as the JSON feed it
//! makes, which the widget reads with its one parser, and the rows it left out.

use crate::model::feed::read::{parse_feed, FeedError};
use crate::model::feed::types::Feed;
use js_sys::{Array, Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The sheet module could not be fetched (the network failed: Retry fetches it again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

thread_local! {
    static READER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// `read(text, zone)`: a promise of `{ feed, leftOut: [{ row, reason }] }`, the sheet module's
/// `readSheet`, rejected with a string when the text is not a sheet it can read, with an
/// error when the module cannot be fetched; `read()` only fetches the module.
pub fn use_sheet_reader(read: Function) {
    READER.with(|r| *r.borrow_mut() = Some(read));
}

/// Fetches the sheet module, beside the feed, for a widget whose feed will be read as a sheet.
pub fn preload() {
    if let Some(read) = READER.with(|r| r.borrow().clone()) {
        let _ = read.call0(&JsValue::NULL);
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or_default()
}

/// The sheet module's `leftOut`, `[{ row, reason }]`, as numbers and reasons. (The row as a
/// whole number: formatting an f64 would bring float printing into the wasm.)
pub fn left_out_rows(rows: &JsValue) -> Vec<(u32, String)> {
    Array::from(rows)
        .iter()
        .map(|row| {
            let number = get(&row, "row").as_f64().unwrap_or_default() as u32;
            (number, get(&row, "reason").as_string().unwrap_or_default())
        })
        .collect()
}

/// The sheet as the feed the widget reads, each row left out among its problems (by its number,
/// the header being row 1 as the sheet shows it, and why, in `import csv`'s words); or why it
/// cannot be read. `zone`: the zone of rows without a `time_zone` cell (`data-time-zone`).
pub async fn read_sheet(
    text: &str,
    zone: Option<&str>,
) -> Result<Result<Feed, FeedError>, NotLoaded> {
    let read = READER.with(|r| r.borrow().clone()).ok_or(NotLoaded)?;
    let zone = zone.map_or(JsValue::UNDEFINED, JsValue::from);
    let promise = read.call2(&JsValue::NULL, &text.into(), &zone).map_err(|_| NotLoaded)?;
    let sheet = match JsFuture::from(promise.unchecked_into::<Promise>()).await {
        Ok(sheet) => sheet,
        Err(why) => {
            return why.as_string().map(|why| Err(FeedError::NotASheet(why))).ok_or(NotLoaded)
        }
    };
    let mut feed = match parse_feed(&get(&sheet, "feed").as_string().unwrap_or_default()) {
        Ok(feed) => feed,
        Err(error) => return Ok(Err(error)),
    };
    feed.left_out_rows(left_out_rows(&get(&sheet, "leftOut")));
    Ok(Ok(feed))
}
