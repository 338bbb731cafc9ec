//! A widget's first screen, whole: its root (`components/root.rs`), and in it the loading line,
//! or the listings as the app first renders them (`components/listings.rs`): the notice, the
//! city row, the cards for all cities (those of the first step listing their meetings:
//! `model::widget::reveal`), a chosen city's first cards, and the closed panel. And the static
//! page's listings, every meeting with a link where to sign up.

use super::card::campaign_card;
use super::filter::city_filter;
use super::html::Html;
use super::notice::feed_notice;
use super::screen::Screen;
use crate::model::listing::Period;
use crate::model::widget::options::Options;
use crate::model::widget::reveal::{Reveal, FIRST, SCREEN};

/// The widget's root element around `body`.
fn root(options: &Options, body: impl FnOnce(&mut Html)) -> String {
    let mut h = Html::new();
    let lang = options.lang;
    h.tag("div").attr("data-theme", options.theme.name()).attr("lang", lang.tag());
    h.attr("dir", lang.direction()).class("um");
    h.class_if("um-compact", options.compact).class_if("um-framed", options.framed).body();
    body(&mut h);
    h.end("div");
    h.finish()
}

/// The screen while the feed is on its way: the loading line once the widget has its words
/// (`words_in`), and the element's own content (`has_content`, through a `<slot>`) instead of
/// it where there is some.
pub fn loading(options: &Options, words_in: bool, has_content: bool) -> String {
    root(options, |h| {
        if words_in && !has_content {
            let loading = options.lang.texts().loading();
            h.tag("p").attr("role", "status").class("um-loading").text_body("p", loading);
        }
        if has_content {
            h.tag("slot").body().end("slot");
        }
    })
}

/// The line that says the app (what the widget's taps need) could not be fetched, with Retry:
/// the loader puts it under what the reader tapped on a painted screen.
pub fn not_loaded(options: &Options) -> String {
    let texts = options.lang.texts();
    let mut h = Html::new();
    h.tag("p").attr("role", "alert").class("um-later").body().text(texts.part_not_loaded());
    h.text(" ").tag("button").attr("type", "button").class("um-link-button").body();
    h.text(texts.retry()).end("button").end("p");
    h.finish()
}

/// A line for the reader in the listings' place (`role="status"`).
fn message<'h>(h: &'h mut Html, text: &str) -> &'h mut Html {
    h.tag("p").attr("role", "status").class("um-message").body().text(text)
}

/// The listings as the app first renders them.
pub fn listings(s: &Screen) -> String {
    let (options, listing) = (s.options, s.listing);
    let lang = options.lang;
    root(options, |h| {
        feed_notice(h, s);
        if let Some(id) = options.campaign.as_ref().filter(|_| listing.feed.campaigns.is_empty()) {
            message(h, &lang.no_campaign(id)).end("p");
        }
        city_filter(h, s);
        if let Some(slug) = s.selected.filter(|_| s.city.is_none()) {
            message(h, &lang.unknown_city(slug)).text(" ");
            h.tag("button").attr("type", "button").class("um-link-button").body();
            h.text(lang.texts().show_all_cities()).end("button").end("p");
        }
        if let Some(c) = s.city.filter(|&c| listing.campaigns(Some(c)).is_empty()) {
            message(h, &lang.none_in_city(&listing.city(c).label)).end("p");
        }
        let limit = options.limit.unwrap_or(usize::MAX);
        let plan = Reveal::new(
            listing
                .campaign_indices()
                .map(|c| listing.meetings(c, None, Period::Upcoming).take(limit).count()),
        );
        h.tag("div").flag("hidden", s.city.is_some()).class("um-campaigns").body();
        for index in listing.campaign_indices() {
            campaign_card(h, s, index, None, plan.shows(index.0, FIRST));
        }
        h.end("div");
        if let Some(city) = s.city {
            let campaigns = listing.campaigns(Some(city));
            let plan = Reveal::new(
                campaigns
                    .iter()
                    .map(|&c| listing.meetings(c, Some(city), Period::Upcoming).count()),
            );
            h.tag("div").class("um-campaigns").body();
            for (card, &index) in campaigns.iter().enumerate() {
                if plan.shows(card, SCREEN) {
                    campaign_card(h, s, index, Some(city), true);
                }
            }
            h.end("div");
        }
        h.tag("dialog").attr("aria-labelledby", &s.dom_id("panel-title")).class("um-panel");
        h.body().end("dialog");
    })
}

/// The static page's listings (`options.static_page`): every campaign with every meeting, the
/// city row only where a widget takes them over (`options.prerender`).
pub fn static_listings(s: &Screen) -> String {
    let mut h = Html::new();
    let lang = s.options.lang;
    h.tag("div").attr("lang", lang.tag()).attr("dir", lang.direction()).class("um um-static");
    h.body();
    feed_notice(&mut h, s);
    if s.options.prerender {
        city_filter(&mut h, s);
    }
    h.tag("div").class("um-campaigns").body();
    for index in s.listing.campaign_indices() {
        campaign_card(&mut h, s, index, None, true);
    }
    h.end("div").end("div");
    h.finish()
}
