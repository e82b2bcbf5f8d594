use super::*;
use crate::lessons::content::text;
use crate::lessons::render::{plain, render_marked};

fn escaped(s: &str) -> String {
    Markup::from_text(s).into_string()
}

/// A stretch of words long enough to be the field's own, escaped as the
/// page would hold it.
fn snippet(field: &str, words: &LessonText) -> String {
    let words_only: String = plain(field, words).chars().take(60).collect();
    escaped(&words_only)
}

/// The page's words, as a reader meets them, entities still escaped.
fn without_tags(page: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn a_lesson_is_painted_up_to_its_prediction() {
    for slug in LessonSlug::ALL {
        let t = text(slug).unwrap();
        let page = lesson(slug, t).into_string();
        assert!(page.contains(&escaped(crate::lessons::title(slug))), "{slug}: title");
        assert!(page.contains(render_marked(&t.claim, t).as_str()), "{slug}: claim");
        assert!(page.contains(render_marked(&t.predict.prompt, t).as_str()), "{slug}: prediction");
        for option in &t.predict.options {
            assert!(page.contains(render_marked(&option.text, t).as_str()), "{slug}: option {}", option.id);
        }
        assert!(!page.contains("role=\"tooltip\""), "{slug}: definitions come with the app");
        assert!(page.contains("<fieldset class=\"prediction\" disabled>"), "{slug}: choices wait for the app");
        assert!(page.contains("You can choose once the simulator has loaded."), "{slug}: and say why");
        let caption = escaped(&t.diagram_caption);
        assert!(page.contains(&format!("<figure class=\"diagram\" data-diagram=\"{caption}\"><figcaption>{caption}</figcaption>")), "{slug}: the diagram's place");
        assert!(page.contains("Loading the simulator"), "{slug}");
    }
}

#[test]
fn nothing_kept_until_after_the_run_is_painted() {
    for slug in LessonSlug::ALL {
        let t = text(slug).unwrap();
        let page = lesson(slug, t).into_string();
        let words = without_tags(&page);
        let mut hidden: Vec<&String> = t.explanation.iter().chain(&t.hints).collect();
        hidden.extend([&t.task_prompt, &t.success, &t.takeaway, &t.nuance, &t.experiment_intro]);
        for q in &t.quiz {
            hidden.push(&q.prompt);
            hidden.extend(q.options.iter().map(|o| &o.text));
        }
        // Short options ("90%") may well stand in the prediction too.
        for field in hidden.into_iter().filter(|f| plain(f, t).chars().count() >= 24) {
            let s = snippet(field, t);
            assert!(!words.contains(&s), "{slug}: {s:?} is painted before the run");
            assert!(!page.contains(render_marked(field, t).as_str()), "{slug}: {s:?} is painted before the run");
        }
        for heading in ["explain-heading", "task-heading", "quiz-heading", "takeaway-heading"] {
            assert!(!page.contains(heading), "{slug}: {heading}");
        }
    }
}

#[test]
fn the_home_page_links_every_lesson() {
    let page = home().into_string();
    for slug in LessonSlug::ALL {
        assert!(page.contains(&format!("href=\"#/lessons/{slug}\"")), "{slug}");
    }
    assert!(page.contains(INTRO) && page.contains("aria-current=\"page\">Lessons"));
}

#[test]
fn every_route_with_a_painting_has_one_template() {
    let all = templates(text).unwrap().into_string();
    let mut ids = vec!["paint-home".to_owned(), "paint-embed".to_owned(), "paint-diagram".to_owned()];
    ids.extend(LessonSlug::ALL.iter().map(|s| format!("paint-lesson-{s}")));
    for id in ids {
        assert_eq!(all.matches(&format!("<template id=\"{id}\">")).count(), 1, "{id}");
    }
    assert_eq!(all.matches("<template").count(), all.matches("</template>").count());
    let failing = templates(|_| Err(ContentError("gone".into())));
    assert!(failing.is_err(), "a missing lesson stops the build");
}

#[test]
fn the_placeholder_is_filled_in_either_spelling() {
    let t = Markup::from_static("<template id=\"paint-home\">x</template>");
    for page in ["<body><template id=paint></template></body>", "<body><template id=\"paint\"></template></body>"] {
        assert_eq!(fill(page, &t).unwrap(), "<body><template id=\"paint-home\">x</template></body>");
    }
    assert!(fill("<body></body>", &t).unwrap_err().contains("no empty <template id=\"paint\">"));
}
