//! The teach page, teach.html: a static page the build writes beside the
//! app (src/bin/content.rs), so learners' Wasm carries none of it. One
//! picker drives the snippet, the preview, the listener and the notes
//! shown (assets/teach.js); every lesson's notes and the guide are here,
//! as markup built natively from the lessons' files and content/teach.toml.

use crate::embed::{PROTOCOL_VERSION, SOURCE};
use crate::lessons::content::ContentError;
use crate::lessons::guide::GuideSection;
use crate::lessons::render::{plain, render_marked, render_guide};
use crate::lessons::teacher::solution_words;
use crate::lessons::text::{LessonText, READING_WPM};
use crate::lessons::{lesson, title, LessonSlug};
use crate::markup::Markup;
use crate::page::chrome::header_markup;

/// The app's footer says nothing is sent anywhere; here, where sending to
/// a course page or an LMS is the subject, it says what goes where.
const TEACH_FOOTER: &str = "<footer class=\"site-footer\"><p>Hub &amp; Mesh: client-server and peer-to-peer networks, simulated in your browser. \
     It sends nothing anywhere except what this page describes: messages to the course page you name, and SCORM data to your LMS.</p></footer>";
use crate::route::Route;

/// The page's body: the site's header, the picker and its controls, every
/// lesson's notes (all but the first hidden), the preview, the listener,
/// the guide and the footer; then the script that drives them.
pub fn body(text: impl Fn(LessonSlug) -> Result<&'static LessonText, ContentError>, sections: &[GuideSection]) -> Result<Markup, ContentError> {
    let mut out = Markup::from_static("<a class=\"skip-link\" href=\"#main\">Skip to content</a>");
    out.markup(&header_markup(&Route::Teach, "index.html"));
    // The protocol's source and version, for the script's listeners.
    out.raw("<main id=\"main\" tabindex=\"-1\" data-source=\"").raw(SOURCE).raw("\" data-version=\"").int(i64::from(PROTOCOL_VERSION));
    out.raw("\"><article class=\"teach\"><h1>For teachers</h1><p class=\"lead\">Every lesson, the sandbox \
        and the whole course can sit inside your course page and tell it when a learner has finished. Copy the snippet into any page that \
        accepts HTML; the embedded version has no site header or footer and fits frames from 320 pixels wide.</p>\
        <section aria-labelledby=\"embed-heading\"><h2 id=\"embed-heading\">Embed a lesson, the sandbox or the whole course</h2>\
        <label for=\"teach-choice\">What to embed</label><select id=\"teach-choice\">");
    for slug in LessonSlug::ALL {
        out.raw("<option value=\"").text(slug.as_str()).raw("\">").text(&lesson_label(slug)).raw("</option>");
    }
    out.raw("<option value=\"sandbox\">The sandbox</option><option value=\"course\">The whole course, with a progress list</option></select>\
        <label for=\"teach-origin\">Your course page's origin, to receive its messages (optional)</label>\
        <input type=\"url\" id=\"teach-origin\" placeholder=\"https://moodle.example.org\" aria-invalid=\"false\" aria-describedby=\"teach-origin-error\">\
        <p class=\"control-error\" id=\"teach-origin-error\" role=\"alert\"></p>\
        <p class=\"check\"><input type=\"checkbox\" id=\"teach-hide-show-me\"><label for=\"teach-hide-show-me\">Hide “Show me”, for assessed use</label></p>\
        <p class=\"muted\" id=\"teach-course-origin\" hidden>The progress list needs your course page's origin above: without it the lessons send no messages.</p>\
        <noscript><p class=\"notice\">This page writes the snippet, the preview and the listener with JavaScript: turn it on to use them. \
        The notes and the guide below are here without it.</p></noscript>\
        <label for=\"teach-snippet\">Snippet</label><textarea id=\"teach-snippet\" class=\"snippet\" readonly rows=\"4\"></textarea>\
        <button type=\"button\" id=\"teach-copy\">Copy</button><p class=\"copy-status\" role=\"status\"></p></section>");
    for (i, slug) in LessonSlug::ALL.into_iter().enumerate() {
        out.markup(&notes(slug, text(slug)?, i > 0));
    }
    out.raw("<section aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">Try it here</h2><p>Embedded in this page as in \
        yours (the whole course shows its first lesson): its messages are listed as they arrive, and its frame follows its height.</p>\
        <iframe id=\"teach-preview\" class=\"preview\" title=\"Preview of the embed\" height=\"600\" sandbox=\"allow-scripts allow-same-origin allow-downloads\"></iframe>\
        <h3 id=\"log-heading\">Messages from the preview</h3><div role=\"log\" aria-labelledby=\"log-heading\"><ol class=\"message-log\"></ol></div></section>\
        <section aria-labelledby=\"listener-heading\" id=\"teach-listener\"><h2 id=\"listener-heading\">A listener for your page</h2>\
        <p>Paste this after the frame: it fits the frame to its content, and marks where your page would record a completion (as it \
        stands, it writes one to the browser's console). The whole-course snippet carries its own.</p><pre class=\"snippet\" tabindex=\"0\"><code></code></pre></section>");
    out.markup(&guide(sections));
    out.raw("</article></main>").raw(TEACH_FOOTER).raw("<script src=\"teach.js\"></script>");
    Ok(out)
}

/// The whole page, its head from the app's built index.html: the same
/// viewport, colour, icon, manifest and style sheet, by the names this
/// build gave them.
pub fn document(index_html: &str, body: &Markup) -> Result<String, String> {
    // The tag `element` whose `attribute` is `value`, quoted or not (the
    // build minifies index.html).
    let tag = |element: &str, attribute: &str, value: &str| {
        let mut rest = index_html;
        while let Some(at) = rest.find(element) {
            let end = rest[at..].find('>').map(|e| at + e + 1).ok_or_else(|| format!("index.html has an unclosed {element}"))?;
            let found = &rest[at..end];
            if found.contains(&format!("{attribute}={value}")) || found.contains(&format!("{attribute}=\"{value}\"")) {
                return Ok(found.to_owned());
            }
            rest = &rest[end..];
        }
        Err(format!("index.html has no {element} {attribute}={value}> to copy"))
    };
    let head = [("<meta", "name", "viewport"), ("<meta", "name", "theme-color"), ("<link", "rel", "icon"), ("<link", "rel", "manifest"), ("<link", "rel", "stylesheet")]
        .iter()
        .map(|(e, a, v)| tag(e, a, v))
        .collect::<Result<String, String>>()?;
    Ok(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>For teachers: Hub &amp; Mesh</title>{head}\
         <link rel=\"stylesheet\" href=\"teach.css\"></head><body>{}</body></html>\n",
        body.as_str()
    ))
}

/// The SCORM package a release build puts beside the app.
const SCORM_PACKAGE: &str = "hub-and-mesh-scorm.zip";

fn lesson_label(slug: LessonSlug) -> String {
    format!("Lesson {}: {}", slug.position() + 1, title(slug))
}

/// A lesson's notes for a teacher: what it teaches, how long it takes to
/// read, the task's answer and the wrong predictions learners make. Terms
/// are marked without their definitions: every lesson's notes share the
/// page, and a definition's id may stand once.
pub fn notes(slug: LessonSlug, text: &LessonText, hidden: bool) -> Markup {
    let mut out = Markup::from_static("<section class=\"teacher-notes\" data-lesson=\"");
    out.text(slug.as_str()).raw("\" aria-labelledby=\"notes-").text(slug.as_str()).raw("\"");
    out.raw(if hidden { " hidden><h2 id=\"notes-" } else { "><h2 id=\"notes-" }).text(slug.as_str()).raw("\">Teacher notes: ");
    out.text(&lesson_label(slug)).raw("</h2><h3>Learning objectives</h3><ul>");
    for o in &text.teacher.objectives {
        out.raw("<li>").markup(&render_marked(o, text)).raw("</li>");
    }
    out.raw("</ul><h3>Time</h3><p>About ").int(text.reading_minutes() as i64).raw(" minutes to read all of it (");
    out.int(text.teacher.reading_words as i64).raw(" words at ").int(READING_WPM as i64);
    out.raw(" a minute), every hint and every quiz reply included but not the mathematics box. Allow more for the runs, the task and the quiz.</p>");
    out.raw("<h3>The task, and its answer</h3><p>").markup(&render_marked(&text.task_prompt, text)).raw("</p><p>“Show me” sets <strong>");
    out.text(&solution_words(lesson(slug).task.solution)).raw("</strong>, found with the lesson's seeded simulation. A learner who works \
        from the formula may land one step of a control away from it and still have reasoned well: the lesson checks the learner's run, not the number. A learner who uses “Show me” completes the lesson “with help”.</p>");
    out.raw("<h3>Common wrong predictions</h3><p>").markup(&render_marked(&text.predict.prompt, text)).raw("</p>");
    if let Some((seen, option)) = first_run(slug, text) {
        out.raw("<p>The first run, at the lesson's starting settings, shows <strong>").text(&seen);
        out.raw("</strong>: the prediction it bears out is “").text(&option).raw("”. Wrong ones learners often make:</p>");
    }
    out.raw("<dl>");
    for (id, why) in &text.teacher.wrong_predictions {
        if let Some(option) = text.predict.option(id) {
            out.raw("<dt>“").text(&plain(&option.text, text)).raw("”</dt><dd>").markup(&render_marked(why, text)).raw("</dd>");
        }
    }
    out.raw("</dl></section>");
    out
}

/// What the lesson's first run measures of its prediction's metric, as the
/// page shows it, and the option that matches it: the lesson's own seeded
/// run, so the notes cannot disagree with what learners see.
fn first_run(slug: LessonSlug, text: &LessonText) -> Option<(String, String)> {
    let setup = &lesson(slug).setup;
    let metric = text.predict.metric()?;
    let seen = setup.bench.outcome(&setup.params(), setup.seed).ok()?.metrics(text.predict.side).get(metric)?;
    Some((metric.format(seen), plain(&text.predict.matching(seen)?.text, text)))
}

/// The guide's sections, with the SCORM package's link at the end of its
/// own.
pub fn guide(sections: &[GuideSection]) -> Markup {
    let mut out = Markup::new();
    for s in sections {
        out.raw("<section aria-labelledby=\"guide-").text(&s.id).raw("\"><h2 id=\"guide-").text(&s.id).raw("\">").text(&s.heading).raw("</h2>");
        for p in &s.paragraphs {
            out.raw("<p>").markup(&render_guide(p)).raw("</p>");
        }
        if !s.items.is_empty() {
            out.raw("<dl>");
            for (term, text) in &s.items {
                out.raw("<dt>").markup(&render_guide(term)).raw("</dt><dd>").markup(&render_guide(text)).raw("</dd>");
            }
            out.raw("</dl>");
        }
        if s.id == "scorm" {
            out.raw("<p><a class=\"download\" href=\"").raw(SCORM_PACKAGE).raw("\" download>Download the SCORM package (zip)</a></p>");
        }
        out.raw("</section>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::guide::guide_from_json;
    use crate::lessons::text::GUIDE_JSON;
    use crate::lessons::LESSONS;

    #[test]
    fn every_lesson_has_notes_with_objectives_time_answer_and_wrong_predictions() {
        for l in &LESSONS {
            let text = l.text();
            let html = notes(l.slug, text, false).into_string();
            assert_eq!(html.matches("<li>").count(), text.teacher.objectives.len(), "{}", l.slug);
            assert_eq!(html.matches("<dt>").count(), text.teacher.wrong_predictions.len(), "{}", l.slug);
            assert!(html.contains(&format!("About {} minutes to read", text.reading_minutes())), "{}", l.slug);
            assert!(text.reading_minutes() >= 2 && text.reading_minutes() <= 30, "{}: {} minutes", l.slug, text.reading_minutes());
            assert_eq!(text.teacher.reading_words, text.reading_words(), "{}: build.rs counts the words the lesson shows", l.slug);
            assert!(html.contains(&crate::markup::escape(&solution_words(l.task.solution))), "{}", l.slug);
            assert!(!html.contains('{'), "{}: a placeholder left unfilled", l.slug);
            // The option the first run bears out is named, and is none of
            // the wrong predictions.
            let (seen, option) = first_run(l.slug, text).unwrap();
            assert!(html.contains(&format!("shows <strong>{}</strong>: the prediction it bears out is “{}”", crate::markup::escape(&seen), crate::markup::escape(&option))), "{}", l.slug);
            for (id, _) in &text.teacher.wrong_predictions {
                assert_ne!(plain(&text.predict.option(id).unwrap().text, text), option, "{}", l.slug);
            }
        }
    }

    #[test]
    fn the_page_offers_every_lesson_with_its_notes_and_the_guide() {
        let sections = guide_from_json(GUIDE_JSON).unwrap();
        let html = body(crate::lessons::content::text, &sections).unwrap().into_string();
        for slug in LessonSlug::ALL {
            assert!(html.contains(&format!("<option value=\"{slug}\">")), "{slug}");
            assert_eq!(html.matches(&format!("data-lesson=\"{slug}\"")).count(), 1, "{slug}");
        }
        assert_eq!(html.matches("class=\"teacher-notes\"").count(), LessonSlug::ALL.len());
        assert_eq!(html.matches(" hidden><h2 id=\"notes-").count(), LessonSlug::ALL.len() - 1, "one lesson's notes shown at a time");
        for s in &sections {
            assert!(html.contains(&format!("id=\"guide-{}\"", s.id)), "{}", s.id);
        }
        assert!(html.contains("href=\"index.html#/\""), "links back into the app");
        assert!(html.ends_with("<script src=\"teach.js\"></script>"));
    }

    #[test]
    fn the_document_takes_the_builds_style_sheet_and_icon() {
        let index = "<!doctype html><meta content=\"width=device-width,initial-scale=1\" name=viewport><meta content=#1d4e89 name=theme-color>\
            <link href=./favicon-1.png integrity=sha384-x rel=icon><link href=manifest.webmanifest rel=manifest>\
            <link href=./main-2.css integrity=sha384-y rel=stylesheet><script type=module src=./boot.js></script>";
        let page = document(index, &Markup::from_static("<p>hi</p>")).unwrap();
        assert!(page.contains("<link href=./main-2.css integrity=sha384-y rel=stylesheet><link rel=\"stylesheet\" href=\"teach.css\">"), "{page}");
        assert!(page.contains("<link href=./favicon-1.png integrity=sha384-x rel=icon>"));
        assert!(page.contains("name=viewport>") && page.contains("name=theme-color>") && page.contains("rel=manifest>"));
        assert!(!page.contains("boot.js"), "no app on the teach page");
        assert!(page.contains("<body><p>hi</p></body>"));
        assert!(document("<html>", &Markup::new()).is_err());
    }

    #[test]
    fn the_guide_links_the_scorm_package_once_and_escapes_its_text() {
        let html = guide(&guide_from_json(GUIDE_JSON).unwrap()).into_string();
        assert_eq!(html.matches(SCORM_PACKAGE).count(), 1);
        assert!(html.contains("<code>{ type: &quot;reset&quot; }</code>"), "code keeps its braces, escaped");
        let hostile = GuideSection {
            id: "x".into(),
            heading: "<script>".into(),
            paragraphs: vec!["'\" & <img> javascript:".into()],
            items: vec![("<b>".into(), "`<i>`".into())],
        };
        let html = guide(&[hostile]).into_string();
        assert!(!html.contains("<script>") && !html.contains("<img>") && !html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains("&#39;&quot; &amp; &lt;img&gt; javascript:"), "{html}");
    }
}
