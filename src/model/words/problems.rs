//! A problem with the feed in words, in every language the widget speaks: each
//! [`ProblemKind`]'s message and what the widget did about it ([`Severity`]), from the `problem_`
//! and `found_` texts of `locales/<tag>.txt`. The command line's `check` says them in English.

use crate::model::feed::json::Kind;
use crate::model::feed::problem::{Field, ProblemKind, Severity, TimeField};
use crate::model::feed::text::quoted;
use crate::model::feed::time::show_offset;
use crate::model::words::i18n::{fill, Lang, Texts};

impl Severity {
    /// What the widget did: "left out", "corrected".
    pub fn word(self, lang: Lang) -> &'static str {
        let t = lang.texts();
        match self {
            Severity::LeftOut => t.problem_left_out(),
            Severity::Corrected => t.problem_corrected(),
        }
    }
}

/// What a value is, where another kind was expected: "a number", "text".
fn found(t: &Texts, kind: Kind) -> &'static str {
    match kind {
        Kind::Null => t.found_null(),
        Kind::Bool => t.found_bool(),
        Kind::Number => t.found_number(),
        Kind::String => t.found_text(),
        Kind::Array => t.found_list(),
        Kind::Object => t.found_object(),
    }
}

impl ProblemKind {
    /// What is wrong, in `lang`: `"lat" is out of range; ignored`.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let t = lang.texts();
        let by_time_field = |field: &TimeField, start, end| match field {
            TimeField::Start => start,
            TimeField::End => end,
        };
        // Most kinds name some of a field, a value and what was found: one `fill` for them all.
        let (template, field, value, found_kind): (_, Option<&Field>, Option<&str>, _) = match self
        {
            NotAnObject { found } => (t.problem_not_object(), None, None, Some(*found)),
            NoId => (t.problem_no_id(), None, None, None),
            EmptyId => (t.problem_empty_id(), None, None, None),
            DuplicateCampaignId { id } => (t.problem_duplicate_campaign_id(), None, Some(id), None),
            DuplicateMeetingId { id } => (t.problem_duplicate_meeting_id(), None, Some(id), None),
            NoTitle => (t.problem_no_title(), None, None, None),
            MeetingsNotList { found } => (t.problem_meetings_not_list(), None, None, Some(*found)),
            NoPlace => (t.problem_no_place(), None, None, None),
            PlaceNotObject { found } => (t.problem_place_not_object(), None, None, Some(*found)),
            NoCity => (t.problem_no_city(), None, None, None),
            NotDateTime { field, value } => (
                by_time_field(
                    field,
                    t.problem_start_not_date_time(),
                    t.problem_end_not_date_time(),
                ),
                None,
                Some(value),
                None,
            ),
            NoOffset { field, value } => (
                by_time_field(field, t.problem_start_no_offset(), t.problem_end_no_offset()),
                None,
                Some(value),
                None,
            ),
            NoSuchDate { value } => (t.problem_no_such_date(), None, Some(value), None),
            // The command line's reason as it says it, in English: not quoted as a value.
            SheetRow { reason } => return fill(t.problem_sheet_row(), &[("reason", reason)]),
            PublisherNotObject { found } => {
                (t.problem_publisher_not_object(), None, None, Some(*found))
            }
            NoMeetings => (t.problem_no_meetings(), None, None, None),
            TooLong { field, chars, max } => {
                return fill(
                    t.problem_too_long(),
                    &[
                        ("field", &field.to_string()),
                        ("chars", &chars.to_string()),
                        ("max", &max.to_string()),
                    ],
                )
            }
            NotText { field, found } => (t.problem_not_text(), Some(field), None, Some(*found)),
            NotList { field, found } => (t.problem_not_list(), Some(field), None, Some(*found)),
            NotName { field } => (t.problem_not_name(), Some(field), None, None),
            UnsafeLink { field, value } => {
                (t.problem_unsafe_link(), Some(field), Some(value), None)
            }
            NotLink { field, found } => (t.problem_not_link(), Some(field), None, Some(*found)),
            NotLinkObject { field, found } => {
                (t.problem_not_link_object(), Some(field), None, Some(*found))
            }
            OutOfRange { field } => (t.problem_out_of_range(), Some(field), None, None),
            NotNumber { field, found } => (t.problem_not_number(), Some(field), None, Some(*found)),
            UnknownStatus { value } => (t.problem_unknown_status(), None, Some(value), None),
            WrongOffset { field, value, given, expected, hour, minute } => {
                return fill(
                    t.problem_wrong_offset(),
                    &[
                        ("key", field.key()),
                        ("value", &quoted(value)),
                        ("given", &show_offset(*given)),
                        ("expected", &show_offset(*expected)),
                        ("time", &format!("{hour:02}:{minute:02}")),
                    ],
                )
            }
            EndWithoutStart => (t.problem_end_without_start(), None, None, None),
            EndWithDate => (t.problem_end_with_date(), None, None, None),
            EndNextDay { value } => (t.problem_end_next_day(), None, Some(value), None),
            EndNotAfterStart { value } => {
                (t.problem_end_not_after_start(), None, Some(value), None)
            }
            ImageElsewhere => (t.problem_image_elsewhere(), None, None, None),
        };
        let field = field.map(Field::to_string).unwrap_or_default();
        let value = value.map(quoted).unwrap_or_default();
        let found_word = found_kind.map_or("", |kind| found(t, kind));
        fill(
            template,
            &[("field", &field), ("value", &value), ("id", &value), ("found", found_word)],
        )
    }
}

// Natively: every language is built in there, and the test reads the source with `syn`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;
    use std::collections::HashSet;

    /// One problem of every kind: those of `tests/fixtures/invalid/every-problem.json` (checked
    /// here to hold every variant of [`ProblemKind`]), with its image taken as another site's.
    fn every_kind() -> Vec<ProblemKind> {
        let text = include_str!("../../../tests/fixtures/invalid/every-problem.json");
        let mut feed = parse_feed(text).unwrap();
        feed.drop_foreign_images("https://chapter.example/feed.json");
        let mut kinds: Vec<ProblemKind> = feed.problems.into_iter().map(|p| p.kind).collect();
        // The one kind no JSON feed has: a CSV feed's row left out.
        kinds.push(ProblemKind::SheetRow { reason: "the date \"30.02.2027\" …".to_string() });
        let source = syn::parse_file(include_str!("../feed/problem.rs")).unwrap();
        let variants = source
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Enum(e) if e.ident == "ProblemKind" => Some(e.variants.len()),
                _ => None,
            })
            .expect("problem.rs declares ProblemKind");
        let seen: HashSet<_> = kinds.iter().map(std::mem::discriminant).collect();
        assert_eq!(seen.len(), variants, "every-problem.json lacks a kind: it has {kinds:#?}");
        kinds
    }

    #[test]
    fn every_kind_of_problem_is_worded_in_every_language() {
        let kinds = every_kind();
        for &lang in &Lang::ALL[1..] {
            for kind in &kinds {
                let (text, english) = (kind.message(lang), kind.message(Lang::En));
                assert!(!text.contains('{') && !text.contains('}'), "{lang:?}: {text}");
                assert_ne!(text, english, "{lang:?} says {kind:?} in English");
            }
            for severity in [Severity::LeftOut, Severity::Corrected] {
                assert_ne!(severity.word(lang), severity.word(Lang::En), "{lang:?}");
            }
        }
        for kind in &kinds {
            let text = kind.message(Lang::En);
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
        }
    }

    #[test]
    fn a_message_names_the_field_the_value_and_what_was_found() {
        let kind = ProblemKind::NotLinkObject { field: Field::item("rsvp", 2), found: Kind::Bool };
        assert_eq!(
            kind.message(Lang::En),
            r#""rsvp"[2] is true or false, not a link object; ignored"#
        );
        assert_eq!(
            kind.message(Lang::De),
            r#""rsvp"[2] ist true oder false, kein Link-Objekt; ignoriert"#
        );
        let kind = ProblemKind::WrongOffset {
            field: TimeField::End,
            value: "2027-07-01T21:00:00+05:30".into(),
            given: 330,
            expected: -420,
            hour: 21,
            minute: 0,
        };
        assert_eq!(
            kind.message(Lang::En),
            "end \"2027-07-01T21:00:00+05:30\": the offset +05:30 is not the one in force in its \
             time_zone on that day (-07:00); the local time 21:00 was kept"
        );
        assert_eq!(
            ProblemKind::ImageElsewhere.message(Lang::En),
            "\"image.url\" is on another site than the feed; not shown"
        );
        assert_eq!(Severity::LeftOut.word(Lang::Fr), "omise");
    }
}
