//! For teachers: how to put a lesson or the sandbox in a course page.

use crate::lessons::{row, LessonSlug};
use yew::prelude::*;

/// The address of this copy of the app without its hash route, so snippets
/// point wherever the teacher has hosted `dist/`.
fn app_base() -> String {
    let location = gloo::utils::window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

fn iframe_snippet(base: &str, route: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{base}#{route}\" title=\"{title}\" width=\"100%\" height=\"720\" style=\"border:0\" loading=\"lazy\"></iframe>"
    )
}

#[component]
pub fn Teach() -> Html {
    let base = app_base();
    let lesson_rows = LessonSlug::ALL.into_iter().map(|slug| {
        let title = format!("Hub & Mesh lesson: {}", row(slug).aspect);
        let snippet = iframe_snippet(&base, &format!("/embed/lessons/{slug}"), &title);
        let id = format!("snippet-{slug}");
        html! {
            <li key={slug.as_str()}>
                <label for={id.clone()}>{ format!("Lesson {}: {}", slug.position() + 1, row(slug).aspect) }</label>
                <textarea id={id} class="snippet" readonly=true rows="3" value={snippet} />
            </li>
        }
    });
    let sandbox_snippet = iframe_snippet(&base, "/embed/sandbox", "Hub & Mesh sandbox");
    html! {
        <article class="teach">
            <h1>{ "For teachers" }</h1>
            <p class="lead">
                { "Every lesson and the sandbox can sit inside your course page. Copy a snippet below \
                   into any page that accepts HTML; the embedded version has no site header or footer." }
            </p>
            <section aria-labelledby="embed-heading">
                <h2 id="embed-heading">{ "Embed a lesson" }</h2>
                <ul class="snippets">{ for lesson_rows }</ul>
                <h2>{ "Embed the sandbox" }</h2>
                <label for="snippet-sandbox">{ "Sandbox" }</label>
                <textarea id="snippet-sandbox" class="snippet" readonly=true rows="3" value={sandbox_snippet} />
            </section>
            <section aria-labelledby="host-heading">
                <h2 id="host-heading">{ "Host your own copy" }</h2>
                <p>
                    { "The app is a folder of static files (" }<code>{ "dist/" }</code>
                    { "): upload it to any web host or to your course site's file area and open its " }
                    <code>{ "index.html" }</code>{ ". It needs no server of its own, makes no requests to other sites, and works offline once loaded." }
                </p>
            </section>
        </article>
    }
}
