//! The one way the first screen writes HTML: an element's tag, its attributes and its text, each
//! value through [`escape`], the only function here that lets text near markup. Feed text can
//! never open a tag or leave an attribute (the hostile fixtures attack it: `tests/one_markup.rs`,
//! `tests/e2e/robust.test.mjs`). It writes what Leptos's `to_html` writes for the same view: the
//! class last among the attributes, a flag as its bare name, no end tag for a void element.

/// Feed text (or any text) made safe where it goes: `&`, `<` and `>` as entities, and in an
/// attribute's value (`in_attribute`) `"` too, as Leptos's renderer writes them.
pub fn escape(out: &mut String, text: &str, in_attribute: bool) {
    let mut rest = text;
    while let Some(at) = rest.find(|c| matches!(c, '&' | '<' | '>') || in_attribute && c == '"') {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// HTML being written: `<`[`Html::tag`], its attributes, [`Html::body`], text and children,
/// [`Html::end`].
#[derive(Default)]
pub struct Html {
    out: String,
    /// The class of the start tag being written: Leptos writes it after the other attributes.
    class: Option<String>,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// The HTML written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Starts an element: `<name`, its attributes to follow.
    pub fn tag(&mut self, name: &str) -> &mut Html {
        self.out.push('<');
        self.out.push_str(name);
        self
    }

    /// An attribute with a value.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Html {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape(&mut self.out, value, true);
        self.out.push('"');
        self
    }

    /// An attribute that is there only with a value.
    pub fn attr_if(&mut self, name: &str, value: Option<&str>) -> &mut Html {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// A boolean attribute (`hidden`, `open`): its bare name when `on`.
    pub fn flag(&mut self, name: &str, on: bool) -> &mut Html {
        if on {
            self.out.push(' ');
            self.out.push_str(name);
        }
        self
    }

    /// The element's class, written when its start tag ends; a second call adds a class.
    pub fn class(&mut self, class: &str) -> &mut Html {
        match &mut self.class {
            Some(classes) => {
                classes.push(' ');
                classes.push_str(class);
            }
            None => self.class = Some(class.to_string()),
        }
        self
    }

    /// A class that is there only when `on`.
    pub fn class_if(&mut self, class: &str, on: bool) -> &mut Html {
        if on {
            self.class(class);
        }
        self
    }

    /// Ends the start tag: the element's text and children follow.
    pub fn body(&mut self) -> &mut Html {
        if let Some(class) = self.class.take() {
            self.attr("class", &class);
        }
        self.out.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        escape(&mut self.out, text, false);
        self
    }

    /// Ends an element: `</name>`.
    pub fn end(&mut self, name: &str) -> &mut Html {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// Ends the start tag of element `name`, writes its text and ends it: `…>text</name>`.
    pub fn text_body(&mut self, name: &str, text: &str) -> &mut Html {
        self.body().text(text).end(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_text_stays_text_in_text_and_in_attributes() {
        let mut h = Html::new();
        h.tag("p")
            .attr("title", r#""><script>alert(1)</script>"#)
            .class("um-note")
            .body()
            .text("</p><img src=x onerror=alert(1)> & \"quotes\"")
            .end("p");
        assert_eq!(
            h.finish(),
            "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" class=\"um-note\">\
             &lt;/p&gt;&lt;img src=x onerror=alert(1)&gt; &amp; \"quotes\"</p>"
        );
    }

    #[test]
    fn flags_and_classes() {
        let mut h = Html::new();
        h.tag("li").flag("hidden", true).flag("open", false).class("a").class_if("b", true);
        h.class_if("c", false).body().end("li");
        assert_eq!(h.finish(), r#"<li hidden class="a b"></li>"#);
    }
}
