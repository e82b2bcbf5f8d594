//! The learner's progress: what each lesson's state is, saved under one
//! versioned key. Loading never fails: corrupted or unknown data is set aside
//! (kept under a backup key, never silently dropped) and the learner is told.

pub mod code;
pub mod dates;
pub mod model;
pub mod record;
pub mod shared;
pub mod storage;
pub mod store;
pub mod transfer;
mod v1;

pub use model::{Action, LessonProgress, LessonState, Progress, SCHEMA_VERSION};
pub use shared::{apply_and_save, Saved, Seen};
pub use storage::{MemoryStorage, Storage, StorageError};
pub use store::{load, save, to_json, LoadNotice, BACKUP_KEY, STORAGE_KEY};
