//! Which meeting's RSVP panel is open, and what opening and closing it does: the page URL keeps
//! the open meeting (so Back closes it and a link opens it), and closing gives the focus back to
//! the button that opened it. The meeting list's buttons open it; `rsvp_panel.rs` shows it.

use crate::edge::url_state;
use crate::model::index::{CampaignIndex, MeetingIndex};
use crate::model::listing::Listing;
use crate::model::widget::meeting_link;
use leptos::{html, prelude::*};

/// Which meeting's panel is open (as its link's value, `campaign/meeting`, which a live widget
/// mirrors in the page URL), and which button opened it.
#[derive(Clone, Copy)]
pub struct RsvpState {
    link: RwSignal<Option<String>>,
    opener: RwSignal<Option<NodeRef<html::Button>>>,
    /// This page pushed the history entry that opened the panel: closing it goes back over it.
    pushed: RwSignal<bool>,
}

impl RsvpState {
    /// `link`: the open meeting's link value, mirrored in the page URL by a live widget.
    pub fn new(link: RwSignal<Option<String>>) -> Self {
        RsvpState { link, opener: RwSignal::new(None), pushed: RwSignal::new(false) }
    }

    pub fn open(&self, link: String, opener: NodeRef<html::Button>) {
        self.opener.set(Some(opener));
        self.pushed.set(true);
        self.link.set(Some(link));
    }

    /// The open meeting, if the feed has it.
    pub fn open_meeting(&self, listing: &Listing) -> Option<(CampaignIndex, MeetingIndex)> {
        self.link.with(|l| l.as_deref().and_then(|v| meeting_link::find(listing, v)))
    }

    /// Where the button that opened the panel is, in page coordinates (for a framed widget).
    pub fn opener_top(&self) -> Option<f64> {
        let button = self.opener.get_untracked()?.get_untracked()?;
        Some(window().scroll_y().unwrap_or(0.0) + button.get_bounding_client_rect().top())
    }

    /// After the dialog closed, by whatever means: the URL forgets the meeting (going back over
    /// the entry that opened it, or, for a panel a link opened, in place), and the opener gets
    /// the focus again.
    pub fn closed(&self, param: &str) {
        if self.link.get_untracked().is_some() {
            if self.pushed.get_untracked() {
                self.pushed.set(false);
                url_state::back();
            } else {
                url_state::replace(param, None);
                self.link.set(None);
            }
        }
        if let Some(button) = self.opener.get_untracked().and_then(|r| r.get_untracked()) {
            let _ = button.focus();
        }
    }
}
