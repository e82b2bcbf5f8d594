//! The client-server versus peer-to-peer table, each row linking to its lesson.

use crate::lessons::{ComparisonRow, COMPARISON};
use crate::ui::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    /// Show only these rows (a lesson shows its own); all when empty.
    #[prop_or_default]
    pub only: Option<crate::lessons::LessonSlug>,
    #[prop_or(true)]
    pub link_rows: bool,
}

#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let rows = COMPARISON.iter().filter(|row| props.only.is_none_or(|slug| row.slug == slug));
    html! {
        <div class="table-scroll">
            <table class="comparison">
                <caption>
                    if props.only.is_some() { { "The claim this lesson tests" } } else { { "Client-server and peer-to-peer, compared row by row" } }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Aspect" }</th>
                        <th scope="col">{ "Client-server" }</th>
                        <th scope="col">{ "Peer-to-peer" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|row| view_row(row, props.link_rows)) }
                </tbody>
            </table>
        </div>
    }
}

fn view_row(row: &ComparisonRow, link: bool) -> Html {
    let aspect = if link {
        html! {
            <Link<Route> to={Route::Lesson { slug: row.slug }}>
                <span class="lesson-number">{ format!("{}. ", row.slug.position() + 1) }</span>
                { row.aspect }
            </Link<Route>>
        }
    } else {
        html! { row.aspect }
    };
    html! {
        <tr key={row.slug.as_str()}>
            <th scope="row">{ aspect }</th>
            <td>{ row.client_server }</td>
            <td>{ row.peer_to_peer }</td>
        </tr>
    }
}
