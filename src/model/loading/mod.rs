//! Loading a feed: why it did not load, in the visitor's words and the publisher's
//! (`load_error`), and when to try again (`retry`).

pub mod load_error;
pub mod retry;
