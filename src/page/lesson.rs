//! The parts of a lesson's page that stand before any experiment: shared by
//! the app and the page painted before the app loads.

use crate::lessons::text::LessonText;
use crate::lessons::LessonSlug;
use crate::markup::Markup;
use crate::page::comparison::comparison_markup;

/// The lesson's number and title, which `lesson-title` names.
pub fn heading_markup(slug: LessonSlug) -> Markup {
    let mut out = Markup::from_static("<p class=\"eyebrow\">Lesson ");
    out.int(i64::from(slug.position()) + 1).raw(" of ").int(LessonSlug::ALL.len() as i64);
    out.raw("</p><h1 id=\"lesson-title\">").text(crate::lessons::title(slug)).raw("</h1>");
    out
}

/// How a page writes a lesson's words and draws its diagram.
pub struct Writers {
    /// The claim's words (`lessons::render`).
    pub words: fn(&str, &LessonText) -> Markup,
    /// The diagram, given its caption.
    pub diagram: fn(&str) -> Markup,
}

/// "1. The claim": the table's row the lesson tests (part 1) or a line
/// saying it goes beyond the table (part 2), the claim, and the diagram.
pub fn claim_markup(slug: LessonSlug, text: &LessonText, write: &Writers) -> Markup {
    let mut claim = Markup::from_static("<section aria-labelledby=\"claim-heading\"><h2 id=\"claim-heading\">1. The claim</h2>");
    if crate::lessons::row(slug).is_some() {
        claim.markup(&comparison_markup(Some(slug), false, None));
    } else {
        // Part 2 teaches no row of the table: it mixes the two columns.
        claim.raw("<p class=\"part-note\">Part 2, how real systems combine them: this lesson goes beyond the table's two columns.</p>");
    }
    claim.raw("<p>").markup(&(write.words)(&text.claim, text));
    claim.raw("</p>").markup(&(write.diagram)(&text.diagram_caption)).raw("</section>");
    claim
}
