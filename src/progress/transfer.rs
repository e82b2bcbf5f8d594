//! Progress carried to another browser in a file: exported in the saved
//! format with a mark that says whose it is, read back with the same checks
//! as saved progress, and compared with what is here before anything
//! changes.

use crate::json::{self, Value};
use crate::lessons::LessonSlug;
use crate::progress::model::{LessonState, Progress};
use crate::progress::store::{parse, to_json, LoadNotice};

/// What marks a file as ours.
const APP: &str = "hub-and-mesh";
/// Far more than eleven lessons' progress takes (about 5 KB at most).
pub const MAX_FILE_LEN: usize = 64 * 1024;
pub const TOO_LARGE: &str = "the file is far larger than any progress file";

/// FNV-1a, 32 bits: enough to tell a file changed by hand or damaged.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes.into_iter().fold(0x811c_9dc5, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The file to download: the saved format, marked as ours, with a
/// checksum of what it holds (the saved format is written one way only, so
/// reading and writing it again gives the same text).
pub fn export(progress: &Progress) -> String {
    let saved = to_json(progress);
    // `{"version":…` becomes `{"app":"hub-and-mesh","check":"…","version":…`.
    format!("{{\"app\":\"{APP}\",\"check\":\"{}\",{}", fnv1a(saved.bytes()), &saved[1..])
}

/// Why a file or code cannot be taken in, in words for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

/// Reads an exported file back. Refuses, with the reason, what is not
/// ours, damaged, tampered, too large or from a newer version.
pub fn read_export(text: &str) -> Result<Progress, Refused> {
    if text.len() > MAX_FILE_LEN {
        return Err(Refused(TOO_LARGE.into()));
    }
    let value = json::parse(text).map_err(|_| Refused("the file is not a Hub & Mesh progress file (it is not JSON)".into()))?;
    if !matches!(value.get("app"), Some(Value::String(app)) if app == APP) {
        return Err(Refused("the file is not a Hub & Mesh progress file".into()));
    }
    let progress = parse(text).map_err(|notice| match notice {
        LoadNotice::FromNewerVersion { version } => {
            Refused(format!("the file comes from a newer version of Hub & Mesh (format {version}): open it there, or update this copy"))
        }
        LoadNotice::Unreadable { reason } | LoadNotice::StorageUnavailable { reason } => Refused(format!("the file is damaged: {reason}")),
    })?;
    let sum = fnv1a(to_json(&progress).bytes()).to_string();
    if !matches!(value.get("check"), Some(Value::String(check)) if *check == sum) {
        return Err(Refused("the file has been changed since it was exported (its checksum does not match)".into()));
    }
    Ok(progress)
}

/// One lesson whose state an import would change: as it is here, as the
/// other copy has it, and as merging would leave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub slug: LessonSlug,
    pub here: LessonState,
    pub theirs: LessonState,
    pub merged: LessonState,
}

/// The lessons whose state an import would change, by replacing or by
/// merging.
pub fn changes(here: &Progress, theirs: &Progress) -> Vec<Change> {
    let mut merged = here.clone();
    merged.merge(theirs);
    LessonSlug::ALL
        .into_iter()
        .map(|slug| Change { slug, here: here.state(slug), theirs: theirs.state(slug), merged: merged.state(slug) })
        .filter(|c| c.here != c.theirs || c.here != c.merged)
        .collect()
}

impl Change {
    /// Whether this lesson's state changes when the import merges or replaces.
    pub fn changes(&self, replace: bool) -> bool {
        self.here != if replace { self.theirs } else { self.merged }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Action;

    fn some_progress() -> Progress {
        let mut p = Progress::default();
        p.apply(Action::TaskDone(LessonSlug::Role));
        p.apply(Action::Answered { slug: LessonSlug::Role, question: "q1".into(), option: "a".into() });
        p.apply(Action::Started(LessonSlug::Cost));
        p
    }

    #[test]
    fn an_export_reads_back_as_it_was() {
        let p = some_progress();
        let file = export(&p);
        assert!(file.starts_with(r#"{"app":"hub-and-mesh","check":""#) && file.contains(r#"","version":2,"lessons":{"#), "{file}");
        assert_eq!(read_export(&file), Ok(p));
        assert_eq!(read_export(&export(&Progress::default())), Ok(Progress::default()));
    }

    #[test]
    fn broken_foreign_tampered_large_or_newer_files_are_refused_with_a_reason() {
        let cases = [
            ("", "not JSON"),
            ("{\"app\":\"hub-and-mesh\",", "not JSON"),
            (r#"{"version":2,"lessons":{}}"#, "not a Hub & Mesh progress file"),
            (r#"{"app":"other","version":2,"lessons":{}}"#, "not a Hub & Mesh progress file"),
            (r#"{"app":"hub-and-mesh","version":9,"lessons":{}}"#, "newer version"),
            (r#"{"app":"hub-and-mesh","version":2,"lessons":{"role":{"completed":"yes"}}}"#, "damaged"),
            (r#"{"app":"hub-and-mesh","version":2,"lessons":{"role":{"answers":{"q":"<script>"}}}}"#, "damaged"),
            (r#"{"app":"hub-and-mesh","version":2,"lessons":{"moon":{}}}"#, "damaged"),
        ];
        for (file, says) in cases {
            let why = read_export(file).expect_err(file).0;
            assert!(why.contains(says), "{file}: {why}");
        }
        // Edited by hand: a lesson marked complete that was not.
        let file = export(&some_progress());
        let edited = file.replace(r#""completed":false"#, r#""completed":true"#);
        assert_ne!(edited, file);
        assert!(read_export(&edited).unwrap_err().0.contains("changed since it was exported"));
        assert!(read_export(&file.replace(r#""check":""#, r#""chock":""#)).unwrap_err().0.contains("changed"), "no checksum, no import");
        let huge = format!(r#"{{"app":"hub-and-mesh","version":2,"pad":"{}"}}"#, "x".repeat(MAX_FILE_LEN));
        assert!(read_export(&huge).unwrap_err().0.contains("larger"));
    }

    #[test]
    fn changes_name_each_lesson_that_differs_with_what_merging_keeps() {
        let here = some_progress();
        let mut theirs = Progress::default();
        theirs.apply(Action::Started(LessonSlug::Role));
        theirs.apply(Action::Started(LessonSlug::Data));
        let c = changes(&here, &theirs);
        let role = c.iter().find(|c| c.slug == LessonSlug::Role).unwrap();
        assert_eq!((role.here, role.theirs, role.merged), (LessonState::TaskDone, LessonState::InProgress, LessonState::TaskDone), "merging never downgrades");
        assert!(c.iter().any(|c| c.slug == LessonSlug::Data && c.merged == LessonState::InProgress));
        assert!(c.iter().any(|c| c.slug == LessonSlug::Cost && c.theirs == LessonState::NotStarted && c.merged == LessonState::InProgress));
        assert!(changes(&here, &here).is_empty());
        assert_eq!(c.iter().filter(|c| c.changes(false)).count(), 1, "a merge changes only the lesson started there");
        assert_eq!(c.iter().filter(|c| c.changes(true)).count(), 3, "replacing changes all three");
    }
}
