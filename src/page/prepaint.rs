//! The pages painted before the app has loaded. The build writes them into
//! index.html as `<template>`s (`src/bin/content.rs`); a small script
//! (assets/page.js) shows the one for `location.hash` at once, and the app
//! takes its place when it is ready (`ui::prepaint`). A slow connection
//! then shows the real page in the first second, not a loading line for
//! the seconds the Wasm takes.
//!
//! A lesson is painted only up to its prediction: what the lesson keeps
//! until after the first run (the explanation, the task, the quiz) is never
//! here.

use crate::lessons::content::ContentError;
use crate::lessons::render::render_marked;
use crate::lessons::text::LessonText;
use crate::lessons::LessonSlug;
use crate::markup::Markup;
use crate::page::chrome::{header_markup, FOOTER};
use crate::page::comparison::{combined_markup, comparison_markup};
use crate::page::home::{INTRO, PART_1, PART_2};
use crate::page::diagram::lesson_diagram;
use crate::page::lesson::{claim_markup, heading_markup, Writers};
use crate::route::Route;

/// Where the build puts the templates: this element of index.html, empty,
/// is replaced by them.
pub const PLACEHOLDER_ID: &str = "paint";

/// Said where the app will be: the page is not yet interactive.
const LOADING: &str = "<p class=\"loading\" role=\"status\">Loading the simulator…</p>";

/// Every template, in the order the script looks for them: the home page,
/// each lesson, the diagram the lessons share, and any embed (which shows
/// only the loading line, without the site's header).
pub fn templates(text: impl Fn(LessonSlug) -> Result<&'static LessonText, ContentError>) -> Result<Markup, ContentError> {
    let mut out = Markup::new();
    template(&mut out, "paint-home", &home());
    for slug in LessonSlug::ALL {
        out.raw("<template id=\"paint-lesson-").text(slug.as_str()).raw("\">");
        out.markup(&lesson(slug, text(slug)?)).raw("</template>");
    }
    // The diagram once, not in every lesson: page.js puts a copy in each
    // lesson's slot, with that lesson's caption.
    template(&mut out, "paint-diagram", &lesson_diagram(""));
    let mut embed = Markup::from_static("<main id=\"main\" class=\"embed\">");
    embed.raw(LOADING).raw("</main>");
    template(&mut out, "paint-embed", &embed);
    Ok(out)
}

fn template(out: &mut Markup, id: &'static str, body: &Markup) {
    out.raw("<template id=\"").raw(id).raw("\">").markup(body).raw("</template>");
}

/// The home page without the learner's progress, which only the app can
/// read.
pub fn home() -> Markup {
    let mut out = header_markup(&Route::Home, "");
    out.raw("<main id=\"main\"><article class=\"home\"><h1>Hub &amp; Mesh</h1>").raw(INTRO);
    // Where the app shows the learner's progress, so nothing below moves
    // much when it does.
    out.raw("<section aria-labelledby=\"table-heading\">").raw(PART_1).raw("<p class=\"overall\"><strong>Loading your progress…</strong></p>");
    out.markup(&comparison_markup(None, true, None)).raw(PART_2).markup(&combined_markup(None));
    out.raw(LOADING).raw("</section></article></main>").raw(FOOTER);
    out
}

/// A lesson up to its prediction, whose choices wait, disabled, for the app.
pub fn lesson(slug: LessonSlug, text: &LessonText) -> Markup {
    let mut out = header_markup(&Route::Lesson { slug }, "");
    out.raw("<main id=\"main\"><article class=\"lesson\" aria-labelledby=\"lesson-title\">").markup(&heading_markup(slug));
    out.raw("<p class=\"lesson-state\">Your progress: loading…</p>");
    out.markup(&claim_markup(slug, text, &Writers { words: render_marked, diagram: diagram_slot }));
    out.raw("<section aria-labelledby=\"predict-heading\" class=\"predict\"><h2 id=\"predict-heading\">2. Predict</h2>");
    out.raw("<fieldset class=\"prediction\" disabled><legend>").markup(&render_marked(&text.predict.prompt, text));
    out.raw("</legend><ul class=\"options\">");
    for option in &text.predict.options {
        out.raw("<li><input type=\"radio\" name=\"paint-predict\" id=\"paint-predict-").text(&option.id).raw("\"><label for=\"paint-predict-");
        out.text(&option.id).raw("\">").markup(&render_marked(&option.text, text)).raw("</label></li>");
    }
    // Where the app says the prediction is not graded: why the choices
    // do not answer yet.
    out.raw("</ul><p class=\"muted\">You can choose once the simulator has loaded.</p></fieldset></section>");
    out.raw("<section aria-labelledby=\"experiment-heading\"><h2 id=\"experiment-heading\">3. Experiment</h2>");
    out.raw(LOADING).raw("</section></article></main>").raw(FOOTER);
    out
}

/// Where a lesson's diagram goes, with its caption: assets/page.js fills
/// it from the one `paint-diagram` template.
fn diagram_slot(caption: &str) -> Markup {
    let mut out = Markup::from_static("<figure class=\"diagram\" data-diagram=\"");
    out.text(caption).raw("\"><figcaption>").text(caption).raw("</figcaption></figure>");
    out
}

/// index.html with its placeholder replaced by the templates, or why not.
/// Both spellings of the empty element are accepted: a release build's
/// minified page drops the quotes.
pub fn fill(page: &str, templates: &Markup) -> Result<String, String> {
    let empty = [format!("<template id={PLACEHOLDER_ID}></template>"), format!("<template id=\"{PLACEHOLDER_ID}\"></template>")];
    let Some(found) = empty.iter().find(|e| page.contains(e.as_str())) else {
        return Err(format!("index.html has no empty <template id=\"{PLACEHOLDER_ID}\"> for the painted pages"));
    };
    Ok(page.replacen(found.as_str(), templates.as_str(), 1))
}

#[cfg(test)]
mod tests;
