//! From feed text to [`Feed`], by the robustness rules of feed-v1.md: a document that cannot be a
//! feed at all is an error ([`FeedError`]); inside a feed, each campaign and meeting is checked on
//! its own, a bad one is left out alone and a mendable one is mended, each with a [`Problem`]
//! that tells the publisher where and why. Unknown fields are ignored.

use crate::model::feed::json::{self, Items, JsonError, Kind, Members, Value};
use crate::model::feed::links::SafeUrl;
use crate::model::feed::problem::{Field, Problem, ProblemKind};
use crate::model::feed::text::{clean, cut, quoted};
use crate::model::feed::time::parse_when;
use crate::model::feed::types::*;
use crate::model::feed::zone::Zone;
use std::collections::BTreeSet;

/// The largest feed the widget reads. A meeting takes about 500 bytes, so this is room for
/// ten thousand meetings; anything bigger is almost certainly not a meeting feed.
pub const MAX_FEED_BYTES: usize = 5 * 1024 * 1024;
/// Longest name-like text (titles, venue names, labels) before it is cut.
pub const MAX_SHORT_TEXT: usize = 300;
/// Longest prose (summary, notice, bio, note) before it is cut.
pub const MAX_LONG_TEXT: usize = 5_000;

/// Why a document cannot be read as a feed at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Cut off before its end (a truncated download or a half-saved file).
    Truncated,
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not a feed: what is wrong with its shape.
    WrongShape(String),
    /// A `version` other than 1.x.
    UnsupportedVersion(String),
    /// A CSV feed that cannot be read as a sheet (`import csv`'s reason, in English): its
    /// header row lacks a column the sheet needs.
    NotASheet(String),
}

impl FeedError {
    /// The text cannot be read as a feed's text at all (empty, too large to read, cut off, not
    /// JSON, not a sheet), rather than read and refused for what it says (its shape, its
    /// version): `check`'s exit status 2, not 1.
    pub fn is_unreadable(&self) -> bool {
        match self {
            FeedError::Empty
            | FeedError::TooLarge { .. }
            | FeedError::Truncated
            | FeedError::NotJson { .. }
            | FeedError::NotASheet(_) => true,
            FeedError::WrongShape(_) | FeedError::UnsupportedVersion(_) => false,
        }
    }
}

/// Parses and validates a feed document.
pub fn parse_feed(text: &str) -> Result<Feed, FeedError> {
    if text.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FeedError::Empty);
    }
    let document = json::parse(text).map_err(|e| match e {
        JsonError::Eof => FeedError::Truncated,
        JsonError::Syntax { line, column } => FeedError::NotJson { line, column },
    })?;
    let root = document.root();
    if !root.is_object() {
        return Err(FeedError::WrongShape(format!(
            "the document is {}, not an object with \"version\" and \"campaigns\"",
            kind_of(root)
        )));
    }
    check_version(root.get("version"))?;
    let campaigns = match root.get("campaigns") {
        Some(list) => list.items().ok_or_else(|| {
            FeedError::WrongShape(format!("\"campaigns\" is {}, not a list", kind_of(list)))
        })?,
        None => return Err(FeedError::WrongShape("there is no \"campaigns\" list".to_string())),
    };

    let mut problems = Vec::new();
    let publisher = match root.get("publisher") {
        Some(map) if map.is_object() => {
            Some(publisher(&mut Fields::new(map, &|| "publisher".to_string(), &mut problems)))
        }
        Some(other) => {
            problems.push(problem(
                "publisher",
                other,
                ProblemKind::PublisherNotObject { found: other.kind() },
            ));
            None
        }
        None => None,
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, value) in campaigns.enumerate() {
        let path = entry_path("campaigns", i, value);
        match campaign(value, &path, &mut problems) {
            Ok(c) if !seen.insert(c.id.clone()) => {
                problems.push(problem(&path, value, ProblemKind::DuplicateCampaignId { id: c.id }))
            }
            Ok(c) => out.push(c),
            Err(why) => problems.push(problem(&path, value, why)),
        }
    }
    Ok(Feed { publisher, campaigns: out, problems })
}

fn check_version(version: Option<Value>) -> Result<(), FeedError> {
    let Some(version) = version else {
        return Err(FeedError::WrongShape("there is no \"version\"".to_string()));
    };
    let shown = match (version.number(), version.as_str()) {
        (Some(n), _) => n.to_string(),
        (_, Some(s)) => s.trim().to_string(),
        _ => {
            return Err(FeedError::WrongShape(format!(
                "\"version\" is {}, not a number",
                kind_of(version)
            )))
        }
    };
    // Major version 1: "1", "1.0", "1.2" (a newer minor version is read; its new fields ignored).
    let major = shown.split('.').next().unwrap_or("");
    if major == "1"
        && shown.split('.').nth(1).is_none_or(|minor| minor.chars().all(|c| c.is_ascii_digit()))
    {
        Ok(())
    } else {
        Err(FeedError::UnsupportedVersion(shown))
    }
}

/// What a value is, in the words of a [`FeedError::WrongShape`].
fn kind_of(v: Value) -> &'static str {
    match v.kind() {
        Kind::Null => "null",
        Kind::Bool => "true or false",
        Kind::Number => "a number",
        Kind::String => "text",
        Kind::Array => "a list",
        Kind::Object => "an object",
    }
}

/// `campaigns[2] "no-war"`: the index always, the id when there is a readable one.
fn entry_path(list: &str, index: usize, value: Value) -> String {
    match value.get("id").and_then(id_text) {
        Some(id) => format!("{list}[{index}] {}", quoted(&cut(&id, 80))),
        None => format!("{list}[{index}]"),
    }
}

/// An entry's id as the parser reads it: trimmed text, or a number as written.
pub fn id_text(v: Value) -> Option<String> {
    match (v.as_str(), v.number()) {
        (Some(s), _) if !s.trim().is_empty() => Some(s.trim().to_string()),
        (_, Some(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn problem(path: &str, at: Value, kind: ProblemKind) -> Problem {
    Problem { kind, path: path.to_string(), at: Some(at.node()) }
}

/// Where something is in the feed (`campaigns[0] "a" › meetings[3] "x"`), spelt out only when
/// there is a problem to report there: most entries have none.
type Path<'x> = &'x dyn Fn() -> String;

/// Reads the fields of one object, recording what it mends as problems at its path.
struct Fields<'m, 'p, 't, 'x> {
    /// An object's members.
    map: Members<'m, 't>,
    path: Path<'x>,
    problems: &'p mut Vec<Problem>,
}

impl<'m, 'p, 't, 'x> Fields<'m, 'p, 't, 'x> {
    fn new(map: Value<'m, 't>, path: Path<'x>, problems: &'p mut Vec<Problem>) -> Self {
        Fields { map: Members::of(map), path, problems }
    }

    /// A mended problem with the object as a whole.
    fn fix(&mut self, kind: ProblemKind) {
        let object = self.map.value();
        self.fix_at(object, kind);
    }

    /// A mended problem with one value of the object.
    fn fix_at(&mut self, value: Value, kind: ProblemKind) {
        self.problems.push(problem(&(self.path)(), value, kind));
    }

    /// Optional text, trimmed; empty counts as absent; too long is cut.
    fn text(&mut self, key: &'static str, max: usize) -> Option<String> {
        let value = self.map.get(key)?;
        match value.kind() {
            Kind::Null => None,
            Kind::String => {
                let s = clean(value.as_str()?);
                if s.is_empty() {
                    return None;
                }
                // A text no longer in bytes than the limit is within it in characters.
                if s.len() > max {
                    let chars = s.chars().count();
                    if chars > max {
                        let field = Field::new(key);
                        self.fix_at(value, ProblemKind::TooLong { field, chars, max });
                        return Some(cut(&s, max));
                    }
                }
                Some(s)
            }
            Kind::Number if key == "postal_code" => value.number().map(str::to_string),
            found => {
                self.fix_at(value, ProblemKind::NotText { field: Field::new(key), found });
                None
            }
        }
    }

    fn id(&self) -> Result<String, ProblemKind> {
        match self.map.get("id") {
            None => Err(ProblemKind::NoId),
            Some(v) => id_text(v).map(|id| cut(&id, MAX_SHORT_TEXT)).ok_or(ProblemKind::EmptyId),
        }
    }

    fn list(&mut self, key: &'static str) -> Items<'m, 't> {
        match self.map.get(key) {
            None => Items::default(),
            Some(v) if v.kind() == Kind::Null => Items::default(),
            Some(v) => match v.items() {
                Some(items) => items,
                None => {
                    let found = v.kind();
                    self.fix_at(v, ProblemKind::NotList { field: Field::new(key), found });
                    Items::default()
                }
            },
        }
    }

    /// A list of names: each item text, or an object with a "name".
    fn names(&mut self, key: &'static str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.list(key).enumerate() {
            let name = match item.kind() {
                Kind::String => item.as_str().map(clean),
                Kind::Object => item.get("name").and_then(Value::as_str).map(clean),
                _ => None,
            };
            match name.filter(|n| !n.is_empty()) {
                Some(n) => out.push(cut(&n, MAX_SHORT_TEXT)),
                None => self.fix_at(item, ProblemKind::NotName { field: Field::item(key, i) }),
            }
        }
        out
    }

    /// A link's address; `field` is the field a message names (`"url"`, `"links"[2]`).
    fn url_value(&mut self, field: Field, raw: Option<Value>) -> Option<SafeUrl> {
        let raw = raw?;
        match (raw.kind(), raw.as_str()) {
            (Kind::Null, _) => None,
            (_, Some(s)) if s.trim().is_empty() => None,
            (_, Some(s)) => {
                let url = SafeUrl::parse(s);
                if url.is_none() {
                    let value = cut(s.trim(), 80);
                    self.fix_at(raw, ProblemKind::UnsafeLink { field, value });
                }
                url
            }
            (found, _) => {
                self.fix_at(raw, ProblemKind::NotLink { field, found });
                None
            }
        }
    }

    fn url(&mut self, key: &'static str) -> Option<SafeUrl> {
        let raw = self.map.get(key);
        self.url_value(Field::new(key), raw)
    }

    /// A link object `{label, url, kind}`; an unsafe or missing url drops it.
    fn link(&mut self, field: Field, value: Value, default_label: &str) -> Option<Link> {
        let o = value;
        if !o.is_object() {
            self.fix_at(value, ProblemKind::NotLinkObject { field, found: value.kind() });
            return None;
        }
        let url = self.url_value(field, o.get("url"))?;
        let label = o.get("label").and_then(Value::as_str).map(clean).filter(|l| !l.is_empty());
        let kind =
            match o.get("kind").and_then(Value::as_str).map(str::to_ascii_lowercase).as_deref() {
                Some("rsvp") => LinkKind::Rsvp,
                Some("livestream") => LinkKind::Livestream,
                Some("info") => LinkKind::Info,
                Some("contact") => LinkKind::Contact,
                _ => LinkKind::Other,
            };
        Some(Link {
            label: cut(&label.unwrap_or_else(|| default_label.to_string()), MAX_SHORT_TEXT),
            url,
            kind,
        })
    }

    fn links(&mut self, key: &'static str) -> Vec<Link> {
        let items = self.list(key);
        items
            .enumerate()
            .filter_map(|(i, v)| self.link(Field::item(key, i), v, key_default_label(key)))
            .collect()
    }

    fn number(&mut self, key: &'static str, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
        let value = self.map.get(key)?;
        match value.kind() {
            Kind::Null => None,
            Kind::Number => {
                let n = value.as_f64().filter(|n| range.contains(n));
                if n.is_none() {
                    self.fix_at(value, ProblemKind::OutOfRange { field: Field::new(key) });
                }
                n
            }
            found => {
                self.fix_at(value, ProblemKind::NotNumber { field: Field::new(key), found });
                None
            }
        }
    }
}

fn key_default_label(key: &str) -> &'static str {
    match key {
        "rsvp" => "RSVP",
        _ => "Link",
    }
}

fn publisher(f: &mut Fields) -> Publisher {
    Publisher {
        name: f.text("name", MAX_SHORT_TEXT),
        url: f.url("url"),
        contact_url: f.url("contact_url"),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push('\n');
            }
            current.push_str(line.trim_end());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn campaign(
    value: Value,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Result<Campaign, ProblemKind> {
    let map = value;
    if !map.is_object() {
        return Err(ProblemKind::NotAnObject { found: value.kind() });
    }
    let path_text = || path.to_string();
    let mut f = Fields::new(map, &path_text, problems);
    let id = f.id()?;
    let title = f.text("title", MAX_SHORT_TEXT).ok_or(ProblemKind::NoTitle)?;
    let meetings_raw = match map.get("meetings") {
        Some(list) if list.kind() == Kind::Array => list.items().unwrap_or_default(),
        Some(other) if other.kind() != Kind::Null => {
            return Err(ProblemKind::MeetingsNotList { found: other.kind() })
        }
        _ => {
            f.fix(ProblemKind::NoMeetings);
            Items::default()
        }
    };
    let image = match map.get("image") {
        Some(img) if img.is_object() => {
            f.url_value(Field::new("image.url"), img.get("url")).map(|url| Image {
                url,
                alt: img
                    .get("alt")
                    .and_then(Value::as_str)
                    .map(|a| cut(&clean(a), MAX_SHORT_TEXT))
                    .unwrap_or_default(),
            })
        }
        _ => None,
    };
    let speakers = f
        .list("speakers")
        .filter_map(|s| match s.kind() {
            Kind::String => {
                Some(Speaker { name: cut(&clean(s.as_str()?), MAX_SHORT_TEXT), bio: None })
            }
            Kind::Object => {
                let o = s;
                let name = clean(o.get("name")?.as_str()?);
                let bio = o.get("bio").and_then(Value::as_str).map(clean).filter(|b| !b.is_empty());
                Some(Speaker {
                    name: cut(&name, MAX_SHORT_TEXT),
                    bio: bio.map(|b| cut(&b, MAX_LONG_TEXT)),
                })
            }
            _ => None,
        })
        .filter(|s| !s.name.is_empty())
        .collect();
    let mut c = Campaign {
        id,
        title,
        subtitle: f.text("subtitle", MAX_SHORT_TEXT),
        summary: f.text("summary", MAX_LONG_TEXT).map(|s| paragraphs(&s)).unwrap_or_default(),
        url: f.url("url"),
        image,
        kind: f.text("kind", MAX_SHORT_TEXT),
        tags: f.names("tags"),
        speakers,
        sponsors: f.names("sponsors"),
        links: f.links("links"),
        notice: f.text("notice", MAX_LONG_TEXT),
        meetings: Vec::with_capacity(meetings_raw.clone().count()),
    };
    let mut seen = BTreeSet::new();
    for (i, value) in meetings_raw.enumerate() {
        let mpath = || format!("{path} › {}", entry_path("meetings", i, value));
        match meeting(value, &mpath, problems) {
            Ok(m) if !seen.insert(m.id.clone()) => problems.push(problem(
                &mpath(),
                value,
                ProblemKind::DuplicateMeetingId { id: m.id },
            )),
            Ok(m) => c.meetings.push(m),
            Err(why) => problems.push(problem(&mpath(), value, why)),
        }
    }
    c.meetings.sort_by_cached_key(|m| m.when.sort_key(m.zone()));
    Ok(c)
}

fn status(f: &mut Fields) -> Status {
    let Some(word) = f.text("status", MAX_SHORT_TEXT) else { return Status::Scheduled };
    match word.to_ascii_lowercase().replace(['_', ' '], "-").as_str() {
        "scheduled" | "confirmed" => Status::Scheduled,
        "cancelled" | "canceled" => Status::Cancelled,
        "postponed" => Status::Postponed,
        "moved-online" | "online" => Status::MovedOnline,
        "tentative" => Status::Tentative,
        _ => {
            let value = f.map.get("status").unwrap_or(f.map.value());
            f.fix_at(value, ProblemKind::UnknownStatus { value: cut(&word, 40) });
            Status::Scheduled
        }
    }
}

fn meeting(value: Value, path: Path, problems: &mut Vec<Problem>) -> Result<Meeting, ProblemKind> {
    let map = value;
    if !map.is_object() {
        return Err(ProblemKind::NotAnObject { found: value.kind() });
    }
    let mut f = Fields::new(map, path, problems);
    let id = f.id()?;
    let place_map = match map.get("place") {
        Some(p) if p.is_object() => p,
        Some(other) => return Err(ProblemKind::PlaceNotObject { found: other.kind() }),
        None => return Err(ProblemKind::NoPlace),
    };
    let time_zone = f.text("time_zone", MAX_SHORT_TEXT);
    let zone = time_zone.as_deref().and_then(Zone::get);
    let start = f.text("start", MAX_SHORT_TEXT);
    let end = f.text("end", MAX_SHORT_TEXT);
    let parsed = parse_when(start.as_deref(), end.as_deref(), zone.as_ref())?;
    let start_value = map.get("start").unwrap_or(map);
    for fix in parsed.corrections {
        f.fix_at(start_value, fix);
    }
    let online = match map.get("online") {
        Some(v) if v.is_object() => f.link(Field::new("online"), v, "Online").map(|mut l| {
            l.kind = LinkKind::Livestream;
            l
        }),
        _ => None,
    };
    let status = status(&mut f);
    let head = Meeting {
        id,
        title: f.text("title", MAX_SHORT_TEXT),
        kind: f.text("kind", MAX_SHORT_TEXT),
        when: parsed.when,
        time_zone,
        zone,
        status,
        place: Place::default(),
        online,
        speakers: f.names("speakers"),
        rsvp: f.links("rsvp"),
        note: f.text("note", MAX_LONG_TEXT),
    };
    let place_path = || format!("{} › place", path());
    let mut p = Fields::new(place_map, &place_path, f.problems);
    let city = p.text("city", MAX_SHORT_TEXT).ok_or(ProblemKind::NoCity)?;
    let place = Place {
        city,
        name: p.text("name", MAX_SHORT_TEXT),
        room: p.text("room", MAX_SHORT_TEXT),
        street: p.text("street", MAX_SHORT_TEXT),
        region: p.text("region", MAX_SHORT_TEXT),
        postal_code: p.text("postal_code", MAX_SHORT_TEXT),
        country: p.text("country", MAX_SHORT_TEXT).map(|c| c.to_ascii_uppercase()),
        directions: p.text("directions", MAX_LONG_TEXT),
        lat: p.number("lat", -90.0..=90.0),
        lon: p.number("lon", -180.0..=180.0),
    };
    Ok(Meeting { place, ..head })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::problem::Severity;
    use crate::model::feed::time::When;

    fn feed(json: &str) -> Feed {
        parse_feed(json).unwrap_or_else(|e| panic!("{e:?}"))
    }

    const FULL: &str = r#"{
      "version": 1,
      "publisher": {"name": "IYSSE", "url": "https://iysse.example/",
                    "contact_url": "mailto:iysse@example.org"},
      "campaigns": [{
        "id": "no-war", "title": "No to war!", "subtitle": "For a new anti-war movement",
        "summary": "First paragraph.\n\nSecond paragraph,\nwith a line break.",
        "url": "https://example.org/no-war",
        "image": {"url": "https://example.org/a.jpg", "alt": "A march"},
        "kind": "campaign", "tags": ["Flint", "Kentucky"],
        "speakers": [{"name": "Andre Damon", "bio": "Writer"}, "Jen Roesch"],
        "sponsors": ["IYSSE", "SEP"],
        "links": [
          {"label": "RSVP on Facebook", "url": "https://www.facebook.com/events/1", "kind": "rsvp"}
        ],
        "notice": "More dates soon", "future_field": {"ignored": true},
        "meetings": [
          {"id": "berlin", "title": "Berlin meeting", "kind": "meeting",
           "start": "2027-04-19T18:30:00+02:00", "end": "2027-04-19T20:30:00+02:00",
           "time_zone": "Europe/Berlin", "status": "cancelled",
           "place": {"city": "Berlin", "name": "Sprengel Haus", "room": "Saal",
                     "street": "Sprengelstraße 15", "region": "BE", "postal_code": "13353",
                     "country": "de", "directions": "U6 Leopoldplatz",
                     "lat": 52.54, "lon": 13.35},
           "online": {"url": "https://example.org/live", "label": "Livestream"},
           "speakers": ["Christoph Vandreier"],
           "rsvp": [{"label": "Facebook Event Page", "url": "https://www.facebook.com/events/2"}],
           "note": "Doors open 18:00"},
          {"id": "lacc", "start": "2027-04-19T19:00:00-07:00",
           "place": {"city": "Los Angeles", "name": "LACC"}},
          {"id": "tba", "place": {"city": "Cambridge"}, "note": "Details coming soon."},
          {"id": "day", "start": "2027-04-17", "place": {"city": "Cambridge"}, "kind": "Rally"}
        ]
      }]
    }"#;

    #[test]
    fn parses_every_field_of_format_v1() {
        let f = feed(FULL);
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        let p = f.publisher.as_ref().unwrap();
        assert_eq!(p.name.as_deref(), Some("IYSSE"));
        assert_eq!(p.contact_url.as_ref().unwrap().as_str(), "mailto:iysse@example.org");
        let c = &f.campaigns[0];
        assert_eq!((c.id.as_str(), c.title.as_str()), ("no-war", "No to war!"));
        assert_eq!(c.subtitle.as_deref(), Some("For a new anti-war movement"));
        assert_eq!(c.summary, vec!["First paragraph.", "Second paragraph,\nwith a line break."]);
        assert_eq!(c.url.as_ref().unwrap().as_str(), "https://example.org/no-war");
        assert_eq!(c.image.as_ref().unwrap().alt, "A march");
        assert_eq!(c.kind.as_deref(), Some("campaign"));
        assert_eq!(c.tags, vec!["Flint", "Kentucky"]);
        assert_eq!(c.speakers[0].bio.as_deref(), Some("Writer"));
        assert_eq!(c.speakers[1].name, "Jen Roesch");
        assert_eq!(c.sponsors, vec!["IYSSE", "SEP"]);
        assert_eq!(c.links[0].kind, LinkKind::Rsvp);
        assert_eq!(c.notice.as_deref(), Some("More dates soon"));
        // Date order: the date-only day (17th) first, Berlin before Los Angeles on the 19th,
        // no date last.
        let ids: Vec<_> = c.meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["day", "berlin", "lacc", "tba"]);
        let m = &c.meetings[1];
        assert_eq!(m.status, Status::Cancelled);
        assert_eq!(m.place.country.as_deref(), Some("DE"));
        assert_eq!(m.place.lat, Some(52.54));
        assert_eq!(m.online.as_ref().unwrap().label, "Livestream");
        assert_eq!(m.rsvp[0].label, "Facebook Event Page");
        assert_eq!(m.speakers, vec!["Christoph Vandreier"]);
        assert!(matches!(m.when, When::At { end: Some(_), .. }));
        assert_eq!(m.zone().unwrap().name(), "Europe/Berlin");
        assert_eq!(c.meetings[2].display_title(), "LACC");
        assert_eq!(c.meetings[3].display_title(), "Cambridge");
        assert!(c.meetings[0].is_rally());
        assert_eq!(c.meetings[3].when, When::Unknown);
    }

    #[test]
    fn whole_document_errors() {
        assert_eq!(parse_feed("").unwrap_err(), FeedError::Empty);
        assert_eq!(parse_feed(" \n ").unwrap_err(), FeedError::Empty);
        assert_eq!(parse_feed(&FULL[..200]).unwrap_err(), FeedError::Truncated);
        assert!(matches!(
            parse_feed("<html>oops</html>").unwrap_err(),
            FeedError::NotJson { line: 1, column: 1 }
        ));
        assert!(matches!(parse_feed("[1,2]").unwrap_err(), FeedError::WrongShape(_)));
        assert!(matches!(
            parse_feed(r#"{"campaigns": []}"#).unwrap_err(),
            FeedError::WrongShape(_)
        ));
        assert!(matches!(
            parse_feed(r#"{"version": 1, "campaigns": {}}"#).unwrap_err(),
            FeedError::WrongShape(_)
        ));
        assert_eq!(
            parse_feed(r#"{"version": 2, "campaigns": []}"#).unwrap_err(),
            FeedError::UnsupportedVersion("2".into())
        );
        assert_eq!(
            parse_feed(r#"{"version": "2.0", "campaigns": []}"#).unwrap_err(),
            FeedError::UnsupportedVersion("2.0".into())
        );
        let big =
            format!(r#"{{"version":1,"campaigns":[],"pad":"{}"}}"#, "x".repeat(MAX_FEED_BYTES));
        assert!(matches!(parse_feed(&big).unwrap_err(), FeedError::TooLarge { .. }));
    }

    #[test]
    fn minor_versions_and_a_byte_order_mark_are_read() {
        assert!(parse_feed("\u{feff}{\"version\": 1, \"campaigns\": []}").is_ok());
        assert!(parse_feed(r#"{"version": 1.3, "campaigns": []}"#).is_ok());
        assert!(parse_feed(r#"{"version": "1.1", "campaigns": []}"#).is_ok());
    }

    #[test]
    fn a_bad_entry_is_left_out_alone() {
        let f = feed(
            r#"{"version":1,"campaigns":[
              {"id":"a","title":"A","meetings":[
                {"id":"ok","start":"2027-05-01T19:00:00-04:00","place":{"city":"Detroit"}},
                {"id":"no-city","place":{"name":"Hall"}},
                {"place":{"city":"Detroit"}},
                {"id":"bad-date","start":"2027-13-45","place":{"city":"Detroit"}},
                {"id":"ok","place":{"city":"Detroit"}},
                "not a meeting"
              ]},
              {"title":"no id","meetings":[]},
              {"id":"a","title":"duplicate","meetings":[]},
              {"id":"b","title":"B","meetings":[]}
            ]}"#,
        );
        let ids: Vec<_> = f.campaigns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(f.campaigns[0].meetings.len(), 1);
        assert_eq!(f.left_out(), 7, "{:#?}", f.problems);
        let kind_at = |path: &str| f.problems.iter().find(|p| p.path == path).map(|p| &p.kind);
        assert_eq!(
            kind_at(r#"campaigns[0] "a" › meetings[3] "bad-date""#),
            Some(&ProblemKind::NoSuchDate { value: "2027-13-45".into() })
        );
        assert_eq!(kind_at("campaigns[1]"), Some(&ProblemKind::NoId));
        assert_eq!(
            kind_at(r#"campaigns[0] "a" › meetings[5]"#),
            Some(&ProblemKind::NotAnObject { found: Kind::String })
        );
    }

    #[test]
    fn unsafe_links_are_dropped_and_reported() {
        let f = feed(
            r#"{"version":1,"campaigns":[{"id":"a","title":"A","url":"javascript:alert(1)",
              "image":{"url":"data:image/png;base64,AAAA"},
              "links":[{"label":"x","url":" JaVaScRiPt:alert(1)"},
                       {"label":"ok","url":"HTTPS://example.org"}],
              "meetings":[]}]}"#,
        );
        let c = &f.campaigns[0];
        assert!(c.url.is_none() && c.image.is_none());
        assert_eq!(c.links.len(), 1);
        assert_eq!(c.links[0].url.as_str(), "https://example.org");
        assert_eq!(f.problems.len(), 3);
        assert!(f.problems.iter().all(|p| p.severity() == Severity::Corrected));
        let kinds: Vec<_> = f.problems.iter().map(|p| &p.kind).collect();
        let unsafe_link =
            |field, value: &str| ProblemKind::UnsafeLink { field, value: value.into() };
        assert!(
            kinds.contains(&&unsafe_link(Field::item("links", 0), "JaVaScRiPt:alert(1)")),
            "{kinds:#?}"
        );
        assert!(
            kinds.contains(&&unsafe_link(Field::new("url"), "javascript:alert(1)")),
            "{kinds:#?}"
        );
    }

    #[test]
    fn long_text_is_cut_and_unknown_status_shown_as_scheduled() {
        let summary = "word ".repeat(40_000);
        let venue = "V".repeat(3_000);
        let json = format!(
            r#"{{"version":1,"campaigns":[{{"id":"a","title":"A","summary":"{summary}","meetings":[
              {{"id":"m","status":"rescheduled?","place":{{"city":"X","name":"{venue}"}}}}]}}]}}"#
        );
        let f = feed(&json);
        let c = &f.campaigns[0];
        assert_eq!(c.summary[0].chars().count(), MAX_LONG_TEXT + 1);
        assert_eq!(c.meetings[0].place.name.as_ref().unwrap().chars().count(), MAX_SHORT_TEXT + 1);
        assert_eq!(c.meetings[0].status, Status::Scheduled);
        assert_eq!(f.problems.len(), 3, "{:#?}", f.problems);
    }

    #[test]
    fn text_is_kept_as_text() {
        let f = feed(
            r#"{"version":1,"campaigns":[
              {"id":"a","title":"<img src=x onerror=alert(1)>\u0007","meetings":[]}]}"#,
        );
        assert_eq!(f.campaigns[0].title, "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn images_elsewhere_than_the_feed_are_dropped_and_reported() {
        let mut feed = parse_feed(
            r#"{"version":1,"campaigns":[
              {"id":"home","title":"H","image":{"url":"https://chapter.example/img/a.jpg"},
               "meetings":[]},
              {"id":"away","title":"A","image":{"url":"https://tracker.example/pixel.gif"},
               "meetings":[]}]}"#,
        )
        .unwrap();
        feed.drop_foreign_images("https://chapter.example/feed.json");
        assert!(feed.campaigns[0].image.is_some());
        assert!(feed.campaigns[1].image.is_none());
        assert_eq!(feed.problems.len(), 1);
        assert_eq!(feed.problems[0].path, r#"campaign "away""#);
    }
}
