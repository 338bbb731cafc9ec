//! A feed as the publisher's tools write it: docs/feed-v1.md as types that serde writes, each
//! struct's fields in the order the doc lists them, a required field never optional, an
//! optional one left out when it is empty, every link a [`SafeUrl`], every time a jiff value.
//! `import csv` and `import ics` build a [`Feed`] and print [`Feed::text`].
//!
//! Why not the model's own types (`model::feed::types`) with a derived `Serialize`: they are the
//! widget's reading of a feed, not its text. The reader mends and normalizes (a summary split
//! into paragraphs; `start` and `end` folded into one mended `When`; a missing status read as
//! scheduled; an unknown link kind kept as `Other`; an online link given a kind; text cleaned
//! and cut; meetings sorted by date), adds what a document does not hold (each meeting's
//! `zone`, the feed's `problems`) and has no `version`. Serializing them would take a
//! hand-written inverse of each of these, in the model, and would write the widget's reading
//! of a source rather than the source. So these types are the contract's shape, and the tests
//! below hold them to the reader: what they write, `parse_feed` reads back field for field.

use crate::model::feed::links::SafeUrl;
use jiff::{civil, Zoned};
use serde::{Serialize, Serializer};
use std::fmt;

/// A feed document, version 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Feed {
    version: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    pub campaigns: Vec<Campaign>,
}

impl Feed {
    /// A version 1 feed of these campaigns.
    pub fn new(campaigns: Vec<Campaign>) -> Feed {
        Feed { version: 1, publisher: None, campaigns }
    }

    /// The document as the tools write it: JSON, indented by two spaces.
    pub fn text(&self) -> String {
        serde_json::to_string_pretty(self).expect("a feed is JSON")
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Publisher {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_url: Option<SafeUrl>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Campaign {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Plain text; paragraphs are separated by a blank line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<Speaker>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// Required, and written when empty.
    pub meetings: Vec<Meeting>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    pub url: SafeUrl,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Speaker {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub label: String,
    pub url: SafeUrl,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<LinkKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Rsvp,
    Livestream,
    Info,
    Contact,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Meeting {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Start>,
    /// Only after a `start` with a time.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "end")]
    pub end: Option<Zoned>,
    /// The IANA name of the venue's zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    pub place: Place,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online: Option<Online>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rsvp: Vec<Link>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A meeting's `start`: a date alone (its time to be announced), or the venue's wall-clock time
/// with the offset in force there that day.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    Day(civil::Date),
    At(Zoned),
}

impl Start {
    /// The date at the venue.
    pub fn date(&self) -> civil::Date {
        match self {
            Start::Day(day) => *day,
            Start::At(at) => at.date(),
        }
    }
}

/// As the feed writes it: `2027-04-19`, or `2027-04-19T19:00:00-04:00`.
impl fmt::Display for Start {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Start::Day(day) => write!(f, "{day}"),
            Start::At(at) => write!(f, "{}", at.strftime(DATE_TIME)),
        }
    }
}

impl Serialize for Start {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A date-time as RFC 3339 writes it, to the second, with the offset.
const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S%:z";

fn end<S: Serializer>(end: &Option<Zoned>, serializer: S) -> Result<S::Ok, S::Error> {
    match end {
        Some(at) => serializer.collect_str(&at.strftime(DATE_TIME)),
        None => serializer.serialize_none(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Scheduled,
    Cancelled,
    Postponed,
    MovedOnline,
    Tentative,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Place {
    pub city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Online {
    pub url: SafeUrl,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A link is written as its text. (Here, not in the model: only the tools write feeds.)
impl Serialize for SafeUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The written feed against the widget's reader: `assert_reads_back` is used by the importers'
/// tests too.
#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;
    use crate::model::feed::time::{date_text, When};
    use crate::model::feed::types as read;

    /// Asserts that the widget reads `written`'s text with no problem, and reads in it exactly
    /// what was written: every field of every campaign and meeting, compared as values, so that
    /// a field the text leaves out is missed (meetings by id, as the reader puts them in date
    /// order; an explicit "scheduled" as no status; times as instants, the offsets being the
    /// reader's to check).
    pub fn assert_reads_back(written: &Feed) {
        let parsed = parse_feed(&written.text()).expect("the widget reads a written feed");
        assert_eq!(parsed.problems, vec![], "{}", written.text());
        let mut expected = written.clone();
        for c in &mut expected.campaigns {
            c.meetings.sort_by(|a, b| a.id.cmp(&b.id));
            for m in &mut c.meetings {
                m.status = m.status.filter(|s| *s != Status::Scheduled);
            }
        }
        assert_eq!(as_written(&parsed), expected);
    }

    /// A feed as the widget read it, in the written types again.
    fn as_written(feed: &read::Feed) -> Feed {
        let link = |l: &read::Link| Link {
            label: l.label.clone(),
            url: l.url.clone(),
            kind: match l.kind {
                read::LinkKind::Rsvp => Some(LinkKind::Rsvp),
                read::LinkKind::Livestream => Some(LinkKind::Livestream),
                read::LinkKind::Info => Some(LinkKind::Info),
                read::LinkKind::Contact => Some(LinkKind::Contact),
                read::LinkKind::Other => None,
            },
        };
        let at = |t: &chrono::DateTime<chrono::FixedOffset>| {
            jiff::Timestamp::from_second(t.timestamp()).unwrap().to_zoned(jiff::tz::TimeZone::UTC)
        };
        let meeting = |m: &read::Meeting| Meeting {
            id: m.id.clone(),
            title: m.title.clone(),
            kind: m.kind.clone(),
            start: match &m.when {
                When::Unknown => None,
                When::Day(day) => Some(Start::Day(date_text(*day).parse().unwrap())),
                When::At { start, .. } => Some(Start::At(at(start))),
            },
            end: match &m.when {
                When::At { end: Some(end), .. } => Some(at(end)),
                _ => None,
            },
            time_zone: m.time_zone.clone(),
            status: match m.status {
                read::Status::Scheduled => None,
                read::Status::Cancelled => Some(Status::Cancelled),
                read::Status::Postponed => Some(Status::Postponed),
                read::Status::MovedOnline => Some(Status::MovedOnline),
                read::Status::Tentative => Some(Status::Tentative),
            },
            place: Place {
                city: m.place.city.clone(),
                name: m.place.name.clone(),
                room: m.place.room.clone(),
                street: m.place.street.clone(),
                region: m.place.region.clone(),
                postal_code: m.place.postal_code.clone(),
                country: m.place.country.clone(),
                directions: m.place.directions.clone(),
                lat: m.place.lat,
                lon: m.place.lon,
            },
            online: m
                .online
                .as_ref()
                .map(|l| Online { url: l.url.clone(), label: Some(l.label.clone()) }),
            speakers: m.speakers.clone(),
            rsvp: m.rsvp.iter().map(link).collect(),
            note: m.note.clone(),
        };
        let mut out = Feed::new(
            feed.campaigns
                .iter()
                .map(|c| {
                    let mut meetings: Vec<Meeting> = c.meetings.iter().map(meeting).collect();
                    meetings.sort_by(|a, b| a.id.cmp(&b.id));
                    Campaign {
                        id: c.id.clone(),
                        title: c.title.clone(),
                        subtitle: c.subtitle.clone(),
                        summary: (!c.summary.is_empty()).then(|| c.summary.join("\n\n")),
                        url: c.url.clone(),
                        image: c.image.as_ref().map(|i| Image {
                            url: i.url.clone(),
                            alt: Some(i.alt.clone()).filter(|a| !a.is_empty()),
                        }),
                        kind: c.kind.clone(),
                        tags: c.tags.clone(),
                        speakers: c
                            .speakers
                            .iter()
                            .map(|s| Speaker { name: s.name.clone(), bio: s.bio.clone() })
                            .collect(),
                        sponsors: c.sponsors.clone(),
                        links: c.links.iter().map(link).collect(),
                        notice: c.notice.clone(),
                        meetings,
                    }
                })
                .collect(),
        );
        out.publisher = feed.publisher.as_ref().map(|p| Publisher {
            name: p.name.clone(),
            url: p.url.clone(),
            contact_url: p.contact_url.clone(),
        });
        out
    }

    fn url(text: &str) -> SafeUrl {
        SafeUrl::parse(text).unwrap()
    }

    fn zoned(text: &str) -> Zoned {
        text.parse().unwrap()
    }

    #[test]
    fn every_field_of_the_contract_reads_back_as_written() {
        let rsvp = Link {
            label: "Facebook event".into(),
            url: url("https://example.org/e"),
            kind: Some(LinkKind::Rsvp),
        };
        let at_the_union = Meeting {
            id: "union".into(),
            title: Some("Rally at the union".into()),
            kind: Some("rally".into()),
            start: Some(Start::At(zoned("2027-04-19T19:00:00-04:00[America/Detroit]"))),
            end: Some(zoned("2027-04-19T21:30:00-04:00[America/Detroit]")),
            time_zone: Some("America/Detroit".into()),
            status: Some(Status::MovedOnline),
            place: Place {
                city: "Detroit".into(),
                name: Some("Student Center".into()),
                room: Some("Room 285".into()),
                street: Some("5221 Gullen Mall".into()),
                region: Some("MI".into()),
                postal_code: Some("48202".into()),
                country: Some("US".into()),
                directions: Some("Enter from Cass Avenue.".into()),
                lat: Some(42.3571),
                lon: Some(-83.0703),
            },
            online: Some(Online {
                url: url("https://example.org/live"),
                label: Some("Live".into()),
            }),
            speakers: vec!["Andre Damon".into()],
            rsvp: vec![rsvp.clone()],
            note: Some("Room TBA".into()),
        };
        let feed = Feed {
            version: 1,
            publisher: Some(Publisher {
                name: Some("IYSSE".into()),
                url: Some(url("https://example.org")),
                contact_url: Some(url("mailto:iysse@example.org")),
            }),
            campaigns: vec![Campaign {
                id: "fight-fascism".into(),
                title: "How to fight fascism".into(),
                subtitle: Some("A lecture series".into()),
                summary: Some("First paragraph.\n\nSecond,\nwith a line break.".into()),
                url: Some(url("https://example.org/fascism")),
                image: Some(Image {
                    url: url("https://example.org/i.png"),
                    alt: Some("A hall".into()),
                }),
                kind: Some("lecture".into()),
                tags: vec!["Detroit".into()],
                speakers: vec![Speaker { name: "Andre Damon".into(), bio: Some("Writer.".into()) }],
                sponsors: vec!["IYSSE".into()],
                links: vec![Link { kind: Some(LinkKind::Contact), ..rsvp }],
                notice: Some("More dates soon.".into()),
                meetings: vec![
                    at_the_union,
                    Meeting {
                        id: "berlin".into(),
                        start: Some(Start::Day(civil::date(2027, 3, 28))),
                        status: Some(Status::Cancelled),
                        place: Place { city: "Berlin".into(), ..Place::default() },
                        ..Meeting::default()
                    },
                    Meeting {
                        id: "tba".into(),
                        place: Place { city: "Colombo".into(), ..Place::default() },
                        ..Meeting::default()
                    },
                ],
            }],
        };
        assert_reads_back(&feed);
    }

    #[test]
    fn fields_are_written_in_the_order_of_the_contract_and_empty_ones_left_out() {
        let meeting = Meeting {
            id: "m".into(),
            start: Some(Start::At(zoned("2027-03-28T19:00:00+02:00[Europe/Berlin]"))),
            time_zone: Some("Europe/Berlin".into()),
            status: Some(Status::MovedOnline),
            place: Place { city: "Berlin".into(), lon: Some(13.0), ..Place::default() },
            ..Meeting::default()
        };
        let feed = Feed::new(vec![Campaign {
            id: "c".into(),
            title: "C".into(),
            meetings: vec![meeting],
            ..Campaign::default()
        }]);
        assert_eq!(
            serde_json::to_string(&feed).unwrap(),
            r#"{"version":1,"campaigns":[{"id":"c","title":"C","meetings":[{"id":"m","#.to_string()
                + r#""start":"2027-03-28T19:00:00+02:00","time_zone":"Europe/Berlin","#
                + r#""status":"moved-online","place":{"city":"Berlin","lon":13.0}}]}]}"#
        );
    }
}
