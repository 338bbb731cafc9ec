//! `upcoming-meetings check`: every problem the widget finds in a feed, located (JSONPath, line
//! and column) and explained (what the widget does, and the fix in one sentence), then the
//! warnings of [`super::lint`], which the widget shows no sign of. It reads the feed with the
//! widget's own parser, so what it accepts is exactly what the widget shows.

use super::lint;
use crate::model::feed::json::{self, line_column};
use crate::model::feed::problem::Severity;
use crate::model::feed::read::{parse_feed, FeedError};
use crate::model::words::i18n::Lang;
use chrono::{DateTime, Utc};

/// What the widget does about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The whole feed: the widget shows an error instead of listings.
    Refused,
    /// One campaign or meeting is not shown.
    LeftOut,
    /// Shown, mended (a value ignored, cut or read another way).
    Mended,
    /// Shown as it is; worth a look.
    Warning,
}

impl Action {
    pub fn word(self) -> &'static str {
        match self {
            Action::Refused => "refused",
            Action::LeftOut => "left out",
            Action::Mended => "mended",
            Action::Warning => "warning",
        }
    }
}

/// One finding, where it is and what to do about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub action: Action,
    /// `$.campaigns[2].meetings[0].start` (`$` for the whole document).
    pub path: String,
    /// The entry in the words the widget's notice uses: `campaigns[2] "no-war" › meetings[0] "x"`.
    pub entry: String,
    /// From 1; columns count characters.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub fix: String,
}

/// Everything `check` says of one feed.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// The text could not be read as a feed at all (`FeedError::is_unreadable`).
    pub unreadable: bool,
}

impl Report {
    /// 0: nothing left out or refused (warnings allowed); 1: something would be; 2: the feed
    /// cannot be read at all (as when its file or address cannot be).
    pub fn exit_code(&self) -> u8 {
        if self.unreadable {
            return 2;
        }
        u8::from(
            self.findings.iter().any(|f| matches!(f.action, Action::Refused | Action::LeftOut)),
        )
    }

    pub fn count(&self, action: Action) -> usize {
        self.findings.iter().filter(|f| f.action == action).count()
    }
}

/// Checks a feed's text as the widget would read it at `now`.
pub fn check(text: &str, now: DateTime<Utc>) -> Report {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let feed = match parse_feed(text) {
        Ok(feed) => feed,
        Err(error) => {
            let unreadable = error.is_unreadable();
            return Report { findings: vec![refused(body, &error)], unreadable };
        }
    };
    // The widget's parser accepted it, so this reading succeeds too; it adds where each node is.
    let (document, offsets) = json::parse_with_offsets(body).expect("the feed parsed once already");
    let locate = |node: Option<u32>| -> (String, usize, usize) {
        match node {
            Some(node) => {
                let (line, column) = line_column(body, offsets[node as usize] as usize);
                (document.path_to(node), line, column)
            }
            None => ("$".to_string(), 1, 1),
        }
    };
    let mut findings: Vec<Finding> = feed
        .problems
        .iter()
        .map(|p| {
            let (path, line, column) = locate(p.at);
            let action = match p.severity() {
                Severity::LeftOut => Action::LeftOut,
                Severity::Corrected => Action::Mended,
            };
            Finding {
                action,
                path,
                entry: p.path.clone(),
                line,
                column,
                message: p.kind.message(Lang::En),
                fix: p.kind.fix().to_string(),
            }
        })
        .collect();
    for w in lint::warnings(&feed, &document, now) {
        let (path, line, column) = locate(w.at);
        findings.push(Finding {
            action: Action::Warning,
            path,
            entry: w.entry,
            line,
            column,
            message: w.message,
            fix: w.fix,
        });
    }
    findings.sort_by_key(|f| (f.action == Action::Warning, f.line, f.column));
    Report { findings, unreadable: false }
}

fn refused(text: &str, error: &FeedError) -> Finding {
    let (line, column, message, fix) = match error {
        FeedError::Empty => (
            1,
            1,
            "the file is empty".to_string(),
            "Write the feed: an object with \"version\": 1 and a \"campaigns\" list.",
        ),
        FeedError::TooLarge { bytes } => (
            1,
            1,
            format!(
                "the file is {bytes} bytes, more than the widget reads ({} bytes)",
                crate::model::feed::read::MAX_FEED_BYTES
            ),
            "Split it into one feed per chapter, or leave out meetings long past.",
        ),
        FeedError::Truncated => {
            let (line, column) = line_column(text, text.len());
            (
                line,
                column,
                "the file ends before the feed does".to_string(),
                "Upload the whole file again: it was cut off (a bracket or quote is missing at \
                 the end).",
            )
        }
        FeedError::NotJson { line, column } => (
            *line,
            *column,
            "this is not JSON".to_string(),
            "Look just before this place for a missing comma or quote, or a comma before a \
             closing bracket.",
        ),
        FeedError::WrongShape(why) => (
            1,
            1,
            format!("JSON, but not a feed: {why}"),
            "Start from the example in docs/feed-v1.md: an object with \"version\": 1 and a \
             \"campaigns\" list.",
        ),
        FeedError::NotASheet(why) => (
            1,
            1,
            format!("not a sheet of meetings: {why}"),
            "Start from the columns `upcoming-meetings import csv` reads (README: from a \
             spreadsheet to the widget).",
        ),
        FeedError::UnsupportedVersion(v) => (
            1,
            1,
            format!("format version {v}; this widget reads version 1"),
            "Write \"version\": 1, or use a widget that reads your version.",
        ),
    };
    Finding {
        action: Action::Refused,
        path: "$".to_string(),
        entry: "the feed".to_string(),
        line,
        column,
        message,
        fix: fix.to_string(),
    }
}

/// The report as a person reads it: one block per finding, then a summary line.
pub fn human(report: &Report, name: &str) -> String {
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "{name}:{}:{}: {}: {} ({})\n    {}\n    fix: {}\n",
            f.line,
            f.column,
            f.action.word(),
            f.entry,
            f.path,
            f.message,
            f.fix
        ));
    }
    out.push_str(&format!("{name}: {}\n", summary(report)));
    out
}

/// "3 left out, 4 mended, 7 warnings", or that there is nothing to say.
pub fn summary(report: &Report) -> String {
    let counts = [Action::Refused, Action::LeftOut, Action::Mended, Action::Warning]
        .iter()
        .map(|&a| (a, report.count(a)))
        .filter(|&(_, n)| n > 0)
        .map(|(a, n)| {
            format!("{n} {}{}", a.word(), if a == Action::Warning && n > 1 { "s" } else { "" })
        })
        .collect::<Vec<_>>();
    if counts.is_empty() {
        "no problems: the widget shows every campaign and meeting.".to_string()
    } else {
        counts.join(", ")
    }
}

/// The report for scripts: one JSON object per line, one per finding.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_lines(report: &Report, name: &str) -> String {
    report
        .findings
        .iter()
        .map(|f| {
            serde_json::json!({
                "file": name,
                "severity": f.action.word(),
                "path": f.path,
                "entry": f.entry,
                "line": f.line,
                "column": f.column,
                "message": f.message,
                "fix": f.fix,
            })
            .to_string()
                + "\n"
        })
        .collect()
}

// Natively: the tests read the fixtures and ask jiff for zones.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_problem_is_located_by_path_line_and_column() {
        let text = concat!(
            "{\"version\": 1, \"campaigns\": [\n",
            "  {\"id\": \"c\", \"title\": \"T\", \"meetings\": [\n",
            "    {\"id\": \"m\", \"start\": \"2027-13-40\", \"place\": {\"city\": \"Berlin\"}},\n",
            "    {\"id\": \"n\", \"start\": \"2027-04-19T19:00:00+02:00\", ",
            "\"place\": {\"city\": \"Berlin\", \"lat\": 123}}\n",
            "  ]}\n]}"
        );
        let report = check(text, now());
        let left_out = report
            .findings
            .iter()
            .find(|f| f.action == Action::LeftOut)
            .expect("the bad date leaves its meeting out");
        assert_eq!(
            (left_out.path.as_str(), left_out.line, left_out.column),
            ("$.campaigns[0].meetings[0]", 3, 5)
        );
        let mended = report
            .findings
            .iter()
            .find(|f| f.action == Action::Mended)
            .expect("lat out of range is mended");
        assert_eq!(
            (mended.path.as_str(), mended.line),
            ("$.campaigns[0].meetings[1].place.lat", 4)
        );
        assert_eq!(&text.lines().nth(3).unwrap()[mended.column - 1..mended.column + 2], "123");
        assert_eq!(report.exit_code(), 1);
    }

    #[test]
    fn a_document_the_widget_refuses_is_one_finding_at_its_place() {
        let report = check("{\"version\": 1,\n \"campaigns\": [,]}", now());
        assert_eq!(report.findings.len(), 1);
        let f = &report.findings[0];
        assert_eq!((f.action, f.line, f.column), (Action::Refused, 2, 16));
        assert_eq!(report.exit_code(), 2, "not JSON: it cannot be read at all");
    }

    #[test]
    fn the_bundled_feed_has_nothing_left_out() {
        let report = check(include_str!("../../public/feed.json"), now());
        assert_eq!(report.exit_code(), 0, "{}", human(&report, "feed.json"));
    }
}
