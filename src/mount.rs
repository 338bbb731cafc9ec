//! Starting widgets on a page: every element with `data-upcoming-meetings` gets its own widget
//! in its own shadow root, so the host page's styles and the widget's never meet.

use crate::components::app::App;
use crate::edge::url_state;
use crate::model::config::Config;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet, compiled in so it arrives with the code and needs no request.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
    static SHEET: CssStyleSheet = {
        let sheet = CssStyleSheet::new().expect("constructable stylesheets");
        sheet.replace_sync(STYLE).expect("the widget's CSS parses");
        sheet
    };
}

/// In a debug build, a panic's message goes to the console. (A release build is built with
/// `panic=immediate-abort` and carries no panic messages: a panic stops the wasm at once, and the
/// loader, `tools/write-loader.mjs`, shows each widget's `data-um-crashed` text in its place.)
fn install_panic_hook() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// Panics on purpose, to test that a panic shows the crash message (`tests/e2e/robust.test.mjs`).
#[wasm_bindgen(js_name = __simulatePanic)]
pub fn simulate_panic() {
    panic!("a panic simulated by a test");
}

/// Mounts a widget on every `[data-upcoming-meetings]` element not yet mounted, in page order.
/// A page that adds such elements later calls it again (`window.upcomingMeetings.mountAll()`).
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() {
    install_panic_hook();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(nodes) = document.query_selector_all("[data-upcoming-meetings]") else { return };
    for i in 0..nodes.length() {
        if let Some(host) = nodes.get(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            if !host.has_attribute("data-um-mounted") {
                mount_at(host, i as usize);
            }
        }
    }
}

/// Mounts one widget on `host`, reading its options from the host's `data-` attributes.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) {
    install_panic_hook();
    let index = NEXT_INSTANCE.with(Cell::get) as usize;
    mount_at(host, index);
}

/// The element's `data-` option, or with `data-options-from-url` (the iframe page
/// `embed.html`, whose options come in its address) the page parameter of the same name.
fn option(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(&format!("data-{name}")).or_else(|| {
        let from_url = host.has_attribute("data-options-from-url") && !matches!(name, "feed" | "feed-origins" | "feed-param");
        from_url.then(|| url_state::get(name)).flatten()
    })
}

fn mount_at(host: HtmlElement, index: usize) {
    let _ = host.set_attribute("data-um-mounted", "");
    let document = host.owner_document().expect("an element in a document");
    let page_lang = document.document_element().and_then(|e| e.get_attribute("lang"));
    let attr = |name: &str| if name == "id" { Some(host.id()).filter(|id| !id.is_empty()) } else { option(&host, name) };
    let config = Config::from_attributes(attr, url_state::get, page_lang, index);
    // What the loader shows in this widget's place if the widget ever panics.
    let _ = host.set_attribute("data-um-crashed", config.lang.texts().crashed);
    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get() + 1));

    let root: HtmlElement = document.create_element("div").expect("create div").unchecked_into();
    let sheets = SHEET.with(|sheet| js_sys::Array::of1(sheet));
    match host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
        Ok(shadow) => {
            shadow.set_adopted_style_sheets(&sheets);
            let _ = shadow.append_child(&root);
        }
        // Elements that cannot host a shadow root get the widget inside them instead.
        Err(_) => {
            let all = js_sys::Array::from(&document.adopted_style_sheets());
            all.push(&sheets.get(0));
            document.set_adopted_style_sheets(&all);
            let _ = host.append_child(&root);
        }
    }
    let has_content = host.child_element_count() > 0;
    leptos::mount::mount_to(root, move || view! { <App config instance has_content /> }).forget();
}
