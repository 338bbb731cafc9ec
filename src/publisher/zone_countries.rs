//! Which country each IANA zone is in: the IANA database's `zone.tab` (tzdata 2025b as Debian
//! ships it, one country per zone, links such as `Europe/Amsterdam` included), for
//! `calendar_zones` to prefer, among zones of the same offsets, one in an event's country.

use std::collections::HashMap;
use std::sync::OnceLock;

const ZONE_TAB: &str = include_str!("zone.tab");

/// Whether the IANA zone `zone` is in the country `code` (ISO 3166-1, any case).
pub fn is_in(zone: &str, code: &str) -> bool {
    // Each zone's country, read from the table once: it is asked for each zone that matches a
    // calendar's zone, at each of its events' times.
    static COUNTRIES: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    let countries = COUNTRIES.get_or_init(|| {
        ZONE_TAB
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let country = fields.next()?;
                Some((fields.nth(1)?, country))
            })
            .collect()
    });
    countries.get(zone).is_some_and(|country| country.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::is_in;

    #[test]
    fn zones_by_their_country() {
        assert!(is_in("Europe/Berlin", "DE"));
        assert!(is_in("Europe/Amsterdam", "nl"));
        assert!(is_in("America/Detroit", "US"));
        assert!(!is_in("Europe/Amsterdam", "DE"));
        assert!(!is_in("Europe/Berlin", "Berlin"));
    }
}
