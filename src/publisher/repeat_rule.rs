//! A repeat rule (DTSTART with RRULE, RDATE and EXDATE lines) read by the `rrule` crate, behind
//! one guard: its parser panics on some text that is not ASCII (a BYDAY value cut inside a
//! character: found by `make fuzz`), and RFC 5545's rules are ASCII, so such text is refused
//! before it gets there.

use rrule::RRuleSet;

/// The set of dates `text` describes, or why it cannot be read.
pub fn parse(text: &str) -> Result<RRuleSet, String> {
    if !text.is_ascii() {
        return Err("it has characters a repeat rule cannot have".to_string());
    }
    text.parse().map_err(|e: rrule::RRuleError| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_that_is_not_ascii_is_refused_not_a_panic() {
        let found_by_fuzzing = "DTSTART:16011028T030000Z\nRRULE:FREQ=YEARLY;BYDAY=    -\u{32c}U";
        assert!(parse(found_by_fuzzing).is_err());
        assert!(parse("DTSTART:20270301T190000Z\nRRULE:FREQ=WEEKLY;COUNT=2").is_ok());
    }
}
