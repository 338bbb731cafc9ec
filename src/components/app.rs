//! One widget: loads its feed and shows the loading state, the listings, or a clear alert with
//! Retry; keeps the chosen city in the page URL so it survives a reload and Back undoes it.

use super::{listings::Listings, load_error::LoadErrorAlert, Instance};
use crate::edge::{clock, fetch, url_state};
use crate::model::{config::Config, listing::Listing, load_error::LoadError, parse::parse_feed};
use leptos::prelude::*;
use std::sync::Arc;

/// Fetches, parses and indexes a feed at the current time.
pub async fn load(url: Result<String, LoadError>) -> Result<Arc<Listing>, LoadError> {
    let text = fetch::fetch_text(&url?).await?;
    let feed = parse_feed(&text).map_err(LoadError::Feed)?;
    Ok(Arc::new(Listing::new(feed, clock::now())))
}

/// The chosen city as a signal mirrored in the page URL parameter `param`: a choice pushes a
/// history entry, Back and Forward read the URL again.
fn city_in_url(param: String) -> RwSignal<Option<String>> {
    let selected = RwSignal::new(url_state::get(&param));
    let handle = window_event_listener(leptos::ev::popstate, {
        let param = param.clone();
        move |_| selected.set(url_state::get(&param))
    });
    on_cleanup(move || handle.remove());
    // Pushes only when the URL differs, so re-reading it on Back pushes nothing.
    Effect::new(move |_| url_state::push(&param, selected.get().as_deref()));
    selected
}

#[component]
pub fn App(config: Config, #[prop(optional)] instance: u32) -> impl IntoView {
    provide_context(config.lang);
    provide_context(Instance(instance));
    let Config { feed_url, city_param, lang } = config;
    let feed = LocalResource::new(move || load(feed_url.clone()));
    let selected = city_in_url(city_param);
    let texts = lang.texts();
    view! {
        <div class="um" lang=lang.tag()>
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
