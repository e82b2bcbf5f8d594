//! Lesson content as data: adding a lesson means adding data, not components.

pub mod catalog;
pub mod comparison;
pub mod lesson;
pub mod prose;
pub mod slug;
pub mod text;

#[cfg(test)]
mod tests;

pub use catalog::{lesson, LESSONS};
pub use comparison::{row, ComparisonRow, COMPARISON};
pub use lesson::{Lesson, Setup, Task};
pub use slug::LessonSlug;
