//! Waiting in the browser: a cancellable timer, an async sleep, work put off until the next
//! frame has been painted, and work put off until the page is idle, over `setTimeout`,
//! `requestAnimationFrame` and `requestIdleCallback`.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Runs a callback once after `ms`, unless dropped first.
pub struct Timer {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn new(ms: u32, callback: impl FnOnce() + 'static) -> Option<Timer> {
        let callback = Closure::once(callback);
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms as i32,
            )
            .ok()?;
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
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` once the next frame has been painted (a task queued from that frame's animation
/// callback): for work the reader does not see, so that it never delays what they do see.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let task: JsValue = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Runs `f` when the browser is idle (`requestIdleCallback`, at most a second later), or, in a
/// browser without it (Safari), once the next frame has been painted.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            let _ = request.call2(&window, &Closure::once_into_js(f), &options);
        }
        None => after_paint(f),
    }
}
