//! A lesson: its words, its experiment and its task, as plain data.

use crate::experiment::{Bench, Goal, Param, Params};
use crate::lessons::comparison::{row, ComparisonRow};
use crate::lessons::prose;
use crate::lessons::slug::LessonSlug;
use crate::lessons::text::LessonText;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Experiment {
    pub bench: Bench,
    /// Starting values of every parameter the bench reads.
    pub preset: &'static [(Param, f64)],
    /// The controls the learner sees, in order.
    pub controls: &'static [Param],
    /// The seed of every run, so a lesson plays the same for everyone.
    pub seed: u64,
}

impl Experiment {
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
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lesson {
    pub slug: LessonSlug,
    pub experiment: Experiment,
    pub task: Task,
}

impl Lesson {
    pub fn row(&self) -> &'static ComparisonRow {
        row(self.slug)
    }

    pub fn text(&self) -> &'static LessonText {
        prose::text(self.slug)
    }
}
