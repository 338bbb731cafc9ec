//! How a widget's chosen city is written in the page URL. The parameter is absent while the
//! choice is the widget's default (its `data-city`, or all cities); an explicit "all cities"
//! against a default city is written as an empty value (`?um-city=`). A choice is the default
//! when it names the same city (`city_name`: "portland-or" and `data-city="Portland, OR"`).

use crate::model::places::city_name;

/// The city the page URL asks for, given the parameter's value and the widget's default.
pub fn from_url(param: Option<&str>, default: Option<&str>) -> Option<String> {
    match param {
        None => default.map(str::to_string),
        Some(v) if v.trim().is_empty() => None,
        Some(v) => Some(v.to_string()),
    }
}

/// The parameter's value for a choice: `None` to remove it.
pub fn to_url(choice: Option<&str>, default: Option<&str>) -> Option<String> {
    let same = match (choice, default) {
        (Some(c), Some(d)) => city_name::key(c) == city_name::key(d),
        (c, d) => c == d,
    };
    if same {
        return None;
    }
    Some(choice.unwrap_or("").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_and_without_a_default_city() {
        for default in [None, Some("berlin")] {
            for choice in [None, Some("berlin"), Some("portland-or")] {
                let written = to_url(choice, default);
                assert_eq!(
                    from_url(written.as_deref(), default).as_deref(),
                    choice,
                    "{choice:?} with default {default:?}"
                );
            }
        }
        assert_eq!(to_url(None, None), None, "no parameter for the plain default");
        assert_eq!(
            to_url(None, Some("berlin")).as_deref(),
            Some(""),
            "all cities against a default city"
        );
        assert_eq!(to_url(Some("berlin"), Some("berlin")), None);
        assert_eq!(to_url(Some("portland-or"), Some("Portland, OR")), None, "the default's label");
        assert_eq!(
            to_url(Some("portland-me"), Some("Portland, OR")).as_deref(),
            Some("portland-me")
        );
    }
}
