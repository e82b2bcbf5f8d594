//! The prose of each lesson: explanation, experiment, task, hints, quiz,
//! takeaway and nuance, one module per slug.

pub mod cost;
pub mod data;
pub mod focus;
pub mod network_size;
pub mod role;
pub mod scalability;
pub mod service;
pub mod stability;

use crate::lessons::slug::LessonSlug;
use crate::lessons::text::LessonText;

/// The words of a lesson.
pub fn text(slug: LessonSlug) -> &'static LessonText {
    match slug {
        LessonSlug::Role => &role::TEXT,
        LessonSlug::Focus => &focus::TEXT,
        LessonSlug::Data => &data::TEXT,
        LessonSlug::Service => &service::TEXT,
        LessonSlug::Cost => &cost::TEXT,
        LessonSlug::Stability => &stability::TEXT,
        LessonSlug::NetworkSize => &network_size::TEXT,
        LessonSlug::Scalability => &scalability::TEXT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(slug: LessonSlug, field: &str, s: &str) {
        assert!(!s.trim().is_empty(), "{slug}: empty {field}");
    }

    #[test]
    fn every_field_is_filled_and_every_quiz_is_well_formed() {
        for slug in LessonSlug::ALL {
            let t = text(slug);
            filled(slug, "claim", t.claim);
            filled(slug, "diagram_caption", t.diagram_caption);
            filled(slug, "experiment_intro", t.experiment_intro);
            filled(slug, "task_prompt", t.task_prompt);
            filled(slug, "success", t.success);
            filled(slug, "takeaway", t.takeaway);
            filled(slug, "nuance", t.nuance);

            assert!(!t.explanation.is_empty(), "{slug}: no explanation");
            for p in t.explanation {
                filled(slug, "explanation paragraph", p);
            }

            assert!(t.hints.len() >= 2, "{slug}: {} hints", t.hints.len());
            for h in t.hints {
                filled(slug, "hint", h);
            }

            assert!(
                (2..=4).contains(&t.quiz.len()),
                "{slug}: {} questions",
                t.quiz.len()
            );
            for q in t.quiz {
                filled(slug, "question prompt", q.prompt);
                filled(slug, "question explanation", q.explanation);
                assert!(
                    (3..=4).contains(&q.options.len()),
                    "{slug}: {} options in {:?}",
                    q.options.len(),
                    q.prompt
                );
                for o in q.options {
                    filled(slug, "option", o);
                }
                assert!(
                    (q.correct as usize) < q.options.len(),
                    "{slug}: correct out of range in {:?}",
                    q.prompt
                );
                let mut unique = q.options.to_vec();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(
                    unique.len(),
                    q.options.len(),
                    "{slug}: repeated option in {:?}",
                    q.prompt
                );
            }
        }
    }

    /// The house style: three progressive hints, three questions whose
    /// answers are not always in the same place, at least one of them a
    /// prediction, and short paragraphs.
    #[test]
    fn prose_follows_the_house_style() {
        for slug in LessonSlug::ALL {
            let t = text(slug);
            assert_eq!(t.hints.len(), 3, "{slug}");
            assert_eq!(t.quiz.len(), 3, "{slug}");
            assert!(
                t.quiz.iter().any(|q| q.correct != t.quiz[0].correct),
                "{slug}: every answer is in the same position"
            );
            assert!(
                t.quiz
                    .iter()
                    .any(|q| q.prompt.starts_with("Before you run it")),
                "{slug}: no prediction question"
            );
            assert!((2..=4).contains(&t.explanation.len()), "{slug}");
            for p in t.explanation {
                let words = p.split_whitespace().count();
                assert!(words <= 80, "{slug}: a paragraph of {words} words");
            }
            for s in [t.claim, t.takeaway, t.nuance, t.success, t.task_prompt] {
                assert!(!s.contains("  "), "{slug}: double space in {s:?}");
            }
        }
    }
}
