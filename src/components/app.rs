//! One widget: loads its feed and shows the loading state, the listings, or a clear alert with
//! Retry; keeps the chosen city in the page URL so it survives a reload and Back undoes it.

use super::{listings::Listings, load_error::LoadErrorAlert, Instance};
use crate::edge::{clock, fetch, url_state};
use crate::model::{config::Config, listing::Listing, load_error::LoadError, parse::parse_feed, url_city};
use leptos::prelude::*;
use std::sync::Arc;

/// Fetches, parses and indexes a feed at the current time, keeping one campaign if asked.
pub async fn load(url: Result<String, LoadError>, campaign: Option<String>) -> Result<Arc<Listing>, LoadError> {
    let text = fetch::fetch_text(&url?).await?;
    let mut feed = parse_feed(&text).map_err(LoadError::Feed)?;
    if let Some(id) = campaign {
        feed.keep_only_campaign(&id);
    }
    Ok(Arc::new(Listing::new(feed, clock::now())))
}

/// The chosen city as a signal mirrored in the page URL parameter `param`: a choice pushes a
/// history entry, Back and Forward read the URL again. `default` is the widget's own city.
fn city_in_url(param: String, default: Option<String>) -> RwSignal<Option<String>> {
    let read = {
        let (param, default) = (param.clone(), default.clone());
        move || url_city::from_url(url_state::get(&param).as_deref(), default.as_deref())
    };
    let selected = RwSignal::new(read());
    let handle = window_event_listener(leptos::ev::popstate, {
        let read = read.clone();
        move |_| selected.set(read())
    });
    on_cleanup(move || handle.remove());
    // Pushes only when the URL says otherwise, so re-reading it on Back pushes nothing.
    Effect::new(move |_| {
        let choice = selected.get();
        if read() != choice {
            url_state::push(&param, url_city::to_url(choice.as_deref(), default.as_deref()).as_deref());
        }
    });
    selected
}

#[component]
pub fn App(config: Config, #[prop(optional)] instance: u32) -> impl IntoView {
    let Config { feed_url, city_param, lang, display } = config;
    provide_context(lang);
    provide_context(Instance(instance));
    provide_context(display.clone());
    let campaign = display.campaign.clone();
    let feed = LocalResource::new(move || load(feed_url.clone(), campaign.clone()));
    let selected = city_in_url(city_param, display.city.clone());
    let texts = lang.texts();
    view! {
        <div class="um" class:um-compact=display.compact class:um-framed=display.framed data-theme=display.theme.name() lang=lang.tag()>
            <Suspense fallback=move || view! { <p class="um-loading" role="status">{texts.loading}</p> }>
                {move || Suspend::new(async move {
                    match feed.await {
                        Ok(listing) => view! { <Listings listing selected /> }.into_any(),
                        Err(error) => view! { <LoadErrorAlert error on_retry=move || feed.refetch() /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
