//! The teach page's guide (content/teach.toml), read from the JSON build.rs
//! writes, for the native build that writes the page: sections of
//! paragraphs, some with a list of terms and what they mean. Same text
//! marks as the lessons.

use crate::lessons::content::{list, parse, string, strings, ContentError, Read};

#[derive(Clone, Debug, PartialEq)]
pub struct GuideSection {
    /// Lowercase letters and hyphens (checked here): it names the section's
    /// heading on the page.
    pub id: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    /// `(term, what it means)`.
    pub items: Vec<(String, String)>,
}

/// The guide's sections, in order; a file of another shape is refused.
pub fn guide_from_json(text: &str) -> Read<Vec<GuideSection>> {
    let v = parse(text)?;
    list(&v, "sections", |x| {
        let id = string(x, "id")?;
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            return Err(ContentError(format!("section id “{id}” is not lowercase letters and hyphens")));
        }
        Ok(GuideSection {
            id,
            heading: string(x, "heading")?,
            paragraphs: strings(x, "paragraphs")?,
            items: list(x, "items", |i| Ok((string(i, "term")?, string(i, "text")?)))?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::text::GUIDE_JSON;

    #[test]
    fn the_guide_reads_and_names_each_section_once() {
        let guide = guide_from_json(GUIDE_JSON).unwrap();
        let mut ids: Vec<&str> = guide.iter().map(|s| s.id.as_str()).collect();
        for needed in ["protocol", "assessed", "scorm", "host", "privacy"] {
            assert!(ids.contains(&needed), "{needed}");
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), guide.len());
        assert!(guide.iter().all(|s| !s.paragraphs.is_empty()));
    }

    #[test]
    fn the_protocol_section_lists_every_message_the_app_sends() {
        use crate::embed::Outbound;
        let guide = guide_from_json(GUIDE_JSON).unwrap();
        let protocol = guide.iter().find(|s| s.id == "protocol").unwrap();
        let listed: Vec<&str> = protocol.items.iter().map(|(t, _)| t.trim_matches('`')).collect();
        let sent = [Outbound::Ready, Outbound::Resize { height: 1 }, Outbound::TaskComplete, Outbound::QuizComplete { score: 0, total: 1 }, Outbound::LessonComplete { helped: false }];
        assert_eq!(listed, sent.iter().map(|m| m.kind()).collect::<Vec<_>>());
        let version = format!("`version: {}`", crate::embed::PROTOCOL_VERSION);
        assert!(protocol.paragraphs[0].contains(&version), "the guide names the protocol's version");
    }

    #[test]
    fn another_shape_is_refused() {
        for bad in ["{}", r#"{"sections":[{"id":"A b","heading":"x","paragraphs":[],"items":[]}]}"#, r#"{"sections":[{"id":"a"}]}"#, "[]"] {
            assert!(guide_from_json(bad).is_err(), "{bad}");
        }
    }
}
