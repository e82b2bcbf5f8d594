//! What is saved of a learner's progress, and what it means.

use crate::lessons::LessonSlug;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped whenever the saved shape changes; `store::load` migrates older
/// versions it knows and sets aside any it does not.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The learner has opened the lesson's experiment or answered a question.
    #[serde(default)]
    pub started: bool,
    /// The experiment's task has been reached at least once.
    #[serde(default)]
    pub task_done: bool,
    /// Chosen option per question, by question index.
    #[serde(default)]
    pub quiz_answers: BTreeMap<u32, u32>,
    /// Task done and every question answered correctly.
    #[serde(default)]
    pub completed: bool,
}

/// A lesson's state as the home page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonState {
    NotStarted,
    InProgress,
    TaskDone,
    Complete,
}

impl LessonState {
    pub fn label(self) -> &'static str {
        match self {
            LessonState::NotStarted => "Not started",
            LessonState::InProgress => "In progress",
            LessonState::TaskDone => "Task done",
            LessonState::Complete => "Complete",
        }
    }
}

impl LessonProgress {
    pub fn state(&self) -> LessonState {
        if self.completed {
            LessonState::Complete
        } else if self.task_done {
            LessonState::TaskDone
        } else if self.started || !self.quiz_answers.is_empty() {
            LessonState::InProgress
        } else {
            LessonState::NotStarted
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub lessons: BTreeMap<LessonSlug, LessonProgress>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { version: SCHEMA_VERSION, lessons: BTreeMap::new() }
    }
}

impl Progress {
    pub fn lesson(&self, slug: LessonSlug) -> LessonProgress {
        self.lessons.get(&slug).cloned().unwrap_or_default()
    }

    pub fn lesson_mut(&mut self, slug: LessonSlug) -> &mut LessonProgress {
        self.lessons.entry(slug).or_default()
    }

    pub fn state(&self, slug: LessonSlug) -> LessonState {
        self.lesson(slug).state()
    }

    pub fn completed_count(&self) -> u32 {
        LessonSlug::ALL.iter().filter(|s| self.state(**s) == LessonState::Complete).count() as u32
    }

    /// Where "continue" should take the learner: the first lesson in course
    /// order that is not complete, or `None` when all are.
    pub fn next_lesson(&self) -> Option<LessonSlug> {
        LessonSlug::ALL.into_iter().find(|s| self.state(*s) != LessonState::Complete)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_follow_the_flags() {
        let mut p = LessonProgress::default();
        assert_eq!(p.state(), LessonState::NotStarted);
        p.quiz_answers.insert(0, 2);
        assert_eq!(p.state(), LessonState::InProgress);
        p.task_done = true;
        assert_eq!(p.state(), LessonState::TaskDone);
        p.completed = true;
        assert_eq!(p.state(), LessonState::Complete);
    }

    #[test]
    fn counts_and_continue_point() {
        let mut progress = Progress::default();
        assert_eq!(progress.next_lesson(), Some(LessonSlug::Role));
        progress.lesson_mut(LessonSlug::Role).completed = true;
        progress.lesson_mut(LessonSlug::Data).completed = true;
        assert_eq!(progress.completed_count(), 2);
        assert_eq!(progress.next_lesson(), Some(LessonSlug::Focus));
        for slug in LessonSlug::ALL {
            progress.lesson_mut(slug).completed = true;
        }
        assert_eq!(progress.completed_count(), 8);
        assert_eq!(progress.next_lesson(), None);
    }
}
