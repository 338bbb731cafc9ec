//! Property tests of the parser and validator (proptest, a fixed number of cases per property,
//! run by `make test`):
//! - no input makes it panic: arbitrary text, arbitrary JSON, JSON shaped like a feed, and
//!   valid feeds cut off at any byte;
//! - a valid entry is never lost because of an invalid sibling: a valid campaign with valid
//!   meetings, mixed with junk campaigns and junk meetings, always comes out whole.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use upcoming_meetings::model::feed::json::{self, Kind};
use upcoming_meetings::model::feed::read::parse_feed;

/// Cases per property; `PROPTEST_CASES` in the environment overrides it.
const CASES: u32 = 1_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES),
        ..ProptestConfig::default()
    }
}

/// Keys of the format, so that junk often looks like the real thing, plus any key at all.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "version", "campaigns", "meetings", "id", "title", "summary", "url", "image", "links",
            "label", "kind", "start", "end", "time_zone", "status", "place", "city", "region",
            "country", "lat", "lon", "rsvp", "online", "speakers", "sponsors", "tags", "notice",
            "note", "publisher", "contact_url", "name",
        ])
        .prop_map(str::to_string),
        1 => ".{0,12}",
    ]
}

/// Leaves that stress the validator: dates right and wrong, links safe and not, odd numbers.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,30}".prop_map(Value::String),
        prop::sample::select(vec![
            "2027-04-19T19:00:00-07:00",
            "2027-04-19",
            "2027-13-45",
            "2027-03-14T02:30",
            "2027-04-19T19:00Z",
            "javascript:alert(1)",
            " JaVaScRiPt:x",
            "https://example.org/",
            "mailto:a@b.example",
            "data:image/png,AA",
            "America/Los_Angeles",
            "Europe/Berlin",
            "Nowhere/Else",
            "cancelled",
            "rally",
            "",
            "   ",
            "1",
            "2.0",
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ]
}

fn junk() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A meeting every rule accepts.
fn good_meeting(i: usize) -> impl Strategy<Value = Value> {
    let start = prop_oneof![
        Just(None),
        (1u32..=12, 1u32..=28).prop_map(|(m, d)| Some(format!("2027-{m:02}-{d:02}"))),
        (
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            prop::sample::select(vec!["-07:00", "+02:00", "+00:00", "-04:00"])
        )
            .prop_map(|(m, d, h, min, off)| Some(format!(
                "2027-{m:02}-{d:02}T{h:02}:{min:02}:00{off}"
            ))),
    ];
    (start, "[A-Za-z][A-Za-z ]{0,15}").prop_map(move |(start, city)| {
        let mut m = json!({ "id": format!("good-m{i}"), "place": { "city": city } });
        if let Some(s) = start {
            m["start"] = json!(s);
        }
        m
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = parse_feed(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(doc in junk()) {
        let _ = parse_feed(&doc.to_string());
    }

    #[test]
    fn the_json_reader_reads_what_serde_json_writes(doc in junk()) {
        let text = doc.to_string();
        let ours = json::parse(&text).expect("valid JSON is read");
        prop_assert!(same(ours.root(), &doc), "{:?} read differently", doc);
    }

    #[test]
    fn feed_shaped_junk_never_panics(
        campaigns in prop::collection::vec(junk(), 0..6),
        publisher in junk(),
    ) {
        let doc = json!({ "version": 1, "publisher": publisher, "campaigns": campaigns });
        let _ = parse_feed(&doc.to_string());
    }

    #[test]
    fn a_feed_cut_anywhere_never_panics(cut in 0usize..2_000) {
        let full = include_str!("fixtures/valid/every-field.json");
        let end = (0..=cut.min(full.len())).rev().find(|&i| full.is_char_boundary(i)).unwrap_or(0);
        let _ = parse_feed(&full[..end]);
    }

    #[test]
    fn a_valid_entry_is_never_lost_because_of_an_invalid_sibling(
        title in "[A-Za-z][A-Za-z ]{0,30}",
        meetings in (0usize..5).prop_flat_map(|n| (0..n).map(good_meeting).collect::<Vec<_>>()),
        junk_meetings in prop::collection::vec(junk(), 0..5),
        junk_campaigns in prop::collection::vec(junk(), 0..5),
        at in 0usize..6,
        seed in any::<u64>(),
    ) {
        // Interleave the good meetings with the junk ones, and the good campaign among junk.
        let mut all_meetings: Vec<Value> = junk_meetings.iter().map(rename_good).collect();
        for (i, m) in meetings.iter().enumerate() {
            let pos = (seed as usize).wrapping_add(i * 7) % (all_meetings.len() + 1);
            all_meetings.insert(pos, m.clone());
        }
        let good = json!({ "id": "good-campaign", "title": title, "meetings": all_meetings });
        let mut campaigns: Vec<Value> = junk_campaigns.iter().map(rename_good).collect();
        campaigns.insert(at.min(campaigns.len()), good);
        let doc = json!({ "version": 1, "campaigns": campaigns });

        let feed = parse_feed(&doc.to_string()).expect("a feed with a valid campaign is a feed");
        let kept = feed
            .campaigns
            .iter()
            .find(|c| c.id == "good-campaign")
            .expect("the valid campaign is kept");
        prop_assert_eq!(&kept.title, title.trim());
        for m in &meetings {
            let id = m["id"].as_str().unwrap();
            prop_assert!(
                kept.meetings.iter().any(|k| k.id == id),
                "valid meeting {} lost; problems: {:?}",
                id,
                feed.problems
            );
        }
    }
}

/// Junk must not borrow the good entries' ids (a junk entry with a good id could, rightly, be
/// taken as the first of a duplicate pair).
fn rename_good(v: &Value) -> Value {
    match v {
        Value::String(s) if s.starts_with("good-") => Value::String(format!("junk-{s}")),
        Value::Array(items) => Value::Array(items.iter().map(rename_good).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), rename_good(v))).collect())
        }
        other => other.clone(),
    }
}

/// The same tree: our reader's value against serde_json's.
fn same(ours: json::Value, theirs: &Value) -> bool {
    match (ours.kind(), theirs) {
        (Kind::Null, Value::Null) => true,
        (Kind::Bool, Value::Bool(b)) => ours.as_bool() == Some(*b),
        (Kind::Number, Value::Number(m)) => {
            let (a, b) = (ours.as_f64().unwrap(), m.as_f64().unwrap());
            a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
        }
        (Kind::String, Value::String(b)) => ours.as_str() == Some(b.as_str()),
        (Kind::Array, Value::Array(b)) => {
            let items: Vec<_> = ours.items().unwrap().collect();
            items.len() == b.len() && items.into_iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Kind::Object, Value::Object(b)) => {
            ours.members().count() == b.len()
                && ours.members().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}
