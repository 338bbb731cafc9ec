//! Where the tools read a feed from: a file, standard input (`-`), or an http(s) address.

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
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{source}: not UTF-8 text (byte {} is not): save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}
