//! Saving when more than one tab has the app open, perhaps of different
//! builds (one opened before a new deploy, one after). Each tab remembers
//! what it last read or wrote; a save goes straight through only over
//! that. If another tab saved since, its progress is merged in first
//! (`Progress::merge`), so no tab ever writes over what another saved. If
//! what is saved cannot be read (a newer version's format), this tab
//! writes nothing at all.

use crate::progress::model::{Action, Progress};
use crate::progress::storage::{Storage, StorageError};
use crate::progress::store::{parse, to_json, LoadNotice, STORAGE_KEY};

/// What a tab knows of the saved progress: the text it last read or
/// wrote, or `None` when it must not write (see `Tab::open`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seen(Option<String>);

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Written over what this tab last saw.
    Written,
    /// Another tab had saved since: its progress was merged in first.
    Merged,
    /// Nothing written: what is saved cannot be read by this version.
    Refused(String),
}

impl Seen {
    /// What is saved now, once `load` has read it (and set aside anything
    /// unreadable): a tab that loaded progress from a newer version sees
    /// nothing, so it never writes over it.
    pub fn after_load(storage: &dyn Storage, notice: Option<&LoadNotice>) -> Seen {
        match notice {
            Some(LoadNotice::FromNewerVersion { .. }) => Seen(None),
            _ => Seen(storage.get(STORAGE_KEY).ok().flatten()),
        }
    }
}

/// Applies `action` to `mine` and saves it, taking in first whatever
/// another tab has saved since this one last looked.
pub fn apply_and_save(storage: &mut dyn Storage, seen: &mut Seen, mine: &mut Progress, action: Action) -> Result<Saved, StorageError> {
    let now = storage.get(STORAGE_KEY)?;
    let mut outcome = Saved::Written;
    if let Some(theirs) = now.filter(|now| seen.0.as_ref() != Some(now)) {
        match parse(&theirs) {
            Ok(theirs) => {
                mine.merge(&theirs);
                outcome = Saved::Merged;
            }
            Err(notice) => {
                mine.apply(action);
                return Ok(Saved::Refused(notice.message()));
            }
        }
    }
    mine.apply(action);
    let json = to_json(mine);
    storage.set(STORAGE_KEY, &json)?;
    seen.0 = Some(json);
    Ok(outcome)
}

#[cfg(test)]
mod tests;
