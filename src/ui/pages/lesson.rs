use crate::lessons::{row, LessonSlug};
use crate::ui::components::comparison_table::ComparisonTable;
use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub slug: LessonSlug,
    /// In an iframe: no links out to the rest of the site.
    #[prop_or_default]
    pub embedded: bool,
}

#[component]
pub fn LessonPage(props: &LessonPageProps) -> Html {
    let slug = props.slug;
    let row = row(slug);
    let lesson_link = |target: Option<LessonSlug>, rel: &'static str| match target {
        Some(s) => html! {
            <Link<Route> to={Route::Lesson { slug: s }} classes={classes!("pager", rel)}>
                { format!("{} lesson: {}", if rel == "prev" { "Previous" } else { "Next" }, crate::lessons::row(s).aspect) }
            </Link<Route>>
        },
        None => html! {},
    };
    html! {
        <article class="lesson" aria-labelledby="lesson-title">
            <p class="eyebrow">{ format!("Lesson {} of {}", slug.position() + 1, LessonSlug::ALL.len()) }</p>
            <h1 id="lesson-title">{ row.aspect }</h1>
            <ComparisonTable only={slug} link_rows={false} />
            <p>{ row.experiment }</p>
            if !props.embedded {
                <nav class="lesson-nav" aria-label="Lessons">
                    { lesson_link(slug.previous(), "prev") }
                    <Link<Route> to={Route::Home} classes="pager">{ "Back to the table" }</Link<Route>>
                    { lesson_link(slug.next(), "next") }
                </nav>
            }
        </article>
    }
}
