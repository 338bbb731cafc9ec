//! How a link to one meeting is written in the page URL: a parameter of the widget's own,
//! named after its city parameter (`city` → `meeting`, `um-city-2` → `um-meeting-2`), whose
//! value is the campaign's id and the meeting's, `campaign/meeting`. Opening such a link shows
//! the widget with that meeting's panel open.

use crate::model::index::{CampaignIndex, MeetingIndex};
use crate::model::listing::Listing;

/// The meeting parameter of a widget whose city parameter is `city_param`.
pub fn param_name(city_param: &str) -> String {
    match city_param.rsplit_once("city") {
        Some((before, after)) => format!("{before}meeting{after}"),
        None => format!("{city_param}-meeting"),
    }
}

/// The parameter's value for meeting `meeting` of campaign `campaign`.
pub fn value(listing: &Listing, campaign: CampaignIndex, meeting: MeetingIndex) -> String {
    format!("{}/{}", listing.campaign(campaign).id, listing.meeting(campaign, meeting).id)
}

/// The meeting a parameter's value names, if the feed has it.
pub fn find(listing: &Listing, value: &str) -> Option<(CampaignIndex, MeetingIndex)> {
    let (campaign_id, meeting_id) = value.split_once('/')?;
    let campaign = CampaignIndex(listing.feed.campaigns.iter().position(|c| c.id == campaign_id)?);
    let meeting = listing.campaign(campaign).meetings.iter().position(|m| m.id == meeting_id)?;
    Some((campaign, MeetingIndex(meeting)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;
    use chrono::{DateTime, Utc};

    #[test]
    fn names_and_values_round_trip() {
        assert_eq!(param_name("city"), "meeting");
        assert_eq!(param_name("um-city"), "um-meeting");
        assert_eq!(param_name("um-city-2"), "um-meeting-2");
        assert_eq!(param_name("where"), "where-meeting");
        let feed = parse_feed(
            r#"{"version":1,"campaigns":[{"id":"a","title":"A","meetings":[]},
              {"id":"b","title":"B","meetings":[
                {"id":"x","place":{"city":"Berlin"}},{"id":"y","place":{"city":"Berlin"}}]}]}"#,
        )
        .unwrap();
        let listing = Listing::new(feed, DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(value(&listing, CampaignIndex(1), MeetingIndex(1)), "b/y");
        assert_eq!(find(&listing, "b/y"), Some((CampaignIndex(1), MeetingIndex(1))));
        assert_eq!(find(&listing, "b/z"), None);
        assert_eq!(find(&listing, "nothing"), None);
    }
}
