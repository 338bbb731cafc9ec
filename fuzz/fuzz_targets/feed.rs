//! Any text as a feed: the widget's reader, its index of cities and dates, and `check` with its
//! report must neither panic, hang nor run out of memory, whatever the text.
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::model::listing::Listing;
use upcoming_meetings::publisher::check::{check, human, json_lines};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let now = DateTime::from_timestamp(1_796_126_400, 0).unwrap(); // 2026-12-01T12:00:00Z
    if let Ok(feed) = parse_feed(text) {
        let _ = Listing::new(feed, now);
    }
    let report = check(text, now);
    let _ = (human(&report, "fuzz.json"), json_lines(&report, "fuzz.json"), report.exit_code());
});
