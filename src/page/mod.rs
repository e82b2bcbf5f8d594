//! Pages' fixed parts as markup, with no DOM: the app shows them, and the
//! build paints them into index.html so they appear before the app loads
//! (`prepaint`). One source for both, so the two never disagree.

pub mod chrome;
pub mod comparison;
pub mod diagram;
pub mod home;
pub mod lesson;
pub mod prepaint;
pub mod record;
pub mod state;
pub mod teach;
