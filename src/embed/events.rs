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

/// Each of a lesson's questions, by id, with its right option's id.
pub fn right_answers(slug: crate::lessons::LessonSlug) -> Vec<(&'static str, &'static str)> {
    crate::lessons::text::answer_key(slug).to_vec()
}

/// The milestones passed between two states of one lesson's progress.
pub fn events(before: &LessonProgress, after: &LessonProgress, correct: &[(&str, &str)]) -> Vec<Outbound> {
    let mut out = Vec::new();
    if after.task_done && !before.task_done {
        out.push(Outbound::TaskComplete);
    }
    let all_answered = |p: &LessonProgress| correct.iter().all(|(q, _)| p.answer(q).is_some());
    if !correct.is_empty() && all_answered(after) && (!all_answered(before) || (after.completed && !before.completed)) {
        let score = correct.iter().filter(|(q, right)| after.answer(q) == Some(*right)).count();
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
        let quiz = &crate::lessons::lesson(slug).text().quiz;
        let answer = |q: &str, o: &str| Action::Answered { slug, question: q.to_owned(), option: o.to_owned() };
        let wrong = quiz[0].options.iter().find(|o| o.id != quiz[0].correct).map(|o| o.id.as_str()).unwrap();
        step(&mut p, answer(&quiz[0].id, wrong));
        for (q, right) in correct.iter().skip(1) {
            step(&mut p, answer(q, right));
        }
        step(&mut p, answer(correct[0].0, correct[0].1));
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
        let answers = vec![("q".to_owned(), "a".to_owned())];
        let done = LessonProgress { started: true, task_done: true, answers, completed: true, ..LessonProgress::default() };
        assert!(events(&done, &done, &[("q", "a")]).is_empty());
        assert!(events(&LessonProgress::default(), &LessonProgress::default(), &[]).is_empty());
    }
}
