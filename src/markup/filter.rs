//! The city row as it first shows (`components/city_filter.rs`, `city_combobox.rs`): the label,
//! the field with the chosen city, the button that opens the list (closed: its entries are not
//! in the page until then), "Near me" when the feed places a meeting on the map, and the empty
//! line under the row.

use super::html::Html;
use super::screen::Screen;

pub fn city_filter(h: &mut Html, s: &Screen) {
    let texts = s.options.lang.texts();
    let (id, list_id) = (s.dom_id("city"), s.dom_id("cities"));
    let label = s.city.map_or(texts.all_cities(), |c| &s.listing.city(c).label);
    let has_points = s.listing.places().any(|(_, p)| p.lat.is_some() && p.lon.is_some());
    h.tag("div").class("um-filter").body();
    h.tag("label").attr("for", &id).class("um-filter-label").text_body("label", texts.city());
    h.tag("div").class("um-combobox").body();
    h.tag("input")
        .attr("id", &id)
        .attr("type", "text")
        .attr("role", "combobox")
        .attr("aria-autocomplete", "list")
        .attr("aria-controls", &list_id)
        .attr("aria-expanded", "false")
        .attr("autocomplete", "off")
        .attr("autocapitalize", "off")
        .attr("spellcheck", "false")
        .attr("enterkeyhint", "go")
        .attr("value", label)
        .class("um-city-input")
        .body();
    h.tag("button")
        .attr("type", "button")
        .attr("tabindex", "-1")
        .attr("aria-label", texts.show_all_cities())
        .attr("aria-controls", &list_id)
        .attr("aria-expanded", "false")
        .class("um-combobox-toggle")
        .body();
    h.tag("span").attr("aria-hidden", "true").text_body("span", "▾").end("button");
    h.end("div");
    if has_points {
        h.tag("button")
            .attr("type", "button")
            .class("um-near-me")
            .text_body("button", texts.near_me());
    }
    h.tag("p").attr("role", "status").flag("hidden", true).class("um-near-status").body();
    h.end("p").end("div");
}
