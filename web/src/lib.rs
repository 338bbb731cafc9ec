//! The WebAssembly entry points, re-exported from the library: `mountAll()`, `mount(el)`, and
//! `__simulatePanic()` for the test of the crash message.

pub use upcoming_meetings::mount::{mount, mount_all, simulate_panic};
