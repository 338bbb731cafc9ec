//! Where the tools read a feed from: a file, standard input (`-`), or an http(s) address.

use super::import_csv;
use std::io::Read;

/// The text of a feed, or why it cannot be read at all.
pub fn read(source: &str) -> Result<String, String> {
    let bytes = if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("standard input: {e}"))?;
        bytes
    } else if source.starts_with("https://") || source.starts_with("http://") {
        let response = ureq::get(source).call().map_err(|e| format!("{source}: {e}"))?;
        response
            .into_body()
            .with_config()
            .limit(crate::model::feed::read::MAX_FEED_BYTES as u64 + 1)
            .read_to_vec()
            .map_err(|e| format!("{source}: {e}"))?
    } else {
        std::fs::read(source).map_err(|e| format!("{source}: {e}"))?
    };
    text(bytes).map_err(|why| format!("{source}: {why}"))
}

/// Bytes as text, or what they are instead, in words a publisher can act on.
fn text(bytes: Vec<u8>) -> Result<String, String> {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes.starts_with(import_csv::ZIP.as_bytes()) {
        return Err(import_csv::A_ZIP.to_string());
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("UTF-16 text, as Excel's \"Unicode Text\" saves it: save it as UTF-8 \
                    (a sheet: as \"CSV UTF-8\")"
            .to_string());
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "line {} holds a NUL byte: this is not a text file",
            line_of(&bytes, at)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let (at, bytes) = (e.utf8_error().valid_up_to(), e.as_bytes());
        format!(
            "line {} is not UTF-8 text (byte {at} is 0x{:02X}), as a file saved in Windows-1252 \
             or Latin-1 is not: save it as UTF-8 (a sheet: as \"CSV UTF-8\")",
            line_of(bytes, at),
            bytes[at]
        )
    })
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn what_is_not_text_is_named_with_its_line() {
        let why = |bytes: &[u8]| text(bytes.to_vec()).unwrap_err();
        assert!(why(b"PK\x03\x04\x14\x00").starts_with("a ZIP archive"));
        assert!(why(b"\xff\xfeB\x00E\x00").starts_with("UTF-16 text"));
        assert!(why(b"a,b\nc,d\n\x00").starts_with("line 3 holds a NUL byte"));
        assert!(why(b"city\nK\xf6ln\n").starts_with("line 2 is not UTF-8 text (byte 6 is 0xF6)"));
        assert_eq!(text("K\u{f6}ln".into()).as_deref(), Ok("K\u{f6}ln"));
    }
}
