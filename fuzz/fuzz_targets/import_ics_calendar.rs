//! Calendars written from the fuzzer's bytes (`arbitrary`): every run reaches what a text fuzzer
//! rarely writes whole, series with changed dates (RANGE=THISANDFUTURE too), EXDATEs, RDATEs of
//! dates, times and periods, versions of one UID by SEQUENCE, events without a UID, VTIMEZONEs,
//! floating times, and text outside ASCII where the importer reads it. `import ics` must neither
//! panic, hang nor run out of memory, and a feed it writes must be one the widget reads.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use std::fmt::Write;
use upcoming_meetings::model::feed::read::parse_feed;
use upcoming_meetings::publisher::import_ics::{import, Settings, Window};

const ZONES: [&str; 6] =
    ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Own/Zone", "Nowhere", "İstanbul"];
const TEXTS: [&str; 6] =
    ["Reading group", "Ünïcödé", "Room 5, 10117 Berlin, Germany", "", "x\\,y", "日本"];

#[derive(Arbitrary, Debug)]
enum When {
    Date,
    Utc,
    Zoned(u8),
    Floating,
}

#[derive(Arbitrary, Debug)]
struct Time {
    when: When,
    /// Days from 1 December 2026 (either way), and the quarter hour of the day.
    day: i16,
    quarter: u8,
}

#[derive(Arbitrary, Debug)]
enum Rule {
    Count(u8),
    Until(Time),
    Forever,
}

#[derive(Arbitrary, Debug)]
struct Series {
    freq: u8,
    interval: u8,
    rule: Rule,
    byday: Option<u8>,
    exdates: Vec<Time>,
    rdates: Vec<Time>,
    periods: Vec<(Time, u16)>,
}

#[derive(Arbitrary, Debug)]
struct Change {
    of: Time,
    to: Time,
    onwards: bool,
    sequence: Option<u8>,
    cancelled: bool,
}

#[derive(Arbitrary, Debug)]
struct Event {
    uid: Option<u8>,
    sequence: Option<u8>,
    stamp: Option<u8>,
    start: Time,
    end: Option<Time>,
    duration: Option<u16>,
    summary: u8,
    location: Option<u8>,
    series: Option<Series>,
    changes: Vec<Change>,
    raw: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Calendar {
    x_wr_timezone: Option<u8>,
    vtimezone: Option<(u8, i8, i8)>,
    events: Vec<Event>,
}

fn pick<T: Copy>(list: &[T], i: u8) -> T {
    list[usize::from(i) % list.len()]
}

/// A property's parameters and value for a time.
fn time(t: &Time) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        + chrono::Duration::days(i64::from(t.day % 800));
    let date = day.format("%Y%m%d");
    let at = format!("{date}T{:02}{:02}00", (t.quarter / 4) % 24, (t.quarter % 4) * 15);
    match t.when {
        When::Date => format!(";VALUE=DATE:{date}"),
        When::Utc => format!(":{at}Z"),
        When::Zoned(z) => format!(";TZID={}:{at}", pick(&ZONES, z)),
        When::Floating => format!(":{at}"),
    }
}

fn write(c: &Calendar) -> String {
    let mut s = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//fuzz//EN\r\n");
    if let Some(z) = c.x_wr_timezone {
        let _ = write!(s, "X-WR-TIMEZONE:{}\r\n", pick(&ZONES, z));
    }
    if let Some((z, standard, daylight)) = c.vtimezone {
        let offset = |h: i8| format!("{}{:02}00", if h < 0 { '-' } else { '+' }, (h % 14).abs());
        let _ = write!(
            s,
            "BEGIN:VTIMEZONE\r\nTZID:{}\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n\
             RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n\
             END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\n\
             RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n\
             END:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
            pick(&ZONES, z),
            offset(daylight),
            offset(standard),
            offset(standard),
            offset(daylight)
        );
    }
    for e in c.events.iter().take(8) {
        let head = |s: &mut String, sequence: Option<u8>| {
            s.push_str("BEGIN:VEVENT\r\n");
            if let Some(uid) = e.uid {
                let _ = write!(s, "UID:event-{}\r\n", uid % 4);
            }
            if let Some(n) = sequence {
                let _ = write!(s, "SEQUENCE:{n}\r\n");
            }
            if let Some(n) = e.stamp {
                let _ = write!(s, "DTSTAMP:202601{:02}T000000Z\r\n", n % 28 + 1);
            }
            let _ = write!(s, "SUMMARY:{}\r\n", pick(&TEXTS, e.summary));
            if let Some(l) = e.location {
                let _ = write!(s, "LOCATION:{}\r\n", pick(&TEXTS, l));
            }
        };
        head(&mut s, e.sequence);
        let _ = write!(s, "DTSTART{}\r\n", time(&e.start));
        if let Some(end) = &e.end {
            let _ = write!(s, "DTEND{}\r\n", time(end));
        }
        if let Some(minutes) = e.duration {
            let _ = write!(s, "DURATION:PT{}M\r\n", minutes % 2000);
        }
        if let Some(r) = &e.series {
            let freq = pick(&["DAILY", "WEEKLY", "MONTHLY", "YEARLY"], r.freq);
            let _ = write!(s, "RRULE:FREQ={freq};INTERVAL={}", r.interval % 5 + 1);
            match &r.rule {
                Rule::Count(n) => {
                    let _ = write!(s, ";COUNT={n}");
                }
                Rule::Until(t) => {
                    let until = time(t);
                    let value = until.rsplit_once(':').map_or("", |(_, value)| value);
                    let _ = write!(s, ";UNTIL={value}");
                }
                Rule::Forever => {}
            }
            if let Some(d) = r.byday {
                let _ = write!(s, ";BYDAY={}", pick(&["MO", "TU,TH", "-1SU", "2WE"], d));
            }
            s.push_str("\r\n");
            for t in r.exdates.iter().take(4) {
                let _ = write!(s, "EXDATE{}\r\n", time(t));
            }
            for t in r.rdates.iter().take(4) {
                let _ = write!(s, "RDATE{}\r\n", time(t));
            }
            for (t, minutes) in r.periods.iter().take(2) {
                let one = time(t).replacen(':', ";VALUE=PERIOD:", 1);
                let _ = write!(s, "RDATE{one}/PT{}M\r\n", minutes % 600);
            }
        }
        if let Some(raw) = &e.raw {
            s.push_str(raw);
            s.push_str("\r\n");
        }
        s.push_str("END:VEVENT\r\n");
        for change in e.changes.iter().take(4) {
            head(&mut s, change.sequence);
            let id = time(&change.of);
            let range = if change.onwards { ";RANGE=THISANDFUTURE" } else { "" };
            let _ = write!(s, "RECURRENCE-ID{range}{id}\r\nDTSTART{}\r\n", time(&change.to));
            if change.cancelled {
                s.push_str("STATUS:CANCELLED\r\n");
            }
            s.push_str("END:VEVENT\r\n");
        }
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

fuzz_target!(|calendar: Calendar| {
    let text = write(&calendar);
    let window = Window {
        from: "2026-12-01T12:00:00Z".parse().unwrap(),
        until: "2027-12-01T12:00:00Z".parse().unwrap(),
    };
    for time_zone in [None, Some("Asia/Tokyo")] {
        let settings =
            Settings { campaign: "c", title: "C", city: Some("Detroit"), time_zone, window };
        if let Ok(imported) = import(&text, &settings) {
            let written = imported.feed.text();
            if let Err(e) = parse_feed(&written) {
                panic!("import ics wrote a feed the widget refuses ({e:?}):\n{text}\n{written}");
            }
        }
    }
});
