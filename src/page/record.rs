//! The completion record's markup (`#/certificate`), written natively so
//! that the escaping of a learner's name, which may come from a link anyone
//! can write, is tested where the HTML is made.

use crate::lessons::{title, LessonSlug};
use crate::markup::Markup;
use crate::progress::record::{Record, MAX_NAME};

pub const UNVERIFIED: &str = "Nothing verifies this record. Hub &amp; Mesh keeps no records on a server: this is what one \
     browser saved, and anyone can change what their browser saves or what a link says. Where a mark depends on it, use \
     your course's own records instead, such as those its learning platform keeps of the lessons it runs as a SCORM package.";

/// What the columns mean, printed with the table.
const COLUMNS: &str = "<p class=\"footnote\"><strong>Quiz, first attempt:</strong> right answers, of the lesson's \
     questions, counting the first option chosen for each, whatever was chosen after it; resetting progress starts the \
     quiz afresh. <strong>“Show me”:</strong> whether the button that sets a working solution to the task was used before \
     the lesson was completed; hints do not count. Days are as the learner's own device gave them.</p>";

/// The record: heading, the warning, the name, and the table of lessons.
/// `shared` for a record read from a link; `unread` says why this browser's
/// dates could not be read.
pub fn record(record: &Record, shared: bool, unread: Option<&str>) -> Markup {
    let mut out = Markup::from_static("<p class=\"print-only print-brand\">Hub &amp; Mesh: client-server and peer-to-peer networks</p>");
    if shared {
        out.raw(
            "<h1>A shared completion record</h1><div class=\"unverified shared\"><p><strong>Shared by link, unverified.</strong> ",
        );
        out.raw(UNVERIFIED).raw(
            "</p><p>A link can be edited by hand: this page refuses what it cannot read or what cannot be true, \
             but not what is merely untrue.</p></div>",
        );
    } else {
        out.raw("<h1>Your completion record</h1><div class=\"unverified\"><p>").raw(UNVERIFIED).raw("</p></div>");
    }
    out.raw("<p class=\"record-name\">");
    match &record.name {
        Some(name) => {
            out.raw(if shared { "Whose record, as the link says: " } else { "Name, as typed in this browser: " });
            out.raw("<strong><bdi>").text(name).raw("</bdi></strong>");
        }
        None => {
            out.raw(if shared { "The link carries no name." } else { "Name: not given." });
        }
    }
    out.raw("</p><p class=\"record-count\">").int(record.entries.len() as i64).raw(" of ").int(LessonSlug::ALL.len() as i64);
    out.raw(" lessons completed.</p>");
    if !record.entries.is_empty() {
        out.raw(
            "<table class=\"record\"><caption>Lessons completed</caption><thead><tr><th scope=\"col\">Lesson</th>\
             <th scope=\"col\">Completed on</th><th scope=\"col\">Quiz, first attempt</th><th scope=\"col\">“Show me”</th></tr></thead><tbody>",
        );
        for e in &record.entries {
            out.raw("<tr><th scope=\"row\">").int(i64::from(e.slug.position()) + 1).raw(". ").text(title(e.slug)).raw("</th><td>");
            match e.on {
                Some(day) => out.raw("<time datetime=\"").text(&day.iso()).raw("\">").text(&day.long()).raw("</time>"),
                None => out.raw("Not recorded*"),
            };
            out.raw("</td><td>");
            match e.quiz {
                Some((right, of)) => out.int(i64::from(right)).raw(" of ").int(i64::from(of)),
                None => out.raw("No score"),
            };
            out.raw("</td><td>").raw(if e.helped { "Used: completed with help" } else { "Not used" }).raw("</td></tr>");
        }
        out.raw("</tbody></table>").raw(COLUMNS);
        if record.entries.iter().any(|e| e.on.is_none()) {
            out.raw(
                "<p class=\"footnote\">* Completed in another browser, or brought from one by file or code (they carry \
                 no days), or before this app kept days",
            );
            out.raw(if shared { "; or the link was edited.</p>" } else { ".</p>" });
        }
    }
    if let Some(why) = unread {
        out.raw("<p class=\"control-error\" role=\"alert\">The completion days saved in this browser could not be read (");
        out.text(why).raw("), so none is shown.</p>");
    }
    if shared {
        out.raw("<p class=\"no-print\"><a href=\"#/certificate\">Open your own record, from this browser</a></p>");
    }
    out
}

/// The record's name box, first showing `name`, and the box that puts it
/// in the share link, first ticked as `in_link`. Fixed while the page is
/// open, so what the learner types is never lost to a redraw; the page's
/// listeners find them by id.
pub fn tools(name: &str, in_link: bool) -> Markup {
    let mut out = Markup::from_static(
        "<h2 id=\"record-tools-heading\">Name, share and print</h2><label for=\"record-name\">Your name, as the record shows it</label>\
         <input id=\"record-name\" type=\"text\" autocomplete=\"name\" aria-describedby=\"record-name-kept\" maxlength=\"",
    );
    out.int(MAX_NAME as i64).raw("\" value=\"").text(name).raw(
        "\"><p id=\"record-name-kept\" class=\"hint\">Kept in this browser only, until progress is reset. It goes into the \
         share link only if you tick the box below.</p><p><input type=\"checkbox\" id=\"record-share-name\"",
    );
    out.raw(if in_link { " checked" } else { "" });
    out.raw("> <label for=\"record-share-name\">Put my name in the share link</label></p>");
    out
}

/// The share link, to select or copy (it changes with the name and the
/// box; nothing is typed into it), what it carries, and printing; or, for
/// an empty record, where to begin. The link is printed too.
pub fn link_box(link: &str, named: bool, empty: bool) -> Markup {
    if empty {
        return Markup::from_static(
            "<p>Complete a lesson, and its line appears here, to print or share. <a href=\"#/\">Choose a lesson</a></p>",
        );
    }
    let mut out = Markup::from_static("<label for=\"record-link\">Link to this record</label><input id=\"record-link\" type=\"text\" readonly value=\"");
    out.text(link).raw("\"><p class=\"hint\">");
    out.raw(if named { "This link carries your name." } else { "This link carries no name." });
    out.raw(
        "</p><p><button type=\"button\" data-action=\"copy\">Copy the link</button> \
         <button type=\"button\" data-action=\"print\">Print, or save as PDF</button></p>",
    );
    out
}

/// The link, on paper: a printout points back to what it shows.
pub fn printed_link(link: &str) -> Markup {
    let mut out = Markup::from_static("<p class=\"print-only footnote\">The same record by link: ");
    out.text(link).raw("</p>");
    out
}

/// What a shared link shows when it cannot be read.
pub fn unreadable_link(why: &str) -> Markup {
    let mut out = Markup::from_static("<h1>A shared completion record</h1><p class=\"control-error\" role=\"alert\">This link to a record is refused: ");
    out.text(why).raw(".</p><p><a href=\"#/certificate\">Open your own record, from this browser</a></p>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::dates::Day;
    use crate::progress::record::{clean_name, Entry};

    fn role_questions() -> u32 {
        crate::lessons::text::answer_key(LessonSlug::Role).len() as u32
    }

    fn sample(name: &str) -> Record {
        let entries = vec![
            Entry { slug: LessonSlug::Role, on: Day::new(2026, 12, 1), quiz: Some((2, role_questions())), helped: false },
            Entry { slug: LessonSlug::Cost, on: None, quiz: None, helped: true },
        ];
        Record { entries, name: Some(clean_name(name)).filter(|n| !n.is_empty()) }
    }

    #[test]
    fn the_record_shows_each_lesson_its_day_score_and_help() {
        let html = record(&sample("Ada"), false, None).into_string();
        assert!(html.contains("Name, as typed in this browser: <strong><bdi>Ada</bdi></strong>"), "{html}");
        assert!(html.contains("2 of 11 lessons completed."), "{html}");
        let row = format!("<time datetime=\"2026-12-01\">1 December 2026</time></td><td>2 of {}</td><td>Not used</td>", role_questions());
        assert!(html.contains(&row), "{html}");
        assert!(html.contains("Not recorded*</td><td>No score</td><td>Used: completed with help</td>"), "{html}");
        assert!(html.contains("hints do not count"), "{html}");
        assert!(html.contains("* Completed in another browser"), "{html}");
        assert!(html.contains("Nothing verifies this record."));
        let shared = record(&sample(""), true, None).into_string();
        assert!(shared.contains("Shared by link, unverified.") && shared.contains("The link carries no name."), "{shared}");
        let unread = record(&Record::default(), false, Some("<b>odd</b>")).into_string();
        assert!(unread.contains("0 of 11 lessons completed.") && !unread.contains("<table"));
        assert!(unread.contains("(&lt;b&gt;odd&lt;/b&gt;)"), "{unread}");
    }

    /// A name from a link is anyone's: whatever it holds, it stays text in
    /// the record and in the name box's value.
    #[test]
    fn hostile_names_stay_text() {
        for hostile in [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "' autofocus onfocus='alert(1)",
            "</bdi></strong><iframe src=javascript:alert(1)>",
            "&lt;b&gt; already escaped",
            "<!--",
        ] {
            let r = sample(hostile);
            let back = Record::from_link_data(&r.link_data(true), None).unwrap();
            for html in [record(&back, true, None).into_string(), tools(hostile, true).into_string(), link_box(&r.link_data(true), true, false).into_string()] {
                for evil in ["<script", "<img", "<iframe", "onerror=\"", "onfocus='", "<!--", "&lt;b&gt; already"] {
                    assert!(!html.contains(evil), "{hostile} → {evil} in {html}");
                }
            }
            let html = record(&back, true, None).into_string();
            let shown = html.split("<bdi>").nth(1).and_then(|s| s.split("</bdi>").next()).unwrap();
            assert_eq!(shown, crate::markup::escape(back.name.as_deref().unwrap()), "{hostile}");
        }
    }
}
