//! The cities of a feed: which meetings share a city (same name, region and country, whatever
//! the spelling's case or spacing), and what each city is called in the filter and the URL.
//! Two places with one name in different regions are told apart: "Portland, ME" / "Portland, OR".

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

/// Appends `s` squashed and case-folded for comparing (ASCII letters only: full Unicode case
/// tables would weigh more in the wasm than they are worth for city names).
fn push_norm(out: &mut String, s: Option<&str>) {
    let s = s.unwrap_or("");
    // Most names are ASCII with single spaces: case-fold them byte by byte.
    let bytes = s.as_bytes();
    let plain = bytes.iter().all(|&b| b.is_ascii_graphic() || b == b' ')
        && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ');
    if plain {
        out.extend(bytes.iter().map(|&b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
}

fn norm(s: Option<&str>) -> String {
    let mut out = String::new();
    push_norm(&mut out, s);
    out
}

/// "Portland, OR" → "portland-or"; characters beyond ASCII (letters of any script) are kept.
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
    name: String,
    region: Option<String>,
    country: Option<String>,
}

/// Groups places into cities. Returns the cities sorted by label, and for each place (in the
/// order given) the index of its city in that list.
pub fn group<'a>(places: impl Iterator<Item = &'a Place>) -> (Vec<City>, Vec<usize>) {
    // Name, region and country normalised, in one key (built in one buffer: most meetings are
    // in a city already seen, and need no new string).
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    let mut found: Vec<Found> = Vec::new();
    let mut of_place = Vec::new();
    let mut key = String::new();
    for p in places {
        key.clear();
        push_norm(&mut key, Some(&p.city));
        key.push('\u{0}');
        push_norm(&mut key, p.region.as_deref());
        key.push('\u{0}');
        push_norm(&mut key, p.country.as_deref());
        let id = match keys.get(key.as_str()) {
            Some(&id) => id,
            None => {
                let id = found.len();
                keys.insert(key.clone(), id);
                found.push(Found {
                    name: squash(&p.city),
                    region: p.region.as_deref().map(squash),
                    country: p.country.clone(),
                });
                id
            }
        };
        of_place.push(id);
    }

    // The distinct cities that share each name, in groups, and each city's group.
    let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_city = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let next = groups.len();
        let group = *group_of.entry(f.name.to_ascii_lowercase()).or_insert(next);
        if group == next {
            groups.push(Vec::new());
        }
        groups[group].push(i);
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
            let unique = |part: fn(&Found) -> Option<&str>| {
                let mine = norm(part(f));
                group.iter().filter(|&&o| o != i).all(|&o| norm(part(&found[o])) != mine)
            };
            let qualifier = match (&f.region, &f.country) {
                (Some(r), _) if unique(|f| f.region.as_deref()) => r.clone(),
                (_, Some(c)) if unique(|f| f.country.as_deref()) => c.clone(),
                (Some(r), Some(c)) => format!("{r}, {c}"),
                (Some(q), None) | (None, Some(q)) => q.clone(),
                (None, None) => return f.name.clone(),
            };
            format!("{}, {qualifier}", f.name)
        })
        .collect();

    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_cached_key(|&i| (labels[i].to_ascii_lowercase(), i));
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
    fn same_name_in_different_regions_is_told_apart() {
        let (l, _) = labels(&[
            place("Portland", Some("OR"), Some("US")),
            place("Portland", Some("ME"), Some("US")),
            place("Paris", None, Some("FR")),
            place("Paris", Some("TX"), Some("US")),
        ]);
        assert_eq!(l, ["Paris, FR", "Paris, TX", "Portland, ME", "Portland, OR"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Portland, OR"), "portland-or");
        assert_eq!(slug("München"), "münchen");
        assert_eq!(slug("  St. Louis "), "st-louis");
    }
}
