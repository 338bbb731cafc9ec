//! Time zones, dates and times from the platform's own data, as the widget's language writes
//! them: in the browser its `Intl` (every IANA zone, every language's date format: `browser.rs`);
//! natively, for the static page and the tools, jiff's IANA database and ICU4X's CLDR data
//! (`native.rs`). Both sides answer the same questions with the same text, and the tests hold
//! them to it (`tests/zones.rs` walks every zone of Chromium's, `tests/e2e/languages.test.mjs`
//! compares the static page with the widget in every language).
//!
//! Everything here takes wall-clock values or instants, and a language as its BCP 47 tag, and
//! returns text or offsets: the model (`model/feed/zone.rs`, `model/words/time_format.rs`)
//! decides what to ask. The lowest layer: nothing here uses the rest of the crate.

#[cfg(target_arch = "wasm32")]
mod browser;
// Used by the browser side; tested natively.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod offsets;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

/// A UTC offset as a label, where a language has no name for the zone: "GMT+5:30", "GMT-3",
/// "GMT". Written here rather than taken from the platform, whose CLDR releases disagree on it
/// ("UTC−3" with a minus sign in French, "-3 GMT" in one Portuguese release).
pub fn offset_label(seconds: i32) -> String {
    let minutes = seconds / 60;
    if minutes == 0 {
        return "GMT".to_string();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let (h, m) = (minutes.abs() / 60, minutes.abs() % 60);
    if m == 0 {
        format!("GMT{sign}{h}")
    } else {
        format!("GMT{sign}{h}:{m:02}")
    }
}

/// A zone name as the platform writes it, kept only if it is a name ("PDT", "MESZ", "GMT"),
/// not an offset ("GMT+2", "UTC−3", "+5:30 GMT"), which [`offset_label`] writes instead.
fn name_only(text: String) -> Option<String> {
    (!text.is_empty() && !text.chars().any(|c| c.is_ascii_digit())).then_some(text)
}

/// "GMT", "GMT+05:30", "GMT-03:00" (or with U+2212 for the minus), "GMT-00:44:30", in seconds.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn parse_gmt(text: &str) -> Option<i32> {
    let rest = text.strip_prefix("GMT")?;
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' => (-1, &rest[1..]),
        '\u{2212}' => (-1, &rest['\u{2212}'.len_utf8()..]),
        _ => return None,
    };
    // "05:30", or with seconds for the local mean time of old dates ("00:44:30", Monrovia 1970).
    let mut units = rest.split(':');
    let hours: i32 = units.next()?.parse().ok()?;
    let minutes: i32 = units.next().map_or(Ok(0), str::parse).ok()?;
    let seconds: i32 = units.next().map_or(Ok(0), str::parse).ok()?;
    Some(sign * (hours * 3600 + minutes * 60 + seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_as_labels() {
        assert_eq!(offset_label(19_800), "GMT+5:30");
        assert_eq!(offset_label(-10_800), "GMT-3");
        assert_eq!(offset_label(0), "GMT");
        assert_eq!(offset_label(-34_200), "GMT-9:30");
        assert_eq!(name_only("MESZ".into()).as_deref(), Some("MESZ"));
        assert_eq!(name_only("UTC\u{2212}3".into()), None);
        assert_eq!(name_only("+5:30 GMT".into()), None);
        assert_eq!(parse_gmt("GMT"), Some(0));
        assert_eq!(parse_gmt("GMT+05:30"), Some(19_800));
        assert_eq!(parse_gmt("GMT\u{2212}09:30"), Some(-34_200));
        assert_eq!(parse_gmt("GMT-00:44:30"), Some(-2670));
        assert_eq!(parse_gmt("UTC"), None);
    }
}
