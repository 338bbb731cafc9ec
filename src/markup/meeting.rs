//! One meeting as its card lists it (`components/meeting_item.rs` and `meeting_details.rs`):
//! when, what, where, its status, and the button that opens its panel; in the static page, the
//! link where to sign up instead.

use super::html::Html;
use super::screen::Screen;
use crate::intl;
use crate::model::feed::types::{Meeting, Status};
use crate::model::feed::zone::Zone;
use crate::model::index::{CampaignIndex, MeetingIndex};
use crate::model::places::place_format::{street_line, venue_line};
use crate::model::words::i18n::{Lang, Texts};
use crate::model::words::time_format::{describe, in_reader_zone};

/// The visible status word, if the meeting is not simply scheduled.
fn status_badge(h: &mut Html, texts: &Texts, status: Status) {
    let word = match status {
        Status::Scheduled => return,
        Status::Cancelled => texts.cancelled(),
        Status::Postponed => texts.postponed(),
        Status::MovedOnline => texts.moved_online(),
        Status::Tentative => texts.tentative(),
    };
    h.tag("p").class("um-status").body();
    h.tag("span").class("um-badge um-badge-status").text_body("span", word).end("p");
}

/// When, at the venue; an online meeting also at the reader's own clock where that differs.
fn when_line(h: &mut Html, lang: Lang, m: &Meeting) {
    let when = describe(lang, &m.when, m.zone());
    let online = m.online.is_some() || m.status == Status::MovedOnline;
    let yours = online
        .then(intl::reader_zone)
        .flatten()
        .and_then(|z| Zone::get(&z))
        .and_then(|reader| in_reader_zone(lang, &m.when, &reader));
    h.tag("p").class("um-when").body();
    h.tag("time")
        .attr_if("datetime", when.datetime.as_deref())
        .class("um-date")
        .text_body("time", &when.date);
    if !when.time.is_empty() {
        h.tag("span").class("um-time").body().text(&when.time);
        if let Some(yours) = yours {
            h.tag("span").class("um-your-time").body().text(" · ").text(&yours).end("span");
        }
        h.end("span");
    }
    h.end("p");
}

/// The venue and its street.
fn where_line(h: &mut Html, m: &Meeting) {
    h.tag("p").class("um-where").body();
    if let Some(venue) = venue_line(&m.place, m.title.is_none()) {
        h.tag("span").attr("dir", "auto").class("um-venue").text_body("span", &venue);
    }
    h.tag("span").attr("dir", "auto").class("um-street").text_body("span", &street_line(&m.place));
    h.end("p");
}

/// The publisher's note, and who speaks.
fn what_and_who(h: &mut Html, lang: Lang, m: &Meeting) {
    if let Some(note) = &m.note {
        h.tag("p").attr("dir", "auto").class("um-note").text_body("p", note);
    }
    if !m.speakers.is_empty() {
        let with = lang.with_speakers(&m.speakers.join(", "));
        h.tag("p").attr("dir", "auto").class("um-with").text_body("p", &with);
    }
}

/// Meeting `meeting` of campaign `campaign` as an item of its card's list.
pub fn meeting_item(h: &mut Html, s: &Screen, campaign: CampaignIndex, meeting: MeetingIndex) {
    let lang = s.options.lang;
    let texts = lang.texts();
    let c = s.listing.campaign(campaign);
    let m = s.listing.meeting(campaign, meeting);
    let title = m.display_title();
    h.tag("li").class("um-meeting").class_if("um-cancelled", m.status == Status::Cancelled);
    h.body();
    when_line(h, lang, m);
    h.tag("h3").class("um-meeting-title").body();
    if m.is_rally() {
        h.tag("span").class("um-badge um-badge-rally").text_body("span", texts.rally()).text(" ");
    }
    h.tag("span").attr("dir", "auto").class("um-title-text").text_body("span", title);
    h.end("h3");
    status_badge(h, texts, m.status);
    where_line(h, m);
    what_and_who(h, lang, m);
    let label = |h: &mut Html, words: &str| {
        h.text(words).tag("span").class("um-sr").body().text(": ").text(title).end("span");
    };
    if s.options.static_page {
        if let Some(link) = m.sign_up_link(c) {
            h.tag("a")
                .attr("href", link.url.as_str())
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer")
                .class("um-button um-rsvp")
                .body();
            label(h, texts.sign_up());
            h.end("a");
        }
    } else {
        h.tag("button")
            .attr("type", "button")
            .attr("aria-haspopup", "dialog")
            .class("um-button um-rsvp")
            .body();
        label(h, texts.rsvp_details());
        h.end("button");
    }
    h.end("li");
}
