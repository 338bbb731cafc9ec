//! The browser at the edge of the app: every side effect (network, storage, timers, page URL,
//! clock) sits behind a small function here, so the model stays pure and tests can pin what
//! these return. `feed_loader.rs` puts fetch, parse, storage and clock together into the one
//! resource a widget's root view reads; `locale.rs` fetches the words of a language other than
//! English beside it.

pub mod clock;
pub mod download;
#[cfg(feature = "app")]
pub mod feed_loader;
#[cfg(feature = "app")]
pub mod fetch;
pub mod geolocation;
pub mod head;
pub mod host;
#[cfg(feature = "app")]
pub mod locale;
pub mod perf;
pub mod share;
pub mod sheet;
#[cfg(feature = "app")]
pub mod storage;
pub mod timer;
#[cfg(feature = "app")]
pub mod url_signals;
pub mod url_state;
