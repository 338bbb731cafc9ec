//! The city control, a combobox after the WAI-ARIA practices ("editable combobox with list
//! autocomplete"): a text field that shows the chosen city, and a list of "All cities" and every
//! city with its upcoming meetings (and its distance after "Near me") that narrows as the reader
//! types (`model::places::city_search`: "munch" finds München). Arrow keys move through the list, Enter
//! chooses, Escape closes and restores the field; a tap or click chooses. The list is in the
//! page only while it is open, so a feed of 400 cities costs nothing until then.

use super::{dom_id, options};
use crate::edge::timer::after_paint;
use crate::model::listing::Listing;
use crate::model::places::city_search;
use crate::model::places::near::Unit;
use leptos::{ev, html, prelude::*, task::spawn_local};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{ScrollIntoViewOptions, ScrollLogicalPosition};

/// How many entries of the list go in at once (its box shows about seven).
const FIRST_ENTRIES: usize = 24;

/// One entry of the list: a city, or `None` for "All cities".
type Entry = Option<usize>;

/// The reader's distance to each city, once "Near me" found it (indexed like the cities).
pub type Distances = RwSignal<Option<Arc<Vec<Option<f64>>>>>;

/// Selects the field's text, so that typing replaces the city it shows.
fn select_all(field: NodeRef<html::Input>) {
    if let Some(input) = field.get_untracked() {
        input.select();
    }
}

#[component]
pub fn CityCombobox(
    /// The chosen city.
    city: Memo<Option<usize>>,
    /// Where a choice goes (the slug, kept in the page URL).
    selected: RwSignal<Option<String>>,
    /// Upcoming meetings per city.
    counts: Arc<Vec<usize>>,
    /// The cities in the order the list shows them: by name, or nearest first.
    order: Memo<Vec<usize>>,
    distances: Distances,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let options = options();
    let (lang, unit): (_, Unit) = (options.lang, options.distance_unit);
    let texts = lang.texts();
    let id = dom_id("city");
    let list_id = dom_id("cities");
    // An entry as a number (0: All cities), in its element's id and `data-entry`.
    let number = |e: Entry| e.map_or(0, |c| c + 1);
    let option_id = {
        let list_id = list_id.clone();
        move |e: Entry| format!("{list_id}-{}", number(e))
    };
    let label_of = {
        let listing = listing.clone();
        move |e: Entry| {
            e.map_or_else(|| texts.all_cities().to_string(), |c| listing.cities[c].label.clone())
        }
    };

    // What the reader is typing (`None`: the field shows the choice), whether the list is open,
    // and the entry the arrow keys are on.
    let query = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<Entry>);
    // Empty while the list is closed: closing it (a choice) then rebuilds no entry before the
    // list goes, and its memo is computed only when read.
    let shown = Memo::new({
        let listing = listing.clone();
        move |_| {
            if !open.get() {
                return Vec::new();
            }
            query.with(|q| match q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
                None => std::iter::once(None)
                    .chain(order.get().into_iter().map(Some))
                    .collect::<Vec<Entry>>(),
                // The labels' keys are made on the first letter typed, not at start-up.
                Some(q) => order.with(|order| {
                    city_search::matches(listing.city_keys(), order, q)
                        .into_iter()
                        .map(Some)
                        .collect()
                }),
            })
        }
    });

    // The field shows the chosen city whenever the reader is not typing.
    let field = NodeRef::<html::Input>::new();
    Effect::new({
        let label_of = label_of.clone();
        move |_| {
            let text = label_of(city.get());
            if let Some(input) =
                field.get().filter(|i| query.with(Option::is_none) && i.value() != text)
            {
                input.set_value(&text);
            }
        }
    });
    // The ARIA state of the field, its toggle and the list, set in one place: which entry the keys
    // are on (kept in view in a long list), and whether the list is open. (One effect instead
    // of an attribute closure per element and per entry: the same behaviour in fewer bytes of
    // wasm, bench/results.md.)
    let list = NodeRef::<html::Ul>::new();
    let toggle = NodeRef::<html::Button>::new();
    Effect::new({
        let option_id = option_id.clone();
        move |_| {
            let is_open = open.get();
            let at = active.get().filter(|_| is_open).map(&option_id);
            let expanded = if is_open { "true" } else { "false" };
            for element in
                [field.get().map(web_sys::Element::from), toggle.get().map(web_sys::Element::from)]
                    .into_iter()
                    .flatten()
            {
                let _ = element.set_attribute("aria-expanded", expanded);
            }
            if let Some(input) = field.get() {
                let _ = match &at {
                    Some(id) => input.set_attribute("aria-activedescendant", id),
                    None => input.remove_attribute("aria-activedescendant"),
                };
            }
            let Some(list) = list.get() else { return };
            if let Ok(marked) = list.query_selector_all("[aria-selected=true]") {
                for i in 0..marked.length() {
                    if let Some(e) =
                        marked.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = e.set_attribute("aria-selected", "false");
                    }
                }
            }
            if let Some(item) =
                at.and_then(|id| list.query_selector(&format!("[id='{id}']")).ok().flatten())
            {
                let _ = item.set_attribute("aria-selected", "true");
                let how = ScrollIntoViewOptions::new();
                how.set_block(ScrollLogicalPosition::Nearest);
                item.scroll_into_view_with_scroll_into_view_options(&how);
            }
        }
    });

    // Touches only what changes: a blur as the widget unmounts then wakes no view that is going.
    let close = move || {
        if query.with_untracked(Option::is_some) {
            query.set(None);
        }
        if open.get_untracked() {
            open.set(false);
        }
        if active.with_untracked(Option::is_some) {
            active.set(None);
        }
    };
    let choose = {
        let listing = listing.clone();
        let label_of = label_of.clone();
        move |e: Entry| {
            // The field shows the choice before the listings change: written later (by the effect
            // above), the new value would make the browser lay out the whole changed widget at once.
            if let Some(input) = field.get_untracked() {
                input.set_value(&label_of(e));
            }
            close();
            // Also when the URL names a city the feed lacks (no city shown, a slug kept): All
            // cities then clears it.
            if city.get_untracked() != e || selected.with_untracked(Option::is_some) != e.is_some()
            {
                selected.set(e.map(|c| listing.cities[c].slug.clone()));
            }
        }
    };
    // The list's first screenfuls go in at once, the rest of a long list after the next paint:
    // 400 entries cost a slow phone about 50 ms to build and lay out, which the tap that opens
    // the list, or each letter typed, would wait for.
    let whole = RwSignal::new(false);
    let in_parts = move || {
        whole.set(false);
        after_paint(move || {
            let _ = whole.try_set(true);
        });
    };
    let show_list = move || {
        if !open.get_untracked() {
            in_parts();
            open.set(true);
            active.set(Some(city.get_untracked()));
        }
    };
    // Moves the active entry `step` entries on, within the list.
    let move_by = move |step: isize| {
        shown.with_untracked(|list| {
            let Some(last) = list.len().checked_sub(1) else { return };
            let at = active.get_untracked().and_then(|a| list.iter().position(|&e| e == a));
            let next = match at {
                Some(i) => (i as isize + step).clamp(0, last as isize) as usize,
                None if step > 0 => 0,
                None => last,
            };
            active.set(Some(list[next]));
        });
    };
    let on_key = {
        let choose = choose.clone();
        move |ev: ev::KeyboardEvent| {
            let is_open = open.get_untracked();
            match ev.key().as_str() {
                "ArrowDown" if ev.alt_key() => show_list(),
                "ArrowDown" | "ArrowUp" if !is_open => show_list(),
                "ArrowDown" => move_by(1),
                "ArrowUp" => move_by(-1),
                "PageDown" if is_open => move_by(10),
                "PageUp" if is_open => move_by(-10),
                "Enter" if is_open => match active.get_untracked() {
                    Some(e) => choose(e),
                    None => close(),
                },
                "Escape" if is_open || query.with_untracked(Option::is_some) => close(),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let on_input = move |ev: ev::Event| {
        in_parts();
        query.set(Some(event_target_value(&ev)));
        open.set(true);
        // The best match is the one Enter takes.
        active.set(shown.with_untracked(|l| l.first().copied()));
    };

    let total: usize = counts.iter().sum();
    // One entry, as it is when the list is (re)built; the effect above keeps `aria-selected`.
    let item = {
        let option_id = option_id.clone();
        let label_of = label_of.clone();
        move |e: Entry, distances: Option<&[Option<f64>]>| {
            let count = e.map_or(total, |c| counts[c]);
            let distance =
                e.and_then(|c| distances?[c]).map(|km| format!(" · {}", unit.text(km, lang)));
            let class = if city.get_untracked() == e { "um-option um-chosen" } else { "um-option" };
            let selected = if active.get_untracked() == Some(e) { "true" } else { "false" };
            view! {
                <li role="option" id=option_id(e) class=class aria-selected=selected data-entry=number(e)>
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
                choose(n.checked_sub(1));
            }
        }
    };
    let no_match = move || {
        let typed = query.get().filter(|_| shown.with(Vec::is_empty))?;
        Some(
            view! { <p class="um-option-none" role="status">{lang.no_city_matches(typed.trim())}</p> },
        )
    };
    let popup = {
        let list_id = list_id.clone();
        move || {
            open.get().then(|| {
                let item = item.clone();
                // Rebuilt as the typed text narrows it: a few hundred plain entries at most.
                let entries = move || {
                    let list = shown.get();
                    // At first: enough to fill the list's box, and up to the entry the keys are on.
                    let at = active.get_untracked().and_then(|a| list.iter().position(|&e| e == a)).unwrap_or(0);
                    let first = if whole.get() { list.len() } else { at + FIRST_ENTRIES };
                    distances.with(|d| list.into_iter().take(first).map(|e| item(e, d.as_deref().map(Vec::as_slice))).collect_view())
                };
                view! {
                    // A press inside the list keeps the focus in the field (its blur would close the list
                    // before the click lands).
                    <div class="um-popup" on:mousedown=|ev| ev.prevent_default()>
                        <ul role="listbox" id=list_id.clone() class="um-listbox" aria-label=texts.city() node_ref=list on:click=on_list_click.clone()>
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
                aria-expanded="false"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                enterkeyhint="go"
                value=label_of(city.get_untracked())
                on:focus=move |_| select_all(field)
                // Selected again on a click: the click's own mouseup put the caret in the text,
                // and the first letters typed would land after "All cities".
                on:click=move |_| {
                    if query.with_untracked(Option::is_none) {
                        select_all(field);
                    }
                    show_list();
                }
                // WebKit drops that selection as the click's mouseup ends, unless the mouseup's
                // default (placing the caret) is prevented.
                on:mouseup=move |ev| {
                    if query.with_untracked(Option::is_none) {
                        ev.prevent_default();
                    }
                }
                on:keydown=on_key
                on:input=on_input
                // A moment later, and only if the widget is still there: Chromium blurs the field
                // as an unmount takes it out, and closing then would wake views that are going.
                on:blur=move |_| spawn_local(async move {
                    if !open.is_disposed() {
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
                aria-expanded="false"
                node_ref=toggle
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| {
                    if open.get_untracked() {
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
