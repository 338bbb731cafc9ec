//! The alert shown when no listings can be shown at all: what went wrong, the detail for the
//! publisher, and Retry.

use super::lang;
use crate::model::loading::load_error::LoadError;
use leptos::prelude::*;

#[component]
pub fn LoadErrorAlert(
    error: LoadError,
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = lang();
    view! {
        <div class="um-error" role="alert">
            <p class="um-error-message">{error.message(lang)}</p>
            {error.detail().map(|d| view! { <p class="um-error-detail">{d}</p> })}
            <button type="button" class="um-button" on:click=move |_| on_retry()>
                {lang.texts().retry()}
            </button>
        </div>
    }
}
