//! The current time, read from the browser once per load of the feed.

use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
