//! The model: plain Rust with no browser types, unit-tested natively with `cargo test`. Views
//! read it; nothing here renders, fetches or reads the clock. One folder per concern:
//!
//! - `feed`: the feed as the widget reads it: its types, the tolerant reader and its problems,
//!   times and zones, and `SafeUrl`, the only way to a link.
//! - `index`: campaign and meeting indices as types of their own.
//! - `listing`: the one query behind every list and count (which meetings, in which city).
//! - `places`: cities and their names, the city search, distances for "Near me", addresses.
//! - `words`: the widget's languages, their words and plurals, and times as each writes them.
//! - `export`: a meeting for other programs: calendar files, Google Calendar, JSON-LD.
//! - `widget`: the widget's options, the page URL's parameters and how long lists appear.
//! - `loading`: why a feed did not load, and when to try again.

pub mod export;
pub mod feed;
pub mod index;
pub mod listing;
pub mod loading;
pub mod places;
pub mod widget;
pub mod words;
