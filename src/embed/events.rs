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
    if let (None, Some((score, total))) = (before.first_attempt(correct), after.first_attempt(correct)) {
        out.push(Outbound::QuizComplete { score, total });
    }
    if after.completed && !before.completed {
        out.push(Outbound::LessonComplete { helped: after.helped });
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
        // The quiz's score is its first attempt's: putting the wrong
        // answer right completes the lesson but leaves the score.
        assert_eq!(
            flat,
            vec![Outbound::TaskComplete, Outbound::QuizComplete { score: total - 1, total }, Outbound::LessonComplete { helped: false }]
        );
    }

    #[test]
    fn completion_says_when_show_me_helped() {
        let slug = LessonSlug::Role;
        let mut p = Progress::default();
        p.apply(Action::Helped(slug));
        p.apply(Action::TaskDone(slug));
        let before = p.lesson(slug).clone();
        for (q, right) in right_answers(slug) {
            p.apply(Action::Answered { slug, question: q.to_owned(), option: right.to_owned() });
        }
        let total = right_answers(slug).len() as u32;
        assert_eq!(
            events(&before, p.lesson(slug), &right_answers(slug)),
            vec![Outbound::QuizComplete { score: total, total }, Outbound::LessonComplete { helped: true }]
        );
    }

    #[test]
    fn starting_again_sends_no_second_score() {
        let slug = LessonSlug::Role;
        let correct = right_answers(slug);
        let mut p = Progress::default();
        p.apply(Action::TaskDone(slug));
        for (q, right) in &correct {
            p.apply(Action::Answered { slug, question: (*q).to_owned(), option: (*right).to_owned() });
        }
        p.apply(Action::ResetLesson(slug));
        p.apply(Action::TaskDone(slug));
        let mut sent = Vec::new();
        for (q, right) in &correct {
            let before = p.lesson(slug).clone();
            p.apply(Action::Answered { slug, question: (*q).to_owned(), option: (*right).to_owned() });
            sent.extend(events(&before, p.lesson(slug), &correct));
        }
        assert_eq!(sent, vec![Outbound::LessonComplete { helped: false }], "completed again, scored once");
    }

    #[test]
    fn nothing_is_sent_for_what_was_done_before() {
        let answers = vec![("q".to_owned(), "a".to_owned())];
        let done = LessonProgress { started: true, task_done: true, answers, completed: true, ..LessonProgress::default() };
        assert!(events(&done, &done, &[("q", "a")]).is_empty());
        assert!(events(&LessonProgress::default(), &LessonProgress::default(), &[]).is_empty());
    }
}
