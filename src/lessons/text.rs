//! The words of a lesson, as its content file (content/lessons/<slug>.toml)
//! has them. build.rs turns each file into JSON, which the app fetches when
//! a lesson opens (`lessons::content` reads it), so the Wasm carries no
//! lesson text. Included below: the files' names, each quiz's right answers
//! and, for the tests, what backs each claim.
//!
//! Text is plain, with a tiny inline markup: `*words*` for emphasis,
//! `` `N·F/u_s` `` for a formula or symbol, and `{key}` for a number from
//! the lesson's claims ledger, which a native test checks against the
//! simulator. No HTML: `render` escapes everything else.

use crate::experiment::{Metric, Side};
use crate::lessons::slug::LessonSlug;

/// The question asked before the experiment runs. Not graded: each option
/// is a range of one metric of one side, and the learner's own run says
/// which range it fell in.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    pub prompt: String,
    pub side: Side,
    /// A metric's key (`Metric::key`).
    pub metric: String,
    pub options: Vec<PredictOption>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PredictOption {
    /// Stable: saved progress names the option by it.
    pub id: String,
    pub text: String,
    /// The metric's range this option stands for, `low <= x < high`.
    pub low: f64,
    pub high: f64,
}

impl Prediction {
    pub fn metric(&self) -> Option<Metric> {
        Metric::from_key(&self.metric)
    }

    pub fn option(&self, id: &str) -> Option<&PredictOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The option whose range holds a measured value.
    pub fn matching(&self, value: f64) -> Option<&PredictOption> {
        self.options.iter().find(|o| o.low <= value && value < o.high)
    }
}

/// One multiple-choice question.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable: saved progress names the question by it.
    pub id: String,
    pub prompt: String,
    /// The id of the one correct option.
    pub correct: String,
    pub options: Vec<QuizOption>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizOption {
    pub id: String,
    pub text: String,
    /// Shown when this option is chosen: why it is right, or what it gets
    /// wrong.
    pub why: String,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&QuizOption> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn is_correct(&self, id: &str) -> bool {
        self.correct == id
    }
}

/// How a claim's value reads in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// A share as a whole percentage ("96%").
    Percent,
    /// A share to a tenth of a percent ("99.2%").
    PercentTenth,
    /// A whole number, with thousands separated ("40,000").
    Whole,
    /// One decimal place ("16.2").
    Tenths,
    /// Two decimal places ("0.04").
    Hundredths,
    /// Dollars and cents ("$10.58").
    Money,
}

/// Which end of a control's range.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEnd {
    Min,
    Max,
}

/// How the test backs a claim.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Check {
    /// A metric one side measures when the lesson's bench runs from its
    /// preset with these parameters changed (keys as in share links).
    Metric { side: Side, metric: &'static str, params: &'static [(&'static str, f64)] },
    /// A parameter's value in the lesson's preset.
    Param(&'static str),
    /// One end of a control's range.
    Range { param: &'static str, end: RangeEnd },
    /// A closed form, by name, with its arguments (`lessons::formula`).
    Formula { name: &'static str, args: &'static [(&'static str, f64)] },
    /// A fixed choice of the lesson's bench, by name (`BenchSpec::facts`).
    Fact(&'static str),
    /// The task goal's n-th number, counting from 0 in the goal's order.
    Goal(usize),
}

/// A number the prose states. What backs it (`ClaimCheck`) matters only to
/// the native tests, so the app fetches the number alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub key: String,
    pub value: f64,
    /// A `Show`'s name, as the content file gives it.
    pub show: String,
}

/// What backs a claim, and how far the backing figure may be from the
/// claim's value (absolute).
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClaimCheck {
    pub key: &'static str,
    pub tolerance: f64,
    pub check: Check,
}

/// The "mathematics" box: paragraphs with the formulas, and what each
/// symbol in them stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Mathematics {
    pub text: Vec<String>,
    pub symbols: Vec<Symbol>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    /// As the formulas write it, e.g. `u_s`.
    pub symbol: String,
    pub meaning: String,
}

/// A word the lessons define where they first use it (`[word]` in the
/// text), with its definition shown on hover or focus.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Unique, lowercase letters, digits and hyphens: it names the
    /// definition's element on the page.
    pub id: String,
    pub word: String,
    /// Every spelling the text may use ("peer", "peers").
    pub forms: Vec<String>,
    pub definition: String,
}

/// Words a minute for the teach page's reading time: a slow, careful pace
/// for technical text read by a first-year student.
pub const READING_WPM: usize = 200;

/// For the teach page: what the lesson teaches, and the wrong predictions
/// learners most often make (`(option id, why)`), none of them the option
/// the first run bears out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeacherNotes {
    /// Words a learner reads on the plain path (counted by build.rs, so the
    /// Wasm carries no counting).
    pub reading_words: usize,
    pub objectives: Vec<String>,
    pub wrong_predictions: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LessonText {
    /// The row's claim restated in plain words, one or two sentences.
    pub claim: String,
    /// Describes the lesson's diagram for screen readers and as a caption.
    pub diagram_caption: String,
    pub predict: Prediction,
    /// What the experiment shows and how to use its controls.
    pub experiment_intro: String,
    /// The why, shown once the learner has predicted and run.
    pub explanation: Vec<String>,
    /// The task, addressed to the learner.
    pub task_prompt: String,
    /// From the concept, to the method, to a worked example with other
    /// numbers: never the value to type.
    pub hints: Vec<String>,
    /// Said (and announced) when the task is reached.
    pub success: String,
    pub quiz: Vec<Question>,
    /// What holds, in a sentence or two.
    pub takeaway: String,
    /// Where the simple claim breaks, with the evidence.
    pub nuance: String,
    /// What this model leaves out: each idealisation, with its value.
    pub leaves_out: Vec<String>,
    /// The formulas behind the lesson, for those who want them: one click
    /// away from the plain path.
    pub mathematics: Mathematics,
    /// Every number the text states.
    pub ledger: Vec<Claim>,
    pub teacher: TeacherNotes,
    /// Every term the lessons define (content/glossary.toml), for the
    /// words this text marks.
    pub glossary: Vec<Term>,
}

impl LessonText {
    pub fn claim_value(&self, key: &str) -> Option<&Claim> {
        self.ledger.iter().find(|c| c.key == key)
    }

    /// The glossary term a spelling belongs to, ignoring case.
    pub fn term(&self, form: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.forms.iter().any(|f| f.eq_ignore_ascii_case(form)))
    }

    /// Words a learner reads on the lesson's plain path, hints and every
    /// quiz answer's reply included: every field but the mathematics box
    /// (closed until opened) and the diagram's caption (for screen readers).
    /// What build.rs counted into `teacher.reading_words`.
    #[cfg(test)]
    pub fn reading_words(&self) -> usize {
        let read = |name: &str| name != "diagram caption" && !name.starts_with("mathematics");
        self.fields().iter().filter(|(name, _)| read(name)).map(|(_, s)| s.split_whitespace().count()).sum()
    }

    /// Minutes to read the lesson at `READING_WPM`, to the nearest minute.
    pub fn reading_minutes(&self) -> usize {
        ((self.teacher.reading_words + READING_WPM / 2) / READING_WPM).max(1)
    }

    /// The teacher notes' text fields, named, for the tests of numbers.
    pub fn teacher_fields(&self) -> Vec<(String, &str)> {
        let objectives = self.teacher.objectives.iter().enumerate().map(|(i, o)| (format!("objective {}", i + 1), o.as_str()));
        objectives.chain(self.teacher.wrong_predictions.iter().map(|(id, why)| (format!("wrong prediction {id}"), why.as_str()))).collect()
    }

    /// Every text field, named, for tests that read them all.
    pub fn fields(&self) -> Vec<(String, &str)> {
        let mut out = vec![
            ("claim".to_owned(), self.claim.as_str()),
            ("diagram caption".to_owned(), &self.diagram_caption),
            ("prediction".to_owned(), &self.predict.prompt),
            ("experiment intro".to_owned(), &self.experiment_intro),
            ("task".to_owned(), &self.task_prompt),
            ("success".to_owned(), &self.success),
            ("takeaway".to_owned(), &self.takeaway),
            ("nuance".to_owned(), &self.nuance),
        ];
        out.extend(self.predict.options.iter().map(|o| (format!("prediction option {}", o.id), o.text.as_str())));
        out.extend(self.explanation.iter().enumerate().map(|(i, p)| (format!("explanation {}", i + 1), p.as_str())));
        out.extend(self.hints.iter().enumerate().map(|(i, h)| (format!("hint {}", i + 1), h.as_str())));
        out.extend(self.leaves_out.iter().enumerate().map(|(i, h)| (format!("leaves out {}", i + 1), h.as_str())));
        out.extend(self.mathematics.text.iter().enumerate().map(|(i, p)| (format!("mathematics {}", i + 1), p.as_str())));
        out.extend(self.mathematics.symbols.iter().map(|x| (format!("mathematics symbol {}", x.symbol), x.meaning.as_str())));
        for q in &self.quiz {
            out.push((format!("question {}", q.id), &q.prompt));
            for o in &q.options {
                out.push((format!("question {} option {}", q.id, o.id), &o.text));
                out.push((format!("question {} option {} why", q.id, o.id), &o.why));
            }
        }
        out
    }
}

include!(concat!(env!("OUT_DIR"), "/lesson_content.rs"));
