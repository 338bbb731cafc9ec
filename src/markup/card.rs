//! One campaign as an `<article>` (`components/campaign_card.rs`): title, subtitle, kind,
//! summary with its fold and "Read more", speakers, sponsors, tags, links, notice, its meetings
//! for the chosen city, "Show N more", the calendar file, and the past meetings folded away.

use super::html::Html;
use super::meeting::meeting_item;
use super::screen::Screen;
use crate::model::feed::links::SafeUrl;
use crate::model::index::{CampaignIndex, CityIndex, MeetingIndex};
use crate::model::listing::Period;

/// A link out of the widget (`components/external_link.rs`): a new tab without opener or
/// referrer, except for an e-mail address.
pub fn external_link(h: &mut Html, s: &Screen, url: &SafeUrl, label: &str) {
    let mail = url.is_mailto();
    h.tag("a")
        .attr("href", url.as_str())
        .attr_if("target", (!mail).then_some("_blank"))
        .attr("rel", "noopener noreferrer")
        .body()
        .text(label);
    if !mail {
        let new_tab = s.options.lang.texts().new_tab();
        h.tag("span").class("um-sr").body().text(" ").text(new_tab).end("span");
    }
    h.end("a");
}

/// A list of meetings (`components/meeting_list.rs`): the first `limit` of `meetings`, built
/// once the card is `revealed`.
fn meeting_list(
    h: &mut Html,
    s: &Screen,
    campaign: CampaignIndex,
    meetings: &[MeetingIndex],
    limit: Option<usize>,
    revealed: bool,
    past: bool,
) {
    h.tag("ol").class("um-meetings").class_if("um-past", past).body();
    if revealed {
        let shown = limit.map_or(meetings.len(), |n| n.min(meetings.len()));
        for &m in &meetings[..shown] {
            meeting_item(h, s, campaign, m);
        }
    }
    h.end("ol");
}

/// The summary, its first paragraph shown and the rest folded, and "Read more".
fn summary(h: &mut Html, s: &Screen, campaign: CampaignIndex) {
    /// As `components/campaign_card.rs`: a first paragraph longer than this is folded too.
    const FOLD_CHARS: usize = 240;
    let texts = s.options.lang.texts();
    let c = s.listing.campaign(campaign);
    let first = c.summary.first();
    let rest = c.summary.get(1..).unwrap_or_default();
    let foldable = !rest.is_empty() || first.is_some_and(|p| p.chars().count() > FOLD_CHARS);
    h.tag("div").class("um-summary").body();
    if let Some(p) = first {
        h.tag("p").attr("dir", "auto").text_body("p", p);
    }
    if foldable {
        h.tag("details").class("um-fold um-summary-fold").body();
        fold_summary(h, texts.more_description(), texts.less_description());
        for p in rest {
            h.tag("p").attr("dir", "auto").text_body("p", p);
        }
        h.end("details");
    }
    if let Some(url) = &c.url {
        h.tag("p").class("um-read-more").body();
        external_link(h, s, url, texts.read_more());
        h.end("p");
    }
    h.end("div");
}

/// A fold's `<summary>`: the words to open it, and those to close it.
fn fold_summary(h: &mut Html, closed: &str, open: &str) {
    h.tag("summary").class("um-link-button").body();
    h.tag("span").class("um-fold-closed").text_body("span", closed);
    h.tag("span").class("um-fold-open").text_body("span", open);
    h.end("summary");
}

/// Campaign `index`'s card for `city` (`None`: all cities), its meetings listed if `revealed`.
pub fn campaign_card(
    h: &mut Html,
    s: &Screen,
    index: CampaignIndex,
    city: Option<CityIndex>,
    revealed: bool,
) {
    let (listing, options) = (s.listing, s.options);
    let lang = options.lang;
    let texts = lang.texts();
    let c = listing.campaign(index);
    let upcoming: Vec<MeetingIndex> = listing.meetings(index, city, Period::Upcoming).collect();
    let past: Vec<MeetingIndex> = listing.meetings(index, city, Period::Past).collect();
    let beyond_limit = options.limit.map_or(0, |n| upcoming.len().saturating_sub(n));
    let heading = match city {
        Some(city) => s.dom_id(&format!("c{}-in{}", index.0, city.0)),
        None => s.dom_id(&format!("c{}", index.0)),
    };
    h.tag("article").attr("aria-labelledby", &heading).flag("hidden", !revealed);
    h.class("um-card").body();
    if let Some(img) = &c.image {
        h.tag("img")
            .attr("src", img.url.as_str())
            .attr("alt", &img.alt)
            .attr("loading", "lazy")
            .attr("decoding", "async")
            .class("um-image")
            .body();
    }
    h.tag("header").class("um-card-head").body();
    if let Some(kind) = &c.kind {
        h.tag("p").attr("dir", "auto").class("um-kind").text_body("p", kind);
    }
    h.tag("h2")
        .attr("dir", "auto")
        .attr("id", &heading)
        .class("um-card-title")
        .text_body("h2", &c.title);
    if let Some(subtitle) = &c.subtitle {
        h.tag("p").attr("dir", "auto").class("um-subtitle").text_body("p", subtitle);
    }
    h.end("header");
    summary(h, s, index);
    if !c.speakers.is_empty() {
        h.tag("div").class("um-speakers").body();
        h.tag("h3").class("um-label").text_body("h3", texts.speakers());
        h.tag("ul").body();
        for speaker in &c.speakers {
            h.tag("li").attr("dir", "auto").body();
            h.tag("strong").text_body("strong", &speaker.name);
            if let Some(bio) = &speaker.bio {
                h.text(", ").text(bio);
            }
            h.end("li");
        }
        h.end("ul").end("div");
    }
    if !c.sponsors.is_empty() {
        h.tag("p").class("um-sponsors").body();
        h.tag("span").class("um-label").body().text(texts.sponsored_by()).text(": ").end("span");
        h.tag("bdi").text_body("bdi", &c.sponsors.join(", "));
        h.end("p");
    }
    if !c.tags.is_empty() {
        h.tag("ul").class("um-tags").body();
        for tag in &c.tags {
            h.tag("li").attr("dir", "auto").text_body("li", tag);
        }
        h.end("ul");
    }
    if !c.links.is_empty() {
        h.tag("ul").class("um-links").body();
        for link in &c.links {
            h.tag("li").body();
            external_link(h, s, &link.url, &link.label);
            h.end("li");
        }
        h.end("ul");
    }
    if let Some(notice) = &c.notice {
        h.tag("p").attr("dir", "auto").class("um-notice").text_body("p", notice);
    }
    h.tag("h3").class("um-sr").text_body("h3", texts.meetings());
    meeting_list(h, s, index, &upcoming, options.limit, revealed, false);
    if beyond_limit > 0 {
        h.tag("button")
            .attr("type", "button")
            .attr("aria-expanded", "false")
            .class("um-link-button um-more-toggle")
            .body()
            .text(&lang.show_more(beyond_limit))
            .end("button");
    }
    if !options.static_page || options.prerender {
        let dated = upcoming.iter().filter(|&&m| listing.meeting(index, m).when.has_date()).count();
        if dated > 0 {
            h.tag("p").class("um-card-calendar").body();
            h.tag("button").attr("type", "button").class("um-link-button").body();
            h.text(&lang.calendar_of(dated)).end("button").end("p");
        }
    }
    if upcoming.is_empty() && c.notice.is_none() {
        h.tag("p").class("um-empty").text_body("p", texts.no_meetings_yet());
    }
    if !past.is_empty() {
        h.tag("details").flag("open", options.show_past).class("um-fold um-past-fold").body();
        fold_summary(h, &lang.show_past(past.len()), texts.hide_past());
        meeting_list(h, s, index, &past, None, true, true);
        h.end("details");
    }
    h.end("article");
}
