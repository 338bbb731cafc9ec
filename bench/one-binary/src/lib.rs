//! The first-paint module and the app in one binary: the first screen's entry points (as
//! paint/'s: the options, the feed read and the screen written) in the main module, and the app's
//! take-over behind a split point, which wasm-split moves with the code only it reaches into a
//! module fetched when it is first called.
use upcoming_meetings::edge::{clock, host, url_state};
use upcoming_meetings::markup::{first_screen, screen::Screen};
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::model::listing::Listing;
use upcoming_meetings::model::widget::url_city;
use upcoming_meetings::mount::{self, Painted};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

/// The first screen of the widget on `host` from its feed's bytes (paint/'s `plan` and `screen`).
#[wasm_bindgen]
pub fn screen(host: &Element, instance: u32, feed: Vec<u8>) -> Option<String> {
    let options = host::options(host, instance, &|_| false);
    let text = String::from_utf8(feed).ok()?;
    let feed = parse_feed(&text).ok()?;
    let url = url_state::absolute(options.feed_url.as_deref().unwrap_or_default());
    let listing = Listing::for_widget(feed, options.campaign.as_deref(), &url, clock::now());
    let param = url_state::get(&options.city_param);
    let selected = url_city::from_url(param.as_deref(), options.city.as_deref());
    Some(first_screen::listings(&Screen::new(&options, &listing, selected.as_deref())))
}

/// The app's module could not be fetched.
struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

#[leptos::wasm_split::wasm_split(app, wasm_split_path = ::leptos::wasm_split, fallible)]
fn start_app(
    host: HtmlElement,
    instance: u32,
    listed_at: f64,
    ready: js_sys::Function,
) -> Result<(), NotLoaded> {
    mount::take_over(host, instance, Painted::Listings(listed_at), ready);
    Ok(())
}

/// The app takes over (web/'s `takeOver`), once its module has come.
#[wasm_bindgen(js_name = takeOver)]
pub fn take_over(host: HtmlElement, instance: u32, listed_at: f64, ready: js_sys::Function) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = start_app(host, instance, listed_at, ready).await;
    });
}
