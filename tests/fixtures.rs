//! The feed contract, checked from the Rust side against the same files the JSON Schema test
//! reads (tests/schema.test.mjs): every document the schema accepts is read with no problem,
//! and every document it refuses makes the widget refuse it or report what it left out.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use upcoming_meetings::model::feed::read::parse_feed;

fn documents(dir: &str) -> Vec<(String, String)> {
    let mut docs: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    docs.sort();
    assert!(!docs.is_empty(), "no fixtures in {dir}");
    docs
}

#[test]
fn every_schema_valid_document_is_read_without_problems() {
    let mut docs = documents("tests/fixtures/valid");
    docs.push(("public/feed.json".into(), fs::read_to_string("public/feed.json").unwrap()));
    for (name, text) in docs {
        let feed = parse_feed(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(feed.problems.is_empty(), "{name}: {:#?}", feed.problems);
    }
}

#[test]
fn every_schema_invalid_document_is_refused_or_reported() {
    for (name, text) in documents("tests/fixtures/invalid") {
        match parse_feed(&text) {
            Err(_) => {}
            Ok(feed) => assert!(!feed.problems.is_empty(), "{name} was read without a word"),
        }
    }
}

#[test]
fn bundled_feed_has_every_seed_campaign_and_its_meetings() {
    let feed = parse_feed(&fs::read_to_string("public/feed.json").unwrap()).unwrap();
    assert_eq!(feed.campaigns.len(), 14);
    let meetings: usize = feed.campaigns.iter().map(|c| c.meetings.len()).sum();
    assert_eq!(meetings, 42);
}
