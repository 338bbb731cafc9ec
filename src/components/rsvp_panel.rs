//! The RSVP panel: a modal `<dialog>` (labelled by the meeting's title) with the meeting's
//! details, its RSVP links, then the campaign's links, or, when neither has one, the
//! publisher's contact link; and "Add to calendar". Escape, the Close button or a click beside it closes it, and focus
//! returns to the button that opened it.

use super::{
    add_to_calendar::MeetingCalendar,
    dom_id,
    external_link::ExternalLink,
    lang,
    meeting_item::{status_text, when_line},
    options,
};
use crate::edge::{
    share::{share, Shared},
    url_state,
};
use crate::model::{
    feed::Link,
    listing::Listing,
    meeting_link,
    place_format::{map_link, street_line, venue_line},
};
use leptos::{html, prelude::*};
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
    fn open_meeting(&self, listing: &Listing) -> Option<(usize, usize)> {
        self.link.with(|l| l.as_deref().and_then(|v| meeting_link::find(listing, v)))
    }

    /// Where the button that opened the panel is, in page coordinates (for a framed widget).
    fn opener_top(&self) -> Option<f64> {
        let button = self.opener.get_untracked()?.get_untracked()?;
        Some(window().scroll_y().unwrap_or(0.0) + button.get_bounding_client_rect().top())
    }

    /// After the dialog closed, by whatever means: the URL forgets the meeting (going back over
    /// the entry that opened it, or, for a panel a link opened, in place), and the opener gets
    /// the focus again.
    fn closed(&self, param: &str) {
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

#[component]
pub fn RsvpPanel() -> impl IntoView {
    let state = expect_context::<RsvpState>();
    let listing = expect_context::<Arc<Listing>>();
    let options = options();
    let framed = options.framed;
    let param = options.meeting_param.clone();
    let dialog = NodeRef::<html::Dialog>::new();
    let open = Memo::new(move |_| state.open_meeting(&listing));
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match open.get() {
            Some(_) if !d.open() => {
                // Placed before it opens too, so the focus it takes does not scroll the host page.
                let top = state.opener_top().filter(|_| framed);
                let connected = d.is_connected();
                let show = move || {
                    place_in_frame(&d, top);
                    let _ = d.show_modal();
                    place_in_frame(&d, top);
                };
                // A panel a link opens is asked for before the listings are in the page, and
                // only a dialog in the page can open: then it opens on the next frame.
                if connected {
                    show();
                } else {
                    request_animation_frame(show);
                }
            }
            None if d.open() => d.close(),
            _ => {}
        }
    });
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let title_id = dom_id("panel-title");
    let labelledby = title_id.clone();
    view! {
        <dialog
            node_ref=dialog
            class="um-panel"
            aria-labelledby=labelledby
            on:close=move |_| state.closed(&param)
            on:click=move |ev| {
                // A click on the dialog itself, not its content, is a click on the backdrop.
                let on_backdrop = ev.target().zip(dialog.get_untracked()).is_some_and(|(t, d)| t.unchecked_ref::<web_sys::Element>() == d.unchecked_ref::<web_sys::Element>());
                if on_backdrop {
                    close();
                }
            }
        >
            {move || {
                let title_id = title_id.clone();
                open.get().map(|(campaign, meeting)| view! { <PanelBody campaign meeting title_id on_close=close /> })
            }}
        </dialog>
    }
}

/// In an iframe as tall as its content, a fixed panel would sit at the frame's bottom, far from
/// the reader: put it beside the button that opened it, inside the frame (once open, its
/// height is known: it is kept above the frame's bottom edge and scrolled into view).
fn place_in_frame(dialog: &web_sys::HtmlDialogElement, opener_top: Option<f64>) {
    let Some(top) = opener_top else { return };
    let page = document().document_element().map_or(0.0, |e| e.scroll_height() as f64);
    let height = dialog.offset_height() as f64;
    let y = (top - 16.0).min(page - height - 8.0).max(8.0);
    let _ =
        web_sys::HtmlElement::style(dialog).set_property("top", &format!("{}px", y.round() as i64));
    if dialog.open() {
        // The embedding page scrolls, not the frame: bring the whole panel into its view.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        dialog.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

fn link_list(links: &[Link]) -> impl IntoView {
    view! {
        <ul class="um-links">
            {links.iter().map(|l| view! { <li><ExternalLink url=l.url.clone() label=l.label.clone() /></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn PanelBody(
    campaign: usize,
    meeting: usize,
    title_id: String,
    on_close: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let texts = lang.texts();
    let c = listing.campaign(campaign);
    let m = &c.meetings[meeting];
    let contact = listing.feed.publisher.as_ref().and_then(|p| p.contact_url.clone());
    let no_links = m.rsvp.is_empty() && c.links.is_empty();
    let map = map_link(&m.place);
    view! {
        <div class="um-panel-body">
            <header class="um-panel-head">
                <div>
                    <p dir="auto" class="um-kind">{c.title.clone()}</p>
                    <h2 class="um-panel-title" id=title_id>
                        {m.is_rally().then(|| view! { <span class="um-badge um-badge-rally">{texts.rally()}</span> " " })}
                        <bdi>{m.display_title().to_string()}</bdi>
                    </h2>
                </div>
                <button type="button" class="um-button um-close" on:click=move |_| on_close()>{texts.close()}</button>
            </header>
            <ShareLink campaign meeting />
            <div class="um-panel-details" class:um-cancelled=m.status == crate::model::feed::Status::Cancelled>
                {status_text(texts, m.status).map(|s| view! { <p class="um-status"><span class="um-badge um-badge-status">{s}</span></p> })}
                {when_line(lang, m)}
                <p class="um-where">
                    {venue_line(&m.place, m.title.is_none()).map(|v| view! { <span dir="auto" class="um-venue">{v}</span> })}
                    <span dir="auto" class="um-street">{street_line(&m.place)}</span>
                </p>
                {m.place.directions.clone().map(|d| view! { <p class="um-directions"><span class="um-label">{texts.directions()} ": "</span><bdi>{d}</bdi></p> })}
                {map.map(|url| view! { <p><ExternalLink url label=texts.map().to_string() /></p> })}
                {m.online.as_ref().map(|o| view! { <p><span class="um-label">{texts.online()} ": "</span><ExternalLink url=o.url.clone() label=o.label.clone() /></p> })}
                {m.note.clone().map(|n| view! { <p dir="auto" class="um-note">{n}</p> })}
                {(!m.speakers.is_empty()).then(|| view! { <p dir="auto" class="um-with">{lang.with_speakers(&m.speakers.join(", "))}</p> })}
            </div>
            {(!m.rsvp.is_empty()).then(|| view! {
                <section class="um-panel-section">
                    <h3 class="um-label">{texts.sign_up()}</h3>
                    {link_list(&m.rsvp)}
                </section>
            })}
            {(!c.links.is_empty()).then(|| view! {
                <section class="um-panel-section">
                    <h3 class="um-label">{texts.campaign_links()}</h3>
                    {link_list(&c.links)}
                </section>
            })}
            {no_links.then(|| view! {
                <section class="um-panel-section">
                    <p>{texts.no_links()}</p>
                    {contact.map(|url| view! { <p><ExternalLink url label=texts.contact().to_string() /></p> })}
                </section>
            })}
            <MeetingCalendar campaign meeting />
        </div>
    }
}

/// "Share": the link to this meeting (the page address with the widget's own meeting
/// parameter), by the share sheet or the clipboard, or shown to copy by hand.
#[component]
fn ShareLink(campaign: usize, meeting: usize) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let param = options().meeting_param.clone();
    let title = listing.campaign(campaign).meetings[meeting].display_title().to_string();
    let url = url_state::with(&[(&param, Some(&meeting_link::value(&listing, campaign, meeting)))])
        .unwrap_or_default();
    let outcome = RwSignal::new(None::<Shared>);
    let on_share = {
        let url = url.clone();
        move |_| {
            let (title, url) = (title.clone(), url.clone());
            leptos::task::spawn_local(async move { outcome.set(Some(share(&title, &url).await)) });
        }
    };
    view! {
        <p class="um-share">
            <button type="button" class="um-link-button" on:click=on_share>{texts.share()}</button>
            <span role="status">
                {move || match outcome.get() {
                    Some(Shared::Copied) => Some(view! { " " {texts.link_copied()} }.into_any()),
                    Some(Shared::Neither) => Some(view! { " " {texts.copy_this_link()} " " <input class="um-share-url" readonly value=url.clone() /> }.into_any()),
                    _ => None,
                }}
            </span>
        </p>
    }
}
