//! The completion record (`#/certificate`): the lessons completed, on which
//! day, with what score at the quiz's first attempt, and whether "Show me"
//! helped; and the link that shares it, which carries the learner's name
//! only when they choose. Nothing here is verified by anyone: the record is
//! what this browser saved, and a link says what its sender put in it.

use crate::lessons::text::answer_key;
use crate::lessons::{title, LessonSlug};
use crate::progress::dates::{CompletionDates, Day};
use crate::progress::Progress;
use crate::query::{percent_decode, percent_encode};

/// Where the learner's name is kept, on this device only.
pub const NAME_KEY: &str = "hub-and-mesh.name";
/// "1" when the learner chose to put the name in the share link.
pub const NAME_IN_LINK_KEY: &str = "hub-and-mesh.name-in-link";
/// The longest name kept, in characters.
pub const MAX_NAME: usize = 80;
/// The share link's format, first in its data.
const LINK_VERSION: &str = "1";
/// Longer link data is refused before it is read.
const MAX_LINK: usize = 2000;

/// One completed lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub slug: LessonSlug,
    /// None when the lesson was completed in another browser or before
    /// dates were kept.
    pub on: Option<Day>,
    /// Right answers at the first attempt, of how many questions.
    pub quiz: Option<(u32, u32)>,
    pub helped: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub entries: Vec<Entry>,
    pub name: Option<String>,
}

impl Record {
    /// This browser's record: its completed lessons, in course order.
    pub fn of(progress: &Progress, dates: &CompletionDates, name: Option<String>) -> Record {
        let entries = LessonSlug::ALL
            .into_iter()
            .filter(|&slug| progress.lesson(slug).state().is_complete())
            .map(|slug| {
                let lesson = progress.lesson(slug);
                Entry { slug, on: dates.get(slug), quiz: lesson.first_attempt(answer_key(slug)), helped: lesson.helped }
            })
            .collect();
        Record { entries, name: name.as_deref().and_then(shown_name) }
    }

    /// The part of a share link after `r=`: `1;role=20261201.2.3;cost=-.3.3.h`
    /// and, when `with_name`, `;name=` and the name percent-encoded.
    pub fn link_data(&self, with_name: bool) -> String {
        let mut out = LINK_VERSION.to_owned();
        for e in &self.entries {
            let on = e.on.map_or("-".to_owned(), Day::compact);
            let quiz = e.quiz.map_or("-.-".to_owned(), |(right, of)| format!("{right}.{of}"));
            out.push_str(&format!(";{}={on}.{quiz}{}", e.slug, if e.helped { ".h" } else { "" }));
        }
        if let Some(name) = self.name.as_deref().filter(|_| with_name) {
            out.push_str(";name=");
            out.push_str(&percent_encode(name));
        }
        out
    }

    /// Reads link data, refusing anything `link_data` would not write, with
    /// a reason a learner can act on: a day after `latest` (two days after
    /// the reader's today: between UTC+14 and UTC−12 two calendar days can
    /// differ by two)
    /// or a score out of another number of questions than the lesson has
    /// cannot be true, so they are refused too.
    pub fn from_link_data(text: &str, latest: Option<Day>) -> Result<Record, String> {
        if text.len() > MAX_LINK {
            return Err("it is longer than any record".to_owned());
        }
        let mut parts = text.split(';');
        match parts.next() {
            Some(LINK_VERSION) => {}
            Some(v) if v.bytes().all(|b| b.is_ascii_digit()) && !v.is_empty() => {
                return Err("it was made by a newer version of Hub & Mesh".to_owned());
            }
            _ => return Err("it is not a record's link".to_owned()),
        }
        let mut name = None;
        let mut lessons: [Option<Entry>; LessonSlug::ALL.len()] = Default::default();
        // An empty part is a stray separator, as a copy may leave at the end.
        for part in parts.filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').ok_or("part of it is not a setting")?;
            if key == "name" {
                let decoded = percent_decode(value).ok_or("the name in it is damaged")?;
                if name.replace(clean_name(&decoded)).is_some() {
                    return Err("it gives a name twice".to_owned());
                }
                continue;
            }
            let slug: LessonSlug = key.parse().map_err(|_| "it names a lesson this version does not have".to_owned())?;
            let e = entry(slug, value).map_err(|why| format!("its line for {} {why}", title(slug)))?;
            if e.quiz.is_some_and(|(_, of)| of as usize != answer_key(slug).len()) {
                return Err(format!("it scores {} out of another number of questions than the lesson has", title(slug)));
            }
            if e.on.zip(latest).is_some_and(|(on, latest)| on > latest) {
                return Err("it gives a day that has not come yet".to_owned());
            }
            if lessons[slug.position() as usize].replace(e).is_some() {
                return Err("it lists a lesson twice".to_owned());
            }
        }
        // In course order, whatever the link's order.
        let entries = lessons.into_iter().flatten().collect();
        Ok(Record { entries, name: name.filter(|n| !n.is_empty()) })
    }
}

/// One lesson's line, or what is wrong with it.
fn entry(slug: LessonSlug, value: &str) -> Result<Entry, &'static str> {
    let fields: Vec<&str> = value.split('.').collect();
    let (on, right, of, helped) = match fields.as_slice() {
        [on, right, of] => (*on, *right, *of, false),
        [on, right, of, "h"] => (*on, *right, *of, true),
        _ => return Err("is not a day, a score and a mark"),
    };
    let on = if on == "-" { None } else { Some(Day::from_compact(on).ok_or("gives a day that is no date this app writes")?) };
    let count = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten().filter(|&n| n <= 99);
    let quiz = match (right, of) {
        ("-", "-") => None,
        _ => Some((count(right).ok_or("gives a score that is no number")?, count(of).ok_or("gives a score that is no number")?)),
    };
    if quiz.is_some_and(|(_, o)| o == 0) {
        return Err("gives a score out of no questions");
    }
    if quiz.is_some_and(|(r, o)| r > o) {
        return Err("gives more right answers than questions");
    }
    Ok(Entry { slug, on, quiz, helped })
}

/// A name as typed, as the record shows it: cleaned, and none when nothing
/// is left.
pub fn shown_name(typed: &str) -> Option<String> {
    Some(clean_name(typed)).filter(|n| !n.is_empty())
}

/// A name as the record keeps it: no control or direction-changing
/// characters, single spaces, at most `MAX_NAME` characters.
pub fn clean_name(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !invisible(*c))
        .collect();
    let joined = kept.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    // Cut, then trimmed again, so cleaning a clean name changes nothing.
    joined.chars().take(MAX_NAME).collect::<String>().trim_end().to_owned()
}

/// Marks that change direction or take no space: they could make a name
/// read otherwise than it is written.
fn invisible(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Action;

    fn finished(slug: LessonSlug, right_first: bool, helped: bool) -> Progress {
        let mut p = Progress::default();
        p.apply(Action::Started(slug));
        if helped {
            p.apply(Action::Helped(slug));
        }
        p.apply(Action::TaskDone(slug));
        for (i, (q, right)) in answer_key(slug).iter().enumerate() {
            if i == 0 && !right_first {
                let wrong = crate::lessons::text::quiz_ids(slug)[i].1.iter().find(|o| *o != right).unwrap();
                p.apply(Action::Answered { slug, question: (*q).to_owned(), option: (*wrong).to_owned() });
            }
            p.apply(Action::Answered { slug, question: (*q).to_owned(), option: (*right).to_owned() });
        }
        assert!(p.lesson(slug).completed);
        p
    }

    #[test]
    fn the_record_lists_completed_lessons_with_first_attempt_scores_help_and_days() {
        let mut p = finished(LessonSlug::Cost, false, true);
        p.merge(&finished(LessonSlug::Role, true, false));
        p.apply(Action::Started(LessonSlug::Focus));
        let mut dates = CompletionDates::default();
        let day = Day::new(2026, 12, 1).unwrap();
        dates.follow(&Progress::default(), &finished(LessonSlug::Role, true, false), false, day);
        let r = Record::of(&p, &dates, Some("  Ada \n Lovelace ".to_owned()));
        let cost_questions = answer_key(LessonSlug::Cost).len() as u32;
        let role_questions = answer_key(LessonSlug::Role).len() as u32;
        assert_eq!(
            r.entries,
            [
                Entry { slug: LessonSlug::Role, on: Some(day), quiz: Some((role_questions, role_questions)), helped: false },
                Entry { slug: LessonSlug::Cost, on: None, quiz: Some((cost_questions - 1, cost_questions)), helped: true },
            ]
        );
        assert_eq!(r.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(Record::of(&p, &dates, Some(" \t".to_owned())).name, None);
    }

    /// The latest day a link read in these tests may give.
    fn latest() -> Option<Day> {
        Day::new(2026, 12, 2)
    }

    #[test]
    fn a_link_carries_the_record_and_the_name_only_when_asked() {
        let day = Day::new(2026, 12, 1).unwrap();
        let questions = answer_key(LessonSlug::Role).len() as u32;
        let record = Record {
            entries: vec![
                Entry { slug: LessonSlug::Role, on: Some(day), quiz: Some((2, questions)), helped: false },
                Entry { slug: LessonSlug::Cost, on: None, quiz: None, helped: true },
            ],
            name: Some("Zoë O'Neil; <b>&".to_owned()),
        };
        let without = record.link_data(false);
        assert_eq!(without, format!("1;role=20261201.2.{questions};cost=-.-.-.h"));
        assert_eq!(Record::from_link_data(&without, latest()), Ok(Record { name: None, ..record.clone() }));
        assert_eq!(Record::from_link_data(&format!("{without};"), latest()), Ok(Record { name: None, ..record.clone() }), "a stray ; at the end");
        let with = record.link_data(true);
        assert!(with.ends_with(";name=Zo%C3%AB%20O%27Neil%3B%20%3Cb%3E%26"), "{with}");
        assert_eq!(Record::from_link_data(&with, latest()), Ok(record));
    }

    #[test]
    fn hostile_names_come_back_as_plain_text() {
        for hostile in [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "Robert'); DROP TABLE students;--",
            "a;name=b",
            "%3Cscript%3E",
            "{{ name }}",
            "\u{202e}evil\u{202c}",
        ] {
            let r = Record { entries: Vec::new(), name: Some(clean_name(hostile)) };
            let back = Record::from_link_data(&r.link_data(true), latest()).unwrap();
            assert_eq!(back.name, r.name, "{hostile}");
            assert!(!r.link_data(true)[2..].contains(['<', '>', '"', '\'', ';', ' ']), "{hostile}");
        }
        assert_eq!(clean_name("\u{202e}evil\u{202c}\u{0}\u{7}"), "evil");
        assert_eq!(clean_name("z\u{200b}e\u{feff}r\u{61c}o\u{2060}"), "zero");
        assert_eq!(clean_name(&"x".repeat(500)).chars().count(), MAX_NAME);
        let cut = clean_name(&format!("{} tail", "x".repeat(MAX_NAME - 1)));
        assert_eq!(clean_name(&cut), cut, "cleaning is idempotent, even where the cut falls on a space");
        // As a browser may hand it over, decoded.
        assert_eq!(Record::from_link_data("1;name=Zoë O'Neil", latest()).unwrap().name.as_deref(), Some("Zoë O'Neil"));
    }

    #[test]
    fn damaged_foreign_or_impossible_links_are_refused_with_a_reason() {
        let questions = answer_key(LessonSlug::Role).len();
        for (bad, why) in [
            ("", "not a record"),
            ("hello", "not a record"),
            ("2;role=-.-.-", "newer version"),
            ("1;role", "not a setting"),
            ("1;mystery=-.-.-", "does not have"),
            ("1;role=-.-.-;role=-.-.-", "twice"),
            ("1;name=a;name=b", "twice"),
            ("1;name=%E2%28", "damaged"),
            ("1;name=%G0", "damaged"),
            ("1;name=%4", "damaged"),
            ("1;role=20261301.1.2", "no date"),
            ("1;role=19991231.-.-", "no date"),
            ("1;role=-.3.2", "more right answers than questions"),
            ("1;role=-.1.0", "out of no questions"),
            ("1;role=-.0.0", "out of no questions"),
            ("1;role=-.1.-", "no number"),
            ("1;role=-.1.2.x", "not a day, a score and a mark"),
            ("1;role=-.1", "not a day, a score and a mark"),
            ("1;role=-.+1.2", "no number"),
            ("1;role=-.1000.1000", "no number"),
            (&format!("1;role=-.1.{}", questions + 1), "another number of questions"),
            (&format!("1;role=20261203.1.{questions}"), "not come yet"),
        ] {
            let got = Record::from_link_data(bad, latest());
            assert!(got.as_ref().is_err_and(|e| e.contains(why)), "{bad}: {got:?}");
        }
        assert!(Record::from_link_data(&format!("1;role=20261202.1.{questions}"), latest()).is_ok(), "the latest day allowed");
        assert!(Record::from_link_data(&format!("1;name={}", "a".repeat(3000)), latest()).is_err());
    }
}
