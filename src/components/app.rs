//! One widget: loads its feed (trying again when the network fails, falling back to the last
//! good copy) and shows the loading state, the listings, or a clear alert with Retry; keeps the
//! chosen city in the page URL so it survives a reload and Back undoes it.

use super::{listings::Listings, load_error::LoadErrorAlert, saved_notice::SavedNotice, Instance};
use crate::edge::{clock, fetch, perf, storage, url_state};
use crate::model::{config::Config, feed::Feed, listing::Listing, load_error::LoadError, parse::parse_feed, url_city};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::sync::Arc;

/// What a load gives the view: the listings, and when they come from the saved copy because
/// the feed could not be loaded, when that copy was saved and why the feed failed.
#[derive(Clone)]
pub struct Loaded {
    pub listing: Arc<Listing>,
    pub saved: Option<(DateTime<Utc>, LoadError)>,
}

/// The request a widget makes for its feed.
#[derive(Clone)]
struct FeedRequest {
    url: Result<String, LoadError>,
    campaign: Option<String>,
    timeout_ms: u32,
}

impl FeedRequest {
    fn index(&self, mut feed: Feed, absolute_url: &str) -> Arc<Listing> {
        if let Some(id) = &self.campaign {
            feed.keep_only_campaign(id);
        }
        feed.drop_foreign_images(absolute_url);
        let now = clock::now();
        Arc::new(perf::measure("index", || Listing::new(feed, now)))
    }

    /// Fetches and parses the feed, keeping a copy of every good one; on failure, the last good
    /// copy if there is one. `attempt` follows the tries, for the loading message.
    async fn load(self, attempt: RwSignal<u32>) -> Result<Loaded, LoadError> {
        let url = self.url.clone()?;
        let absolute = fetch::absolute(&url);
        let fresh = fetch::fetch_text(&url, self.timeout_ms, |n| attempt.set(n))
            .await
            .and_then(|text| perf::measure("parse", || parse_feed(&text)).map(|feed| (feed, text)).map_err(LoadError::Feed));
        match fresh {
            Ok((feed, text)) => {
                storage::save(&absolute, &text, clock::now());
                Ok(Loaded { listing: self.index(feed, &absolute), saved: None })
            }
            Err(error) => match storage::load(&absolute).and_then(|(text, at)| Some((parse_feed(&text).ok()?, at))) {
                Some((feed, at)) => Ok(Loaded { listing: self.index(feed, &absolute), saved: Some((at, error)) }),
                None => Err(error),
            },
        }
    }
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

/// `has_content`: the widget's element has content of its own (pre-rendered listings, or
/// anything the embedder put there); it stays in view, through a `<slot>`, until the widget has
/// listings to show.
#[component]
pub fn App(config: Config, #[prop(optional)] instance: u32, #[prop(optional)] has_content: bool) -> impl IntoView {
    let Config { feed_url, city_param, lang, display, timeout_ms } = config;
    provide_context(lang);
    provide_context(Instance(instance));
    provide_context(display.clone());
    let request = FeedRequest { url: feed_url, campaign: display.campaign.clone(), timeout_ms };
    let attempt = RwSignal::new(1);
    let feed = LocalResource::new(move || {
        attempt.set(1);
        request.clone().load(attempt)
    });
    let retry = move || feed.refetch();
    let selected = city_in_url(city_param, display.city.clone());
    let texts = lang.texts();
    let loading = move || {
        let line = move || {
            let retrying = attempt.get() > 1;
            (retrying || !has_content).then(|| view! { <p class="um-loading" role="status">{if retrying { texts.retrying } else { texts.loading }}</p> })
        };
        view! {
            {line}
            {has_content.then(|| view! { <slot></slot> })}
        }
    };
    view! {
        <div class="um" class:um-compact=display.compact class:um-framed=display.framed data-theme=display.theme.name() lang=lang.tag()>
            <Suspense fallback=loading>
                {move || Suspend::new(async move {
                    match feed.await {
                        Ok(Loaded { listing, saved }) => view! {
                            {saved.map(|(at, error)| view! { <SavedNotice at error on_retry=retry /> })}
                            <Listings listing selected />
                        }.into_any(),
                        Err(error) => view! { <LoadErrorAlert error on_retry=retry /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
