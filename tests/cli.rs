//! The publisher's command line, run as a user runs it: the built `upcoming-meetings` binary on
//! real-shaped files (the bundled feed, a feed with many kinds of problems, a sheet as a
//! spreadsheet program saves it), its output and exit status.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

const NOW: &str = "2026-12-01T12:00:00Z";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_upcoming-meetings"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Saves a feed an import wrote and asserts that `check` finds nothing left out or mended in
/// it; returns the file, for more commands on it.
fn saved_and_checked_clean(feed: &str, name: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("um-{name}-{}.json", std::process::id()));
    std::fs::write(&path, feed).unwrap();
    let checked = run(&["check", path.to_str().unwrap(), "--now", NOW]);
    let report = stdout(&checked);
    assert_eq!(checked.status.code(), Some(0), "{report}");
    assert!(!report.contains(": left out:") && !report.contains(": mended:"), "{report}");
    path
}

#[test]
fn check_names_each_problem_with_its_place_and_sets_the_exit_status() {
    let out = run(&["check", "tests/fixtures/invalid/many-problems.json", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1), "something is left out");
    let text = stdout(&out);
    assert!(text.ends_with("many-problems.json: 3 left out, 4 mended, 7 warnings\n"), "{text}");
    assert!(
        text.contains(concat!(
            "many-problems.json:16:9: left out: campaigns[0] \"fight-fascism\" › ",
            "meetings[1] \"detroit-2\" ($.campaigns[0].meetings[1])"
        )),
        "{text}"
    );
    assert!(text.contains("($.campaigns[0].meetings[2].rsvp[0].url)"));
    assert!(text.contains("the time_zone \"Detroit\" is not a zone browsers know"));

    assert_eq!(
        run(&["check", "public/feed.json", "--now", NOW]).status.code(),
        Some(0),
        "warnings alone pass"
    );
    let missing = run(&["check", "no-such-feed.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-feed.json"));
}

/// `check`'s exit status, as the README gives it: 0 when the widget shows everything (warnings
/// allowed), 1 when it would leave something out or refuse the feed for what it says, 2 when the
/// feed cannot be read at all.
#[test]
fn check_exits_0_1_or_2_as_documented() {
    let status = |feed: &str| run(&["check", feed, "--now", NOW]).status.code();
    assert_eq!(status("public/feed.json"), Some(0), "warnings alone");
    assert_eq!(status("tests/fixtures/invalid/many-problems.json"), Some(1), "left out");
    assert_eq!(status("tests/fixtures/wrong-shape.json"), Some(1), "refused: not a feed's shape");
    assert_eq!(status("tests/fixtures/invalid/version-2.json"), Some(1), "refused: version 2");
    for unreadable in ["truncated.json", "empty.json", "not-json.html"] {
        let out = run(&["check", &format!("tests/fixtures/{unreadable}"), "--now", NOW]);
        assert_eq!(out.status.code(), Some(2), "{unreadable} cannot be read");
        assert!(stdout(&out).contains(": refused: the feed ($)"), "{unreadable}: said why");
    }
    assert_eq!(status("no-such-feed.json"), Some(2), "no file");
}

/// Every kind of problem the widget's reader reports, as `check` words it and the fix it gives,
/// to the byte (`every-problem.check.txt`): a change of wording shows here.
#[test]
fn check_words_every_kind_of_problem_and_its_fix() {
    let out = run(&["check", "tests/fixtures/invalid/every-problem.json", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), include_str!("fixtures/invalid/every-problem.check.txt"));
}

#[test]
fn check_prints_one_json_object_per_problem_for_scripts() {
    let out = run(&[
        "check",
        "tests/fixtures/invalid/many-problems.json",
        "--now",
        NOW,
        "--format",
        "json",
    ]);
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 14);
    let lat = lines
        .iter()
        .find(|l| l["path"] == "$.campaigns[0].meetings[0].place.lat")
        .expect("the latitude");
    assert_eq!(
        (lat["severity"].as_str(), lat["line"].as_u64(), lat["column"].as_u64()),
        (Some("mended"), Some(14), Some(94))
    );
    assert!(lat["fix"].as_str().unwrap().contains("-90 to 90"));
}

#[test]
fn a_spreadsheet_becomes_a_feed_that_check_accepts_and_render_shows() {
    let out = run(&["import", "csv", "tests/fixtures/import/chapter-sheet.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let feed = stdout(&out);
    let value: serde_json::Value = serde_json::from_str(&feed).unwrap();
    let meetings = value["campaigns"][0]["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 5, "the empty trailing row is no meeting");
    assert_eq!(value["campaigns"][0]["title"], "How to Fight Fascism, a Lecture Series");
    assert_eq!(meetings[0]["start"], "2027-04-19T19:00:00-04:00");
    assert_eq!(
        meetings[2]["start"], "2027-03-28T19:00:00+02:00",
        "Berlin's clocks went forward that morning"
    );
    assert_eq!(meetings[3]["start"], "2027-05-02", "a time TBA");
    assert_eq!(meetings[4]["start"], "2027-05-08T18:00:00+10:00");
    assert_eq!(meetings[4]["status"], "cancelled");

    let path = saved_and_checked_clean(&feed, "imported");
    let page = run(&["render", path.to_str().unwrap(), "--now", NOW]);
    assert!(stdout(&page).contains("Wayne State Student Center"));
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_sheet_with_bad_rows_converts_the_rest_and_names_them() {
    let path = std::env::temp_dir().join(format!("um-bad-sheet-{}.csv", std::process::id()));
    std::fs::write(
        &path,
        concat!(
            "campaign,campaign_title,city,date,time\r\n",
            "c,C,Berlin,2027-04-19,19:00\r\n",
            "c,,Berlin,2027-04-32,19:00\r\n",
            "c,,,2027-04-20,19:00\r\n"
        ),
    )
    .unwrap();
    let out = run(&["import", "csv", path.to_str().unwrap(), "--time-zone", "Europe/Berlin"]);
    assert_eq!(out.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(errors.contains("row 3: left out: the date \"2027-04-32\""), "{errors}");
    assert!(errors.contains("row 4: left out: the \"city\" cell is empty"), "{errors}");
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["campaigns"][0]["meetings"][0]["start"], "2027-04-19T19:00:00+02:00");
    std::fs::remove_file(path).unwrap();
}

const CALENDAR: &str = "tests/fixtures/import/google-calendar.ics";

/// `import ics` of the Google Calendar export, with repeating events' dates from `now` until
/// `until`: exit status, standard error and the feed's meetings.
fn import_calendar(
    now: &str,
    until: Option<&str>,
) -> (Option<i32>, String, String, Vec<serde_json::Value>) {
    let mut args = vec![
        "import",
        "ics",
        CALENDAR,
        "--campaign",
        "wsu",
        "--title",
        "IYSSE at Wayne State",
        "--city",
        "Detroit",
        "--now",
        now,
    ];
    args.extend(until.iter().flat_map(|u| ["--until", u]));
    let out = run(&args);
    let feed = stdout(&out);
    let value: serde_json::Value = serde_json::from_str(&feed).unwrap();
    let meetings = value["campaigns"][0]["meetings"].as_array().unwrap().clone();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned(), feed, meetings)
}

#[test]
fn a_google_calendar_export_becomes_a_campaign_that_check_accepts() {
    let (status, errors, feed, meetings) = import_calendar("2026-12-01T12:00:00Z", None);
    assert_eq!(status, Some(1), "one event cannot be placed");
    assert!(
        errors.contains(concat!(
            "left out: \"Committee call\": its TZID \"Customized Time Zone\" ",
            "is not a zone name (IANA or Windows)"
        )),
        "{errors}"
    );
    assert!(
        errors.contains(concat!(
            "\"Reading group\" repeats: 3 dates from 2027-03-03 to 2027-03-24, ",
            "and 1 changed date as its own meeting"
        )),
        "{errors}"
    );
    let by_id =
        |id: &str| meetings.iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("no {id}"));
    let lecture = by_id("5f0c2a9e1b7d4c3f8a6e@google.com");
    assert_eq!(lecture["start"], "2027-04-19T19:00:00-04:00");
    assert_eq!(
        lecture["title"],
        "The Threat of Fascism and How to Fight It: a lecture and discussion with Andre Damon",
        "a folded line, unfolded"
    );
    assert_eq!(lecture["place"]["city"], "Detroit");
    assert_eq!(lecture["place"]["street"], "5221 Gullen Mall");
    assert_eq!(lecture["rsvp"][0]["url"], "https://www.facebook.com/events/1234567890/");
    assert_eq!(by_id("0a1b2c3d4e5f@google.com")["start"], "2027-05-01", "an all-day event");
    let outlook = by_id("outlook-1@example.com");
    assert_eq!(
        (outlook["start"].as_str(), outlook["time_zone"].as_str()),
        (Some("2027-04-10T19:00:00+02:00"), Some("Europe/Berlin")),
        "a Windows zone name"
    );
    assert_eq!(outlook["place"]["city"], "Berlin");
    let film = by_id("cancelled-1@google.com");
    assert_eq!(
        (film["status"].as_str(), film["start"].as_str()),
        (Some("cancelled"), Some("2027-03-25T18:00:00-04:00")),
        "UTC read in the calendar's zone"
    );

    // A weekly event: every Wednesday at 18:30 in Detroit, before and after the clocks change
    // (14 March 2027), the same length, with the changed instance in place of its date.
    let series: Vec<(&str, &str, &str)> = meetings
        .iter()
        .filter(|m| m["id"].as_str().unwrap().starts_with("reading-group-77@google.com"))
        .map(|m| {
            (m["id"].as_str().unwrap(), m["start"].as_str().unwrap(), m["end"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        series,
        [
            (
                "reading-group-77@google.com-20270303",
                "2027-03-03T18:30:00-05:00",
                "2027-03-03T20:00:00-05:00"
            ),
            (
                "reading-group-77@google.com-20270310",
                "2027-03-10T18:30:00-05:00",
                "2027-03-10T20:00:00-05:00"
            ),
            (
                "reading-group-77@google.com-20270317",
                "2027-03-17T19:00:00-04:00",
                "2027-03-17T20:30:00-04:00"
            ),
            (
                "reading-group-77@google.com-20270324",
                "2027-03-24T18:30:00-04:00",
                "2027-03-24T20:00:00-04:00"
            ),
        ]
    );
    assert_eq!(
        by_id("reading-group-77@google.com-20270317")["title"],
        "Reading group (later this week)"
    );
    // A weekly all-day event until 23 April, but not on 9 April (EXDATE).
    let table: Vec<&str> = meetings
        .iter()
        .filter(|m| m["title"] == "Literature table")
        .map(|m| m["start"].as_str().unwrap())
        .collect();
    assert_eq!(table, ["2027-04-02", "2027-04-16", "2027-04-23"]);

    std::fs::remove_file(saved_and_checked_clean(&feed, "calendar")).unwrap();
}

#[test]
fn a_repeating_events_dates_are_those_from_now_until_the_window_ends() {
    let (_, errors, _, meetings) = import_calendar("2027-03-05T00:00:00Z", Some("2027-04-10"));
    let ids: Vec<&str> = meetings
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .filter(|id| id.contains("-2027"))
        .collect();
    // 3 March is past; 17 March is the changed instance, an event of its own; 24 March and the
    // literature table of 2 April are in the window; 16 and 23 April are after it.
    assert_eq!(
        ids,
        [
            "reading-group-77@google.com-20270310",
            "reading-group-77@google.com-20270317",
            "reading-group-77@google.com-20270324",
            "literature-table-5@google.com-20270402"
        ]
    );
    assert!(
        errors.contains("\"Literature table\" repeats: 1 date from 2027-04-02 to 2027-04-02"),
        "{errors}"
    );
}

/// `upcoming-meetings import csv sheet.csv | head`: a reader that stops reading ends the output
/// quietly, with the command's own exit status and no panic on standard error.
#[test]
fn output_to_a_reader_that_has_gone_ends_quietly() {
    use std::process::Stdio;
    let cases: [(&[&str], i32); 3] = [
        (&["import", "csv", "tests/fixtures/import/chapter-sheet.csv"], 0),
        (&["import", "csv", "tests/fixtures/import/sheet-as-exported.csv"], 1),
        (&["check", "tests/fixtures/invalid/many-problems.json", "--now", NOW], 1),
    ];
    for (args, status) in cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_upcoming-meetings"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        // The reading end closed before the command writes: its first write finds no reader.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
        assert_eq!(out.status.code(), Some(status), "{args:?}: {stderr}");
    }
}

/// The instant and zone of each meeting `import ics` makes of `calendar`.
fn imported_times(calendar: &str) -> (Option<i32>, String, Vec<(String, String)>) {
    let out = run(&["import", "ics", calendar, "--campaign", "c", "--title", "C", "--now", NOW]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let times = value["campaigns"][0]["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let zone = m["time_zone"].as_str().unwrap_or("(none)");
            (m["start"].as_str().unwrap().into(), zone.into())
        })
        .collect();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned(), times)
}

/// Calendars as Lotus Notes, older Thunderbird/Lightning and older Outlook write them, each TZID
/// defined by the file's own VTIMEZONE: every event at the instant the calendar means, before
/// and after the clocks change, in an IANA zone with the same rules, the one of the event's city
/// or country where several are; else, at the VTIMEZONE's own offsets, named on standard error.
#[test]
fn calendars_that_name_their_zones_their_own_way() {
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    let calendars = [
        // Lotus Notes: TZID:Eastern, the US rules, in the event's city (Detroit).
        (
            "lotus-notes.ics",
            vec![
                pair("2027-03-08T19:00:00-05:00", "America/Detroit"),
                pair("2027-03-22T19:00:00-04:00", "America/Detroit"),
            ],
        ),
        // Lightning: an IANA name at the end of a path.
        (
            "thunderbird-lightning.ics",
            vec![
                pair("2027-03-27T19:00:00+01:00", "Europe/Berlin"),
                pair("2027-04-03T19:00:00+02:00", "Europe/Berlin"),
            ],
        ),
        // Outlook: a display name; the European Union's rules, in the event's country (Germany,
        // where the TZID's first city is Amsterdam).
        (
            "outlook-display-name.ics",
            vec![
                pair("2027-03-27T19:00:00+01:00", "Europe/Berlin"),
                pair("2027-04-03T19:00:00+02:00", "Europe/Berlin"),
            ],
        ),
        // Rules no zone has any more (Tehran's clocks went forward on 22 March until 2022): a
        // weekly event across the change, one date excepted, and one before the change back.
        (
            "outdated-zone-rules.ics",
            vec![
                pair("2027-03-15T18:00:00+03:30", "(none)"),
                pair("2027-03-22T18:00:00+04:30", "(none)"),
                pair("2027-04-05T18:00:00+04:30", "(none)"),
                pair("2027-09-20T18:00:00+04:30", "(none)"),
            ],
        ),
    ];
    for (file, expected) in calendars {
        let (status, errors, times) = imported_times(&format!("tests/fixtures/import/{file}"));
        assert_eq!(status, Some(0), "{file}: {errors}");
        assert_eq!(times, expected, "{file}");
        let own = expected.iter().all(|(_, zone)| zone == "(none)");
        for event in [
            "\"Reading group\": its zone \"Tehran\" is the calendar's own",
            "\"Public lecture\": its zone",
        ] {
            assert_eq!(errors.contains(event), own, "{file}: {errors}");
        }
    }
}
