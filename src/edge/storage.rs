//! The last good copy of each feed, kept in `localStorage` under its absolute URL, for when the
//! feed cannot be reached. Written only after a document parsed as a feed, so a bad response
//! never replaces a good copy. Storage may be missing or full (private windows, sandboxed
//! frames, a 5 MB feed): then nothing is saved, and nothing breaks.

use chrono::{DateTime, Utc};

const PREFIX: &str = "upcoming-meetings:v1:";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn save(feed_url: &str, text: &str, at: DateTime<Utc>) {
    let Some(s) = storage() else { return };
    let key = format!("{PREFIX}{feed_url}");
    if s.set_item(&format!("{key}:text"), text).is_ok() {
        let _ = s.set_item(&format!("{key}:at"), &at.timestamp_millis().to_string());
    } else {
        // Too big to keep: drop an older copy rather than keep a stale half.
        let _ = s.remove_item(&format!("{key}:text"));
        let _ = s.remove_item(&format!("{key}:at"));
    }
}

/// The saved text of a feed and when it was saved.
pub fn load(feed_url: &str) -> Option<(String, DateTime<Utc>)> {
    let s = storage()?;
    let key = format!("{PREFIX}{feed_url}");
    let at = s.get_item(&format!("{key}:at")).ok()??.parse::<i64>().ok()?;
    let text = s.get_item(&format!("{key}:text")).ok()??;
    Some((text, DateTime::from_timestamp_millis(at)?))
}
