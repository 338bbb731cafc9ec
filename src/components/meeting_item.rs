//! One meeting in a card: when (venue wall-clock time), what, where, its status (a cancelled
//! meeting is struck through and says so), and the button that opens its RSVP panel.

use super::meeting_details::{status_badge, what_and_who, when_line, where_line};
use super::{lang, rsvp_state::RsvpState};
use crate::model::feed::types::{Meeting, Status};
use crate::model::index::{CampaignIndex, MeetingIndex};
use crate::model::listing::Listing;
use crate::model::widget::meeting_link;
use leptos::{html, prelude::*};
use std::sync::Arc;

#[component]
pub fn MeetingItem(campaign: CampaignIndex, meeting: MeetingIndex) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let texts = lang.texts();
    let m: &Meeting = listing.meeting(campaign, meeting);
    let title = m.display_title().to_string();
    view! {
        <li class="um-meeting" class:um-cancelled=m.status == Status::Cancelled>
            {when_line(lang, m)}
            <h3 class="um-meeting-title">
                {m.is_rally().then(|| view! {
                    <span class="um-badge um-badge-rally">{texts.rally()}</span>
                    " "
                })}
                <span dir="auto" class="um-title-text">{title.clone()}</span>
            </h3>
            {status_badge(texts, m.status)}
            {where_line(m)}
            {what_and_who(lang, m)}
            {rsvp_button(campaign, meeting, title.clone())}
        </li>
    }
}

/// The button that opens the meeting's RSVP panel.
fn rsvp_button(campaign: CampaignIndex, meeting: MeetingIndex, title: String) -> impl IntoView {
    let rsvp = expect_context::<RsvpState>();
    let link = meeting_link::value(&expect_context::<Arc<Listing>>(), campaign, meeting);
    let button = NodeRef::<html::Button>::new();
    view! {
        <button
            type="button"
            class="um-button um-rsvp"
            aria-haspopup="dialog"
            node_ref=button
            on:click=move |_| rsvp.open(link.clone(), button)
        >
            {lang().texts().rsvp_details()}
            <span class="um-sr">": " {title}</span>
        </button>
    }
}
