//! A lesson's state as an LMS keeps it between visits, in
//! `cmi.suspend_data`: the saved-progress format itself (so it carries its
//! version, and is read with the same checks), holding just that lesson.
//! SCORM 1.2 gives it 4,096 characters.

use crate::lessons::LessonSlug;
use crate::progress::store::{parse, to_json};
use crate::progress::{LessonProgress, LoadNotice, Progress};

const MAX_LEN: usize = 4_096;

/// The text to keep. Within `MAX_LEN` always: ids are at most 64
/// characters and 16 answers a list, so the two answer lists together
/// could pass it; then only the first answers are kept (the score and
/// completion stand on them, and a returning learner answers again).
pub fn encode(slug: LessonSlug, lesson: &LessonProgress) -> String {
    let mut progress = Progress::default();
    *progress.lesson_mut(slug) = lesson.clone();
    let text = to_json(&progress);
    if text.len() <= MAX_LEN {
        return text;
    }
    progress.lesson_mut(slug).answers.clear();
    to_json(&progress)
}

/// Why kept state cannot be restored, in words for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unrestorable {
    /// A newer version of the app wrote it: leave it as it is.
    Newer(u32),
    /// It is not state this app wrote, or it was damaged.
    Damaged(String),
}

impl Unrestorable {
    pub fn message(&self) -> String {
        match self {
            Unrestorable::Newer(v) => format!(
                "Your course holds this lesson's progress in a newer format (version {v}): it is left as it is, and what you do now is not saved."
            ),
            Unrestorable::Damaged(why) => format!(
                "Your course's progress for this lesson cannot be read ({why}): the lesson starts afresh, and what you do now replaces it."
            ),
        }
    }
}

/// The lesson's state from kept text: nothing kept is a fresh start.
/// Another lesson's state in it is ignored: each lesson is its own SCO.
pub fn decode(slug: LessonSlug, text: &str) -> Result<LessonProgress, Unrestorable> {
    if text.trim().is_empty() {
        return Ok(LessonProgress::default());
    }
    if text.len() > MAX_LEN {
        return Err(Unrestorable::Damaged(format!("it is longer than SCORM's {MAX_LEN} characters")));
    }
    match parse(text) {
        Ok(progress) => Ok(progress.lesson(slug).clone()),
        Err(LoadNotice::FromNewerVersion { version }) => Err(Unrestorable::Newer(version)),
        Err(LoadNotice::Unreadable { reason }) => Err(Unrestorable::Damaged(reason)),
        Err(LoadNotice::StorageUnavailable { reason }) => Err(Unrestorable::Damaged(reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Action;

    fn played(slug: LessonSlug) -> LessonProgress {
        let mut p = Progress::default();
        p.apply(Action::Predicted { slug, option: "more".into() });
        p.apply(Action::Revealed { slug, observed: Some(12.5) });
        p.apply(Action::TaskDone(slug));
        p.apply(Action::Answered { slug, question: "q1".into(), option: "a".into() });
        p.lesson(slug).clone()
    }

    #[test]
    fn a_lesson_round_trips_with_its_version() {
        let lesson = played(LessonSlug::Data);
        let text = encode(LessonSlug::Data, &lesson);
        assert!(text.starts_with(r#"{"version":2,"lessons":{"data":"#), "{text}");
        assert_eq!(decode(LessonSlug::Data, &text), Ok(lesson));
        assert_eq!(decode(LessonSlug::Data, ""), Ok(LessonProgress::default()));
        assert_eq!(decode(LessonSlug::Role, &text), Ok(LessonProgress::default()), "another lesson's state is not this one's");
    }

    #[test]
    fn the_longest_state_fits_scorm_and_keeps_first_answers() {
        let mut lesson = played(LessonSlug::Cost);
        for i in 0..16 {
            let id = |c: char| format!("{i:02}{}", c.to_string().repeat(62));
            lesson.set_answer(&id('q'), &id('a'));
            lesson.set_answer(&id('q'), &id('b'));
        }
        lesson.completed = true;
        let text = encode(LessonSlug::Cost, &lesson);
        assert!(text.len() <= MAX_LEN, "{} characters", text.len());
        let back = decode(LessonSlug::Cost, &text).unwrap();
        assert_eq!(back.first_answers, lesson.first_answers);
        assert!(back.completed && back.task_done);
    }

    #[test]
    fn damaged_tampered_or_newer_state_is_refused_with_a_reason() {
        assert_eq!(decode(LessonSlug::Role, r#"{"version":9,"lessons":{}}"#), Err(Unrestorable::Newer(9)));
        for bad in [
            "viewed=1,2,3|slide=4",
            r#"{"version":2,"lessons":{"role":{"completed":"yes"}}}"#,
            r#"{"version":2,"lessons":{"role":{"answers":{"q":"<script>"}}}}"#,
            r#"{"version":2,"lessons":{"moon":{}}}"#,
            &format!(r#"{{"version":2,"pad":"{}"}}"#, "x".repeat(MAX_LEN)),
        ] {
            let why = decode(LessonSlug::Role, bad);
            assert!(matches!(why, Err(Unrestorable::Damaged(_))), "{bad:.40}: {why:?}");
        }
        assert!(Unrestorable::Newer(3).message().contains("version 3"));
    }
}
