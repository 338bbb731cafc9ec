//! Waiting in the browser: a cancellable timer and an async sleep, over `setTimeout`.

use wasm_bindgen::{closure::Closure, JsCast};

/// Runs a callback once after `ms`, unless dropped first.
pub struct Timer {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn new(ms: u32, callback: impl FnOnce() + 'static) -> Option<Timer> {
        let callback = Closure::once(callback);
        let id = web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms as i32).ok()?;
        Some(Timer { id, _callback: callback })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// Resolves after `ms`.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
