//! Words: the languages the widget speaks, their texts and plurals (`i18n`, with
//! `locales/<tag>.txt`), a meeting's date and time as each language writes them
//! (`time_format`), and each problem with a feed (`problems`).

pub mod i18n;
pub mod problems;
pub mod time_format;
