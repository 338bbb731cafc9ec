//! Places: when two spellings name one city (`city_name`), a city's one name across a feed's
//! spellings (`cities`), finding a city as the reader types (`city_search`), the nearest meetings
//! for "Near me" (`near`, `trig`), and a venue's address and map link (`place_format`).

pub mod cities;
pub mod city_name;
pub mod city_search;
pub mod near;
pub mod place_format;
pub mod trig;
