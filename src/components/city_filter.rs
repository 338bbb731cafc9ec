//! The "City" row: the city combobox (`city_combobox.rs`) and, when the feed places any city on
//! the map (`place.lat`/`lon`), "Near me". Only a tap on it asks the browser for the reader's
//! position (`edge::geolocation`); the cities are then listed nearest first
//! (`model::places::near`), the nearest with upcoming meetings is chosen, and a line says how far
//! it is. The position itself is dropped at once: only the distances stay, in this view, until
//! it goes.

use super::{
    city_combobox::{CityCombobox, Distances},
    dom_id, options,
};
use crate::edge::geolocation::{self, NoPosition};
use crate::model::index::CityIndex;
use crate::model::listing::Listing;
use crate::model::places::near::{self, Point};
use leptos::{prelude::*, task::spawn_local};
use std::sync::Arc;

/// The reader's distance to each city (indexed like the cities), and the nearest city with
/// upcoming meetings (`counts`).
fn nearest_city(
    listing: &Listing,
    counts: &[usize],
    here: Point,
) -> (Vec<Option<f64>>, Option<CityIndex>) {
    let points = near::city_points(listing.cities.len(), listing.places());
    let found = near::distances(&points, here);
    let nearest = near::nearest(&found, counts);
    (found, nearest)
}

#[component]
pub fn CityFilter(
    city: Memo<Option<CityIndex>>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let options = options();
    let (lang, unit) = (options.lang, options.distance_unit);
    let texts = lang.texts();
    let counts = Arc::new(listing.city_counts());
    // Whether any meeting is on the map; where each city is, only once a tap asks.
    let has_points = listing.places().any(|(_, p)| p.lat.is_some() && p.lon.is_some());

    let distances: Distances = RwSignal::new(None);
    let order = Memo::new({
        let cities = listing.cities.len();
        move |_| {
            distances.with(|d| {
                d.as_deref()
                    .map_or_else(|| (0..cities).map(CityIndex).collect(), |d| near::by_distance(d))
            })
        }
    });
    // The line under the row: finding the position, the nearest city, or why there is none.
    let status = RwSignal::new(None::<String>);
    let near_me = {
        let counts = counts.clone();
        move |_| {
            status.set(Some(texts.finding_position().to_string()));
            let (listing, counts) = (listing.clone(), counts.clone());
            spawn_local(async move {
                let line = match geolocation::position().await {
                    Ok(here) => {
                        let (found, nearest) = nearest_city(&listing, &counts, here);
                        // try_: the widget may have gone while the browser looked.
                        distances.try_set(Some(Arc::new(found.clone())));
                        match nearest {
                            Some(c) => {
                                let km = found[c.0].expect("the nearest city has a position");
                                selected.try_set(Some(listing.city(c).slug.clone()));
                                lang.nearest(&listing.city(c).label, &unit.text(km, lang))
                            }
                            None => texts.no_city_nearby().to_string(),
                        }
                    }
                    Err(NoPosition::Denied) => texts.position_denied().to_string(),
                    Err(NoPosition::Unavailable) => texts.position_unavailable().to_string(),
                };
                status.try_set(Some(line));
            });
        }
    };
    let near_me = has_points.then(|| {
        view! {
            <button type="button" class="um-near-me" on:click=near_me>
                {texts.near_me()}
            </button>
        }
    });
    view! {
        <div class="um-filter">
            <label class="um-filter-label" for=dom_id("city")>{texts.city()}</label>
            <CityCombobox city selected counts order distances />
            {near_me}
            <p
                class="um-near-status"
                role="status"
                hidden=move || status.with(Option::is_none)
            >
                {move || status.get()}
            </p>
        </div>
    }
}
