//! What one widget's first screen is made of: its options, its listing, and the city the reader
//! chose. Every part of the markup writes from it.

use crate::model::index::CityIndex;
use crate::model::listing::Listing;
use crate::model::widget::options::Options;

/// What one widget's first screen is made of.
pub struct Screen<'a> {
    pub options: &'a Options,
    pub listing: &'a Listing,
    /// The city the reader chose (the page URL's, else `data-city`), as written there.
    pub selected: Option<&'a str>,
    /// That city in the feed, if the feed has it.
    pub city: Option<CityIndex>,
}

impl<'a> Screen<'a> {
    pub fn new(options: &'a Options, listing: &'a Listing, selected: Option<&'a str>) -> Self {
        let city = selected.and_then(|s| listing.city_by_slug(s));
        Screen { options, listing, selected, city }
    }

    /// A document-unique id, as `components::dom_id` makes it: `um3-card-2`.
    pub fn dom_id(&self, part: &str) -> String {
        format!("um{}-{part}", self.options.instance)
    }
}
