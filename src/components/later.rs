//! A part of a view whose code comes later (`edge::later`): "Loading…" until its module is in,
//! then the part; when the module could not be fetched, why, with Retry. And for an action whose
//! code comes later (a file made on a tap), the line that says it could not be fetched.

use super::lang;
use crate::edge::later::NotLoaded;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

/// `load` makes the part (a function defined with `later!`); it runs again on Retry.
#[component]
pub fn Later<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, NotLoaded>> + 'static,
{
    let texts = lang().texts();
    let attempt = RwSignal::new(0u32);
    let fallback = move || view! { <p class="um-later" role="status">{texts.loading_part()}</p> };
    view! {
        <Suspense fallback>
            {move || {
                attempt.track();
                let part = SendWrapper::new(load());
                Suspend::new(async move {
                    match part.await {
                        Ok(part) => part,
                        Err(NotLoaded) => view! {
                            <p class="um-later" role="alert">
                                {texts.part_not_loaded()} " "
                                <button
                                    type="button"
                                    class="um-link-button"
                                    on:click=move |_| attempt.update(|n| *n += 1)
                                >
                                    {texts.retry()}
                                </button>
                            </p>
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// After an action whose code could not be fetched (`failed`): why, beside it; the next tap tries
/// again.
pub fn not_loaded(failed: RwSignal<bool>) -> impl IntoView {
    let texts = lang().texts();
    move || {
        failed.get().then(
            || view! { <span class="um-later" role="alert">" " {texts.part_not_loaded()}</span> },
        )
    }
}
