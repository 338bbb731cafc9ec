//! The fix for each kind of problem the widget's reader finds in a feed, in one sentence for its
//! publisher (English: the command line's `check` and the check page say it). Chosen by the
//! kind, so every kind has its fix and rewording a message cannot lose it.

use crate::model::feed::problem::ProblemKind;

impl ProblemKind {
    /// What the publisher can do about it.
    pub fn fix(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            DuplicateCampaignId { .. } | DuplicateMeetingId { .. } => {
                "Give every campaign, and every meeting within a campaign, an id of its own."
            }
            NoId => {
                "Add an \"id\": a short name that stays the same when the entry changes \
                 (\"berlin-2027-04-19\")."
            }
            EmptyId => "Write the \"id\" as text, for example \"berlin-2027-04-19\".",
            NoTitle => "Add the campaign's \"title\".",
            NoPlace => "Add a \"place\" with at least its \"city\".",
            NoCity => "Add the \"city\" to the meeting's \"place\".",
            PlaceNotObject { .. } => {
                "Write \"place\" as an object: {\"city\": \"Berlin\", \"name\": \"…\"}."
            }
            NoMeetings => "Add \"meetings\": [] (empty if none are planned yet).",
            MeetingsNotList { .. } => "Write \"meetings\" as a list: [ {…}, {…} ].",
            NotAnObject { .. } | PublisherNotObject { .. } => {
                "Write this entry as an object in curly brackets."
            }
            TooLong { .. } => "Shorten the text; the widget shows only its beginning.",
            NotText { .. } => "Put the value in double quotes, as text.",
            NotList { .. } => "Write it as a list in square brackets, even with one item.",
            NotName { .. } => "Write each item as a name in double quotes.",
            UnsafeLink { .. } => {
                "Write the whole address, starting with https:// (or mailto: for an e-mail \
                 address)."
            }
            NotLink { .. } => "Write the link as text in double quotes, starting with https://.",
            NotLinkObject { .. } => {
                "Write each link as {\"label\": \"…\", \"url\": \"https://…\"}."
            }
            WrongOffset { .. } => {
                "Correct the offset, or leave it out and let \"time_zone\" decide."
            }
            OutOfRange { .. } => {
                "Check the coordinates: latitude runs from -90 to 90, longitude from -180 to 180."
            }
            NotNumber { .. } => "Write the number without quotes.",
            UnknownStatus { .. } => {
                "Use one of scheduled, cancelled, postponed, moved-online or tentative."
            }
            NoOffset { .. } => {
                "Add the offset to the time (2027-04-19T19:00:00+02:00) or a \"time_zone\" such \
                 as \"Europe/Berlin\"."
            }
            NotDateTime { .. } => {
                "Write dates as 2027-04-19 and times as 2027-04-19T19:00:00+02:00."
            }
            NoSuchDate { .. } => {
                "Check the date: the month and day must exist (2027-02-30 does not)."
            }
            EndWithoutStart => "Add the \"start\", or remove the \"end\".",
            EndWithDate => "Give the \"start\" a time too, or remove the \"end\".",
            EndNextDay { .. } => {
                "Give the \"end\" its own date when the meeting runs past midnight."
            }
            EndNotAfterStart { .. } => "Make the \"end\" later than the \"start\".",
            ImageElsewhere => "Put the image on the same site as the feed.",
            SheetRow { .. } => {
                "Correct this row of the sheet as the message says (`upcoming-meetings import \
                 csv` names every column it reads)."
            }
        }
    }
}
