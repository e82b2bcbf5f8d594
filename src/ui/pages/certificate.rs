//! `#/certificate`: the learner's completion record, to print or share by
//! link; or, with `?r=`, a record someone shared. The record is built and
//! the link read in `progress::record`, the markup written in
//! `page::record`; this page connects them to the browser.

use crate::markup::Markup;
use crate::page::record::{link_box, printed_link, record, tools, unreadable_link};
use crate::progress::record::{shown_name, Record, NAME_IN_LINK_KEY, NAME_KEY};
use crate::route::Route;
use crate::ui::js::{call, get};
use crate::ui::progress_state::{local_day, progress_notice, use_progress};
use crate::ui::router::use_route;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// The data of a shared record in the page's address (`?r=`), if it has a
/// query: one without `r=` is a shared link cut short, never this
/// browser's own record.
fn shared_data() -> Option<String> {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let query = crate::query::of_hash(&hash)?;
    Some(crate::query::value(query, "r").unwrap_or_default().to_owned())
}

/// Copies text to the clipboard, and says how that went.
async fn copy(text: String) -> &'static str {
    let copied = get(&gloo::utils::window().into(), "navigator")
        .and_then(|n| get(&n, "clipboard"))
        .and_then(|c| call(&c, "writeText", &[JsValue::from_str(&text)]));
    let done = match copied {
        Some(p) => JsFuture::from(js_sys::Promise::from(p)).await.is_ok(),
        None => false,
    };
    if done { "The link is copied." } else { "This browser would not copy it: select the link above and copy it." }
}

#[component]
pub fn CertificatePage() -> Html {
    // Drawn again whenever the address changes: a shared record is in its
    // query, which the route leaves out.
    let _ = use_route();
    let progress = use_progress();
    // The name box's first value: its markup stays fixed while the page is
    // open, so typing is never lost to a redraw.
    let first_name = use_state(|| progress.kept(NAME_KEY).unwrap_or_default());
    let name = use_state(|| (*first_name).clone());
    let first_in_link = use_state(|| progress.kept(NAME_IN_LINK_KEY).is_some());
    let with_name = use_state(|| *first_in_link);
    let said = use_state(String::new);
    if let Some(data) = shared_data() {
        let mut page = Markup::from_static("<article class=\"certificate\">");
        page.markup(&match Record::from_link_data(&data, local_day(2.0)) {
            Ok(r) => record(&r, true, None),
            Err(why) => unreadable_link(&why),
        });
        page.raw("</article>");
        return page.html();
    }
    let (mut mine, unread) = progress.record();
    // The name as typed so far, which storage may have refused to keep.
    mine.name = shown_name(&name);
    let base = gloo::utils::window().location().href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_owned();
    let named = *with_name && mine.name.is_some();
    let link = format!("{base}{}?r={}", Route::Certificate.href(), mine.link_data(named));
    let on_input = {
        let (progress, name, said) = (progress.clone(), name.clone(), said.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).filter(|i| i.id() == "record-name") else { return };
            // A new link: "copied" was said of the old one.
            said.set(if progress.keep(NAME_KEY, &input.value()) {
                String::new()
            } else {
                "This browser would not keep the name; it is used until you leave the page.".to_owned()
            });
            name.set(input.value());
        })
    };
    let on_change = {
        let (progress, with_name, said) = (progress.clone(), with_name.clone(), said.clone());
        Callback::from(move |e: Event| {
            if let Some(tick) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).filter(|i| i.id() == "record-share-name") {
                said.set(String::new());
                progress.keep(NAME_IN_LINK_KEY, if tick.checked() { "1" } else { "" });
                with_name.set(tick.checked());
            }
        })
    };
    let on_click = {
        let (link, said) = (link.clone(), said.clone());
        Callback::from(move |e: MouseEvent| {
            let action = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.get_attribute("data-action"));
            match action.as_deref() {
                Some("print") => {
                    let _ = gloo::utils::window().print();
                }
                Some("copy") => {
                    let (link, said) = (link.clone(), said.clone());
                    yew::platform::spawn_local(async move { said.set(copy(link).await.to_owned()) });
                }
                _ => {}
            }
        })
    };
    html! {
        <article class="certificate" onclick={on_click} oninput={on_input} onchange={on_change}>
            { progress_notice(&progress) }
            { record(&mine, false, unread.as_deref()).html() }
            { printed_link(&link).html() }
            <section class="no-print record-tools" aria-labelledby="record-tools-heading">
                { tools(&first_name, *first_in_link).html() }
                { link_box(&link, named, mine.entries.is_empty()).html() }
                <p class="hint" role="status">{ (*said).clone() }</p>
            </section>
        </article>
    }
}
