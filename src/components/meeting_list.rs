//! The meetings of one campaign in one period (upcoming or past), as its card lists them.
//!
//! Two lists: the one for all cities, built once and kept (hidden while a city is chosen), and
//! the chosen city's, built on each change. Choosing a city then never tears down the long list,
//! and going back to "All cities" never rebuilds it: at thousands of meetings, removing and
//! re-creating those nodes was most of what a city change cost (see bench/results.md).

use super::meeting_item::MeetingItem;
use crate::model::listing::{Listing, Period};
use leptos::prelude::*;
use std::sync::Arc;

/// One campaign's meetings of one period: all of them, and those in the chosen city (`None`
/// while no city is chosen). Indices into `campaign.meetings`, in date order.
#[derive(Clone)]
pub struct Meetings {
    all: Arc<[usize]>,
    in_city: Memo<Option<Vec<usize>>>,
}

impl Meetings {
    pub fn new(listing: &Arc<Listing>, campaign: usize, period: Period, city: Memo<Option<usize>>) -> Meetings {
        let in_city = Memo::new({
            let listing = listing.clone();
            move |_| city.get().map(|c| listing.meetings(campaign, Some(c), period).collect())
        });
        Meetings { all: listing.meetings(campaign, None, period).collect(), in_city }
    }

    /// Runs `f` on the meetings the card shows now (in the chosen city, or in all); reactive.
    pub fn with_shown<R>(&self, f: impl FnOnce(&[usize]) -> R) -> R {
        self.in_city.with(|c| f(c.as_deref().unwrap_or(&self.all)))
    }

    /// How many the card shows now (in the chosen city, or in all), as a reactive `Copy` closure.
    pub fn count(&self) -> impl Fn() -> usize + Copy + Send + Sync + 'static {
        let (all, in_city) = (self.all.len(), self.in_city);
        move || in_city.with(|c| c.as_ref().map_or(all, Vec::len))
    }
}

/// The first `limit` of `ids` (all of them without a limit).
fn first(ids: &[usize], limit: Option<usize>) -> Vec<usize> {
    ids[..limit.map_or(ids.len(), |n| n.min(ids.len()))].to_vec()
}

/// The two `<ol>`s of `meetings`, each showing at most `limit` (from `data-limit`, lifted by
/// "Show more"). The list for all cities is built the first time `for_all` allows it (a step of
/// `reveal.rs`), and kept.
#[component]
pub fn MeetingList(campaign: usize, meetings: Meetings, limit: Signal<Option<usize>>, for_all: Signal<bool>, #[prop(optional)] past: bool) -> impl IntoView {
    let Meetings { all, in_city } = meetings;
    let built = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || for_all.get());
    view! {
        <ol class="um-meetings" class:um-past=past hidden=move || in_city.with(Option::is_some) || !for_all.get()>
            <For each=move || if built.get() { first(&all, limit.get()) } else { Vec::new() } key=|m| *m let:meeting>
                <MeetingItem campaign meeting />
            </For>
        </ol>
        <ol class="um-meetings" class:um-past=past hidden=move || in_city.with(Option::is_none)>
            <For each=move || in_city.with(|c| c.as_deref().map(|c| first(c, limit.get())).unwrap_or_default()) key=|m| *m let:meeting>
                <MeetingItem campaign meeting />
            </For>
        </ol>
    }
}
