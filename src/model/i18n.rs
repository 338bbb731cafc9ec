//! The words the widget shows, in each language it speaks (English and German). Views take
//! every visible string from here; the publisher diagnostics in `parse.rs` stay in English.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    De,
}

/// Fixed strings of one language.
pub struct Texts {
    pub city: &'static str,
    pub all_cities: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub no_meetings_yet: &'static str,
    pub date_tba: &'static str,
    pub time_tba: &'static str,
    pub read_more: &'static str,
    pub more_description: &'static str,
    pub less_description: &'static str,
    pub speakers: &'static str,
    pub sponsored_by: &'static str,
    pub meetings: &'static str,
    pub rally: &'static str,
    pub cancelled: &'static str,
    pub postponed: &'static str,
    pub moved_online: &'static str,
    pub tentative: &'static str,
    pub rsvp_details: &'static str,
    pub close: &'static str,
    pub sign_up: &'static str,
    pub campaign_links: &'static str,
    pub no_links: &'static str,
    pub contact: &'static str,
    pub directions: &'static str,
    pub map: &'static str,
    pub online: &'static str,
    pub hide_past: &'static str,
    pub show_fewer: &'static str,
    pub show_all_cities: &'static str,
    pub near_me: &'static str,
    pub finding_position: &'static str,
    pub position_denied: &'static str,
    pub position_unavailable: &'static str,
    pub no_city_nearby: &'static str,
    pub new_tab: &'static str,
    pub add_to_calendar: &'static str,
    pub calendar_file: &'static str,
    pub google_calendar: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    pub copy_this_link: &'static str,
    pub feed_problems_details: &'static str,
    pub err_network: &'static str,
    pub err_timeout: &'static str,
    pub retrying: &'static str,
    pub crashed: &'static str,
    pub err_not_json: &'static str,
    pub err_shape: &'static str,
    pub err_empty: &'static str,
    pub err_too_large: &'static str,
    pub err_truncated: &'static str,
    pub err_refused_url: &'static str,
    pub err_cross_origin: &'static str,
    pub weekdays: [&'static str; 7],
    pub months: [&'static str; 12],
}

static EN: Texts = Texts {
    city: "City",
    all_cities: "All cities",
    loading: "Loading meetings…",
    retry: "Retry",
    no_meetings_yet: "No meetings scheduled yet",
    date_tba: "Date TBA",
    time_tba: "Time TBA",
    read_more: "Read more",
    more_description: "Show full description",
    less_description: "Show less",
    speakers: "Speakers",
    sponsored_by: "Sponsored by",
    meetings: "Meetings",
    rally: "Rally",
    cancelled: "Cancelled",
    postponed: "Postponed",
    moved_online: "Moved online",
    tentative: "Tentative",
    rsvp_details: "Details & RSVP",
    close: "Close",
    sign_up: "Sign up",
    campaign_links: "More from this campaign",
    no_links: "No sign-up link has been published for this meeting yet.",
    contact: "Contact the organizers",
    directions: "Directions",
    map: "Map",
    online: "Online",
    hide_past: "Hide past meetings",
    show_fewer: "Show fewer meetings",
    show_all_cities: "Show all cities",
    near_me: "Near me",
    finding_position: "Finding your position…",
    position_denied: "Your position was not shared: choose your city from the list.",
    position_unavailable: "Your position could not be found: choose your city from the list.",
    no_city_nearby: "No city with upcoming meetings has a position in these listings.",
    new_tab: "(opens in a new tab)",
    add_to_calendar: "Add to calendar",
    calendar_file: "Calendar file (.ics)",
    google_calendar: "Google Calendar",
    share: "Share",
    link_copied: "Link copied.",
    copy_this_link: "Copy this link:",
    feed_problems_details: "Details for the feed's publisher",
    err_network: "The meetings could not be loaded: the network did not answer.",
    err_timeout: "The meetings could not be loaded: the network is too slow right now.",
    retrying: "The network is slow. Trying again…",
    crashed: "Something went wrong while showing the meetings. Please reload the page.",
    err_not_json: "The meetings could not be loaded: the feed is not valid JSON.",
    err_shape: "The meetings could not be loaded: the feed does not have the shape of a meeting feed.",
    err_empty: "The meetings could not be loaded: the feed is empty.",
    err_too_large: "The meetings could not be loaded: the feed is too large.",
    err_truncated: "The meetings could not be loaded: the feed is cut off before its end.",
    err_refused_url: "This page asked for a feed from another site, which the widget does not load.",
    err_cross_origin: "The meetings could not be loaded: the feed's server does not allow this site to read it (CORS).",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

static DE: Texts = Texts {
    city: "Stadt",
    all_cities: "Alle Städte",
    loading: "Veranstaltungen werden geladen…",
    retry: "Erneut versuchen",
    no_meetings_yet: "Noch keine Termine",
    date_tba: "Datum folgt",
    time_tba: "Uhrzeit folgt",
    read_more: "Weiterlesen",
    more_description: "Ganze Beschreibung zeigen",
    less_description: "Weniger zeigen",
    speakers: "Referenten",
    sponsored_by: "Unterstützt von",
    meetings: "Termine",
    rally: "Kundgebung",
    cancelled: "Abgesagt",
    postponed: "Verschoben",
    moved_online: "Jetzt online",
    tentative: "Vorläufig",
    rsvp_details: "Details & Anmeldung",
    close: "Schließen",
    sign_up: "Anmelden",
    campaign_links: "Mehr zu dieser Kampagne",
    no_links: "Für diese Veranstaltung gibt es noch keinen Anmeldelink.",
    contact: "Kontakt zu den Veranstaltern",
    directions: "Anfahrt",
    map: "Karte",
    online: "Online",
    hide_past: "Vergangene ausblenden",
    show_fewer: "Weniger Termine zeigen",
    show_all_cities: "Alle Städte zeigen",
    near_me: "In meiner Nähe",
    finding_position: "Ihr Standort wird ermittelt …",
    position_denied: "Ihr Standort wurde nicht freigegeben: Wählen Sie Ihre Stadt aus der Liste.",
    position_unavailable: "Ihr Standort konnte nicht ermittelt werden: Wählen Sie Ihre Stadt aus der Liste.",
    no_city_nearby: "Keine Stadt mit kommenden Terminen hat in diesen Terminen eine Position.",
    new_tab: "(öffnet in neuem Tab)",
    add_to_calendar: "In den Kalender",
    calendar_file: "Kalenderdatei (.ics)",
    google_calendar: "Google Kalender",
    share: "Teilen",
    link_copied: "Link kopiert.",
    copy_this_link: "Diesen Link kopieren:",
    feed_problems_details: "Details für den Herausgeber des Feeds",
    err_network: "Die Termine konnten nicht geladen werden: Das Netzwerk antwortet nicht.",
    err_timeout: "Die Termine konnten nicht geladen werden: Das Netzwerk ist gerade zu langsam.",
    retrying: "Das Netzwerk ist langsam. Neuer Versuch…",
    crashed: "Beim Anzeigen der Termine ist ein Fehler aufgetreten. Bitte laden Sie die Seite neu.",
    err_not_json: "Die Termine konnten nicht geladen werden: Der Feed ist kein gültiges JSON.",
    err_shape: "Die Termine konnten nicht geladen werden: Der Feed hat nicht die Form eines Termin-Feeds.",
    err_empty: "Die Termine konnten nicht geladen werden: Der Feed ist leer.",
    err_too_large: "Die Termine konnten nicht geladen werden: Der Feed ist zu groß.",
    err_truncated: "Die Termine konnten nicht geladen werden: Der Feed bricht vor seinem Ende ab.",
    err_refused_url: "Diese Seite verlangt einen Feed von einer anderen Website; das Widget lädt ihn nicht.",
    err_cross_origin: "Die Termine konnten nicht geladen werden: Der Server des Feeds erlaubt dieser Website den Zugriff nicht (CORS).",
    weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
};

impl Lang {
    /// The language of a tag such as "de", "de-AT" or "en-US"; `None` for one not spoken.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
        }
    }

    /// The label of a city in the filter: "Berlin (3)".
    pub fn city_option(self, label: &str, upcoming: usize) -> String {
        format!("{label} ({upcoming})")
    }

    /// The separator of a decimal fraction: "1.4 km", "1,4 km".
    pub fn decimal(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De => ',',
        }
    }

    /// After "Near me": "Nearest to you: San Diego · 12 km".
    pub fn nearest(self, city: &str, distance: &str) -> String {
        match self {
            Lang::En => format!("Nearest to you: {city} · {distance}"),
            Lang::De => format!("Am nächsten: {city} · {distance}"),
        }
    }

    pub fn no_city_matches(self, typed: &str) -> String {
        match self {
            Lang::En => format!("No city matches “{typed}”."),
            Lang::De => format!("Keine Stadt passt zu „{typed}“."),
        }
    }

    pub fn show_past(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "Show 1 past meeting".to_string(),
            (Lang::En, n) => format!("Show {n} past meetings"),
            (Lang::De, 1) => "1 vergangenen Termin zeigen".to_string(),
            (Lang::De, n) => format!("{n} vergangene Termine zeigen"),
        }
    }

    pub fn none_in_city(self, city: &str) -> String {
        match self {
            Lang::En => format!("No upcoming meetings in {city}."),
            Lang::De => format!("Keine kommenden Termine in {city}."),
        }
    }

    pub fn unknown_city(self, slug: &str) -> String {
        match self {
            Lang::En => format!("No city called “{slug}” is in these listings."),
            Lang::De => format!("Eine Stadt „{slug}“ gibt es in diesen Terminen nicht."),
        }
    }

    pub fn left_out(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "1 entry of the feed could not be shown.".to_string(),
            (Lang::En, n) => format!("{n} entries of the feed could not be shown."),
            (Lang::De, 1) => "1 Eintrag des Feeds konnte nicht angezeigt werden.".to_string(),
            (Lang::De, n) => format!("{n} Einträge des Feeds konnten nicht angezeigt werden."),
        }
    }

    pub fn err_http(self, status: u16) -> String {
        match self {
            Lang::En => format!("The meetings could not be loaded: the server answered with error {status}."),
            Lang::De => format!("Die Termine konnten nicht geladen werden: Der Server antwortete mit Fehler {status}."),
        }
    }

    /// "Saved copy from …: the latest listings could not be loaded."
    pub fn saved_copy(self, when: &str) -> String {
        match self {
            Lang::En => format!("Saved copy from {when}: the latest listings could not be loaded."),
            Lang::De => format!("Gespeicherte Kopie vom {when}: Die neuesten Termine konnten nicht geladen werden."),
        }
    }

    pub fn err_version(self, version: &str) -> String {
        match self {
            Lang::En => format!("This feed is in format version {version}, which this widget cannot read (it reads version 1). Please update the widget."),
            Lang::De => format!("Dieser Feed hat das Format Version {version}, das dieses Widget nicht lesen kann (es liest Version 1)."),
        }
    }

    /// The campaign card's calendar file of its meetings in the chosen city.
    pub fn calendar_of(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "Add this meeting to your calendar (.ics)".to_string(),
            (Lang::En, n) => format!("Add these {n} meetings to your calendar (.ics)"),
            (Lang::De, 1) => "Diesen Termin in den Kalender (.ics)".to_string(),
            (Lang::De, n) => format!("Diese {n} Termine in den Kalender (.ics)"),
        }
    }

    pub fn show_more(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "Show 1 more meeting".to_string(),
            (Lang::En, n) => format!("Show {n} more meetings"),
            (Lang::De, 1) => "1 weiteren Termin zeigen".to_string(),
            (Lang::De, n) => format!("{n} weitere Termine zeigen"),
        }
    }

    pub fn no_campaign(self, id: &str) -> String {
        match self {
            Lang::En => format!("This feed has no campaign “{id}”."),
            Lang::De => format!("Dieser Feed enthält keine Kampagne „{id}“."),
        }
    }

    /// The static page's `<meta name="description">`, what a search result shows under its title.
    pub fn page_description(self, meetings: usize, cities: usize) -> String {
        match (self, meetings, cities) {
            (Lang::En, 1, _) => "1 upcoming meeting: when and where, and how to sign up.".to_string(),
            (Lang::En, m, 1) => format!("{m} upcoming meetings: when and where, and how to sign up."),
            (Lang::En, m, c) => format!("{m} upcoming meetings in {c} cities: when and where, and how to sign up."),
            (Lang::De, 1, _) => "1 kommender Termin: wann und wo, und wie man sich anmeldet.".to_string(),
            (Lang::De, m, 1) => format!("{m} kommende Termine: wann und wo, und wie man sich anmeldet."),
            (Lang::De, m, c) => format!("{m} kommende Termine in {c} Städten: wann und wo, und wie man sich anmeldet."),
        }
    }

    /// "Speaker: Andre Damon" on a meeting.
    pub fn with_speakers(self, names: &str) -> String {
        match self {
            Lang::En => format!("With {names}"),
            Lang::De => format!("Mit {names}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag(" EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::De.texts().city, "Stadt");
        assert_eq!(Lang::En.show_past(1), "Show 1 past meeting");
        assert_eq!(Lang::En.show_past(3), "Show 3 past meetings");
    }
}
