//! The WebAssembly entry points, re-exported from the library: `mountAll()`, `mount(el)`,
//! `unmount(el)`, `useStyleSheet(sheet)` (called by the loader), and `__simulatePanic()` for the
//! test of the crash message.

pub use upcoming_meetings::mount::{mount, mount_all, simulate_panic, unmount, use_style_sheet};
