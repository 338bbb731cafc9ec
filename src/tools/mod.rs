//! The publisher's command-line tools (`src/bin/upcoming-meetings.rs`), native only: built
//! from the same model as the widget, so that what they accept is exactly what it shows.
//!
//! - `check`: the widget's problems with a feed, located and explained, then `lint`'s warnings.
//! - `import_csv`: a spreadsheet, one row per meeting, to a feed.
//! - `import_ics`: a calendar export to one campaign.
//! - `source`: reading a feed from a file, standard input or an address.

/// A zoned time as a feed's `start` or `end`: `2027-04-19T19:00:00-04:00`.
pub fn feed_time(time: &jiff::Zoned) -> String {
    time.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

pub mod check;
pub mod import_csv;
pub mod import_ics;
pub mod lint;
pub mod source;
