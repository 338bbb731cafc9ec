//! How a place reads: the venue line ("Sprengel Haus, Saal 2"), the street line in the local
//! order ("5221 Gullen Mall, Detroit, MI 48202" / "Sprengelstraße 15, 13353 Berlin"), and a
//! map link a visitor can open (OpenStreetMap; a link, never a request the widget makes).

use crate::model::feed::links::SafeUrl;
use crate::model::feed::types::Place;

/// Countries that write "City, REGION POSTAL" after the street.
const CITY_FIRST: [&str; 4] = ["US", "CA", "AU", "GB"];

/// "Name, Room", leaving out the name when the meeting is already titled with it.
pub fn venue_line(place: &Place, name_shown_as_title: bool) -> Option<String> {
    let name = if name_shown_as_title { None } else { place.name.as_deref() };
    join(&[name, place.room.as_deref()], ", ")
}

/// The street address with the city, in the order of the place's country.
pub fn street_line(place: &Place) -> String {
    let city_first = place.country.as_deref().is_none_or(|c| CITY_FIRST.contains(&c));
    let locality = if city_first {
        let region_postal = join(&[place.region.as_deref(), place.postal_code.as_deref()], " ");
        join(&[Some(place.city.as_str()), region_postal.as_deref()], ", ").unwrap_or_default()
    } else {
        join(&[place.postal_code.as_deref(), Some(place.city.as_str())], " ").unwrap_or_default()
    };
    join(&[place.street.as_deref(), Some(&locality)], ", ").unwrap_or_default()
}

fn join(parts: &[Option<&str>], sep: &str) -> Option<String> {
    let present: Vec<&str> = parts.iter().flatten().copied().filter(|s| !s.is_empty()).collect();
    (!present.is_empty()).then(|| present.join(sep))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A coordinate with six decimals (about 10 cm), written with integer arithmetic: formatting a
/// float in Rust pulls several kilobytes of code into the wasm.
fn coordinate(x: f64) -> String {
    let micro = (x * 1e6).round() as i64;
    let sign = if micro < 0 { "-" } else { "" };
    format!("{sign}{}.{:06}", micro.abs() / 1_000_000, micro.abs() % 1_000_000)
}

/// A map of the place: its coordinates when known, else a search for its address (which
/// needs at least a street or a venue name to be worth opening).
pub fn map_link(place: &Place) -> Option<SafeUrl> {
    let url = match (place.lat, place.lon) {
        (Some(lat), Some(lon)) => {
            let (lat, lon) = (coordinate(lat), coordinate(lon));
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
        }
        _ => {
            place.street.as_ref().or(place.name.as_ref())?;
            let query = join(
                &[place.name.as_deref(), Some(&street_line(place)), place.country.as_deref()],
                ", ",
            )?;
            format!("https://www.openstreetmap.org/search?query={}", percent_encode(&query))
        }
    };
    SafeUrl::parse(&url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(country: &str) -> Place {
        Place {
            city: "Detroit".into(),
            name: Some("Wayne State University".into()),
            room: Some("Room 258".into()),
            street: Some("5221 Gullen Mall".into()),
            region: Some("MI".into()),
            postal_code: Some("48202".into()),
            country: Some(country.into()),
            ..Place::default()
        }
    }

    #[test]
    fn lines_in_local_order() {
        assert_eq!(street_line(&place("US")), "5221 Gullen Mall, Detroit, MI 48202");
        let berlin = Place {
            city: "Berlin".into(),
            street: Some("Sprengelstraße 15".into()),
            postal_code: Some("13353".into()),
            country: Some("DE".into()),
            ..Place::default()
        };
        assert_eq!(street_line(&berlin), "Sprengelstraße 15, 13353 Berlin");
        assert_eq!(
            street_line(&Place { city: "Cambridge".into(), ..Place::default() }),
            "Cambridge"
        );
        assert_eq!(venue_line(&place("US"), false).unwrap(), "Wayne State University, Room 258");
        assert_eq!(venue_line(&place("US"), true).unwrap(), "Room 258");
    }

    #[test]
    fn map_links() {
        let mut p = place("US");
        assert_eq!(
            map_link(&p).unwrap().as_str(),
            concat!(
                "https://www.openstreetmap.org/search?query=",
                "Wayne%20State%20University%2C%20",
                "5221%20Gullen%20Mall%2C%20Detroit%2C%20MI%2048202%2C%20US"
            )
        );
        p.lat = Some(42.35);
        p.lon = Some(-83.07);
        assert_eq!(
            map_link(&p).unwrap().as_str(),
            concat!(
                "https://www.openstreetmap.org/?mlat=42.350000&mlon=-83.070000",
                "#map=17/42.350000/-83.070000"
            )
        );
        assert_eq!(coordinate(-0.0000004), "0.000000");
        assert_eq!(coordinate(-0.25), "-0.250000");
        assert!(map_link(&Place { city: "Cambridge".into(), ..Place::default() }).is_none());
    }
}
