//! "Add to calendar": a meeting's calendar file and Google Calendar link in its RSVP panel, and
//! a campaign card's calendar file of its upcoming meetings in the chosen city. The files are
//! made in the browser by `model/export/ics.rs` (the command line's `ics` uses the same), by code
//! that comes later (`edge::later`: on the first tap, if the page was not idle before), and saved
//! by `edge/download.rs`; the Google link is a plain link. Nothing for a meeting with no date, and
//! nothing in the static page (a file made on a tap needs the widget).

use super::{external_link::ExternalLink, lang, later::not_loaded, options};
use crate::edge::later::{later, NotLoaded};
use crate::edge::{clock, download, url_state};
use crate::model::export::{google_calendar, ics};
use crate::model::feed::links::host_of;
use crate::model::index::{CampaignIndex, CityIndex, MeetingIndex};
use crate::model::listing::Listing;
use chrono::{DateTime, Utc};
use leptos::{prelude::*, task::spawn_local};
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

later! {
    /// The calendar file of these meetings.
    pub fn calendar_text / preload_calendar_text(
        listing: Arc<Listing>,
        meetings: Vec<(CampaignIndex, MeetingIndex)>,
        host: String,
        now: DateTime<Utc>,
    ) -> String {
        let pairs = meetings.iter().map(|&(c, m)| (listing.campaign(c), listing.meeting(c, m)));
        ics::calendar(pairs, &host, now)
    }
}

/// Saves the calendar file of `meetings` as `name`; `failed` says whether its code could not be
/// fetched.
fn save(name: String, meetings: Vec<(CampaignIndex, MeetingIndex)>, failed: RwSignal<bool>) {
    let listing = expect_context::<Arc<Listing>>();
    let host = host();
    spawn_local(async move {
        let text = calendar_text(listing, meetings, host, clock::now()).await;
        // try_: the widget may have gone while the code came.
        failed.try_set(text == Err(NotLoaded));
        if let Ok(text) = text {
            download::save(&name, "text/calendar;charset=utf-8", &text);
        }
    });
}

/// The panel's section: the meeting as a calendar file, and as a Google Calendar link.
#[component]
pub fn MeetingCalendar(campaign: CampaignIndex, meeting: MeetingIndex) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let c = listing.campaign(campaign);
    let google = google_calendar::link(c, listing.meeting(campaign, meeting))?;
    let failed = RwSignal::new(false);
    let on_save = move |_| {
        let name =
            file_name(&[&listing.campaign(campaign).id, &listing.meeting(campaign, meeting).id]);
        save(name, vec![(campaign, meeting)], failed);
    };
    Some(view! {
        <section class="um-panel-section um-calendar">
            <h3 class="um-label">{texts.add_to_calendar()}</h3>
            <ul class="um-links">
                <li>
                    <button type="button" class="um-link-button" on:click=on_save>
                        {texts.calendar_file()}
                    </button>
                    {not_loaded(failed)}
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
    let failed = RwSignal::new(false);
    let on_save = move |_| {
        let c = listing.campaign(campaign);
        let slug = city.map(|i| listing.city(i).slug.as_str());
        let name = file_name(&[&[c.id.as_str()][..], slug.as_slice()].concat());
        save(name, meetings.iter().map(|&m| (campaign, m)).collect(), failed);
    };
    (dated > 0).then(|| {
        view! {
            <p class="um-card-calendar">
                <button type="button" class="um-link-button" on:click=on_save>
                    {lang().calendar_of(dated)}
                </button>
                {not_loaded(failed)}
            </p>
        }
    })
}
