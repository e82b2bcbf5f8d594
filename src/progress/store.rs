//! Loading and saving progress under its versioned key.

use crate::lessons::slug::UnknownLesson;
use crate::lessons::LessonSlug;
use crate::json::{self, Value};
use crate::progress::model::{valid_id, Progress, MAX_ANSWERS, SCHEMA_VERSION};
use crate::progress::v1::v1_answer;
use crate::progress::storage::{Storage, StorageError};

pub const STORAGE_KEY: &str = "hub-and-mesh.progress";
/// Unreadable progress is moved here rather than deleted, so a later version
/// (or a helpful teacher) can still recover it.
pub const BACKUP_KEY: &str = "hub-and-mesh.progress.unreadable";

/// Something the learner should be told about their saved progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadNotice {
    /// The saved data could not be read; it was set aside and progress
    /// starts afresh.
    Unreadable { reason: String },
    /// Saved by a newer version of the app: left as it is, and this page
    /// saves nothing over it (`shared`).
    FromNewerVersion { version: u32 },
    /// The browser refuses storage: progress lasts only while the page is open.
    StorageUnavailable { reason: String },
}

impl LoadNotice {
    pub fn message(&self) -> String {
        match self {
            LoadNotice::Unreadable { reason } => format!(
                "Your saved progress could not be read ({reason}), so it starts afresh. \
                 The old data has been kept aside in this browser."
            ),
            LoadNotice::FromNewerVersion { version } => format!(
                "Your saved progress comes from a newer version of Hub & Mesh (format {version}). \
                 This page leaves it as it is and saves nothing over it: close every tab of \
                 Hub & Mesh and open it again to carry on with the newer version."
            ),
            LoadNotice::StorageUnavailable { .. } => "This page cannot save progress in your browser (storage is blocked), \
                 so progress lasts only while the page is open."
                .to_owned(),
        }
    }
}

/// Reads the saved progress. Never fails: what cannot be used is set aside
/// and reported in the notice.
pub fn load(storage: &mut dyn Storage) -> (Progress, Option<LoadNotice>) {
    let raw = match storage.get(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return (Progress::default(), None),
        Err(StorageError::Unavailable(reason)) => {
            return (Progress::default(), Some(LoadNotice::StorageUnavailable { reason }))
        }
    };
    match parse(&raw) {
        Ok(progress) => (progress, None),
        // Not ours to move: the newer version reads it where it is.
        Err(notice @ LoadNotice::FromNewerVersion { .. }) => (Progress::default(), Some(notice)),
        Err(notice) => {
            // Keep what we could not read; if even that fails, still start.
            let _ = storage.set(BACKUP_KEY, &raw);
            let _ = storage.remove(STORAGE_KEY);
            (Progress::default(), Some(notice))
        }
    }
}

fn unreadable(reason: impl Into<String>) -> LoadNotice {
    LoadNotice::Unreadable { reason: reason.into() }
}

pub(crate) fn parse(raw: &str) -> Result<Progress, LoadNotice> {
    let value = json::parse(raw).map_err(|e| unreadable(format!("not valid JSON: {} at byte {}", e.reason, e.at)))?;
    let version = match value.get("version") {
        Some(Value::Number(v)) if *v >= 1.0 && v.fract() == 0.0 => *v as u32,
        _ => return Err(unreadable("it has no format version")),
    };
    if version > SCHEMA_VERSION {
        return Err(LoadNotice::FromNewerVersion { version });
    }
    let mut progress = Progress::default();
    let lessons = match value.get("lessons") {
        None => return Ok(progress),
        Some(Value::Object(fields)) => fields,
        Some(_) => return Err(unreadable("\"lessons\" is not a list of lessons")),
    };
    for (key, saved) in lessons {
        let slug: LessonSlug = key.parse().map_err(|e: UnknownLesson| unreadable(e.to_string()))?;
        let Value::Object(fields) = saved else {
            return Err(unreadable(format!("lesson {key} is not a record")));
        };
        let lesson = progress.lesson_mut(slug);
        for (field, v) in fields {
            let bad = || unreadable(format!("lesson {key} has a bad \"{field}\""));
            match (version, field.as_str(), v) {
                (_, "started", Value::Bool(b)) => lesson.started = *b,
                (_, "task_done", Value::Bool(b)) => lesson.task_done = *b,
                (_, "completed", Value::Bool(b)) => lesson.completed = *b,
                (1, "quiz_answers", Value::Object(answers)) => {
                    for (q, choice) in answers {
                        let (Ok(question), Value::Number(c)) = (q.parse::<usize>(), choice) else { return Err(bad()) };
                        if *c < 0.0 || c.fract() != 0.0 || *c >= 64.0 {
                            return Err(bad());
                        }
                        // Version 1 named answers by position; the ids
                        // those positions meant are frozen in `V1_QUIZ`.
                        // It never knew first attempts. A question named
                        // twice keeps its last answer, so what is saved
                        // next reads back.
                        if let Some((qid, oid)) = v1_answer(slug, question, *c as usize) {
                            lesson.set_latest_answer(qid, oid);
                        }
                    }
                }
                (2, "prediction", Value::String(id)) if valid_id(id) => lesson.prediction = Some(id.clone()),
                (2, "revealed", Value::Bool(b)) => lesson.revealed = *b,
                (2, "observed", Value::Number(v)) if v.is_finite() => lesson.observed = Some(*v),
                (2, "helped", Value::Bool(b)) => lesson.helped = *b,
                (2, "answers" | "first_answers", Value::Object(answers)) => {
                    if answers.len() > MAX_ANSWERS {
                        return Err(bad());
                    }
                    let mut list = Vec::new();
                    for (q, o) in answers {
                        match o {
                            Value::String(o) if valid_id(q) && valid_id(o) => list.push((q.clone(), o.clone())),
                            _ => return Err(bad()),
                        }
                    }
                    if field == "answers" {
                        lesson.answers = list;
                    } else {
                        lesson.first_answers = list;
                    }
                }
                _ => return Err(unreadable(format!("lesson {key} has an unexpected field \"{field}\""))),
            }
        }
        // A version 1 lesson that was complete or past its task had run its
        // experiment: it stays open, as it was.
        if version == 1 && (lesson.completed || lesson.task_done) {
            lesson.revealed = true;
        }
    }
    Ok(progress)
}

/// The saved form: `{"version":2,"lessons":{"role":{"started":true,...}}}`.
/// Lessons never touched are left out.
pub fn to_json(progress: &Progress) -> String {
    let ids = |list: &[(String, String)]| Value::Object(list.iter().map(|(q, o)| (q.clone(), Value::String(o.clone()))).collect());
    let lessons = LessonSlug::ALL
        .into_iter()
        .filter(|slug| *progress.lesson(*slug) != Default::default())
        .map(|slug| {
            let l = progress.lesson(slug);
            let mut record = vec![("started".into(), Value::Bool(l.started))];
            if let Some(p) = &l.prediction {
                record.push(("prediction".into(), Value::String(p.clone())));
            }
            record.push(("revealed".into(), Value::Bool(l.revealed)));
            if let Some(v) = l.observed {
                record.push(("observed".into(), Value::Number(v)));
            }
            record.extend([
                ("task_done".into(), Value::Bool(l.task_done)),
                ("helped".into(), Value::Bool(l.helped)),
                ("first_answers".into(), ids(&l.first_answers)),
                ("answers".into(), ids(&l.answers)),
                ("completed".into(), Value::Bool(l.completed)),
            ]);
            (slug.as_str().to_owned(), Value::Object(record))
        })
        .collect();
    let doc = Value::Object(vec![
        ("version".into(), Value::Number(f64::from(SCHEMA_VERSION))),
        ("lessons".into(), Value::Object(lessons)),
    ]);
    let mut out = String::new();
    doc.write(&mut out);
    out
}

pub fn save(storage: &mut dyn Storage, progress: &Progress) -> Result<(), StorageError> {
    storage.set(STORAGE_KEY, &to_json(progress))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::storage::MemoryStorage;
    use crate::progress::Action;

    use crate::progress::storage::Blocked;

    #[test]
    fn round_trip() {
        let mut storage = MemoryStorage::default();
        let mut progress = Progress::default();
        progress.lesson_mut(LessonSlug::Cost).task_done = true;
        progress.lesson_mut(LessonSlug::Cost).set_answer("second-server", "halves");
        progress.lesson_mut(LessonSlug::Cost).set_answer("second-server", "jumps-up");
        progress.apply(Action::Predicted { slug: LessonSlug::Role, option: "over-half".into() });
        progress.apply(Action::Revealed { slug: LessonSlug::Role, observed: Some(0.375) });
        progress.apply(Action::Helped(LessonSlug::Data));
        save(&mut storage, &progress).unwrap();
        assert_eq!(load(&mut storage), (progress, None));
    }

    #[test]
    fn nothing_saved_is_a_fresh_start_without_notice() {
        assert_eq!(load(&mut MemoryStorage::default()), (Progress::default(), None));
    }

    #[test]
    fn corrupted_data_is_kept_aside_and_reported() {
        for bad in ["{not json", "[]", "{\"lessons\":{}}", "{\"version\":1,\"lessons\":{\"role\":{\"task_done\":\"yes\"}}}", "\u{0}"] {
            let mut storage = MemoryStorage::default();
            storage.set(STORAGE_KEY, bad).unwrap();
            let (progress, notice) = load(&mut storage);
            assert_eq!(progress, Progress::default(), "input {bad:?}");
            assert!(matches!(notice, Some(LoadNotice::Unreadable { .. })), "input {bad:?}: {notice:?}");
            assert_eq!(storage.get(BACKUP_KEY).unwrap().as_deref(), Some(bad), "kept aside");
            assert_eq!(storage.get(STORAGE_KEY).unwrap(), None);
        }
    }

    #[test]
    fn unknown_lessons_are_rejected_not_guessed() {
        let mut storage = MemoryStorage::default();
        storage.set(STORAGE_KEY, "{\"version\":1,\"lessons\":{\"mystery\":{}}}").unwrap();
        let (_, notice) = load(&mut storage);
        assert!(matches!(notice, Some(LoadNotice::Unreadable { .. })));
    }

    #[test]
    fn newer_versions_are_left_where_they_are() {
        let mut storage = MemoryStorage::default();
        let newer = "{\"version\":9,\"lessons\":{}}";
        storage.set(STORAGE_KEY, newer).unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(progress, Progress::default());
        assert_eq!(notice, Some(LoadNotice::FromNewerVersion { version: 9 }));
        assert_eq!(storage.get(STORAGE_KEY).unwrap().as_deref(), Some(newer), "the newer version still finds it");
        assert_eq!(storage.get(BACKUP_KEY).unwrap(), None);
    }

    #[test]
    fn reads_the_format_it_writes() {
        let mut storage = MemoryStorage::default();
        let saved = r#"{"version":2,"lessons":{"role":{"started":true,"prediction":"over-half","revealed":true,"observed":0.375,"task_done":true,"helped":false,"first_answers":{"laptop-roles":"router"},"answers":{"laptop-roles":"both-roles"},"completed":false}}}"#;
        storage.set(STORAGE_KEY, saved).unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(notice, None);
        let role = progress.lesson(LessonSlug::Role);
        assert!(role.started && role.task_done && role.revealed && !role.completed);
        assert_eq!((role.prediction.as_deref(), role.observed), (Some("over-half"), Some(0.375)));
        assert_eq!((role.first_answer("laptop-roles"), role.answer("laptop-roles")), (Some("router"), Some("both-roles")));
        assert_eq!(to_json(&progress), saved);
    }

    #[test]
    fn version_1_migrates_its_answers_by_position_to_ids() {
        let mut storage = MemoryStorage::default();
        // Role: question 0 was the prediction (not carried over), question
        // 2's option 3 was "a client when browsing, and a server...".
        // Data: question 1's option 1 ("90%") has no counterpart now.
        let saved = r#"{"version":1,"lessons":{"role":{"started":true,"task_done":true,"quiz_answers":{"0":1,"2":3},"completed":true},"data":{"started":true,"quiz_answers":{"1":1,"2":1}}}}"#;
        storage.set(STORAGE_KEY, saved).unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(notice, None);
        let role = progress.lesson(LessonSlug::Role);
        assert!(role.started && role.task_done && role.completed);
        assert!(role.revealed, "a lesson done in version 1 stays open");
        assert_eq!(role.answers, vec![("laptop-roles".to_owned(), "both-roles".to_owned())]);
        let data = progress.lesson(LessonSlug::Data);
        assert!(!data.revealed);
        assert_eq!(data.answers, vec![("server-never-stale".to_owned(), "one-copy".to_owned())]);
        // Saving writes version 2, which reads back the same.
        save(&mut storage, &progress).unwrap();
        assert!(storage.get(STORAGE_KEY).unwrap().unwrap().starts_with(r#"{"version":2,"#));
        assert_eq!(load(&mut storage), (progress, None));
    }

    #[test]
    fn a_version_1_record_naming_a_question_again_and_again_is_saved_so_it_reads_back() {
        // A crafted file once loaded with twenty answers and was saved with
        // them, a record the next visit refused.
        let again: String = (0..20).map(|i| format!("\"2\":{}", i % 4)).collect::<Vec<_>>().join(",");
        let saved = format!(r#"{{"version":1,"lessons":{{"role":{{"started":true,"quiz_answers":{{"1":0,{again}}}}}}}}}"#);
        let mut storage = MemoryStorage::default();
        storage.set(STORAGE_KEY, &saved).unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(notice, None);
        let role = progress.lesson(LessonSlug::Role);
        let last = v1_answer(LessonSlug::Role, 2, 19 % 4).unwrap();
        assert_eq!(role.answers.len(), 2, "{:?}", role.answers);
        assert_eq!(role.answer(last.0), Some(last.1));
        assert!(role.first_answers.is_empty(), "version 1 never knew first attempts");
        save(&mut storage, &progress).unwrap();
        assert_eq!(load(&mut storage), (progress, None));
    }

    #[test]
    fn tampered_ids_and_oversized_answer_lists_are_refused() {
        let long: String = (0..MAX_ANSWERS + 1).map(|i| format!("\"q{i}\":\"a\"")).collect::<Vec<_>>().join(",");
        for bad in [
            r#"{"version":2,"lessons":{"role":{"answers":{"<script>":"a"}}}}"#.to_owned(),
            r#"{"version":2,"lessons":{"role":{"prediction":"Over Half"}}}"#.to_owned(),
            r#"{"version":2,"lessons":{"role":{"answers":{"q":7}}}}"#.to_owned(),
            format!(r#"{{"version":2,"lessons":{{"role":{{"answers":{{{long}}}}}}}}}"#),
            r#"{"version":1,"lessons":{"role":{"prediction":"most"}}}"#.to_owned(),
        ] {
            let mut storage = MemoryStorage::default();
            storage.set(STORAGE_KEY, &bad).unwrap();
            let (progress, notice) = load(&mut storage);
            assert_eq!(progress, Progress::default(), "{bad}");
            assert!(matches!(notice, Some(LoadNotice::Unreadable { .. })), "{bad}: {notice:?}");
            assert_eq!(storage.get(BACKUP_KEY).unwrap(), Some(bad), "kept aside, not lost");
        }
    }

    #[test]
    fn missing_fields_take_defaults() {
        let mut storage = MemoryStorage::default();
        storage.set(STORAGE_KEY, "{\"version\":1,\"lessons\":{\"role\":{\"completed\":true}}}").unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(notice, None);
        assert!(progress.lesson(LessonSlug::Role).completed);
    }

    #[test]
    fn blocked_storage_still_loads_with_a_notice() {
        let (progress, notice) = load(&mut Blocked);
        assert_eq!(progress, Progress::default());
        assert!(matches!(notice, Some(LoadNotice::StorageUnavailable { .. })));
        assert!(save(&mut Blocked, &progress).is_err());
    }
}
