//! The home page's "Your progress on another browser": export a file, import
//! one, or carry a short code; what an import would change is shown first,
//! and nothing changes until the learner chooses to merge or replace. What
//! a file or code holds, and what changes, is decided natively in
//! `progress::transfer` and `progress::code`.

use crate::lessons::title;
use crate::markup::Markup;
use crate::progress::transfer::{changes, export, read_export, Change, Refused, MAX_FILE_LEN, TOO_LARGE};
use crate::progress::{code, Action, Progress};
use crate::ui::download::download_file;
use crate::ui::js::{call, get};
use crate::ui::progress_state::{ProgressHandle, ProgressMsg};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Progress read from a file or a code, waiting for the learner's choice.
#[derive(Clone, PartialEq)]
pub struct Pending {
    theirs: Progress,
    /// "the file" or "the code", for the words around the choice.
    from: &'static str,
}

/// What the section shows besides its controls. One lives in the
/// section's state, so a large variant costs nothing worth a box's bytes.
#[derive(Clone, PartialEq, Default)]
#[allow(clippy::large_enum_variant)]
pub enum Shown {
    #[default]
    Nothing,
    Code(String),
    Choice(Pending),
    /// Done, or refused: what to tell the learner.
    Said(String),
}

/// The text of the file chosen in `input`, or why not.
async fn chosen_text(input: HtmlInputElement) -> Result<String, String> {
    let input: wasm_bindgen::JsValue = input.into();
    let file = get(&input, "files").and_then(|f| get(&f, "0")).ok_or("no file was chosen")?;
    let size = get(&file, "size").and_then(|s| s.as_f64()).unwrap_or(0.0);
    if size > MAX_FILE_LEN as f64 {
        return Err(TOO_LARGE.into());
    }
    let promise = call(&file, "text", &[]).ok_or("the browser could not read the file")?;
    let text = JsFuture::from(js_sys::Promise::from(promise)).await.map_err(|_| "the browser could not read the file".to_owned())?;
    text.as_string().ok_or_else(|| "the file is not text".to_owned())
}

fn refused(from: &str, why: Refused) -> Shown {
    Shown::Said(format!("Nothing was changed: {from} could not be used, because {}.", why.0))
}

/// The section's controls: fixed, so typing a code is never lost to a
/// redraw. Their actions reach `transfer_section`'s three listeners by
/// `data-action` and id.
const CONTROLS: &str = "<h2 id=\"transfer-heading\">Your progress on another browser</h2><p>Your progress is kept in this \
    browser only. To carry on elsewhere, take a file or a code there.</p><p><button type=\"button\" data-action=\"export\">Export progress (a file)</button> \
    <button type=\"button\" data-action=\"show-code\">Show a progress code</button></p>\
    <p><label for=\"progress-file\">Import progress from a file</label><input type=\"file\" id=\"progress-file\" accept=\".json,application/json\"></p>\
    <form id=\"progress-code-form\"><label for=\"progress-code-in\">Enter a progress code</label>\
    <input id=\"progress-code-in\" class=\"code\" autocomplete=\"off\" spellcheck=\"false\"> <button type=\"submit\">Use this code</button></form>";

/// The section, driven by the home page's state.
pub fn transfer_section(progress: &ProgressHandle, shown: &UseStateHandle<Shown>) -> Html {
    let on_click = {
        let (progress, shown) = (progress.clone(), shown.clone());
        Callback::from(move |e: MouseEvent| {
            let action = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-action]").ok().flatten())
                .and_then(|b| b.get_attribute("data-action"));
            match action.as_deref() {
                Some("export") => {
                    if let Err(why) = download_file("hub-and-mesh-progress.json", "application/json", &export(&progress.progress)) {
                        shown.set(Shown::Said(format!("The file could not be saved: {why}.")));
                    }
                }
                Some("show-code") => shown.set(Shown::Code(code::encode(&progress.progress))),
                Some(choice @ ("merge" | "replace")) => {
                    let Shown::Choice(pending) = &*shown else { return };
                    let replace = choice == "replace";
                    let count = changes(&progress.progress, &pending.theirs).iter().filter(|c| c.changes(replace)).count();
                    progress.dispatch(ProgressMsg::Do(Action::Import { theirs: Box::new(pending.theirs.clone()), replace }));
                    let done = if replace { "Done: replaced by the progress in " } else { "Done: merged the progress in " };
                    shown.set(Shown::Said(format!("{done}{}. Lessons whose state changed: {count}.", pending.from)));
                }
                Some("cancel") => shown.set(Shown::Nothing),
                _ => {}
            }
        })
    };
    let on_change = {
        let (progress, shown) = (progress.clone(), shown.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).filter(|i| i.id() == "progress-file") else { return };
            let (progress, shown) = (progress.clone(), shown.clone());
            yew::platform::spawn_local(async move {
                let read = chosen_text(input.clone()).await.map_err(Refused).and_then(|t| read_export(&t));
                // The same file may be chosen again after a refusal.
                input.set_value("");
                shown.set(match read {
                    Ok(theirs) => choice(&progress.progress, theirs, "the file"),
                    Err(why) => refused("the file", why),
                });
            });
        })
    };
    let on_submit = {
        let (progress, shown) = (progress.clone(), shown.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = gloo::utils::document()
                .get_element_by_id("progress-code-in")
                .and_then(|i| i.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            shown.set(match code::decode(&typed) {
                Ok(theirs) => choice(&progress.progress, theirs, "the code"),
                Err(why) => refused("the code", why),
            });
        })
    };
    let mut now = Markup::new();
    match &**shown {
        Shown::Nothing => {}
        Shown::Said(text) => {
            now.raw("<p class=\"transfer-said\" role=\"status\">").text(text).raw("</p>");
        }
        Shown::Code(code) => {
            now.raw("<p class=\"transfer-code\"><label for=\"progress-code-out\">Your progress code: type it on the other device, under \
                “Enter a progress code”. It leaves out your runs' results; a file keeps them.</label>\
                <input id=\"progress-code-out\" class=\"code\" readonly value=\"");
            now.text(code).raw("\"></p>");
        }
        Shown::Choice(pending) => {
            now.raw("<div class=\"transfer-choice\" role=\"group\" aria-labelledby=\"transfer-choice-heading\">");
            now.markup(&changes_markup(&changes(&progress.progress, &pending.theirs), pending.from));
            now.raw("<button type=\"button\" data-action=\"merge\">Merge: keep the further of each</button> \
                <button type=\"button\" class=\"danger\" data-action=\"replace\">Replace my progress here</button> \
                <button type=\"button\" data-action=\"cancel\">Cancel</button></div>");
        }
    }
    html! {
        <section aria-labelledby="transfer-heading" class="transfer" onclick={on_click} onchange={on_change} onsubmit={on_submit}>
            { Markup::from_static(CONTROLS).html() }
            <div aria-live="polite">{ now.html() }</div>
        </section>
    }
}

fn choice(here: &Progress, theirs: Progress, from: &'static str) -> Shown {
    if changes(here, &theirs).is_empty() {
        return Shown::Said(format!("Nothing to change: {from} holds the same progress as this browser."));
    }
    Shown::Choice(Pending { theirs, from })
}

/// What the import would change, lesson by lesson.
fn changes_markup(changes: &[Change], from: &'static str) -> Markup {
    let mut out = Markup::from_static("<h3 id=\"transfer-choice-heading\">What ");
    out.raw(from).raw(" would change</h3><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Lesson</th><th scope=\"col\">Here now</th><th scope=\"col\">In ");
    out.raw(from).raw("</th><th scope=\"col\">After a merge</th></tr></thead><tbody>");
    for c in changes {
        out.raw("<tr><th scope=\"row\">").int(i64::from(c.slug.position()) + 1).raw(". ").text(title(c.slug));
        out.raw("</th><td>").text(c.here.label()).raw("</td><td>").text(c.theirs.label()).raw("</td><td>").text(c.merged.label()).raw("</td></tr>");
    }
    out.raw("</tbody></table></div><p>A merge keeps the further of each lesson, and never changes a prediction or first answer made here. Replacing loses what is only here.</p>");
    out
}
