//! Finding a city among hundreds by typing a few letters: which cities a typed text matches, and
//! in what order. A label and the typed text are compared by their keys (`city_name`: without
//! case, accents or punctuation), so "munch" finds München, "sao" São Paulo and "istanbul"
//! İstanbul.

use super::city_name;
use crate::model::index::CityIndex;

/// How well a name matches a typed text: the whole name begins with it, a later word does, or it
/// is somewhere inside. `None`: no match.
fn rank(name: &str, query: &str) -> Option<u64> {
    let at = name.find(query)?;
    Some(match at {
        0 => 0,
        _ if name.as_bytes()[at - 1] == b' ' => 1,
        _ => 2,
    })
}

/// The cities whose label's key (`keys`, indexed like the cities) matches `query`, best first,
/// and within one rank in the order given by `order` (by name, or by distance once the reader's
/// position is known). An empty query matches every city.
pub fn matches(keys: &[String], order: &[CityIndex], query: &str) -> Vec<CityIndex> {
    let query = city_name::key(query);
    // (rank, position): sorted as `near::by_distance` sorts, one sort in the wasm for both.
    let mut found: Vec<(u64, usize)> = order
        .iter()
        .enumerate()
        .filter_map(|(pos, &city)| Some((rank(&keys[city.0], &query)?, pos)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, pos)| order[pos]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_and_labels_compared_by_their_keys() {
        let labels = ["München", "São Paulo", "İstanbul", "Saint-Étienne", "Москва"];
        let keys: Vec<String> = labels.iter().map(|l| city_name::key(l)).collect();
        let order: Vec<CityIndex> = (0..labels.len()).map(CityIndex).collect();
        for (typed, found) in [
            ("MUNCH", "München"),
            ("sao p", "São Paulo"),
            ("ISTANBUL", "İstanbul"),
            ("saint etienne", "Saint-Étienne"),
            ("ÉTIENNE", "Saint-Étienne"),
            ("москва", "Москва"),
            ("МОСК", "Москва"),
        ] {
            let matched: Vec<&str> =
                matches(&keys, &order, typed).iter().map(|&i| labels[i.0]).collect();
            assert_eq!(matched, [found], "{typed:?}");
        }
    }

    #[test]
    fn best_matches_first_then_the_given_order() {
        let labels = [
            "Ann Arbor",
            "Berlin",
            "Bern",
            "Dearborn",
            "New Berlin, WI",
            "Oberlin",
            "Sterling Heights",
        ];
        let keys: Vec<String> = labels.iter().map(|l| city_name::key(l)).collect();
        let by_name: Vec<CityIndex> = (0..labels.len()).map(CityIndex).collect();
        let names =
            |found: Vec<CityIndex>| found.into_iter().map(|i| labels[i.0]).collect::<Vec<_>>();
        assert_eq!(
            names(matches(&keys, &by_name, "ber")),
            ["Berlin", "Bern", "New Berlin, WI", "Oberlin"]
        );
        assert_eq!(
            names(matches(&keys, &by_name, "BERLIN")),
            ["Berlin", "New Berlin, WI", "Oberlin"]
        );
        assert_eq!(names(matches(&keys, &by_name, "xyz")), Vec::<&str>::new());
        assert_eq!(matches(&keys, &by_name, "").len(), labels.len());
        // Nearest first: Oberlin, then Berlin, keep that order within a rank.
        let by_distance = [5, 1, 0, 2, 3, 4, 6].map(CityIndex);
        assert_eq!(
            names(matches(&keys, &by_distance, "erl")),
            ["Oberlin", "Berlin", "New Berlin, WI", "Sterling Heights"]
        );
    }
}
