//! What the teach page hands a teacher to paste: the iframe for a lesson or
//! the sandbox, and a listener for the messages it sends; and how the page
//! shows the messages its own preview sends.

use crate::embed::protocol::{TargetOrigin, PROTOCOL_VERSION, SOURCE};
use crate::markup::Markup;
use crate::json::{parse, Value};

/// The iframe that embeds `route` (`/embed/lessons/role`) of the copy of the
/// app at `base` (its address without query or hash), reporting to
/// `origin` when one is given.
pub fn iframe(base: &str, route: &str, title: &str, origin: Option<&TargetOrigin>) -> String {
    let query = origin.map(|o| format!("?origin={}", encode(o.as_target()))).unwrap_or_default();
    format!(
        "<iframe src=\"{base}{query}#{route}\" title=\"{title}\" width=\"100%\" height=\"720\" loading=\"lazy\" \
         sandbox=\"allow-scripts allow-same-origin allow-downloads\"></iframe>"
    )
}

/// The teach page's list of snippets, one per `(key, label, route, title)`,
/// as HTML: a labelled read-only text area each, and a Copy button that
/// names the area it copies in `data-copy`.
pub fn snippet_list(base: &str, origin: Option<&TargetOrigin>, items: &[(String, String, String, String)]) -> Markup {
    let mut out = Markup::from_static("<ul class=\"snippets\">");
    for (key, label, route, title) in items {
        let id = format!("snippet-{key}");
        out.raw("<li><label for=\"").text(&id).raw("\">").text(label).raw("</label><textarea id=\"").text(&id);
        out.raw("\" class=\"snippet\" readonly rows=\"3\">").text(&iframe(base, route, title, origin));
        out.raw("</textarea><button type=\"button\" data-copy=\"").text(&id).raw("\">Copy</button></li>");
    }
    out.raw("</ul>");
    out
}

/// Percent-encodes what a query value cannot hold as it is.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'*') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A script for the course page: fits each Hub & Mesh frame to its content
/// and hands completions to `onHubAndMesh`, trusting only `app_origin`.
pub fn listener(app_origin: &str) -> String {
    format!(
        r#"<script>
// Messages from Hub & Mesh frames served from {app_origin}
window.addEventListener("message", function (event) {{
  if (event.origin !== "{app_origin}") return;
  var m = event.data;
  if (!m || m.source !== "{SOURCE}" || m.version !== {PROTOCOL_VERSION}) return;
  var frames = document.querySelectorAll("iframe");
  for (var i = 0; i < frames.length; i++) {{
    if (frames[i].contentWindow === event.source && m.type === "resize") {{
      frames[i].height = m.height;
    }}
  }}
  // m.type: "ready", "resize", "task-complete", "quiz-complete" (m.score
  // of m.total) or "lesson-complete"; m.slug names the lesson.
  if (m.type === "lesson-complete") {{
    console.log("Lesson complete: " + m.slug);
  }}
}});
</script>"#
    )
}

/// One of our messages in words, for the teach page's log, with the height
/// a `resize` asks for; `None` for a message that is not ours.
pub fn describe(text: &str) -> Option<(String, Option<u32>)> {
    let value = parse(text).ok()?;
    let field = |k: &str| match value.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(format!("{n}")),
        _ => None,
    };
    if field("source")? != SOURCE {
        return None;
    }
    let (kind, slug) = (field("type")?, field("slug")?);
    Some(match kind.as_str() {
        "resize" => {
            let height = match value.get("height") {
                Some(Value::Number(n)) if n.is_finite() => n.clamp(0.0, 100_000.0) as u32,
                _ => return None,
            };
            (format!("resize ({slug}): height {height} px"), Some(height))
        }
        "quiz-complete" => (format!("quiz-complete ({slug}): {} of {} right", field("score")?, field("total")?), None),
        _ => (format!("{kind} ({slug})"), None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::Outbound;

    #[test]
    fn the_iframe_names_the_route_and_the_encoded_origin() {
        let plain = iframe("https://host.example/hm/", "/embed/lessons/role", "Roles", None);
        assert!(plain.starts_with(r#"<iframe src="https://host.example/hm/#/embed/lessons/role" title="Roles""#), "{plain}");
        let origin = TargetOrigin::parse("https://moodle.example.org").unwrap();
        let with = iframe("https://host.example/hm/", "/embed/sandbox", "Sandbox", Some(&origin));
        assert!(with.contains(r#"src="https://host.example/hm/?origin=https%3A%2F%2Fmoodle.example.org#/embed/sandbox""#), "{with}");
        assert!(with.contains(r#"sandbox="allow-scripts allow-same-origin"#));
        // What the snippet encodes, the app decodes to the same origin.
        let query = with.split('?').nth(1).unwrap().split('#').next().unwrap();
        assert_eq!(crate::embed::origin_from_query(query), Ok(Some(origin)));
    }

    #[test]
    fn the_snippet_list_escapes_what_it_shows() {
        let items = vec![("role".to_owned(), "Lesson 1: <Roles>".to_owned(), "/embed/lessons/role".to_owned(), "Hub & Mesh".to_owned())];
        let html = snippet_list("https://h.example/", None, &items).into_string();
        assert!(html.contains(r#"<label for="snippet-role">Lesson 1: &lt;Roles&gt;</label>"#), "{html}");
        assert!(html.contains("&lt;iframe src=&quot;https://h.example/#/embed/lessons/role&quot; title=&quot;Hub &amp; Mesh&quot;"), "{html}");
        assert!(html.contains(r#"<button type="button" data-copy="snippet-role">Copy</button>"#));
        assert_eq!(html.matches("<textarea").count(), 1);
    }

    #[test]
    fn the_listener_trusts_only_the_app_origin() {
        let js = listener("https://host.example");
        assert!(js.contains(r#"if (event.origin !== "https://host.example") return;"#));
        for kind in ["resize", "lesson-complete", "quiz-complete", "task-complete", "ready"] {
            assert!(js.contains(kind), "{kind}");
        }
    }

    #[test]
    fn our_messages_are_described_and_others_ignored() {
        assert_eq!(describe(&Outbound::Resize { height: 640 }.to_json("role")), Some(("resize (role): height 640 px".into(), Some(640))));
        assert_eq!(
            describe(&Outbound::QuizComplete { score: 2, total: 3 }.to_json("data")),
            Some(("quiz-complete (data): 2 of 3 right".into(), None))
        );
        assert_eq!(describe(&Outbound::LessonComplete.to_json("cost")), Some(("lesson-complete (cost)".into(), None)));
        assert_eq!(describe(r#"{"source":"other","type":"ready","slug":"x"}"#), None);
        assert_eq!(describe("not json"), None);
    }
}
