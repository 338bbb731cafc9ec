//! A chosen city's cards: the campaigns that meet there, with that city's meetings only, made
//! when the city is chosen, a step at a time (`reveal.rs`). The cards of a city left stay in the
//! page, hidden, for a moment after the change: taking them out is work the reader would
//! otherwise wait for along with the new city's (and choosing that city again shows them at
//! once).

use super::{campaign_card::CampaignCard, reveal::Steps};
use crate::edge::timer::Timer;
use crate::model::{
    listing::{Listing, Period},
    reveal::Reveal,
};
use leptos::prelude::*;
use std::sync::Arc;

/// How long the cards of a city left stay in the page, hidden.
const KEPT_MS: u32 = 1_000;

/// The chosen city's cards (none while All cities is chosen), and for a moment those of the
/// cities left.
#[component]
pub fn ChosenCityCards(city: Memo<Option<usize>>) -> impl IntoView {
    let sweeps = RwSignal::new(0u32);
    // The cities whose cards are in the page: the chosen one, then those left since the last
    // sweep (with the sweep they were counted at).
    let in_page = Memo::new(move |before: Option<&(Vec<usize>, u32)>| {
        let (now, sweep) = (city.get(), sweeps.get());
        let mut cities: Vec<usize> = now.into_iter().collect();
        if let Some((left, _)) = before.filter(|(_, seen)| *seen == sweep) {
            cities.extend(left.iter().copied().filter(|&c| Some(c) != now));
        }
        (cities, sweep)
    });
    // A newer change drops the timer of the one before.
    Effect::new(move |_: Option<Option<Timer>>| {
        city.track();
        Timer::new(KEPT_MS, move || {
            let _ = sweeps.try_update(|n| *n += 1);
        })
    });
    // Keyed by the city: another city's cards are made anew, not patched from the last.
    view! {
        <For each=move || in_page.with(|(cities, _)| cities.clone()) key=|c| *c let:c>
            <CityCards city=c shown=Signal::derive(move || city.get() == Some(c)) />
        </For>
    }
}

/// The cards of the campaigns that meet in `city`, each made when its step comes.
#[component]
fn CityCards(city: usize, shown: Signal<bool>) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let campaigns = listing.campaigns(Some(city));
    let steps = Steps::for_a_city(Reveal::new(campaigns.iter().map(|&c| listing.meetings(c, Some(city), Period::Upcoming).count())), shown);
    let cards = campaigns.into_iter().enumerate().map(|(card, index)| {
        let shows = steps.shows(card);
        view! {
            <Show when=move || shows.get()>
                <CampaignCard index city=Some(city) revealed=Signal::stored(true) />
            </Show>
        }
    });
    view! { <div class="um-campaigns" hidden=move || !shown.get()>{cards.collect_view()}</div> }
}
