use crate::ui::components::site_chrome::SiteChrome;
use crate::ui::pages::{home::Home, lesson::LessonPage, not_found::NotFound, sandbox::SandboxPage, teach::Teach};
use crate::ui::progress_state::ProgressProvider;
use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn App() -> Html {
    html! {
        <ProgressProvider>
            <HashRouter>
                <Switch<Route> render={switch} />
            </HashRouter>
        </ProgressProvider>
    }
}

fn switch(route: Route) -> Html {
    let embedded = route.is_embed();
    let page = match route {
        Route::Home => html! { <Home /> },
        Route::Lesson { slug } | Route::EmbedLesson { slug } => {
            html! { <LessonPage key={slug.as_str()} {slug} {embedded} /> }
        }
        Route::Sandbox | Route::EmbedSandbox => html! { <SandboxPage {embedded} /> },
        Route::Teach => html! { <Teach /> },
        Route::NotFound => html! { <NotFound /> },
    };
    if embedded {
        html! { <main id="main" class="embed">{ page }</main> }
    } else {
        html! { <SiteChrome>{ page }</SiteChrome> }
    }
}
