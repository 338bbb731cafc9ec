//! Words: the languages the widget speaks, their texts and plurals (`i18n`, with
//! `locales/<tag>.txt`), and a meeting's date and time as each language writes them
//! (`time_format`).

pub mod i18n;
pub mod time_format;
