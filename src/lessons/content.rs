//! Reads a lesson's words from the JSON build.rs writes (and the app
//! fetches): a file that does not have the expected shape is refused with
//! the field named, never half-read.

use crate::experiment::Side;
use crate::json::{self, Value};
use crate::lessons::text::{Claim, LessonText, Mathematics, PredictOption, Prediction, Question, QuizOption, Symbol, TeacherNotes, Term};
use std::fmt;

/// Content files are tens of kilobytes; anything far larger is not ours.
const MAX_LEN: usize = 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError(pub String);

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) type Read<T> = Result<T, ContentError>;

pub(crate) fn parse(text: &str) -> Read<Value> {
    json::parse_up_to(text, MAX_LEN).map_err(|e| ContentError(format!("not valid JSON: {} at byte {}", e.reason, e.at)))
}

pub(crate) fn field<'v>(v: &'v Value, key: &str) -> Read<&'v Value> {
    v.get(key).ok_or_else(|| ContentError(format!("{key} is missing")))
}

pub(crate) fn string(v: &Value, key: &str) -> Read<String> {
    match field(v, key)? {
        Value::String(s) => Ok(s.clone()),
        _ => Err(ContentError(format!("{key} is not text"))),
    }
}

fn number(v: &Value, key: &str) -> Read<f64> {
    match field(v, key)? {
        Value::Number(n) => Ok(*n),
        _ => Err(ContentError(format!("{key} is not a number"))),
    }
}

pub(crate) fn list<T>(v: &Value, key: &str, item: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    match field(v, key)? {
        Value::Array(items) => items.iter().map(|x| item(x).map_err(|e| ContentError(format!("{key}: {}", e.0)))).collect(),
        _ => Err(ContentError(format!("{key} is not a list"))),
    }
}

pub(crate) fn strings(v: &Value, key: &str) -> Read<Vec<String>> {
    list(v, key, |x| match x {
        Value::String(s) => Ok(s.clone()),
        _ => Err(ContentError("an item is not text".to_owned())),
    })
}

fn side(v: &Value, key: &str) -> Read<Side> {
    match string(v, key)?.as_str() {
        "central" => Ok(Side::Central),
        "distributed" => Ok(Side::Distributed),
        other => Err(ContentError(format!("{key} “{other}” is not a side"))),
    }
}

fn prediction(v: &Value) -> Read<Prediction> {
    Ok(Prediction {
        prompt: string(v, "prompt")?,
        side: side(v, "side")?,
        metric: string(v, "metric")?,
        options: list(v, "options", |o| Ok(PredictOption { id: string(o, "id")?, text: string(o, "text")?, low: number(o, "low")?, high: number(o, "high")? }))?,
    })
}

fn question(v: &Value) -> Read<Question> {
    let q = Question {
        id: string(v, "id")?,
        prompt: string(v, "prompt")?,
        correct: string(v, "correct")?,
        options: list(v, "options", |o| Ok(QuizOption { id: string(o, "id")?, text: string(o, "text")?, why: string(o, "why")? }))?,
    };
    if q.option(&q.correct).is_none() {
        return Err(ContentError(format!("question {}: the right answer {} is not an option", q.id, q.correct)));
    }
    Ok(q)
}

fn mathematics(v: &Value) -> Read<Mathematics> {
    Ok(Mathematics { text: strings(v, "text")?, symbols: list(v, "symbols", |x| Ok(Symbol { symbol: string(x, "symbol")?, meaning: string(x, "meaning")? }))? })
}

fn teacher(v: &Value) -> Read<TeacherNotes> {
    Ok(TeacherNotes {
        reading_words: number(v, "reading_words")? as usize,
        objectives: strings(v, "objectives")?,
        wrong_predictions: list(v, "wrong_predictions", |w| Ok((string(w, "option")?, string(w, "why")?)))?,
    })
}

/// A lesson's words, with the glossary its text draws on.
pub fn lesson_from_json(text: &str, glossary: Vec<Term>) -> Read<LessonText> {
    let v = parse(text)?;
    Ok(LessonText {
        claim: string(&v, "claim")?,
        diagram_caption: string(&v, "diagram_caption")?,
        predict: prediction(field(&v, "predict")?).map_err(|e| ContentError(format!("predict: {}", e.0)))?,
        experiment_intro: string(&v, "experiment_intro")?,
        explanation: strings(&v, "explanation")?,
        task_prompt: string(&v, "task")?,
        hints: strings(&v, "hints")?,
        success: string(&v, "success")?,
        quiz: list(&v, "quiz", question)?,
        takeaway: string(&v, "takeaway")?,
        nuance: string(&v, "nuance")?,
        leaves_out: strings(&v, "leaves_out")?,
        mathematics: mathematics(field(&v, "mathematics")?).map_err(|e| ContentError(format!("mathematics: {}", e.0)))?,
        ledger: list(&v, "ledger", |c| Ok(Claim { key: string(c, "key")?, value: number(c, "value")?, show: string(c, "show")? }))?,
        teacher: teacher(field(&v, "teacher")?).map_err(|e| ContentError(format!("teacher: {}", e.0)))?,
        glossary,
    })
}

/// Every term the lessons define.
pub fn glossary_from_json(text: &str) -> Read<Vec<Term>> {
    let v = parse(text)?;
    list(&v, "terms", |t| Ok(Term { id: string(t, "id")?, word: string(t, "word")?, forms: strings(t, "forms")?, definition: string(t, "definition")? }))
}

/// A lesson's words as the native build includes them (the app fetches
/// the same files): read once, kept for the life of the process.
#[cfg(not(target_arch = "wasm32"))]
pub fn text(slug: crate::lessons::LessonSlug) -> Read<&'static LessonText> {
    use crate::lessons::text::{content_json, GLOSSARY_JSON};
    use crate::lessons::LessonSlug;
    use std::sync::OnceLock;
    static TEXTS: OnceLock<Vec<Read<LessonText>>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let glossary = glossary_from_json(GLOSSARY_JSON);
        LessonSlug::ALL.iter().map(|s| lesson_from_json(content_json(*s), glossary.clone()?)).collect()
    });
    match texts.get(slug.position() as usize) {
        Some(Ok(t)) => Ok(t),
        Some(Err(e)) => Err(ContentError(format!("{slug}: {e}"))),
        None => Err(ContentError(format!("{slug}: no content"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::LessonSlug;

    #[test]
    fn every_lesson_reads_back_whole() {
        for slug in LessonSlug::ALL {
            let t = text(slug).unwrap_or_else(|e| panic!("{e}"));
            assert!(!t.claim.is_empty() && !t.quiz.is_empty() && !t.glossary.is_empty(), "{slug}");
            // The answer key compiled into the app agrees with the words.
            let key: Vec<(&str, &str)> = t.quiz.iter().map(|q| (q.id.as_str(), q.correct.as_str())).collect();
            assert_eq!(key, crate::lessons::text::answer_key(slug), "{slug}");
        }
    }

    #[test]
    fn a_damaged_file_is_refused_with_the_field_named() {
        let good = crate::lessons::text::content_json(LessonSlug::Role);
        assert!(lesson_from_json(good, Vec::new()).is_ok());
        for (damage, expect) in [
            (good.replacen("\"claim\"", "\"claims\"", 1), "claim is missing"),
            (good.replacen("\"side\":\"", "\"side\":\"x", 1), "not a side"),
            (good[..good.len() / 2].to_owned(), "not valid JSON"),
            ("[]".to_owned(), "claim is missing"),
            (String::new(), "not valid JSON"),
        ] {
            let got = lesson_from_json(&damage, Vec::new()).expect_err("damaged content must be refused");
            assert!(got.0.contains(expect), "{got} should say {expect}");
        }
        let wrong_answer = good.replacen("\"correct\":\"", "\"correct\":\"zz", 1);
        assert!(lesson_from_json(&wrong_answer, Vec::new()).is_err_and(|e| e.0.contains("is not an option")));
        assert!(glossary_from_json("{\"terms\":[{\"id\":1}]}").is_err_and(|e| e.0.contains("terms: id is not text")));
    }

    #[test]
    fn file_names_carry_a_hash_of_their_bytes() {
        let names: Vec<&str> = LessonSlug::ALL.iter().map(|s| crate::lessons::text::content_file(*s)).collect();
        for (slug, name) in LessonSlug::ALL.iter().zip(&names) {
            let hash = name.strip_prefix(&format!("content/{slug}-")).and_then(|r| r.strip_suffix(".json"));
            assert!(hash.is_some_and(|h| h.len() == 16 && h.chars().all(|c| c.is_ascii_hexdigit())), "{name}");
        }
    }
}
