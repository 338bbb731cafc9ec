//! The shape of `src/`: which file and which folder uses which, read from the source with `syn`.
//! Layers point one way: no two files import each other (through any circle), no two folders
//! of one level import each other, and each top-level part uses only the parts below it in
//! [`LAYERS`]. `cargo test --test layers -- --nocapture` prints every folder's uses.

#![cfg(not(target_arch = "wasm32"))]
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// The top level of `src/`, lowest first: each part may use only the parts before it.
const LAYERS: &[&[&str]] = &[
    // Dates, times and zones as each language writes them (the browser's Intl, or ICU natively).
    &["intl"],
    // The pure model: the feed, its places, words, exports and the widget's options.
    &["model"],
    // The browser's side effects, the first screen written as HTML without Leptos, and the
    // publisher's tools (check, lint, import).
    &["edge", "markup", "publisher"],
    // The Leptos views.
    &["components"],
    // Starting widgets in a page, and the static page rendered natively.
    &["mount", "static_page"],
    // The crate root, which only declares the modules.
    &["lib"],
];

type Module = Vec<String>;

/// Every module file of `src/` (not `src/bin/`, which is a crate of its own), by module path.
fn modules() -> BTreeMap<Module, PathBuf> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_str().unwrap().to_string();
            if path.is_dir() {
                if prefix.is_empty() && name == "bin" {
                    continue;
                }
                let mut inner = prefix.to_vec();
                inner.push(name);
                walk(&path, &inner, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = prefix.to_vec();
                if name != "mod" && !(prefix.is_empty() && name == "lib") {
                    module.push(name);
                }
                out.insert(module, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &[], &mut out);
    out
}

/// What one file names: every path that starts at `crate`, `super` or `self`, made absolute,
/// and every path that starts with a name the file imported.
struct Uses {
    here: Module,
    imported: BTreeMap<String, Module>,
    paths: Vec<Module>,
}

impl Uses {
    fn absolute(&self, segments: &[String]) -> Option<Module> {
        let first = segments.first()?;
        let mut base: Module = match first.as_str() {
            "crate" => vec![],
            "self" => self.here.clone(),
            "super" => self.here[..self.here.len().saturating_sub(1)].to_vec(),
            name => self.imported.get(name)?.clone(),
        };
        let mut rest = &segments[1..];
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.import(prefix, &n.ident.to_string(), None),
            syn::UseTree::Rename(r) => {
                self.import(prefix, &r.ident.to_string(), Some(r.rename.to_string()))
            }
            syn::UseTree::Glob(_) => self.import(prefix, "*", None),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(prefix, t)),
        }
    }

    fn import(&mut self, prefix: &[String], name: &str, rename: Option<String>) {
        let mut segments = prefix.to_vec();
        if name != "self" && name != "*" {
            segments.push(name.to_string());
        }
        if let Some(path) = self.absolute(&segments) {
            let alias = rename.unwrap_or_else(|| segments.last().cloned().unwrap_or_default());
            self.imported.insert(alias, path.clone());
            self.paths.push(path);
        }
    }

    /// Paths inside a macro's tokens (`view!`, `format!`): `crate :: a :: b` as text.
    fn tokens(&mut self, tokens: &proc_macro2::TokenStream) {
        let words: Vec<String> = tokens.to_string().split_whitespace().map(String::from).collect();
        let mut i = 0;
        while i < words.len() {
            let mut segments = vec![words[i].clone()];
            let mut j = i + 1;
            while j + 1 < words.len() && words[j] == "::" {
                segments.push(words[j + 1].clone());
                j += 2;
            }
            if segments.len() > 1 || self.imported.contains_key(&segments[0]) {
                if let Some(path) = self.absolute(&segments) {
                    self.paths.push(path);
                }
            }
            i = j.max(i + 1);
        }
    }
}

impl<'ast> Visit<'ast> for Uses {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        // An inline module (`mod tests { use super::*; }`) is a module below the file's.
        self.here.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.here.pop();
    }
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let Some(path) = self.absolute(&segments) {
            self.paths.push(path);
        }
        syn::visit::visit_path(self, path);
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(&mac.tokens);
        syn::visit::visit_macro(self, mac);
    }
}

/// Which module files each module file uses (the longest module each path lies in).
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let modules = modules();
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        let source = std::fs::read_to_string(file).unwrap();
        let ast = syn::parse_file(&source).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut uses = Uses { here: module.clone(), imported: BTreeMap::new(), paths: vec![] };
        // Imports first, so that paths anywhere in the file resolve through them.
        for item in &ast.items {
            if let syn::Item::Use(u) = item {
                uses.visit_item_use(u);
            }
        }
        uses.visit_file(&ast);
        let mut targets = BTreeSet::new();
        for path in uses.paths {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|m| modules.contains_key(m))
                .unwrap();
            if &target != module {
                targets.insert(target);
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "lib".into()
    } else {
        module.join("::")
    }
}

/// The circles of a graph: its strongly connected parts of more than one node (Tarjan).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        for w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.stack.contains(&w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let at = s.stack.iter().position(|x| *x == v).unwrap();
            let part: Vec<String> = s.stack.drain(at..).map(String::from).collect();
            if part.len() > 1 {
                s.found.push(part);
            }
        }
    }
    let mut s =
        State { graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: vec![], found: vec![] };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

/// Uses between the parts of one folder: a part is a file of it, or a folder in it (with all
/// it holds). The folder's own `mod.rs` is the part `mod`.
fn folder_graph(
    graph: &BTreeMap<Module, BTreeSet<Module>>,
    folder: &[String],
) -> BTreeMap<String, BTreeSet<String>> {
    let part = |m: &Module| -> Option<String> {
        if m.len() < folder.len() || m[..folder.len()] != *folder {
            return None;
        }
        Some(m.get(folder.len()).cloned().unwrap_or_else(|| {
            if folder.is_empty() {
                "lib".into()
            } else {
                "mod".into()
            }
        }))
    };
    let mut parts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in graph {
        let Some(a) = part(from) else { continue };
        let entry = parts.entry(a.clone()).or_default();
        for to in targets {
            if let Some(b) = part(to).filter(|b| *b != a) {
                entry.insert(b);
            }
        }
    }
    parts
}

/// Every folder of `src/` (as module paths), the root first.
fn folders(graph: &BTreeMap<Module, BTreeSet<Module>>) -> BTreeSet<Module> {
    graph.keys().flat_map(|m| (0..m.len()).map(|n| m[..n].to_vec())).collect()
}

#[test]
fn no_two_files_use_each_other() {
    let files: BTreeMap<String, BTreeSet<String>> =
        graph().iter().map(|(m, t)| (name(m), t.iter().map(|t| name(t)).collect())).collect();
    let found = circles(&files);
    assert!(found.is_empty(), "files that use each other (through each other): {found:#?}");
}

#[test]
fn no_two_parts_of_a_folder_use_each_other() {
    let graph = graph();
    let mut found = vec![];
    for folder in folders(&graph) {
        let parts = folder_graph(&graph, &folder);
        println!("src/{}:", folder.join("/"));
        for (part, uses) in &parts {
            let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
            println!("  {part} -> {}", uses.join(", "));
        }
        for circle in circles(&parts) {
            found.push(format!("in src/{}: {}", folder.join("/"), circle.join(" <-> ")));
        }
    }
    assert!(found.is_empty(), "parts of one folder that use each other: {found:#?}");
}

#[test]
fn the_top_level_points_one_way() {
    let graph = graph();
    let top = folder_graph(&graph, &[]);
    let layer = |part: &str| {
        LAYERS
            .iter()
            .position(|l| l.contains(&part))
            .unwrap_or_else(|| panic!("src/{part} is in no layer of tests/layers.rs"))
    };
    let mut wrong = vec![];
    for (from, uses) in &top {
        for to in uses {
            if layer(to) >= layer(from) {
                wrong.push(format!("{from} uses {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "uses that point up or across the layers: {wrong:#?}");
}

/// The reader above finds what it must: a made-up pair of files that use each other through
/// an import, a `super::` path and a path inside a macro.
#[test]
fn the_reader_sees_uses_in_imports_paths_and_macros() {
    let here: Module = vec!["a".into(), "b".into()];
    let source = "use crate::x::{y::Thing, z as zed};
        fn f() { super::c::call(); zed::g(); view! { <crate::w::W/> } }";
    let ast = syn::parse_file(source).unwrap();
    let mut uses = Uses { here: here.clone(), imported: BTreeMap::new(), paths: vec![] };
    for item in &ast.items {
        if let syn::Item::Use(u) = item {
            uses.visit_item_use(u);
        }
    }
    uses.visit_file(&ast);
    let paths: BTreeSet<String> = uses.paths.iter().map(|p| name(p)).collect();
    for expected in ["x::y::Thing", "x::z", "a::c::call", "x::z::g", "w::W"] {
        assert!(paths.contains(expected), "{expected} not in {paths:?}");
    }
    let circle: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]
    .into();
    assert_eq!(circles(&circle).len(), 1);
}
