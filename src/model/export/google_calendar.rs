//! A meeting as a Google Calendar link: `https://calendar.google.com/calendar/render` with the
//! title, times, place and description that `ics.rs` writes into a calendar file, so the two
//! ways to a calendar say the same. A plain link, opened only when the visitor taps it.

use crate::model::export::ics;
use crate::model::feed::links::SafeUrl;
use crate::model::feed::types::{Campaign, Meeting};

/// The link, or `None` for a meeting with no date.
pub fn link(c: &Campaign, m: &Meeting) -> Option<SafeUrl> {
    let (start, end) = ics::span(m)?;
    let mut url = String::from("https://calendar.google.com/calendar/render?action=TEMPLATE");
    for (key, value) in [
        ("text", ics::summary(c, m)),
        ("dates", format!("{start}/{end}")),
        ("location", ics::location(m)),
        ("details", ics::description(c, m)),
    ] {
        url.push('&');
        url.push_str(key);
        url.push('=');
        encode(&mut url, &value);
    }
    SafeUrl::parse(&url)
}

/// Percent-encoding of a query value: everything but RFC 3986's unreserved characters.
fn encode(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::read::parse_feed;

    #[test]
    fn a_meeting_as_google_calendar_reads_it() {
        let feed = parse_feed(
            r#"{"version":1,"campaigns":[{"id":"c","title":"Fascism & how to fight it","meetings":[
              {"id":"b","start":"2027-03-28T19:00:00+02:00",
               "place":{"city":"Berlin","name":"Humboldt-Uni"},
               "rsvp":[{"label":"RSVP","url":"https://example.org/r?a=1&b=2"}]},
              {"id":"d","start":"2027-04-30","place":{"city":"São Paulo"}},
              {"id":"t","place":{"city":"Sydney"}}]}]}"#,
        )
        .unwrap();
        let c = &feed.campaigns[0];
        let berlin = link(c, &c.meetings[0]).unwrap();
        assert_eq!(
            berlin.as_str(),
            concat!(
                "https://calendar.google.com/calendar/render?action=TEMPLATE",
                "&text=Fascism%20%26%20how%20to%20fight%20it%20%E2%80%93%20Berlin",
                "&dates=20270328T170000Z/20270328T190000Z&location=Humboldt-Uni%2C%20Berlin",
                "&details=Fascism%20%26%20how%20to%20fight%20it%0A%0A",
                "RSVP%3A%20https%3A%2F%2Fexample.org%2Fr%3Fa%3D1%26b%3D2"
            )
            .replace("/2027", "%2F2027")
        );
        assert!(
            link(c, &c.meetings[1])
                .unwrap()
                .as_str()
                .contains("&dates=20270430%2F20270501&location=S%C3%A3o%20Paulo"),
            "an all-day event"
        );
        assert!(link(c, &c.meetings[2]).is_none(), "no date, no link");
    }
}
