//! A feed seen at one instant: which meetings are upcoming and in which city. Everything the
//! widget lists or counts comes from [`Listing::meetings`], so the city filter's counts and the
//! cards can never disagree.

use crate::model::feed::types::{Campaign, Feed, Meeting, Place};
use crate::model::index::{CampaignIndex, CityIndex, MeetingIndex};
use crate::model::places::cities::{self, City};
use crate::model::places::city_name;
use chrono::{DateTime, Utc};
use std::sync::OnceLock;

/// Where and whether one meeting shows.
#[derive(Clone, Copy, Debug)]
struct Spot {
    city: CityIndex,
    past: bool,
}

/// Which meetings a list is after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Upcoming,
    Past,
}

pub struct Listing {
    pub feed: Feed,
    /// Every city of the feed, sorted by label.
    pub cities: Vec<City>,
    /// Per campaign, per meeting (same order as `feed`).
    spots: Vec<Vec<Spot>>,
    /// Each city's label as the search and the URL compare it, made when first asked for.
    keys: OnceLock<Vec<String>>,
}

impl Listing {
    pub fn new(feed: Feed, now: DateTime<Utc>) -> Listing {
        let places = feed.campaigns.iter().flat_map(|c| c.meetings.iter().map(|m| &m.place));
        let (cities, city_of) = cities::group(places);
        let mut city_of = city_of.into_iter();
        let spots = feed
            .campaigns
            .iter()
            .map(|c| {
                c.meetings
                    .iter()
                    .map(|m| Spot {
                        city: CityIndex(city_of.next().expect("one city per meeting")),
                        past: m.when.is_past(m.zone(), now),
                    })
                    .collect()
            })
            .collect();
        Listing { feed, cities, spots, keys: OnceLock::new() }
    }

    /// What a widget lists of `feed` at `now`: only the campaign its options name, if any, and
    /// only the images on the feed's own origin (`feed_url`, absolute). The first-paint module
    /// and the app make it alike, so their first screens list the same.
    pub fn for_widget(
        mut feed: Feed,
        campaign: Option<&str>,
        feed_url: &str,
        now: DateTime<Utc>,
    ) -> Listing {
        if let Some(id) = campaign {
            feed.keep_only_campaign(id);
        }
        feed.drop_foreign_images(feed_url);
        Listing::new(feed, now)
    }

    pub fn campaign(&self, index: CampaignIndex) -> &Campaign {
        &self.feed.campaigns[index.0]
    }

    pub fn meeting(&self, campaign: CampaignIndex, meeting: MeetingIndex) -> &Meeting {
        &self.campaign(campaign).meetings[meeting.0]
    }

    /// Every campaign, in feed order.
    pub fn campaign_indices(&self) -> impl Iterator<Item = CampaignIndex> {
        (0..self.spots.len()).map(CampaignIndex)
    }

    /// Each city's label as [`city_name::key`] folds it, indexed like `cities`: what a typed
    /// text or a URL is compared with.
    pub fn city_keys(&self) -> &[String] {
        self.keys.get_or_init(|| self.cities.iter().map(|c| city_name::key(&c.label)).collect())
    }

    /// The city a URL names: by its slug ("portland-or"), its label, or any text with the same
    /// key ("munchen", "MÜNCHEN" for München).
    pub fn city_by_slug(&self, slug: &str) -> Option<CityIndex> {
        let wanted = city_name::key(slug);
        self.city_keys().iter().position(|k| *k == wanted).map(CityIndex)
    }

    /// Every meeting's place with the index of its city.
    pub fn places(&self) -> impl Iterator<Item = (CityIndex, &Place)> + '_ {
        self.feed
            .campaigns
            .iter()
            .zip(&self.spots)
            .flat_map(|(c, spots)| c.meetings.iter().zip(spots).map(|(m, s)| (s.city, &m.place)))
    }

    pub fn city(&self, index: CityIndex) -> &City {
        &self.cities[index.0]
    }

    /// Every city, in the order of `cities`.
    pub fn city_indices(&self) -> impl Iterator<Item = CityIndex> {
        (0..self.cities.len()).map(CityIndex)
    }

    /// The city of one meeting.
    pub fn city_of(&self, campaign: CampaignIndex, meeting: MeetingIndex) -> &City {
        self.city(self.spots[campaign.0][meeting.0].city)
    }

    /// The one question behind every list and count: the meetings of one campaign in a period,
    /// in one city or all, as indices into `campaign.meetings` in date order.
    pub fn meetings(
        &self,
        campaign: CampaignIndex,
        city: Option<CityIndex>,
        period: Period,
    ) -> impl Iterator<Item = MeetingIndex> + '_ {
        self.spots[campaign.0]
            .iter()
            .enumerate()
            .filter(move |(_, s)| {
                s.past == (period == Period::Past) && city.is_none_or(|c| s.city == c)
            })
            .map(|(i, _)| MeetingIndex(i))
    }

    /// Upcoming meetings per city, indexed like `cities`.
    pub fn city_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.cities.len()];
        for c in self.campaign_indices() {
            for m in self.meetings(c, None, Period::Upcoming) {
                counts[self.spots[c.0][m.0].city.0] += 1;
            }
        }
        counts
    }

    /// Whether a campaign shows: always with all cities, with a city chosen if it meets there.
    pub fn shows(&self, campaign: CampaignIndex, city: Option<CityIndex>) -> bool {
        city.is_none() || self.meetings(campaign, city, Period::Upcoming).next().is_some()
    }

    /// The campaigns to show, in feed order.
    pub fn campaigns(&self, city: Option<CityIndex>) -> Vec<CampaignIndex> {
        self.campaign_indices().filter(|&c| self.shows(c, city)).collect()
    }

    /// The upcoming meetings listed for `city` (or all), each with its campaign, campaign by
    /// campaign: the first `limit` of each (all without one). What a calendar file or the
    /// structured data for search engines holds of what a widget or page shows.
    pub fn upcoming(
        &self,
        city: Option<CityIndex>,
        limit: Option<usize>,
    ) -> impl Iterator<Item = (&Campaign, &Meeting)> + '_ {
        self.campaign_indices().flat_map(move |c| {
            let campaign = self.campaign(c);
            self.meetings(c, city, Period::Upcoming)
                .take(limit.unwrap_or(usize::MAX))
                .map(move |m| (campaign, &campaign.meetings[m.0]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;

    fn listing(now: &str) -> Listing {
        let feed = parse_feed(
            r#"{"version":1,"campaigns":[
              {"id":"a","title":"A","meetings":[
                {"id":"old","start":"2027-01-10T19:00:00-05:00",
                 "place":{"city":"Detroit","region":"MI"}},
                {"id":"det","start":"2027-04-11T19:00:00-04:00",
                 "place":{"city":"Detroit","region":"MI"}},
                {"id":"pdx","start":"2027-05-29T16:00:00-07:00",
                 "place":{"city":"Portland","region":"OR"}},
                {"id":"pme","start":"2027-05-30T16:00:00-04:00",
                 "place":{"city":"Portland","region":"ME"}}
              ]},
              {"id":"b","title":"B","meetings":[
                {"id":"det2","start":"2027-04-12T19:00:00-04:00",
                 "place":{"city":"detroit","region":"mi"}},
                {"id":"tba","place":{"city":"Berlin","country":"DE"}}
              ]},
              {"id":"c","title":"C, nothing yet","notice":"Coming soon","meetings":[]}
            ]}"#,
        )
        .unwrap();
        Listing::new(feed, DateTime::parse_from_rfc3339(now).unwrap().with_timezone(&Utc))
    }

    #[test]
    fn counts_and_lists_agree() {
        let l = listing("2027-03-01T00:00:00Z");
        let labels: Vec<_> = l.cities.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Berlin", "Detroit", "Portland, ME", "Portland, OR"]);
        assert_eq!(l.city_counts(), [1, 2, 1, 1]);
        let detroit = l.city_by_slug("Detroit").unwrap();
        let listed: usize = l
            .campaigns(Some(detroit))
            .iter()
            .map(|&c| l.meetings(c, Some(detroit), Period::Upcoming).count())
            .sum();
        assert_eq!(listed, l.city_counts()[detroit.0]);
        assert_eq!(l.meetings(CampaignIndex(0), Some(detroit), Period::Past).count(), 1);
        let ids = |city, limit| {
            l.upcoming(city, limit).map(|(c, m)| format!("{}/{}", c.id, m.id)).collect::<Vec<_>>()
        };
        assert_eq!(ids(Some(detroit), None), ["a/det", "b/det2"]);
        assert_eq!(ids(None, Some(1)), ["a/det", "b/det2"], "the first of each campaign");
        assert_eq!(ids(None, None).len(), l.city_counts().iter().sum::<usize>());
    }

    #[test]
    fn filtering_keeps_only_campaigns_meeting_in_the_city() {
        let l = listing("2027-03-01T00:00:00Z");
        assert_eq!(l.campaigns(None), [0, 1, 2].map(CampaignIndex));
        let pdx = l.city_by_slug("portland-or").unwrap();
        assert_eq!(l.campaigns(Some(pdx)), [CampaignIndex(0)]);
        assert_eq!(
            l.meetings(CampaignIndex(0), Some(pdx), Period::Upcoming)
                .map(|m| l.meeting(CampaignIndex(0), m).id.as_str())
                .collect::<Vec<_>>(),
            ["pdx"]
        );
        assert_eq!(l.city_by_slug("atlantis"), None);
        assert_eq!(l.city_by_slug("Portland, OR"), Some(pdx), "its label");
        assert_eq!(l.city_by_slug("PORTLAND OR"), Some(pdx));
        assert_eq!(l.city_by_slug("portland"), None, "not a city of its own");
    }

    #[test]
    fn meetings_become_past_as_time_goes_on() {
        let l = listing("2027-04-20T00:00:00Z");
        let upcoming: Vec<_> = l
            .meetings(CampaignIndex(0), None, Period::Upcoming)
            .map(|m| l.meeting(CampaignIndex(0), m).id.as_str())
            .collect();
        assert_eq!(upcoming, ["pdx", "pme"]);
        assert_eq!(l.meetings(CampaignIndex(0), None, Period::Past).count(), 2);
        // A meeting with no date is never past, so Berlin still counts.
        assert_eq!(l.city_counts()[l.city_by_slug("berlin").unwrap().0], 1);
        assert_eq!(l.campaigns(l.city_by_slug("detroit")), Vec::<CampaignIndex>::new());
    }
}
