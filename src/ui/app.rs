use crate::embed::Subject;
use crate::route::Route;
use crate::ui::embed_bridge::use_embed_bridge;
use crate::ui::lms::Lms;
use crate::ui::components::site_chrome::site_chrome;
use crate::ui::pages::{certificate::CertificatePage, home::Home, lesson::LessonPage, not_found::not_found, sandbox::SandboxPage};
use crate::ui::progress_state::{ProgressHandle, ProgressState};
use crate::ui::router::use_route;
use yew::prelude::*;

#[component]
pub fn App(props: &AppProps) -> Html {
    let route = use_route();
    // A lesson an LMS launched: the LMS keeps its progress, once the page
    // has started, whatever the address says later.
    let lms = use_memo((), |_| match route {
        Route::EmbedLesson { slug } => Lms::open(slug),
        _ => None,
    });
    // The learner's progress, shared with every page through a context:
    // this browser's, or the LMS's for the lesson it launched.
    let progress = {
        let lms = lms.clone();
        use_reducer(move || match lms.as_ref() {
            Some((lms, opening)) => ProgressState::kept_by_lms(lms.slug, opening),
            None => ProgressState::open(),
        })
    };
    let subject = match route {
        Route::EmbedLesson { slug } => Some(Subject::Lesson(slug)),
        Route::EmbedSandbox => Some(Subject::Sandbox),
        _ => None,
    };
    let notice = use_embed_bridge(subject, progress.clone(), lms.as_ref().as_ref().map(|(lms, _)| lms.clone()));
    // An effect of the root's runs once everything below it is drawn, even
    // when Yew spreads the drawing over several tasks.
    use_effect_with(props.drawn, |drawn| {
        if *drawn == Drawn::Whole {
            crate::ui::prepaint::app_drawn_whole();
        }
    });
    html! {
        <ContextProvider<ProgressHandle> context={progress}>
            { switch(route, notice, props.drawn) }
        </ContextProvider<ProgressHandle>>
    }
}

/// How much of the app's page is drawn: `ui::start` moves it on a stage a
/// task. The first render of a page runs much of the Wasm for the first
/// time, and the browser compiles each function as it is first called:
/// drawn in one go, the app's start made one task long enough to hold up a
/// tap on a slow laptop. Out of sight (the page painted before the app, or
/// the shell, stands until the app's page is whole), the app's state goes
/// first, then the header and footer, then the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawn {
    Nothing,
    Frame,
    Whole,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub drawn: Drawn,
}

fn switch(route: Route, notice: Option<String>, drawn: Drawn) -> Html {
    if drawn == Drawn::Nothing {
        return Html::default();
    }
    let embedded = route.is_embed();
    let page = match &route {
        _ if drawn != Drawn::Whole => Html::default(),
        Route::Home => html! { <Home /> },
        Route::Lesson { slug } | Route::EmbedLesson { slug } => {
            html! { <LessonPage key={slug.as_str()} slug={*slug} {embedded} /> }
        }
        Route::Sandbox | Route::EmbedSandbox => html! { <SandboxPage {embedded} /> },
        // assets/page.js sends an old #/teach link to the teach page, a page
        // of its own; this is for a browser that has not followed it yet.
        Route::Teach => crate::markup::Markup::from_static(
            "<h1>For teachers</h1><p>The page for teachers has its own address: <a href=\"teach.html\">open it here</a>.</p>",
        )
        .html(),
        Route::Certificate => html! { <CertificatePage /> },
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
