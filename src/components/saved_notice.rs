//! The banner over listings shown from the saved copy: when it was saved, why the latest
//! listings could not be loaded, and Retry.

use super::lang;
use crate::edge::clock;
use crate::model::loading::load_error::LoadError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[component]
pub fn SavedNotice(
    at: DateTime<Utc>,
    error: LoadError,
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = lang();
    view! {
        <div class="um-saved" role="status">
            <p class="um-saved-message">{lang.saved_copy(&clock::local_text(at, lang))}</p>
            <p class="um-error-detail">{error.message(lang)}</p>
            <button type="button" class="um-button" on:click=move |_| on_retry()>
                {lang.texts().retry()}
            </button>
        </div>
    }
}
