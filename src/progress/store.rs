//! Loading and saving progress under its versioned key.

use crate::progress::model::{Progress, SCHEMA_VERSION};
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

fn parse(raw: &str) -> Result<Progress, LoadNotice> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| LoadNotice::Unreadable { reason: format!("not valid JSON: {e}") })?;
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| LoadNotice::Unreadable { reason: "it has no format version".to_owned() })?;
    if version > SCHEMA_VERSION as u64 {
        return Err(LoadNotice::FromNewerVersion { version: version.min(u32::MAX as u64) as u32 });
    }
    // Version 1 is the first format: there is nothing older to migrate yet.
    // A future version 2 would convert `value` here before reading it.
    let mut progress: Progress = serde_json::from_value(value)
        .map_err(|e| LoadNotice::Unreadable { reason: format!("unexpected contents: {e}") })?;
    progress.version = SCHEMA_VERSION;
    Ok(progress)
}

pub fn save(storage: &mut dyn Storage, progress: &Progress) -> Result<(), StorageError> {
    // Serialising plain maps of bools and numbers cannot fail.
    let json = serde_json::to_string(progress).unwrap_or_default();
    storage.set(STORAGE_KEY, &json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::LessonSlug;
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
        progress.lesson_mut(LessonSlug::Cost).quiz_answers.insert(1, 3);
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
