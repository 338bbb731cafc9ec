//! The feed model: plain Rust with no browser types, unit-tested natively with `cargo test`.
//! Views read it; nothing here renders, fetches or reads the clock.

pub mod cities;
pub mod city_search;
pub mod feed;
pub mod google_calendar;
pub mod i18n;
pub mod ics;
pub mod json;
pub mod json_ld;
pub mod links;
pub mod listing;
pub mod load_error;
pub mod meeting_link;
pub mod near;
pub mod options;
pub mod parse;
pub mod place_format;
pub mod retry;
pub mod reveal;
pub mod text;
pub mod time;
pub mod time_format;
pub mod trig;
pub mod url_city;
pub mod zone;
