//! The publisher's tools: built from the same model as the widget, so that what they accept is
//! exactly what it shows. `check` and `lint` build for the browser too (the check page,
//! `check-page/`), `import_csv` with `written_feed` (the sheet module, `sheet/`) and, with the
//! `calendar` feature, `import_ics` (the calendar module, `calendar/`); the rest is the native
//! command line (`src/bin/upcoming-meetings.rs`).
//!
//! - `check`: the widget's problems with a feed, located and explained, then `lint`'s warnings.
//! - `fix`: the fix for each kind of problem.
//! - `import_csv`: a spreadsheet, one row per meeting, to a feed.
//! - `import_ics`: a calendar export to one campaign; `event_versions`, which VEVENT of a UID
//!   stands; `calendar_zones`, its TZIDs as IANA zones
//!   (`zone_countries`, each zone's country, from the IANA `zone.tab`);
//!   `repeat_rule`, its repeating events' rules, read by the `rrule` crate behind a guard;
//!   `ics_property`, a component's properties and their parameters; `unreadable_calendar`, why
//!   a file is no calendar, by its line.
//! - `source`: reading a feed from a file, standard input or an address.
//! - `written_feed`: the feed the importers write, as typed structs that serde writes.

pub mod check;
pub mod fix;
pub mod lint;

#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod calendar_zones;
#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod event_versions;
#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod ics_property;
pub mod import_csv;
#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod import_ics;
#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod repeat_rule;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod unreadable_calendar;
pub mod written_feed;
#[cfg(any(not(target_arch = "wasm32"), feature = "calendar"))]
pub mod zone_countries;
