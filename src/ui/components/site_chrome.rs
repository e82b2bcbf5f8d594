//! The header, navigation and footer around every non-embedded page.

use crate::markup::Markup;
use crate::page::chrome::{header_markup, FOOTER};
use crate::route::Route;
use yew::prelude::*;

/// `current` is the page shown, to mark its navigation item. A plain
/// function: every component type costs the bundle its own copy of Yew's
/// lifecycle code.
pub fn site_chrome(current: &Route, page: Html) -> Html {
    let header = header_markup(current, "");
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            { header.html() }
            <main id="main" tabindex="-1">{ page }</main>
            { Markup::from_static(FOOTER).html() }
        </>
    }
}

/// With hash routing, `href="#main"` would be read as a route; move focus by
/// hand instead.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if let Some(main) = gloo::utils::document().get_element_by_id("main") {
            if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&main) {
                let _ = el.focus();
            }
        }
    })
}
