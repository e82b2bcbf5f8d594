//! Where progress is kept: a small key-value trait, so the rules for loading
//! and saving test natively against memory, and the browser plugs in
//! localStorage (or memory, when an embedding page blocks storage).

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Storage exists but refused (quota full, private mode, blocked in a
    /// third-party frame).
    Unavailable(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(f, "this browser refused to save progress ({why})"),
        }
    }
}

pub trait Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
}

/// Progress kept only while the page is open. A handful of keys at most,
/// so a plain list.
#[derive(Clone, Debug, Default)]
pub struct MemoryStorage {
    values: Vec<(String, String)>,
}

impl Storage for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.values.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.remove(key)?;
        self.values.push((key.to_owned(), value.to_owned()));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.values.retain(|(k, _)| k != key);
        Ok(())
    }
}

/// Storage that refuses everything, as a browser blocking it does.
#[cfg(test)]
pub struct Blocked;

#[cfg(test)]
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
