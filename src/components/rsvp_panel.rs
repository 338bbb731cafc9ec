//! The RSVP panel: a modal `<dialog>` (labelled by the meeting's title) with the meeting's
//! details, its RSVP links, then the campaign's links, or, when neither has one, the
//! publisher's contact link; and "Add to calendar". Escape, the Close button or a click beside it
//! closes it, and focus returns to the button that opened it.

use super::{
    add_to_calendar::MeetingCalendar,
    dom_id,
    external_link::ExternalLink,
    lang,
    meeting_details::{status_badge, what_and_who, when_line, where_line},
    options,
    rsvp_state::RsvpState,
};
use crate::edge::{
    share::{share, Shared},
    url_state,
};
use crate::model::feed::types::Link;
use crate::model::index::{CampaignIndex, MeetingIndex};
use crate::model::listing::Listing;
use crate::model::places::place_format::map_link;
use crate::model::widget::meeting_link;
use leptos::{html, prelude::*};
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
                show_in_page(d, top, move || open.try_get_untracked().flatten().is_some());
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
                let on_backdrop = ev.target().zip(dialog.get_untracked()).is_some_and(|(t, d)| {
                    t.unchecked_ref::<web_sys::Element>() == d.unchecked_ref::<web_sys::Element>()
                });
                if on_backdrop {
                    close();
                }
            }
        >
            {move || {
                let title_id = title_id.clone();
                open.get().map(|(campaign, meeting)| view! {
                    <PanelBody campaign meeting title_id on_close=close />
                })
            }}
        </dialog>
    }
}

/// Opens the dialog once it is in the page, and while `wanted`: only a dialog in the page can
/// open, and a panel a link opens is asked for before the listings are there (the app renders
/// them out of the page until it takes over the first screen: `mount.rs`), so it is tried again
/// at each frame until then.
fn show_in_page(
    d: web_sys::HtmlDialogElement,
    top: Option<f64>,
    wanted: impl Fn() -> bool + 'static,
) {
    if !wanted() || d.open() {
        return;
    }
    if d.is_connected() {
        place_in_frame(&d, top);
        let _ = d.show_modal();
        place_in_frame(&d, top);
    } else {
        request_animation_frame(move || show_in_page(d, top, wanted));
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
            {links.iter().map(|l| view! {
                <li><ExternalLink url=l.url.clone() label=l.label.clone() /></li>
            }).collect_view()}
        </ul>
    }
}

/// The panel's head, the meeting's title and Close (the first thing focus reaches), and below
/// it the rest.
#[component]
fn PanelBody(
    campaign: CampaignIndex,
    meeting: MeetingIndex,
    title_id: String,
    on_close: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let c = listing.campaign(campaign);
    let m = listing.meeting(campaign, meeting);
    view! {
        <div class="um-panel-body">
            <header class="um-panel-head">
                <div>
                    <p dir="auto" class="um-kind">{c.title.clone()}</p>
                    <h2 class="um-panel-title" id=title_id>
                        {m.is_rally().then(|| view! {
                            <span class="um-badge um-badge-rally">{texts.rally()}</span>
                            " "
                        })}
                        <bdi>{m.display_title().to_string()}</bdi>
                    </h2>
                </div>
                <button type="button" class="um-button um-close" on:click=move |_| on_close()>
                    {texts.close()}
                </button>
            </header>
            {panel_rest(campaign, meeting)}
        </div>
    }
}

/// The panel below its head: Share, the meeting's details, its RSVP links, the campaign's links
/// (or the publisher's contact), and "Add to calendar".
fn panel_rest(campaign: CampaignIndex, meeting: MeetingIndex) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let lang = lang();
    let texts = lang.texts();
    let c = listing.campaign(campaign);
    let m = listing.meeting(campaign, meeting);
    let contact = listing.feed.publisher.as_ref().and_then(|p| p.contact_url.clone());
    let no_links = m.rsvp.is_empty() && c.links.is_empty();
    let map = map_link(&m.place);
    view! {
        <ShareLink campaign meeting />
        <div
            class="um-panel-details"
            class:um-cancelled=m.status == crate::model::feed::types::Status::Cancelled
        >
            {status_badge(texts, m.status)}
            {when_line(lang, m)}
            {where_line(m)}
            {m.place.directions.clone().map(|d| view! {
                <p class="um-directions">
                    <span class="um-label">{texts.directions()} ": "</span>
                    <bdi>{d}</bdi>
                </p>
            })}
            {map.map(|url| view! { <p><ExternalLink url label=texts.map().to_string() /></p> })}
            {m.online.as_ref().map(|o| view! {
                <p>
                    <span class="um-label">{texts.online()} ": "</span>
                    <ExternalLink url=o.url.clone() label=o.label.clone() />
                </p>
            })}
            {what_and_who(lang, m)}
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
                {contact.map(|url| view! {
                    <p><ExternalLink url label=texts.contact().to_string() /></p>
                })}
            </section>
        })}
        <MeetingCalendar campaign meeting />
    }
}

/// "Share": the link to this meeting (the page address with the widget's own meeting
/// parameter), by the share sheet or the clipboard, or shown to copy by hand.
#[component]
fn ShareLink(campaign: CampaignIndex, meeting: MeetingIndex) -> impl IntoView {
    let listing = expect_context::<Arc<Listing>>();
    let texts = lang().texts();
    let param = options().meeting_param.clone();
    let title = listing.meeting(campaign, meeting).display_title().to_string();
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
                    Some(Shared::Neither) => Some(view! {
                        " "
                        {texts.copy_this_link()}
                        " "
                        <input class="um-share-url" readonly value=url.clone() />
                    }.into_any()),
                    _ => None,
                }}
            </span>
        </p>
    }
}
