//! Lesson content as data: adding a lesson means adding data, not components.

pub mod comparison;
pub mod slug;

pub use comparison::{row, ComparisonRow, COMPARISON};
pub use slug::LessonSlug;
