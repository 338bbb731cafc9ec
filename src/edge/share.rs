//! Sharing a link: the system share sheet where the browser has one (`navigator.share`, on
//! phones), else the clipboard (`navigator.clipboard.writeText`). Reached through `Reflect`, so
//! a browser without either simply says so.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a link was shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet opened (the visitor may have shared it, or cancelled).
    Sheet,
    /// The link is on the clipboard.
    Copied,
    /// Neither could be used: the page shows the link to copy by hand.
    Neither,
}

/// `target[name](arg)` when `target[name]` is a function, awaited.
async fn call(target: &JsValue, name: &str, arg: &JsValue) -> Option<Result<JsValue, JsValue>> {
    let f = Reflect::get(target, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    let promise = f.call1(target, arg).ok()?.dyn_into::<Promise>().ok()?;
    Some(JsFuture::from(promise).await)
}

/// Shares `url`, titled `title`.
pub async fn share(title: &str, url: &str) -> Shared {
    let Ok(navigator) = Reflect::get(&js_sys::global(), &"navigator".into()) else {
        return Shared::Neither;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    match call(&navigator, "share", &data).await {
        // Shared, or cancelled by the visitor ("AbortError"): either way the sheet was there.
        Some(Ok(_)) => return Shared::Sheet,
        Some(Err(e))
            if Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref()
                == Some("AbortError") =>
        {
            return Shared::Sheet
        }
        _ => {}
    }
    let Ok(clipboard) = Reflect::get(&navigator, &"clipboard".into()) else {
        return Shared::Neither;
    };
    match call(&clipboard, "writeText", &url.into()).await {
        Some(Ok(_)) => Shared::Copied,
        _ => Shared::Neither,
    }
}
