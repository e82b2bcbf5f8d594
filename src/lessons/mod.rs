//! Lesson content as data: adding a lesson means adding data, not
//! components. The words come from content/lessons/<slug>.toml (see
//! content/README.md), fetched by the app as JSON; the experiment and task
//! from `catalog`.

pub mod catalog;
pub mod checklist;
pub mod comparison;
pub mod content;
pub mod formula;
pub mod guide;
pub mod lesson;
pub mod render;
pub mod slug;
pub mod teacher;
pub mod text;

#[cfg(test)]
mod glossary_tests;
#[cfg(test)]
mod ledger;
#[cfg(test)]
mod task_tests;
#[cfg(test)]
mod tests;

pub use catalog::{lesson, LESSONS};
pub use comparison::{experiment, row, title, ComparisonRow, COMBINED, COMPARISON};
pub use lesson::{Best, Lesson, Setup, Task};
pub use slug::LessonSlug;
