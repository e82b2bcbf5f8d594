//! The header and footer around every page outside an embed, as markup:
//! the app draws them (`ui::components::site_chrome`) and so does the page
//! painted before the app has loaded (`page::prepaint`).

use crate::markup::Markup;
use crate::route::Route;

/// The teach page: a page of its own beside the app (`page::teach`), so
/// learners' Wasm carries none of it.
pub const TEACH_PAGE: &str = "teach.html";

/// The site's header; `current` is the page shown, to mark its navigation
/// item. `app` is where the app's routes are, from this page: `""` inside
/// the app, `"index.html"` from the teach page.
pub fn header_markup(current: &Route, app: &'static str) -> Markup {
    let mut header = Markup::from_static("<header class=\"site-header\"><a href=\"");
    header.raw(app).text(&Route::Home.href());
    header.raw("\" class=\"brand\"><span class=\"brand-mark\" aria-hidden=\"true\">⬡</span>Hub &amp; Mesh</a><nav aria-label=\"Site\"><ul class=\"nav-list\">");
    for (to, label) in [(Route::Home, "Lessons"), (Route::Sandbox, "Sandbox"), (Route::Teach, "For teachers")] {
        if *current == to {
            header.raw("<li><span class=\"nav-current\" aria-current=\"page\">").text(label).raw("</span></li>");
        } else if to == Route::Teach {
            header.raw("<li><a href=\"").raw(TEACH_PAGE).raw("\">").text(label).raw("</a></li>");
        } else {
            header.raw("<li><a href=\"").raw(app).text(&to.href()).raw("\">").text(label).raw("</a></li>");
        }
    }
    header.raw("</ul></nav></header>");
    header
}

pub const FOOTER: &str = "<footer class=\"site-footer\"><p>Hub &amp; Mesh: client-server and peer-to-peer networks, simulated in your browser. \
     Everything runs on this page; nothing is sent anywhere.</p></footer>";
