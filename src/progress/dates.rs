//! The day each lesson was completed, for the completion record. Kept under
//! a key of its own beside the progress, so the progress format (version 2)
//! stays as it is: a lesson has a date when it was completed in this
//! browser, and none when its completion came from a file, a code or a
//! version of the app that kept no dates.

use crate::json::{self, Value};
use crate::lessons::LessonSlug;
use crate::progress::{Progress, Storage};

pub const DATES_KEY: &str = "hub-and-mesh.completed-on";

/// A calendar day, checked: the year 2000 to 9999, a real month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

impl Day {
    pub fn new(year: u32, month: u32, day: u32) -> Option<Day> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        ((2000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Day { year: year as u16, month: month as u8, day: day as u8 })
    }

    /// `2026-12-01`: the same in every language, and sorted as text.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `1 December 2026`, as the record prints it.
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        format!("{} {} {}", self.day, MONTHS[usize::from(self.month - 1) % 12], self.year)
    }

    pub fn from_iso(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| text.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
        Day::new(num(0..4)?, num(5..7)?, num(8..10)?)
    }

    /// `20261201`, for the share link.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    pub fn from_compact(text: &str) -> Option<Day> {
        let ok = text.len() == 8 && text.is_ascii();
        ok.then(|| Day::from_iso(&format!("{}-{}-{}", &text[..4], &text[4..6], &text[6..]))).flatten()
    }
}

/// Each lesson's completion day, in course order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompletionDates([Option<Day>; LessonSlug::ALL.len()]);

impl CompletionDates {
    pub fn get(&self, slug: LessonSlug) -> Option<Day> {
        self.0[slug.position() as usize]
    }

    /// After a change to the progress: a lesson that became complete is
    /// dated `today`, unless it came complete from elsewhere (`brought`), and
    /// one no longer complete loses its date.
    pub fn follow(&mut self, before: &Progress, after: &Progress, brought: bool, today: Day) {
        for slug in LessonSlug::ALL {
            let slot = &mut self.0[slug.position() as usize];
            let (was, is) = (before.lesson(slug).completed, after.lesson(slug).completed);
            if !is {
                *slot = None;
            } else if !was && !brought && slot.is_none() {
                *slot = Some(today);
            }
        }
    }

    pub fn to_json(&self) -> String {
        let fields = LessonSlug::ALL
            .into_iter()
            .filter_map(|s| self.get(s).map(|d| (s.as_str().to_owned(), Value::String(d.iso()))))
            .collect();
        let mut out = String::new();
        Value::Object(fields).write(&mut out);
        out
    }

    /// Reads what `to_json` wrote. Anything else, whole or in part, is
    /// refused: a record shows no date rather than a wrong one.
    pub fn from_json(text: &str) -> Result<CompletionDates, String> {
        let Ok(Value::Object(fields)) = json::parse_up_to(text, 4096) else {
            return Err("they are not a list of days".to_owned());
        };
        let mut dates = CompletionDates::default();
        for (key, value) in fields {
            let slug: LessonSlug = key.parse().map_err(|_| "they name a lesson this version does not have".to_owned())?;
            let day = match value {
                Value::String(s) => Day::from_iso(&s),
                _ => None,
            };
            dates.0[slug.position() as usize] = Some(day.ok_or("one of them is not a date")?);
        }
        Ok(dates)
    }

    /// The dates saved in this browser, or why they cannot be read.
    pub fn load(storage: &dyn Storage) -> Result<CompletionDates, String> {
        match storage.get(DATES_KEY) {
            Ok(Some(text)) => CompletionDates::from_json(&text),
            Ok(None) => Ok(CompletionDates::default()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Brings the saved dates in line with a change to the progress. Dates
    /// that cannot be read are left as they are, for the record to say so.
    pub fn record(storage: &mut dyn Storage, before: &Progress, after: &Progress, brought: bool, today: Day) {
        // Most changes (an answer, a run) complete nothing: no reading then.
        if LessonSlug::ALL.into_iter().all(|s| before.lesson(s).completed == after.lesson(s).completed) {
            return;
        }
        if let Ok(mut dates) = CompletionDates::load(storage) {
            let old = dates.clone();
            dates.follow(before, after, brought, today);
            if dates != old {
                let _ = storage.set(DATES_KEY, &dates.to_json());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Action, MemoryStorage};

    fn day(d: u32) -> Day {
        Day::new(2026, 12, d).unwrap()
    }

    fn completed(slugs: &[LessonSlug]) -> Progress {
        let mut p = Progress::default();
        for &s in slugs {
            p.lesson_mut(s).completed = true;
        }
        p
    }

    #[test]
    fn days_are_checked_and_written_three_ways() {
        assert_eq!(Day::new(2028, 2, 29).map(Day::iso).as_deref(), Some("2028-02-29"));
        for (y, m, d) in [(2026, 2, 29), (2100, 2, 29), (2026, 13, 1), (2026, 4, 31), (2026, 1, 0), (1999, 12, 31), (10000, 1, 1)] {
            assert_eq!(Day::new(y, m, d), None, "{y}-{m}-{d}");
        }
        assert_eq!(day(1).long(), "1 December 2026");
        assert_eq!(Day::from_compact(&day(9).compact()), Some(day(9)));
        for bad in ["2026-1-01", "2026/12/01", "2026-12-32", "+026-12-01", "２０２６-12-01", "2026-12-01 "] {
            assert_eq!(Day::from_iso(bad), None, "{bad}");
        }
        for bad in ["2026121", "20261301", "2026-1201", "2026120١"] {
            assert_eq!(Day::from_compact(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_lesson_completed_here_is_dated_and_loses_its_date_when_started_again() {
        let mut dates = CompletionDates::default();
        let none = Progress::default();
        let role = completed(&[LessonSlug::Role]);
        dates.follow(&none, &role, false, day(1));
        assert_eq!(dates.get(LessonSlug::Role), Some(day(1)));
        // Later changes keep the day it was completed.
        let both = completed(&[LessonSlug::Role, LessonSlug::Cost]);
        dates.follow(&role, &both, false, day(3));
        assert_eq!((dates.get(LessonSlug::Role), dates.get(LessonSlug::Cost)), (Some(day(1)), Some(day(3))));
        let mut restarted = both.clone();
        restarted.apply(Action::ResetLesson(LessonSlug::Role));
        dates.follow(&both, &restarted, false, day(4));
        assert_eq!(dates.get(LessonSlug::Role), None);
        dates.follow(&restarted, &none, false, day(5));
        assert_eq!(dates, CompletionDates::default(), "reset: no dates");
    }

    #[test]
    fn a_completion_brought_from_elsewhere_has_no_date() {
        let mut dates = CompletionDates::default();
        dates.follow(&Progress::default(), &completed(&[LessonSlug::Role]), true, day(1));
        assert_eq!(dates.get(LessonSlug::Role), None);
    }

    #[test]
    fn saved_dates_round_trip_and_damaged_ones_are_refused_and_left_alone() {
        let mut storage = MemoryStorage::default();
        let role = completed(&[LessonSlug::Role]);
        CompletionDates::record(&mut storage, &Progress::default(), &role, false, day(2));
        assert_eq!(storage.get(DATES_KEY).unwrap().as_deref(), Some("{\"role\":\"2026-12-02\"}"));
        assert_eq!(CompletionDates::load(&storage).unwrap().get(LessonSlug::Role), Some(day(2)));
        for bad in ["", "[]", "{\"role\":\"yesterday\"}", "{\"role\":20261202}", "{\"mystery\":\"2026-12-02\"}", "{\"role\":\"2026-02-30\"}"] {
            storage.set(DATES_KEY, bad).unwrap();
            assert!(CompletionDates::load(&storage).is_err(), "{bad}");
            CompletionDates::record(&mut storage, &Progress::default(), &role, false, day(3));
            assert_eq!(storage.get(DATES_KEY).unwrap().as_deref(), Some(bad), "left for the record to report");
        }
    }
}
