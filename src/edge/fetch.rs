//! Fetching the feed: one GET (gloo-net's, with an abort signal) abandoned after a timeout, tried
//! again with backoff on the failures that another attempt might not meet
//! (`model::loading::retry`), its errors sorted into [`LoadError`]s. A body announced as larger
//! than the feed limit is not downloaded. A body comes with the media type its server gave it.
//! A [`Cancel`] stops it all: the request in flight is aborted and no attempt follows. A first
//! attempt takes the response the loader already fetched for the first screen, if it has one
//! ([`use_fetched`]): the app never downloads the feed, nor its words, a second time.

use super::timer::{sleep, Timer};
use super::url_state::absolute;
use crate::model::feed::read::{FeedError, MAX_FEED_BYTES};
use crate::model::loading::load_error::LoadError;
use crate::model::loading::retry;
use gloo_net::http::{Request, Response};
use js_sys::{Function, Promise};
use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCache};

thread_local! {
    static FETCHED: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// `take(url, signal)`: the loader's response to a GET of `url` (a promise of a `Response`,
/// rejected when `signal` aborts), or `undefined` if it made none (`web/loader.js`).
pub fn use_fetched(take: Function) {
    FETCHED.with(|f| *f.borrow_mut() = Some(take));
}

/// The response the loader fetched for `url`, if it fetched it.
fn fetched(url: &str, signal: Option<&AbortSignal>) -> Option<Promise> {
    let take = FETCHED.with(|f| f.borrow().clone())?;
    let signal = signal.map_or(JsValue::UNDEFINED, |s| s.into());
    take.call2(&JsValue::NULL, &url.into(), &signal).ok()?.dyn_into().ok()
}

/// A response's text and its `Content-Type`, as the server sent it.
pub struct Body {
    pub text: String,
    pub media_type: Option<String>,
}

/// Stops one widget's fetching when the widget goes away.
#[derive(Clone, Default)]
pub struct Cancel(Rc<CancelState>);

#[derive(Default)]
struct CancelState {
    aborted: Cell<bool>,
    /// The controller of the attempt in flight.
    current: RefCell<Option<AbortController>>,
}

impl Cancel {
    pub fn abort(&self) {
        self.0.aborted.set(true);
        if let Some(controller) = self.0.current.borrow_mut().take() {
            controller.abort();
        }
    }

    pub fn is_aborted(&self) -> bool {
        self.0.aborted.get()
    }
}

/// Whether a feed URL points at another origin than the page (its failures may be CORS).
fn is_cross_origin(url: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let here = window.location().origin().unwrap_or_default();
    web_sys::Url::new(&absolute(url)).is_ok_and(|u| u.origin() != here)
}

/// One attempt (at a feed, or at a language file: `locale.rs`). A first attempt takes the
/// loader's response (`use_fetched`) where it has one; a later one goes to the network
/// (`cache: reload`), never back to a response that failed or hangs.
pub async fn fetch_once(
    url: &str,
    timeout_ms: u32,
    cancel: &Cancel,
    first: bool,
) -> Result<Body, LoadError> {
    if cancel.is_aborted() {
        return Err(LoadError::Network { cross_origin: false });
    }
    let controller = AbortController::new().ok();
    *cancel.0.current.borrow_mut() = controller.clone();
    let timed_out = Rc::new(Cell::new(false));
    let _timer = controller.clone().and_then(|c| {
        let timed_out = timed_out.clone();
        Timer::new(timeout_ms, move || {
            timed_out.set(true);
            c.abort();
        })
    });
    let failed = || {
        if timed_out.get() {
            LoadError::Timeout
        } else {
            LoadError::Network { cross_origin: is_cross_origin(url) }
        }
    };
    let signal = controller.as_ref().map(|c| c.signal());
    let taken = if first { fetched(url, signal.as_ref()) } else { None };
    let response = match taken {
        Some(taken) => {
            let raw = JsFuture::from(taken).await.map_err(|_| failed())?;
            Response::from(raw.unchecked_into::<web_sys::Response>())
        }
        None => {
            let mut request = Request::get(url).abort_signal(signal.as_ref());
            if !first {
                request = request.cache(RequestCache::Reload);
            }
            request.send().await.map_err(|_| failed())?
        }
    };
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let announced =
        response.headers().get("content-length").and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = announced.filter(|&n| n > MAX_FEED_BYTES) {
        return Err(LoadError::Feed(FeedError::TooLarge { bytes }));
    }
    // The body's bytes, copied once into the wasm's memory: `text()` would decode them into a
    // JavaScript string only for the wasm to encode it back (about 120 ms for 2 MB on a slow
    // phone). Bytes that are not UTF-8 read as U+FFFD, as `text()` reads them.
    let media_type = response.headers().get("content-type");
    let bytes = response.binary().await.map_err(|_| failed())?;
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(Body { text, media_type })
}

/// The feed document's text, trying up to `retry::ATTEMPTS` times. `on_attempt(n)` is told
/// before each attempt after the first, so the view can say it is trying again. Only the first
/// attempt of a widget's first load (`first_load`) may take the loader's preload.
pub async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    cancel: &Cancel,
    first_load: bool,
    on_attempt: impl Fn(u32),
) -> Result<Body, LoadError> {
    let mut attempt = 1;
    loop {
        match fetch_once(url, timeout_ms, cancel, first_load && attempt == 1).await {
            Err(e) if retry::is_transient(&e) && !cancel.is_aborted() => {
                match retry::delay_before(attempt + 1) {
                    Some(ms) => {
                        sleep(ms).await;
                        if cancel.is_aborted() {
                            return Err(e);
                        }
                        attempt += 1;
                        on_attempt(attempt);
                    }
                    None => return Err(e),
                }
            }
            result => return result,
        }
    }
}
