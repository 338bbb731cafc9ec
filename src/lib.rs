//! upcoming-meetings: a WebAssembly widget that shows an organization's upcoming public meetings
//! from a feed (JSON, or a sheet as CSV), and the publisher's tools.
//!
//! Layers, lowest first (`tests/layers.rs` holds them):
//! - `intl`: zones, dates and times from the platform (`Intl` in the browser, ICU natively).
//! - `model`: the feed in plain Rust: reading it, its places, its words, its exports, and what a
//!   widget decides (options, the city field, the steps of a long list).
//! - `edge`: the browser's side effects (fetch, storage, the page URL, timers, the clock);
//!   `markup`: the first screen written as HTML, without Leptos (the first-paint module's and
//!   the static page's); `publisher`: the tools (`check`, `lint`, `import csv`, `import ics`).
//! - `components`: the Leptos views of the live widget.
//! - `mount`: starting widgets in a page, and taking over a first screen painted before;
//!   `static_page` (native): the listings as a page (`upcoming-meetings render`).

// The SSR build of the views nests deep generic types.
#![recursion_limit = "256"]

#[cfg(feature = "app")]
pub mod components;
pub mod edge;
pub mod intl;
pub mod markup;
pub mod model;
#[cfg(feature = "app")]
pub mod mount;
pub mod publisher;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_page;
