//! The feed (docs/feed-v1.md) as the widget reads it: `types` (what a feed holds), `read` (the
//! tolerant reader: everything good is kept, each problem located and named), `problem` (what
//! can be wrong in a feed, each kind with its data and severity), `json` (the JSON
//! tape it reads from), `text` (cleaning feed text), `time` and `zone` (a meeting's start and
//! its venue's zone), `links` (`SafeUrl`, the only way to a link).

pub mod json;
pub mod links;
pub mod problem;
pub mod read;
pub mod text;
pub mod time;
pub mod types;
pub mod zone;
