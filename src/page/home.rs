//! The home page's fixed words: the app shows them around the learner's
//! progress, and the page painted before the app loads shows them alone.

/// What the tutorial is, and what a learner will take from it.
pub const INTRO: &str = include_str!("home_intro.html");

pub const PART_1: &str = "<h2 id=\"table-heading\">Part 1: the comparison, one lesson per row</h2><p>Choose a row to open its lesson. Each lesson states the claim, explains it, and lets you run the experiment that proves or qualifies it.</p>";

pub const PART_2: &str = "<h2 id=\"combined-heading\">Part 2: how real systems combine them</h2><p>Most systems you use mix the two designs. Each of these lessons takes one way of mixing them and tests it in the simulator.</p>";
