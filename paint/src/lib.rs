//! The first-paint module's entry points, which the loader (`web/loader.js`) calls for each
//! widget on the page, in page order, before the app has come:
//! - `plan(host, instance)`: the widget's options, decided once (`edge::host`) and kept here;
//!   what the loader must fetch for it, and how long it may wait for the feed: `[feed address,
//!   words file's language, sheet zone, timeout in ms]`; `opensPanel(instance)`: whether the
//!   page address opens a meeting's panel (the app then comes at once);
//! - `learn(tag, words)`: a language's words, from its file;
//! - `loading(instance, hasContent)`: the first screen while the feed is on its way;
//! - `isSheet(instance, mediaType)`: whether the feed is read as a sheet (`FeedFormat::of`);
//! - `read(instance, feed, leftOut)`: the feed read and listed, or `false` when it cannot be
//!   read (the app then says why, as it always has); `screen(instance)`: the listings' first
//!   screen (two calls, so that the page gets a turn between them);
//! - `listedAt(instance)`: the instant the listings were made at, which the app lists at too;
//! - `notLoaded(instance)`: the line that says the app could not be fetched, with Retry.
//!
//! Everything it writes is `markup/`'s HTML, the very markup of the app's first render
//! (`tests/one_markup.rs`); feed text reaches it only through `markup::html::escape`.

use js_sys::Array;
use std::cell::RefCell;
use upcoming_meetings::edge::{clock, host, perf, sheet, url_state};
use upcoming_meetings::markup::{first_screen, screen::Screen};
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::model::listing::Listing;
use upcoming_meetings::model::widget::options::{FeedFormat, Options};
use upcoming_meetings::model::widget::url_city;
use upcoming_meetings::model::words::i18n::Lang;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// One widget as planned: its options, its feed once read, and the instant it was listed at.
struct Planned {
    options: Options,
    listing: Option<Listing>,
    listed_at: f64,
}

thread_local! {
    /// The widgets planned, by instance.
    static PLANNED: RefCell<Vec<Option<Planned>>> = const { RefCell::new(Vec::new()) };
}

fn with<R>(instance: u32, f: impl FnOnce(&mut Planned) -> R) -> Option<R> {
    PLANNED.with(|p| p.borrow_mut().get_mut(instance as usize)?.as_mut().map(f))
}

/// Decides the options of widget `instance` on `host` and keeps them. Returns what to fetch:
/// the feed's address as the element names it (empty when the page asked for one it may not
/// have), the language whose words file the widget needs (empty for English), the zone of a
/// sheet's rows without one (empty if none), and how long one attempt at the feed may take.
#[wasm_bindgen]
pub fn plan(host: &Element, instance: u32) -> Array {
    let in_use = |param: &str| {
        PLANNED.with(|p| p.borrow().iter().flatten().any(|w| w.options.city_param == param))
    };
    let options = host::options(host, instance, &in_use);
    let words = if options.lang.has_texts() { "" } else { options.lang.tag() };
    let plan = Array::of4(
        &options.feed_url.as_deref().unwrap_or_default().into(),
        &words.into(),
        &options.time_zone.as_deref().unwrap_or_default().into(),
        &options.timeout_ms.into(),
    );
    PLANNED.with(|p| {
        let mut planned = p.borrow_mut();
        let i = instance as usize;
        if planned.len() <= i {
            planned.resize_with(i + 1, || None);
        }
        planned[i] = Some(Planned { options, listing: None, listed_at: 0.0 });
    });
    plan
}

/// Whether the page address opens a meeting's panel in widget `instance`: the app then comes at
/// once.
#[wasm_bindgen(js_name = opensPanel)]
pub fn opens_panel(instance: u32) -> bool {
    with(instance, |w| url_state::get(&w.options.meeting_param).is_some()).unwrap_or(false)
}

/// Learns the words of the language `tag` from its file's text.
#[wasm_bindgen]
pub fn learn(tag: &str, words: String) {
    if let Some(lang) = Lang::from_tag(tag) {
        lang.learn(words);
    }
}

/// The first screen while the feed is on its way (`has_content`: the element has content of its
/// own, which shows instead of the loading line).
#[wasm_bindgen]
pub fn loading(instance: u32, has_content: bool) -> Option<String> {
    with(instance, |w| first_screen::loading(&w.options, w.options.lang.has_texts(), has_content))
}

/// Whether the feed, answered with this media type, is read as a sheet.
#[wasm_bindgen(js_name = isSheet)]
pub fn is_sheet(instance: u32, media_type: Option<String>) -> bool {
    with(instance, |w| {
        let url = w.options.feed_url.as_deref().unwrap_or_default();
        FeedFormat::of(w.options.feed_format, url, media_type.as_deref()) == FeedFormat::Csv
    })
    .unwrap_or(false)
}

/// Reads and lists widget `instance`'s feed from its bytes (for a sheet: the feed the sheet
/// module made of it, and `left_out`, the rows it left out); `false` when it cannot be read at
/// all.
#[wasm_bindgen]
pub fn read(instance: u32, feed: Vec<u8>, left_out: JsValue) -> bool {
    with(instance, |w| {
        let text = String::from_utf8(feed)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let Ok(mut feed) = perf::measure("paint-parse", || parse_feed(&text)) else {
            return false;
        };
        if !left_out.is_undefined() {
            feed.left_out_rows(sheet::left_out_rows(&left_out));
        }
        let options = &w.options;
        let url = url_state::absolute(options.feed_url.as_deref().unwrap_or_default());
        let now = clock::now();
        w.listed_at = now.timestamp_millis() as f64;
        w.listing = Some(perf::measure("paint-index", || {
            Listing::for_widget(feed, options.campaign.as_deref(), &url, now)
        }));
        true
    })
    .unwrap_or(false)
}

/// The listings' first screen of widget `instance`, once its feed is read.
#[wasm_bindgen]
pub fn screen(instance: u32) -> Option<String> {
    with(instance, |w| {
        let (options, listing) = (&w.options, w.listing.as_ref()?);
        let selected = url_city::from_url(
            url_state::get(&options.city_param).as_deref(),
            options.city.as_deref(),
        );
        Some(first_screen::listings(&Screen::new(options, listing, selected.as_deref())))
    })
    .flatten()
}

/// The line for widget `instance` that says the app could not be fetched, with Retry.
#[wasm_bindgen(js_name = notLoaded)]
pub fn not_loaded(instance: u32) -> Option<String> {
    with(instance, |w| first_screen::not_loaded(&w.options))
}

/// The instant (milliseconds since the epoch) widget `instance`'s listings were made at.
#[wasm_bindgen(js_name = listedAt)]
pub fn listed_at(instance: u32) -> f64 {
    with(instance, |w| w.listed_at).unwrap_or(0.0)
}

// Memory that is never given back: the module reads each widget's feed once, and the loader lets
// the whole module go once the app has taken every widget over. The allocator is a pointer moved
// forward (lol_alloc's), where dlmalloc's frees and reuse were 4.6 KB of the module's gzip.
// SAFETY: the wasm runs on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::LeakingAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::LeakingAllocator::new()) };
