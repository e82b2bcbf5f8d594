//! How a lesson's state is shown: a class for its colour and a symbol, so
//! the state never rests on colour alone.

use crate::progress::LessonState;

pub fn state_class(state: LessonState) -> &'static str {
    match state {
        LessonState::NotStarted => "not-started",
        LessonState::InProgress => "in-progress",
        LessonState::TaskDone => "task-done",
        LessonState::Complete => "complete",
        LessonState::CompleteWithHelp => "complete with-help",
    }
}

/// A symbol beside the words, so the state never rests on colour alone.
pub fn state_mark(state: LessonState) -> &'static str {
    match state {
        LessonState::NotStarted => "○ ",
        LessonState::InProgress => "◐ ",
        LessonState::TaskDone => "◑ ",
        LessonState::Complete => "● ",
        LessonState::CompleteWithHelp => "◉ ",
    }
}
