//! The browser's localStorage behind the progress `Storage` trait, or memory
//! when the browser refuses storage (third-party iframes often do).

use crate::progress::{MemoryStorage, Storage, StorageError};

pub struct LocalStorage(web_sys::Storage);

impl LocalStorage {
    /// The page's localStorage, or why it cannot be had.
    pub fn open() -> Result<LocalStorage, StorageError> {
        let window = gloo::utils::window();
        match window.local_storage() {
            Ok(Some(s)) => {
                // Some browsers hand out a storage object that throws on use.
                let probe = "hub-and-mesh.probe";
                s.set_item(probe, "1").map_err(|_| unavailable("writing is blocked"))?;
                let _ = s.remove_item(probe);
                Ok(LocalStorage(s))
            }
            Ok(None) => Err(unavailable("no localStorage")),
            Err(_) => Err(unavailable("access denied")),
        }
    }
}

fn unavailable(why: &str) -> StorageError {
    StorageError::Unavailable(why.to_owned())
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get_item(key).map_err(|_| unavailable("reading is blocked"))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.set_item(key, value).map_err(|_| unavailable("writing is blocked or full"))
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.0.remove_item(key).map_err(|_| unavailable("writing is blocked"))
    }
}

/// localStorage if the browser allows it, otherwise memory and the reason.
pub fn open_storage() -> (Box<dyn Storage>, Option<StorageError>) {
    match LocalStorage::open() {
        Ok(s) => (Box::new(s), None),
        Err(e) => (Box::new(MemoryStorage::default()), Some(e)),
    }
}
