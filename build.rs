//! Reads the lessons' content files (content/lessons/<slug>.toml and
//! content/glossary.toml) and writes, into OUT_DIR:
//!
//! - `content/<slug>.json` and `content/glossary.json`: the words, in the
//!   shape `lessons::content` reads. The app fetches them at run time
//!   (`src/bin/content.rs` puts them in dist/ under names with a hash of
//!   their bytes), so the Wasm carries no lesson text; native builds
//!   include them, for the tests.
//! - `content/teach.json`, from content/teach.toml: the teach page's guide,
//!   for the native build that writes the page.
//! - `lesson_content.rs`: the file names, each quiz's right answers (saved
//!   progress needs them before any text is fetched), and for the tests,
//!   what backs each claim.
//!
//! A mistake in a file stops the build with the file and the field named;
//! what needs the app's own types (metric and parameter keys, the claims'
//! values) is checked by the native tests.

use serde::Deserialize;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lesson {
    claim: String,
    diagram_caption: String,
    predict: Predict,
    experiment_intro: String,
    explanation: Vec<String>,
    task: String,
    hints: Vec<String>,
    success: String,
    quiz: Vec<Question>,
    takeaway: String,
    nuance: String,
    leaves_out: Vec<String>,
    mathematics: Mathematics,
    #[serde(default)]
    ledger: Vec<Claim>,
    teacher: Teacher,
}

/// For the teach page: what the lesson teaches, and the wrong predictions
/// learners most often make.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Teacher {
    objectives: Vec<String>,
    wrong_predictions: Vec<WrongPrediction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrongPrediction {
    option: String,
    why: String,
}

/// content/teach.toml: the teach page's guide, in sections.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Guide {
    section: Vec<GuideSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideSection {
    id: String,
    heading: String,
    paragraphs: Vec<String>,
    #[serde(default)]
    items: Vec<GuideItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideItem {
    term: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mathematics {
    text: Vec<String>,
    symbols: Vec<Symbol>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Symbol {
    symbol: String,
    meaning: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    id: String,
    word: String,
    /// Every spelling the text may use, the word itself included.
    forms: Vec<String>,
    definition: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Predict {
    prompt: String,
    side: String,
    metric: String,
    options: Vec<PredictOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PredictOption {
    id: String,
    text: String,
    range: [f64; 2],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    id: String,
    prompt: String,
    correct: String,
    options: Vec<QuizOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizOption {
    id: String,
    text: String,
    /// Why this answer is right, or what it gets wrong.
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    key: String,
    value: f64,
    #[serde(default)]
    tolerance: f64,
    show: String,
    #[serde(default)]
    metric: Option<MetricCheck>,
    #[serde(default)]
    param: Option<String>,
    #[serde(default)]
    range: Option<RangeCheck>,
    #[serde(default)]
    formula: Option<FormulaCheck>,
    #[serde(default)]
    fact: Option<String>,
    #[serde(default)]
    goal: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricCheck {
    side: String,
    name: String,
    #[serde(default)]
    params: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeCheck {
    param: String,
    end: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormulaCheck {
    name: String,
    #[serde(default)]
    args: toml::Table,
}

fn main() {
    let dir = Path::new("content/lessons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect(),
        Err(e) => fail(&format!("cannot read {}: {e}", dir.display())),
    };
    files.sort();
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set")));
    let json_dir = out_dir.join("content");
    if let Err(e) = fs::create_dir_all(&json_dir) {
        fail(&format!("cannot create {}: {e}", json_dir.display()));
    }
    let mut out = String::from("// Generated by build.rs from content/lessons/*.toml: edit those files.\n\n");
    let (mut names, mut jsons, mut keys, mut checks) = (String::new(), String::new(), String::new(), String::new());
    let (mut predictions, mut questions) = (String::new(), String::new());
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let slug = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let lesson: Lesson = toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let variant: String = slug.split('-').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
        let json = lesson_json(&lesson, path).to_string();
        let written = write_json(&json_dir, &slug, &json);
        writeln!(names, "        LessonSlug::{variant} => {},", s(&hashed_name(&slug, &json))).ok();
        writeln!(jsons, "        LessonSlug::{variant} => include_str!({}),", s(&written)).ok();
        let answers: Vec<String> = lesson.quiz.iter().map(|q| format!("({}, {})", s(&q.id), s(&q.correct))).collect();
        writeln!(keys, "        LessonSlug::{variant} => &[{}],", answers.join(", ")).ok();
        let options: Vec<String> = lesson.predict.options.iter().map(|o| s(&o.id)).collect();
        writeln!(predictions, "        LessonSlug::{variant} => &[{}],", options.join(", ")).ok();
        let quiz: Vec<String> = lesson
            .quiz
            .iter()
            .map(|q| format!("({}, &[{}])", s(&q.id), q.options.iter().map(|o| s(&o.id)).collect::<Vec<_>>().join(", ")))
            .collect();
        writeln!(questions, "        LessonSlug::{variant} => &[{}],", quiz.join(", ")).ok();
        let backed: Vec<String> = lesson.ledger.iter().map(|c| check_rs(c, path)).collect();
        writeln!(checks, "        LessonSlug::{variant} => &[\n            {}\n        ],", backed.join(",\n            ")).ok();
    }
    let glossary = glossary_json(Path::new("content/glossary.toml")).to_string();
    let glossary_path = write_json(&json_dir, "glossary", &glossary);
    let guide = guide_json(Path::new("content/teach.toml")).to_string();
    let guide_path = write_json(&json_dir, "teach", &guide);
    writeln!(out, "/// The teach page's guide as JSON (native builds only: the build writes\n/// the page, teach.html).\n#[cfg(not(target_arch = \"wasm32\"))]\npub const GUIDE_JSON: &str = include_str!({});\n", s(&guide_path)).ok();
    writeln!(out, "/// Where the app finds a lesson's words: a path relative to the page,\n/// named by a hash of the file's bytes so a new build never reads an old\n/// one's words.\npub fn content_file(slug: LessonSlug) -> &'static str {{\n    match slug {{\n{names}    }}\n}}\n").ok();
    writeln!(out, "/// Where the app finds the glossary.\npub const GLOSSARY_FILE: &str = {};\n", s(&hashed_name("glossary", &glossary))).ok();
    writeln!(out, "/// A lesson's words as JSON (native builds only: the app fetches them).\n#[cfg(not(target_arch = \"wasm32\"))]\npub fn content_json(slug: LessonSlug) -> &'static str {{\n    match slug {{\n{jsons}    }}\n}}\n").ok();
    writeln!(out, "/// The glossary as JSON (native builds only).\n#[cfg(not(target_arch = \"wasm32\"))]\npub const GLOSSARY_JSON: &str = include_str!({});\n", s(&glossary_path)).ok();
    writeln!(out, "/// Each of a lesson's questions, by id, with its right option's id.\npub fn answer_key(slug: LessonSlug) -> &'static [(&'static str, &'static str)] {{\n    match slug {{\n{keys}    }}\n}}\n").ok();
    writeln!(out, "/// Each lesson's prediction options, by id, in order (the short progress\n/// code names them by position).\npub fn prediction_ids(slug: LessonSlug) -> &'static [&'static str] {{\n    match slug {{\n{predictions}    }}\n}}\n").ok();
    writeln!(out, "/// Each lesson's questions, by id, with their options' ids in order.\npub fn quiz_ids(slug: LessonSlug) -> &'static [(&'static str, &'static [&'static str])] {{\n    match slug {{\n{questions}    }}\n}}\n").ok();
    writeln!(out, "/// What backs each number a lesson states, by claim key.\n/// The ledger writes e and its kin as numbers, as the lessons state them.\n#[cfg(test)]\n#[allow(clippy::approx_constant)]\npub fn claim_checks(slug: LessonSlug) -> &'static [ClaimCheck] {{\n    match slug {{\n{checks}    }}\n}}").ok();
    let target = out_dir.join("lesson_content.rs");
    if let Err(e) = fs::write(&target, out) {
        fail(&format!("cannot write {}: {e}", target.display()));
    }
}

/// Writes `<name>.json` and returns its path, for `include_str!`.
fn write_json(dir: &Path, name: &str, json: &str) -> String {
    let path = dir.join(format!("{name}.json"));
    if let Err(e) = fs::write(&path, json) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
    path.to_string_lossy().into_owned()
}

/// `content/<name>-<16 hex digits>.json`, the digits a hash of the bytes
/// (FNV-1a, 64 bits: enough to tell two builds' files apart).
fn hashed_name(name: &str, json: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("content/{name}-{h:016x}.json")
}

fn guide_json(path: &Path) -> Value {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let guide: Guide = toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let sections: Vec<Value> = guide
        .section
        .iter()
        .map(|x| {
            let items: Vec<Value> = x.items.iter().map(|i| json!({ "term": i.term, "text": i.text })).collect();
            json!({ "id": x.id, "heading": x.heading, "paragraphs": x.paragraphs, "items": items })
        })
        .collect();
    json!({ "sections": sections })
}

fn glossary_json(path: &Path) -> Value {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let glossary: Glossary = toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let mut terms = Vec::new();
    for t in &glossary.term {
        // The id goes into the page as an element id, unescaped.
        if t.id.is_empty() || !t.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            fail(&format!("{}: term id {:?} must be lowercase letters, digits and hyphens", path.display(), t.id));
        }
        if !t.forms.contains(&t.word) {
            fail(&format!("{}: term {:?} must list its word among its forms", path.display(), t.id));
        }
        terms.push(json!({ "id": t.id, "word": t.word, "forms": t.forms, "definition": t.definition }));
    }
    json!({ "terms": terms })
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

fn s(text: &str) -> String {
    format!("{text:?}")
}

fn f(x: f64) -> String {
    format!("{x:?}")
}

fn check_side(text: &str, path: &Path) -> &'static str {
    match text {
        "central" => "Side::Central",
        "distributed" => "Side::Distributed",
        other => fail(&format!("{}: side must be \"central\" or \"distributed\", not {other:?}", path.display())),
    }
}

/// `{ key = number, ... }` as a slice of `(key, value)`, in the file's order.
fn pairs(table: &toml::Table, path: &Path) -> String {
    let items: Vec<String> = table
        .iter()
        .map(|(k, v)| {
            let v = v.as_float().or_else(|| v.as_integer().map(|i| i as f64)).unwrap_or_else(|| fail(&format!("{}: {k} must be a number", path.display())));
            format!("({}, {})", s(k), f(v))
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

/// The words, in the shape `lessons::content` reads. What backs a claim is
/// for the native tests (`check_rs`); the app needs the number alone.
fn lesson_json(l: &Lesson, path: &Path) -> Value {
    // The JSON keeps the side as written; refuse a misspelt one here, at
    // build time, not when a learner opens the lesson.
    check_side(&l.predict.side, path);
    let options: Vec<Value> = l.predict.options.iter().map(|o| json!({ "id": o.id, "text": o.text, "low": o.range[0], "high": o.range[1] })).collect();
    let quiz: Vec<Value> = l
        .quiz
        .iter()
        .map(|q| {
            let options: Vec<Value> = q.options.iter().map(|o| json!({ "id": o.id, "text": o.text, "why": o.why })).collect();
            json!({ "id": q.id, "prompt": q.prompt, "correct": q.correct, "options": options })
        })
        .collect();
    let ledger: Vec<Value> = l.ledger.iter().map(|c| json!({ "key": c.key, "value": c.value, "show": c.show })).collect();
    let symbols: Vec<Value> = l.mathematics.symbols.iter().map(|x| json!({ "symbol": x.symbol, "meaning": x.meaning })).collect();
    json!({
        "claim": l.claim,
        "diagram_caption": l.diagram_caption,
        "predict": { "prompt": l.predict.prompt, "side": l.predict.side, "metric": l.predict.metric, "options": options },
        "experiment_intro": l.experiment_intro,
        "explanation": l.explanation,
        "task": l.task,
        "hints": l.hints,
        "success": l.success,
        "quiz": quiz,
        "takeaway": l.takeaway,
        "nuance": l.nuance,
        "leaves_out": l.leaves_out,
        "mathematics": { "text": l.mathematics.text, "symbols": symbols },
        "ledger": ledger,
        "teacher": {
            "reading_words": reading_words(l),
            "objectives": l.teacher.objectives,
            "wrong_predictions": l.teacher.wrong_predictions.iter().map(|w| json!({ "option": w.option, "why": w.why })).collect::<Vec<Value>>(),
        },
    })
}

/// Words a learner reads on the plain path: every field but the
/// mathematics box and the diagram's caption (`LessonText::reading_words`
/// counts the same, in a native test).
fn reading_words(l: &Lesson) -> usize {
    let mut texts: Vec<&str> = vec![&l.claim, &l.predict.prompt, &l.experiment_intro, &l.task, &l.success, &l.takeaway, &l.nuance];
    texts.extend(l.predict.options.iter().map(|o| o.text.as_str()));
    texts.extend(l.explanation.iter().chain(&l.hints).chain(&l.leaves_out).map(String::as_str));
    for q in &l.quiz {
        texts.push(&q.prompt);
        texts.extend(q.options.iter().flat_map(|o| [o.text.as_str(), o.why.as_str()]));
    }
    texts.iter().map(|t| t.split_whitespace().count()).sum()
}

fn check_rs(c: &Claim, path: &Path) -> String {
    let checks = [c.metric.is_some(), c.param.is_some(), c.range.is_some(), c.formula.is_some(), c.fact.is_some(), c.goal.is_some()];
    if checks.iter().filter(|x| **x).count() != 1 {
        fail(&format!("{}: claim {:?} needs exactly one of metric, param, range, formula, fact or goal", path.display(), c.key));
    }
    let check = if let Some(m) = &c.metric {
        format!("Check::Metric {{ side: {}, metric: {}, params: {} }}", check_side(&m.side, path), s(&m.name), pairs(&m.params, path))
    } else if let Some(p) = &c.param {
        format!("Check::Param({})", s(p))
    } else if let Some(r) = &c.range {
        let end = match r.end.as_str() {
            "min" => "RangeEnd::Min",
            "max" => "RangeEnd::Max",
            other => fail(&format!("{}: range end must be \"min\" or \"max\", not {other:?}", path.display())),
        };
        format!("Check::Range {{ param: {}, end: {end} }}", s(&r.param))
    } else if let Some(fm) = &c.formula {
        format!("Check::Formula {{ name: {}, args: {} }}", s(&fm.name), pairs(&fm.args, path))
    } else if let Some(name) = &c.fact {
        format!("Check::Fact({})", s(name))
    } else if let Some(i) = c.goal {
        format!("Check::Goal({i})")
    } else {
        fail("unreachable")
    };
    format!("ClaimCheck {{ key: {}, tolerance: {}, check: {check} }}", s(&c.key), f(c.tolerance))
}
