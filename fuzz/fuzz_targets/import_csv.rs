//! Any text as a spreadsheet: `import csv` must neither panic, hang nor run out of memory, and a
//! feed it writes must be one the widget reads (its rows left out are named, never written).
#![no_main]

use libfuzzer_sys::fuzz_target;
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::publisher::import_csv::import;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for zone in [None, Some("Europe/Berlin")] {
        if let Ok(imported) = import(text, zone) {
            let written = imported.feed.text();
            if let Err(e) = parse_feed(&written) {
                panic!("import csv wrote a feed the widget refuses ({e:?}):\n{written}");
            }
        }
    }
});
