//! A lesson: its words, its experiment and its task, as plain data.

use crate::experiment::{Bench, Goal, Metric, Param, Params};
use crate::lessons::comparison::{row, ComparisonRow};
use crate::lessons::slug::LessonSlug;
#[cfg(test)]
use crate::lessons::text::LessonText;

/// How a lesson sets up its bench: the starting values, the controls the
/// learner sees, the seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setup {
    pub bench: Bench,
    /// Starting values of the learner's controls; every other parameter
    /// is at the bench's default.
    pub preset: &'static [(Param, f64)],
    /// The controls the learner sees, in order.
    pub controls: &'static [Param],
    /// The seed of every run, so a lesson plays the same for everyone.
    pub seed: u64,
    /// Readouts the lesson keeps off the page because the task asks the
    /// learner to find them (the sandbox shows them).
    pub hidden: &'static [Metric],
}

impl Setup {
    pub fn params(&self) -> Params {
        Params::from_pairs(self.preset)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Task {
    pub goal: Goal,
    /// Parameter changes that reach the goal from the preset: what "show
    /// me" applies, and what the tests replay.
    pub solution: &'static [(Param, f64)],
    /// The best answer, where there is one: shown beside the learner's
    /// after success, as a level's par.
    pub best: Option<Best>,
}

/// The least value of a parameter that reaches the task (a test checks one
/// step less does not).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Best {
    pub param: Param,
    pub value: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lesson {
    pub slug: LessonSlug,
    pub setup: Setup,
    pub task: Task,
}

impl Lesson {
    /// The comparison row it teaches; `None` in part 2.
    pub fn row(&self) -> Option<&'static ComparisonRow> {
        row(self.slug)
    }

    /// The lesson's words, as the native build includes them (the app
    /// fetches them instead).
    #[cfg(test)]
    pub fn text(&self) -> &'static LessonText {
        crate::lessons::content::text(self.slug).unwrap_or_else(|e| panic!("{e}"))
    }
}
