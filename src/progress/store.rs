//! Loading and saving progress under its versioned key.

use crate::lessons::slug::UnknownLesson;
use crate::lessons::LessonSlug;
use crate::json::{self, Value};
use crate::progress::model::{Progress, MAX_QUESTIONS, SCHEMA_VERSION};
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
    /// Saved by a newer version of the app; set aside, starting afresh.
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
                "Your saved progress comes from a newer version of Hub & Mesh (format {version}), \
                 so this copy starts afresh. The saved data has been kept aside."
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

fn parse(raw: &str) -> Result<Progress, LoadNotice> {
    let value = json::parse(raw).map_err(|e| unreadable(format!("not valid JSON: {} at byte {}", e.reason, e.at)))?;
    let version = match value.get("version") {
        Some(Value::Number(v)) if *v >= 1.0 && v.fract() == 0.0 => *v,
        _ => return Err(unreadable("it has no format version")),
    };
    if version > f64::from(SCHEMA_VERSION) {
        return Err(LoadNotice::FromNewerVersion { version: version.min(f64::from(u32::MAX)) as u32 });
    }
    // Version 1 is the first format: there is nothing older to migrate yet.
    // A future version 2 would convert `value` here before reading it.
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
            match (field.as_str(), v) {
                ("started", Value::Bool(b)) => lesson.started = *b,
                ("task_done", Value::Bool(b)) => lesson.task_done = *b,
                ("completed", Value::Bool(b)) => lesson.completed = *b,
                ("quiz_answers", Value::Object(answers)) => {
                    for (q, choice) in answers {
                        let question = q.parse::<u32>().ok().filter(|q| *q < MAX_QUESTIONS);
                        match (question, choice) {
                            (Some(question), Value::Number(c)) if *c >= 0.0 && c.fract() == 0.0 && *c < 64.0 => {
                                lesson.set_answer(question, *c as u32)
                            }
                            _ => return Err(unreadable(format!("lesson {key} has a bad quiz answer"))),
                        }
                    }
                }
                _ => return Err(unreadable(format!("lesson {key} has an unexpected field \"{field}\""))),
            }
        }
    }
    Ok(progress)
}

/// The saved form: `{"version":1,"lessons":{"role":{"started":true,...}}}`.
/// Lessons never touched are left out.
pub fn to_json(progress: &Progress) -> String {
    let lessons = LessonSlug::ALL
        .into_iter()
        .filter(|slug| *progress.lesson(*slug) != Default::default())
        .map(|slug| {
            let l = progress.lesson(slug);
            let answers = l
                .quiz_answers
                .iter()
                .enumerate()
                .filter_map(|(q, a)| a.map(|c| (q.to_string(), Value::Number(f64::from(c)))))
                .collect();
            let record = Value::Object(vec![
                ("started".into(), Value::Bool(l.started)),
                ("task_done".into(), Value::Bool(l.task_done)),
                ("quiz_answers".into(), Value::Object(answers)),
                ("completed".into(), Value::Bool(l.completed)),
            ]);
            (slug.as_str().to_owned(), record)
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

    struct Blocked;
    impl Storage for Blocked {
        fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
            Err(StorageError::Unavailable("SecurityError".into()))
        }
        fn set(&mut self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable("SecurityError".into()))
        }
        fn remove(&mut self, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable("SecurityError".into()))
        }
    }

    #[test]
    fn round_trip() {
        let mut storage = MemoryStorage::default();
        let mut progress = Progress::default();
        progress.lesson_mut(LessonSlug::Cost).task_done = true;
        progress.lesson_mut(LessonSlug::Cost).set_answer(1, 3);
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
    fn newer_versions_are_set_aside() {
        let mut storage = MemoryStorage::default();
        storage.set(STORAGE_KEY, "{\"version\":9,\"lessons\":{}}").unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(progress, Progress::default());
        assert_eq!(notice, Some(LoadNotice::FromNewerVersion { version: 9 }));
        assert!(storage.get(BACKUP_KEY).unwrap().is_some());
    }

    #[test]
    fn reads_the_format_it_has_always_written() {
        let mut storage = MemoryStorage::default();
        let saved = r#"{"version":1,"lessons":{"role":{"started":true,"task_done":true,"quiz_answers":{"0":1,"2":0},"completed":false}}}"#;
        storage.set(STORAGE_KEY, saved).unwrap();
        let (progress, notice) = load(&mut storage);
        assert_eq!(notice, None);
        let role = progress.lesson(LessonSlug::Role);
        assert!(role.started && role.task_done && !role.completed);
        assert_eq!((role.answer(0), role.answer(1), role.answer(2)), (Some(1), None, Some(0)));
        assert_eq!(to_json(&progress), saved);
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
