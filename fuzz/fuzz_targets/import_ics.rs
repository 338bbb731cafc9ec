//! Any text as a calendar export: `import ics` must neither panic, hang nor run out of memory,
//! and a feed it writes must be one the widget reads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::publisher::import_ics::{import, Settings, Window};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let window = Window {
        from: "2026-12-01T12:00:00Z".parse().unwrap(),
        until: "2027-12-01T12:00:00Z".parse().unwrap(),
    };
    let settings =
        Settings { campaign: "c", title: "C", city: Some("Detroit"), time_zone: None, window };
    if let Ok(imported) = import(text, &settings) {
        let written = imported.feed.text();
        if let Err(e) = parse_feed(&written) {
            panic!("import ics wrote a feed the widget refuses ({e:?}):\n{written}");
        }
    }
});
