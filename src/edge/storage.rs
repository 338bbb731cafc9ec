//! The last good copy of each feed, kept in `localStorage` under its absolute URL, for when the
//! feed cannot be reached. Written only after a document parsed as a feed, so a bad response
//! never replaces a good copy. Storage may be missing or full (private windows, sandboxed
//! frames, a 5 MB feed): then nothing is saved, and nothing breaks. The copy keeps the media type
//! its server gave it, which may decide how it is read (`FeedFormat::of`).

use super::fetch::Body;
use chrono::{DateTime, Utc};

const PREFIX: &str = "upcoming-meetings:v1:";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn save(feed_url: &str, body: &Body, at: DateTime<Utc>) {
    let Some(s) = storage() else { return };
    let key = format!("{PREFIX}{feed_url}");
    if s.set_item(&format!("{key}:text"), &body.text).is_ok() {
        let _ = s.set_item(&format!("{key}:at"), &at.timestamp_millis().to_string());
        // Its media type: a sheet sent as text/csv reads as one again.
        let _ = match &body.media_type {
            Some(media_type) => s.set_item(&format!("{key}:type"), media_type),
            None => s.remove_item(&format!("{key}:type")),
        };
    } else {
        // Too big to keep: drop an older copy rather than keep a stale half.
        let _ = s.remove_item(&format!("{key}:text"));
        let _ = s.remove_item(&format!("{key}:at"));
    }
}

/// The saved copy of a feed, with its media type, and when it was saved.
pub fn load(feed_url: &str) -> Option<(Body, DateTime<Utc>)> {
    let s = storage()?;
    let key = format!("{PREFIX}{feed_url}");
    let at = s.get_item(&format!("{key}:at")).ok()??.parse::<i64>().ok()?;
    let text = s.get_item(&format!("{key}:text")).ok()??;
    let media_type = s.get_item(&format!("{key}:type")).ok().flatten();
    Some((Body { text, media_type }, DateTime::from_timestamp_millis(at)?))
}
