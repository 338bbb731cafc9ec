//! The page address as the widget's memory: one query parameter per widget, written with
//! `history.pushState` so Back undoes a choice, and never touching the host page's other
//! parameters or its fragment. No router: a widget must not capture the host's link clicks.

use crate::model::url_city;
use leptos::prelude::*;
use web_sys::Url;

fn current_url() -> Option<Url> {
    Url::new(&web_sys::window()?.location().href().ok()?).ok()
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

/// The reader's chosen city as a signal mirrored in the page URL parameter `param`: a choice
/// pushes a history entry, Back and Forward read the URL again. `default` is the widget's own
/// city (`data-city`). Call it inside the widget's root: its listener goes with the widget.
pub fn chosen_city(param: String, default: Option<String>) -> RwSignal<Option<String>> {
    let read = {
        let (param, default) = (param.clone(), default.clone());
        move || url_city::from_url(get(&param).as_deref(), default.as_deref())
    };
    let selected = RwSignal::new(read());
    let handle = window_event_listener(leptos::ev::popstate, {
        let read = read.clone();
        move |_| selected.set(read())
    });
    on_cleanup(move || handle.remove());
    // Pushes only when the URL says otherwise, so re-reading it on Back pushes nothing.
    Effect::new(move |_| {
        let choice = selected.get();
        if read() != choice {
            push(&param, url_city::to_url(choice.as_deref(), default.as_deref()).as_deref());
        }
    });
    selected
}
