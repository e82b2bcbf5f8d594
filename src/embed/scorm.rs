//! What an embedded lesson tells an LMS through the SCORM 1.2 run-time API
//! (`LMSSetValue` calls, then `LMSCommit`), and what it reads back when a
//! learner returns. Only the data model elements SCORM 1.2 defines are
//! written; the lesson's own state travels in `cmi.suspend_data`
//! (see [`crate::embed::suspend`]).

use crate::embed::events::events;
use crate::embed::protocol::Outbound;
use crate::embed::suspend::{self, Unrestorable};
use crate::lessons::LessonSlug;
use crate::progress::LessonProgress;

pub const STATUS: &str = "cmi.core.lesson_status";
pub const ENTRY: &str = "cmi.core.entry";
pub const EXIT: &str = "cmi.core.exit";
pub const SCORE_RAW: &str = "cmi.core.score.raw";
pub const SESSION_TIME: &str = "cmi.core.session_time";
pub const SUSPEND_DATA: &str = "cmi.suspend_data";

/// The values to set for one message; empty when it means nothing to an
/// LMS. `scored`: the LMS holds this attempt's quiz score, which is the
/// first attempt's and so never replaced; set once a score is written.
pub fn values(message: &Outbound, scored: &mut bool) -> Vec<(&'static str, String)> {
    match message {
        Outbound::QuizComplete { score, total } if *total > 0 && !std::mem::replace(scored, true) => vec![
            ("cmi.core.score.min", "0".into()),
            ("cmi.core.score.max", "100".into()),
            // A percentage, to the nearest: 2 of 3 is 67.
            (SCORE_RAW, ((score.min(total) * 100 + total / 2) / total).to_string()),
        ],
        Outbound::LessonComplete { .. } => vec![(STATUS, "completed".into())],
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

/// Whether to take the lesson's state from `cmi.suspend_data`: on a
/// return (`resume`), and on a visit to a lesson already finished (the LMS
/// then says `""`); never on a new attempt (`ab-initio`).
fn restores(entry: &str) -> bool {
    entry != "ab-initio"
}

/// `cmi.core.exit`: come back to this later while the lesson is unfinished;
/// a normal exit once it is complete.
pub fn exit(lesson: &LessonProgress) -> &'static str {
    if lesson.completed {
        ""
    } else {
        "suspend"
    }
}

/// What the LMS answered when the lesson opened its session.
#[derive(Clone, Copy, Debug, Default)]
pub struct Launch<'a> {
    /// `LMSInitialize` said "true".
    pub initialized: bool,
    pub entry: &'a str,
    pub status: &'a str,
    pub score_raw: &'a str,
    pub suspend_data: &'a str,
}

/// How the lesson opens in the LMS.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opening {
    /// The lesson's state to show.
    pub lesson: LessonProgress,
    /// Write nothing: the LMS started no session, or holds state from a
    /// newer version that writing would lose.
    pub read_only: bool,
    /// The LMS holds this attempt's quiz score (never replaced).
    pub scored: bool,
    /// Values to set at once: the opening status, what the restored state
    /// has earned that the LMS was never told (a commit that did not reach
    /// it), and the exit.
    pub values: Vec<(&'static str, String)>,
    /// What the learner should know, in words.
    pub notice: Option<String>,
}

/// Decides how a lesson opens from what the LMS answered; `correct` is its
/// quiz's answer key.
pub fn open(slug: LessonSlug, launch: &Launch, correct: &[(&str, &str)]) -> Opening {
    if !launch.initialized {
        return Opening {
            read_only: true,
            notice: Some("Your course did not start a session for this lesson: what you do here is not recorded.".into()),
            ..Opening::default()
        };
    }
    let restored = if restores(launch.entry) { suspend::decode(slug, launch.suspend_data) } else { Ok(LessonProgress::default()) };
    let (lesson, read_only, mut notice) = match restored {
        Ok(lesson) => (lesson, false, None),
        Err(e @ Unrestorable::Newer(_)) => (LessonProgress::default(), true, Some(e.message())),
        Err(e) => (LessonProgress::default(), false, Some(e.message())),
    };
    let earned = matches!(launch.status, "completed" | "passed");
    if notice.is_none() && earned && launch.suspend_data.trim().is_empty() {
        notice = Some(format!(
            "Your course records this lesson as {}, but kept no state for it (earlier versions kept none): the lesson starts afresh.",
            launch.status
        ));
    }
    let mut scored = !launch.score_raw.trim().is_empty();
    let mut values = Vec::new();
    if !read_only {
        if let Some(status) = opening_status(launch.status) {
            values.push((STATUS, status.to_owned()));
        }
        for message in events(&LessonProgress::default(), &lesson, correct) {
            values.extend(self::values(&message, &mut scored));
        }
        values.push((EXIT, exit(&lesson).to_owned()));
    }
    Opening { lesson, read_only, scored, values, notice }
}

/// A duration as SCORM 1.2's `CMITimespan`, `HHHH:MM:SS.SS`, to the
/// hundredth of a second; negative or unreadable is zero, and it stops at
/// the largest the format holds.
pub fn timespan(ms: f64) -> String {
    const MAX_CS: u64 = 9_999 * 360_000 + 59 * 6_000 + 5_999;
    let cs = if ms.is_finite() && ms > 0.0 { ((ms / 10.0).round() as u64).min(MAX_CS) } else { 0 };
    let (h, m, s, c) = (cs / 360_000, cs / 6_000 % 60, cs / 100 % 60, cs % 100);
    format!("{h:04}:{m:02}:{s:02}.{c:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_and_the_first_score_map_to_scorm_1_2_elements() {
        let done = Outbound::LessonComplete { helped: true };
        assert_eq!(values(&done, &mut false), vec![(STATUS, "completed".to_owned())]);
        let mut scored = false;
        let score = values(&Outbound::QuizComplete { score: 2, total: 3 }, &mut scored);
        assert_eq!(score.last(), Some(&(SCORE_RAW, "67".to_owned())));
        let third = values(&Outbound::QuizComplete { score: 1, total: 3 }, &mut false);
        assert_eq!(third.last(), Some(&(SCORE_RAW, "33".to_owned())));
        assert!(scored, "a score written is recorded");
        assert!(values(&Outbound::QuizComplete { score: 3, total: 3 }, &mut scored).is_empty(), "a score recorded stays");
        assert!(values(&Outbound::QuizComplete { score: 0, total: 0 }, &mut false).is_empty());
        assert!(values(&Outbound::Resize { height: 3 }, &mut false).is_empty());
        assert_eq!(opening_status("not attempted"), Some("incomplete"));
        assert_eq!(opening_status("completed"), None);
    }

    #[test]
    fn exit_suspends_until_the_lesson_is_complete() {
        let mut l = LessonProgress { task_done: true, ..LessonProgress::default() };
        assert_eq!(exit(&l), "suspend");
        l.completed = true;
        assert_eq!(exit(&l), "");
        assert!(restores("resume") && restores("") && !restores("ab-initio"));
    }

    fn launch<'a>(entry: &'a str, status: &'a str, suspend_data: &'a str) -> Launch<'a> {
        Launch { initialized: true, entry, status, score_raw: "", suspend_data }
    }

    #[test]
    fn a_first_launch_becomes_incomplete_and_suspends() {
        let o = open(LessonSlug::Role, &launch("ab-initio", "not attempted", ""), &[("q", "a")]);
        assert_eq!(o.values, vec![(STATUS, "incomplete".to_owned()), (EXIT, "suspend".to_owned())]);
        assert_eq!((o.lesson, o.read_only, o.scored, o.notice), (LessonProgress::default(), false, false, None));
    }

    #[test]
    fn a_return_restores_the_kept_state_and_reports_what_it_earned() {
        let mut done = LessonProgress { started: true, task_done: true, completed: true, ..LessonProgress::default() };
        done.set_answer("q", "b");
        let kept = suspend::encode(LessonSlug::Role, &done);
        let o = open(LessonSlug::Role, &launch("resume", "incomplete", &kept), &[("q", "a")]);
        assert_eq!(o.lesson, done);
        // The commit of "completed" never reached the LMS: it is told now,
        // with the first attempt's score (wrong: 0 of 1).
        assert!(o.values.contains(&(STATUS, "completed".to_owned())), "{:?}", o.values);
        assert!(o.values.contains(&(SCORE_RAW, "0".to_owned())), "{:?}", o.values);
        assert_eq!(o.values.last(), Some(&(EXIT, String::new())));
        assert!(o.scored);
        let already = Launch { score_raw: "100", ..launch("resume", "completed", &kept) };
        assert!(!open(LessonSlug::Role, &already, &[("q", "a")]).values.iter().any(|v| v.0 == SCORE_RAW), "a recorded score stays");
    }

    #[test]
    fn a_new_attempt_ignores_kept_state() {
        let kept = suspend::encode(LessonSlug::Role, &LessonProgress { started: true, task_done: true, ..LessonProgress::default() });
        assert_eq!(open(LessonSlug::Role, &launch("ab-initio", "incomplete", &kept), &[]).lesson, LessonProgress::default());
    }

    #[test]
    fn newer_or_damaged_state_and_a_refused_session_are_explained() {
        let newer = open(LessonSlug::Role, &launch("resume", "incomplete", r#"{"version":7}"#), &[]);
        assert!(newer.read_only && newer.values.is_empty(), "newer state is left as it is: {:?}", newer.values);
        assert!(newer.notice.unwrap().contains("version 7"));
        let damaged = open(LessonSlug::Role, &launch("resume", "incomplete", "slide=4|viewed=1,2"), &[]);
        assert!(!damaged.read_only && damaged.notice.unwrap().contains("cannot be read"));
        let refused = open(LessonSlug::Role, &Launch::default(), &[]);
        assert!(refused.read_only && refused.values.is_empty() && refused.notice.unwrap().contains("not recorded"));
        let old_package = open(LessonSlug::Role, &launch("", "completed", ""), &[]);
        assert!(old_package.notice.unwrap().contains("records this lesson as completed"));
        assert_eq!(old_package.values, vec![(EXIT, "suspend".to_owned())], "a status earned is never taken back");
    }

    #[test]
    fn timespans_have_four_digit_hours_and_hundredths() {
        assert_eq!(timespan(0.0), "0000:00:00.00");
        assert_eq!(timespan(65_254.0), "0000:01:05.25");
        assert_eq!(timespan(3_600_000.0 * 27.0 + 1_005.0), "0027:00:01.01");
        assert_eq!(timespan(-5.0), "0000:00:00.00");
        assert_eq!(timespan(f64::NAN), "0000:00:00.00");
        assert_eq!(timespan(1e15), "9999:59:59.99");
    }
}
