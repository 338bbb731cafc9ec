//! upcoming-meetings: a WebAssembly widget that shows an organization's upcoming public meetings
//! from a JSON feed.
//!
//! - `model`: the feed model in plain Rust (types, parsing, validation, time, cities, filter).
//! - `components`: the Leptos views, which only read the model and render it.
//! - `edge`: the browser side effects (fetch, page URL, clock).
//! - `mount`: finds `[data-upcoming-meetings]` elements and starts a widget in each.
//! - `static_page` (native only): the same views rendered to HTML (`upcoming-meetings render`).
//! - `tools`: the publisher's command line (`src/bin/upcoming-meetings.rs`, native) and its
//!   `check`, which the check page (`check/`) runs in the browser.

// The SSR build of the views nests deep generic types.
#![recursion_limit = "256"]

pub mod components;
pub mod edge;
pub mod intl;
pub mod model;
pub mod mount;
pub mod publisher;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_page;
