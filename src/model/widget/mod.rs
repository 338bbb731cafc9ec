//! The widget's own decisions: its options, resolved once from the element and the page
//! (`options`), the page URL's parameters for a meeting and a city (`meeting_link`, `url_city`),
//! how a long listing appears a screenful at a time (`reveal`), and the city field's state and
//! keys (`city_field`).

pub mod city_field;
pub mod meeting_link;
pub mod options;
pub mod reveal;
pub mod url_city;
