//! The header, navigation and footer around every non-embedded page.

use crate::route::Route;
use yew::prelude::*;

/// `current` is the page shown, to mark its navigation item. A plain
/// function: every component type costs the bundle its own copy of Yew's
/// lifecycle code.
pub fn site_chrome(current: &Route, page: Html) -> Html {
    let nav_item = |to: Route, label: &'static str| {
        let here = *current == to;
        html! {
            <li>
                if here {
                    <span class="nav-current" aria-current="page">{ label }</span>
                } else {
                    <a href={to.href()}>{ label }</a>
                }
            </li>
        }
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <header class="site-header">
                <a href={Route::Home.href()} class="brand">
                    <span class="brand-mark" aria-hidden="true">{ "⬡" }</span>
                    { "Hub & Mesh" }
                </a>
                <nav aria-label="Site">
                    <ul class="nav-list">
                        { nav_item(Route::Home, "Lessons") }
                        { nav_item(Route::Sandbox, "Sandbox") }
                        { nav_item(Route::Teach, "For teachers") }
                    </ul>
                </nav>
            </header>
            <main id="main" tabindex="-1">{ page }</main>
            <footer class="site-footer">
                <p>{ "Hub & Mesh: client-server and peer-to-peer networks, simulated in your browser. Everything runs on this page; nothing is sent anywhere." }</p>
            </footer>
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
