//! Browser tests: the real components mounted in headless Chromium (wasm-bindgen-test-runner
//! with chromedriver), asserting on the DOM they build. Run by `make test`.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, Utc};
use leptos::{mount::mount_to, prelude::*, task::tick};
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};
use upcoming_meetings::components::{listings::Listings, load_error::LoadErrorAlert};
use upcoming_meetings::model::{listing::Listing, load_error::LoadError, parse::parse_feed};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = include_str!("fixtures/web-feed.json");

/// 1 March 2027: the February meeting is past, everything else upcoming.
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-03-01T12:00:00Z").unwrap().with_timezone(&Utc)
}

struct Mounted {
    root: Element,
    selected: RwSignal<Option<String>>,
}

fn mount_listings(city: Option<&str>) -> Mounted {
    let document = document();
    let root = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let listing = Arc::new(Listing::new(parse_feed(FEED).unwrap(), now()));
    let selected = RwSignal::new(city.map(String::from));
    mount_to(root.clone().unchecked_into(), move || view! { <Listings listing selected /> }).forget();
    Mounted { root, selected }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into()).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

/// The lists of meetings a visitor sees: in shown cards, each card's shown list (a card keeps
/// its list for all cities, hidden, while a city is chosen).
const SHOWN: &str = "article:not([hidden]) .um-meetings:not([hidden])";
/// The titles of the upcoming meetings a visitor sees.
const SHOWN_TITLES: &str = "article:not([hidden]) .um-meetings:not([hidden]):not(.um-past) .um-title-text";

fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn campaigns_are_articles_with_their_meetings_in_date_order() {
    let m = mount_listings(None);
    tick().await;
    let cards = all(&m.root, "article.um-card");
    assert_eq!(cards.len(), 3);
    let heading = one(&cards[0], "h2");
    assert_eq!(cards[0].get_attribute("aria-labelledby"), heading.get_attribute("id"));
    assert_eq!(one(&cards[0], ".um-subtitle").text_content().unwrap(), "With a guest speaker");
    assert_eq!(texts(&cards[0], ".um-tags li"), ["Flint", "Kentucky"]);
    assert!(one(&cards[0], ".um-sponsors").text_content().unwrap().contains("IYSSE, SEP"));
    assert!(one(&cards[0], ".um-speakers").text_content().unwrap().contains("Christoph Vandreier, Author"));
    // Upcoming only (the February one is past), in date order, undated last.
    assert_eq!(
        texts(&cards[0], ".um-meetings:not(.um-past) .um-title-text"),
        ["Rally – New York University", "Portland State University", "Sprengel Haus", "USM", "Cambridge"]
    );
    let dates = texts(&cards[0], ".um-meetings:not(.um-past) .um-date");
    let times = texts(&cards[0], ".um-meetings:not(.um-past) .um-time");
    assert_eq!(dates[2], "Thursday, April 15, 2027");
    assert_eq!(times[2], "6:30 PM – 8:30 PM CEST");
    assert_eq!((dates[3].as_str(), times[3].as_str()), ("Saturday, April 17, 2027", "Time TBA"));
    assert_eq!(dates[4], "Date TBA");
    assert_eq!(times.len(), 4, "an undated meeting has no time line");
    assert_eq!(all(&cards[0], ".um-badge-rally").len(), 1);
    // A campaign without meetings still shows, with its notice or a plain line.
    assert_eq!(one(&cards[1], ".um-empty").text_content().unwrap(), "No meetings scheduled yet");
    assert_eq!(one(&cards[2], ".um-notice").text_content().unwrap(), "Meeting dates and locations coming soon!");
    assert!(cards[2].query_selector(".um-empty").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn summary_folds_after_its_first_paragraph_and_links_read_more() {
    let m = mount_listings(None);
    tick().await;
    let card = &all(&m.root, "article.um-card")[0];
    let fold: web_sys::HtmlDetailsElement = one(card, ".um-summary details").unchecked_into();
    assert!(!fold.open());
    assert_eq!(texts(card, ".um-summary details > p"), ["Second paragraph."]);
    assert_eq!(one(card, ".um-summary > p").text_content().unwrap(), "First paragraph.");
    click(card, ".um-summary summary");
    tick().await;
    assert!(fold.open());
    let more = one(card, ".um-read-more a");
    assert_eq!(more.get_attribute("href").as_deref(), Some("https://example.org/tour"));
    assert_eq!(more.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(more.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn a_cancelled_meeting_is_marked_and_struck_through_not_hidden() {
    let m = mount_listings(Some("berlin"));
    tick().await;
    let meeting = one(&m.root, &format!("{SHOWN} .um-meeting"));
    assert!(meeting.class_list().contains("um-cancelled"));
    assert_eq!(one(&meeting, ".um-status").text_content().unwrap(), "Cancelled");
    assert_eq!(one(&meeting, ".um-title-text").text_content().unwrap(), "Sprengel Haus");
}

#[wasm_bindgen_test]
async fn feed_text_is_rendered_as_text_never_as_markup() {
    let m = mount_listings(None);
    tick().await;
    assert!(m.root.query_selector("img").unwrap().is_none());
    let title = one(&m.root, "article h2").text_content().unwrap();
    assert_eq!(title, "Speaking tour <img src=x onerror=\"window.__pwned = 1\">");
}

#[wasm_bindgen_test]
async fn city_filter_counts_match_the_meetings_it_shows() {
    let m = mount_listings(None);
    tick().await;
    let select: HtmlSelectElement = one(&m.root, "select").unchecked_into();
    let label = one(&m.root, "label");
    assert_eq!(label.text_content().unwrap(), "City");
    assert_eq!(label.get_attribute("for"), select.get_attribute("id"));
    assert_eq!(texts(&m.root, "option"), ["All cities (5)", "Berlin (1)", "Cambridge (1)", "New York (1)", "Portland, ME (1)", "Portland, OR (1)"]);
    // Choose "Portland, OR" as a visitor would.
    select.set_value("portland-or");
    select
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    tick().await;
    assert_eq!(m.selected.get_untracked().as_deref(), Some("portland-or"));
    assert_eq!(all(&m.root, "article:not([hidden])").len(), 1, "only campaigns meeting there");
    assert_eq!(texts(&m.root, SHOWN_TITLES), ["Portland State University"]);
    // And back to all cities by the signal (as Back in the browser does).
    m.selected.set(None);
    tick().await;
    assert_eq!(all(&m.root, "article:not([hidden])").len(), 3);
    assert_eq!(texts(&m.root, SHOWN_TITLES).len(), 5);
    assert_eq!(select.value(), "");
}

#[wasm_bindgen_test]
async fn choosing_a_city_and_back_keeps_the_list_of_all_cities() {
    let m = mount_listings(None);
    tick().await;
    let first = one(&m.root, &format!("{SHOWN} .um-meeting"));
    m.selected.set(Some("berlin".into()));
    tick().await;
    assert_eq!(texts(&m.root, SHOWN_TITLES), ["Sprengel Haus"]);
    m.selected.set(None);
    tick().await;
    // The very same element: the long list was hidden and shown again, never rebuilt.
    assert!(one(&m.root, &format!("{SHOWN} .um-meeting")).is_same_node(Some(&first)));
    assert_eq!(texts(&m.root, SHOWN_TITLES).len(), 5);
}

#[wasm_bindgen_test]
async fn an_unknown_city_in_the_url_says_so_and_offers_all_cities() {
    let m = mount_listings(Some("atlantis"));
    tick().await;
    let message = one(&m.root, ".um-message");
    assert!(message.text_content().unwrap().contains("atlantis"));
    click(&m.root, ".um-message button");
    tick().await;
    assert_eq!(m.selected.get_untracked(), None);
    assert_eq!(all(&m.root, "article:not([hidden])").len(), 3);
}

#[wasm_bindgen_test]
async fn past_meetings_are_folded_away_until_asked_for() {
    let m = mount_listings(None);
    tick().await;
    let fold: web_sys::HtmlDetailsElement = one(&m.root, ".um-past-fold").unchecked_into();
    assert!(!fold.open());
    assert_eq!(one(&m.root, ".um-past-fold .um-fold-closed").text_content().unwrap(), "Show 1 past meeting");
    assert_eq!(texts(&m.root, ".um-past .um-title-text"), ["Old Hall"]);
    assert_eq!(all(&m.root, ".um-meetings:not(.um-past) .um-meeting").len(), 5, "not among the upcoming ones");
    click(&m.root, ".um-past-fold summary");
    tick().await;
    assert!(fold.open());
}

fn panel(root: &Element) -> web_sys::HtmlDialogElement {
    one(root, "dialog").unchecked_into()
}

#[wasm_bindgen_test]
async fn rsvp_panel_shows_the_meeting_and_its_links_then_returns_focus() {
    let m = mount_listings(Some("portland-or"));
    tick().await;
    let dialog = panel(&m.root);
    assert!(!dialog.open());
    let opener: HtmlElement = one(&m.root, &format!("{SHOWN} .um-rsvp")).unchecked_into();
    opener.focus().unwrap();
    opener.click();
    tick().await;
    assert!(dialog.open());
    let title = one(&dialog, "h2");
    assert_eq!(dialog.get_attribute("aria-labelledby"), title.get_attribute("id"));
    assert_eq!(title.text_content().unwrap(), "Portland State University");
    let links = all(&dialog, ".um-panel-section a");
    let hrefs: Vec<_> = links.iter().map(|a| a.get_attribute("href").unwrap()).collect();
    // Its RSVP link first, then the campaign's links.
    assert_eq!(hrefs, ["https://www.facebook.com/events/111/", "https://example.org/live"]);
    for a in &links {
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    click(&dialog, ".um-close");
    tick().await;
    assert!(!dialog.open());
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&opener)), "focus returns to the button that opened the panel");
}

#[wasm_bindgen_test]
async fn without_rsvp_or_campaign_links_the_panel_offers_the_publisher_contact() {
    let document = document();
    let root = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    // A feed whose only meeting has no RSVP link and whose campaign has no links.
    let feed = r#"{"version":1,"publisher":{"contact_url":"mailto:contact@example.org"},"campaigns":[
        {"id":"c","title":"C","meetings":[{"id":"m","start":"2027-05-01","place":{"city":"Detroit"}}]}]}"#;
    let listing = Arc::new(Listing::new(parse_feed(feed).unwrap(), now()));
    let selected = RwSignal::new(None);
    mount_to(root.clone().unchecked_into(), move || view! { <Listings listing selected /> }).forget();
    tick().await;
    click(&root, ".um-rsvp");
    tick().await;
    let dialog = panel(&root);
    assert!(dialog.open());
    let contact = one(&dialog, ".um-panel-section a");
    assert_eq!(contact.get_attribute("href").as_deref(), Some("mailto:contact@example.org"));
    assert_eq!(contact.text_content().unwrap(), "Contact the organizers");
    dialog.close();
}

#[wasm_bindgen_test]
async fn load_error_is_an_alert_with_a_working_retry() {
    let document = document();
    let root = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let retries = Arc::new(AtomicUsize::new(0));
    let counted = retries.clone();
    mount_to(root.clone().unchecked_into(), move || {
        let counted = counted.clone();
        view! { <LoadErrorAlert error=LoadError::Http(503) on_retry=move || { counted.fetch_add(1, Ordering::SeqCst); } /> }
    })
    .forget();
    tick().await;
    let alert = one(&root, "[role=alert]");
    assert!(alert.text_content().unwrap().contains("error 503"));
    click(&root, "[role=alert] button");
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}
