//! The client-server versus peer-to-peer table, each row linking to its
//! lesson, and part 2's list. Built as markup: it is mostly text (see
//! `markup`).

use crate::lessons::{LessonSlug, COMBINED, COMPARISON};
use crate::markup::Markup;
use crate::page::state::{state_class, state_mark};
use crate::progress::Progress;
use crate::route::Route;

/// `only` shows a single lesson's row; `link_rows` links each aspect to its
/// lesson; with `progress`, a column shows the learner's state per lesson.
pub fn comparison_markup(only: Option<LessonSlug>, link_rows: bool, progress: Option<&Progress>) -> Markup {
    let mut out = Markup::from_static("<div class=\"table-scroll\"><table class=\"comparison\"><caption>");
    out.raw(if only.is_some() { "The claim this lesson tests" } else { "Client-server and peer-to-peer, compared row by row" });
    out.raw("</caption><thead><tr><th scope=\"col\">Aspect</th><th scope=\"col\">Client-server</th><th scope=\"col\">Peer-to-peer</th>");
    if progress.is_some() {
        out.raw("<th scope=\"col\">Your progress</th>");
    }
    out.raw("</tr></thead><tbody>");
    for row in COMPARISON.iter().filter(|row| only.is_none_or(|slug| row.slug == slug)) {
        out.raw("<tr><th scope=\"row\">");
        if link_rows {
            out.raw("<a href=\"").text(&Route::Lesson { slug: row.slug }.href()).raw("\"><span class=\"lesson-number\">");
            out.int(i64::from(row.slug.position()) + 1).raw(". </span>").text(row.aspect).raw("</a>");
        } else {
            out.text(row.aspect);
        }
        // On a phone the progress column gives way, and the row's heading
        // carries the state instead (only one of the two is ever shown).
        if let Some(state) = progress.map(|p| p.state(row.slug)) {
            out.raw("<span class=\"state-inline ").raw(state_class(state)).raw("\"><span class=\"state-mark\" aria-hidden=\"true\">");
            out.raw(state_mark(state)).raw("</span>").text(state.label()).raw("</span>");
        }
        out.raw("</th><td>").text(row.client_server).raw("</td><td>").text(row.peer_to_peer).raw("</td>");
        if let Some(state) = progress.map(|p| p.state(row.slug)) {
            out.raw("<td class=\"progress-cell ").raw(state_class(state)).raw("\"><span class=\"state-mark\" aria-hidden=\"true\">");
            out.raw(state_mark(state)).raw("</span>").text(state.label()).raw("</td>");
        }
        out.raw("</tr>");
    }
    out.raw("</tbody></table></div>");
    out
}

/// Part 2: the lessons on how real systems combine the two designs, a
/// list of links with what each experiment shows and the learner's state.
pub fn combined_markup(progress: Option<&Progress>) -> Markup {
    let mut out = Markup::from_static("<ol class=\"combined\">");
    for (slug, title, experiment) in COMBINED {
        out.raw("<li value=\"").int(i64::from(slug.position()) + 1).raw("\"><a href=\"").text(&Route::Lesson { slug }.href()).raw("\">");
        out.text(title).raw("</a> <span class=\"combined-experiment\">").text(experiment).raw("</span>");
        if let Some(state) = progress.map(|p| p.state(slug)) {
            out.raw(" <span class=\"combined-state ").raw(state_class(state)).raw("\"><span class=\"state-mark\" aria-hidden=\"true\">");
            out.raw(state_mark(state)).raw("</span>").text(state.label()).raw("</span>");
        }
        out.raw("</li>");
    }
    out.raw("</ol>");
    out
}
