//! The Leptos views. They read the model (`Listing`) from context and render it as text; the
//! only links they render are `SafeUrl`s. State: the chosen city (`listings.rs`) and the open
//! RSVP panel (`rsvp_panel.rs`).

pub mod app;
pub mod campaign_card;
pub mod city_filter;
pub mod external_link;
pub mod feed_notice;
pub mod listings;
pub mod load_error;
pub mod meeting_item;
pub mod meeting_list;
pub mod rsvp_panel;
pub mod saved_notice;

use leptos::prelude::*;

/// Tells one widget's element ids apart from another's on the same page.
#[derive(Clone, Copy, Debug, Default)]
pub struct Instance(pub u32);

/// A document-unique id: `um3-card-2`.
pub fn dom_id(part: &str) -> String {
    let Instance(n) = use_context::<Instance>().unwrap_or_default();
    format!("um{n}-{part}")
}

/// The language of the widget, for components that need its words.
pub fn lang() -> crate::model::i18n::Lang {
    use_context().unwrap_or_default()
}
