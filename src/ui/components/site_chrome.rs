//! The header, navigation and footer around every non-embedded page.

use crate::markup::Markup;
use crate::route::Route;
use yew::prelude::*;

/// `current` is the page shown, to mark its navigation item. A plain
/// function: every component type costs the bundle its own copy of Yew's
/// lifecycle code.
pub fn site_chrome(current: &Route, page: Html) -> Html {
    // Fixed markup but for which item is current (see `markup`).
    let mut header = Markup::from_static("<header class=\"site-header\"><a href=\"");
    header.text(&Route::Home.href());
    header.raw("\" class=\"brand\"><span class=\"brand-mark\" aria-hidden=\"true\">⬡</span>Hub &amp; Mesh</a><nav aria-label=\"Site\"><ul class=\"nav-list\">");
    for (to, label) in [(Route::Home, "Lessons"), (Route::Sandbox, "Sandbox"), (Route::Teach, "For teachers")] {
        if *current == to {
            header.raw("<li><span class=\"nav-current\" aria-current=\"page\">").text(label).raw("</span></li>");
        } else {
            header.raw("<li><a href=\"").text(&to.href()).raw("\">").text(label).raw("</a></li>");
        }
    }
    header.raw("</ul></nav></header>");
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            { header.html() }
            <main id="main" tabindex="-1">{ page }</main>
            { Markup::from_static(
                "<footer class=\"site-footer\"><p>Hub &amp; Mesh: client-server and peer-to-peer networks, simulated in your browser. \
                 Everything runs on this page; nothing is sent anywhere.</p></footer>"
            ).html() }
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
