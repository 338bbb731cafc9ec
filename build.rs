//! Turns the language files `locales/*.txt` (see `locales/en.txt`) into Rust: one `Texts` value
//! per language and the `Lang` enum (`src/model/i18n.rs` includes what this writes). English is
//! the reference: the build fails, naming the file and line, when a language lacks one of its
//! keys, has a key it does not, or drops or invents a `{placeholder}`.

use std::{collections::BTreeSet, env, fmt::Write as _, fs, path::Path};

struct Language {
    tag: String,
    entries: Vec<(String, String, usize)>,
}

fn read(path: &Path) -> Language {
    let tag = path.file_stem().and_then(|s| s.to_str()).expect("a language file is named by its tag").to_string();
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
    let reference = languages.first().filter(|l| l.tag == "en").expect("locales/en.txt, the reference language");
    let keys: Vec<(String, String)> = reference.entries.iter().map(|(k, v, _)| (k.clone(), v.clone())).collect();
    for language in &languages[1..] {
        let file = format!("locales/{}.txt", language.tag);
        for (key, english) in &keys {
            let Some((_, text, line)) = language.entries.iter().find(|(k, ..)| k == key) else {
                panic!("{file} lacks `{key}` (en.txt: `{key} = {english}`)");
            };
            if placeholders(text) != placeholders(english) {
                panic!("{file}:{line}: `{key}` must have the placeholders {:?} of en.txt, it has {:?}", placeholders(english), placeholders(text));
            }
        }
        if let Some((key, _, line)) = language.entries.iter().find(|(k, ..)| !keys.iter().any(|(e, _)| e == k)) {
            panic!("{file}:{line}: `{key}` is not a key of en.txt");
        }
    }

    let mut out = String::new();
    let variant = |tag: &str| {
        let mut c = tag.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    };
    out.push_str(
        "/// A language the widget speaks: one per file in `locales/`.\n#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]\npub enum Lang {\n",
    );
    for (i, l) in languages.iter().enumerate() {
        let default = if i == 0 { "    #[default]\n" } else { "" };
        let _ = writeln!(out, "{default}    {},", variant(&l.tag));
    }
    out.push_str("}\n\nimpl Lang {\n    /// Every language, English first.\n    pub const ALL: &'static [Lang] = &[");
    for l in &languages {
        let _ = write!(out, "Lang::{}, ", variant(&l.tag));
    }
    out.push_str("];\n\n    /// Its BCP 47 tag: `en`, `pt`.\n    pub fn tag(self) -> &'static str {\n        match self {\n");
    for l in &languages {
        let _ = writeln!(out, "            Lang::{} => {:?},", variant(&l.tag), l.tag);
    }
    out.push_str("        }\n    }\n\n    /// Its words.\n    pub fn texts(self) -> &'static Texts {\n        match self {\n");
    for l in &languages {
        let _ = writeln!(out, "            Lang::{} => &{},", variant(&l.tag), l.tag.to_uppercase());
    }
    out.push_str("        }\n    }\n}\n\n/// The words of one language (`locales/<tag>.txt`).\npub struct Texts {\n");
    let mut fields: Vec<&str> = Vec::new();
    for (key, _) in &keys {
        if !fields.contains(&field(key)) {
            fields.push(field(key));
        }
    }
    let kind = |f: &str| match f {
        "plural" => "&'static [u32]",
        "decimal" => "char",
        _ if keys.iter().any(|(k, _)| k == &format!("{f}.one")) => "Plural",
        _ => "&'static str",
    };
    for f in &fields {
        let _ = writeln!(out, "    pub {f}: {},", kind(f));
    }
    out.push_str("}\n");
    for l in &languages {
        let get = |key: &str| l.entries.iter().find(|(k, ..)| k == key).map(|(_, v, _)| v.as_str()).expect("checked above");
        let _ = writeln!(out, "\nstatic {}: Texts = Texts {{", l.tag.to_uppercase());
        for f in &fields {
            let value = match kind(f) {
                "&'static [u32]" => {
                    let numbers: Vec<u32> = get("plural.one")
                        .split_whitespace()
                        .map(|n| n.parse().unwrap_or_else(|_| panic!("locales/{}.txt: plural.one is a list of numbers", l.tag)))
                        .collect();
                    format!("&{numbers:?}")
                }
                "char" => {
                    let mut chars = get(f).chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => format!("{c:?}"),
                        _ => panic!("locales/{}.txt: {f} is one character", l.tag),
                    }
                }
                "Plural" => format!("Plural {{ one: {:?}, other: {:?} }}", get(&format!("{f}.one")), get(&format!("{f}.other"))),
                _ => format!("{:?}", get(f)),
            };
            let _ = writeln!(out, "    {f}: {value},");
        }
        out.push_str("};\n");
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
