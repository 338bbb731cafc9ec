//! The listings rendered to static HTML by the first screen's writer (`markup/`), with the
//! widget's stylesheet: what a server-side site would send. It is the page the benchmark holds
//! the widget against (nothing in a browser can show the first meeting sooner), the
//! `<noscript>` / archive export of a feed (`render --out`), and the content pre-rendered into
//! the bundled page, which shows while the widget starts and which the widget then replaces.

use crate::markup::{first_screen::static_listings, screen::Screen};
use crate::model::export::json_ld;
use crate::model::listing::Listing;
use crate::model::widget::options::Options;
use crate::model::words::i18n::Lang;
use std::sync::Arc;

/// The widget's stylesheet, the same the widget adopts in its shadow root (there minified by
/// trunk; a whole static page carries it as written).
pub const STYLE: &str = include_str!("../style/widget.css");

/// What to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// A whole page with the stylesheet inline: the archive / `<noscript>` export.
    Page,
    /// The widget's markup alone, city filter included, to place inside the widget's element
    /// so the listings show before the widget has started.
    Prerender,
}

/// The listings as HTML.
pub fn listings_html(listing: Arc<Listing>, lang: Lang, output: Output) -> String {
    let options = Options::for_static_page(lang, output == Output::Prerender);
    let html = static_listings(&Screen::new(&options, &listing, None));
    // A pre-rendered page carries its structured data beside its listings (a whole page, in
    // its head).
    match output {
        Output::Prerender => html + &structured_data(&listing, None),
        Output::Page => html,
    }
}

/// The schema.org Events of the upcoming meetings listed, the first `limit` of each campaign
/// (all without one), as a JSON-LD data block (`model/export/json_ld.rs`, safe inside `<script>`).
/// The widget writes the same into its host page's head (`edge/head.rs`), and takes a
/// pre-rendered block out of the page when it does (its `data-upcoming-meetings-ld`).
pub fn structured_data(listing: &Listing, limit: Option<usize>) -> String {
    format!(
        "<script type=\"application/ld+json\" data-upcoming-meetings-ld>{}</script>",
        json_ld::events(listing.upcoming(None, limit), listing.feed.publisher.as_ref())
    )
}

/// `text` escaped for an attribute's value or an element's text (`markup::html::escape`).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::markup::html::escape(&mut out, text, true);
    out
}

/// A whole HTML page of the listings, titled after the feed's publisher.
pub fn page_html(listing: Arc<Listing>, lang: Lang) -> String {
    let title =
        listing.feed.publisher.as_ref().and_then(|p| p.name.clone()).map_or_else(
            || "Upcoming meetings".to_string(),
            |n| format!("Upcoming meetings – {n}"),
        );
    let counts = listing.city_counts();
    let description =
        lang.page_description(counts.iter().sum(), counts.iter().filter(|&&n| n > 0).count());
    let events = structured_data(&listing, None);
    let body = listings_html(listing, lang, Output::Page);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n\
         <meta name=\"description\" content=\"{description}\">\n{events}\n\
         <style>\nbody {{ margin: 0 auto; max-width: 72rem; padding: 1rem; \
         font-family: system-ui, sans-serif; }}\n{STYLE}</style>\n\
         </head>\n<body>\n<h1>{title}</h1>\n{body}\n</body>\n</html>\n",
        lang = lang.tag(),
        title = escape(&title),
        description = escape(&description),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;
    use chrono::{DateTime, Utc};

    fn listing(json: &str) -> Arc<Listing> {
        let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z").unwrap().with_timezone(&Utc);
        Arc::new(Listing::new(parse_feed(json).unwrap(), now))
    }

    #[test]
    fn the_bundled_feed_as_a_page() {
        let html = page_html(listing(include_str!("../public/feed.json")), Lang::En);
        assert!(html.starts_with("<!doctype html>"));
        assert_eq!(html.matches("<article").count(), 14);
        assert_eq!(
            html.matches("class=\"um-meeting\"").count()
                + html.matches("class=\"um-meeting um-cancelled\"").count(),
            42
        );
        assert!(html.contains("6:30 PM GMT+2"), "Berlin in summer, as English writes it");
        assert!(
            html.contains(r#"<meta name="description" content="42 upcoming meetings in "#),
            "a search result's snippet"
        );
        assert!(html.contains(".um .um-card {"), "the widget's stylesheet is inline");
        assert!(!html.contains(r#"role="combobox""#), "no filter on a page without script");
        assert!(!html.contains("<dialog"));
        assert!(!html.contains("<!>"));
        // Where a meeting has an RSVP link, the page links to it instead of opening a panel.
        assert!(html.contains(r#"href="https://www.facebook.com/events/628722970910513/""#));
        // Structured data for search engines in the head:
        // an Event per upcoming meeting with a date.
        let head = &html[..html.find("</head>").unwrap()];
        let block = head
            .split("<script type=\"application/ld+json\" data-upcoming-meetings-ld>")
            .nth(1)
            .expect("a JSON-LD block")
            .split("</script>")
            .next()
            .unwrap();
        let events: serde_json::Value = serde_json::from_str(block).unwrap();
        assert_eq!(events.as_array().unwrap().len(), 42 - html.matches("Date TBA").count());
    }

    #[test]
    fn the_prerender_has_the_filter_and_feed_text_stays_text() {
        let html = listings_html(
            listing(
                r#"{"version":1,"publisher":{"name":"<b>x</b>"},"campaigns":[
                  {"id":"c","title":"<script>alert(1)</script>",
                   "meetings":[{"id":"m","place":{"city":"Berlin"}}]}]}"#,
            ),
            Lang::De,
            Output::Prerender,
        );
        assert!(
            html.starts_with(r#"<div lang="de" dir="ltr" class="um um-static">"#),
            "{}",
            html.chars().take(60).collect::<String>()
        );
        assert!(html.contains(r#"role="combobox""#));
        assert!(html.contains(r#"value="Alle Städte""#), "the field shows the choice");
        assert!(!html.contains("In meiner Nähe"), "no coordinates, no Near me");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(
            html.ends_with(
                "<script type=\"application/ld+json\" data-upcoming-meetings-ld>[]</script>"
            ),
            "no dated meeting, no event"
        );
        let placed = listings_html(
            listing(
                r#"{"version":1,"campaigns":[{"id":"c","title":"C","meetings":[
                  {"id":"m","place":{"city":"Berlin","lat":52.5,"lon":13.4}}]}]}"#,
            ),
            Lang::De,
            Output::Prerender,
        );
        assert!(placed.contains("In meiner Nähe"), "a feed with coordinates offers Near me");
    }
}
