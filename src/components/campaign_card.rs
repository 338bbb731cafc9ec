//! One campaign as an `<article>`: title, subtitle, kind, summary with "Read more", speakers,
//! sponsors, tags, links, notice, and its meetings for the chosen city in date order, with
//! past meetings folded away. The folds are `<details>`, so they work before the app has come
//! (in the first screen the first-paint module writes) and without JavaScript.

use super::{
    add_to_calendar::CampaignCalendar, dom_id, external_link::ExternalLink, lang,
    meeting_list::MeetingList, options,
};
use crate::model::feed::types::Campaign;
use crate::model::index::{CampaignIndex, CityIndex, MeetingIndex};
use crate::model::listing::{Listing, Period};
use leptos::prelude::*;
use std::sync::Arc;

/// Campaign `index`'s card for `city` (`None`: all cities). A card for all cities is in the
/// page from the start, hidden until `revealed` (a step of `reveal.rs`); a city's card is made
/// when the city is chosen, and nothing in it changes with the city.
#[component]
pub fn CampaignCard(
    index: CampaignIndex,
    city: Option<CityIndex>,
    revealed: Signal<bool>,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let upcoming: Arc<[MeetingIndex]> = listing.meetings(index, city, Period::Upcoming).collect();
    let past: Arc<[MeetingIndex]> = listing.meetings(index, city, Period::Past).collect();
    let options = options();
    let show_past = options.show_past;
    // With `data-limit`, the first few upcoming meetings, and a toggle for the rest.
    let show_all = RwSignal::new(false);
    let limit = options.limit;
    let upcoming_limit = Signal::derive(move || limit.filter(|_| !show_all.get()));
    let beyond_limit = limit.map_or(0, |n| upcoming.len().saturating_sub(n));
    let c: &Campaign = listing.campaign(index);
    // Unique in the document: a city's card and the hidden one for all cities are both in it.
    let heading = dom_id(&match city {
        Some(city) => format!("c{}-in{}", index.0, city.0),
        None => format!("c{}", index.0),
    });
    let labelledby = heading.clone();
    let empty = (upcoming.is_empty() && c.notice.is_none())
        .then(|| view! { <p class="um-empty">{texts.no_meetings_yet()}</p> });
    let past_count = past.len();

    view! {
        <article class="um-card" aria-labelledby=labelledby hidden=move || !revealed.get()>
            {c.image.as_ref().map(|img| view! {
                <img
                    class="um-image"
                    src=img.url.as_str().to_string()
                    alt=img.alt.clone()
                    loading="lazy"
                    decoding="async"
                />
            })}
            <header class="um-card-head">
                {c.kind.clone().map(|k| view! { <p dir="auto" class="um-kind">{k}</p> })}
                <h2 dir="auto" class="um-card-title" id=heading>{c.title.clone()}</h2>
                {c.subtitle.clone().map(|s| view! { <p dir="auto" class="um-subtitle">{s}</p> })}
            </header>
            <Summary campaign=index />
            {(!c.speakers.is_empty()).then(|| view! {
                <div class="um-speakers">
                    <h3 class="um-label">{texts.speakers()}</h3>
                    <ul>
                        {c.speakers.iter().map(|s| view! {
                            <li dir="auto">
                                <strong>{s.name.clone()}</strong>
                                {s.bio.clone().map(|b| view! { ", " {b} })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {(!c.sponsors.is_empty()).then(|| view! {
                <p class="um-sponsors">
                    <span class="um-label">{texts.sponsored_by()} ": "</span>
                    <bdi>{c.sponsors.join(", ")}</bdi>
                </p>
            })}
            {(!c.tags.is_empty()).then(|| view! {
                <ul class="um-tags">
                    {c.tags.iter().map(|t| view! {
                        <li dir="auto">{t.clone()}</li>
                    }).collect_view()}
                </ul>
            })}
            {(!c.links.is_empty()).then(|| view! {
                <ul class="um-links">
                    {c.links.iter().map(|l| view! {
                        <li><ExternalLink url=l.url.clone() label=l.label.clone() /></li>
                    }).collect_view()}
                </ul>
            })}
            {c.notice.clone().map(|n| view! { <p dir="auto" class="um-notice">{n}</p> })}
            <h3 class="um-sr">{texts.meetings()}</h3>
            <MeetingList campaign=index meetings=upcoming.clone() limit=upcoming_limit revealed />
            {(beyond_limit > 0).then(|| view! {
                <button
                    type="button"
                    class="um-link-button um-more-toggle"
                    aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|s| *s = !*s)
                >
                    {move || if show_all.get() {
                        texts.show_fewer().to_string()
                    } else {
                        lang().show_more(beyond_limit)
                    }}
                </button>
            })}
            <CampaignCalendar campaign=index meetings=upcoming city />
            {empty}
            {(past_count > 0).then(|| view! {
                <details class="um-fold um-past-fold" open=show_past>
                    <summary class="um-link-button">
                        <span class="um-fold-closed">{lang().show_past(past_count)}</span>
                        <span class="um-fold-open">{texts.hide_past()}</span>
                    </summary>
                    <MeetingList
                        campaign=index
                        meetings=past
                        limit=Signal::stored(None)
                        revealed=Signal::stored(true)
                        past=true
                    />
                </details>
            })}
        </article>
    }
}

/// The summary, folded on a phone-friendly length: its first paragraph cut to a few lines and
/// the rest in a `<details>` fold; and "Read more" when the campaign has a page of its own.
#[component]
fn Summary(campaign: CampaignIndex) -> impl IntoView {
    /// A first paragraph longer than this is folded too, even alone.
    const FOLD_CHARS: usize = 240;
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let c = listing.campaign(campaign);
    let first = c.summary.first().cloned();
    let rest: Vec<String> = c.summary.iter().skip(1).cloned().collect();
    let foldable =
        !rest.is_empty() || first.as_ref().is_some_and(|p| p.chars().count() > FOLD_CHARS);
    view! {
        <div class="um-summary">
            {first.map(|p| view! { <p dir="auto">{p}</p> })}
            {foldable.then(|| view! {
                <details class="um-fold um-summary-fold">
                    <summary class="um-link-button">
                        <span class="um-fold-closed">{texts.more_description()}</span>
                        <span class="um-fold-open">{texts.less_description()}</span>
                    </summary>
                    {rest.into_iter().map(|p| view! { <p dir="auto">{p}</p> }).collect_view()}
                </details>
            })}
            {c.url.clone().map(|url| view! {
                <p class="um-read-more">
                    <ExternalLink url label=texts.read_more().to_string() />
                </p>
            })}
        </div>
    }
}
