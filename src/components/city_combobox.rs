//! The city control, a combobox after the WAI-ARIA practices ("editable combobox with list
//! autocomplete"): a text field that shows the chosen city, and a list of "All cities" and every
//! city with its upcoming meetings (and its distance after "Near me") that narrows as the reader
//! types. What each key, letter and tap does to it is `model::widget::city_field`'s, kept here
//! in one signal; this view renders that state (the field's text, its ARIA attributes, the
//! list) and turns a choice into the chosen city. The list is in the page only while it is open,
//! so a feed of 400 cities costs nothing until then.

use super::{dom_id, options};
use crate::edge::timer::after_paint;
use crate::model::index::CityIndex;
use crate::model::listing::Listing;
use crate::model::places::near::Unit;
use crate::model::widget::city_field::{Cities, CityField, Entry, Key, Press};
use leptos::{ev, html, prelude::*, task::spawn_local};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

/// How many entries of the list go in at once (its box shows about seven).
const FIRST_ENTRIES: usize = 24;

/// The reader's distance to each city, once "Near me" found it (indexed like the cities).
pub type Distances = RwSignal<Option<Arc<Vec<Option<f64>>>>>;

/// Selects the field's text, so that typing replaces the city it shows.
fn select_all(field: NodeRef<html::Input>) {
    if let Some(input) = field.get_untracked() {
        input.select();
    }
}

/// Changes the field's state with the cities as its list shows them. `change` says whether it
/// changed anything (only then are the views that read the state woken).
fn change<T>(
    state: RwSignal<CityField>,
    order: Memo<Vec<CityIndex>>,
    listing: &Listing,
    change: impl FnOnce(&mut CityField, Cities) -> (bool, T),
) -> Option<T> {
    order.with_untracked(|order| {
        let keys = || listing.city_keys();
        state.try_maybe_update(|s| change(s, Cities { order, keys: &keys }))
    })
}

#[component]
pub fn CityCombobox(
    /// The chosen city.
    city: Memo<Option<CityIndex>>,
    /// Where a choice goes (the slug, kept in the page URL).
    selected: RwSignal<Option<String>>,
    /// Upcoming meetings per city.
    counts: Arc<Vec<usize>>,
    /// The cities in the order the list shows them: by name, or nearest first.
    order: Memo<Vec<CityIndex>>,
    distances: Distances,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let options = options();
    let (lang, unit): (_, Unit) = (options.lang, options.distance_unit);
    let texts = lang.texts();
    let id = dom_id("city");
    let list_id = dom_id("cities");
    // An entry as a number (0: All cities), in its element's id and `data-entry`.
    let number = |e: Entry| e.map_or(0, |c| c.0 + 1);
    let option_id = {
        let list_id = list_id.clone();
        move |e: Entry| format!("{list_id}-{}", number(e))
    };
    let label_of = {
        let listing = listing.clone();
        move |e: Entry| {
            e.map_or_else(|| texts.all_cities().to_string(), |c| listing.city(c).label.clone())
        }
    };

    // What the reader is typing, whether the list is open, its entries and the one the keys are
    // on: one value, changed only through its methods.
    let state = RwSignal::new(CityField::default());
    // What the views read of it, each waking them only when it changes.
    let is_open = Memo::new(move |_| state.with(CityField::is_open));
    let active = Memo::new(move |_| state.with(CityField::active));
    let typing = Memo::new(move |_| state.with(|s| s.typed().is_some()));
    // Empty while the list is closed: closing it (a choice) then rebuilds no entry before the
    // list goes.
    let shown = Memo::new(move |_| state.with(|s| s.shown().to_vec()));

    // The field shows the chosen city whenever the reader is not typing.
    let field = NodeRef::<html::Input>::new();
    Effect::new({
        let label_of = label_of.clone();
        move |_| {
            let text = label_of(city.get());
            if let Some(input) = field.get().filter(|i| !typing.get() && i.value() != text) {
                input.set_value(&text);
            }
        }
    });
    // The entry the keys are on, kept in view in a long list.
    let list = NodeRef::<html::Ul>::new();
    Effect::new({
        let option_id = option_id.clone();
        move |_| {
            let (Some(entry), Some(list)) = (active.get(), list.get()) else { return };
            if let Some(item) =
                list.query_selector(&format!("[id='{}']", option_id(entry))).ok().flatten()
            {
                let how = ScrollIntoViewOptions::new();
                how.set_block(ScrollLogicalPosition::Nearest);
                item.scroll_into_view_with_scroll_into_view_options(&how);
            }
        }
    });
    // An open list follows a new order (the reader's position came).
    Effect::new({
        let listing = listing.clone();
        move |ran: Option<()>| {
            order.track();
            if ran.is_some() && state.with_untracked(CityField::is_open) {
                change(state, order, &listing, |s, c| (s.reorder(c), ()));
            }
        }
    });

    // Touches only what changes: a blur as the widget unmounts then wakes no view that is going.
    let close = move || state.maybe_update(CityField::close);
    let choose = {
        let listing = listing.clone();
        let label_of = label_of.clone();
        move |e: Entry| {
            // The field shows the choice before the listings change: written later (by the
            // effect above), the new value would make the browser lay out the whole changed
            // widget at once.
            if let Some(input) = field.get_untracked() {
                input.set_value(&label_of(e));
            }
            close();
            // Also when the URL names a city the feed lacks (no city shown, a slug kept): All
            // cities then clears it.
            if city.get_untracked() != e || selected.with_untracked(Option::is_some) != e.is_some()
            {
                selected.set(e.map(|c| listing.city(c).slug.clone()));
            }
        }
    };
    // The list's first screenfuls go in at once, the rest of a long list after the next paint:
    // 400 entries cost a slow phone about 50 ms to build and lay out, which the tap that opens
    // the list, or each letter typed, would wait for. (The views are built after the handler
    // that changed the state returns: `whole` is false again by then.)
    let whole = RwSignal::new(false);
    let in_parts = move || {
        whole.set(false);
        after_paint(move || {
            let _ = whole.try_set(true);
        });
    };
    let show_list = {
        let listing = listing.clone();
        move || {
            let chosen = city.get_untracked();
            if change(state, order, &listing, |s, c| {
                let opened = s.open(chosen, c);
                (opened, opened)
            }) == Some(true)
            {
                in_parts();
            }
        }
    };
    let on_key = {
        let listing = listing.clone();
        let choose = choose.clone();
        move |ev: ev::KeyboardEvent| {
            let Some(key) = Key::of(&ev.key(), ev.alt_key()) else { return };
            let chosen = city.get_untracked();
            let press = change(state, order, &listing, |s, c| {
                let press = s.press(key, chosen, c);
                (press != Press::Ignored, press)
            });
            match press.unwrap_or(Press::Ignored) {
                Press::Ignored => return,
                Press::Opened => in_parts(),
                Press::Handled => {}
                Press::Chose(e) => choose(e),
            }
            ev.prevent_default();
        }
    };
    let on_input = {
        let listing = listing.clone();
        move |ev: ev::Event| {
            in_parts();
            let text = event_target_value(&ev);
            change(state, order, &listing, |s, c| (true, s.type_text(text, c)));
        }
    };

    let total: usize = counts.iter().sum();
    // One entry, as the state has it: `aria-selected` on the one the keys are on.
    let item = {
        let option_id = option_id.clone();
        let label_of = label_of.clone();
        move |e: Entry, active: Option<Entry>, distances: Option<&[Option<f64>]>| {
            let count = e.map_or(total, |c| counts[c.0]);
            let distance =
                e.and_then(|c| distances?[c.0]).map(|km| format!(" · {}", unit.text(km, lang)));
            let class = if city.get_untracked() == e { "um-option um-chosen" } else { "um-option" };
            let selected = if active == Some(e) { "true" } else { "false" };
            view! {
                <li
                    role="option"
                    id=option_id(e)
                    class=class
                    aria-selected=selected
                    data-entry=number(e)
                >
                    {lang.city_option(&label_of(e), count)}
                    <span class="um-option-meta">{distance}</span>
                </li>
            }
        }
    };
    // A click anywhere on an entry chooses it (one listener for the whole list).
    let on_list_click = {
        let choose = choose.clone();
        move |ev: ev::MouseEvent| {
            let entry = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-entry]").ok().flatten())
                .and_then(|li| li.get_attribute("data-entry")?.parse::<usize>().ok());
            if let Some(n) = entry {
                choose(n.checked_sub(1).map(CityIndex));
            }
        }
    };
    let no_match = move || {
        let typed = state.with(|s| s.no_match().map(str::to_string))?;
        Some(view! { <p class="um-option-none" role="status">{lang.no_city_matches(&typed)}</p> })
    };
    let popup = {
        let list_id = list_id.clone();
        move || {
            is_open.get().then(|| {
                let item = item.clone();
                // Rebuilt as the typed text narrows it (a few hundred plain entries at most), and
                // as the keys move: a rebuild compares each entry with the one in the page and
                // writes only what differs (two entries' `aria-selected`). Not an effect per
                // entry: making 400 of them slowed the opening of the list by a quarter.
                let entries = move || {
                    let list = shown.get();
                    let active = active.get();
                    // At first: enough to fill the list's box, and up to the entry the keys are on.
                    let first = if whole.get() {
                        list.len()
                    } else {
                        state.with_untracked(CityField::active_at).unwrap_or(0) + FIRST_ENTRIES
                    };
                    distances.with(|d| {
                        let d = d.as_deref().map(Vec::as_slice);
                        list.into_iter().take(first).map(|e| item(e, active, d)).collect_view()
                    })
                };
                view! {
                    // A press inside the list keeps the focus in the field (its blur would close
                    // the list before the click lands).
                    <div class="um-popup" on:mousedown=|ev| ev.prevent_default()>
                        <ul
                            role="listbox"
                            id=list_id.clone()
                            class="um-listbox"
                            aria-label=texts.city()
                            node_ref=list
                            on:click=on_list_click.clone()
                        >
                            {entries}
                        </ul>
                        {no_match}
                    </div>
                }
            })
        }
    };

    view! {
        <div class="um-combobox">
            <input
                id=id
                node_ref=field
                class="um-city-input"
                type="text"
                role="combobox"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || is_open.get().to_string()
                aria-activedescendant=move || active.get().map(&option_id)
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                enterkeyhint="go"
                value=label_of(city.get_untracked())
                on:focus=move |_| select_all(field)
                // Selected again on a click: the click's own mouseup put the caret in the text,
                // and the first letters typed would land after "All cities".
                on:click={
                    let show_list = show_list.clone();
                    move |_| {
                        if state.with_untracked(|s| s.typed().is_none()) {
                            select_all(field);
                        }
                        show_list();
                    }
                }
                // WebKit drops that selection as the click's mouseup ends, unless the mouseup's
                // default (placing the caret) is prevented.
                on:mouseup=move |ev| {
                    if state.with_untracked(|s| s.typed().is_none()) {
                        ev.prevent_default();
                    }
                }
                on:keydown=on_key
                on:input=on_input
                // A moment later, and only if the widget is still there: Chromium blurs the field
                // as an unmount takes it out, and closing then would wake views that are going.
                on:blur=move |_| spawn_local(async move {
                    if !state.is_disposed() {
                        close();
                    }
                })
            />
            <button
                type="button"
                class="um-combobox-toggle"
                tabindex="-1"
                aria-label=texts.show_all_cities()
                aria-controls=list_id.clone()
                aria-expanded=move || is_open.get().to_string()
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| {
                    if state.with_untracked(CityField::is_open) {
                        close();
                    } else {
                        if let Some(input) = field.get_untracked() {
                            let _ = input.focus();
                        }
                        show_list();
                    }
                }
            >
                <span aria-hidden="true">"▾"</span>
            </button>
            {popup}
        </div>
    }
}
