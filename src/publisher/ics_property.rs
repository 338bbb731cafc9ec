//! A calendar's properties as the `ical` crate reads them: a component's property by name, its
//! value, a parameter of it. Shared by `import_ics` and `calendar_zones`.

use ical::property::Property;

/// A component's first property of this name (any case).
pub fn property<'p>(properties: &'p [Property], name: &str) -> Option<&'p Property> {
    properties.iter().find(|p| p.name.eq_ignore_ascii_case(name))
}

/// Its value, trimmed, unless empty.
pub fn value<'p>(properties: &'p [Property], name: &str) -> Option<&'p str> {
    property(properties, name)
        .and_then(|p| p.value.as_deref())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// A property's first value of a parameter (TZID, VALUE).
pub fn param<'p>(property: &'p Property, name: &str) -> Option<&'p str> {
    property
        .params
        .as_ref()?
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(String::as_str)
}
