//! A link out of the widget: always a `SafeUrl`, always a new tab without an opener or referrer.

use super::lang;
use crate::model::feed::links::SafeUrl;
use leptos::prelude::*;

#[component]
pub fn ExternalLink(url: SafeUrl, label: String) -> impl IntoView {
    let texts = lang().texts();
    let mail = url.is_mailto();
    view! {
        <a
            href=url.as_str().to_string()
            target=(!mail).then_some("_blank")
            rel="noopener noreferrer"
        >
            {label}
            {(!mail).then(|| view! { <span class="um-sr">" " {texts.new_tab()}</span> })}
        </a>
    }
}
