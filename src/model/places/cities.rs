//! The cities of a feed: which meetings share a city (same name, region and country, whatever
//! the spelling's case, accents or spacing: `city_name`), and what each city is called in the
//! filter and the URL. Two places with one name in different regions are told apart:
//! "Portland, ME" / "Portland, OR".

use super::city_name;
use crate::model::feed::types::Place;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct City {
    /// What the filter shows: "Berlin", or "Portland, OR" when the name alone is ambiguous.
    pub label: String,
    /// What the URL holds: "berlin", "portland-or".
    pub slug: String,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Portland, OR" → "portland-or"; characters beyond ASCII (letters of any script) are kept. A
/// URL names a city by any text with the slug's key ([`city_name::key`]): "münchen", "munchen".
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

struct Found {
    /// The city's name as first spelled (its spaces squashed): what the filter shows.
    name: String,
    region: Option<String>,
    country: Option<String>,
    /// The keys of its name, region and country, separated by NUL.
    key: String,
}

/// Groups places into cities. Returns the cities sorted by label, and for each place (in the
/// order given) the index of its city in that list.
pub fn group<'a>(places: impl Iterator<Item = &'a Place>) -> (Vec<City>, Vec<usize>) {
    // The keys of name, region and country, in one string (built in one buffer: most meetings
    // are in a city already seen, and need no new string).
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    let mut found: Vec<Found> = Vec::new();
    let mut of_place = Vec::new();
    let mut key = String::new();
    for p in places {
        key.clear();
        city_name::push_key(&mut key, &p.city);
        for part in [&p.region, &p.country] {
            key.push('\u{0}');
            city_name::push_key(&mut key, part.as_deref().unwrap_or(""));
        }
        let id = match keys.get(key.as_str()) {
            Some(&id) => id,
            None => {
                let id = found.len();
                keys.insert(key.clone(), id);
                found.push(Found {
                    name: squash(&p.city),
                    region: p.region.as_deref().map(squash),
                    country: p.country.clone(),
                    key: key.clone(),
                });
                id
            }
        };
        of_place.push(id);
    }
    // Each city's key, split into those of its name, region and country.
    let parts: Vec<[&str; 3]> = found
        .iter()
        .map(|f| {
            let mut p = f.key.split('\u{0}');
            [(); 3].map(|()| p.next().unwrap_or(""))
        })
        .collect();

    // The distinct cities that share each name, in groups, and each city's group.
    let mut group_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_city = Vec::with_capacity(found.len());
    for [name, _, _] in &parts {
        let next = groups.len();
        let group = *group_of.entry(name).or_insert(next);
        if group == next {
            groups.push(Vec::new());
        }
        groups[group].push(group_of_city.len());
        group_of_city.push(group);
    }
    let labels: Vec<String> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let group = &groups[group_of_city[i]];
            if group.len() == 1 {
                return f.name.clone();
            }
            // Whether no namesake shares this city's region (1) or country (2).
            let unique =
                |part: usize| group.iter().all(|&o| o == i || parts[o][part] != parts[i][part]);
            let qualifier = match (&f.region, &f.country) {
                (Some(r), _) if unique(1) => r.clone(),
                (_, Some(c)) if unique(2) => c.clone(),
                (Some(r), Some(c)) => format!("{r}, {c}"),
                (Some(q), None) | (None, Some(q)) => q.clone(),
                (None, None) => return f.name.clone(),
            };
            format!("{}, {qualifier}", f.name)
        })
        .collect();

    // By label as the search compares it (Ängelholm among the A's), the first seen first.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_cached_key(|&i| (city_name::key(&labels[i]), i));
    let mut rank = vec![0; found.len()];
    for (pos, &i) in order.iter().enumerate() {
        rank[i] = pos;
    }
    let cities =
        order.iter().map(|&i| City { label: labels[i].clone(), slug: slug(&labels[i]) }).collect();
    (cities, of_place.into_iter().map(|id| rank[id]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(city: &str, region: Option<&str>, country: Option<&str>) -> Place {
        Place {
            city: city.into(),
            region: region.map(Into::into),
            country: country.map(Into::into),
            ..Place::default()
        }
    }

    fn labels(places: &[Place]) -> (Vec<String>, Vec<usize>) {
        let (cities, of) = group(places.iter());
        (cities.into_iter().map(|c| c.label).collect(), of)
    }

    #[test]
    fn same_city_whatever_the_spelling_and_sorted_by_name() {
        let (l, of) = labels(&[
            place("New York", Some("NY"), Some("US")),
            place("Berlin", None, Some("DE")),
            place(" new  york ", Some("ny"), Some("us")),
            place("Ann Arbor", Some("MI"), Some("US")),
        ]);
        assert_eq!(l, ["Ann Arbor", "Berlin", "New York"]);
        assert_eq!(of, [2, 1, 2, 0]);
    }

    #[test]
    fn same_city_whatever_the_accents_and_the_first_spelling_shows() {
        let (l, of) = labels(&[
            place("MÜNCHEN", Some("Bayern"), Some("DE")),
            place("Zürich", None, Some("CH")),
            place("München", Some("BAYERN"), Some("de")),
            place("Zurich", None, Some("CH")),
            place("Ängelholm", None, Some("SE")),
            place("Saint Etienne", None, Some("FR")),
            place("Saint-Étienne", None, Some("FR")),
            place("Berlin", None, Some("DE")),
        ]);
        assert_eq!(l, ["Ängelholm", "Berlin", "MÜNCHEN", "Saint Etienne", "Zürich"]);
        assert_eq!(of, [2, 4, 2, 4, 0, 3, 3, 1]);
    }

    #[test]
    fn same_name_in_different_regions_is_told_apart() {
        let (l, _) = labels(&[
            place("Portland", Some("OR"), Some("US")),
            place("Portland", Some("ME"), Some("US")),
            place("Paris", None, Some("FR")),
            place("Paris", Some("TX"), Some("US")),
        ]);
        assert_eq!(l, ["Paris, FR", "Paris, TX", "Portland, ME", "Portland, OR"]);
        // Namesakes whatever the accents; regions told apart by their keys.
        let (l, _) = labels(&[
            place("Córdoba", Some("Andalucía"), Some("ES")),
            place("Cordoba", Some("ANDALUCIA"), Some("ES")),
            place("Córdoba", None, Some("AR")),
        ]);
        assert_eq!(l, ["Córdoba, Andalucía", "Córdoba, AR"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Portland, OR"), "portland-or");
        assert_eq!(slug("München"), "münchen");
        assert_eq!(slug("  St. Louis "), "st-louis");
        // A slug has its label's key: the URL names the city the label does.
        for label in ["Portland, OR", "München", "Saint-Étienne", "İstanbul", "L’Aquila", "東京"]
        {
            assert_eq!(city_name::key(&slug(label)), city_name::key(label), "{label}");
        }
    }
}
