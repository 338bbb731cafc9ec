//! One widget's root view: provides its options, starts loading its feed (and, beside it, its
//! words in a language other than English) and keeps the chosen city in the page URL (at the
//! edge: `edge::feed_loader`, `edge::locale`, `edge::url_state`), and shows the loading line,
//! the listings (with the saved-copy notice when they come from the saved copy), or an alert
//! with Retry.

use super::{
    lang, listings::Listings, load_error::LoadErrorAlert, provide_options, root::WidgetRoot,
    rsvp_state::RsvpState, saved_notice::SavedNotice,
};
use crate::edge::{
    feed_loader::{FeedLoad, Loaded},
    fetch,
    locale::Words,
    url_signals,
};
use crate::model::widget::options::Options;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// The screen while the feed is on its way: `line` (the loading line), and the element's own
/// content through a `<slot>` if it has some (`markup::screen::loading` writes the same).
pub fn loading_screen(line: impl IntoView, has_content: bool) -> impl IntoView {
    view! {
        {line}
        {has_content.then(|| view! { <slot></slot> })}
    }
}

/// "Loading…" (or "trying again") once the widget has its words (`words_in`), unless the
/// element's own content shows instead (`has_content`) while the first attempt is under way.
pub fn loading_line(words_in: bool, retrying: bool, has_content: bool) -> impl IntoView {
    let texts = lang().texts();
    (words_in && (retrying || !has_content)).then(|| {
        view! {
            <p class="um-loading" role="status">
                {if retrying { texts.retrying() } else { texts.loading() }}
            </p>
        }
    })
}

/// Nothing on the page: it runs `on_rendered` once the view it is part of is in the page.
#[component]
fn Rendered(on_rendered: Option<Callback<()>>) -> impl IntoView {
    Effect::new(move |_| {
        if let Some(rendered) = on_rendered {
            rendered.run(());
        }
    });
}

/// `has_content`: the widget's element has content of its own (pre-rendered listings, or
/// anything the embedder put there); it stays in view, through a `<slot>`, until the widget has
/// listings to show. `on_shown` runs when the listings or the alert take the loading line's
/// place, and `on_rendered` once they are in the page (the app taking over a first screen
/// painted before: `mount.rs`). `listed_at`: the instant that screen listed the feed at, which
/// the first load lists it at too. `on_structured_data` gets the JSON-LD of what the listings
/// show, each time that changes (the page puts it in its head).
#[component]
pub fn App(
    options: Arc<Options>,
    has_content: bool,
    on_shown: Callback<()>,
    on_structured_data: Callback<String>,
    on_rendered: Option<Callback<()>>,
    listed_at: Option<DateTime<Utc>>,
) -> impl IntoView {
    provide_options(options.clone());
    let feed = FeedLoad::start(&options, listed_at);
    let lang = options.lang;
    // The words, fetched beside the feed where the wasm lacks them. Nothing is written in the
    // widget's language before they are in: no loading line, and the listings wait for them.
    let words_in = RwSignal::new(lang.has_texts());
    let words = {
        let cancel = fetch::Cancel::default();
        on_cleanup({
            let cancel = SendWrapper::new(cancel.clone());
            move || cancel.abort()
        });
        Words::fetch(lang, options.timeout_ms, cancel, move || {
            let _ = words_in.try_set(true);
        })
    };
    let selected = url_signals::chosen_city(options.city_param.clone(), options.city.clone());
    let rsvp = RsvpState::new(url_signals::open_meeting(options.meeting_param.clone()));
    let retry = move || feed.retry();
    let loading = move || {
        let line = move || loading_line(words_in.get(), feed.attempt.get() > 1, has_content);
        loading_screen(line, has_content)
    };
    view! {
        <WidgetRoot>
            <Suspense fallback=loading>
                {move || {
                    let words = words.clone();
                    Suspend::new(async move {
                    let result = feed.result.await;
                    words.ready().await;
                    // The page gets a turn between reading the feed and rendering it.
                    SendWrapper::new(crate::edge::timer::sleep(0)).await;
                    on_shown.run(());
                    match result {
                        Ok(Loaded { listing, saved }) => view! {
                            {saved.map(|(at, error)| view! {
                                <SavedNotice at error on_retry=retry />
                            })}
                            <Listings listing selected rsvp on_structured_data />
                            <Rendered on_rendered />
                        }.into_any(),
                        Err(error) => view! {
                            <LoadErrorAlert error on_retry=retry />
                            <Rendered on_rendered />
                        }.into_any(),
                    }
                })}}
            </Suspense>
        </WidgetRoot>
    }
}
