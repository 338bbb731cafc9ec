//! The loaded listings: the feed notice, the city filter, the campaign cards for the chosen
//! city, and the RSVP panel. The chosen city is a slug in a signal the caller owns (the app
//! keeps it in the page URL). The structured data of what they show (schema.org Events) goes to
//! `on_structured_data` after each change, off the path to the next frame.

use super::{
    campaign_card::CampaignCard, city_cards::ChosenCityCards, city_filter::CityFilter,
    feed_notice::FeedNotice, lang, options, reveal::Steps, rsvp_panel::RsvpPanel,
    rsvp_state::RsvpState,
};
use crate::edge::timer::Timer;
use crate::model::export::json_ld;
use crate::model::index::CityIndex;
use crate::model::listing::{Listing, Period};
use crate::model::widget::reveal::Reveal;
use leptos::prelude::*;
use std::sync::Arc;

/// The structured data (schema.org Events, JSON-LD) of the listings the city shows.
fn structured_data(listing: &Listing, city: Option<CityIndex>, limit: Option<usize>) -> String {
    json_ld::events(listing.upcoming(city, limit), listing.feed.publisher.as_ref())
}

/// `selected`: the chosen city's slug (kept in the page URL by the app); `rsvp`: the open panel.
#[component]
pub fn Listings(
    listing: Arc<Listing>,
    selected: RwSignal<Option<String>>,
    rsvp: RsvpState,
    on_structured_data: Callback<String>,
) -> impl IntoView {
    provide_context(listing.clone());
    provide_context(rsvp);
    let lang = lang();
    let city = Memo::new({
        let listing = listing.clone();
        move |_| selected.with(|s| s.as_deref().and_then(|s| listing.city_by_slug(s)))
    });
    let none_shown = Memo::new({
        let listing = listing.clone();
        move |_| listing.campaigns(city.get()).is_empty()
    });
    let limit = options().limit;
    let plan = Reveal::new(listing.campaign_indices().map(|c| {
        listing.meetings(c, None, Period::Upcoming).take(limit.unwrap_or(usize::MAX)).count()
    }));
    let all_cities = Steps::for_all_cities(plan, city);
    let unknown_city = move || selected.get().filter(|_| city.get().is_none());
    let missing_campaign = options()
        .campaign
        .clone()
        .filter(|_| listing.feed.campaigns.is_empty())
        .map(|id| view! { <p class="um-message" role="status">{lang.no_campaign(&id)}</p> });
    let empty_city = {
        let listing = listing.clone();
        move || city.get().filter(|_| none_shown.get()).map(|c| listing.city(c).label.clone())
    };
    // Effects run once the view is in the page: the benchmark's "listings rendered".
    Effect::new(|_| crate::edge::perf::mark("listings"));
    // The structured data of the chosen city's listings, written a moment after they show (a
    // newer change drops the timer of the one before).
    Effect::new({
        let listing = listing.clone();
        move |_: Option<Option<Timer>>| {
            let city = city.get();
            let listing = listing.clone();
            // try_run: nothing, if the widget went away before the timer fired.
            Timer::new(100, move || {
                on_structured_data.try_run(structured_data(&listing, city, limit));
            })
        }
    });
    view! {
        <FeedNotice />
        {missing_campaign}
        <CityFilter city selected />
        {move || unknown_city().map(|slug| view! {
            <p class="um-message" role="status">
                {lang.unknown_city(&slug)} " "
                <button
                    type="button"
                    class="um-link-button"
                    on:click=move |_| selected.set(None)
                >
                    {lang.texts().show_all_cities()}
                </button>
            </p>
        })}
        {move || empty_city().map(|label| view! {
            <p class="um-message" role="status">{lang.none_in_city(&label)}</p>
        })}
        // The cards for all cities stay in the page, hidden while a city is chosen: going back
        // to All cities shows them again, it does not rebuild them. A chosen city's cards
        // (those of the campaigns that meet there) are made for it, and nothing else changes.
        <div class="um-campaigns" hidden=move || city.get().is_some()>
            {listing.campaign_indices()
                // In feed order: a card's place in the plan is its campaign's index.
                .map(|index| view! {
                    <CampaignCard index city=None revealed=all_cities.shows(index.0) />
                }.into_any())
                .collect_view()}
        </div>
        <ChosenCityCards city />
        <RsvpPanel />
    }
}
