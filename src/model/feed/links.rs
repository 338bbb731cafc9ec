//! Link safety: the only place a feed string becomes something the widget may put in an
//! `href` or `src`. A [`SafeUrl`] can only be built by [`SafeUrl::parse`], which accepts
//! `https:`, `http:` and `mailto:` (after trimming, in any letter case) and nothing else.

/// A URL that is safe to render as a link: `https:`, `http:` or `mailto:` with no control
/// characters or spaces. The scheme is stored in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeUrl(String);

const SCHEMES: [&str; 3] = ["https:", "http:", "mailto:"];

impl SafeUrl {
    /// Accepts a feed string as a link, or returns `None` when it must not become one.
    pub fn parse(raw: &str) -> Option<SafeUrl> {
        let trimmed = raw.trim();
        // Browsers drop tabs and newlines inside URLs ("java\tscript:"), so a URL holding any
        // control character or whitespace is refused outright rather than cleaned.
        if trimmed.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return None;
        }
        let colon = trimmed.find(':')?;
        let scheme = trimmed[..=colon].to_ascii_lowercase();
        if !SCHEMES.contains(&scheme.as_str()) {
            return None;
        }
        let rest = &trimmed[colon + 1..];
        let ok = if scheme == "mailto:" {
            rest.contains('@') && !rest.starts_with('/')
        } else {
            rest.strip_prefix("//").is_some_and(|host| {
                let host = host.split(['/', '?', '#']).next().unwrap_or("");
                !host.is_empty() && !host.contains('\\')
            })
        };
        ok.then(|| SafeUrl(format!("{scheme}{rest}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_mailto(&self) -> bool {
        self.0.starts_with("mailto:")
    }
}

/// `chapter.example` of `https://chapter.example/feed.json`; `None` for a relative address.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Where the widget may load its feed from when the page address names one (`?feed=`):
/// only a path on the page's own origin. Returns the path to fetch, or why it is refused.
pub fn same_origin_feed_path(value: &str) -> Result<String, &'static str> {
    let v = value.trim();
    if v.is_empty() {
        return Err("the feed address is empty");
    }
    if v.chars().any(|c| c.is_control() || c == '\\') {
        return Err("the feed address contains characters that are not allowed");
    }
    if v.starts_with("//") {
        return Err("the feed address points to another site");
    }
    // A scheme ("https:", "data:", "javascript:") before any '/', '?' or '#' makes it absolute.
    let head = v.split(['/', '?', '#']).next().unwrap_or("");
    if head.contains(':') {
        return Err("the feed address points to another site");
    }
    Ok(v.to_string())
}

/// The origin of an absolute `http:` / `https:` URL, lower-cased: "https://chapter.example:8443".
fn origin(url: &str) -> Option<String> {
    let safe = SafeUrl::parse(url).filter(|u| !u.is_mailto())?;
    let (scheme, rest) = safe.as_str().split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    // No credentials: "https://chapter.example@evil.example" is evil.example.
    (!host.contains('@')).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Whether two absolute URLs share an origin (scheme, host and port).
pub fn same_origin(a: &str, b: &str) -> bool {
    origin(a).is_some_and(|o| Some(o) == origin(b))
}

/// A feed named in the page address (`?feed=`): a path on the page's own origin, or a URL on
/// one of the origins the page's deployer listed (`data-feed-origins`).
pub fn feed_from_page(value: &str, allowed_origins: &[String]) -> Result<String, &'static str> {
    same_origin_feed_path(value).or_else(|why| {
        let wanted = origin(value).ok_or(why)?;
        let listed = allowed_origins
            .iter()
            .any(|a| origin(a.trim_end_matches('/')).is_some_and(|o| o == wanted));
        if listed {
            Ok(value.trim().to_string())
        } else {
            Err(why)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_web_and_mail_links_in_any_case_after_trimming() {
        assert_eq!(
            SafeUrl::parse(" https://example.org/a ").unwrap().as_str(),
            "https://example.org/a"
        );
        assert_eq!(SafeUrl::parse("HTTP://example.org").unwrap().as_str(), "http://example.org");
        assert_eq!(
            SafeUrl::parse("MailTo:chapter@example.org").unwrap().as_str(),
            "mailto:chapter@example.org"
        );
        assert!(SafeUrl::parse("mailto:chapter@example.org").unwrap().is_mailto());
    }

    #[test]
    fn refuses_every_other_scheme_and_malformed_links() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "//evil.example/x",
            "/relative/path",
            "https:evil",
            "https:///nohost",
            "https://exa mple.org",
            "https://\\evil",
            "mailto:",
            "",
            "   ",
        ] {
            assert!(SafeUrl::parse(bad).is_none(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn feed_path_must_stay_on_the_page_origin() {
        assert_eq!(same_origin_feed_path("feeds/spring.json").unwrap(), "feeds/spring.json");
        assert_eq!(
            same_origin_feed_path("/feeds/spring.json?v=2").unwrap(),
            "/feeds/spring.json?v=2"
        );
        assert_eq!(same_origin_feed_path("./feed.json").unwrap(), "./feed.json");
        for bad in [
            "https://evil.example/feed.json",
            "HTTP://evil.example/feed.json",
            "//evil.example/feed.json",
            "/\\evil.example/feed.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "",
        ] {
            assert!(same_origin_feed_path(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn origins_compare_scheme_host_and_port() {
        assert!(same_origin("https://a.example/x.jpg", "https://A.example/feed.json"));
        assert!(!same_origin("https://a.example/x.jpg", "http://a.example/feed.json"));
        assert!(!same_origin("https://a.example:8443/x.jpg", "https://a.example/feed.json"));
        assert!(!same_origin("https://a.example@b.example/x.jpg", "https://a.example/feed.json"));
        assert!(!same_origin("data:image/png;base64,AAAA", "https://a.example/feed.json"));
    }

    #[test]
    fn listed_origins_may_serve_the_feed_too() {
        let allowed =
            vec!["https://chapter.example/".to_string(), "http://127.0.0.1:9000".to_string()];
        assert_eq!(feed_from_page("/feed.json", &allowed).unwrap(), "/feed.json");
        assert_eq!(
            feed_from_page("https://Chapter.example/f.json", &allowed).unwrap(),
            "https://Chapter.example/f.json"
        );
        assert_eq!(
            feed_from_page("http://127.0.0.1:9000/f.json", &allowed).unwrap(),
            "http://127.0.0.1:9000/f.json"
        );
        for bad in [
            "https://evil.example/f.json",
            "http://chapter.example/f.json",
            "https://chapter.example.evil.example/f.json",
            "https://chapter.example@evil.example/f.json",
            "http://127.0.0.1:9001/f.json",
            "//chapter.example/f.json",
        ] {
            assert!(feed_from_page(bad, &allowed).is_err(), "{bad:?} must be refused");
        }
    }
}
