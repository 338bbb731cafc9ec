//! A calendar's zones, each TZID as an IANA zone (for `import ics`). RFC 5545 lets a calendar name
//! its zones as it likes and define each in a VTIMEZONE (its STANDARD and DAYLIGHT offsets and
//! the rules of their changes). A TZID is read as:
//! 1. an IANA name: itself, or one at the end of a path, as older Thunderbird/Lightning writes
//!    it (`/mozilla.org/20070129_1/Europe/Berlin`);
//! 2. a Windows name, as Outlook writes it (`W. Europe Standard Time`: `Europe/Berlin`, after the
//!    CLDR);
//! 3. its VTIMEZONE's `X-LIC-LOCATION`, read the same way;
//! 4. the IANA zone whose offsets and changes are the VTIMEZONE's over the years of the calendar's
//!    events (Lotus Notes' `Eastern`; `(GMT+01.00) Amsterdam/Berlin/...`). Where several are,
//!    one in the event's country (its LOCATION's, by `zone.tab`) is preferred; then one of the
//!    event's city, one whose city the TZID names, the zone of the Windows name it shortens
//!    (`Eastern` for `Eastern Standard Time`), and the first by name;
//! 5. else the VTIMEZONE itself: its own offsets and changes, as a zone with no name
//!    (`Zone::Own`), which `import ics` names on standard error.

use super::ics_property::value;
use super::zone_countries;
use ical::parser::ical::component::IcalTimeZone;
use jiff::tz::{self, Offset, TimeZone};
use jiff::{civil, Timestamp};
use std::collections::{BTreeSet, HashMap};

/// A TZID as an IANA zone name by its text alone (rules 1 and 2 above).
pub fn iana(tzid: &str) -> Option<String> {
    let tzid = tzid.trim().trim_matches('"');
    if TimeZone::get(tzid).is_ok() {
        return Some(tzid.to_string());
    }
    let mut rest = tzid;
    while let Some((_, tail)) = rest.split_once('/') {
        // At least "Area/City": a lone "Berlin" is not taken for a zone.
        if tail.contains('/') && TimeZone::get(tail).is_ok() {
            return Some(tail.to_string());
        }
        rest = tail;
    }
    let windows: windows_timezones::WindowsTimezone = tzid.parse().ok()?;
    Some(windows.tzdb_id().to_string())
}

/// Where a TZID places an event's times.
#[derive(Clone, Debug)]
pub enum Zone {
    /// An IANA zone, which the feed names.
    Iana(String),
    /// The calendar's own VTIMEZONE, which no IANA zone matches: its offsets and changes, with
    /// no name for the feed.
    Own(TimeZone),
}

impl Zone {
    /// The zone, for jiff's arithmetic.
    pub fn time_zone(&self) -> Result<TimeZone, String> {
        match self {
            Zone::Iana(name) => TimeZone::get(name).map_err(|e| format!("{name}: {e}")),
            Zone::Own(zone) => Ok(zone.clone()),
        }
    }

    /// Its IANA name, for the feed.
    pub fn name(&self) -> Option<&str> {
        match self {
            Zone::Iana(name) => Some(name),
            Zone::Own(_) => None,
        }
    }
}

/// What a VTIMEZONE was read as.
#[derive(Debug)]
enum Defined {
    /// An IANA zone, by its TZID or `X-LIC-LOCATION` (rules 1 to 3).
    Named(String),
    /// The IANA zones of its offsets and changes, the best first but for the event's place
    /// (rule 4).
    Matching(Vec<String>),
    /// None: its own offsets (rule 5).
    Own(TimeZone),
}

/// The zones a calendar defines, by TZID, and its own zone.
#[derive(Debug, Default)]
pub struct Zones {
    defined: HashMap<String, Defined>,
    calendar: Option<String>,
}

impl Zones {
    /// The calendar's VTIMEZONEs, matched over the years `years` (those of its events), and its
    /// own zone (`X-WR-TIMEZONE`, as Google writes it), where that is an IANA name.
    pub fn new(timezones: &[IcalTimeZone], years: (i16, i16), own: Option<&str>) -> Zones {
        let mut defined = HashMap::new();
        for zone in timezones {
            let Some(tzid) = value(&zone.properties, "TZID") else { continue };
            let tzid = tzid.trim_matches('"');
            let found = iana(tzid)
                .or_else(|| value(&zone.properties, "X-LIC-LOCATION").and_then(iana))
                .map(Defined::Named)
                .or_else(|| {
                    let offsets = Offsets::of(zone, years)?;
                    match matching(tzid, &offsets) {
                        none if none.is_empty() => offsets.time_zone(tzid).map(Defined::Own),
                        zones => Some(Defined::Matching(zones)),
                    }
                });
            if let Some(found) = found {
                defined.insert(tzid.to_string(), found);
            }
        }
        let calendar = own.filter(|z| TimeZone::get(z).is_ok()).map(str::to_string);
        Zones { defined, calendar }
    }

    /// The zones as an event reads them: one in `country` (an ISO code) and `city`, where its
    /// LOCATION names them.
    pub fn at<'z>(&'z self, country: Option<&'z str>, city: Option<&'z str>) -> EventZones<'z> {
        EventZones { zones: self, country, city }
    }
}

/// A calendar's zones as one event reads them (`Zones::at`).
#[derive(Clone, Copy, Debug)]
pub struct EventZones<'z> {
    zones: &'z Zones,
    country: Option<&'z str>,
    city: Option<&'z str>,
}

impl EventZones<'_> {
    /// The calendar's own zone, in which a time in UTC is shown and a floating time is read.
    pub fn calendar(&self) -> Option<&str> {
        self.zones.calendar.as_deref()
    }

    /// Where a TZID places the event's times: by its VTIMEZONE, else by its text.
    pub fn zone(&self, tzid: &str) -> Option<Zone> {
        let tzid = tzid.trim().trim_matches('"');
        match self.zones.defined.get(tzid) {
            Some(Defined::Named(name)) => Some(Zone::Iana(name.clone())),
            Some(Defined::Matching(names)) => {
                let here: Vec<&String> = names
                    .iter()
                    .filter(|n| self.country.is_some_and(|c| zone_countries::is_in(n, c)))
                    .collect();
                let pool = if here.is_empty() { names.iter().collect() } else { here };
                let city =
                    |n: &&String| self.city.is_some_and(|c| zone_city(n).eq_ignore_ascii_case(c));
                pool.iter().copied().find(city).or(pool.first().copied()).cloned().map(Zone::Iana)
            }
            Some(Defined::Own(zone)) => Some(Zone::Own(zone.clone())),
            None => iana(tzid).map(Zone::Iana),
        }
    }

    /// A TZID as an IANA zone name, where it is one.
    pub fn iana(&self, tzid: &str) -> Option<String> {
        self.zone(tzid).and_then(|zone| zone.name().map(str::to_string))
    }
}

/// The city of an IANA zone's name: `America/Port_of_Spain`, `Port of Spain`.
fn zone_city(name: &str) -> String {
    name.rsplit('/').next().unwrap_or_default().replace('_', " ")
}

/// `+0100`, `-0430`, `+013000` (RFC 5545 3.3.14).
fn utc_offset(text: &str) -> Option<Offset> {
    let (sign, digits) = match text.trim().split_at_checked(1)? {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => return None,
    };
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<i32>().ok();
    let seconds = match digits.len() {
        4 => number(0..2)? * 3600 + number(2..4)? * 60,
        6 => number(0..2)? * 3600 + number(2..4)? * 60 + number(4..6)?,
        _ => return None,
    };
    Offset::from_seconds(sign * seconds).ok()
}

/// Each change of a VTIMEZONE within `years`: its instant, and the offset before and after it.
/// `None` when it cannot be read.
fn changes(zone: &IcalTimeZone, years: (i16, i16)) -> Option<Vec<(Timestamp, Offset, Offset)>> {
    let mut out = Vec::new();
    for part in &zone.transitions {
        let props = &part.properties;
        let from = utc_offset(value(props, "TZOFFSETFROM")?)?;
        let to = utc_offset(value(props, "TZOFFSETTO")?)?;
        let start = value(props, "DTSTART")?;
        // Its wall-clock times, expanded as if in UTC (a rule of dates needs no zone), then
        // each made an instant by the offset in force before it.
        let mut rule = format!("DTSTART:{}Z", start.trim_end_matches(['Z', 'z']));
        for p in props.iter().filter(|p| ["RRULE", "RDATE"].iter().any(|n| p.name == *n)) {
            let raw = p.value.as_deref().unwrap_or_default();
            let values = match p.name.as_str() {
                "RDATE" => raw
                    .split(',')
                    .map(|d| format!("{}Z", d.trim_end_matches(['Z', 'z'])))
                    .collect::<Vec<_>>()
                    .join(","),
                _ => raw.to_string(),
            };
            rule.push_str(&format!("\n{}:{values}", p.name));
        }
        let set = super::repeat_rule::parse(&rule).ok()?;
        let bound = |year: i16, month, day| {
            chrono::NaiveDate::from_ymd_opt(year.into(), month, day)?
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc().with_timezone(&rrule::Tz::UTC))
        };
        let set = set.after(bound(years.0 - 1, 12, 1)?).before(bound(years.1 + 1, 2, 1)?);
        for wall in set.all(1000).dates {
            let wall = Timestamp::from_second(wall.timestamp()).ok()?;
            let at = wall.checked_sub(jiff::SignedDuration::from_secs(from.seconds().into()));
            out.push((at.ok()?, from, to));
        }
    }
    out.sort_by_key(|c| c.0);
    Some(out)
}

/// A VTIMEZONE's offsets over some years: the one in force as they begin, and each change
/// within them, its instant and the offset after it.
#[derive(Debug)]
struct Offsets {
    first: Timestamp,
    last: Timestamp,
    opening: Offset,
    changes: Vec<(Timestamp, Offset)>,
}

impl Offsets {
    /// Those of `zone` over `years`; `None` when its changes cannot be read.
    fn of(zone: &IcalTimeZone, years: (i16, i16)) -> Option<Offsets> {
        let all = changes(zone, years)?;
        let first = civil::date(years.0, 1, 1).to_zoned(TimeZone::UTC).ok()?.timestamp();
        let last = civil::date(years.1, 12, 31).to_zoned(TimeZone::UTC).ok()?.timestamp();
        let mut changes: Vec<(Timestamp, Offset)> = all
            .iter()
            .filter(|(at, from, to)| *at >= first && *at <= last && from != to)
            .map(|(at, _, to)| (*at, *to))
            .collect();
        changes.dedup_by_key(|(at, _)| *at);
        // After the last change before the years, else the only offset, else the first's.
        let before = all.iter().rev().find(|(at, _, _)| *at < first).map(|(_, _, to)| *to);
        let opening = before.or_else(|| match zone.transitions.as_slice() {
            [only] => utc_offset(value(&only.properties, "TZOFFSETTO")?),
            _ => all.first().map(|(_, from, _)| *from),
        })?;
        Some(Offsets { first, last, opening, changes })
    }

    /// Whether the IANA zone `zone` has these offsets and changes over these years.
    fn are_those_of(&self, zone: &TimeZone) -> bool {
        zone.to_offset(self.first) == self.opening
            && zone
                .following(self.first)
                .take_while(|t| t.timestamp() <= self.last)
                .scan(self.opening, |prev, t| {
                    let change = (*prev != t.offset()).then_some((t.timestamp(), t.offset()));
                    *prev = t.offset();
                    Some(change)
                })
                .flatten()
                .eq(self.changes.iter().copied())
    }

    /// These offsets as a zone of their own (rule 5), named `tzid`. jiff builds a zone of given
    /// changes only from the bytes of a TZif file (RFC 9636), so they are written as one:
    /// version 2, its 32-bit block empty but for one local time type, then the changes as
    /// 64-bit instants, each to its type (an offset), no designations, and no rule after them.
    fn time_zone(&self, tzid: &str) -> Option<TimeZone> {
        let mut types = vec![self.opening];
        let mut indices = Vec::with_capacity(self.changes.len());
        for (_, offset) in &self.changes {
            let index = types.iter().position(|t| t == offset).unwrap_or_else(|| {
                types.push(*offset);
                types.len() - 1
            });
            indices.push(u8::try_from(index).ok()?);
        }
        let header = |out: &mut Vec<u8>, counts: [usize; 6]| -> Option<()> {
            out.extend(b"TZif2");
            out.extend([0; 15]);
            for count in counts {
                out.extend(u32::try_from(count).ok()?.to_be_bytes());
            }
            Some(())
        };
        let mut tzif = Vec::new();
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        header(&mut tzif, [0, 0, 0, 0, 1, 1])?;
        tzif.extend([0, 0, 0, 0, 0, 0, 0]);
        header(&mut tzif, [0, 0, 0, self.changes.len(), types.len(), 1])?;
        for (at, _) in &self.changes {
            tzif.extend(at.as_second().to_be_bytes());
        }
        tzif.extend(indices);
        for offset in types {
            tzif.extend(offset.seconds().to_be_bytes());
            tzif.extend([0, 0]);
        }
        tzif.extend(b"\0\n\n");
        TimeZone::tzif(tzid, &tzif).ok()
    }
}

/// Rule 4: the IANA zones whose offsets and changes are these, the best first: those whose
/// city the TZID names, in its order, then the Windows name it shortens, then the rest by name.
fn matching(tzid: &str, offsets: &Offsets) -> Vec<String> {
    let candidates: BTreeSet<String> = tz::db()
        .available()
        .map(|name| name.as_str().to_string())
        .filter(|name| {
            // Area/City names only: not the old aliases (`US/Eastern`, `EST5EDT`) or `Etc/`.
            let area = name.split('/').next().unwrap_or_default();
            [
                "Africa",
                "America",
                "Antarctica",
                "Asia",
                "Atlantic",
                "Australia",
                "Europe",
                "Indian",
                "Pacific",
            ]
            .contains(&area)
        })
        .filter(|name| TimeZone::get(name).is_ok_and(|tz| offsets.are_those_of(&tz)))
        .collect();
    let named = tzid
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.len() > 2)
        .flat_map(|word| candidates.iter().filter(|n| zone_city(n).eq_ignore_ascii_case(word)));
    let windows = format!("{} Standard Time", tzid.trim())
        .parse::<windows_timezones::WindowsTimezone>()
        .ok()
        .map(|w| w.tzdb_id().to_string())
        .filter(|name| candidates.contains(name));
    let mut best: Vec<String> = named.cloned().chain(windows).collect();
    best.extend(candidates.iter().cloned());
    let mut seen = BTreeSet::new();
    best.retain(|name| seen.insert(name.clone()));
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tzid_read_as_an_iana_name_by_its_text() {
        assert_eq!(iana("W. Europe Standard Time").as_deref(), Some("Europe/Berlin"));
        assert_eq!(iana("Sri Lanka Standard Time").as_deref(), Some("Asia/Colombo"));
        assert_eq!(iana("America/Regina").as_deref(), Some("America/Regina"));
        assert_eq!(iana("Customized Time Zone"), None);
        let lightning = "/mozilla.org/20070129_1/Europe/Berlin";
        assert_eq!(iana(lightning).as_deref(), Some("Europe/Berlin"), "older Lightning");
        assert_eq!(
            iana("/softwarestudio.org/Olson_20011030_5/America/New_York").as_deref(),
            Some("America/New_York")
        );
        assert_eq!(iana("/mozilla.org/20070129_1/Berlin"), None);
    }

    #[test]
    fn offsets_as_calendars_write_them() {
        let seconds = |t| utc_offset(t).map(|o| o.seconds());
        assert_eq!(seconds("-0500"), Some(-5 * 3600));
        assert_eq!(seconds("+0530"), Some(5 * 3600 + 30 * 60));
        assert_eq!(seconds("+013000"), Some(3600 + 30 * 60));
        assert_eq!(seconds("0100"), None);
    }
}
