//! One markup for the first screen. The first-paint module writes a widget's first screen with
//! `markup/` (no Leptos); the app then renders the same screen with its Leptos views and takes
//! the page over. Nothing may move as it does, so the two must be the same HTML: here both are
//! rendered natively, for every fixture feed and several option sets (a city, an unknown city, a
//! campaign, German, a right-to-left page, a limit, the compact and framed layouts, a later
//! widget on the page), and any difference fails, with where it is. The only thing taken out of
//! Leptos's HTML is its comments, hydration markers that take no place on the page.
#![cfg(not(target_arch = "wasm32"))]
// The views' types nest deep (as in the library).
#![recursion_limit = "512"]

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::{path::PathBuf, sync::Arc};
use upcoming_meetings::components::{
    app::{loading_line, loading_screen},
    listings::Listings,
    provide_options,
    root::WidgetRoot,
    rsvp_state::RsvpState,
};
use upcoming_meetings::markup::first_screen::{listings, loading};
use upcoming_meetings::markup::screen::Screen;
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::model::listing::Listing;
use upcoming_meetings::model::widget::options::{Options, Sources};

/// The instant every feed is listed at: the fixtures have past and upcoming meetings then.
const NOW: &str = "2026-12-01T12:00:00Z";

fn feeds() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("public/feed.json")];
    let mut dirs = vec![PathBuf::from("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A widget's options from its element's attributes and the page's language.
fn options(attrs: &[(&str, &str)], page_lang: Option<&str>, instance: u32) -> Options {
    let attr = |name: &str| attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
    let sources = Sources {
        attr,
        page_param: |_: &str| None,
        page_lang: page_lang.map(Into::into),
        reader_lang: None,
    };
    Options::resolve(sources, &|_| false, instance)
}

/// The feed as a widget with these options lists it (`edge/feed_loader.rs`).
fn listing(text: &str, options: &Options) -> Option<Arc<Listing>> {
    let feed = parse_feed(text).ok()?;
    let now = DateTime::parse_from_rfc3339(NOW).unwrap().with_timezone(&Utc);
    let url = "https://chapter.example/feed.json";
    Some(Arc::new(Listing::for_widget(feed, options.campaign.as_deref(), url, now)))
}

/// Leptos's HTML without its comments: the markers it leaves for hydration (`<!>`, and
/// `<!--<() />-->` where a `<Show>` shows nothing), no part of what the browser lays out. Feed
/// text cannot make one: it is escaped (`&lt;!--`).
fn leptos_html(options: &Options, view: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_options(Arc::new(options.clone()));
        view().to_html()
    });
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let comment = &rest[start..];
        let end = if comment.starts_with("<!>") { 3 } else { comment.find("-->").unwrap() + 3 };
        rest = &comment[end..];
    }
    out.push_str(rest);
    out
}

/// The app's first screen of the listings.
fn app_listings(options: &Options, listing: &Arc<Listing>, selected: Option<&str>) -> String {
    let (listing, selected) = (listing.clone(), selected.map(str::to_string));
    leptos_html(options, move || {
        let selected = RwSignal::new(selected);
        let rsvp = RsvpState::new(RwSignal::new(None));
        let on_structured_data = Callback::new(|_: String| ());
        view! {
            <WidgetRoot>
                <Listings listing selected rsvp on_structured_data />
            </WidgetRoot>
        }
        .into_any()
    })
}

/// Where two texts first differ, with some of each around it.
fn difference(painted: &str, app: &str) -> Option<String> {
    let at = painted.bytes().zip(app.bytes()).position(|(a, b)| a != b);
    let at = at.or((painted.len() != app.len()).then(|| painted.len().min(app.len())))?;
    let around = |s: &str| {
        let start = s.floor_char_boundary(at.saturating_sub(160));
        let end = s.ceil_char_boundary((at + 160).min(s.len()));
        format!(
            "…{}⟨here⟩{}…",
            &s[start..s.floor_char_boundary(at)],
            &s[s.floor_char_boundary(at)..end]
        )
    };
    Some(format!("at byte {at}:\n  painted: {}\n  app:     {}", around(painted), around(app)))
}

/// The option sets every feed is rendered with, and the city each chooses (`None`: the page
/// URL names none).
fn cases(listing: &Listing) -> Vec<(String, Options, Option<String>)> {
    let first_city = listing.city_indices().find(|&c| listing.campaigns(Some(c)).len() > 1);
    let first_city = first_city.or(listing.city_indices().next());
    let first_campaign = listing.feed.campaigns.first().map(|c| c.id.clone());
    let mut cases = vec![
        ("default".to_string(), options(&[], None, 0), None),
        ("German".to_string(), options(&[("lang", "de")], None, 0), None),
        ("a right-to-left page".to_string(), options(&[], Some("ar"), 0), None),
        ("a limit of 1".to_string(), options(&[("limit", "1")], None, 0), None),
        (
            "compact, dark, framed, past shown, third widget".to_string(),
            options(
                &[("layout", "compact"), ("theme", "dark"), ("frame", ""), ("show-past", "")],
                Some("fr"),
                2,
            ),
            None,
        ),
        ("a city the feed lacks".to_string(), options(&[], None, 0), Some("atlantis".to_string())),
        (
            "a campaign the feed lacks".to_string(),
            options(&[("campaign", "no-such-campaign")], None, 0),
            None,
        ),
    ];
    if let Some(city) = first_city {
        let slug = listing.city(city).slug.clone();
        let label = listing.city(city).label.clone();
        cases.push((format!("the city {slug}"), options(&[], None, 0), Some(slug.clone())));
        cases.push((
            format!("the city {label}, in Turkish, a limit of 1"),
            options(&[("lang", "tr"), ("limit", "1")], None, 1),
            Some(label),
        ));
    }
    if let Some(id) = first_campaign {
        cases.push((format!("the campaign {id}"), options(&[("campaign", &id)], None, 0), None));
    }
    cases
}

#[test]
fn the_first_paint_and_the_apps_first_render_are_one_markup() {
    let mut compared = 0;
    let mut differences = Vec::new();
    for file in feeds() {
        let text = std::fs::read_to_string(&file).unwrap();
        let Some(all) = listing(&text, &options(&[], None, 0)) else { continue };
        for (name, options, selected) in cases(&all) {
            let listing = listing(&text, &options).expect("read once already");
            let screen = Screen::new(&options, &listing, selected.as_deref());
            let painted = listings(&screen);
            let app = app_listings(&options, &listing, selected.as_deref());
            compared += 1;
            if let Some(d) = difference(&painted, &app) {
                differences.push(format!("{} ({name}): {d}", file.display()));
            }
        }
    }
    assert!(compared > 100, "only {compared} screens compared");
    assert!(differences.is_empty(), "{} differ:\n{}", differences.len(), differences.join("\n\n"));
}

#[test]
fn the_loading_screens_are_one_markup() {
    for (lang, page_lang) in [("en", None), ("de", Some("de"))] {
        let options = options(&[], page_lang, 1);
        for (words_in, has_content) in [(true, false), (false, false), (true, true)] {
            let app = leptos_html(&options, || {
                let line = loading_line(words_in, false, has_content);
                view! { <WidgetRoot>{loading_screen(line, has_content)}</WidgetRoot> }.into_any()
            });
            let painted = loading(&options, words_in, has_content);
            assert_eq!(
                difference(&painted, &app),
                None,
                "{lang}, words in: {words_in}, content of its own: {has_content}"
            );
        }
    }
}
