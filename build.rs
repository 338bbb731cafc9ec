//! Minifies style/widget.css into OUT_DIR for the wasm to carry (comments and spare whitespace
//! out, about a third of its bytes). The rules themselves are untouched.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    let mut space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                quote = Some(c);
                out.push(c);
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            c => {
                let after_punct = out.ends_with(['{', '}', ';', ',']) || out.is_empty();
                if space && !after_punct {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=style/widget.css");
    let css = fs::read_to_string("style/widget.css").expect("style/widget.css");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("write the minified stylesheet");
}
