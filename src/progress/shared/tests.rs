use super::*;
use crate::lessons::LessonSlug;
use crate::progress::storage::MemoryStorage;
use crate::progress::store::load;

/// A tab: its progress in memory and what it last saw saved.
struct Tab {
    progress: Progress,
    seen: Seen,
}

fn open(storage: &mut MemoryStorage) -> Tab {
    let (progress, notice) = load(storage);
    Tab { progress, seen: Seen::after_load(storage, notice.as_ref()) }
}

fn act(storage: &mut MemoryStorage, tab: &mut Tab, action: Action) -> Saved {
    apply_and_save(storage, &mut tab.seen, &mut tab.progress, action).unwrap()
}

#[test]
fn a_lone_tab_writes_straight_through() {
    let mut storage = MemoryStorage::default();
    let mut tab = open(&mut storage);
    assert_eq!(act(&mut storage, &mut tab, Action::Started(LessonSlug::Role)), Saved::Written);
    assert_eq!(act(&mut storage, &mut tab, Action::TaskDone(LessonSlug::Role)), Saved::Written);
    assert_eq!(load(&mut storage).0, tab.progress);
}

#[test]
fn a_tab_opened_earlier_never_writes_over_what_a_later_one_saved() {
    let mut storage = MemoryStorage::default();
    // The old tab opens first; a newer one opens, and the learner works there.
    let mut old = open(&mut storage);
    let mut new = open(&mut storage);
    act(&mut storage, &mut new, Action::TaskDone(LessonSlug::Cost));
    act(&mut storage, &mut new, Action::Predicted { slug: LessonSlug::Data, option: "most".into() });
    // Back in the old tab, which knows nothing of that.
    assert_eq!(act(&mut storage, &mut old, Action::Started(LessonSlug::Role)), Saved::Merged);
    let saved = load(&mut storage).0;
    assert!(saved.lesson(LessonSlug::Cost).task_done, "the newer tab's work survives");
    assert_eq!(saved.lesson(LessonSlug::Data).prediction.as_deref(), Some("most"));
    assert!(saved.lesson(LessonSlug::Role).started, "and so does the old tab's");
    // And the newer tab, in turn, keeps the old one's.
    assert_eq!(act(&mut storage, &mut new, Action::Started(LessonSlug::Focus)), Saved::Merged);
    assert!(load(&mut storage).0.lesson(LessonSlug::Role).started);
}

#[test]
fn a_reset_in_this_tab_still_resets() {
    let mut storage = MemoryStorage::default();
    let mut a = open(&mut storage);
    let mut b = open(&mut storage);
    act(&mut storage, &mut b, Action::TaskDone(LessonSlug::Cost));
    act(&mut storage, &mut a, Action::ResetAll);
    assert_eq!(load(&mut storage).0, Progress::default(), "the action comes after the merge");
}

#[test]
fn progress_from_a_newer_version_is_never_written_over() {
    let mut storage = MemoryStorage::default();
    let newer = r#"{"version":3,"lessons":{"role":{"completed":true,"badge":"gold"}}}"#;
    storage.set(STORAGE_KEY, newer).unwrap();
    let mut tab = open(&mut storage);
    let said = act(&mut storage, &mut tab, Action::Started(LessonSlug::Role));
    assert!(matches!(&said, Saved::Refused(why) if why.contains("newer version")), "{said:?}");
    assert!(tab.progress.lesson(LessonSlug::Role).started, "kept in this page");
    assert_eq!(storage.get(STORAGE_KEY).unwrap().as_deref(), Some(newer));
    // Nor when the newer version saves after this tab opened.
    let mut storage = MemoryStorage::default();
    let mut tab = open(&mut storage);
    act(&mut storage, &mut tab, Action::Started(LessonSlug::Role));
    storage.set(STORAGE_KEY, newer).unwrap();
    assert!(matches!(act(&mut storage, &mut tab, Action::TaskDone(LessonSlug::Role)), Saved::Refused(_)));
    assert_eq!(storage.get(STORAGE_KEY).unwrap().as_deref(), Some(newer));
}

#[test]
fn a_reset_in_another_tab_stays_reset() {
    let mut storage = MemoryStorage::default();
    let mut a = open(&mut storage);
    act(&mut storage, &mut a, Action::TaskDone(LessonSlug::Cost));
    let answer = Action::Answered { slug: LessonSlug::Cost, question: "q1".into(), option: "a".into() };
    act(&mut storage, &mut a, answer);
    act(&mut storage, &mut a, Action::Started(LessonSlug::Role));
    let mut b = open(&mut storage);
    // The learner starts the cost lesson again in one tab (a course page
    // can ask for the same through the embed)...
    act(&mut storage, &mut b, Action::ResetLesson(LessonSlug::Cost));
    // ...then works on in the other, which still holds the old state.
    assert_eq!(act(&mut storage, &mut a, Action::Started(LessonSlug::Data)), Saved::Merged);
    let saved = load(&mut storage).0;
    let cost = saved.lesson(LessonSlug::Cost);
    assert!(cost.is_fresh() && !cost.task_done && cost.answers.is_empty(), "the reset stays: {cost:?}");
    assert_eq!(cost.first_answer("q1"), Some("a"), "with its first answers");
    assert!(saved.lesson(LessonSlug::Role).started && saved.lesson(LessonSlug::Data).started);
    // And resetting everything in one tab is not undone by the other.
    act(&mut storage, &mut b, Action::ResetAll);
    act(&mut storage, &mut a, Action::Started(LessonSlug::Focus));
    let saved = load(&mut storage).0;
    assert!(saved.lesson(LessonSlug::Focus).started);
    assert!(!saved.lesson(LessonSlug::Role).started && !saved.lesson(LessonSlug::Data).started);
}

#[test]
fn a_refused_read_keeps_the_action_in_the_page() {
    let mut mine = Progress::default();
    let said = apply_and_save(&mut crate::progress::storage::Blocked, &mut Seen::default(), &mut mine, Action::Started(LessonSlug::Role));
    assert!(said.is_err());
    assert!(mine.lesson(LessonSlug::Role).started);
}
