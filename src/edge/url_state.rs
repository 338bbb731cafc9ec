//! The page address as the widget's memory: one query parameter per widget, written with
//! `history.pushState` so Back undoes a choice, and never touching the host page's other
//! parameters or its fragment. No router: a widget must not capture the host's link clicks.

use web_sys::{Url, UrlSearchParams};

fn current_url() -> Option<Url> {
    Url::new(&web_sys::window()?.location().href().ok()?).ok()
}

/// The value of one parameter of the page address.
pub fn get(name: &str) -> Option<String> {
    current_url()?.search_params().get(name)
}

/// The page's query parameters, for reading several.
pub fn params() -> Option<UrlSearchParams> {
    Some(current_url()?.search_params())
}

/// Sets (or with `None` removes) one parameter, as a new history entry.
pub fn push(name: &str, value: Option<&str>) {
    let Some(url) = current_url() else { return };
    let params = url.search_params();
    if params.get(name).as_deref() == value {
        return;
    }
    match value {
        Some(v) => params.set(name, v),
        None => params.delete(name),
    }
    url.set_search(&params.to_string().as_string().unwrap_or_default());
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
