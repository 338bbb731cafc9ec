//! The WebAssembly entry points, re-exported from the library: `mount_all()` and `mount(el)`.

pub use upcoming_meetings::mount::{mount, mount_all};
