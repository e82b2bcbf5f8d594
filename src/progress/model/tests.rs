use super::*;
use crate::lessons::lesson;

fn answered(slug: LessonSlug, q: usize, right: bool) -> Action {
    let question = &lesson(slug).text().quiz[q];
    let option = question.options.iter().find(|o| (o.id == question.correct) == right).map(|o| o.id.clone()).unwrap();
    Action::Answered { slug, question: question.id.to_owned(), option }
}

#[test]
fn states_follow_the_flags() {
    let mut p = LessonProgress::default();
    assert_eq!(p.state(), LessonState::NotStarted);
    p.set_answer("q", "a");
    assert_eq!(p.state(), LessonState::InProgress);
    p.task_done = true;
    assert_eq!(p.state(), LessonState::TaskDone);
    p.completed = true;
    assert_eq!(p.state(), LessonState::Complete);
    p.helped = true;
    assert_eq!(p.state(), LessonState::CompleteWithHelp);
    assert!(p.state().is_complete() && p.state().label().contains("with help"));
}

#[test]
fn completion_needs_the_task_and_every_right_answer() {
    let slug = LessonSlug::Focus;
    let quiz = &lesson(slug).text().quiz;
    let mut p = Progress::default();
    p.apply(Action::Started(slug));
    assert_eq!(p.state(slug), LessonState::InProgress);
    for q in 0..quiz.len() {
        p.apply(answered(slug, q, true));
    }
    assert_eq!(p.state(slug), LessonState::InProgress, "quiz alone is not completion");
    p.apply(answered(slug, 0, false));
    p.apply(Action::TaskDone(slug));
    assert_eq!(p.state(slug), LessonState::TaskDone, "a wrong answer blocks completion");
    p.apply(answered(slug, 0, true));
    assert_eq!(p.state(slug), LessonState::Complete);
    p.apply(answered(slug, 0, false));
    assert_eq!(p.state(slug), LessonState::Complete, "completion is kept");
    p.apply(Action::ResetLesson(slug));
    assert_eq!(p.state(slug), LessonState::NotStarted);
    p.apply(Action::ResetAll);
    assert_eq!(p, Progress::default());
}

#[test]
fn the_first_answer_is_kept_while_retries_change_the_latest() {
    let slug = LessonSlug::Role;
    let q = &lesson(slug).text().quiz[0];
    let mut p = Progress::default();
    p.apply(answered(slug, 0, false));
    p.apply(answered(slug, 0, true));
    let l = p.lesson(slug);
    assert_eq!(l.answer(&q.id), Some(q.correct.as_str()));
    assert_ne!(l.first_answer(&q.id), Some(q.correct.as_str()), "the first try was wrong, and stays recorded");
    // Ids a tampered page might send are not kept.
    p.apply(Action::Answered { slug, question: "<b>".into(), option: "x".into() });
    assert_eq!(p.lesson(slug).answers.len(), 1);
}

#[test]
fn starting_again_keeps_the_first_answers_and_nothing_else() {
    let slug = LessonSlug::Role;
    let q = &lesson(slug).text().quiz[0];
    let mut p = Progress::default();
    p.apply(Action::Helped(slug));
    p.apply(Action::TaskDone(slug));
    p.apply(answered(slug, 0, false));
    let first = p.lesson(slug).first_answers.clone();
    p.apply(Action::ResetLesson(slug));
    let l = p.lesson(slug);
    assert_eq!(l.first_answers, first, "the quiz's first attempt outlives a restart");
    assert!(l.is_fresh() && !l.helped && !l.task_done && l.answers.is_empty());
    assert_eq!(l.state(), LessonState::NotStarted);
    p.apply(answered(slug, 0, true));
    assert_ne!(p.lesson(slug).first_answer(&q.id), Some(q.correct.as_str()), "answering right after a restart is not a first attempt");
}

#[test]
fn a_prediction_locks_once_the_first_run_has_shown_its_result() {
    let slug = LessonSlug::Data;
    let mut p = Progress::default();
    p.apply(Action::Revealed { slug, observed: Some(0.5) });
    assert!(!p.lesson(slug).revealed, "nothing to reveal before a prediction");
    p.apply(Action::Predicted { slug, option: "most".into() });
    p.apply(Action::Predicted { slug, option: "few".into() });
    assert_eq!(p.lesson(slug).prediction.as_deref(), Some("few"), "free to change before the run");
    p.apply(Action::Revealed { slug, observed: Some(0.8) });
    p.apply(Action::Predicted { slug, option: "most".into() });
    p.apply(Action::Revealed { slug, observed: Some(0.1) });
    let l = p.lesson(slug);
    assert_eq!((l.prediction.as_deref(), l.observed, l.revealed), (Some("few"), Some(0.8), true));
    assert_eq!(l.state(), LessonState::InProgress);
}

#[test]
fn show_me_marks_completion_with_help_until_the_lesson_starts_again() {
    let slug = LessonSlug::Cost;
    let mut p = Progress::default();
    p.apply(Action::Helped(slug));
    p.apply(Action::TaskDone(slug));
    for q in 0..lesson(slug).text().quiz.len() {
        p.apply(answered(slug, q, true));
    }
    assert_eq!(p.state(slug), LessonState::CompleteWithHelp);
    assert_eq!(p.completed_count(), 1, "complete with help still counts");
    p.apply(Action::ResetLesson(slug));
    assert_eq!(p.state(slug), LessonState::NotStarted);
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
    assert_eq!(progress.completed_count(), LessonSlug::ALL.len() as u32);
    assert_eq!(progress.next_lesson(), None);
}

#[test]
fn merging_keeps_the_further_state_and_the_first_answers() {
    let slug = LessonSlug::Role;
    let mut theirs = Progress::default();
    theirs.apply(Action::Predicted { slug, option: "over-half".into() });
    theirs.apply(Action::Revealed { slug, observed: Some(0.4) });
    theirs.apply(Action::TaskDone(slug));
    theirs.apply(Action::Answered { slug, question: "laptop-roles".into(), option: "router".into() });
    let mut mine = Progress::default();
    mine.apply(Action::Predicted { slug, option: "under-half".into() });
    mine.apply(Action::Answered { slug, question: "laptop-roles".into(), option: "both-roles".into() });
    mine.apply(Action::Started(LessonSlug::Cost));
    mine.merge(&theirs);
    let l = mine.lesson(slug);
    assert!(l.task_done && l.revealed && l.started);
    // The prediction locked by the other copy's run is the one kept.
    assert_eq!((l.prediction.as_deref(), l.observed), (Some("over-half"), Some(0.4)));
    // Each first answer once; this copy's latest answer wins.
    assert_eq!(l.first_answers.len(), 1);
    assert_eq!(l.answer("laptop-roles"), Some("both-roles"));
    assert!(mine.lesson(LessonSlug::Cost).started, "nothing of this copy is lost");
    // Merging never undoes: the other way round, the same lesson stays done.
    let mut back = theirs.clone();
    back.merge(&Progress::default());
    assert_eq!(back, theirs);
}

#[test]
fn the_first_attempt_needs_every_question_and_ignores_later_answers() {
    let mut l = LessonProgress::default();
    let key = [("a", "x"), ("b", "y")];
    assert_eq!(l.first_attempt(&key), None);
    l.set_answer("a", "z");
    assert_eq!(l.first_attempt(&key), None, "one question still open");
    l.set_answer("b", "y");
    l.set_answer("a", "x");
    assert_eq!(l.first_attempt(&key), Some((1, 2)));
    assert_eq!(l.first_attempt(&[]), None, "no quiz, no score");
}

#[test]
fn show_me_after_completion_leaves_the_completion_as_it_was() {
    let slug = LessonSlug::Role;
    let mut p = Progress::default();
    p.apply(Action::TaskDone(slug));
    for (q, right) in crate::lessons::text::answer_key(slug) {
        p.apply(Action::Answered { slug, question: (*q).to_owned(), option: (*right).to_owned() });
    }
    assert_eq!(p.lesson(slug).state(), LessonState::Complete);
    p.apply(Action::Helped(slug));
    assert_eq!(p.lesson(slug).state(), LessonState::Complete, "not \"with help\"");
    p.apply(Action::ResetLesson(slug));
    p.apply(Action::Helped(slug));
    assert!(p.lesson(slug).helped, "help before completing counts");
}
