//! Every page of the app and its hash URL (`#/...`), so any static host and
//! an iframe work without server rewrite rules.

use crate::lessons::LessonSlug;
use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/lessons/:slug")]
    Lesson { slug: LessonSlug },
    #[at("/sandbox")]
    Sandbox,
    #[at("/embed/lessons/:slug")]
    EmbedLesson { slug: LessonSlug },
    #[at("/embed/sandbox")]
    EmbedSandbox,
    #[at("/teach")]
    Teach,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// Embedded pages are drawn without the site's header and footer.
    pub fn is_embed(&self) -> bool {
        matches!(self, Route::EmbedLesson { .. } | Route::EmbedSandbox)
    }
}
