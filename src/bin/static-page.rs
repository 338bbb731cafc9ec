//! `static-page FEED.json [--out FILE] [--prerender] [--lang en|de] [--now RFC3339]`
//!
//! Renders a feed to static HTML with the widget's own model, views and stylesheet: a whole
//! page (the `<noscript>` / archive export), or with `--prerender` the widget's markup to put
//! inside its element so the listings show before the widget starts. Writes to standard
//! output, or to FILE. Meetings past at `--now` (default: the current time) are left out.
//! A native tool: built for wasm32 (as `cargo test --target wasm32-…` does) it is empty.
#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use chrono::{DateTime, Utc};
    use std::{fs, process::ExitCode, sync::Arc};
    use upcoming_meetings::model::{i18n::Lang, listing::Listing, parse::parse_feed};
    use upcoming_meetings::static_page::{listings_html, page_html, Output};

    const USAGE: &str = "usage: static-page FEED.json [--out FILE] [--prerender] [--lang en|de] [--now RFC3339]";

    struct Args {
        feed: String,
        out: Option<String>,
        prerender: bool,
        lang: Lang,
        now: DateTime<Utc>,
    }

    fn parse_args() -> Result<Args, String> {
        let mut args = std::env::args().skip(1);
        let (mut feed, mut out, mut prerender, mut lang, mut now) = (None, None, false, Lang::En, DateTime::<Utc>::from(std::time::SystemTime::now()));
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
            match arg.as_str() {
                "--out" => out = Some(value("--out")?),
                "--prerender" => prerender = true,
                "--lang" => lang = Lang::from_tag(&value("--lang")?).ok_or("--lang takes en or de")?,
                "--now" => {
                    let text = value("--now")?;
                    now = DateTime::parse_from_rfc3339(&text).map_err(|e| format!("--now {text}: {e}"))?.with_timezone(&Utc);
                }
                "-h" | "--help" => return Err(USAGE.to_string()),
                _ if feed.is_none() && !arg.starts_with("--") => feed = Some(arg),
                _ => return Err(format!("unknown argument {arg}\n{USAGE}")),
            }
        }
        Ok(Args { feed: feed.ok_or(USAGE)?, out, prerender, lang, now })
    }

    pub fn main() -> ExitCode {
        let run = || -> Result<(), String> {
            let args = parse_args()?;
            let text = fs::read_to_string(&args.feed).map_err(|e| format!("{}: {e}", args.feed))?;
            let feed = parse_feed(&text).map_err(|e| format!("{}: not a readable feed: {e:?}", args.feed))?;
            for p in &feed.problems {
                eprintln!("{}: {:?}: {}", p.path, p.severity, p.message);
            }
            let listing = Arc::new(Listing::new(feed, args.now));
            let html = if args.prerender { listings_html(listing, args.lang, Output::Prerender) } else { page_html(listing, args.lang) };
            match &args.out {
                Some(path) => fs::write(path, html).map_err(|e| format!("{path}: {e}")),
                None => {
                    print!("{html}");
                    Ok(())
                }
            }
        };
        match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("static-page: {e}");
                ExitCode::FAILURE
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}
