//! The words the widget shows, in each language it speaks. The words themselves are in
//! `locales/<tag>.txt`, one file per language that a translator edits without reading Rust;
//! `build.rs` checks them all and turns them into the `Texts` of each `Lang`. Natively (the
//! static page, the tools) every language is built in. The widget's wasm carries English only:
//! a widget in another language reads its file beside the wasm ([`Lang::learn`], fetched by
//! `edge::locale`) and speaks English until then, or if it never comes. Views take every
//! visible string from here (a problem with the feed is worded in `problems.rs`). Dates and
//! times are not here: the platform writes them (`src/intl/`).

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// The words of each language read at run time (`Lang::learn`), by `Lang::ALL`'s order (the
/// enum's, as `build.rs` writes both).
static LEARNED: [OnceLock<Texts>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

/// The two forms of a counted phrase: `{n}` meeting / meetings.
#[derive(Clone, Copy)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

/// `template` with each `{name}` replaced by its value, in one pass: a value is not read again,
/// so feed text that holds "{city}" stays as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let value = values.iter().find(|(name, _)| *name == &after[..close])?.1;
            Some((value, close))
        });
        match named {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Texts {
    /// A language file's words (`key = text` lines, as `build.rs` reads them), over English's:
    /// a key the file lacks keeps its English text, a line that is not a known key is passed by.
    pub fn read(file: &'static str) -> Texts {
        let mut texts = EN.clone();
        for line in file.lines() {
            if let Some((key, text)) = line.split_once(" = ") {
                if let Some(i) = KEYS.iter().position(|k| *k == key.trim()) {
                    texts.0[i] = text.trim();
                }
            }
        }
        texts
    }
}

impl Lang {
    /// Its words: built in, or learned, or else English's.
    pub fn texts(self) -> &'static Texts {
        self.own_texts().unwrap_or(&EN)
    }

    /// Whether its words are at hand (built in or learned), so a widget need not wait for them.
    pub fn has_texts(self) -> bool {
        self.own_texts().is_some()
    }

    fn own_texts(self) -> Option<&'static Texts> {
        self.built_in().or_else(|| LEARNED[self as usize].get())
    }

    /// Takes its words from the text of its language file, `locales/<tag>.txt`, for the rest of
    /// the page's life. A file already learned is kept.
    pub fn learn(self, file: String) {
        LEARNED[self as usize].get_or_init(|| Texts::read(file.leak()));
    }

    /// The language of a tag such as "de", "pt-BR" or "en_US"; `None` for one not spoken.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.iter().copied().find(|l| l.tag() == primary)
    }

    /// The form of a counted phrase for `n`, with `{n}` filled in.
    fn count(self, phrase: Plural, n: usize) -> String {
        let n = n.to_string();
        let one = self.texts().plural().split_whitespace().any(|m| m == n);
        fill(if one { phrase.one } else { phrase.other }, &[("n", &n)])
    }

    /// The label of a city in the filter: "Berlin (3)".
    pub fn city_option(self, label: &str, upcoming: usize) -> String {
        format!("{label} ({upcoming})")
    }

    /// The separator of a decimal fraction: "1.4 km", "1,4 km".
    pub fn decimal(self) -> char {
        self.texts().decimal()
    }

    /// After "Near me": "Nearest to you: San Diego · 12 km".
    pub fn nearest(self, city: &str, distance: &str) -> String {
        fill(self.texts().nearest(), &[("city", city), ("distance", distance)])
    }

    pub fn no_city_matches(self, typed: &str) -> String {
        fill(self.texts().no_city_matches(), &[("typed", typed)])
    }

    pub fn show_past(self, n: usize) -> String {
        self.count(self.texts().show_past(), n)
    }

    pub fn none_in_city(self, city: &str) -> String {
        fill(self.texts().none_in_city(), &[("city", city)])
    }

    pub fn unknown_city(self, slug: &str) -> String {
        fill(self.texts().unknown_city(), &[("slug", slug)])
    }

    pub fn left_out(self, n: usize) -> String {
        self.count(self.texts().left_out(), n)
    }

    pub fn err_http(self, status: u16) -> String {
        fill(self.texts().err_http(), &[("status", &status.to_string())])
    }

    /// "Saved copy from …: the latest listings could not be loaded."
    pub fn saved_copy(self, when: &str) -> String {
        fill(self.texts().saved_copy(), &[("when", when)])
    }

    pub fn err_version(self, version: &str) -> String {
        fill(self.texts().err_version(), &[("version", version)])
    }

    /// The campaign card's calendar file of its meetings in the chosen city.
    pub fn calendar_of(self, n: usize) -> String {
        self.count(self.texts().calendar_of(), n)
    }

    pub fn show_more(self, n: usize) -> String {
        self.count(self.texts().show_more(), n)
    }

    pub fn no_campaign(self, id: &str) -> String {
        fill(self.texts().no_campaign(), &[("id", id)])
    }

    /// The static page's `<meta name="description">`, what a search result shows under its title.
    pub fn page_description(self, meetings: usize, cities: usize) -> String {
        if cities > 1 && meetings > 1 {
            fill(
                self.texts().page_description_cities(),
                &[("n", &meetings.to_string()), ("cities", &cities.to_string())],
            )
        } else {
            self.count(self.texts().page_description(), meetings)
        }
    }

    /// "With Andre Damon" on a meeting.
    pub fn with_speakers(self, names: &str) -> String {
        fill(self.texts().with_speakers(), &[("names", names)])
    }

    /// An online meeting's time for a reader elsewhere: "2:00 AM your time".
    pub fn your_time(self, time: &str) -> String {
        fill(self.texts().your_time(), &[("time", time)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag(" EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag("tr"), Some(Lang::Tr));
        assert_eq!(Lang::from_tag("nl"), None);
        assert_eq!(Lang::De.texts().city(), "Stadt");
        assert_eq!(Lang::En.show_past(1), "Show 1 past meeting");
        assert_eq!(Lang::En.show_past(3), "Show 3 past meetings");
        assert_eq!(Lang::En.show_past(0), "Show 0 past meetings");
    }

    #[test]
    fn every_language_has_its_plural_rule_and_fills_every_placeholder() {
        assert_eq!(Lang::ALL.len(), 6);
        assert!(
            Lang::ALL.iter().enumerate().all(|(i, &l)| l as usize == i),
            "ALL is in the enum's order (LEARNED's index)"
        );
        // French and Portuguese count 0 as one; English, German, Spanish, Turkish do not.
        assert_eq!(Lang::Fr.show_more(0), Lang::Fr.texts().show_more().one.replace("{n}", "0"));
        assert_eq!(Lang::Pt.left_out(0), Lang::Pt.texts().left_out().one.replace("{n}", "0"));
        assert_eq!(Lang::De.show_more(0), "0 weitere Termine zeigen");
        assert_eq!(Lang::Es.show_more(2), Lang::Es.texts().show_more().other.replace("{n}", "2"));
        assert_eq!(Lang::De.nearest("Berlin", "1,4 km"), "Am nächsten: Berlin · 1,4 km");
        // A value is put in as it is, even one that looks like a placeholder.
        assert_eq!(Lang::En.nearest("{distance}", "2 km"), "Nearest to you: {distance} · 2 km");
        assert_eq!(fill("{a}{b} {c", &[("a", "{b}"), ("b", "x")]), "{b}x {c");
        for &lang in Lang::ALL {
            let filled = [
                lang.nearest("A", "1 km"),
                lang.no_city_matches("x"),
                lang.show_past(1),
                lang.show_past(5),
                lang.none_in_city("A"),
                lang.unknown_city("a"),
                lang.left_out(2),
                lang.err_http(500),
                lang.saved_copy("t"),
                lang.err_version("2"),
                lang.calendar_of(3),
                lang.show_more(4),
                lang.no_campaign("c"),
                lang.page_description(1, 1),
                lang.page_description(5, 1),
                lang.page_description(5, 2),
                lang.with_speakers("N"),
                lang.your_time("2:00"),
            ];
            for text in filled {
                assert!(!text.contains('{') && !text.contains('}'), "{lang:?}: {text}");
            }
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    /// What the widget reads from `locales/<tag>.txt` at run time is what `build.rs` built in.
    #[test]
    fn a_language_file_read_at_run_time_gives_the_built_in_words() {
        for &lang in Lang::ALL {
            let file = std::fs::read_to_string(format!(
                "{}/locales/{}.txt",
                env!("CARGO_MANIFEST_DIR"),
                lang.tag()
            ))
            .unwrap();
            assert_eq!(&Texts::read(file.leak()), lang.texts(), "{lang:?}");
        }
        assert_eq!(Texts::read("city = Stadt\n").city(), "Stadt");
        // What a file lacks stays English;
        // what is not a key, or not a `key = text` line, is passed by.
        let partial =
            Texts::read("# city = Ville\nno_such_key = x\ncity=Ville\n  retry = Nochmal  \n");
        assert_eq!(
            (partial.city(), partial.retry(), partial.loading()),
            ("City", "Nochmal", "Loading meetings…")
        );
        assert_eq!(Texts::read("<!doctype html><title>404</title>"), EN);
    }
}
