//! The client-server versus peer-to-peer table, each row linking to its
//! lesson. Built as an HTML string: it is mostly text (see `markup`).

use crate::lessons::{LessonSlug, COMPARISON};
use crate::markup::escape;
use crate::progress::Progress;
use crate::route::Route;
use crate::ui::components::lesson_state::{state_class, state_mark};
use yew::prelude::*;

/// `only` shows a single lesson's row; `link_rows` links each aspect to its
/// lesson; with `progress`, a column shows the learner's state per lesson.
pub fn comparison_table(only: Option<LessonSlug>, link_rows: bool, progress: Option<&Progress>) -> Html {
    Html::from_html_unchecked(AttrValue::from(comparison_html(only, link_rows, progress)))
}

pub fn comparison_html(only: Option<LessonSlug>, link_rows: bool, progress: Option<&Progress>) -> String {
    let caption = if only.is_some() { "The claim this lesson tests" } else { "Client-server and peer-to-peer, compared row by row" };
    let mut out = format!(
        "<div class=\"table-scroll\"><table class=\"comparison\"><caption>{caption}</caption><thead><tr>\
         <th scope=\"col\">Aspect</th><th scope=\"col\">Client-server</th><th scope=\"col\">Peer-to-peer</th>{}</tr></thead><tbody>",
        if progress.is_some() { "<th scope=\"col\">Your progress</th>" } else { "" }
    );
    for row in COMPARISON.iter().filter(|row| only.is_none_or(|slug| row.slug == slug)) {
        let aspect = escape(row.aspect);
        let aspect = if link_rows {
            format!(
                "<a href=\"{}\"><span class=\"lesson-number\">{}. </span>{aspect}</a>",
                Route::Lesson { slug: row.slug }.href(),
                row.slug.position() + 1
            )
        } else {
            aspect
        };
        out.push_str(&format!("<tr><th scope=\"row\">{aspect}</th><td>{}</td><td>{}</td>", escape(row.client_server), escape(row.peer_to_peer)));
        if let Some(state) = progress.map(|p| p.state(row.slug)) {
            out.push_str(&format!(
                "<td class=\"progress-cell {}\"><span class=\"state-mark\" aria-hidden=\"true\">{}</span>{}</td>",
                state_class(state),
                state_mark(state),
                state.label()
            ));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}
