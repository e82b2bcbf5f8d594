use crate::embed::Subject;
use crate::route::Route;
use crate::ui::embed_bridge::use_embed_bridge;
use crate::ui::components::site_chrome::site_chrome;
use crate::ui::pages::{home::Home, lesson::LessonPage, not_found::not_found, sandbox::SandboxPage, teach::Teach};
use crate::ui::progress_state::{ProgressHandle, ProgressState};
use crate::ui::router::use_route;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let route = use_route();
    // The learner's progress, shared with every page through a context.
    let progress = use_reducer(ProgressState::open);
    let subject = match route {
        Route::EmbedLesson { slug } => Some(Subject::Lesson(slug)),
        Route::EmbedSandbox => Some(Subject::Sandbox),
        _ => None,
    };
    let notice = use_embed_bridge(subject, progress.clone());
    html! {
        <ContextProvider<ProgressHandle> context={progress}>
            { switch(route, notice) }
        </ContextProvider<ProgressHandle>>
    }
}

fn switch(route: Route, notice: Option<String>) -> Html {
    let embedded = route.is_embed();
    let page = match &route {
        Route::Home => html! { <Home /> },
        Route::Lesson { slug } | Route::EmbedLesson { slug } => {
            html! { <LessonPage key={slug.as_str()} slug={*slug} {embedded} /> }
        }
        Route::Sandbox | Route::EmbedSandbox => html! { <SandboxPage {embedded} /> },
        Route::Teach => html! { <Teach /> },
        Route::NotFound => not_found(),
    };
    if embedded {
        html! {
            <main id="main" class="embed">
                if let Some(text) = notice {
                    <p class="notice" role="status">{ text }</p>
                }
                { page }
            </main>
        }
    } else {
        site_chrome(&route, page)
    }
}
