//! Plain-text helpers for what the model keeps and says: trimming, cutting, quoting.

/// Cuts text to at most `max` characters, ending with "…" when cut.
pub fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((end, _)) => format!("{}…", &s[..end]),
    }
}

/// `text`, or its first words up to `max` characters and "…".
pub fn cut_at_word(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => {
            let head = &text[..end];
            format!(
                "{}…",
                head.rfind(' ')
                    .map_or(head, |space| &head[..space])
                    .trim_end_matches([',', ';', ':', ' '])
            )
        }
    }
}

/// Plain text as the widget keeps it: trimmed, without control characters but line breaks.
pub fn clean(s: &str) -> String {
    // Nearly every text starts and ends with a visible ASCII character, and needs no trim.
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let s =
        if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) { s } else { s.trim() };
    // Control characters are bytes below 0x20 and 0x7F, or U+0080–U+009F (0xC2 0x80–0x9F in
    // UTF-8): a byte scan finds the text that cannot have any, which is nearly all of it.
    let may_have_control = s.bytes().any(|b| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2);
    if may_have_control && s.chars().any(|c| c.is_control() && c != '\n') {
        s.chars().filter(|c| !c.is_control() || *c == '\n').collect()
    } else {
        s.to_string()
    }
}

/// `"text"`, for naming a feed's value in a message to its publisher.
pub fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_clean_quote() {
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("äöüß", 2), "äö…");
        assert_eq!(clean("  a\u{7}b\nc  "), "ab\nc");
        assert_eq!(quoted("lacc"), "\"lacc\"");
    }
}
