//! What one widget on a page is asked to do, read from its element's `data-` attributes and,
//! where the element allows it, from the page address. Pure: the caller passes both lookups.

use super::i18n::Lang;
use super::links::same_origin_feed_path;
use super::load_error::LoadError;

/// The feed the bundled page shows when nothing names another.
pub const DEFAULT_FEED: &str = "feed.json";

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where to fetch the feed, or why the page's request for a feed was refused.
    pub feed_url: Result<String, LoadError>,
    /// The page-URL parameter that keeps this widget's chosen city.
    pub city_param: String,
    pub lang: Lang,
}

impl Config {
    /// `attr("feed")` reads `data-feed`; `page_param("feed")` reads `?feed=` of the page.
    ///
    /// - `data-feed`: the feed URL the embedder chose (any origin that allows it by CORS).
    /// - `data-feed-param`: a page parameter that may name a same-origin feed instead (the
    ///   bundled page sets `feed`, so `?feed=/other.json` works there and nowhere else).
    /// - `data-city-param`: the page parameter for the city (default `um-city`).
    /// - `data-lang`: `en` or `de`; otherwise `page_lang` (the page's `<html lang>`) if spoken, else English.
    pub fn from_attributes(attr: impl Fn(&str) -> Option<String>, page_param: impl Fn(&str) -> Option<String>, page_lang: Option<String>) -> Config {
        let from_page = attr("feed-param").and_then(|p| page_param(&p));
        let feed_url = match from_page {
            Some(value) => same_origin_feed_path(&value).map_err(LoadError::RefusedUrl),
            None => Ok(attr("feed").filter(|f| !f.trim().is_empty()).unwrap_or_else(|| DEFAULT_FEED.to_string())),
        };
        let lang = attr("lang").and_then(|t| Lang::from_tag(&t)).or_else(|| page_lang.and_then(|t| Lang::from_tag(&t))).unwrap_or_default();
        Config { feed_url, city_param: attr("city-param").filter(|p| !p.is_empty()).unwrap_or_else(|| "um-city".to_string()), lang }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(attrs: &[(&str, &str)], params: &[(&str, &str)], page_lang: Option<&str>) -> Config {
        let get = |list: &[(&str, &str)], k: &str| list.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string());
        Config::from_attributes(|k| get(attrs, k), |k| get(params, k), page_lang.map(Into::into))
    }

    #[test]
    fn defaults() {
        let c = config(&[], &[("feed", "/x.json")], None);
        assert_eq!(c.feed_url, Ok("feed.json".to_string()), "?feed= is ignored unless the element allows it");
        assert_eq!(c.city_param, "um-city");
        assert_eq!(c.lang, Lang::En);
    }

    #[test]
    fn page_may_name_a_same_origin_feed_only_where_allowed() {
        let allowed = [("feed-param", "feed"), ("city-param", "city")];
        assert_eq!(config(&allowed, &[("feed", "/spring.json")], None).feed_url, Ok("/spring.json".into()));
        assert!(matches!(config(&allowed, &[("feed", "https://evil.example/f.json")], None).feed_url, Err(LoadError::RefusedUrl(_))));
        assert!(matches!(config(&allowed, &[("feed", "//evil.example/f.json")], None).feed_url, Err(LoadError::RefusedUrl(_))));
        assert_eq!(config(&allowed, &[], None).feed_url, Ok("feed.json".into()));
        assert_eq!(config(&allowed, &[], None).city_param, "city");
    }

    #[test]
    fn embedder_feed_and_language() {
        let c = config(&[("feed", "https://chapter.example/feed.json"), ("lang", "de")], &[], Some("en"));
        assert_eq!(c.feed_url, Ok("https://chapter.example/feed.json".into()));
        assert_eq!(c.lang, Lang::De);
        assert_eq!(config(&[], &[], Some("de-DE")).lang, Lang::De);
        assert_eq!(config(&[("lang", "fr")], &[], None).lang, Lang::En);
    }
}
