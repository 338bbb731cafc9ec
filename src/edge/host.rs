//! A widget's element in the page, and the options it asks for: its `data-` attributes (and its
//! id), the page address where the element allows it, the page's language and the reader's
//! (`Options::resolve` decides). The first-paint module and the app read them here alike, so both
//! render the widget the element asks for.

use super::url_state;
use crate::model::widget::options::{Options, Sources};
use web_sys::Element;

/// The options of the widget on `host`, the `instance`-th on the page; `in_use` says which city
/// parameters the page's other widgets keep.
pub fn options(host: &Element, instance: u32, in_use: &dyn Fn(&str) -> bool) -> Options {
    let attr = |name: &str| {
        if name == "id" {
            Some(host.id()).filter(|id| !id.is_empty())
        } else {
            host.get_attribute(&format!("data-{name}"))
        }
    };
    let page_lang = host
        .owner_document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    let reader_lang = web_sys::window().and_then(|w| w.navigator().language());
    Options::resolve(
        Sources { attr, page_param: url_state::get, page_lang, reader_lang },
        in_use,
        instance,
    )
}
