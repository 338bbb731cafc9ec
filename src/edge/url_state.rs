//! The page address as the widget's memory: its own query parameters (the chosen city, the
//! meeting whose panel is open), written with `history.pushState` so Back undoes a choice, and
//! never touching the host page's other parameters or its fragment. No router: a widget must
//! not capture the host's link clicks.

use super::timer::after_paint;
use crate::model::widget::url_city;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
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

/// When a change reaches the address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Write {
    /// At once: what reads the address next (closing the panel goes back over its entry) must
    /// find it there.
    AtOnce,
    /// After the next frame is painted: `pushState` costs a slow phone about 16 ms, which the
    /// reader would otherwise wait for before seeing their choice.
    AfterPaint,
}

/// A signal mirrored in the page URL parameter `param`: a change pushes a history entry, Back
/// and Forward read the URL again. `from_url` reads the parameter's value, `to_url` writes it
/// (`None` removes it). Call it inside the widget's root: its listener goes with the widget.
fn mirrored<T: Clone + PartialEq + Send + Sync + 'static>(
    param: String,
    from_url: impl Fn(Option<&str>) -> T + Clone + 'static,
    to_url: impl Fn(&T) -> Option<String> + Clone + 'static,
    when: Write,
) -> RwSignal<T> {
    let read = {
        let param = param.clone();
        move || from_url(get(&param).as_deref())
    };
    let value = RwSignal::new(read());
    let handle = window_event_listener(leptos::ev::popstate, {
        let read = read.clone();
        move |_| value.set(read())
    });
    on_cleanup(move || handle.remove());
    // Pushes only when the URL says otherwise, so re-reading it on Back pushes nothing; a
    // push put off is checked again when it runs (Back, or a newer choice, may have come first;
    // the widget may have gone).
    let push_if_new = move || {
        if let Some(now) = value.try_get_untracked() {
            if read() != now {
                push(&param, to_url(&now).as_deref());
            }
        }
    };
    Effect::new(move |_| {
        value.track();
        match when {
            Write::AtOnce => push_if_new(),
            Write::AfterPaint => after_paint(push_if_new.clone()),
        }
    });
    value
}

/// The reader's chosen city, mirrored in the parameter `param`. `default` is the widget's own
/// city (`data-city`).
pub fn chosen_city(param: String, default: Option<String>) -> RwSignal<Option<String>> {
    let read_default = default.clone();
    mirrored(
        param,
        move |v| url_city::from_url(v, read_default.as_deref()),
        move |c: &Option<String>| url_city::to_url(c.as_deref(), default.as_deref()),
        Write::AfterPaint,
    )
}

/// The meeting whose panel is open (`campaign/meeting`, `model::widget::meeting_link`),
/// mirrored in the parameter `param`.
pub fn open_meeting(param: String) -> RwSignal<Option<String>> {
    mirrored(param, |v| v.map(str::to_string), |m: &Option<String>| m.clone(), Write::AtOnce)
}
