//! A chosen city's cards: the campaigns that meet there, with that city's meetings only, made
//! when the city is chosen, a step at a time (`reveal.rs`), and dropped when another is.

use super::{campaign_card::CampaignCard, reveal::Steps};
use crate::model::index::CityIndex;
use crate::model::listing::{Listing, Period};
use crate::model::widget::reveal::Reveal;
use leptos::prelude::*;
use std::sync::Arc;

/// The chosen city's cards (none while All cities is chosen).
#[component]
pub fn ChosenCityCards(city: Memo<Option<CityIndex>>) -> impl IntoView {
    // Keyed by the city: another city's cards are made anew, not patched from the last.
    view! {
        <For each=move || city.get() key=|c| *c let:c>
            <CityCards city=c />
        </For>
    }
}

/// The cards of the campaigns that meet in `city`, each made when its step comes.
#[component]
fn CityCards(city: CityIndex) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let campaigns = listing.campaigns(Some(city));
    let steps = Steps::for_a_city(Reveal::new(
        campaigns.iter().map(|&c| listing.meetings(c, Some(city), Period::Upcoming).count()),
    ));
    let cards = campaigns.into_iter().enumerate().map(|(card, index)| {
        let shows = steps.shows(card);
        view! {
            <Show when=move || shows.get()>
                <CampaignCard index city=Some(city) revealed=Signal::stored(true) />
            </Show>
        }
    });
    view! { <div class="um-campaigns">{cards.collect_view()}</div> }
}
