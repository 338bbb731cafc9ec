//! A meeting for other programs: an iCalendar file (`ics`), a Google Calendar link
//! (`google_calendar`), and structured data for search engines (`json_ld`).

pub mod google_calendar;
pub mod ics;
pub mod json_ld;
