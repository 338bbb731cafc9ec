//! The page address as the widget's memory: its own query parameters (the chosen city, the
//! meeting whose panel is open), read, and written with `history.pushState` so Back undoes a
//! choice, never touching the host page's other parameters or its fragment; and an address
//! resolved against the page. No router: a widget must not capture the host's link clicks. The
//! app keeps its state in these parameters through `url_signals.rs`.

use wasm_bindgen::JsValue;
use web_sys::Url;

fn current_url() -> Option<Url> {
    Url::new(&web_sys::window()?.location().href().ok()?).ok()
}

/// The absolute form of an address (a feed's), resolved against the page: the key of a feed's
/// saved copy, and the origin its images must share.
pub fn absolute(url: &str) -> String {
    let page = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    Url::new_with_base(url, &page).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// The page's host (`chapter.example`), which names the events of a calendar file made from a
/// feed given by a relative address.
pub fn page_host() -> Option<String> {
    Some(current_url()?.host()).filter(|h| !h.is_empty())
}

/// The value of one parameter of the page address.
pub fn get(name: &str) -> Option<String> {
    current_url()?.search_params().get(name)
}

/// Sets (or with `None` removes) one parameter, as a new history entry.
pub fn push(name: &str, value: Option<&str>) {
    write(name, value, true);
}

/// Sets (or removes) one parameter in the current history entry.
pub fn replace(name: &str, value: Option<&str>) {
    write(name, value, false);
}

fn write(name: &str, value: Option<&str>, new_entry: bool) {
    // Nothing to write: the address stays exactly as the host page wrote it.
    if get(name).as_deref() == value {
        return;
    }
    let Some(url) = with(&[(name, value)]) else { return };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// The page address with these parameters set (or removed), the others as they are: a link to
/// what one widget shows that leaves the host's parameters and other widgets' alone.
pub fn with(params: &[(&str, Option<&str>)]) -> Option<String> {
    let url = current_url()?;
    let search = url.search_params();
    for (name, value) in params {
        match value {
            Some(v) => search.set(name, v),
            None => search.delete(name),
        }
    }
    url.set_search(&search.to_string().as_string().unwrap_or_default());
    Some(url.href())
}

/// Goes back one history entry (closing what the entry opened).
pub fn back() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}
