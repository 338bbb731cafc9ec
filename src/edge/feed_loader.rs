//! Loading one widget's feed: fetch it (timeouts, retries), parse it (a CSV feed read as a sheet
//! first: `sheet.rs`), keep a copy of every good one, fall back to that copy when the feed cannot
//! be loaded, and index the result at the current time. [`FeedLoad::start`] wraps it in a
//! resource for the root view; the request in flight is aborted when the widget goes away
//! (`window.upcomingMeetings.unmount`).

use super::sheet::NotLoaded;
use super::{clock, fetch, perf, sheet, storage, url_state};
use crate::model::feed::read::parse_feed;
use crate::model::feed::types::Feed;
use crate::model::listing::Listing;
use crate::model::loading::load_error::LoadError;
use crate::model::widget::options::{FeedFormat, Options};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::Arc;

/// What a load gives the view: the listings, and when they come from the saved copy because
/// the feed could not be loaded, when that copy was saved and why the feed failed.
#[derive(Clone)]
pub struct Loaded {
    pub listing: Arc<Listing>,
    pub saved: Option<(DateTime<Utc>, LoadError)>,
}

/// The request a widget makes for its feed, taken from its options.
#[derive(Clone)]
struct Request {
    url: Result<String, LoadError>,
    /// The format `data-feed-format` names, if any (`FeedFormat::of`).
    format: Option<FeedFormat>,
    /// A CSV feed's zone for rows without a `time_zone` cell.
    time_zone: Option<String>,
    campaign: Option<String>,
    timeout_ms: u32,
}

impl Request {
    /// The listing of `feed` at `now`, else at the current time.
    fn index(&self, feed: Feed, absolute_url: &str, now: Option<DateTime<Utc>>) -> Arc<Listing> {
        let (campaign, now) = (self.campaign.as_deref(), now.unwrap_or_else(clock::now));
        Arc::new(perf::measure("index", || Listing::for_widget(feed, campaign, absolute_url, now)))
    }

    /// The feed in a body as fetched (or saved), in its format (`FeedFormat::of`): JSON as it
    /// is; a sheet read first, its rows left out among the feed's problems.
    async fn read(&self, body: &fetch::Body) -> Result<Feed, LoadError> {
        let url = self.url.as_deref().unwrap_or_default();
        let text = &body.text;
        let feed = match FeedFormat::of(self.format, url, body.media_type.as_deref()) {
            FeedFormat::Json => perf::measure("parse", || parse_feed(text)),
            FeedFormat::Csv => match sheet::read_sheet(text, self.time_zone.as_deref()).await {
                Ok(feed) => feed,
                // Its code could not be fetched: the network failed, and Retry tries again.
                Err(NotLoaded) => return Err(LoadError::Network { cross_origin: false }),
            },
        };
        feed.map_err(LoadError::Feed)
    }

    /// Fetches and parses the feed, keeping a copy of every good one; on failure, the last good
    /// copy if there is one. `on_attempt` follows the tries, for the loading line. A first load
    /// lists the feed at `listed_at` where the first screen was painted at that instant.
    async fn load(
        self,
        cancel: fetch::Cancel,
        first_load: bool,
        listed_at: Option<DateTime<Utc>>,
        on_attempt: impl Fn(u32),
    ) -> Result<Loaded, LoadError> {
        let url = self.url.clone()?;
        let absolute = url_state::absolute(&url);
        if FeedFormat::of(self.format, &url, None) == FeedFormat::Csv {
            sheet::preload();
        }
        let fresh =
            match fetch::fetch_text(&url, self.timeout_ms, &cancel, first_load, on_attempt).await {
                Ok(body) => self.read(&body).await.map(|feed| (feed, body)),
                Err(error) => Err(error),
            };
        match fresh {
            Ok((feed, body)) => {
                // Kept for a later visit, once this one shows its listings: writing a large
                // feed to localStorage holds the page up.
                let (key, at) = (absolute.clone(), clock::now());
                leptos::task::spawn_local(async move {
                    super::timer::sleep(300).await;
                    storage::save(&key, &body, at);
                });
                Ok(Loaded { listing: self.index(feed, &absolute, listed_at), saved: None })
            }
            // Aborted because the widget went away: nobody is waiting for a saved copy.
            Err(error) if cancel.is_aborted() => Err(error),
            Err(error) => {
                let saved = match storage::load(&absolute) {
                    Some((body, at)) => self.read(&body).await.ok().map(|feed| (feed, at)),
                    None => None,
                };
                match saved {
                    Some((feed, at)) => Ok(Loaded {
                        listing: self.index(feed, &absolute, listed_at),
                        saved: Some((at, error)),
                    }),
                    None => Err(error),
                }
            }
        }
    }
}

/// A widget's feed as a resource: loaded when created, again on [`FeedLoad::retry`].
#[derive(Clone, Copy)]
pub struct FeedLoad {
    pub result: LocalResource<Result<Loaded, LoadError>>,
    /// The attempt under way: 1, then 2 and 3 when the network failed (`model::loading::retry`).
    pub attempt: RwSignal<u32>,
}

impl FeedLoad {
    /// Starts loading the feed `options` name (the first load listing it at `listed_at`, if
    /// given). Call it inside the widget's root: when that is disposed, the request in flight is
    /// aborted and no attempt follows.
    pub fn start(options: &Options, listed_at: Option<DateTime<Utc>>) -> FeedLoad {
        let request = Request {
            url: options.feed_url.clone(),
            format: options.feed_format,
            time_zone: options.time_zone.clone(),
            campaign: options.campaign.clone(),
            timeout_ms: options.timeout_ms,
        };
        let attempt = RwSignal::new(1);
        let cancel = fetch::Cancel::default();
        on_cleanup({
            let cancel = SendWrapper::new(cancel.clone());
            move || cancel.abort()
        });
        // After the first paint, while the feed downloads: the platform's date formats, set up
        // now rather than inside the parse.
        super::timer::after_paint(crate::intl::prepare);
        let loaded_before = std::rc::Rc::new(std::cell::Cell::new(false));
        let result = LocalResource::new(move || {
            attempt.set(1);
            let first_load = !loaded_before.replace(true);
            let listed_at = listed_at.filter(|_| first_load);
            request.clone().load(cancel.clone(), first_load, listed_at, move |n| attempt.set(n))
        });
        FeedLoad { result, attempt }
    }

    pub fn retry(&self) {
        self.result.refetch();
    }
}
