//! The browser at the edge of the app: every side effect (network, storage, timers, page URL, clock) sits behind
//! a small function here, so the model stays pure and tests can pin what these return.

pub mod clock;
pub mod fetch;
pub mod perf;
pub mod storage;
pub mod timer;
pub mod url_state;
