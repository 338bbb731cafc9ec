//! The "City" control: every city of the feed with its number of upcoming meetings, sorted by
//! name, after "All cities". Counts come from `Listing::city_counts`, the same question the
//! cards ask.

use super::{dom_id, lang};
use crate::model::listing::Listing;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CityFilter(city: Memo<Option<usize>>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let texts = lang.texts();
    let counts = listing.city_counts();
    let total: usize = counts.iter().sum();
    let id = dom_id("city");
    let options = listing
        .cities
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(i, (c, n))| view! { <option value=c.slug.clone() prop:selected=move || city.get() == Some(i)>{lang.city_option(&c.label, n)}</option> })
        .collect_view();
    view! {
        <div class="um-filter">
            <label class="um-filter-label" for=id.clone()>{texts.city}</label>
            <select
                id=id
                class="um-select"
                on:change=move |ev| {
                    let slug = event_target_value(&ev);
                    selected.set((!slug.is_empty()).then_some(slug));
                }
            >
                <option value="" prop:selected=move || city.get().is_none()>{lang.city_option(texts.all_cities, total)}</option>
                {options}
            </select>
        </div>
    }
}
