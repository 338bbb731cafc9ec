//! One meeting in a card: when (venue wall-clock time), what, where, its status (a cancelled
//! meeting is struck through and says so), and the button that opens its RSVP panel (in the
//! static page, where no panel opens, a link to where to sign up).

use super::{lang, options, rsvp_panel::RsvpState};
use crate::intl;
use crate::model::{
    feed::{Meeting, Status},
    i18n::{Lang, Texts},
    listing::Listing,
    meeting_link,
    place_format::{street_line, venue_line},
    time_format::{describe, in_reader_zone},
    zone::Zone,
};
use leptos::{html, prelude::*};
use std::sync::Arc;

/// The visible status word, if the meeting is not simply scheduled.
pub fn status_text(texts: &'static Texts, status: Status) -> Option<&'static str> {
    match status {
        Status::Scheduled => None,
        Status::Cancelled => Some(texts.cancelled()),
        Status::Postponed => Some(texts.postponed()),
        Status::MovedOnline => Some(texts.moved_online()),
        Status::Tentative => Some(texts.tentative()),
    }
}

#[component]
pub fn MeetingItem(campaign: usize, meeting: usize) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let texts = lang.texts();
    let c = listing.campaign(campaign);
    let m: &Meeting = &c.meetings[meeting];
    let action = if options().static_page {
        m.sign_up_link(c).map(|link| {
            view! {
                <a class="um-button um-rsvp" href=link.url.as_str().to_string() target="_blank" rel="noopener noreferrer">
                    {texts.sign_up()}
                    <span class="um-sr">": " {m.display_title().to_string()}</span>
                </a>
            }
            .into_any()
        })
    } else {
        Some(rsvp_button(campaign, meeting, m.display_title().to_string()).into_any())
    };
    let title = m.display_title().to_string();
    let status = status_text(texts, m.status);
    view! {
        <li class="um-meeting" class:um-cancelled=m.status == Status::Cancelled>
            {when_line(lang, m)}
            <h3 class="um-meeting-title">
                {m.is_rally().then(|| view! { <span class="um-badge um-badge-rally">{texts.rally()}</span> " " })}
                <span dir="auto" class="um-title-text">{title.clone()}</span>
            </h3>
            {status.map(|s| view! { <p class="um-status"><span class="um-badge um-badge-status">{s}</span></p> })}
            <p class="um-where">
                {venue_line(&m.place, m.title.is_none()).map(|v| view! { <span dir="auto" class="um-venue">{v}</span> })}
                <span dir="auto" class="um-street">{street_line(&m.place)}</span>
            </p>
            {m.note.clone().map(|n| view! { <p dir="auto" class="um-note">{n}</p> })}
            {(!m.speakers.is_empty()).then(|| view! { <p dir="auto" class="um-with">{lang.with_speakers(&m.speakers.join(", "))}</p> })}
            {action}
        </li>
    }
}

/// When a meeting is, at its venue; a meeting one can join online also at the reader's own
/// clock, where that reads differently ("7:00 PM GMT+2 · 10:00 AM your time").
pub fn when_line(lang: Lang, m: &Meeting) -> impl IntoView {
    let when = describe(lang, &m.when, m.zone());
    let online = m.online.is_some() || m.status == Status::MovedOnline;
    let yours = online
        .then(intl::reader_zone)
        .flatten()
        .and_then(|z| Zone::get(&z))
        .and_then(|reader| in_reader_zone(lang, &m.when, &reader));
    view! {
        <p class="um-when">
            <time datetime=when.datetime class="um-date">{when.date}</time>
            {(!when.time.is_empty()).then(|| view! {
                <span class="um-time">{when.time}{yours.map(|y| view! { <span class="um-your-time">" · " {y}</span> })}</span>
            })}
        </p>
    }
}

/// The button that opens the meeting's RSVP panel.
fn rsvp_button(campaign: usize, meeting: usize, title: String) -> impl IntoView {
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
