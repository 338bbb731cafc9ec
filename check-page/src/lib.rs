//! The check page's one entry point, `checkFeed(text)`: the report of `upcoming-meetings check`
//! for a feed's text, read by the widget's own parser at the browser's clock, with the
//! browser's own time zones.
//! The page (`check-page/page/check.js`) shows it; nothing leaves the page.

use js_sys::{Array, Object, Reflect};
use upcoming_meetings::edge::clock;
use upcoming_meetings::publisher::check::{check, summary};
use wasm_bindgen::prelude::*;

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property of a plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), &value.into());
}

/// `{ findings: [{ severity, path, entry, line, column, message, fix }], summary, exitCode }`:
/// the same findings, words and exit status as the command line's `check --format json`.
#[wasm_bindgen(js_name = checkFeed)]
pub fn check_feed(text: &str) -> Object {
    let report = check(text, clock::now());
    let findings = Array::new();
    for f in &report.findings {
        let finding = Object::new();
        set(&finding, "severity", f.action.word());
        set(&finding, "path", f.path.as_str());
        set(&finding, "entry", f.entry.as_str());
        set(&finding, "line", f.line as u32);
        set(&finding, "column", f.column as u32);
        set(&finding, "message", f.message.as_str());
        set(&finding, "fix", f.fix.as_str());
        findings.push(&finding);
    }
    let result = Object::new();
    set(&result, "findings", findings);
    set(&result, "summary", summary(&report));
    set(&result, "exitCode", report.exit_code());
    result
}
