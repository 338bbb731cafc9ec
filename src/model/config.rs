//! What one widget on a page is asked to do, read from its element's `data-` attributes and,
//! where the element allows it, from the page address. Pure: the caller passes both lookups.

use super::i18n::Lang;
use super::links::feed_from_page;
use super::load_error::LoadError;
use super::retry::DEFAULT_TIMEOUT_MS;

/// The feed the bundled page shows when nothing names another.
pub const DEFAULT_FEED: &str = "feed.json";

/// Upcoming meetings a campaign lists before "Show more" when `data-limit` does not say: more
/// than any campaign of the pages this widget replaces holds, and a cap on what a feed of
/// thousands of meetings puts in the page at once, which a phone pays for on every frame
/// (bench/results.md).
pub const DEFAULT_LIMIT: usize = 20;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

/// How the listings look and what they include, beyond the feed itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Display {
    /// The city chosen when the page URL names none (a slug or a label: "portland-or").
    pub city: Option<String>,
    /// Show only the campaign with this id.
    pub campaign: Option<String>,
    /// Upcoming meetings shown per campaign before a "Show more" button; `None`: all (the
    /// static page; a widget's `data-limit="none"`).
    pub limit: Option<usize>,
    /// Past meetings listed from the start (they are still marked as past).
    pub show_past: bool,
    /// A denser layout: no descriptions, one meeting per row.
    pub compact: bool,
    pub theme: Theme,
    /// The widget fills an iframe (`embed.html`) whose height follows its content.
    pub framed: bool,
    /// Rendered to static HTML (`static_page.rs`): no panel, links instead of buttons.
    pub static_page: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where to fetch the feed, or why the page's request for a feed was refused.
    pub feed_url: Result<String, LoadError>,
    /// The page-URL parameter that keeps this widget's chosen city.
    pub city_param: String,
    pub lang: Lang,
    pub display: Display,
    /// How long one attempt to fetch the feed may take (`data-timeout`, in seconds).
    pub timeout_ms: u32,
}

/// Seconds written as "2" or "2.5" in milliseconds (read without float parsing, which would
/// weigh more in the wasm than this whole option).
fn milliseconds(seconds: &str) -> Option<u32> {
    let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let millis: u32 = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
    Some(whole.parse::<u32>().ok()?.saturating_mul(1000).saturating_add(millis))
}

fn flag(value: Option<String>) -> bool {
    value.is_some_and(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "" | "true" | "yes" | "1" | "on"))
}

impl Theme {
    /// The value of the widget root's `data-theme`, which the stylesheet reads.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Config {
    /// Reads one widget's options. `attr("feed")` reads `data-feed`; `page_param("feed")`
    /// reads `?feed=` of the page; `index` is the widget's place among the page's widgets.
    /// Every attribute is documented in the README ("Embed on your site").
    pub fn from_attributes(
        attr: impl Fn(&str) -> Option<String>,
        page_param: impl Fn(&str) -> Option<String>,
        page_lang: Option<String>,
        index: usize,
    ) -> Config {
        let from_page = attr("feed-param").and_then(|p| page_param(&p));
        let feed_url = match from_page {
            Some(value) => {
                let allowed: Vec<String> = attr("feed-origins").unwrap_or_default().split_whitespace().map(str::to_string).collect();
                feed_from_page(&value, &allowed).map_err(LoadError::RefusedUrl)
            }
            None => Ok(attr("feed").filter(|f| !f.trim().is_empty()).unwrap_or_else(|| DEFAULT_FEED.to_string())),
        };
        let lang = attr("lang").and_then(|t| Lang::from_tag(&t)).or_else(|| page_lang.and_then(|t| Lang::from_tag(&t))).unwrap_or_default();
        let city_param = attr("city-param").filter(|p| !p.trim().is_empty()).unwrap_or_else(|| match (attr("id"), index) {
            (Some(id), _) if !id.trim().is_empty() => format!("{}-city", id.trim()),
            (_, 0) => "um-city".to_string(),
            (_, n) => format!("um-city-{}", n + 1),
        });
        let text = |name: &str| attr(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let display = Display {
            city: text("city"),
            campaign: text("campaign"),
            limit: match text("limit").map(|n| n.to_ascii_lowercase()).as_deref() {
                Some("none" | "all" | "0") => None,
                Some(n) => Some(n.parse().ok().filter(|&n| n > 0).unwrap_or(DEFAULT_LIMIT)),
                None => Some(DEFAULT_LIMIT),
            },
            show_past: flag(attr("show-past")),
            compact: attr("layout").is_some_and(|l| l.trim().eq_ignore_ascii_case("compact")),
            theme: match text("theme").map(|t| t.to_ascii_lowercase()).as_deref() {
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => Theme::Auto,
            },
            framed: flag(attr("frame")),
            static_page: false,
        };
        let timeout_ms = text("timeout").and_then(|t| milliseconds(&t)).map_or(DEFAULT_TIMEOUT_MS, |ms| ms.clamp(1_000, 120_000));
        Config { feed_url, city_param, lang, display, timeout_ms }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_at(attrs: &[(&str, &str)], params: &[(&str, &str)], page_lang: Option<&str>, index: usize) -> Config {
        let get = |list: &[(&str, &str)], k: &str| list.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string());
        Config::from_attributes(|k| get(attrs, k), |k| get(params, k), page_lang.map(Into::into), index)
    }

    fn config(attrs: &[(&str, &str)], params: &[(&str, &str)], page_lang: Option<&str>) -> Config {
        config_at(attrs, params, page_lang, 0)
    }

    #[test]
    fn defaults() {
        let c = config(&[], &[("feed", "/x.json")], None);
        assert_eq!(c.feed_url, Ok("feed.json".to_string()), "?feed= is ignored unless the element allows it");
        assert_eq!(c.city_param, "um-city");
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.display, Display { limit: Some(DEFAULT_LIMIT), ..Display::default() });
        assert_eq!(c.timeout_ms, DEFAULT_TIMEOUT_MS);
    }

    #[test]
    fn timeout_in_seconds_within_bounds() {
        assert_eq!(config(&[("timeout", "2.5")], &[], None).timeout_ms, 2_500);
        assert_eq!(config(&[("timeout", "0")], &[], None).timeout_ms, 1_000);
        assert_eq!(config(&[("timeout", "9999")], &[], None).timeout_ms, 120_000);
        assert_eq!(config(&[("timeout", "soon")], &[], None).timeout_ms, DEFAULT_TIMEOUT_MS);
    }

    #[test]
    fn page_may_name_a_same_origin_feed_only_where_allowed() {
        let allowed = [("feed-param", "feed"), ("city-param", "city")];
        assert_eq!(config(&allowed, &[("feed", "/spring.json")], None).feed_url, Ok("/spring.json".into()));
        assert!(matches!(config(&allowed, &[("feed", "https://evil.example/f.json")], None).feed_url, Err(LoadError::RefusedUrl(_))));
        assert!(matches!(config(&allowed, &[("feed", "//evil.example/f.json")], None).feed_url, Err(LoadError::RefusedUrl(_))));
        assert_eq!(config(&allowed, &[], None).feed_url, Ok("feed.json".into()));
        assert_eq!(config(&allowed, &[], None).city_param, "city");
        // The deployer of a page may allow named origins besides its own.
        let listed = [("feed-param", "feed"), ("feed-origins", "https://chapter.example https://other.example")];
        assert_eq!(config(&listed, &[("feed", "https://chapter.example/f.json")], None).feed_url, Ok("https://chapter.example/f.json".into()));
        assert!(config(&listed, &[("feed", "https://chapter.example.evil.example/f.json")], None).feed_url.is_err());
    }

    #[test]
    fn embedder_feed_and_language() {
        let c = config(&[("feed", "https://chapter.example/feed.json"), ("lang", "de")], &[], Some("en"));
        assert_eq!(c.feed_url, Ok("https://chapter.example/feed.json".into()));
        assert_eq!(c.lang, Lang::De);
        assert_eq!(config(&[], &[], Some("de-DE")).lang, Lang::De);
        assert_eq!(config(&[("lang", "fr")], &[], Some("de")).lang, Lang::De, "an unknown language falls back to the page's");
        assert_eq!(config(&[("lang", "fr")], &[], None).lang, Lang::En);
    }

    #[test]
    fn each_widget_on_a_page_has_its_own_url_parameter() {
        assert_eq!(config_at(&[], &[], None, 0).city_param, "um-city");
        assert_eq!(config_at(&[], &[], None, 1).city_param, "um-city-2");
        assert_eq!(config_at(&[("id", "fascism")], &[], None, 1).city_param, "fascism-city");
        assert_eq!(config_at(&[("id", "x"), ("city-param", "where")], &[], None, 1).city_param, "where");
    }

    #[test]
    fn display_options() {
        let c =
            config(&[("city", "Portland, OR"), ("campaign", "no-war"), ("limit", "3"), ("show-past", ""), ("layout", "compact"), ("theme", "dark")], &[], None);
        assert_eq!(
            c.display,
            Display {
                city: Some("Portland, OR".into()),
                campaign: Some("no-war".into()),
                limit: Some(3),
                show_past: true,
                compact: true,
                theme: Theme::Dark,
                framed: false,
                static_page: false
            }
        );
        let c = config(&[("limit", "none"), ("show-past", "false"), ("layout", "cards"), ("theme", "purple")], &[], None);
        assert_eq!(c.display, Display::default());
    }

    #[test]
    fn a_long_list_is_cut_unless_the_embedder_says_otherwise() {
        let limit = |value: Option<&str>| config(&value.map(|v| ("limit", v)).into_iter().collect::<Vec<_>>(), &[], None).display.limit;
        assert_eq!(limit(None), Some(DEFAULT_LIMIT));
        assert_eq!(limit(Some(" 5 ")), Some(5));
        assert_eq!(limit(Some("ALL")), None);
        assert_eq!(limit(Some("0")), None);
        assert_eq!(limit(Some("many")), Some(DEFAULT_LIMIT));
    }
}
