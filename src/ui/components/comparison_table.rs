//! The comparison table as a Yew node (its markup is `page::comparison`).

use crate::lessons::LessonSlug;
use crate::page::comparison::comparison_markup;
use crate::progress::Progress;
use yew::prelude::*;

/// `only` shows a single lesson's row; `link_rows` links each aspect to its
/// lesson; with `progress`, a column shows the learner's state per lesson.
pub fn comparison_table(only: Option<LessonSlug>, link_rows: bool, progress: Option<&Progress>) -> Html {
    comparison_markup(only, link_rows, progress).html()
}
