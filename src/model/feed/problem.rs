//! What can be wrong inside a feed the widget reads: each kind of problem with the data its
//! message needs ([`ProblemKind`]), whether it costs the visitor an entry ([`Severity`], decided
//! by the kind), and where in the feed it is ([`Problem`]). The words of each kind, in every
//! language, are in `model/words/problems.rs`; the publisher's fix in `publisher/fix.rs`.

use crate::model::feed::json::Kind;
use std::fmt;

/// Whether a problem cost the visitor an entry, or was mended and the entry shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    LeftOut,
    Corrected,
}

/// One thing wrong in the feed, for its publisher: where, what, and what the widget did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// Where in the feed: `campaigns[2] "no-war" › meetings[4] "lacc"`.
    pub path: String,
    /// The value it is about, as its node in the parsed document (`json::Value::node`), where
    /// there is one: the command-line checker turns it into a JSONPath, a line and a column.
    pub at: Option<u32>,
}

impl Problem {
    /// What the widget did about it: its kind decides.
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

/// A field of an entry as a message names it, JSON's way: `"url"`, or an item of a list,
/// `"links"[2]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub index: Option<usize>,
}

impl Field {
    pub fn new(key: &'static str) -> Field {
        Field { key, index: None }
    }

    pub fn item(key: &'static str, index: usize) -> Field {
        Field { key, index: Some(index) }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.index {
            None => write!(f, "\"{}\"", self.key),
            Some(i) => write!(f, "\"{}\"[{i}]", self.key),
        }
    }
}

/// A meeting's `start` or `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeField {
    Start,
    End,
}

impl TimeField {
    /// Its key in the feed: `start`, `end`.
    pub fn key(self) -> &'static str {
        match self {
            TimeField::Start => "start",
            TimeField::End => "end",
        }
    }
}

/// What is wrong, with what its message names: the field, the value (as the feed has it, cut
/// where it may be long), what was found instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    // A campaign or a meeting left out.
    /// The entry is not an object.
    NotAnObject {
        found: Kind,
    },
    NoId,
    /// An `id` that is empty, or neither text nor a number.
    EmptyId,
    DuplicateCampaignId {
        id: String,
    },
    /// Two meetings of one campaign with one id.
    DuplicateMeetingId {
        id: String,
    },
    /// A campaign without a `title`.
    NoTitle,
    /// A campaign's `meetings` that is there but not a list.
    MeetingsNotList {
        found: Kind,
    },
    NoPlace,
    PlaceNotObject {
        found: Kind,
    },
    /// A meeting's `place` without a `city`.
    NoCity,
    /// A `start` neither a date nor a date-time (the meeting is left out), or such an `end`
    /// (ignored).
    NotDateTime {
        field: TimeField,
        value: String,
    },
    /// A local time with no offset, and no known `time_zone` to find it: for `start` the meeting
    /// is left out, an `end` is ignored.
    NoOffset {
        field: TimeField,
        value: String,
    },
    /// A `start` in the form of a date that is no day of the calendar (2027-02-30).
    NoSuchDate {
        value: String,
    },

    // An entry shown, mended.
    /// The feed's `publisher` is not an object.
    PublisherNotObject {
        found: Kind,
    },
    /// A campaign with no `meetings`: shown without meetings.
    NoMeetings,
    /// Text cut to `max` characters.
    TooLong {
        field: Field,
        chars: usize,
        max: usize,
    },
    NotText {
        field: Field,
        found: Kind,
    },
    NotList {
        field: Field,
        found: Kind,
    },
    /// An item of a list of names that is no name.
    NotName {
        field: Field,
    },
    /// A link other than https, http or mailto.
    UnsafeLink {
        field: Field,
        value: String,
    },
    /// A link's address that is not text.
    NotLink {
        field: Field,
        found: Kind,
    },
    NotLinkObject {
        field: Field,
        found: Kind,
    },
    /// A latitude or longitude off the globe.
    OutOfRange {
        field: Field,
    },
    NotNumber {
        field: Field,
        found: Kind,
    },
    /// A `status` the widget does not know: shown as scheduled.
    UnknownStatus {
        value: String,
    },
    /// An offset (minutes east of UTC) that is not its zone's on that day: the wall-clock time
    /// `hour:minute` is kept, with the zone's offset.
    WrongOffset {
        field: TimeField,
        value: String,
        given: i32,
        expected: i32,
        hour: u32,
        minute: u32,
    },
    /// An `end` with no `start`: ignored.
    EndWithoutStart,
    /// An `end` when `start` is a date alone: ignored.
    EndWithDate,
    /// An `end` before the start on its day: read as the next day's.
    EndNextDay {
        value: String,
    },
    /// An `end` not after the start: ignored.
    EndNotAfterStart {
        value: String,
    },
    /// A campaign's image on another site than the feed: not shown.
    ImageElsewhere,

    // A CSV feed's row left out (`edge/sheet.rs`, with `import csv`'s reason, in English).
    SheetRow {
        reason: String,
    },
}

impl ProblemKind {
    /// Whether the widget left its entry out or showed it mended.
    pub fn severity(&self) -> Severity {
        use ProblemKind::*;
        match self {
            NotAnObject { .. }
            | NoId
            | EmptyId
            | DuplicateCampaignId { .. }
            | DuplicateMeetingId { .. }
            | NoTitle
            | MeetingsNotList { .. }
            | NoPlace
            | PlaceNotObject { .. }
            | NoCity
            | NoSuchDate { .. }
            | SheetRow { .. } => Severity::LeftOut,
            NotDateTime { field, .. } | NoOffset { field, .. } => match field {
                TimeField::Start => Severity::LeftOut,
                TimeField::End => Severity::Corrected,
            },
            PublisherNotObject { .. }
            | NoMeetings
            | TooLong { .. }
            | NotText { .. }
            | NotList { .. }
            | NotName { .. }
            | UnsafeLink { .. }
            | NotLink { .. }
            | NotLinkObject { .. }
            | OutOfRange { .. }
            | NotNumber { .. }
            | UnknownStatus { .. }
            | WrongOffset { .. }
            | EndWithoutStart
            | EndWithDate
            | EndNextDay { .. }
            | EndNotAfterStart { .. }
            | ImageElsewhere => Severity::Corrected,
        }
    }
}
