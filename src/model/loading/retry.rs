//! When to try the feed again: which failures are worth another attempt, how long to wait, and
//! how long one attempt may take before it is abandoned.

use crate::model::loading::load_error::LoadError;

/// Attempts in all, the first included.
pub const ATTEMPTS: u32 = 3;
/// How long one attempt may take, unless the embedder sets `data-timeout` (seconds).
pub const DEFAULT_TIMEOUT_MS: u32 = 20_000;

/// A failure that another attempt might not meet: no answer, a timeout, a server error or
/// "too many requests". A feed that arrived but is wrong, or a refused URL, will not change.
pub fn is_transient(error: &LoadError) -> bool {
    match error {
        LoadError::Network { .. } | LoadError::Timeout => true,
        LoadError::Http(status) => *status >= 500 || *status == 429 || *status == 408,
        LoadError::RefusedUrl(_) | LoadError::Feed(_) => false,
    }
}

/// The wait before attempt `next` (2, 3, …), doubling from one second; `None` when no attempt
/// is left.
pub fn delay_before(next: u32) -> Option<u32> {
    (2..=ATTEMPTS).contains(&next).then(|| 1_000 << (next - 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::FeedError;

    #[test]
    fn transient_failures_only() {
        assert!(is_transient(&LoadError::Timeout));
        assert!(is_transient(&LoadError::Network { cross_origin: false }));
        assert!(is_transient(&LoadError::Http(503)));
        assert!(is_transient(&LoadError::Http(429)));
        assert!(!is_transient(&LoadError::Http(404)));
        assert!(!is_transient(&LoadError::Feed(FeedError::Empty)));
        assert!(!is_transient(&LoadError::RefusedUrl("x")));
    }

    #[test]
    fn backoff_doubles_and_stops() {
        assert_eq!(delay_before(1), None);
        assert_eq!(delay_before(2), Some(1_000));
        assert_eq!(delay_before(3), Some(2_000));
        assert_eq!(delay_before(4), None);
    }
}
