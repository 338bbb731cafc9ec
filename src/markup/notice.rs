//! The quiet notice for the feed's publisher (`components/feed_notice.rs`): how many entries were
//! left out, and, folded away, every problem with where it is and what the widget did.

use super::html::Html;
use super::screen::Screen;

pub fn feed_notice(h: &mut Html, s: &Screen) {
    let lang = s.options.lang;
    let texts = lang.texts();
    let feed = &s.listing.feed;
    if feed.problems.is_empty() {
        return;
    }
    let left_out = feed.left_out();
    let summary = match left_out {
        0 => texts.feed_problems_details().to_string(),
        n => lang.left_out(n),
    };
    h.tag("details").class("um-problems").body();
    h.tag("summary").text_body("summary", &summary);
    h.tag("p").class("um-problems-for").text_body("p", texts.feed_problems_details());
    h.tag("ul").body();
    for p in &feed.problems {
        h.tag("li").body().tag("code").text_body("code", &p.path);
        h.text(" (").text(p.severity().word(lang)).text("): ").text(&p.kind.message(lang));
        h.end("li");
    }
    h.end("ul").end("details");
}
