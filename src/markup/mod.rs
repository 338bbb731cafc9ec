//! The first screen as HTML, written without Leptos: what the first-paint module (`paint/`) puts
//! into a widget's shadow root before the app has come, and the static page (`static_page.rs`:
//! `upcoming-meetings render`, `--prerender`). It is the Leptos views' first render, element for
//! element and class for class: `tests/one_markup.rs` renders both for every fixture feed and
//! several option sets, and fails on any difference. Plain Rust over the model; every text goes
//! through `html.rs`'s one escaping function.

pub mod card;
pub mod filter;
pub mod first_screen;
pub mod html;
pub mod meeting;
pub mod notice;
pub mod screen;
