//! "Add to calendar": a meeting's calendar file and Google Calendar link in its RSVP panel, and
//! a campaign card's calendar file of its upcoming meetings in the chosen city. The files are
//! made in the browser by `model/export/ics.rs` (the command line's `ics` uses the same) and saved
//! by `edge/download.rs`; the Google link is a plain link. Nothing for a meeting with no date, and
//! nothing in the static page (a file made on a tap needs the widget).

use super::{external_link::ExternalLink, lang, options};
use crate::edge::{clock, download, url_state};
use crate::model::export::{google_calendar, ics};
use crate::model::feed::links::host_of;
use crate::model::index::{CampaignIndex, CityIndex, MeetingIndex};
use crate::model::listing::Listing;
use leptos::prelude::*;
use std::sync::Arc;

/// The host that names the events (their UID is `campaign.meeting@host`): the feed's, or the
/// page's for a feed on the page's own site.
fn host() -> String {
    options()
        .feed_url
        .as_ref()
        .ok()
        .and_then(|u| host_of(u))
        .or_else(url_state::page_host)
        .unwrap_or_else(|| "upcoming-meetings.invalid".to_string())
}

/// A file name of letters, digits, `-`, `_` and `.` only.
fn file_name(parts: &[&str]) -> String {
    let name: String = parts
        .join("-")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '-' })
        .collect();
    format!("{name}.ics")
}

/// Saves the calendar file of `meetings` as `name`.
fn save(name: &str, meetings: &[(CampaignIndex, MeetingIndex)]) {
    let listing = expect_context::<Arc<Listing>>();
    let pairs = meetings.iter().map(|&(c, m)| (listing.campaign(c), listing.meeting(c, m)));
    let text = ics::calendar(pairs, &host(), clock::now());
    download::save(name, "text/calendar;charset=utf-8", &text);
}

/// The panel's section: the meeting as a calendar file, and as a Google Calendar link.
#[component]
pub fn MeetingCalendar(campaign: CampaignIndex, meeting: MeetingIndex) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let c = listing.campaign(campaign);
    let google = google_calendar::link(c, listing.meeting(campaign, meeting))?;
    let on_save = move |_| {
        let name =
            file_name(&[&listing.campaign(campaign).id, &listing.meeting(campaign, meeting).id]);
        save(&name, &[(campaign, meeting)]);
    };
    Some(view! {
        <section class="um-panel-section um-calendar">
            <h3 class="um-label">{texts.add_to_calendar()}</h3>
            <ul class="um-links">
                <li>
                    <button type="button" class="um-link-button" on:click=on_save>
                        {texts.calendar_file()}
                    </button>
                </li>
                <li><ExternalLink url=google label=texts.google_calendar().to_string() /></li>
            </ul>
        </section>
    })
}

/// The card's calendar file: the upcoming meetings with a date that the card lists (in its
/// city, or all), read from the card's own list rather than worked out again.
#[component]
pub fn CampaignCalendar(
    campaign: CampaignIndex,
    meetings: Arc<[MeetingIndex]>,
    city: Option<CityIndex>,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let dated = meetings.iter().filter(|&&m| listing.meeting(campaign, m).when.has_date()).count();
    let on_save = move |_| {
        let c = listing.campaign(campaign);
        let slug = city.map(|i| listing.city(i).slug.as_str());
        let name = file_name(&[&[c.id.as_str()][..], slug.as_slice()].concat());
        save(&name, &meetings.iter().map(|&m| (campaign, m)).collect::<Vec<_>>());
    };
    (dated > 0).then(|| {
        view! {
            <p class="um-card-calendar">
                <button type="button" class="um-link-button" on:click=on_save>
                    {lang().calendar_of(dated)}
                </button>
            </p>
        }
    })
}
