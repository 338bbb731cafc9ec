//! The Leptos views. They read the widget's [`Options`] and the model (`Listing`) from context
//! and render them as text; the only links they render are `SafeUrl`s. State: the chosen city
//! (kept in the page URL by `edge::url_state`) and the open RSVP panel (`rsvp_panel.rs`).
//!
//! Every widget root provides its options with [`provide_options`] (the live widget in
//! `app.rs`, the static renderer in `static_page.rs`); a view outside such a root panics at
//! once instead of running on defaults no visitor gets.

pub mod add_to_calendar;
pub mod app;
pub mod campaign_card;
pub mod city_cards;
pub mod city_combobox;
pub mod city_filter;
pub mod external_link;
pub mod feed_notice;
pub mod listings;
pub mod load_error;
pub mod meeting_details;
pub mod meeting_item;
pub mod meeting_list;
pub mod reveal;
pub mod root;
pub mod rsvp_panel;
pub mod rsvp_state;
pub mod saved_notice;

use crate::model::widget::options::Options;
use crate::model::words::i18n::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// Makes `options` the options of every view below.
pub fn provide_options(options: Arc<Options>) {
    provide_context(options);
}

/// The options of the widget this view belongs to.
pub fn options() -> Arc<Options> {
    expect_context::<Arc<Options>>()
}

/// The language of the widget, for views that need its words.
pub fn lang() -> Lang {
    options().lang
}

/// A document-unique id: `um3-card-2`.
pub fn dom_id(part: &str) -> String {
    format!("um{}-{part}", options().instance)
}
