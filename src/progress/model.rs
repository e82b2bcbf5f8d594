//! What is saved of a learner's progress, and what it means.

use crate::lessons::LessonSlug;

/// Bumped whenever the saved shape changes; `store::load` migrates older
/// versions it knows and sets aside any it does not. Version 2 added the
/// prediction, the reveal, first answers by option id and "with help".
pub const SCHEMA_VERSION: u32 = 2;

/// Answers kept per lesson; more are ignored (a lesson has a few questions).
pub const MAX_ANSWERS: usize = 16;
/// The longest id kept (question and option ids are short words).
pub const MAX_ID_LEN: usize = 64;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonProgress {
    /// The learner has opened the lesson's experiment or answered a question.
    pub started: bool,
    /// The prediction chosen before the first run, by option id.
    pub prediction: Option<String>,
    /// The learner predicted and the first run ended: the explanation, the
    /// task and the quiz are shown.
    pub revealed: bool,
    /// What that first run measured of the prediction's metric, shown
    /// beside the prediction.
    pub observed: Option<f64>,
    /// The experiment's task has been reached at least once.
    pub task_done: bool,
    /// "Show me" set a working solution; cleared only by starting the
    /// lesson again.
    pub helped: bool,
    /// The first option chosen for each question: `(question id, option id)`.
    pub first_answers: Vec<(String, String)>,
    /// The latest option chosen for each question.
    pub answers: Vec<(String, String)>,
    /// Task done and every question answered correctly.
    pub completed: bool,
}

/// A lesson's state as the home page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonState {
    NotStarted,
    InProgress,
    TaskDone,
    Complete,
    /// Complete, with the task solved through "show me".
    CompleteWithHelp,
}

impl LessonState {
    pub fn label(self) -> &'static str {
        match self {
            LessonState::NotStarted => "Not started",
            LessonState::InProgress => "In progress",
            LessonState::TaskDone => "Task done",
            LessonState::Complete => "Complete",
            LessonState::CompleteWithHelp => "Complete, with help",
        }
    }

    pub fn is_complete(self) -> bool {
        matches!(self, LessonState::Complete | LessonState::CompleteWithHelp)
    }
}

/// An id as saved: short, and of the characters ids are made of, so a
/// tampered file cannot grow or garble progress.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn find<'a>(list: &'a [(String, String)], question: &str) -> Option<&'a str> {
    list.iter().find(|(q, _)| q == question).map(|(_, o)| o.as_str())
}

impl LessonProgress {
    /// The latest answer to a question, by id.
    pub fn answer(&self, question: &str) -> Option<&str> {
        find(&self.answers, question)
    }

    /// The first answer ever given to a question.
    pub fn first_answer(&self, question: &str) -> Option<&str> {
        find(&self.first_answers, question)
    }

    /// The first attempt at the lesson's quiz, once every question has a
    /// first answer: `(right, questions)`. Trying again never changes it.
    pub fn first_attempt(&self, correct: &[(&str, &str)]) -> Option<(u32, u32)> {
        let firsts: Option<Vec<bool>> = correct.iter().map(|(q, right)| self.first_answer(q).map(|a| a == *right)).collect();
        let firsts = firsts.filter(|f| !f.is_empty())?;
        Some((firsts.iter().filter(|&&r| r).count() as u32, firsts.len() as u32))
    }

    /// Records an answer: the latest always, the first only once.
    pub fn set_answer(&mut self, question: &str, option: &str) {
        if !valid_id(question) || !valid_id(option) {
            return;
        }
        if self.first_answer(question).is_none() && self.first_answers.len() < MAX_ANSWERS {
            self.first_answers.push((question.to_owned(), option.to_owned()));
        }
        self.set_latest_answer(question, option);
    }

    /// Records the latest answer alone, one per question and at most
    /// `MAX_ANSWERS`: what a record may hold and still be read back.
    pub fn set_latest_answer(&mut self, question: &str, option: &str) {
        let full = self.answers.len() >= MAX_ANSWERS;
        match self.answers.iter_mut().find(|(q, _)| q == question) {
            Some(slot) => slot.1 = option.to_owned(),
            None if !full => self.answers.push((question.to_owned(), option.to_owned())),
            None => {}
        }
    }

    /// Takes in what another copy of this lesson's progress holds, keeping
    /// the further of the two: nothing either reached is undone, a
    /// prediction or first answer already recorded stays as it was, and
    /// this copy's latest answers win over the other's.
    pub fn merge(&mut self, other: &LessonProgress) {
        self.started |= other.started;
        self.task_done |= other.task_done;
        self.completed |= other.completed;
        self.helped |= other.helped;
        if !self.revealed && other.revealed {
            self.revealed = true;
            self.prediction = other.prediction.clone();
            self.observed = other.observed;
        } else if self.prediction.is_none() {
            self.prediction = other.prediction.clone();
        }
        for (q, o) in &other.first_answers {
            if self.first_answer(q).is_none() && self.first_answers.len() < MAX_ANSWERS {
                self.first_answers.push((q.clone(), o.clone()));
            }
        }
        for (q, o) in &other.answers {
            if self.answer(q).is_none() && self.answers.len() < MAX_ANSWERS {
                self.answers.push((q.clone(), o.clone()));
            }
        }
    }

    /// Starts the lesson again. The first answers stay: the quiz's score is
    /// its first attempt's, and starting again must not erase it.
    pub fn restart(&mut self) {
        let first_answers = std::mem::take(&mut self.first_answers);
        *self = LessonProgress { first_answers, ..LessonProgress::default() };
    }

    /// Nothing done since the lesson was (re)started.
    pub fn is_fresh(&self) -> bool {
        *self == LessonProgress { first_answers: self.first_answers.clone(), ..LessonProgress::default() }
    }

    fn answered_any(&self) -> bool {
        !self.answers.is_empty()
    }

    pub fn state(&self) -> LessonState {
        if self.completed && self.helped {
            LessonState::CompleteWithHelp
        } else if self.completed {
            LessonState::Complete
        } else if self.task_done {
            LessonState::TaskDone
        } else if self.started || self.answered_any() || self.prediction.is_some() {
            LessonState::InProgress
        } else {
            LessonState::NotStarted
        }
    }
}

/// Every lesson's progress, in course order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    lessons: [LessonProgress; LessonSlug::ALL.len()],
}

/// What a learner did, as the lesson page reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Started(LessonSlug),
    /// A prediction chosen (before the first run; the page locks it after).
    Predicted { slug: LessonSlug, option: String },
    /// The first run after predicting has ended, measuring this of the
    /// prediction's metric.
    Revealed { slug: LessonSlug, observed: Option<f64> },
    /// "Show me" set a working solution.
    Helped(LessonSlug),
    TaskDone(LessonSlug),
    Answered { slug: LessonSlug, question: String, option: String },
    /// Start one lesson again (the learner, or a course page through the embed).
    ResetLesson(LessonSlug),
    ResetAll,
    /// Progress brought from another browser (a file or a code): in place
    /// of this, or merged with it (`Progress::merge`).
    Import { theirs: Box<Progress>, replace: bool },
}

impl Progress {
    /// Applies an action and re-derives completion: a lesson is complete
    /// when its task is done and every question is answered correctly.
    pub fn apply(&mut self, action: Action) {
        let slug = match action {
            Action::ResetAll => {
                *self = Progress::default();
                return;
            }
            Action::Import { theirs, replace: true } => {
                *self = *theirs;
                return;
            }
            Action::Import { theirs, replace: false } => {
                self.merge(&theirs);
                return;
            }
            Action::ResetLesson(slug) => {
                self.lesson_mut(slug).restart();
                return;
            }
            Action::Started(slug) => {
                self.lesson_mut(slug).started = true;
                slug
            }
            Action::Predicted { slug, option } => {
                let l = self.lesson_mut(slug);
                // Locked once the first run has shown its result.
                if !l.revealed && valid_id(&option) {
                    l.started = true;
                    l.prediction = Some(option);
                }
                slug
            }
            Action::Revealed { slug, observed } => {
                let l = self.lesson_mut(slug);
                if l.prediction.is_some() && !l.revealed {
                    l.revealed = true;
                    l.observed = observed.filter(|v| v.is_finite());
                }
                slug
            }
            Action::Helped(slug) => {
                let l = self.lesson_mut(slug);
                l.started = true;
                // Help after completion did not complete it: the lesson
                // stays as it was completed, here and in an LMS.
                l.helped |= !l.completed;
                slug
            }
            Action::TaskDone(slug) => {
                let l = self.lesson_mut(slug);
                l.started = true;
                l.task_done = true;
                slug
            }
            Action::Answered { slug, question, option } => {
                let l = self.lesson_mut(slug);
                l.started = true;
                l.set_answer(&question, &option);
                slug
            }
        };
        let key = crate::lessons::text::answer_key(slug);
        let l = self.lesson_mut(slug);
        let all_right = key.iter().all(|(q, right)| l.answer(q) == Some(*right));
        // Once complete, a lesson stays complete: trying other answers
        // afterwards is exploring, not forgetting.
        l.completed = l.completed || (l.task_done && all_right);
    }

    pub fn lesson(&self, slug: LessonSlug) -> &LessonProgress {
        &self.lessons[slug.position() as usize]
    }

    pub fn lesson_mut(&mut self, slug: LessonSlug) -> &mut LessonProgress {
        &mut self.lessons[slug.position() as usize]
    }

    /// Takes in another copy of the progress, lesson by lesson (see
    /// `LessonProgress::merge`).
    pub fn merge(&mut self, other: &Progress) {
        for (mine, theirs) in self.lessons.iter_mut().zip(&other.lessons) {
            mine.merge(theirs);
        }
    }

    /// Takes in another copy that has changed since `base`, the last state
    /// both copies agreed on: a lesson the other copy started again since
    /// then (touched in `base`, untouched in `theirs`) is started again
    /// here too; every other lesson merges.
    pub fn merge_since(&mut self, base: &Progress, theirs: &Progress) {
        for ((mine, was), now) in self.lessons.iter_mut().zip(&base.lessons).zip(&theirs.lessons) {
            if now.is_fresh() && !was.is_fresh() {
                mine.restart();
            }
            mine.merge(now);
        }
    }

    /// True when any lesson has been touched.
    pub fn any_started(&self) -> bool {
        self.lessons.iter().any(|l| l.state() != LessonState::NotStarted)
    }

    pub fn state(&self, slug: LessonSlug) -> LessonState {
        self.lesson(slug).state()
    }

    pub fn completed_count(&self) -> u32 {
        LessonSlug::ALL.iter().filter(|s| self.state(**s).is_complete()).count() as u32
    }

    /// Where "continue" should take the learner: the first lesson in course
    /// order that is not complete, or `None` when all are.
    pub fn next_lesson(&self) -> Option<LessonSlug> {
        LessonSlug::ALL.into_iter().find(|s| !self.state(*s).is_complete())
    }
}

#[cfg(test)]
mod tests;
