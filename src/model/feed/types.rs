//! The feed model: what a valid feed-v1 document means once `read.rs` has checked it. Every
//! string here is plain text to be shown as text; every link is a [`SafeUrl`].

use crate::model::feed::links::{same_origin, SafeUrl};
use crate::model::feed::problem::{Problem, ProblemKind, Severity};
use crate::model::feed::time::When;
use crate::model::feed::zone::Zone;

/// A parsed feed: the entries that passed validation, and what was left out or corrected.
#[derive(Debug, Default)]
pub struct Feed {
    pub publisher: Option<Publisher>,
    pub campaigns: Vec<Campaign>,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Default)]
pub struct Publisher {
    pub name: Option<String>,
    pub url: Option<SafeUrl>,
    pub contact_url: Option<SafeUrl>,
}

#[derive(Debug)]
pub struct Campaign {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// Paragraphs of the summary, split on blank lines.
    pub summary: Vec<String>,
    pub url: Option<SafeUrl>,
    pub image: Option<Image>,
    pub kind: Option<String>,
    pub tags: Vec<String>,
    pub speakers: Vec<Speaker>,
    pub sponsors: Vec<String>,
    pub links: Vec<Link>,
    pub notice: Option<String>,
    /// In date order; meetings with no date last.
    pub meetings: Vec<Meeting>,
}

#[derive(Debug)]
pub struct Image {
    pub url: SafeUrl,
    pub alt: String,
}

#[derive(Debug)]
pub struct Speaker {
    pub name: String,
    pub bio: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Rsvp,
    Livestream,
    Info,
    Contact,
    Other,
}

#[derive(Debug)]
pub struct Link {
    pub label: String,
    pub url: SafeUrl,
    pub kind: LinkKind,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Scheduled,
    Cancelled,
    Postponed,
    MovedOnline,
    Tentative,
}

#[derive(Debug)]
pub struct Meeting {
    pub id: String,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub when: When,
    pub time_zone: Option<String>,
    /// `time_zone`'s rules, when the widget knows that zone (looked up once, when read).
    pub zone: Option<Zone>,
    pub status: Status,
    pub place: Place,
    pub online: Option<Link>,
    pub speakers: Vec<String>,
    pub rsvp: Vec<Link>,
    pub note: Option<String>,
}

#[derive(Debug, Default)]
pub struct Place {
    pub city: String,
    pub name: Option<String>,
    pub room: Option<String>,
    pub street: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub directions: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl Meeting {
    /// The venue's zone, when the feed names one the widget knows.
    pub fn zone(&self) -> Option<&Zone> {
        self.zone.as_ref()
    }

    /// What the meeting is called: its title, or its place's name, or its city.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().or(self.place.name.as_deref()).unwrap_or(&self.place.city)
    }

    /// Where a visitor signs up: the meeting's first RSVP link, else the campaign's first link.
    pub fn sign_up_link<'a>(&'a self, campaign: &'a Campaign) -> Option<&'a Link> {
        self.rsvp.first().or(campaign.links.first())
    }

    /// The web page of the meeting for a calendar or a search engine: its sign-up link, else
    /// its campaign's page; never an e-mail address.
    pub fn page_link<'a>(&'a self, campaign: &'a Campaign) -> Option<&'a SafeUrl> {
        self.sign_up_link(campaign)
            .map(|l| &l.url)
            .or(campaign.url.as_ref())
            .filter(|u| !u.is_mailto())
    }

    pub fn is_rally(&self) -> bool {
        self.kind.as_deref().is_some_and(|k| k.eq_ignore_ascii_case("rally"))
    }
}

impl Feed {
    /// Keeps only the campaign with this id (a widget that shows one campaign).
    pub fn keep_only_campaign(&mut self, id: &str) {
        self.campaigns.retain(|c| c.id == id);
    }

    /// Keeps only images on the feed's own origin: the widget makes no request to a host the
    /// feed does not come from (an image elsewhere could track the visitors).
    pub fn drop_foreign_images(&mut self, feed_url: &str) {
        for c in &mut self.campaigns {
            if c.image.as_ref().is_some_and(|img| !same_origin(img.url.as_str(), feed_url)) {
                c.image = None;
                self.problems.push(Problem {
                    kind: ProblemKind::ImageElsewhere,
                    path: format!("campaign {}", crate::model::feed::text::quoted(&c.id)),
                    at: None,
                });
            }
        }
    }

    /// Names, among the feed's problems, each row of a sheet that the sheet's reader left out
    /// (`import csv`): its number as the spreadsheet shows it (the header is row 1), and why.
    pub fn left_out_rows(&mut self, rows: impl IntoIterator<Item = (u32, String)>) {
        for (row, reason) in rows {
            self.problems.push(Problem {
                kind: ProblemKind::SheetRow { reason },
                path: format!("row {row}"),
                at: None,
            });
        }
    }

    /// How many campaigns and meetings were left out.
    pub fn left_out(&self) -> usize {
        self.problems.iter().filter(|p| p.severity() == Severity::LeftOut).count()
    }
}
