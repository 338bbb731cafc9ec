//! The app's WebAssembly entry points, the JS names the loader (`web/loader.js`) calls:
//! `mount(el)`, `takeOver(el, instance, listedAt, ready)`, `unmount(el)`,
//! `useStyleSheet(sheet)`, `useLocales(url)`, `useSheetReader(read)` and `useFetched(take)`.
//! Each is the function of the same name in `upcoming_meetings::mount` (`useLocales`:
//! `edge::locale`; `useSheetReader`: `edge::sheet`; `useFetched`: `edge::fetch`).
//! They are exported here, not in the library, so that another wasm built from the library (the
//! check page's, `check-page/`; the sheet and calendar modules) carries no widget.

use upcoming_meetings::edge::{fetch, locale, sheet};
use upcoming_meetings::mount::{self, Painted};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement};

#[wasm_bindgen(js_name = mount)]
pub fn mount_one(host: HtmlElement) {
    mount::mount(host);
}

/// Takes over widget `instance` on `host`, whose first screen the first-paint module painted:
/// its listings, listed at `listed_at` (milliseconds since the epoch), or, when that is 0, its
/// loading line; `ready(root)` is called with the app's root once it shows the same. When
/// `listed_at` is negative, nothing was painted: the app shows the widget itself.
#[wasm_bindgen(js_name = takeOver)]
pub fn take_over(host: HtmlElement, instance: u32, listed_at: f64, ready: js_sys::Function) {
    let painted = if listed_at > 0.0 {
        Painted::Listings(listed_at)
    } else if listed_at == 0.0 {
        Painted::Loading
    } else {
        Painted::Nothing
    };
    mount::take_over(host, instance, painted, ready);
}

#[wasm_bindgen]
pub fn unmount(host: HtmlElement) -> bool {
    mount::unmount(host)
}

#[wasm_bindgen(js_name = useStyleSheet)]
pub fn use_style_sheet(sheet: CssStyleSheet) {
    mount::use_style_sheet(sheet);
}

/// The folder of the language files (`dist/locales/`), an absolute URL ending in `/`.
#[wasm_bindgen(js_name = useLocales)]
pub fn use_locales(folder: String) {
    locale::use_locales(folder);
}

/// The function that hands over the responses the loader fetched for the first screen.
#[wasm_bindgen(js_name = useFetched)]
pub fn use_fetched(take: js_sys::Function) {
    fetch::use_fetched(take);
}

/// The function that reads a CSV feed with the sheet module (`sheet/`), which the loader fetches
/// only when a widget calls it: `edge::sheet`.
#[wasm_bindgen(js_name = useSheetReader)]
pub fn use_sheet_reader(read: js_sys::Function) {
    sheet::use_sheet_reader(read);
}
