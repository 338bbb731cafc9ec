//! Browser tests: widgets mounted in headless Chromium exactly as a page mounts them, through
//! `mount()` on an element with `data-` attributes (so each gets its options resolved, its
//! contexts provided and its own instance, as a visitor's does), with the feed served from a
//! `blob:` URL and the widget's clock pinned. Run by `make test` (wasm-bindgen-test-runner and
//! chromedriver).
//!
//! Waiting, as the widget's own work is scheduled: `tick()` for what the reactive system does
//! after an event (Leptos's own tests), `painted()` for what the widget puts off until a frame
//! is painted (the page URL, the next step of a long list), `event()` for what the browser
//! fires later (Back's `popstate`, a dialog's `close`), and `loaded()` only for a fetch.
#![cfg(target_arch = "wasm32")]

use leptos::task::tick;
use upcoming_meetings::edge::timer::{after_paint, Timer};
use upcoming_meetings::mount::{mount, unmount};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = include_str!("fixtures/web-feed.json");
/// 1 March 2027: the February meeting is past, everything else upcoming.
const NOW: &str = "2027-03-01T12:00:00Z";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A feed document at a `blob:` URL of this page's origin.
fn feed_url(json: &str) -> String {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(json)),
        &options,
    )
    .unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

/// Sets the page address's query (`""`: none), as a link to the page would have it.
fn set_query(query: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
}

fn query_param(name: &str) -> Option<String> {
    web_sys::Url::new(&web_sys::window().unwrap().location().href().unwrap())
        .unwrap()
        .search_params()
        .get(name)
}

/// One widget on the page. Dropping it unmounts it and removes its element.
struct Widget {
    host: HtmlElement,
    root: ShadowRoot,
}

impl Drop for Widget {
    fn drop(&mut self) {
        unmount(self.host.clone());
        self.host.remove();
    }
}

/// Resolves once the next frame has been painted, as the widget's `after_paint` work runs.
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves when `target` next fires `name` (listening from this call on, not from the await).
fn event(target: &web_sys::EventTarget, name: &str) -> wasm_bindgen_futures::JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        target
            .add_event_listener_with_callback_and_add_event_listener_options(
                name, &resolve, &options,
            )
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise)
}

/// Waits until `check` holds, asking it again each time the observer that `observe` starts
/// calls back (with the callback it is given), for up to 10 s.
async fn observed(
    what: &str,
    check: impl Fn() -> bool + 'static,
    observe: impl FnOnce(&js_sys::Function),
) {
    if check() {
        return;
    }
    let mut observe = Some(observe);
    let mut check = Some(check);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let check = check.take().expect("a promise runs its executor once");
        let seen = Closure::<dyn FnMut()>::new(move || {
            if check() {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        observe.take().expect("once")(seen.as_ref().unchecked_ref());
        seen.forget();
        std::mem::forget(Timer::new(10_000, move || {
            let _ = reject.call0(&JsValue::NULL);
        }));
    });
    if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
        panic!("timed out waiting for {what}");
    }
}

/// Waits for what a fetch brings: `check` is asked again after each change of `root`'s tree
/// (a `MutationObserver`).
async fn loaded(root: &web_sys::Node, what: &str, check: impl Fn() -> bool + 'static) {
    observed(what, check, |seen| {
        let observer = web_sys::MutationObserver::new(seen).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        observer.observe_with_options(root, &options).unwrap();
    })
    .await;
}

/// Waits until the browser has fetched `url` `count` times in all (its resource timing entries,
/// which it records when a response has ended).
async fn fetched(url: &str, count: u32) {
    let url = url.to_string();
    let seen = move || {
        let performance = web_sys::window().unwrap().performance().unwrap();
        performance.get_entries_by_name(&url).length() >= count
    };
    observed(&format!("{count} requests"), seen, |seen| {
        let observer = web_sys::PerformanceObserver::new(seen).unwrap();
        observer.observe(&web_sys::PerformanceObserverInit::new(&js_sys::Array::of1(
            &"resource".into(),
        )));
    })
    .await;
}

/// After a choice: the reactive update (`tick`), then the work the widget put off until the
/// next frame was painted (the page URL).
async fn settled() {
    tick().await;
    painted().await;
}

/// Lets up to `frames` frames be painted until `check` holds: the steps of a long list.
async fn after_frames(frames: u32, what: &str, check: impl Fn() -> bool) {
    for _ in 0..frames {
        if check() {
            return;
        }
        painted().await;
    }
    assert!(check(), "{what} within {frames} frames");
}

/// Mounts a widget on a new element with `attrs` (`("feed", …)` among them, or the feed is
/// `FEED`), and waits until it shows listings, a message or an alert.
async fn widget(attrs: &[(&str, &str)]) -> Widget {
    js_sys::Reflect::set(&js_sys::global(), &"UPCOMING_MEETINGS_NOW".into(), &NOW.into()).unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("data-upcoming-meetings", "").unwrap();
    if !attrs.iter().any(|(name, _)| *name == "feed") {
        host.set_attribute("data-feed", &feed_url(FEED)).unwrap();
    }
    for (name, value) in attrs {
        let name = if *name == "id" { name.to_string() } else { format!("data-{name}") };
        host.set_attribute(&name, value).unwrap();
    }
    document().body().unwrap().append_child(&host).unwrap();
    mount(host.clone());
    let root = host.shadow_root().expect("the widget's shadow root");
    let shown = root.clone();
    loaded(&root, "the widget to load", move || {
        shown.query_selector(".um article, .um [role=alert], .um .um-message").unwrap().is_some()
    })
    .await;
    tick().await;
    Widget { host, root }
}

fn all(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<Element> {
    let node: &web_sys::Node = root.as_ref();
    let list = match node.dyn_ref::<Element>() {
        Some(e) => e.query_selector_all(selector),
        None => node.unchecked_ref::<web_sys::DocumentFragment>().query_selector_all(selector),
    }
    .unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().unchecked_into()).collect()
}

fn one(root: &impl AsRef<web_sys::Node>, selector: &str) -> Element {
    all(root, selector).into_iter().next().unwrap_or_else(|| panic!("no {selector}"))
}

fn texts(root: &impl AsRef<web_sys::Node>, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

fn click(root: &impl AsRef<web_sys::Node>, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Chooses a city in the widget's filter as a visitor does: types into the city field and
/// presses Enter, which takes the best match.
fn choose_city(root: &ShadowRoot, typed: &str) {
    let input: HtmlInputElement = one(root, "input[role=combobox]").unchecked_into();
    input.focus().unwrap();
    input.set_value(typed);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    let key = web_sys::KeyboardEventInit::new();
    key.set_key("Enter");
    key.set_bubbles(true);
    key.set_composed(true);
    key.set_cancelable(true);
    input
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap(),
        )
        .unwrap();
}

/// The cards a visitor sees: the cards for all cities stay in the page, hidden, while a city is
/// chosen, and a card for all cities is hidden until its step comes.
const SHOWN_CARDS: &str = ".um-campaigns:not([hidden]) > article:not([hidden])";
/// The lists of meetings a visitor sees.
const SHOWN: &str = ".um-campaigns:not([hidden]) > article:not([hidden]) .um-meetings";
/// The titles of the upcoming meetings a visitor sees.
const SHOWN_TITLES: &str =
    ".um-campaigns:not([hidden]) > article:not([hidden]) .um-meetings:not(.um-past) .um-title-text";

#[wasm_bindgen_test]
async fn campaigns_are_articles_with_their_meetings_in_date_order() {
    set_query("");
    let w = widget(&[]).await;
    let cards = all(&w.root, "article.um-card");
    assert_eq!(cards.len(), 3);
    let heading = one(&cards[0], "h2");
    assert_eq!(cards[0].get_attribute("aria-labelledby"), heading.get_attribute("id"));
    assert_eq!(one(&cards[0], ".um-subtitle").text_content().unwrap(), "With a guest speaker");
    assert_eq!(texts(&cards[0], ".um-tags li"), ["Flint", "Kentucky"]);
    assert!(one(&cards[0], ".um-sponsors").text_content().unwrap().contains("IYSSE, SEP"));
    assert!(one(&cards[0], ".um-speakers")
        .text_content()
        .unwrap()
        .contains("Christoph Vandreier, Author"));
    // Upcoming only (the February one is past), in date order, undated last.
    assert_eq!(
        texts(&cards[0], ".um-meetings:not(.um-past) .um-title-text"),
        [
            "Rally – New York University",
            "Portland State University",
            "Sprengel Haus",
            "USM",
            "Cambridge"
        ]
    );
    let dates = texts(&cards[0], ".um-meetings:not(.um-past) .um-date");
    let times = texts(&cards[0], ".um-meetings:not(.um-past) .um-time");
    assert_eq!(dates[2], "Thursday, April 15, 2027");
    assert_eq!(times[2], "6:30 PM – 8:30 PM GMT+2");
    assert_eq!((dates[3].as_str(), times[3].as_str()), ("Saturday, April 17, 2027", "Time TBA"));
    assert_eq!(dates[4], "Date TBA");
    assert_eq!(times.len(), 4, "an undated meeting has no time line");
    assert_eq!(all(&cards[0], ".um-badge-rally").len(), 1);
    // A campaign without meetings still shows, with its notice or a plain line.
    assert_eq!(one(&cards[1], ".um-empty").text_content().unwrap(), "No meetings scheduled yet");
    assert_eq!(
        one(&cards[2], ".um-notice").text_content().unwrap(),
        "Meeting dates and locations coming soon!"
    );
    assert!(cards[2].query_selector(".um-empty").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn summary_folds_after_its_first_paragraph_and_links_read_more() {
    set_query("");
    let w = widget(&[]).await;
    let card = &all(&w.root, "article.um-card")[0];
    let fold: web_sys::HtmlDetailsElement = one(card, ".um-summary details").unchecked_into();
    assert!(!fold.open());
    assert_eq!(texts(card, ".um-summary details > p"), ["Second paragraph."]);
    assert_eq!(one(card, ".um-summary > p").text_content().unwrap(), "First paragraph.");
    click(card, ".um-summary summary");
    assert!(fold.open());
    let more = one(card, ".um-read-more a");
    assert_eq!(more.get_attribute("href").as_deref(), Some("https://example.org/tour"));
    assert_eq!(more.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(more.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn a_cancelled_meeting_is_marked_and_struck_through_not_hidden() {
    set_query("");
    let w = widget(&[("city", "berlin")]).await;
    let meeting = one(&w.root, &format!("{SHOWN} .um-meeting"));
    assert!(meeting.class_list().contains("um-cancelled"));
    assert_eq!(one(&meeting, ".um-status").text_content().unwrap(), "Cancelled");
    assert_eq!(one(&meeting, ".um-title-text").text_content().unwrap(), "Sprengel Haus");
}

#[wasm_bindgen_test]
async fn feed_text_is_rendered_as_text_never_as_markup() {
    set_query("");
    let w = widget(&[]).await;
    assert!(w.root.query_selector("img").unwrap().is_none());
    let title = one(&w.root, "article h2").text_content().unwrap();
    assert_eq!(title, "Speaking tour <img src=x onerror=\"window.__pwned = 1\">");
}

#[wasm_bindgen_test]
async fn city_filter_counts_match_the_meetings_it_shows_and_back_undoes_a_choice() {
    set_query("");
    let w = widget(&[]).await;
    let field: HtmlInputElement = one(&w.root, "input[role=combobox]").unchecked_into();
    let label = one(&w.root, "label");
    assert_eq!(label.text_content().unwrap(), "City");
    assert_eq!(label.get_attribute("for"), Some(field.id()));
    assert_eq!(field.value(), "All cities");
    assert!(
        w.root.query_selector("[role=option]").unwrap().is_none(),
        "the list is in the page only while open"
    );
    field.click();
    tick().await;
    assert!(w.root.query_selector("[role=listbox]").unwrap().is_some(), "the list open");
    assert_eq!(field.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(
        texts(&w.root, "[role=option]"),
        [
            "All cities (5)",
            "Berlin (1)",
            "Cambridge (1)",
            "New York (1)",
            "Portland, ME (1)",
            "Portland, OR (1)"
        ]
    );
    let first = one(&w.root, &format!("{SHOWN} .um-meeting"));
    choose_city(&w.root, "portland, or");
    settled().await;
    assert_eq!(query_param("um-city").as_deref(), Some("portland-or"), "in the page URL");
    assert_eq!(all(&w.root, SHOWN_CARDS).len(), 1, "only campaigns meeting there");
    assert_eq!(texts(&w.root, SHOWN_TITLES), ["Portland State University"]);
    back().await;
    after_frames(10, "all cities again after Back", || all(&w.root, SHOWN_CARDS).len() == 3).await;
    assert_eq!(query_param("um-city"), None);
    assert_eq!(texts(&w.root, SHOWN_TITLES).len(), 5);
    assert_eq!(field.value(), "All cities");
    // The very same element: the list of all cities was hidden and shown again, never rebuilt.
    assert!(one(&w.root, &format!("{SHOWN} .um-meeting")).is_same_node(Some(&first)));
}

#[wasm_bindgen_test]
async fn an_unknown_city_in_the_url_says_so_and_offers_all_cities() {
    set_query("?um-city=atlantis");
    let w = widget(&[]).await;
    let message = one(&w.root, ".um-message");
    assert!(message.text_content().unwrap().contains("atlantis"));
    assert_eq!(all(&w.root, SHOWN_CARDS).len(), 3, "every campaign meanwhile");
    click(&w.root, ".um-message button");
    settled().await;
    assert_eq!(query_param("um-city"), None, "the unknown city gone from the URL");
    assert!(w.root.query_selector(".um-message").unwrap().is_none(), "the message gone");
}

#[wasm_bindgen_test]
async fn past_meetings_are_folded_away_until_asked_for() {
    set_query("");
    let w = widget(&[]).await;
    let fold: web_sys::HtmlDetailsElement = one(&w.root, ".um-past-fold").unchecked_into();
    assert!(!fold.open());
    assert_eq!(
        one(&w.root, ".um-past-fold .um-fold-closed").text_content().unwrap(),
        "Show 1 past meeting"
    );
    assert_eq!(texts(&w.root, ".um-past .um-title-text"), ["Old Hall"]);
    assert_eq!(
        all(&w.root, ".um-meetings:not(.um-past) .um-meeting").len(),
        5,
        "not among the upcoming ones"
    );
    click(&w.root, ".um-past-fold summary");
    assert!(fold.open());
}

/// Back, as the reader's browser does it: resolves once the page has had its `popstate` and the
/// widget has updated.
async fn back() {
    let window = web_sys::window().unwrap();
    let popped = event(&window, "popstate");
    window.history().unwrap().back().unwrap();
    popped.await.unwrap();
    tick().await;
}

fn panel(root: &ShadowRoot) -> web_sys::HtmlDialogElement {
    one(root, "dialog").unchecked_into()
}

#[wasm_bindgen_test]
async fn rsvp_panel_shows_the_meeting_and_its_links_then_returns_focus() {
    set_query("");
    let w = widget(&[("city", "portland-or")]).await;
    let dialog = panel(&w.root);
    assert!(!dialog.open());
    let opener: HtmlElement = one(&w.root, &format!("{SHOWN} .um-rsvp")).unchecked_into();
    opener.focus().unwrap();
    opener.click();
    tick().await;
    assert!(dialog.open());
    let title = one(&dialog, "h2");
    assert_eq!(dialog.get_attribute("aria-labelledby"), title.get_attribute("id"));
    assert_eq!(title.text_content().unwrap(), "Portland State University");
    let links = all(&dialog, ".um-panel-section a");
    let hrefs: Vec<_> = links.iter().map(|a| a.get_attribute("href").unwrap()).collect();
    // Its RSVP link first, then the campaign's links, then "Add to calendar" (a file, and a link).
    assert_eq!(hrefs[..2], ["https://www.facebook.com/events/111/", "https://example.org/live"]);
    assert_eq!(hrefs.len(), 3);
    assert!(
        hrefs[2].starts_with(concat!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE",
            "&text=Speaking%20tour%20%3Cimg"
        )),
        "{}",
        hrefs[2]
    );
    assert_eq!(one(&dialog, ".um-calendar button").text_content().unwrap(), "Calendar file (.ics)");
    for a in &links {
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    let closed = event(&dialog, "close");
    click(&dialog, ".um-close");
    closed.await.unwrap();
    tick().await;
    let active = w.root.active_element().expect("focus inside the widget");
    assert!(active.is_same_node(Some(&opener)), "focus returns to the button that opened it");
}

#[wasm_bindgen_test]
async fn without_rsvp_or_campaign_links_the_panel_offers_the_publisher_contact() {
    set_query("");
    // A feed whose only meeting has no RSVP link and whose campaign has no links.
    let feed = feed_url(
        r#"{"version":1,"publisher":{"contact_url":"mailto:contact@example.org"},"campaigns":[
        {"id":"c","title":"C","meetings":[
          {"id":"m","start":"2027-05-01","place":{"city":"Detroit"}}]}]}"#,
    );
    let w = widget(&[("feed", &feed)]).await;
    click(&w.root, ".um-rsvp");
    tick().await;
    let dialog = panel(&w.root);
    assert!(dialog.open());
    let contact = one(&dialog, ".um-panel-section a");
    assert_eq!(contact.get_attribute("href").as_deref(), Some("mailto:contact@example.org"));
    assert_eq!(contact.text_content().unwrap(), "Contact the organizers");
    dialog.close();
}

#[wasm_bindgen_test]
async fn a_load_error_is_an_alert_whose_retry_asks_again() {
    set_query("");
    let w = widget(&[("feed", "/no-such-feed.json")]).await;
    let alert = one(&w.root, "[role=alert]");
    assert!(alert.text_content().unwrap().contains("error 404"), "{:?}", alert.text_content());
    let url = web_sys::Url::new_with_base(
        "/no-such-feed.json",
        &web_sys::window().unwrap().location().href().unwrap(),
    )
    .unwrap()
    .href();
    fetched(&url, 1).await;
    click(&w.root, "[role=alert] button");
    fetched(&url, 2).await;
    let root = w.root.clone();
    loaded(&w.root, "the alert again", move || {
        root.query_selector("[role=alert]").unwrap().is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn widgets_side_by_side_have_their_own_ids_and_url_parameters() {
    set_query("");
    let a = widget(&[]).await;
    let b = widget(&[]).await;
    let (id_a, id_b) =
        (one(&a.root, "input[role=combobox]").id(), one(&b.root, "input[role=combobox]").id());
    assert_ne!(id_a, id_b);
    choose_city(&b.root, "berlin");
    settled().await;
    assert_eq!(query_param("um-city-2").as_deref(), Some("berlin"), "the second widget's own");
    assert_eq!(query_param("um-city"), None);
    assert_eq!(all(&a.root, SHOWN_CARDS).len(), 3, "the first widget is untouched");
    // The defaults a visitor gets: at most 20 upcoming meetings per campaign.
    let many: Vec<String> = (0..25)
        .map(|i| {
            format!(
                r#"{{"id":"m{i}","start":"2027-05-{:02}T19:00:00Z","place":{{"city":"Detroit"}}}}"#,
                i + 1
            )
        })
        .collect();
    let long = feed_url(&format!(
        r#"{{"version":1,"campaigns":[{{"id":"c","title":"C","meetings":[{}]}}]}}"#,
        many.join(",")
    ));
    let c = widget(&[("feed", &long)]).await;
    assert_eq!(all(&c.root, ".um-meetings:not(.um-past):not([hidden]) .um-meeting").len(), 20);
    assert_eq!(one(&c.root, ".um-more-toggle").text_content().unwrap(), "Show 5 more meetings");
}

#[wasm_bindgen_test]
async fn unmount_takes_the_widget_down_and_frees_its_url_parameter() {
    set_query("");
    let a = widget(&[]).await;
    let b = widget(&[]).await;
    choose_city(&a.root, "berlin");
    settled().await;
    assert_eq!(query_param("um-city").as_deref(), Some("berlin"));
    // Unmounted with the focus in the city field and its list open.
    one(&a.root, "input[role=combobox]").unchecked_into::<HtmlElement>().click();
    tick().await;
    assert!(a.root.query_selector("[role=listbox]").unwrap().is_some(), "the list open");
    assert!(unmount(a.host.clone()));
    assert!(!unmount(a.host.clone()), "nothing left to unmount");
    assert!(a.root.query_selector(".um").unwrap().is_none(), "the widget's view is gone");
    assert_eq!(texts(&a.root, "slot").len(), 1, "the element shows its own content again");
    assert_eq!(a.host.get_attribute("data-um-crashed"), None);
    // Back no longer reaches the gone widget (its listener went with it), and nothing breaks.
    back().await;
    assert_eq!(query_param("um-city"), None);
    // A widget mounted now takes the freed parameter; the other keeps its own.
    let c = widget(&[]).await;
    choose_city(&c.root, "cambridge");
    choose_city(&b.root, "berlin");
    settled().await;
    assert_eq!(query_param("um-city").as_deref(), Some("cambridge"));
    assert_eq!(query_param("um-city-2").as_deref(), Some("berlin"));
    // And the same element can have a widget again.
    mount(a.host.clone());
    let again = a.root.clone();
    loaded(&a.root, "the widget again", move || {
        again.query_selector(".um article").unwrap().is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_large_feed_lists_every_meeting_for_all_cities_a_step_at_a_time() {
    set_query("");
    // 10 campaigns of 12 upcoming meetings, in two cities: 120 meetings for all cities.
    let campaigns: Vec<String> = (0..10)
        .map(|c| {
            let meetings: Vec<String> = (0..12)
                .map(|m| {
                    format!(
                        r#"{{"id":"m{m}","start":"2027-04-{:02}T19:00:00-04:00",
                            "place":{{"city":"{}","region":"MI"}}}}"#,
                        m + 1,
                        if m % 2 == 0 { "Detroit" } else { "Flint" }
                    )
                })
                .collect();
            format!(r#"{{"id":"c{c}","title":"Campaign {c}","meetings":[{}]}}"#, meetings.join(","))
        })
        .collect();
    let feed = feed_url(&format!(r#"{{"version":1,"campaigns":[{}]}}"#, campaigns.join(",")));
    let w = widget(&[("feed", &feed), ("limit", "none")]).await;
    let listed = || all(&w.root, &format!("{SHOWN} .um-meeting")).len();
    let first = listed();
    assert!(first < 120, "the first step lists part of them: {first}");
    assert!(first >= 48, "whole cards up to the first step's size: {first}");
    after_frames(30, "every meeting listed", || listed() == 120).await;
    assert_eq!(all(&w.root, SHOWN_CARDS).len(), 10);
    // A city, then All cities again: the same steps, and every meeting in the end.
    choose_city(&w.root, "Flint");
    tick().await;
    after_frames(30, "Flint's 60 meetings", || listed() == 60).await;
    choose_city(&w.root, "");
    tick().await;
    after_frames(30, "every meeting listed again", || listed() == 120).await;
}
