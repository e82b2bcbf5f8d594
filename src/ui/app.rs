use crate::embed::Subject;
use crate::route::Route;
use crate::ui::embed_bridge::EmbedBridge;
use crate::ui::components::site_chrome::SiteChrome;
use crate::ui::pages::{home::Home, lesson::LessonPage, not_found::NotFound, sandbox::SandboxPage, teach::Teach};
use crate::ui::progress_state::ProgressProvider;
use crate::ui::router::use_route;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let route = use_route();
    html! {
        <ProgressProvider>
            { switch(route) }
        </ProgressProvider>
    }
}

fn switch(route: Route) -> Html {
    let embedded = route.is_embed();
    let page = match &route {
        Route::Home => html! { <Home /> },
        Route::Lesson { slug } | Route::EmbedLesson { slug } => {
            html! { <LessonPage key={slug.as_str()} slug={*slug} {embedded} /> }
        }
        Route::Sandbox | Route::EmbedSandbox => html! { <SandboxPage {embedded} /> },
        Route::Teach => html! { <Teach /> },
        Route::NotFound => html! { <NotFound /> },
    };
    if embedded {
        let subject = match route {
            Route::EmbedLesson { slug } => Subject::Lesson(slug),
            _ => Subject::Sandbox,
        };
        html! { <main id="main" class="embed"><EmbedBridge {subject} />{ page }</main> }
    } else {
        html! { <SiteChrome current={route}>{ page }</SiteChrome> }
    }
}
