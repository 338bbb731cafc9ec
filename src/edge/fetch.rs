//! Fetching the feed: one GET, its failures sorted into [`LoadError`]s.

use crate::model::load_error::LoadError;
use gloo_net::http::Request;

/// Whether a feed URL points at another origin than the page (its failures may be CORS).
fn is_cross_origin(url: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let page = window.location().href().unwrap_or_default();
    let target = web_sys::Url::new_with_base(url, &page).ok();
    let here = web_sys::Url::new(&page).ok();
    match (target, here) {
        (Some(t), Some(h)) => t.origin() != h.origin(),
        _ => false,
    }
}

/// The feed document's text.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = || LoadError::Network { cross_origin: is_cross_origin(url) };
    let response = Request::get(url).send().await.map_err(|_| network())?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    response.text().await.map_err(|_| network())
}
