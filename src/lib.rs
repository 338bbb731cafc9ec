//! upcoming-meetings: a WebAssembly widget that shows an organization's upcoming public meetings
//! from a JSON feed.
//!
//! - `model`: the feed model in plain Rust (types, parsing, validation, time, cities, filter).
//! - `components`: the Leptos views, which only read the model and render it.
//! - `edge`: the browser side effects (fetch, page URL, clock).
//! - `mount`: finds `[data-upcoming-meetings]` elements and starts a widget in each.

pub mod components;
pub mod edge;
pub mod model;
pub mod mount;
