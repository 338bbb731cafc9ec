//! Finding a city among hundreds by typing a few letters: which cities a typed text matches, and
//! in what order. Letters are compared without case and without accents, so "munch" finds
//! München, "sao" São Paulo and "istanbul" İstanbul.

/// The base letter of each character from U+00C0 to U+017F (Latin-1 and Latin Extended-A: the
/// accented letters of German, French, Spanish, Portuguese, Turkish and the other Latin-script
/// languages the organizations meet in), lowercased; `_` where a character is no accented
/// letter or stands for two (Æ, ß, Œ: see [`fold`]). Made from Unicode's decompositions.
const LATIN: &[u8; 192] = b"aaaaaa_ceeeeiiii_nooooo__uuuuy__aaaaaa_ceeeeiiii_nooooo__uuuuy_yaaaaaaccccccccdd__eeeeeeeeeegggggggghh__iiiiiiiii___jjkk_llllll____nnnnnn___oooooo__rrrrrrsssssssstttt__uuuuuuuuuuuuwwyyyzzzzzz_";

/// Appends `c` as it is compared: ASCII lowercased, Latin letters without their accents (ı, ø,
/// ł, đ to their plain letter; ß, æ, œ to two), spaces, hyphens and dots as one space. Other
/// scripts are kept as they are (full Unicode case tables would weigh more in the wasm than a
/// city search needs: Sinhala and Tamil have no case, and Greek or Cyrillic names are typed as
/// written).
fn push_folded(out: &mut String, c: char) {
    // A combining accent typed after its letter (decomposed text) is dropped.
    if ('\u{300}'..='\u{36F}').contains(&c) {
        return;
    }
    let base = match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' => Some(c.to_ascii_lowercase()),
        ' ' | '-' | '.' | ',' | '\'' | '’' | '(' | ')' => {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            return;
        }
        'ß' => return out.push_str("ss"),
        'Æ' | 'æ' => return out.push_str("ae"),
        'Œ' | 'œ' => return out.push_str("oe"),
        'Ø' | 'ø' => Some('o'),
        'Đ' | 'đ' | 'Ð' | 'ð' => Some('d'),
        'Ł' | 'ł' => Some('l'),
        'ı' => Some('i'),
        '\u{C0}'..='\u{17F}' => Some(char::from(LATIN[c as usize - 0xC0])).filter(|&b| b != '_'),
        _ => None,
    };
    out.push(base.unwrap_or(c));
}

/// `text` as [`matches`] compares it.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out.truncate(out.trim_end().len());
    out
}

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

/// The cities whose folded label (`folded`, indexed like the cities) matches `query`, best
/// first, and within one rank in the order given by `order` (by name, or by distance once the
/// reader's position is known). An empty query matches every city.
pub fn matches(folded: &[String], order: &[usize], query: &str) -> Vec<usize> {
    let query = fold(query);
    // (rank, position): sorted as `near::by_distance` sorts, one sort in the wasm for both.
    let mut found: Vec<(u64, usize)> = order
        .iter()
        .enumerate()
        .filter_map(|(pos, &city)| Some((rank(&folded[city], &query)?, pos)))
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, pos)| order[pos]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("München"), "munchen");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("Eskişehir"), "eskisehir");
        assert_eq!(fold("Saint-Étienne"), "saint etienne");
        assert_eq!(fold("Gießen"), "giessen");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Zürich"), fold("Zu\u{308}rich"), "composed and decomposed ü");
        assert_eq!(fold("St. Louis, MO "), "st louis mo");
        assert_eq!(fold("கொழும்பு"), "கொழும்பு", "no case in Tamil: kept");
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
        let folded: Vec<String> = labels.iter().map(|l| fold(l)).collect();
        let by_name: Vec<usize> = (0..labels.len()).collect();
        let names = |found: Vec<usize>| found.into_iter().map(|i| labels[i]).collect::<Vec<_>>();
        assert_eq!(
            names(matches(&folded, &by_name, "ber")),
            ["Berlin", "Bern", "New Berlin, WI", "Oberlin"]
        );
        assert_eq!(
            names(matches(&folded, &by_name, "BERLIN")),
            ["Berlin", "New Berlin, WI", "Oberlin"]
        );
        assert_eq!(names(matches(&folded, &by_name, "xyz")), Vec::<&str>::new());
        assert_eq!(matches(&folded, &by_name, "").len(), labels.len());
        // Nearest first: Oberlin, then Berlin, keep that order within a rank.
        let by_distance = [5, 1, 0, 2, 3, 4, 6];
        assert_eq!(
            names(matches(&folded, &by_distance, "erl")),
            ["Oberlin", "Berlin", "New Berlin, WI", "Sterling Heights"]
        );
    }
}
