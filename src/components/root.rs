//! A widget's root element: its classes (compact, framed), theme, language and direction. The
//! live widget's `App` and the markup test (`tests/one_markup.rs`) render what it holds inside
//! it, so the first-paint writer (`markup/screen.rs`) is held to this very element.

use super::options;
use leptos::prelude::*;

#[component]
pub fn WidgetRoot(children: Children) -> impl IntoView {
    let options = options();
    let lang = options.lang;
    view! {
        <div
            class="um"
            class:um-compact=options.compact
            class:um-framed=options.framed
            data-theme=options.theme.name()
            lang=lang.tag()
            dir=lang.direction()
        >
            {children()}
        </div>
    }
}
