//! The meetings of one campaign in one period (upcoming or past), as its card lists them: an
//! `<ol>` of the first `limit` (all once "Show more" lifts it), built the first time the card
//! comes into the page (`revealed`, a step of `reveal.rs`) and kept.

use super::meeting_item::MeetingItem;
use crate::model::index::{CampaignIndex, MeetingIndex};
use leptos::prelude::*;
use std::sync::Arc;

/// The first `limit` of `ids` (all of them without a limit).
fn first(ids: &[MeetingIndex], limit: Option<usize>) -> Vec<MeetingIndex> {
    ids[..limit.map_or(ids.len(), |n| n.min(ids.len()))].to_vec()
}

/// `meetings`: indices into the campaign's meetings, in date order.
#[component]
pub fn MeetingList(
    campaign: CampaignIndex,
    meetings: Arc<[MeetingIndex]>,
    limit: Signal<Option<usize>>,
    revealed: Signal<bool>,
    #[prop(optional)] past: bool,
) -> impl IntoView {
    let built =
        Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || revealed.get());
    view! {
        <ol class="um-meetings" class:um-past=past>
            <For
                each=move || if built.get() { first(&meetings, limit.get()) } else { Vec::new() }
                key=|m| *m
                let:meeting
            >
                <MeetingItem campaign meeting />
            </For>
        </ol>
    }
}
