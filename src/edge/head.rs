//! The host page's `<head>`: each widget's structured data for search engines (schema.org
//! Events as JSON-LD, `model/export/json_ld.rs`) for what it shows, in one data block per widget. A
//! data block is never run as script (fine under a strict CSP); its text is set as text.

use web_sys::{Element, HtmlElement};

const MARK: &str = "data-upcoming-meetings-ld";

fn block(instance: u32) -> Option<Element> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("head > script[{MARK}=\"{instance}\"]")).ok()?
}

/// Sets widget `instance`'s block to `json`, adding it to the head the first time, and takes
/// out the block pre-rendered into the widget's element (`host`), which it replaces.
pub fn set_structured_data(host: &HtmlElement, instance: u32, json: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(Some(old)) = host.query_selector(&format!("script[{MARK}]")) {
        old.remove();
    }
    let script = match block(instance) {
        Some(script) => script,
        None => {
            let Ok(script) = document.create_element("script") else { return };
            let _ = script.set_attribute("type", "application/ld+json");
            let _ = script.set_attribute(MARK, &instance.to_string());
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
            script
        }
    };
    script.set_text_content(Some(json));
}

/// Takes widget `instance`'s block out of the head (the widget is going away).
pub fn remove_structured_data(instance: u32) {
    if let Some(script) = block(instance) {
        script.remove();
    }
}
