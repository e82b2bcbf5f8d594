//! Every page of the app and its hash URL (`#/...`), so any static host and
//! an iframe work without server rewrite rules. Pure parsing and printing,
//! tested natively; `ui::router` connects it to the browser.

use crate::lessons::LessonSlug;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Lesson { slug: LessonSlug },
    Sandbox,
    EmbedLesson { slug: LessonSlug },
    EmbedSandbox,
    Teach,
    /// The learner's completion record, or one shared by link (`?r=`).
    Certificate,
    NotFound,
}

impl Route {
    /// Reads a location hash (`#/lessons/role?x=1`, `/teach`, or empty).
    /// Anything unknown is `NotFound`; nothing panics.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["lessons", slug] => slug.parse().map_or(Route::NotFound, |slug| Route::Lesson { slug }),
            ["sandbox"] => Route::Sandbox,
            ["embed", "lessons", slug] => slug.parse().map_or(Route::NotFound, |slug| Route::EmbedLesson { slug }),
            ["embed", "sandbox"] => Route::EmbedSandbox,
            ["teach"] => Route::Teach,
            ["certificate"] => Route::Certificate,
            _ => Route::NotFound,
        }
    }

    /// The hash that opens this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Lesson { slug } => format!("#/lessons/{slug}"),
            Route::Sandbox => "#/sandbox".to_owned(),
            Route::EmbedLesson { slug } => format!("#/embed/lessons/{slug}"),
            Route::EmbedSandbox => "#/embed/sandbox".to_owned(),
            Route::Teach => "#/teach".to_owned(),
            Route::Certificate => "#/certificate".to_owned(),
            Route::NotFound => "#/404".to_owned(),
        }
    }

    /// Embedded pages are drawn without the site's header and footer.
    pub fn is_embed(&self) -> bool {
        matches!(self, Route::EmbedLesson { .. } | Route::EmbedSandbox)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_href() {
        let mut routes = vec![Route::Home, Route::Sandbox, Route::EmbedSandbox, Route::Teach, Route::Certificate];
        for slug in LessonSlug::ALL {
            routes.push(Route::Lesson { slug });
            routes.push(Route::EmbedLesson { slug });
        }
        for r in routes {
            assert_eq!(Route::from_hash(&r.href()), r);
        }
    }

    #[test]
    fn hashes_as_browsers_give_them() {
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#"), Route::Home);
        assert_eq!(Route::from_hash("#/"), Route::Home);
        assert_eq!(Route::from_hash("#/sandbox?s=1;search"), Route::Sandbox);
        assert_eq!(Route::from_hash("#/certificate?r=1;role=-.-.-"), Route::Certificate);
        assert_eq!(Route::from_hash("#/lessons/network-size/"), Route::Lesson { slug: LessonSlug::NetworkSize });
        assert_eq!(Route::from_hash("#/embed/lessons/cost?origin=x"), Route::EmbedLesson { slug: LessonSlug::Cost });
    }

    #[test]
    fn anything_else_is_not_found() {
        for h in ["#/lessons", "#/lessons/nope", "#/lessons/role/extra", "#/embed", "#main", "#/%00", "#/ä/ö"] {
            assert_eq!(Route::from_hash(h), Route::NotFound, "{h}");
        }
    }
}
