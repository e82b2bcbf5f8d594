//! The client-server versus peer-to-peer table, each row linking to its lesson.

use crate::lessons::{ComparisonRow, COMPARISON};
use crate::lessons::LessonSlug;
use crate::progress::{LessonState, Progress};
use crate::ui::components::lesson_state::{state_class, state_mark};
use crate::route::Route;
use yew::prelude::*;

/// `only` shows a single lesson's row; `link_rows` links each aspect to its
/// lesson; with `progress`, a column shows the learner's state per lesson.
pub fn comparison_table(only: Option<LessonSlug>, link_rows: bool, progress: Option<&Progress>) -> Html {
    let rows = COMPARISON.iter().filter(|row| only.is_none_or(|slug| row.slug == slug));
    let state = |row: &ComparisonRow| progress.map(|p| p.state(row.slug));
    html! {
        <div class="table-scroll">
            <table class="comparison">
                <caption>
                    if only.is_some() { { "The claim this lesson tests" } } else { { "Client-server and peer-to-peer, compared row by row" } }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Aspect" }</th>
                        <th scope="col">{ "Client-server" }</th>
                        <th scope="col">{ "Peer-to-peer" }</th>
                        if progress.is_some() {
                            <th scope="col">{ "Your progress" }</th>
                        }
                    </tr>
                </thead>
                <tbody>
                    { for rows.map(|row| view_row(row, link_rows, state(row))) }
                </tbody>
            </table>
        </div>
    }
}

fn view_row(row: &ComparisonRow, link: bool, state: Option<LessonState>) -> Html {
    let aspect = if link {
        html! {
            <a href={Route::Lesson { slug: row.slug }.href()}>
                <span class="lesson-number">{ format!("{}. ", row.slug.position() + 1) }</span>
                { row.aspect }
            </a>
        }
    } else {
        html! { row.aspect }
    };
    html! {
        <tr key={row.slug.as_str()}>
            <th scope="row">{ aspect }</th>
            <td>{ row.client_server }</td>
            <td>{ row.peer_to_peer }</td>
            if let Some(state) = state {
                <td class={classes!("progress-cell", state_class(state))}>
                    <span class="state-mark" aria-hidden="true">{ state_mark(state) }</span>
                    { state.label() }
                </td>
            }
        </tr>
    }
}
