//! Indices into a listing (a campaign, a meeting of a campaign, a city), one type each, so that
//! a campaign's index cannot be passed where a meeting's or a city's is wanted: views hand them
//! to one another and to `Listing`, which alone turns them into the feed's campaigns, meetings
//! and cities.

/// A campaign's place in the feed (`feed.campaigns`, in feed order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CampaignIndex(pub usize);

/// A meeting's place in its campaign's `meetings` (in date order, as the reader sorted them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeetingIndex(pub usize);

/// A city's place in `Listing::cities` (sorted by its name's key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CityIndex(pub usize);
