//! The widget's WebAssembly entry points, the JS names the loader (`web/loader.js`) and host
//! pages call: `mountAll()`, `mount(el)`, `unmount(el)`, `useStyleSheet(sheet)`,
//! `useLocales(url)` and `useSheetReader(read)`. Each is the function of the same name in
//! `upcoming_meetings::mount` (`useLocales`: `edge::locale`; `useSheetReader`: `edge::sheet`).
//! They are exported here, not in the library, so that another wasm built from the library (the
//! check page's, `check-page/`; the sheet and calendar modules) carries no widget.

use upcoming_meetings::{edge::locale, edge::sheet, mount};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement};

#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() {
    mount::mount_all();
}

#[wasm_bindgen(js_name = mount)]
pub fn mount_one(host: HtmlElement) {
    mount::mount(host);
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

/// The function that reads a CSV feed with the sheet module (`sheet/`), which the loader fetches
/// only when a widget calls it: `edge::sheet`.
#[wasm_bindgen(js_name = useSheetReader)]
pub fn use_sheet_reader(read: js_sys::Function) {
    sheet::use_sheet_reader(read);
}
