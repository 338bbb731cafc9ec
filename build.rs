//! Turns the language files `locales/*.txt` (see `locales/en.txt`) into Rust: one `Texts` value
//! per language and the `Lang` enum (`src/model/words/i18n.rs` includes what this writes). English
//! is the reference: the build fails, naming the file and line, when a language lacks one of its
//! keys, has a key it does not, or drops or invents a `{placeholder}`.

use std::{collections::BTreeSet, env, fmt::Write as _, fs, path::Path};

struct Language {
    tag: String,
    entries: Vec<(String, String, usize)>,
}

impl Language {
    /// The text of `key`, once every file is known to have every key of English's.
    fn get(&self, key: &str) -> &str {
        self.entries
            .iter()
            .find(|(k, ..)| k == key)
            .map(|(_, v, _)| v.as_str())
            .expect("checked above")
    }
}

fn read(path: &Path) -> Language {
    let tag = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a language file is named by its tag")
        .to_string();
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut entries: Vec<(String, String, usize)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else {
            panic!("{}:{}: a line is `key = text`, this one is {line:?}", path.display(), n + 1);
        };
        let (key, value) = (key.trim().to_string(), value.trim().to_string());
        if value.is_empty() {
            panic!("{}:{}: {key} has no text", path.display(), n + 1);
        }
        if entries.iter().any(|(k, ..)| *k == key) {
            panic!("{}:{}: {key} is given twice", path.display(), n + 1);
        }
        entries.push((key, value, n + 1));
    }
    Language { tag, entries }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect()
}

/// The field a key becomes: `show_past.one` → `show_past`.
fn field(key: &str) -> &str {
    key.split('.').next().unwrap_or(key)
}

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut files: Vec<_> = fs::read_dir("locales")
        .expect("the folder locales/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let mut languages: Vec<Language> = files.iter().map(|p| read(p)).collect();
    // English first: the reference, and the language of last resort.
    languages.sort_by_key(|l| l.tag != "en");
    let reference = languages
        .first()
        .filter(|l| l.tag == "en")
        .expect("locales/en.txt, the reference language");
    let keys: Vec<(String, String)> =
        reference.entries.iter().map(|(k, v, _)| (k.clone(), v.clone())).collect();
    for language in &languages[1..] {
        let file = format!("locales/{}.txt", language.tag);
        for (key, english) in &keys {
            let Some((_, text, line)) = language.entries.iter().find(|(k, ..)| k == key) else {
                panic!("{file} lacks `{key}` (en.txt: `{key} = {english}`)");
            };
            if placeholders(text) != placeholders(english) {
                panic!(
                    "{file}:{line}: `{key}` must have the placeholders {:?} of en.txt, it has {:?}",
                    placeholders(english),
                    placeholders(text)
                );
            }
        }
        if let Some((key, _, line)) =
            language.entries.iter().find(|(k, ..)| !keys.iter().any(|(e, _)| e == k))
        {
            panic!("{file}:{line}: `{key}` is not a key of en.txt");
        }
    }

    // Each language's `plural.one` is a list of numbers and its `decimal` one character.
    for l in &languages {
        if l.get("plural.one").split_whitespace().any(|n| n.parse::<u32>().is_err()) {
            panic!("locales/{}.txt: plural.one is a list of numbers", l.tag);
        }
        if l.get("decimal").chars().count() != 1 {
            panic!("locales/{}.txt: decimal is one character", l.tag);
        }
    }

    let mut out = String::new();
    let variant = |tag: &str| {
        let mut c = tag.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    };
    out.push_str(concat!(
        "/// A language the widget speaks: one per file in `locales/`.\n",
        "#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]\n",
        "pub enum Lang {\n",
    ));
    for (i, l) in languages.iter().enumerate() {
        let default = if i == 0 { "    #[default]\n" } else { "" };
        let _ = writeln!(out, "{default}    {},", variant(&l.tag));
    }
    out.push_str(concat!(
        "}\n\nimpl Lang {\n",
        "    /// Every language, English first.\n",
        "    pub const ALL: &'static [Lang] = &[",
    ));
    for l in &languages {
        let _ = write!(out, "Lang::{}, ", variant(&l.tag));
    }
    out.push_str(concat!(
        "];\n\n",
        "    /// Its BCP 47 tag: `en`, `pt`.\n",
        "    pub fn tag(self) -> &'static str {\n",
        "        match self {\n",
    ));
    for l in &languages {
        let _ = writeln!(out, "            Lang::{} => {:?},", variant(&l.tag), l.tag);
    }
    out.push_str(concat!(
        "        }\n    }\n\n",
        "    /// Its writing direction, `ltr` or `rtl` (its file's `direction`: known without its ",
        "words).\n",
        "    pub fn direction(self) -> &'static str {\n",
        "        match self {\n",
    ));
    for l in &languages {
        let direction = l.get("direction");
        if direction != "ltr" && direction != "rtl" {
            panic!("locales/{}.txt: direction is ltr or rtl", l.tag);
        }
        let _ = writeln!(out, "            Lang::{} => {direction:?},", variant(&l.tag));
    }
    out.push_str(concat!(
        "        }\n    }\n\n",
        "    /// Its words where the program carries them: natively every language's, ",
        "in the widget\n",
        "    /// English only (the others are read from `locales/<tag>.txt` when a widget needs ",
        "them).\n",
        "    #[allow(unreachable_patterns)]\n",
        "    fn built_in(self) -> Option<&'static Texts> {\n",
        "        match self {\n",
    ));
    for (i, l) in languages.iter().enumerate() {
        let cfg = if i == 0 { "" } else { "#[cfg(not(target_arch = \"wasm32\"))] " };
        let _ = writeln!(
            out,
            "            {cfg}Lang::{} => Some(&{}),",
            variant(&l.tag),
            l.tag.to_uppercase()
        );
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n\n");
    let _ = writeln!(
        out,
        concat!(
            "/// Every key of `locales/en.txt`, in its order: where each text sits in [`Texts`].\n",
            "const KEYS: [&str; {}] = {:?};\n",
        ),
        keys.len(),
        keys.iter().map(|(k, _)| k).collect::<Vec<_>>()
    );
    let _ = write!(
        out,
        concat!(
            "/// The words of one language (`locales/<tag>.txt`), in the order of [`KEYS`].\n",
            "#[derive(Clone, Debug, PartialEq)]\n",
            "pub struct Texts([&'static str; {}]);\n\n",
            "impl Texts {{\n",
        ),
        keys.len()
    );
    let index = |key: &str| keys.iter().position(|(k, _)| k == key).expect("a key of en.txt");
    let mut fields: Vec<&str> = Vec::new();
    for (key, _) in &keys {
        if !fields.contains(&field(key)) {
            fields.push(field(key));
        }
    }
    for f in &fields {
        let _ = match *f {
            "plural" => writeln!(
                out,
                concat!(
                    "    /// The numbers that take a phrase's `.one` form: \"1\", \"0 1\".\n",
                    "    pub fn plural(&self) -> &'static str {{ self.0[{}] }}",
                ),
                index("plural.one")
            ),
            "direction" => Ok(()),
            "decimal" => writeln!(
                out,
                "    pub fn decimal(&self) -> char {{ \
                 self.0[{}].chars().next().unwrap_or('.') }}",
                index("decimal")
            ),
            _ if keys.iter().any(|(k, _)| *k == format!("{f}.one")) => writeln!(
                out,
                "    pub fn {f}(&self) -> Plural {{ \
                 Plural {{ one: self.0[{}], other: self.0[{}] }} }}",
                index(&format!("{f}.one")),
                index(&format!("{f}.other"))
            ),
            _ => writeln!(out, "    pub fn {f}(&self) -> &'static str {{ self.0[{}] }}", index(f)),
        };
    }
    out.push_str("}\n");
    for (i, l) in languages.iter().enumerate() {
        let cfg = if i == 0 { "" } else { "#[cfg(not(target_arch = \"wasm32\"))]\n" };
        let _ = writeln!(
            out,
            "\n{cfg}static {}: Texts = Texts({:?});",
            l.tag.to_uppercase(),
            keys.iter().map(|(k, _)| l.get(k)).collect::<Vec<_>>()
        );
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
