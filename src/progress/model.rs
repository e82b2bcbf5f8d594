//! What is saved of a learner's progress, and what it means.

use crate::lessons::LessonSlug;

/// Bumped whenever the saved shape changes; `store::load` migrates older
/// versions it knows and sets aside any it does not.
pub const SCHEMA_VERSION: u32 = 1;

/// Questions a lesson may have; answers beyond this are not kept.
pub const MAX_QUESTIONS: u32 = 8;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonProgress {
    /// The learner has opened the lesson's experiment or answered a question.
    pub started: bool,
    /// The experiment's task has been reached at least once.
    pub task_done: bool,
    /// Chosen option per question, by question index.
    pub quiz_answers: Vec<Option<u32>>,
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
}

impl LessonState {
    pub fn label(self) -> &'static str {
        match self {
            LessonState::NotStarted => "Not started",
            LessonState::InProgress => "In progress",
            LessonState::TaskDone => "Task done",
            LessonState::Complete => "Complete",
        }
    }
}

impl LessonProgress {
    pub fn answer(&self, question: u32) -> Option<u32> {
        self.quiz_answers.get(question as usize).copied().flatten()
    }

    pub fn set_answer(&mut self, question: u32, choice: u32) {
        if question >= MAX_QUESTIONS {
            return;
        }
        let i = question as usize;
        if self.quiz_answers.len() <= i {
            self.quiz_answers.resize(i + 1, None);
        }
        self.quiz_answers[i] = Some(choice);
    }

    fn answered_any(&self) -> bool {
        self.quiz_answers.iter().any(Option::is_some)
    }

    pub fn state(&self) -> LessonState {
        if self.completed {
            LessonState::Complete
        } else if self.task_done {
            LessonState::TaskDone
        } else if self.started || self.answered_any() {
            LessonState::InProgress
        } else {
            LessonState::NotStarted
        }
    }
}

/// Every lesson's progress, in course order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    lessons: [LessonProgress; LessonSlug::ALL.len()],
}

/// What a learner did, as the lesson page reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Started(LessonSlug),
    TaskDone(LessonSlug),
    Answered { slug: LessonSlug, question: u32, choice: u32 },
    /// Start one lesson again (a course page asked, through the embed).
    ResetLesson(LessonSlug),
    ResetAll,
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
            Action::ResetLesson(slug) => {
                *self.lesson_mut(slug) = LessonProgress::default();
                return;
            }
            Action::Started(slug) => {
                self.lesson_mut(slug).started = true;
                slug
            }
            Action::TaskDone(slug) => {
                let l = self.lesson_mut(slug);
                l.started = true;
                l.task_done = true;
                slug
            }
            Action::Answered { slug, question, choice } => {
                let l = self.lesson_mut(slug);
                l.started = true;
                l.set_answer(question, choice);
                slug
            }
        };
        let quiz = crate::lessons::prose::text(slug).quiz;
        let l = self.lesson_mut(slug);
        let all_right = quiz
            .iter()
            .enumerate()
            .all(|(i, q)| l.answer(i as u32) == Some(q.correct));
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

    /// True when any lesson has been touched.
    pub fn any_started(&self) -> bool {
        self.lessons.iter().any(|l| l.state() != LessonState::NotStarted)
    }

    pub fn state(&self, slug: LessonSlug) -> LessonState {
        self.lesson(slug).state()
    }

    pub fn completed_count(&self) -> u32 {
        LessonSlug::ALL.iter().filter(|s| self.state(**s) == LessonState::Complete).count() as u32
    }

    /// Where "continue" should take the learner: the first lesson in course
    /// order that is not complete, or `None` when all are.
    pub fn next_lesson(&self) -> Option<LessonSlug> {
        LessonSlug::ALL.into_iter().find(|s| self.state(*s) != LessonState::Complete)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_follow_the_flags() {
        let mut p = LessonProgress::default();
        assert_eq!(p.state(), LessonState::NotStarted);
        p.set_answer(0, 2);
        assert_eq!(p.state(), LessonState::InProgress);
        p.task_done = true;
        assert_eq!(p.state(), LessonState::TaskDone);
        p.completed = true;
        assert_eq!(p.state(), LessonState::Complete);
    }

    #[test]
    fn completion_needs_the_task_and_every_right_answer() {
        let slug = LessonSlug::Focus;
        let quiz = crate::lessons::prose::text(slug).quiz;
        let mut p = Progress::default();
        p.apply(Action::Started(slug));
        assert_eq!(p.state(slug), LessonState::InProgress);
        for (i, q) in quiz.iter().enumerate() {
            p.apply(Action::Answered { slug, question: i as u32, choice: q.correct });
        }
        assert_eq!(p.state(slug), LessonState::InProgress, "quiz alone is not completion");
        let wrong = (quiz[0].correct + 1) % quiz[0].options.len() as u32;
        p.apply(Action::Answered { slug, question: 0, choice: wrong });
        p.apply(Action::TaskDone(slug));
        assert_eq!(p.state(slug), LessonState::TaskDone, "a wrong answer blocks completion");
        p.apply(Action::Answered { slug, question: 0, choice: quiz[0].correct });
        assert_eq!(p.state(slug), LessonState::Complete);
        p.apply(Action::Answered { slug, question: 0, choice: wrong });
        assert_eq!(p.state(slug), LessonState::Complete, "completion is kept");
        p.apply(Action::ResetLesson(slug));
        assert_eq!(p.state(slug), LessonState::NotStarted);
        p.apply(Action::ResetAll);
        assert_eq!(p, Progress::default());
    }

    #[test]
    fn counts_and_continue_point() {
        let mut progress = Progress::default();
        assert_eq!(progress.next_lesson(), Some(LessonSlug::Role));
        progress.lesson_mut(LessonSlug::Role).completed = true;
        progress.lesson_mut(LessonSlug::Data).completed = true;
        assert_eq!(progress.completed_count(), 2);
        assert_eq!(progress.next_lesson(), Some(LessonSlug::Focus));
        for slug in LessonSlug::ALL {
            progress.lesson_mut(slug).completed = true;
        }
        assert_eq!(progress.completed_count(), 8);
        assert_eq!(progress.next_lesson(), None);
    }
}
