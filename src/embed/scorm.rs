//! What an embedded lesson tells an LMS through the SCORM 1.2 run-time API
//! (`LMSSetValue` calls, then `LMSCommit`). Only the data model elements
//! SCORM 1.2 defines are written.

use crate::embed::protocol::Outbound;

pub const STATUS: &str = "cmi.core.lesson_status";

/// The values to set for one message; empty when it means nothing to an LMS.
pub fn values(message: &Outbound) -> Vec<(&'static str, String)> {
    match message {
        Outbound::QuizComplete { score, total } if *total > 0 => vec![
            ("cmi.core.score.min", "0".into()),
            ("cmi.core.score.max", "100".into()),
            ("cmi.core.score.raw", (score.min(total) * 100 / total).to_string()),
        ],
        Outbound::LessonComplete => vec![(STATUS, "completed".into())],
        _ => Vec::new(),
    }
}

/// The status to set when a lesson opens, given what the LMS has: a first
/// visit becomes "incomplete"; a status already earned is kept.
pub fn opening_status(current: &str) -> Option<&'static str> {
    match current {
        "" | "not attempted" => Some("incomplete"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_and_score_map_to_scorm_1_2_elements() {
        assert_eq!(values(&Outbound::LessonComplete), vec![(STATUS, "completed".to_owned())]);
        let score = values(&Outbound::QuizComplete { score: 2, total: 3 });
        assert_eq!(score.last(), Some(&("cmi.core.score.raw", "66".to_owned())));
        assert!(values(&Outbound::QuizComplete { score: 0, total: 0 }).is_empty());
        assert!(values(&Outbound::Resize { height: 3 }).is_empty());
        assert_eq!(opening_status("not attempted"), Some("incomplete"));
        assert_eq!(opening_status("completed"), None);
    }
}
