//! The "City" control: every city of the feed with its number of upcoming meetings, sorted by
//! name, after "All cities". Counts come from `Listing::city_counts`, the same question the
//! cards ask.

use super::{dom_id, lang};
use crate::model::listing::Listing;
use leptos::{html, prelude::*};
use std::sync::Arc;

#[component]
pub fn CityFilter(city: Memo<Option<usize>>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let texts = lang.texts();
    let counts = listing.city_counts();
    let total: usize = counts.iter().sum();
    let id = dom_id("city");
    let options =
        listing.cities.iter().zip(counts).map(|(c, n)| view! { <option value=c.slug.clone()>{lang.city_option(&c.label, n)}</option> }).collect_view();
    // One effect shows the choice (option 0 is "All cities"), not one per option: a city change
    // then touches the control once, however many cities the feed has.
    let control = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        let index = city.get().map_or(0, |i| i as i32 + 1);
        // After the reader's own choice the control already shows it: leave it alone then.
        if let Some(select) = control.get().filter(|s| s.selected_index() != index) {
            select.set_selected_index(index);
        }
    });
    view! {
        <div class="um-filter">
            <label class="um-filter-label" for=id.clone()>{texts.city}</label>
            <select
                id=id
                class="um-select"
                node_ref=control
                on:change=move |ev| {
                    let slug = event_target_value(&ev);
                    selected.set((!slug.is_empty()).then_some(slug));
                }
            >
                <option value="">{lang.city_option(texts.all_cities, total)}</option>
                {options}
            </select>
        </div>
    }
}
