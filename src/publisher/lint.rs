//! The warnings of `check`: what the widget shows as it is, but a publisher would want to know.
//! Meetings already past, a meeting nobody can sign up for, a time whose offset disagrees with
//! its `time_zone` (or a zone no browser knows), `http:` links, a cancelled meeting with no
//! note, and one venue spelled two ways in a city. Zones are the model's (`model/feed/zone.rs`):
//! the IANA database (jiff) on the command line, the browser's own (`Intl`) on the check page.

use crate::model::feed::json::{Document, Value};
use crate::model::feed::read::id_text;
use crate::model::feed::text::quoted;
use crate::model::feed::time::{show_offset, When};
use crate::model::feed::types::{Campaign, Feed, Meeting, Status};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// One warning: what, where (a node of the document) and the fix.
#[derive(Debug)]
pub struct Warning {
    pub at: Option<u32>,
    pub entry: String,
    pub message: String,
    pub fix: String,
}

/// A venue's name as written, the node it is written at, and its meeting.
type Spelling = (String, Option<u32>, String);

/// A campaign or meeting of the parsed feed, found again in the document by its id.
struct Entry<'d, 't> {
    value: Value<'d, 't>,
    name: String,
}

fn find<'d, 't>(list: Option<Value<'d, 't>>, id: &str, what: &str) -> Option<Entry<'d, 't>> {
    // The first with this id: the parser leaves out later ones.
    let (index, value) = list?
        .items()?
        .enumerate()
        .find(|(_, v)| v.get("id").and_then(id_text).as_deref() == Some(id))?;
    Some(Entry { value, name: format!("{what}[{index}] {}", quoted(id)) })
}

/// The warnings for a feed the widget accepted, whose text is `document`, at `now`.
pub fn warnings(feed: &Feed, document: &Document, now: DateTime<Utc>) -> Vec<Warning> {
    let mut out = Vec::new();
    let root = document.root();
    if let Some(url) = feed.publisher.as_ref().and_then(|p| p.url.as_ref()) {
        http_link(
            &mut out,
            url.as_str(),
            root.get("publisher").and_then(|p| p.get("url")),
            "publisher".to_string(),
        );
    }
    // Venue spellings per city: the city (as first written), then the venue's squeezed name,
    // then its spellings, each with where it first appears.
    let mut venues: BTreeMap<String, (String, BTreeMap<String, Vec<Spelling>>)> = BTreeMap::new();
    for c in &feed.campaigns {
        let Some(campaign) = find(root.get("campaigns"), &c.id, "campaigns") else { continue };
        if let Some(url) = &c.url {
            http_link(&mut out, url.as_str(), campaign.value.get("url"), campaign.name.clone());
        }
        for (i, link) in c.links.iter().enumerate() {
            let node =
                campaign.value.get("links").and_then(|l| l.items()).and_then(|mut l| l.nth(i));
            http_link(
                &mut out,
                link.url.as_str(),
                node.and_then(|n| n.get("url")),
                campaign.name.clone(),
            );
        }
        for m in &c.meetings {
            let Some(meeting) = find(campaign.value.get("meetings"), &m.id, "meetings") else {
                continue;
            };
            let entry = format!("{} › {}", campaign.name, meeting.name);
            meeting_warnings(&mut out, c, m, &meeting.value, &entry, now);
            if let Some(name) = &m.place.name {
                let (_, names) = venues
                    .entry(m.place.city.to_lowercase())
                    .or_insert_with(|| (m.place.city.clone(), BTreeMap::new()));
                let spellings = names.entry(squeeze(name)).or_default();
                if !spellings.iter().any(|(s, _, _)| s == name) {
                    spellings.push((
                        name.clone(),
                        meeting.value.get("place").and_then(|p| p.get("name")).map(Value::node),
                        entry.clone(),
                    ));
                }
            }
        }
    }
    for (city, names) in venues.into_values() {
        for spellings in names.into_values().filter(|s| s.len() > 1) {
            let (first, _, _) = &spellings[0];
            for (other, at, entry) in &spellings[1..] {
                out.push(Warning {
                    at: *at,
                    entry: entry.clone(),
                    message: format!(
                        "the venue {} is spelled {} elsewhere in {city}",
                        quoted(other),
                        quoted(first)
                    ),
                    fix: "Spell a venue the same way everywhere, so that visitors see one place."
                        .to_string(),
                });
            }
        }
    }
    out
}

fn meeting_warnings(
    out: &mut Vec<Warning>,
    c: &Campaign,
    m: &Meeting,
    node: &Value,
    entry: &str,
    now: DateTime<Utc>,
) {
    let warn = |out: &mut Vec<Warning>, at: Option<Value>, message: String, fix: &str| {
        out.push(Warning {
            at: Some(at.unwrap_or(*node).node()),
            entry: entry.to_string(),
            message,
            fix: fix.to_string(),
        })
    };
    if m.when.is_past(m.zone(), now) {
        warn(
            out,
            node.get("start"),
            "this meeting is past: the widget folds it away under \"Show past meetings\""
                .to_string(),
            "Remove past meetings now and then, or keep them as a record.",
        );
    }
    if m.sign_up_link(c).is_none() && m.online.is_none() {
        warn(
            out,
            None,
            "no RSVP link, and the campaign has no link either: a visitor cannot sign up"
                .to_string(),
            "Add an \"rsvp\" link to the meeting, or a link to its campaign.",
        );
    }
    if let Some(name) = &m.time_zone {
        let start = match &m.when {
            When::At { start, .. } => Some(start),
            _ => None,
        };
        // The zone's offset at the start, in seconds; `None` for a zone the platform does not know.
        let zoned = m
            .zone()
            .map(|zone| zone.offset_at_utc(start.map_or(now.naive_utc(), |s| s.naive_utc())) * 60);
        match (zoned, start) {
            (None, _) => warn(
                out,
                node.get("time_zone"),
                format!("the time_zone {} is not a zone browsers know", quoted(name)),
                "Use an IANA zone name, such as \"Europe/Berlin\" or \"America/New_York\".",
            ),
            (Some(zoned), Some(start)) if zoned != start.offset().local_minus_utc() => warn(
                out,
                node.get("start"),
                format!(
                    "the start's offset {} disagrees with {name}, which is {} then",
                    show_offset(start.offset().local_minus_utc() / 60),
                    show_offset(zoned / 60)
                ),
                "Correct the offset, or leave it out and let \"time_zone\" decide.",
            ),
            _ => {}
        }
    }
    for (i, link) in m.rsvp.iter().enumerate() {
        let at = node
            .get("rsvp")
            .and_then(|l| l.items())
            .and_then(|mut l| l.nth(i))
            .and_then(|l| l.get("url"));
        http_link(out, link.url.as_str(), at, entry.to_string());
    }
    if m.status == Status::Cancelled && m.note.is_none() {
        warn(
            out,
            node.get("status"),
            "cancelled, with no note".to_string(),
            "Add a \"note\" that says why, or where to go instead.",
        );
    }
}

fn http_link(out: &mut Vec<Warning>, url: &str, at: Option<Value>, entry: String) {
    if url.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("http:")) {
        out.push(Warning {
            at: at.map(Value::node),
            entry,
            message: format!("the link {} is http:, not https:", quoted(url)),
            fix: "Use the https:// address: browsers warn about http: pages, and some block them."
                .to_string(),
        });
    }
}

/// A venue's name for comparing spellings: letters and digits only, lower case.
fn squeeze(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}
