//! Starting and stopping widgets on a page. Every element with `data-upcoming-meetings` gets its
//! own widget in its own shadow root, so the host page's styles and the widget's never meet.
//! Where the first-paint module has painted a widget's first screen (`web/loader.js`), the app
//! takes it over (`take_over`): it renders the same screen out of the page and hands it to the
//! loader, which puts it in the painted one's place in one step. The page's list of live widgets
//! lives here: a new widget's URL parameter is named against it, the same way whether it came
//! from `mountAll`, `mount` or a take-over, and `unmount` takes one down (its fetch aborted, its
//! listeners released, the element as it was before).

use crate::components::app::App;
use crate::edge::{head, host, timer::after_paint};
use crate::model::widget::options::Options;
use chrono::DateTime;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::{
    any::Any,
    cell::{Cell, RefCell},
    sync::Arc,
};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRootInit, ShadowRootMode};

/// A widget taking over a painted screen: its instance, the loader's `ready`, and its root.
type Waiting = (u32, js_sys::Function, HtmlElement);

/// One widget on the page.
struct Mounted {
    host: HtmlElement,
    instance: u32,
    /// The element the widget renders into (in the host's shadow root, or inside the host).
    root: HtmlElement,
    city_param: String,
    /// Leptos's unmount handle: dropping it removes the view and disposes its reactive owner,
    /// which runs the widget's clean-ups.
    view: Box<dyn Any>,
}

thread_local! {
    static WIDGETS: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
    /// The widget's stylesheet, given by the loader (`useStyleSheet`) before it mounts anything.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// The widgets taking over a painted screen, until theirs is rendered: what to call then.
    static READY: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
}

/// In a debug build, a panic's message goes to the console. (A release build is built with
/// `panic=immediate-abort` and carries no panic messages: a panic stops the wasm at once, and the
/// loader, `web/loader.js`, shows each widget's `data-um-crashed` text in its place.)
fn install_panic_hook() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// The widget's stylesheet (trunk's minified `style/widget.css`, which the loader fetches beside
/// the wasm), adopted by every widget mounted after this call.
pub fn use_style_sheet(sheet: CssStyleSheet) {
    SHEET.with(|s| *s.borrow_mut() = Some(sheet));
}

/// Mounts a widget on every `[data-upcoming-meetings]` element without one, in page order.
/// A page that adds such elements later calls it again (`window.upcomingMeetings.mountAll()`).
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all("[data-upcoming-meetings]") else { return };
    for i in 0..nodes.length() {
        if let Some(host) = nodes.get(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            mount(host);
        }
    }
}

fn is_mounted(host: &HtmlElement) -> bool {
    WIDGETS.with(|w| w.borrow().iter().any(|m| &m.host == host))
}

/// The widget's options, with a URL parameter no live widget uses.
fn resolve(host: &HtmlElement, instance: u32) -> Options {
    let in_use = |param: &str| WIDGETS.with(|w| w.borrow().iter().any(|m| m.city_param == param));
    host::options(host, instance, &in_use)
}

/// Where the widget renders: a fresh element in the host's shadow root (made now, or left by an
/// earlier widget that was unmounted), or inside the host where it cannot have one.
fn make_root(host: &HtmlElement) -> HtmlElement {
    let document = host.owner_document().expect("an element in a document");
    let root: HtmlElement = document.create_element("div").expect("create div").unchecked_into();
    let sheet = SHEET.with(|s| s.borrow().clone());
    let shadow = host
        .shadow_root()
        .or_else(|| host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok());
    match shadow {
        Some(shadow) => {
            while let Some(child) = shadow.first_child() {
                let _ = shadow.remove_child(&child);
            }
            if let Some(sheet) = sheet {
                shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
            }
            let _ = shadow.append_child(&root);
        }
        // Elements that cannot host a shadow root get the widget inside them instead.
        None => {
            if let Some(sheet) = sheet {
                let all = document.adopted_style_sheets();
                if !all.includes(&sheet, 0) {
                    all.push(&sheet);
                    document.set_adopted_style_sheets(&all);
                }
            }
            let _ = host.append_child(&root);
        }
    }
    root
}

/// Marks `host` as fitted: the loader's rule that keeps room for a widget while it loads
/// (`:not([data-um-fitted])`, web/loader.js) lets go of it.
fn fit(host: &HtmlElement) {
    let _ = host.set_attribute("data-um-fitted", "");
}

/// Whether letting go of the room now moves nothing the reader sees: the widget fills it, or
/// what follows the element is below the screen both before and after.
fn fits_unseen(host: &HtmlElement, root: &HtmlElement) -> bool {
    let screen = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let (kept, used) =
        (host.get_bounding_client_rect().bottom(), root.get_bounding_client_rect().bottom());
    kept - used < 1.0 || used >= screen
}

/// Gives back the room the loader kept for the widget once it shows: at once when that moves
/// nothing on screen (the common case: the listings are taller than the room), else at the first
/// scroll that takes what follows the element out of sight.
fn fit_room(host: &HtmlElement, root: &HtmlElement) {
    if host.has_attribute("data-um-fitted") || fits_unseen(host, root) {
        fit(host);
        return;
    }
    let (host, root) = (host.clone(), root.clone());
    let listener = std::rc::Rc::new(Cell::new(None::<WindowListenerHandle>));
    let handle = window_event_listener(leptos::ev::scroll, {
        let listener = listener.clone();
        move |_| {
            if fits_unseen(&host, &root) {
                fit(&host);
                if let Some(handle) = listener.take() {
                    handle.remove();
                }
            }
        }
    });
    // (A widget taken down first leaves it until that scroll: `unmount` has fitted the element.)
    listener.set(Some(handle));
}

/// Mounts one widget on `host`, reading its options from the host's `data-` attributes. An
/// element that already has a widget keeps it (to apply changed attributes, unmount first).
pub fn mount(host: HtmlElement) {
    install_panic_hook();
    if is_mounted(&host) {
        return;
    }
    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get() + 1));
    let root = make_root(&host);
    start(host, instance, root, Painted::Nothing);
}

/// What the first-paint module painted of a widget that the app takes over.
#[derive(Clone, Copy, PartialEq)]
pub enum Painted {
    /// Nothing: the app shows the widget from the start (`mount`).
    Nothing,
    /// The loading line: the app's first render is the same.
    Loading,
    /// The listings, listed at this instant (milliseconds): the app's, once it has read the
    /// feed and listed it at that instant, are the same.
    Listings(f64),
}

/// Takes over the first screen the first-paint module painted on `host` as widget `instance`
/// (the loader numbers the page's widgets, as the module did). The app renders the same screen
/// into a root of its own, out of the page, and when it shows what was painted, passes that
/// root to `ready`, which puts it in the painted one's place (`web/loader.js`: in one step,
/// keeping the reader's scroll, focus, typing and taps).
pub fn take_over(host: HtmlElement, instance: u32, painted: Painted, ready: js_sys::Function) {
    install_panic_hook();
    if is_mounted(&host) {
        return;
    }
    NEXT_INSTANCE.with(|n| n.set(n.get().max(instance + 1)));
    if painted == Painted::Nothing {
        let root = make_root(&host);
        return start(host, instance, root, painted);
    }
    let document = host.owner_document().expect("an element in a document");
    let root: HtmlElement = document.create_element("div").expect("create div").unchecked_into();
    start(host, instance, root.clone(), painted);
    if painted == Painted::Loading {
        let _ = ready.call1(&JsValue::NULL, &root);
    } else {
        READY.with(|r| r.borrow_mut().push((instance, ready, root)));
    }
}

/// Hands widget `instance`'s root to the loader's `ready`, once its listings are in it: in the
/// next frame's animation callbacks, before that frame is drawn. (The effect that says they are
/// rendered runs before `Suspense` has put them into the root.)
fn rendered(instance: u32) {
    request_animation_frame(move || {
        let waiting = READY.with(|r| {
            let mut ready = r.borrow_mut();
            let at = ready.iter().position(|(i, ..)| *i == instance)?;
            Some(ready.remove(at))
        });
        if let Some((_, ready, root)) = waiting {
            let _ = ready.call1(&JsValue::NULL, &root);
        }
    });
}

/// Starts widget `instance` on `host`, rendering into `root`.
fn start(host: HtmlElement, instance: u32, root: HtmlElement, painted: Painted) {
    let options = Arc::new(resolve(&host, instance));
    // What the loader shows in this widget's place if the widget ever panics: in English until
    // the widget has its words (`on_shown`).
    let lang = options.lang;
    let _ = host.set_attribute("data-um-crashed", lang.texts().crashed());
    let has_content = host.child_element_count() > 0;
    let city_param = options.city_param.clone();
    let listed_at = match painted {
        Painted::Listings(ms) => DateTime::from_timestamp_millis(ms as i64),
        _ => None,
    };
    let on_rendered = matches!(painted, Painted::Listings(_))
        .then(|| Callback::new(move |()| rendered(instance)));
    let reserved = SendWrapper::new((host.clone(), root.clone()));
    let structured = SendWrapper::new(host.clone());
    let view = leptos::mount::mount_to(root.clone(), move || {
        let on_shown = Callback::new(move |()| {
            // Measured once the listings are in the page and painted (this runs as they go in).
            let room = reserved.clone();
            after_paint(move || fit_room(&room.0, &room.1));
            let (host, _) = &*reserved;
            let _ = host.set_attribute("data-um-crashed", lang.texts().crashed());
        });
        let on_structured_data = Callback::new(move |json: String| {
            head::set_structured_data(&structured, instance, &json)
        });
        view! { <App options has_content on_shown on_structured_data on_rendered listed_at /> }
    });
    WIDGETS.with(|w| {
        w.borrow_mut().push(Mounted { host, instance, root, city_param, view: Box::new(view) })
    });
}

/// Takes down the widget on `host`: its view and reactive state go, its fetch in flight is
/// aborted, its listeners are released and its URL parameter is free again; the element shows
/// its own content again. Returns whether there was a widget to take down.
pub fn unmount(host: HtmlElement) -> bool {
    let Some(widget) = WIDGETS.with(|w| {
        let mut widgets = w.borrow_mut();
        let index = widgets.iter().position(|m| m.host == host)?;
        Some(widgets.remove(index))
    }) else {
        return false;
    };
    let Mounted { host, instance, root, view, .. } = widget;
    READY.with(|r| r.borrow_mut().retain(|(i, ..)| *i != instance));
    drop(view);
    head::remove_structured_data(instance);
    // The element's own content shows again: no room kept for a widget that is gone.
    fit(&host);
    root.remove();
    if let Some(shadow) = host.shadow_root() {
        if let Ok(slot) =
            host.owner_document().expect("an element in a document").create_element("slot")
        {
            let _ = shadow.append_child(&slot);
        }
    }
    let _ = host.remove_attribute("data-um-crashed");
    true
}
