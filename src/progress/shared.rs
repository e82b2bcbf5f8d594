//! Saving when more than one tab has the app open, perhaps of different
//! builds (one opened before a new deploy, one after). Each tab remembers
//! what it last read or wrote; a save goes straight through only over
//! that. If another tab saved since, its progress is merged in first
//! (`Progress::merge_since`), so no tab ever writes over what another saved,
//! and a lesson another tab started again stays started again. If
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
    let now = match storage.get(STORAGE_KEY) {
        Ok(now) => now,
        Err(e) => {
            // Kept in the page, as the notice says.
            mine.apply(action);
            return Err(e);
        }
    };
    let mut outcome = Saved::Written;
    if let Some(theirs) = now.filter(|now| seen.0.as_ref() != Some(now)) {
        match parse(&theirs) {
            Ok(theirs) => {
                // What both tabs last agreed on tells a lesson the other
                // tab started again from one it never touched.
                let base = seen.0.as_deref().and_then(|s| parse(s).ok()).unwrap_or_default();
                mine.merge_since(&base, &theirs);
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
