//! Which messages a change in a lesson's progress sends: each milestone
//! once, when it is reached, never for what was already done on load.

use crate::embed::protocol::Outbound;
use crate::progress::LessonProgress;

/// What an embedded page is: a lesson (with its questions' right answers)
/// or the sandbox, which has no milestones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Lesson(crate::lessons::LessonSlug),
    Sandbox,
}

impl Subject {
    pub fn slug(self) -> &'static str {
        match self {
            Subject::Lesson(slug) => slug.as_str(),
            Subject::Sandbox => "sandbox",
        }
    }
}

/// The right option of each of a lesson's questions, in order.
pub fn right_answers(slug: crate::lessons::LessonSlug) -> Vec<u32> {
    crate::lessons::prose::text(slug).quiz.iter().map(|q| q.correct).collect()
}

/// The milestones passed between two states of one lesson's progress.
pub fn events(before: &LessonProgress, after: &LessonProgress, correct: &[u32]) -> Vec<Outbound> {
    let mut out = Vec::new();
    if after.task_done && !before.task_done {
        out.push(Outbound::TaskComplete);
    }
    let all_answered = |p: &LessonProgress| (0..correct.len() as u32).all(|q| p.answer(q).is_some());
    if !correct.is_empty() && all_answered(after) && (!all_answered(before) || (after.completed && !before.completed)) {
        let score = correct.iter().enumerate().filter(|(q, right)| after.answer(*q as u32) == Some(**right)).count();
        out.push(Outbound::QuizComplete { score: score as u32, total: correct.len() as u32 });
    }
    if after.completed && !before.completed {
        out.push(Outbound::LessonComplete);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Action, Progress};
    use crate::lessons::LessonSlug;

    #[test]
    fn each_milestone_is_sent_once_as_it_is_reached() {
        let slug = LessonSlug::Role;
        let correct = right_answers(slug);
        let mut p = Progress::default();
        let mut sent = Vec::new();
        let mut step = |p: &mut Progress, a: Action| {
            let before = p.lesson(slug).clone();
            p.apply(a);
            sent.push(events(&before, p.lesson(slug), &correct));
        };
        step(&mut p, Action::Started(slug));
        step(&mut p, Action::TaskDone(slug));
        step(&mut p, Action::TaskDone(slug));
        let wrong = (correct[0] + 1) % 2;
        step(&mut p, Action::Answered { slug, question: 0, choice: wrong });
        for (q, right) in correct.iter().enumerate().skip(1) {
            step(&mut p, Action::Answered { slug, question: q as u32, choice: *right });
        }
        step(&mut p, Action::Answered { slug, question: 0, choice: correct[0] });
        let total = correct.len() as u32;
        let flat: Vec<Outbound> = sent.into_iter().flatten().collect();
        assert_eq!(
            flat,
            vec![
                Outbound::TaskComplete,
                Outbound::QuizComplete { score: total - 1, total },
                Outbound::QuizComplete { score: total, total },
                Outbound::LessonComplete,
            ]
        );
    }

    #[test]
    fn nothing_is_sent_for_what_was_done_before() {
        let done = LessonProgress { started: true, task_done: true, quiz_answers: vec![Some(0)], completed: true };
        assert!(events(&done, &done, &[0]).is_empty());
        assert!(events(&LessonProgress::default(), &LessonProgress::default(), &[]).is_empty());
    }
}
