//! Why no listings could be shown at all, and how each reason reads to the visitor (a sentence in
//! their language) and to the publisher (the technical detail).

use crate::model::feed::read::{FeedError, MAX_FEED_BYTES};
use crate::model::words::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The page named a feed the widget will not load (another origin); why.
    RefusedUrl(&'static str),
    /// The server answered with an HTTP error status.
    Http(u16),
    /// No answer: offline, DNS, or (for a feed on another origin) a missing CORS header, which
    /// the browser reports the same way.
    Network { cross_origin: bool },
    /// An answer too slow to wait for.
    Timeout,
    /// An answer that is not a readable feed.
    Feed(FeedError),
}

impl LoadError {
    /// The sentence shown in the alert.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            LoadError::RefusedUrl(_) => t.err_refused_url().to_string(),
            LoadError::Http(status) => lang.err_http(*status),
            LoadError::Network { cross_origin: false } => t.err_network().to_string(),
            LoadError::Network { cross_origin: true } => t.err_cross_origin().to_string(),
            LoadError::Timeout => t.err_timeout().to_string(),
            LoadError::Feed(e) => match e {
                FeedError::Empty => t.err_empty().to_string(),
                FeedError::TooLarge { .. } => t.err_too_large().to_string(),
                FeedError::Truncated => t.err_truncated().to_string(),
                FeedError::NotJson { .. } => t.err_not_json().to_string(),
                FeedError::WrongShape(_) => t.err_shape().to_string(),
                FeedError::UnsupportedVersion(v) => lang.err_version(v),
                FeedError::NotASheet(_) => t.err_not_sheet().to_string(),
            },
        }
    }

    /// The technical detail for the feed's publisher, in English.
    pub fn detail(&self) -> Option<String> {
        match self {
            LoadError::RefusedUrl(why) => Some(format!("?feed= was refused: {why}.")),
            LoadError::Network { cross_origin: true } => Some(
                concat!(
                    "If the feed is on another site, its server must send the header ",
                    "Access-Control-Allow-Origin (\"*\" or this page's origin)."
                )
                .to_string(),
            ),
            LoadError::Feed(FeedError::NotJson { line, column }) => {
                Some(format!("JSON syntax error at line {line}, column {column}."))
            }
            LoadError::Feed(FeedError::WrongShape(why) | FeedError::NotASheet(why)) => {
                // A sheet's reason may start with the sheet's own words, in any script: cut after
                // its first character, not its first byte.
                let (first, rest) = why.split_at(why.chars().next().map_or(0, char::len_utf8));
                Some(format!("{}{rest}.", first.to_uppercase()))
            }
            LoadError::Feed(FeedError::TooLarge { bytes }) => {
                Some(format!("The feed is {bytes} bytes; the limit is {MAX_FEED_BYTES} bytes."))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_as_a_sentence_with_its_detail() {
        assert!(LoadError::Http(404).message(Lang::En).contains("404"));
        assert!(LoadError::Feed(FeedError::UnsupportedVersion("2".into()))
            .message(Lang::En)
            .contains("version 2"));
        let e = LoadError::Feed(FeedError::NotJson { line: 3, column: 14 });
        assert_eq!(e.detail().unwrap(), "JSON syntax error at line 3, column 14.");
        let e = LoadError::Feed(FeedError::WrongShape("there is no \"campaigns\" list".into()));
        assert_eq!(e.detail().unwrap(), "There is no \"campaigns\" list.");
        // A reason that starts with a letter outside ASCII, or is empty, is no panic.
        let e = LoadError::Feed(FeedError::NotASheet("ölçü sütunu yok".into()));
        assert_eq!(e.detail().unwrap(), "Ölçü sütunu yok.");
        assert_eq!(LoadError::Feed(FeedError::NotASheet(String::new())).detail().unwrap(), ".");
        assert!(LoadError::Network { cross_origin: true }
            .detail()
            .unwrap()
            .contains("Access-Control-Allow-Origin"));
        assert_ne!(
            LoadError::Network { cross_origin: false }.message(Lang::De),
            LoadError::Network { cross_origin: false }.message(Lang::En)
        );
    }
}
