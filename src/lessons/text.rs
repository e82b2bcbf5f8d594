//! The words of a lesson, kept apart from its experiment and task so the
//! prose can be read, reviewed (and one day translated) on its own.

/// One multiple-choice question with its explanation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    pub prompt: &'static str,
    pub options: &'static [&'static str],
    /// Index into `options` of the one correct answer.
    pub correct: u32,
    /// Shown after answering: why the correct answer is right (and, where
    /// useful, why the tempting wrong one is wrong).
    pub explanation: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LessonText {
    /// The row's claim restated in plain words, one or two sentences.
    pub claim: &'static str,
    /// Short paragraphs of explanation.
    pub explanation: &'static [&'static str],
    /// Describes the lesson's diagram for screen readers and as a caption.
    pub diagram_caption: &'static str,
    /// What the experiment shows and how to use its controls.
    pub experiment_intro: &'static str,
    /// The task, addressed to the learner.
    pub task_prompt: &'static str,
    /// Progressive hints, from a nudge to nearly the answer.
    pub hints: &'static [&'static str],
    /// Said (and announced) when the task is reached.
    pub success: &'static str,
    pub quiz: &'static [Question],
    /// What holds, in a sentence or two.
    pub takeaway: &'static str,
    /// Where the simple claim breaks, with the evidence.
    pub nuance: &'static str,
}
