//! "Near me": where each city is (the average of its meetings' coordinates), how far it is from
//! the reader, which city with upcoming meetings is nearest, and a distance as the reader reads
//! it (kilometres, or miles where the reader's region uses them). The reader's position comes
//! from `edge::geolocation` and is only ever passed in here: nothing keeps it.

use crate::model::feed::types::Place;
use crate::model::index::CityIndex;
use crate::model::places::trig::{asin, atan2, cos, sin};
use crate::model::words::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

/// The mean radius of the Earth (IUGG), in kilometres.
const EARTH_KM: f64 = 6371.0088;
const KM_PER_MILE: f64 = 1.609_344;

/// Where each of `cities` cities is: the average of the coordinates of its meetings that have
/// both (`places`: each meeting's city and place), or `None` when none has. The average is taken
/// on the sphere, so a city astride the 180th meridian (Fiji) stays where it is.
pub fn city_points<'a>(
    cities: usize,
    places: impl Iterator<Item = (CityIndex, &'a Place)>,
) -> Vec<Option<Point>> {
    let mut sums = vec![(0.0, 0.0, 0.0, 0u32); cities];
    for (city, place) in places {
        if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
            let (lat, lon) = (lat.to_radians(), lon.to_radians());
            let s = &mut sums[city.0];
            s.0 += cos(lat) * cos(lon);
            s.1 += cos(lat) * sin(lon);
            s.2 += sin(lat);
            s.3 += 1;
        }
    }
    sums.into_iter()
        .map(|(x, y, z, n)| {
            (n > 0).then(|| Point {
                lat: atan2(z, (x * x + y * y).sqrt()).to_degrees(),
                lon: atan2(y, x).to_degrees(),
            })
        })
        .collect()
}

/// The great-circle distance between two points, in kilometres (haversine).
pub fn distance_km(a: Point, b: Point) -> f64 {
    let (la, lb) = (a.lat.to_radians(), b.lat.to_radians());
    let half_dlat = (lb - la) / 2.0;
    let half_dlon = (b.lon - a.lon).to_radians() / 2.0;
    let h = sin(half_dlat).powi(2) + cos(la) * cos(lb) * sin(half_dlon).powi(2);
    2.0 * EARTH_KM * asin(h.sqrt().min(1.0))
}

/// How far each city is from `here` (`None` for a city without coordinates).
pub fn distances(points: &[Option<Point>], here: Point) -> Vec<Option<f64>> {
    points.iter().map(|p| p.map(|p| distance_km(here, p))).collect()
}

/// The cities nearest first; those without coordinates after them, in their own order (by name).
pub fn by_distance(distances: &[Option<f64>]) -> Vec<CityIndex> {
    // A distance is never negative, so its bits sort as it does.
    let mut keyed: Vec<(u64, usize)> =
        distances.iter().enumerate().map(|(i, d)| (d.map_or(u64::MAX, f64::to_bits), i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| CityIndex(i)).collect()
}

/// The nearest city that has upcoming meetings (`counts`, indexed like the cities).
pub fn nearest(distances: &[Option<f64>], counts: &[usize]) -> Option<CityIndex> {
    by_distance(distances).into_iter().find(|&c| distances[c.0].is_some() && counts[c.0] > 0)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    #[default]
    Km,
    Mi,
}

/// The region of a language tag: "US" of "en-US" or "en_us", "TW" of "zh-Hant-TW", "419" of
/// "es-419"; `None` for "en".
fn region(tag: &str) -> Option<String> {
    tag.split(['-', '_'])
        .skip(1)
        .find(|s| {
            (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|s| s.to_ascii_uppercase())
}

impl Unit {
    /// Miles where the first of `tags` that names a region is the United States, Britain,
    /// Liberia or Myanmar (the widget's language, then the page's, then the reader's browser);
    /// kilometres everywhere else, and when no tag names a region.
    pub fn for_tags<'a>(tags: impl IntoIterator<Item = &'a str>) -> Unit {
        match tags.into_iter().find_map(region).as_deref() {
            Some("US" | "GB" | "LR" | "MM") => Unit::Mi,
            _ => Unit::Km,
        }
    }

    /// "12 km", "1.4 mi", "1,4 km" in German: one decimal under ten, whole numbers above, never
    /// less than 0.1.
    pub fn text(self, km: f64, lang: Lang) -> String {
        let decimal = lang.decimal();
        let (value, unit) = match self {
            Unit::Km => (km, "km"),
            Unit::Mi => (km / KM_PER_MILE, "mi"),
        };
        if value >= 9.95 {
            return format!("{} {unit}", value.round() as u64);
        }
        let tenths = ((value * 10.0).round() as u64).max(1);
        format!("{}{decimal}{} {unit}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Place {
        Place { city: "x".into(), lat: Some(lat), lon: Some(lon), ..Place::default() }
    }

    fn close(a: f64, b: f64, within: f64) -> bool {
        (a - b).abs() <= within
    }

    #[test]
    fn a_city_is_at_the_average_of_its_meetings() {
        let (a, b, no_coords) = (
            at(32.7757, -117.0719),
            at(32.8801, -117.2340),
            Place { city: "x".into(), ..Place::default() },
        );
        let fiji = (at(-17.0, 179.9), at(-17.0, -179.9));
        let places = [(0, &a), (0, &b), (1, &no_coords), (2, &fiji.0), (2, &fiji.1)];
        let points = city_points(3, places.into_iter().map(|(c, p)| (CityIndex(c), p)));
        let p = points[0].unwrap();
        assert!(close(p.lat, 32.8279, 0.001) && close(p.lon, -117.1530, 0.001), "{p:?}");
        assert_eq!(points[1], None);
        let f = points[2].unwrap();
        assert!(
            close(f.lat, -17.0, 0.001) && close(f.lon.abs(), 180.0, 0.001),
            "across the 180th meridian: {f:?}"
        );
    }

    #[test]
    fn distances_and_the_nearest_city_with_meetings() {
        let berlin = Point { lat: 52.52, lon: 13.405 };
        let munich = Point { lat: 48.1374, lon: 11.5755 };
        // Berlin to Munich is 504 km as the crow flies.
        assert!(close(distance_km(berlin, munich), 504.0, 2.0));
        assert_eq!(distance_km(berlin, berlin), 0.0);
        let sydney = Point { lat: -33.8688, lon: 151.2093 };
        assert!(close(distance_km(berlin, sydney), 16_000.0, 100.0));

        let here = Point { lat: 52.4, lon: 13.1 }; // Potsdam
        let points = [Some(munich), None, Some(berlin), Some(sydney)];
        let d = distances(&points, here);
        assert_eq!(by_distance(&d), [2, 0, 3, 1].map(CityIndex));
        assert_eq!(nearest(&d, &[1, 5, 2, 1]), Some(CityIndex(2)));
        assert_eq!(
            nearest(&d, &[1, 5, 0, 1]),
            Some(CityIndex(0)),
            "Berlin has no upcoming meetings: Munich"
        );
        assert_eq!(nearest(&d, &[0, 5, 0, 0]), None, "only a city without coordinates has any");
    }

    #[test]
    fn miles_where_the_region_uses_them() {
        assert_eq!(Unit::for_tags(["en-US"]), Unit::Mi);
        assert_eq!(
            Unit::for_tags(["en", "de", "en_gb"]),
            Unit::Mi,
            "the first tag with a region decides"
        );
        assert_eq!(Unit::for_tags(["en-AU", "en-US"]), Unit::Km);
        assert_eq!(Unit::for_tags(["en"]), Unit::Km);
        assert_eq!(Unit::for_tags(["es-419"]), Unit::Km);
        assert_eq!(Unit::for_tags(["zh-Hant-TW"]), Unit::Km);
        assert_eq!(Unit::Km.text(12.3, Lang::En), "12 km");
        assert_eq!(Unit::Km.text(1.44, Lang::De), "1,4 km");
        assert_eq!(Unit::Km.text(0.01, Lang::En), "0.1 km");
        assert_eq!(Unit::Km.text(9.96, Lang::En), "10 km");
        assert_eq!(Unit::Mi.text(16.0934, Lang::En), "10 mi");
        assert_eq!(Unit::Mi.text(1.0, Lang::En), "0.6 mi");
    }
}
