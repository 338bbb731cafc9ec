//! What one widget is asked to do, decided once. [`Options::resolve`] reads the element's
//! `data-` attributes, the page address where the element allows it, and the page's language,
//! and every view reads the one [`Options`] value it gives (`components::options()`). The static
//! renderer builds its own with [`Options::for_static_page`]. Pure: the caller passes the lookups.

use crate::model::feed::links::feed_from_page;
use crate::model::loading::load_error::LoadError;
use crate::model::loading::retry::DEFAULT_TIMEOUT_MS;
use crate::model::places::near::Unit;
use crate::model::words::i18n::Lang;

/// The feed the bundled page shows when nothing names another.
pub const DEFAULT_FEED: &str = "feed.json";

/// Upcoming meetings a campaign lists before "Show more" when `data-limit` does not say: more
/// than any campaign of the pages this widget replaces holds, and a cap on what a feed of
/// thousands of meetings puts in the page at once, which a phone pays for on every frame
/// (bench/results.md).
pub const DEFAULT_LIMIT: usize = 20;

/// The options a page address may set on an element that takes its options from there
/// (`data-options-from-url`, the iframe page `embed.html`). Nothing else: not the feed (that
/// goes through `data-feed-param` and its origin check), not the URL parameters themselves.
pub const URL_OPTIONS: [&str; 7] =
    ["city", "campaign", "limit", "show-past", "lang", "layout", "theme"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
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

/// How a feed is written: the JSON of docs/feed-v1.md, or a spreadsheet as CSV, which the
/// widget reads with `import csv`'s rules (`edge/sheet.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FeedFormat {
    #[default]
    Json,
    Csv,
}

impl FeedFormat {
    /// The format `data-feed-format` names, if it names one.
    pub fn named(attr: Option<&str>) -> Option<FeedFormat> {
        match attr?.trim() {
            a if a.eq_ignore_ascii_case("csv") => Some(FeedFormat::Csv),
            a if a.eq_ignore_ascii_case("json") => Some(FeedFormat::Json),
            _ => None,
        }
    }

    /// How to read a feed: as `data-feed-format` names it (`named`); else CSV when the server
    /// sends it as `text/csv` (`media_type`, the response's `Content-Type`; none for a saved
    /// copy), or when its address's path ends in `.csv` or its query asks a spreadsheet service
    /// for CSV (`output=csv`, `format=csv`); else JSON.
    pub fn of(named: Option<FeedFormat>, url: &str, media_type: Option<&str>) -> FeedFormat {
        if let Some(format) = named {
            return format;
        }
        let csv_type = media_type
            .and_then(|t| t.split(';').next())
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("text/csv"));
        let url = url.split('#').next().unwrap_or_default().to_ascii_lowercase();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let asks_csv = query.split('&').any(|p| p == "output=csv" || p == "format=csv");
        if csv_type || path.ends_with(".csv") || asks_csv {
            FeedFormat::Csv
        } else {
            FeedFormat::Json
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Where to fetch the feed, or why the page's request for a feed was refused.
    pub feed_url: Result<String, LoadError>,
    /// The feed's format as `data-feed-format` names it; else `FeedFormat::of` decides.
    pub feed_format: Option<FeedFormat>,
    /// The zone of a CSV feed's rows that have no `time_zone` cell (`data-time-zone`).
    pub time_zone: Option<String>,
    /// The page-URL parameter that keeps the reader's chosen city. Never one of the option
    /// parameters the page address may set (`URL_OPTIONS`).
    pub city_param: String,
    /// The URL parameter of the meeting whose panel is open, named after `city_param`
    /// (`model::widget::meeting_link`).
    pub meeting_param: String,
    pub lang: Lang,
    /// Kilometres or miles for "Near me": from the first of the widget's language, the page's
    /// and the reader's that names a region (`en-US`).
    pub distance_unit: Unit,
    /// The city chosen while the page URL names none (a slug or a label: "portland-or").
    pub city: Option<String>,
    /// Show only the campaign with this id.
    pub campaign: Option<String>,
    /// Upcoming meetings shown per campaign before a "Show more" button; `None`: all.
    pub limit: Option<usize>,
    /// Past meetings listed from the start (they are still marked as past).
    pub show_past: bool,
    /// A denser layout: no descriptions, one meeting per row.
    pub compact: bool,
    pub theme: Theme,
    /// The widget fills an iframe (`embed.html`) whose height follows its content.
    pub framed: bool,
    /// How long one attempt to fetch the feed may take (`data-timeout`, in seconds).
    pub timeout_ms: u32,
    /// Tells this widget's element ids apart from another's on the same page (`um3-card-2`).
    pub instance: u32,
    /// Rendered to static HTML (`static_page.rs`): no panel, links instead of buttons, no limit.
    pub static_page: bool,
    /// Rendered to static HTML that a widget takes over (`--prerender`): what the widget adds
    /// to a card (its calendar button) is there already, so nothing moves when it starts.
    pub prerender: bool,
}

/// Where one widget's options come from.
pub struct Sources<A, P> {
    /// The element's attribute `data-<name>`, or for `"id"` its id.
    pub attr: A,
    /// A parameter of the page address.
    pub page_param: P,
    /// The page's `<html lang>`.
    pub page_lang: Option<String>,
    /// The reader's browser language (`navigator.language`): where a distance is in miles.
    pub reader_lang: Option<String>,
}

/// Seconds written as "2" or "2.5" in milliseconds (read without float parsing, which would
/// weigh more in the wasm than this whole option).
fn milliseconds(seconds: &str) -> Option<u32> {
    let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let millis: u32 = format!("{fraction:0<3}").get(..3)?.parse().ok()?;
    Some(whole.parse::<u32>().ok()?.saturating_mul(1000).saturating_add(millis))
}

fn flag(value: Option<String>) -> bool {
    value.is_some_and(|v| {
        matches!(v.trim().to_ascii_lowercase().as_str(), "" | "true" | "yes" | "1" | "on")
    })
}

/// The URL parameter for the reader's city when the element names none: `<id>-city`, else
/// `um-city`; `-2`, `-3`, … appended while `in_use` says a widget already on the page has it.
fn city_param_for(id: Option<&str>, in_use: &dyn Fn(&str) -> bool) -> String {
    let base = id.map_or_else(|| "um-city".to_string(), |id| format!("{id}-city"));
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|p| !in_use(p) && !URL_OPTIONS.contains(&p.as_str()))
        .expect("an unused name")
}

impl Options {
    /// Resolves one widget's options. `in_use` tells which city parameters widgets already on
    /// the page keep, so a new widget never takes one of theirs; `instance` is its number on the
    /// page. Every attribute is documented in the README ("Embed on your site").
    pub fn resolve<A, P>(
        sources: Sources<A, P>,
        in_use: &dyn Fn(&str) -> bool,
        instance: u32,
    ) -> Options
    where
        A: Fn(&str) -> Option<String>,
        P: Fn(&str) -> Option<String>,
    {
        let Sources { attr, page_param, page_lang, reader_lang } = sources;
        let from_url = attr("options-from-url").is_some();
        // An option: the element's attribute, else (where the element allows it) the page's.
        let option = |name: &str| {
            attr(name).or_else(|| {
                (from_url && URL_OPTIONS.contains(&name)).then(|| page_param(name)).flatten()
            })
        };
        let text =
            |name: &str| option(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());

        let feed_url = match attr("feed-param").and_then(|p| page_param(p.trim())) {
            Some(value) => {
                let allowed: Vec<String> = attr("feed-origins")
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                feed_from_page(&value, &allowed).map_err(LoadError::RefusedUrl)
            }
            None => Ok(attr("feed")
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .unwrap_or_else(|| DEFAULT_FEED.to_string())),
        };
        let explicit_param =
            attr("city-param").map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
        // Where the page address sets options, the reader's choice must not land in one of them
        // (`embed.html?city=berlin` is the default; the choice goes elsewhere).
        let city_param = explicit_param
            .filter(|p| !(from_url && URL_OPTIONS.contains(&p.as_str())))
            .unwrap_or_else(|| {
                let id = attr("id").map(|id| id.trim().to_string()).filter(|id| !id.is_empty());
                city_param_for(id.as_deref(), in_use)
            });
        let lang_attr = text("lang");
        let lang = lang_attr
            .as_deref()
            .and_then(Lang::from_tag)
            .or_else(|| page_lang.as_deref().and_then(Lang::from_tag))
            .unwrap_or_default();
        let distance_unit = Unit::for_tags(
            [&lang_attr, &page_lang, &reader_lang].into_iter().flatten().map(String::as_str),
        );
        let limit = match text("limit").map(|n| n.to_ascii_lowercase()).as_deref() {
            Some("none" | "all" | "0") => None,
            Some(n) => Some(n.parse().ok().filter(|&n| n > 0).unwrap_or(DEFAULT_LIMIT)),
            None => Some(DEFAULT_LIMIT),
        };
        let theme = match text("theme").map(|t| t.to_ascii_lowercase()).as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        let feed_format = FeedFormat::named(attr("feed-format").as_deref());
        Options {
            feed_url,
            feed_format,
            time_zone: text("time-zone"),
            meeting_param: crate::model::widget::meeting_link::param_name(&city_param),
            city_param,
            lang,
            distance_unit,
            city: text("city"),
            campaign: text("campaign"),
            limit,
            show_past: flag(option("show-past")),
            compact: text("layout").is_some_and(|l| l.eq_ignore_ascii_case("compact")),
            theme,
            framed: flag(attr("frame")),
            timeout_ms: text("timeout")
                .and_then(|t| milliseconds(&t))
                .map_or(DEFAULT_TIMEOUT_MS, |ms| ms.clamp(1_000, 120_000)),
            instance,
            static_page: false,
            prerender: false,
        }
    }

    /// The options of the static page (`static_page.rs`): every meeting, no panel, no URL state.
    pub fn for_static_page(lang: Lang, prerender: bool) -> Options {
        let none = |_: &str| None;
        Options {
            lang,
            limit: None,
            static_page: true,
            prerender,
            ..Options::resolve(
                Sources { attr: none, page_param: none, page_lang: None, reader_lang: None },
                &|_| false,
                0,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pairs<'a> = &'a [(&'a str, &'a str)];

    fn get(list: Pairs, k: &str) -> Option<String> {
        list.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    fn resolve_with(
        attrs: Pairs,
        params: Pairs,
        page_lang: Option<&str>,
        in_use: &[&str],
    ) -> Options {
        let sources = Sources {
            attr: |k: &str| get(attrs, k),
            page_param: |k: &str| get(params, k),
            page_lang: page_lang.map(Into::into),
            reader_lang: None,
        };
        Options::resolve(sources, &|p| in_use.contains(&p), 0)
    }

    #[test]
    fn a_feed_is_csv_when_the_element_its_server_or_its_address_says_so() {
        use FeedFormat::{Csv, Json};
        assert_eq!(FeedFormat::of(None, "feed.json", None), Json);
        assert_eq!(FeedFormat::of(None, "feed.json", Some("application/json")), Json);
        assert_eq!(FeedFormat::of(None, "sheet", Some("Text/CSV; charset=utf-8")), Csv);
        assert_eq!(FeedFormat::of(None, "sheet", Some("text/plain")), Json);
        assert_eq!(FeedFormat::of(None, "meetings.CSV", None), Csv);
        let published = "https://s.example/pub?gid=0&single=true&output=csv";
        assert_eq!(FeedFormat::of(None, published, Some("text/plain")), Csv);
        assert_eq!(FeedFormat::of(None, "https://s.example/export?format=csv#gid=0", None), Csv);
        assert_eq!(FeedFormat::of(None, "https://s.example/a.csv.json?x=y", None), Json);
        assert_eq!(FeedFormat::of(None, "https://s.example/a.json#x.csv", None), Json);
        let named = |attr| FeedFormat::named(Some(attr));
        assert_eq!(FeedFormat::of(named(" CSV "), "https://s.example/sheet", None), Csv);
        assert_eq!(FeedFormat::of(named("json"), "meetings.csv", Some("text/csv")), Json);
        assert_eq!(named("xlsx"), None);
        let o = resolve(&[("feed-format", "csv"), ("time-zone", "Europe/Berlin")], &[], None);
        assert_eq!((o.feed_format, o.time_zone.as_deref()), (Some(Csv), Some("Europe/Berlin")));
    }

    #[test]
    fn distances_in_the_unit_of_the_first_region_named() {
        let unit = |attrs: Pairs, page_lang: Option<&str>, reader: Option<&str>| {
            let sources = Sources {
                attr: |k: &str| get(attrs, k),
                page_param: |_: &str| None,
                page_lang: page_lang.map(Into::into),
                reader_lang: reader.map(Into::into),
            };
            Options::resolve(sources, &|_| false, 0).distance_unit
        };
        assert_eq!(unit(&[], None, None), Unit::Km);
        assert_eq!(unit(&[], Some("en"), Some("en-US")), Unit::Mi, "the reader's region");
        assert_eq!(unit(&[], Some("de-DE"), Some("en-US")), Unit::Km, "the page names its region");
        assert_eq!(
            unit(&[("lang", "en-GB")], Some("en-AU"), None),
            Unit::Mi,
            "the widget's own language first"
        );
    }

    fn resolve(attrs: Pairs, params: Pairs, page_lang: Option<&str>) -> Options {
        resolve_with(attrs, params, page_lang, &[])
    }

    #[test]
    fn defaults() {
        let o = resolve(&[], &[("feed", "/x.json")], None);
        assert_eq!(
            o.feed_url,
            Ok("feed.json".to_string()),
            "?feed= is ignored unless the element allows it"
        );
        assert_eq!(o.city_param, "um-city");
        assert_eq!(o.lang, Lang::En);
        assert_eq!(
            (o.city, o.campaign, o.limit, o.show_past, o.compact, o.theme, o.framed),
            (None, None, Some(DEFAULT_LIMIT), false, false, Theme::Auto, false)
        );
        assert_eq!(o.timeout_ms, DEFAULT_TIMEOUT_MS);
        assert!(!o.static_page);
    }

    #[test]
    fn timeout_in_seconds_within_bounds() {
        assert_eq!(resolve(&[("timeout", "2.5")], &[], None).timeout_ms, 2_500);
        assert_eq!(resolve(&[("timeout", "0")], &[], None).timeout_ms, 1_000);
        assert_eq!(resolve(&[("timeout", "9999")], &[], None).timeout_ms, 120_000);
        assert_eq!(resolve(&[("timeout", "soon")], &[], None).timeout_ms, DEFAULT_TIMEOUT_MS);
    }

    #[test]
    fn page_may_name_a_same_origin_feed_only_where_allowed() {
        let allowed = [("feed-param", "feed"), ("city-param", "city")];
        assert_eq!(
            resolve(&allowed, &[("feed", "/spring.json")], None).feed_url,
            Ok("/spring.json".into())
        );
        assert!(matches!(
            resolve(&allowed, &[("feed", "https://evil.example/f.json")], None).feed_url,
            Err(LoadError::RefusedUrl(_))
        ));
        assert!(matches!(
            resolve(&allowed, &[("feed", "//evil.example/f.json")], None).feed_url,
            Err(LoadError::RefusedUrl(_))
        ));
        assert_eq!(resolve(&allowed, &[], None).feed_url, Ok("feed.json".into()));
        assert_eq!(resolve(&allowed, &[], None).city_param, "city");
        // The deployer of a page may allow named origins besides its own.
        let listed = [
            ("feed-param", "feed"),
            ("feed-origins", "https://chapter.example https://other.example"),
        ];
        assert_eq!(
            resolve(&listed, &[("feed", "https://chapter.example/f.json")], None).feed_url,
            Ok("https://chapter.example/f.json".into())
        );
        assert!(resolve(&listed, &[("feed", "https://chapter.example.evil.example/f.json")], None)
            .feed_url
            .is_err());
    }

    #[test]
    fn embedder_feed_and_language() {
        let o = resolve(
            &[("feed", "https://chapter.example/feed.json"), ("lang", "de")],
            &[],
            Some("en"),
        );
        assert_eq!(o.feed_url, Ok("https://chapter.example/feed.json".into()));
        assert_eq!(o.lang, Lang::De);
        assert_eq!(resolve(&[], &[], Some("de-DE")).lang, Lang::De);
        assert_eq!(
            resolve(&[("lang", "nl")], &[], Some("de")).lang,
            Lang::De,
            "an unknown language falls back to the page's"
        );
        assert_eq!(resolve(&[("lang", "nl")], &[], None).lang, Lang::En);
    }

    #[test]
    fn each_widget_on_a_page_has_its_own_url_parameter() {
        assert_eq!(resolve_with(&[], &[], None, &[]).city_param, "um-city");
        assert_eq!(resolve_with(&[], &[], None, &["um-city"]).city_param, "um-city-2");
        assert_eq!(resolve_with(&[], &[], None, &["um-city", "um-city-2"]).city_param, "um-city-3");
        // A name freed by a widget that went away is taken again, by whichever mounts next.
        assert_eq!(resolve_with(&[], &[], None, &["um-city-2"]).city_param, "um-city");
        assert_eq!(
            resolve_with(&[("id", "fascism")], &[], None, &["um-city"]).city_param,
            "fascism-city"
        );
        assert_eq!(
            resolve_with(&[("id", "fascism")], &[], None, &["fascism-city"]).city_param,
            "fascism-city-2"
        );
        assert_eq!(
            resolve_with(&[("id", "x"), ("city-param", "where")], &[], None, &[]).city_param,
            "where"
        );
        assert_eq!(resolve_with(&[], &[], None, &["um-city"]).meeting_param, "um-meeting-2");
    }

    #[test]
    fn display_options() {
        let attrs = [
            ("city", "Portland, OR"),
            ("campaign", "no-war"),
            ("limit", "3"),
            ("show-past", ""),
            ("layout", "compact"),
            ("theme", "dark"),
        ];
        let o = resolve(&attrs, &[], None);
        assert_eq!(o.city.as_deref(), Some("Portland, OR"));
        assert_eq!(o.campaign.as_deref(), Some("no-war"));
        assert_eq!((o.limit, o.show_past, o.compact, o.theme), (Some(3), true, true, Theme::Dark));
        assert_eq!(resolve(&[("limit", "none")], &[], None).limit, None);
        assert_eq!(resolve(&[("limit", "lots")], &[], None).limit, Some(DEFAULT_LIMIT));
        assert!(!resolve(&[("show-past", "false")], &[], None).show_past);
        assert_eq!(resolve(&[("theme", "LIGHT")], &[], None).theme, Theme::Light);
    }

    #[test]
    fn the_iframe_page_takes_its_options_from_its_address_but_keeps_the_choice_apart() {
        let frame = [("options-from-url", ""), ("frame", ""), ("feed-param", "feed")];
        let params = [
            ("city", "berlin"),
            ("limit", "3"),
            ("lang", "de"),
            ("show-past", ""),
            ("timeout", "1"),
            ("city-param", "lang"),
            ("frame", ""),
        ];
        let o = resolve(&frame, &params, Some("en"));
        assert_eq!(
            (o.city.as_deref(), o.limit, o.lang, o.show_past, o.framed),
            (Some("berlin"), Some(3), Lang::De, true, true)
        );
        assert_eq!(
            o.timeout_ms, DEFAULT_TIMEOUT_MS,
            "the address sets only the options of URL_OPTIONS"
        );
        assert_eq!(
            o.city_param, "um-city",
            "the reader's choice is kept apart from ?city=, the default"
        );
        // Even where the page names `city` as the parameter to keep the choice in.
        let o = resolve(&[("options-from-url", ""), ("city-param", "city")], &params, None);
        assert_eq!((o.city.as_deref(), o.city_param.as_str()), (Some("berlin"), "um-city"));
        // Without data-options-from-url, the address sets nothing.
        assert_eq!(resolve(&[], &params, None).city, None);
    }

    #[test]
    fn the_static_page_lists_everything() {
        let o = Options::for_static_page(Lang::De, false);
        assert_eq!((o.lang, o.limit, o.static_page, o.show_past), (Lang::De, None, true, false));
    }
}
