//! The quiet notice for the feed's publisher: how many entries were left out, and, folded away,
//! every problem with where it is in the feed and what the widget did, in the widget's language.

use super::lang;
use crate::model::listing::Listing;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FeedNotice() -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let problems = &listing.feed.problems;
    if problems.is_empty() {
        return None;
    }
    let left_out = listing.feed.left_out();
    let summary = if left_out > 0 {
        lang.left_out(left_out)
    } else {
        lang.texts().feed_problems_details().to_string()
    };
    let items = problems
        .iter()
        .map(|p| {
            let (what, message) = (p.severity().word(lang), p.kind.message(lang));
            view! { <li><code>{p.path.clone()}</code> " (" {what} "): " {message}</li> }
        })
        .collect_view();
    Some(view! {
        <details class="um-problems">
            <summary>{summary}</summary>
            <p class="um-problems-for">{lang.texts().feed_problems_details()}</p>
            <ul>{items}</ul>
        </details>
    })
}
