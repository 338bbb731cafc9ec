//! Why a calendar cannot be read at all (the `ical` crate's error, which names a line at best),
//! in words that name the line, quote it and say what to do; for `import ics`.

use ical::parser::ParserError;
use ical::property::PropertyError;

/// The parts a calendar holds (RFC 5545 and its VALARM, STANDARD and DAYLIGHT).
const PARTS: [&str; 9] = [
    "VCALENDAR",
    "VEVENT",
    "VTODO",
    "VJOURNAL",
    "VFREEBUSY",
    "VTIMEZONE",
    "VALARM",
    "STANDARD",
    "DAYLIGHT",
];

/// Why `text` is no calendar: `error` is the parser's, `None` when it found no calendar in it.
pub fn why(text: &str, error: Option<&ParserError>) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let quoted = |number: usize| {
        let line = lines.get(number.saturating_sub(1)).copied().unwrap_or_default();
        let short: String = line.chars().take(60).collect();
        format!("{short:?}{}", if short.len() < line.len() { "…" } else { "" })
    };
    let first = lines.iter().position(|l| !l.trim_start_matches('\u{feff}').trim().is_empty());
    let Some(first) = first else {
        return "the file is empty: export the calendar again".to_string();
    };
    if !lines[first].trim_start_matches('\u{feff}').trim().eq_ignore_ascii_case("BEGIN:VCALENDAR") {
        return format!(
            "not an iCalendar (.ics) file: its line {} is {}, where a calendar begins with \
             BEGIN:VCALENDAR",
            first + 1,
            quoted(first + 1)
        );
    }
    match error {
        Some(ParserError::PropertyError(e)) => {
            let (line, what) = match e {
                PropertyError::MissingName { line } => (line, "it has no name".to_string()),
                PropertyError::MissingClosingQuote { line } => {
                    (line, "a parameter's quote is not closed".to_string())
                }
                PropertyError::MissingDelimiter { line, delimiter } => {
                    (line, format!("it has no \"{delimiter}\""))
                }
                PropertyError::MissingContentAfter { line, letter } => {
                    (line, format!("nothing follows its \"{letter}\""))
                }
                PropertyError::MissingParamKey { line } => {
                    (line, "a parameter has no name".to_string())
                }
            };
            format!(
                "line {line} cannot be read: {what} ({}); each line of a calendar is \
                 NAME:value or NAME;PARAMETER=value:value",
                quoted(*line)
            )
        }
        Some(ParserError::InvalidComponent) => {
            let unknown = lines.iter().enumerate().find(|(_, line)| {
                line.split_once(':').is_some_and(|(name, part)| {
                    name.trim().eq_ignore_ascii_case("BEGIN")
                        && !PARTS.iter().any(|p| p.eq_ignore_ascii_case(part.trim()))
                })
            });
            match unknown {
                Some((i, _)) => {
                    format!("line {} begins a part no calendar holds ({})", i + 1, quoted(i + 1))
                }
                None => "a part of it is inside a part that cannot hold it".to_string(),
            }
        }
        _ => {
            // Each BEGIN not yet ended, and its line.
            let mut open: Vec<(usize, &str)> = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                let (name, value) = line.split_once(':').unwrap_or_default();
                match name.trim().to_ascii_uppercase().as_str() {
                    "BEGIN" => open.push((i + 1, value.trim())),
                    "END" => _ = open.pop(),
                    _ => {}
                }
            }
            match open.last() {
                Some((line, part)) => format!(
                    "it ends at line {} with BEGIN:{part} on line {line} not ended (END:{part}), \
                 as a file cut off is: export or download it again",
                    lines.len()
                ),
                None => "it has no calendar in it (BEGIN:VCALENDAR … END:VCALENDAR)".to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::why;

    fn read(text: &str) -> String {
        match ical::IcalParser::new(text.as_bytes()).next() {
            Some(Ok(_)) => panic!("{text:?} was read"),
            Some(Err(e)) => why(text, Some(&e)),
            None => why(text, None),
        }
    }

    #[test]
    fn what_cannot_be_read_is_named_by_its_line() {
        let calendar = |body: &str| format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}");
        assert_eq!(read(""), "the file is empty: export the calendar again");
        assert!(read("\n<!DOCTYPE html>\n<html>")
            .starts_with("not an iCalendar (.ics) file: its line 2 is \"<!DOCTYPE html>\", where"));
        assert!(read(&calendar("BEGIN:VEVENT\r\nDTSTART 20270101T100000\r\nEND:VEVENT\r\n"))
            .starts_with("line 4 cannot be read: it has no name (\"DTSTART 20270101T100000\")"));
        assert!(read(&calendar("BEGIN:VEVENT\r\nDTSTART;TZID=\"Berlin:20270101\r\n"))
            .starts_with("line 4 cannot be read: a parameter's quote is not closed"));
        assert!(read(&calendar("BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Cut"))
            .starts_with("it ends at line 5 with BEGIN:VEVENT on line 3 not ended (END:VEVENT)"));
        assert!(read(&calendar("BEGIN:VEVENT\r\nBEGIN:VNOTE\r\nEND:VNOTE\r\n"))
            .starts_with("line 4 begins a part no calendar holds (\"BEGIN:VNOTE\")"));
    }
}
