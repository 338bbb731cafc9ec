//! A widget's words in a language other than English. The widget's wasm carries English only;
//! the build puts every language's file beside it (`dist/locales/<tag>.txt`, the files of
//! `locales/` that `build.rs` has checked), and the loader says where that folder is
//! ([`use_locales`]). A widget in another language fetches its file once, beside its feed
//! ([`Words`]), and `model::words::i18n` learns it; a file that cannot be fetched leaves the widget
//! in English. Without the loader (a page that starts the glue itself) there is no folder: English.

use super::fetch;
use crate::model::words::i18n::Lang;
use js_sys::Promise;
use send_wrapper::SendWrapper;
use std::{cell::RefCell, future::Future};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// The longest a widget waits for its words before it shows its listings in English: the file
/// is a few kilobytes from the server that has just sent the wasm.
const TIMEOUT_MS: u32 = 8_000;

thread_local! {
    /// The folder of the language files, as an absolute URL ending in `/`.
    static FOLDER: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the language files are (the loader passes `locales/` beside itself).
pub fn use_locales(folder: String) {
    FOLDER.with(|f| *f.borrow_mut() = Some(folder));
}

/// The URL of `lang`'s file, where the loader has said where the files are.
fn file_url(lang: Lang) -> Option<String> {
    FOLDER.with(|f| f.borrow().as_ref().map(|folder| format!("{folder}{}.txt", lang.tag())))
}

/// Fetches and learns `lang`'s words. One attempt, which may take the loader's preload of the
/// file, within the widget's timeout and at most [`TIMEOUT_MS`]: the words are not worth a
/// second wait, English is there.
async fn learn(lang: Lang, timeout_ms: u32, cancel: fetch::Cancel) {
    let Some(url) = file_url(lang) else { return };
    if let Ok(file) = fetch::fetch_once(&url, timeout_ms.min(TIMEOUT_MS), &cancel, true).await {
        lang.learn(file.text);
    }
}

/// A widget's words on their way, fetched from the moment the widget starts, awaited where it
/// first writes in its language.
#[derive(Clone)]
pub struct Words(SendWrapper<Option<Promise>>);

impl Words {
    /// Starts fetching `lang`'s words, unless they are at hand; `on_ready` runs once they are in
    /// (or once they have failed to come). `cancel` stops the fetch when the widget goes away.
    pub fn fetch(
        lang: Lang,
        timeout_ms: u32,
        cancel: fetch::Cancel,
        on_ready: impl FnOnce() + 'static,
    ) -> Words {
        if lang.has_texts() {
            return Words(SendWrapper::new(None));
        }
        let promise = future_to_promise(async move {
            learn(lang, timeout_ms, cancel).await;
            on_ready();
            Ok(JsValue::UNDEFINED)
        });
        Words(SendWrapper::new(Some(promise)))
    }

    /// Resolves once the words are in, or have failed to come.
    pub fn ready(&self) -> impl Future<Output = ()> + Send {
        let promise = (*self.0).clone();
        SendWrapper::new(async move {
            if let Some(promise) = promise {
                let _ = JsFuture::from(promise).await;
            }
        })
    }
}
