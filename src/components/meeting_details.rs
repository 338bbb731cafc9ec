//! A meeting's details as both the card's list and the RSVP panel show them: its status, when
//! (at the venue, and at the reader's clock for a meeting one can join online), where, and its
//! note and speakers.

use crate::intl;
use crate::model::feed::types::{Meeting, Status};
use crate::model::feed::zone::Zone;
use crate::model::places::place_format::{street_line, venue_line};
use crate::model::words::i18n::{Lang, Texts};
use crate::model::words::time_format::{describe, in_reader_zone};
use leptos::prelude::*;

/// The visible status word, if the meeting is not simply scheduled.
pub fn status_badge(texts: &'static Texts, status: Status) -> Option<impl IntoView> {
    let word = match status {
        Status::Scheduled => return None,
        Status::Cancelled => texts.cancelled(),
        Status::Postponed => texts.postponed(),
        Status::MovedOnline => texts.moved_online(),
        Status::Tentative => texts.tentative(),
    };
    Some(view! { <p class="um-status"><span class="um-badge um-badge-status">{word}</span></p> })
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
                <span class="um-time">
                    {when.time}
                    {yours.map(|y| view! { <span class="um-your-time">" · " {y}</span> })}
                </span>
            })}
        </p>
    }
}

/// The venue and its street.
pub fn where_line(m: &Meeting) -> impl IntoView {
    view! {
        <p class="um-where">
            {venue_line(&m.place, m.title.is_none()).map(|v| view! {
                <span dir="auto" class="um-venue">{v}</span>
            })}
            <span dir="auto" class="um-street">{street_line(&m.place)}</span>
        </p>
    }
}

/// The publisher's note, and who speaks.
pub fn what_and_who(lang: Lang, m: &Meeting) -> impl IntoView {
    view! {
        {m.note.clone().map(|n| view! { <p dir="auto" class="um-note">{n}</p> })}
        {(!m.speakers.is_empty()).then(|| view! {
            <p dir="auto" class="um-with">{lang.with_speakers(&m.speakers.join(", "))}</p>
        })}
    }
}
