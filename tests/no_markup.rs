//! Feed text is only ever rendered as text: no code in the project writes markup from a string,
//! but for the one place listed in [`ALLOWED`], which parses only what `markup/` wrote, every
//! text of it through `markup::html::escape` (tested there, and attacked end to end by the
//! hostile feed: `tests/e2e/robust.test.mjs`). Scans every source the widget ships (Rust, the JS
//! it serves, its HTML pages) for the APIs that parse a string as HTML or code.
#![cfg(not(target_arch = "wasm32"))]

use std::{fs, path::Path};

/// Spelled in pieces, so this file does not trip its own scan.
const FORBIDDEN: [[&str; 2]; 8] = [
    ["inner", "_html"],
    ["inner", "HTML"],
    ["outer", "HTML"],
    ["set_outer", "_html"],
    ["insertAdjacent", "HTML"],
    ["document", ".write"],
    ["eval", "("],
    ["new Fun", "ction"],
];

/// The lines that may use one of the APIs: the loader's parsing of the first screen the
/// first-paint module wrote (`web/loader.js`, `element()`), in a template, whose content is inert.
const ALLOWED: [(&str, &str); 1] = [("web/loader.js", "template.inner")];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| ["rs", "js", "mjs", "html"].contains(&e.to_str().unwrap()))
        {
            out.push(path);
        }
    }
}

#[test]
fn no_code_turns_a_string_into_markup() {
    let mut files = Vec::new();
    // The widget (src/, web/), the check page (check-page/: its wasm and its page), what dist/
    // copies (public/) and the scripts that write shipped files (tools/).
    for dir in ["src", "web", "check-page", "public", "tools"] {
        sources(Path::new(dir), &mut files);
    }
    files.push("index.html".into());
    assert!(files.len() > 20, "scanned only {} files", files.len());
    for shipped in
        ["check-page/page/check.js", "check-page/page/check.html", "check-page/src/lib.rs"]
    {
        assert!(files.iter().any(|f| f.ends_with(shipped)), "{shipped} not scanned");
    }
    let mut found = Vec::new();
    let mut allowed_uses = 0;
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for [a, b] in FORBIDDEN {
            let word = format!("{a}{b}");
            for (n, line) in text.lines().enumerate() {
                let allowed = ALLOWED
                    .iter()
                    .any(|(f, l)| file.ends_with(f) && line.trim_start().starts_with(l));
                if line.contains(&word) {
                    match allowed {
                        true => allowed_uses += 1,
                        false => found.push(format!("{}:{}: {word}", file.display(), n + 1)),
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "markup from strings: {found:#?}");
    assert_eq!(allowed_uses, ALLOWED.len(), "each allowed use is there, once: {ALLOWED:?}");
}
