//! For teachers: a snippet to embed each lesson and the sandbox, a live
//! preview that shows the messages a lesson sends, a listener for them, and
//! how to host the app or put it in an LMS.

use crate::embed::snippet::{describe, listener, snippet_list};
use crate::markup::Markup;
use crate::embed::TargetOrigin;
use crate::lessons::{title, LessonSlug};
use crate::ui::js::{call, get};
use gloo::events::EventListener;
use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The address of this copy of the app without query or hash, so snippets
/// point wherever the teacher has hosted `dist/`.
fn app_base() -> (String, String) {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    (origin.clone(), format!("{origin}{path}"))
}

/// Copies a snippet: selects it (so Ctrl+C works anyway) and hands it to
/// the clipboard where the browser allows.
fn copy(id: &str) -> &'static str {
    let Some(area) = gloo::utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) else {
        return "";
    };
    area.select();
    let window: JsValue = gloo::utils::window().into();
    let write = get(&window, "navigator").and_then(|n| get(&n, "clipboard")).and_then(|c| call(&c, "writeText", &[area.value().into()]));
    if write.is_some() {
        "Copied."
    } else {
        "Selected: press Ctrl+C (or Cmd+C) to copy."
    }
}

#[component]
pub fn Teach() -> Html {
    let (own_origin, base) = app_base();
    let origin_text = use_state(String::new);
    let origin = TargetOrigin::parse(&origin_text);
    let status = use_state(String::new);
    let on_origin = {
        let origin_text = origin_text.clone();
        Callback::from(move |e: InputEvent| origin_text.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let chosen = if origin_text.trim().is_empty() { None } else { origin.as_ref().ok() };
    let items: Vec<(String, String, String, String)> = LessonSlug::ALL
        .into_iter()
        .map(|slug| {
            let aspect = title(slug);
            (slug.as_str().to_owned(), format!("Lesson {}: {aspect}", slug.position() + 1), format!("/embed/lessons/{slug}"), format!("Hub & Mesh lesson: {aspect}"))
        })
        .chain([("sandbox".into(), "Sandbox".into(), "/embed/sandbox".into(), "Hub & Mesh sandbox".into())])
        .collect();
    let list = snippet_list(&base, chosen, &items);
    // One listener for every Copy button: each names its text area.
    let on_copy = {
        let status = status.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let Some(id) = target.and_then(|t| t.get_attribute("data-copy")) {
                status.set(copy(&id).to_owned());
            }
        })
    };

    // The preview embeds this very copy and reports here.
    let preview = use_state(|| "role".to_owned());
    let log = use_state(Vec::<String>::new);
    let height = use_state(|| 600u32);
    {
        let (log, height, own_origin) = (log.clone(), height.clone(), own_origin.clone());
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "message", move |event| {
                let event: &JsValue = event.as_ref();
                let frame = gloo::utils::document().get_element_by_id("teach-preview").map(JsValue::from);
                let from_preview = match (frame.and_then(|f| get(&f, "contentWindow")), get(event, "source")) {
                    (Some(w), Some(s)) => Object::is(&w, &s),
                    _ => false,
                };
                if !from_preview || get(event, "origin").and_then(|o| o.as_string()).as_deref() != Some(own_origin.as_str()) {
                    return;
                }
                let data = get(event, "data").and_then(|d| js_sys::JSON::stringify(&d).ok()).and_then(|s| s.as_string());
                let Some((text, asked)) = data.as_deref().and_then(describe) else { return };
                if let Some(h) = asked {
                    height.set(h.clamp(100, 20_000));
                }
                let mut lines = (*log).clone();
                lines.push(text);
                if lines.len() > 20 {
                    lines.remove(0);
                }
                log.set(lines);
            });
            move || drop(listener)
        });
    }
    let on_preview = {
        let (preview, log) = (preview.clone(), log.clone());
        Callback::from(move |e: Event| {
            log.set(Vec::new());
            preview.set(e.target_unchecked_into::<HtmlSelectElement>().value());
        })
    };
    let route = if preview.as_str() == "sandbox" { "/embed/sandbox".to_owned() } else { format!("/embed/lessons/{}", *preview) };
    let src = format!("{base}?origin={}#{route}", js_sys::encode_uri_component(&own_origin));
    let options = LessonSlug::ALL.iter().map(|s| (s.as_str(), title(*s))).chain([("sandbox", "Sandbox")]).map(|(key, name)| {
        html! { <option value={key} selected={*preview == key}>{ name }</option> }
    });

    html! {
        <article class="teach">
            <h1>{ "For teachers" }</h1>
            { Markup::from_static("<p class=\"lead\">Every lesson and the sandbox can sit inside your course page \
                and tell it when a learner has finished. Copy a snippet into any page that accepts HTML; the embedded version has no \
                site header or footer and fits frames from 320 pixels wide.</p>").html() }
            <section aria-labelledby="embed-heading">
                <h2 id="embed-heading">{ "Embed a lesson or the sandbox" }</h2>
                <label for="teach-origin">{ "Your course page's origin, to receive its messages (optional)" }</label>
                <input type="url" id="teach-origin" placeholder="https://moodle.example.org" value={(*origin_text).clone()}
                    aria-invalid={(chosen.is_none() && !origin_text.trim().is_empty()).to_string()} oninput={on_origin} />
                if let (Err(e), false) = (&origin, origin_text.trim().is_empty()) {
                    <p class="control-error" role="alert">{ e.clone() }</p>
                }
                <div onclick={on_copy}>{ list.html() }</div>
                <p class="copy-status" role="status">{ (*status).clone() }</p>
            </section>
            <section aria-labelledby="preview-heading">
                <h2 id="preview-heading">{ "Try it here" }</h2>
                <p>{ "A lesson embedded in this page, as in yours: its messages are listed as they arrive, and its frame follows its height." }</p>
                <label for="teach-preview-choice">{ "Show" }</label>
                <select id="teach-preview-choice" onchange={on_preview}>{ for options }</select>
                <iframe id="teach-preview" class="preview" title="Preview of an embedded lesson" src={src}
                    height={height.to_string()} sandbox="allow-scripts allow-same-origin allow-downloads" />
                <h3>{ "Messages from the preview" }</h3>
                <ol class="message-log" aria-live="polite">{ for log.iter().map(|l| html! { <li>{ l.clone() }</li> }) }</ol>
            </section>
            { Markup::from_static(include_str!("teach_guide.html")).html() }
            <section aria-labelledby="listener-heading">
                <h2 id="listener-heading">{ "A listener for your page" }</h2>
                <p>{ "Paste this after the frames: it fits each frame to its lesson and shows where to record a completion." }</p>
                <pre class="snippet" tabindex="0"><code>{ listener(&own_origin) }</code></pre>
            </section>
        </article>
    }
}
