//! The app's state that lives in the page address (`url_state.rs`): the chosen city and the open
//! meeting as signals mirrored in the widget's own parameters. A change pushes a history entry
//! (after the next paint, or at once), Back and Forward read the address again.

use super::timer::after_paint;
use super::url_state::{get, push};
use crate::model::widget::url_city;
use leptos::prelude::*;

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
