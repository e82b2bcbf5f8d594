//! The header, navigation and footer around every non-embedded page.

use crate::route::Route;
use yew::prelude::*;

/// `current` is the page shown, to mark its navigation item. A plain
/// function: every component type costs the bundle its own copy of Yew's
/// lifecycle code.
pub fn site_chrome(current: &Route, page: Html) -> Html {
    // Fixed markup but for which item is current (see `markup`).
    let nav: String = [(Route::Home, "Lessons"), (Route::Sandbox, "Sandbox"), (Route::Teach, "For teachers")]
        .into_iter()
        .map(|(to, label)| {
            if *current == to {
                format!("<li><span class=\"nav-current\" aria-current=\"page\">{label}</span></li>")
            } else {
                format!("<li><a href=\"{}\">{label}</a></li>", to.href())
            }
        })
        .collect();
    let header = format!(
        "<header class=\"site-header\"><a href=\"{}\" class=\"brand\"><span class=\"brand-mark\" aria-hidden=\"true\">⬡</span>Hub &amp; Mesh</a>\
         <nav aria-label=\"Site\"><ul class=\"nav-list\">{nav}</ul></nav></header>",
        Route::Home.href()
    );
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            { Html::from_html_unchecked(AttrValue::from(header)) }
            <main id="main" tabindex="-1">{ page }</main>
            { Html::from_html_unchecked(AttrValue::Static(
                "<footer class=\"site-footer\"><p>Hub &amp; Mesh: client-server and peer-to-peer networks, simulated in your browser. \
                 Everything runs on this page; nothing is sent anywhere.</p></footer>"
            )) }
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
