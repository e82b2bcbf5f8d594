//! Every term is defined where a lesson first uses it, and every symbol
//! in a formula is named in the lesson's mathematics box.

use crate::lessons::ledger::numerals;
use crate::lessons::lesson::Lesson;
use crate::lessons::render::{pieces, Piece};
use crate::lessons::text::Term;
use crate::lessons::LESSONS;

/// Every term the lessons define (each lesson carries the whole glossary).
fn glossary() -> &'static [Term] {
    &LESSONS[0].text().glossary
}

fn term(form: &str) -> Option<&'static Term> {
    LESSONS[0].text().term(form)
}

/// Where a field sits: a label (inside a radio button's label a term
/// cannot take focus, so it is defined before) or running text.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Text,
    Label,
}

/// A lesson's text in the order the page shows it.
fn reading_order(l: &Lesson) -> Vec<(String, &'static str, Place)> {
    let t = l.text();
    let mut out = vec![("claim".to_owned(), t.claim.as_str(), Place::Text), ("prediction".to_owned(), t.predict.prompt.as_str(), Place::Text)];
    out.extend(t.predict.options.iter().map(|o| (format!("prediction option {}", o.id), o.text.as_str(), Place::Label)));
    out.push(("experiment intro".to_owned(), &t.experiment_intro, Place::Text));
    out.extend(t.explanation.iter().map(|p| ("explanation".to_owned(), p.as_str(), Place::Text)));
    out.extend(t.mathematics.text.iter().map(|p| ("mathematics".to_owned(), p.as_str(), Place::Text)));
    out.extend(t.mathematics.symbols.iter().map(|s| (format!("symbol {}", s.symbol), s.meaning.as_str(), Place::Text)));
    out.push(("task".to_owned(), &t.task_prompt, Place::Text));
    out.extend(t.hints.iter().map(|h| ("hint".to_owned(), h.as_str(), Place::Text)));
    out.push(("success".to_owned(), &t.success, Place::Text));
    for q in &t.quiz {
        out.push((format!("question {}", q.id), &q.prompt, Place::Text));
        out.extend(q.options.iter().map(|o| (format!("question {} option {}", q.id, o.id), o.text.as_str(), Place::Label)));
        out.extend(q.options.iter().map(|o| (format!("question {} why {}", q.id, o.id), o.why.as_str(), Place::Text)));
    }
    out.push(("takeaway".to_owned(), &t.takeaway, Place::Text));
    out.push(("nuance".to_owned(), &t.nuance, Place::Text));
    out.extend(t.leaves_out.iter().map(|p| ("leaves out".to_owned(), p.as_str(), Place::Text)));
    out
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The glossary terms a run of plain text uses, in order.
fn terms_in(text: &str) -> Vec<&'static Term> {
    let lower = text.to_lowercase();
    let mut found: Vec<(usize, &'static Term)> = Vec::new();
    for t in glossary() {
        for form in &t.forms {
            let form = form.to_lowercase();
            let mut from = 0;
            while let Some(at) = lower[from..].find(&form).map(|i| i + from) {
                let end = at + form.len();
                let before = lower[..at].chars().next_back().is_none_or(|c| !word_char(c));
                let after = lower[end..].chars().next().is_none_or(|c| !word_char(c));
                if before && after {
                    found.push((at, t));
                }
                from = end;
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn every_term_is_defined_at_its_first_use_and_only_there() {
    let mut failures = Vec::new();
    for l in &LESSONS {
        let mut seen: Vec<&str> = Vec::new();
        for (field, text, place) in reading_order(l) {
            for piece in pieces(text) {
                match piece {
                    Piece::Term(word) => match term(word) {
                        None => failures.push(format!("{}: {field}: [{word}] is in no glossary entry", l.slug)),
                        Some(_) if place == Place::Label => failures.push(format!("{}: {field}: a label cannot define [{word}]", l.slug)),
                        Some(t) if seen.contains(&t.id.as_str()) => failures.push(format!("{}: {field}: [{word}] is defined again, after its first use", l.slug)),
                        Some(t) => seen.push(&t.id),
                    },
                    Piece::Plain(p) | Piece::Emphasis(p) => {
                        for t in terms_in(p) {
                            if !seen.contains(&t.id.as_str()) {
                                failures.push(format!("{}: {field}: the first use of \"{}\" is not marked as [{}]", l.slug, t.word, t.word));
                                seen.push(&t.id);
                            }
                        }
                    }
                    Piece::Formula(_) | Piece::Value(_) => {}
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_glossary_is_consistent() {
    let mut forms: Vec<String> = Vec::new();
    for t in glossary() {
        assert!(glossary().iter().filter(|u| u.id == t.id).count() == 1, "{} is in the glossary twice", t.id);
        assert!(!t.definition.trim().is_empty(), "{} has no definition", t.id);
        // A definition states no number, beyond one in its own name (p95).
        for n in numerals(&t.definition) {
            assert!(t.word.contains(&n), "{}: the definition states {n}", t.id);
        }
        forms.extend(t.forms.iter().map(|f| f.to_lowercase()));
    }
    let all = forms.len();
    forms.sort();
    forms.dedup();
    assert_eq!(forms.len(), all, "a spelling belongs to two terms");
}

#[test]
fn the_finder_matches_whole_words_only() {
    let ids = |s: &str| terms_in(s).iter().map(|t| t.id.as_str()).collect::<Vec<_>>();
    assert_eq!(ids("A peer-to-peer network of peers."), ["peer-to-peer", "peer"]);
    assert_eq!(ids("Nodes in the swarm; a super-peer."), ["node", "swarm", "super-peer"]);
    assert_eq!(ids("Peering and serverless are not terms."), Vec::<&str>::new());
}

/// Names in a formula: runs of ASCII letters, digits and underscores that
/// start with a letter, and each other letter (Σ, λ) on its own.
fn symbols_in(formula: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in formula.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if c.is_alphabetic() {
            out.push(c.to_string());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.retain(|s| s.starts_with(|c: char| c.is_alphabetic()));
    out
}

/// Functions and units a formula may use without a definition.
const KNOWN: &[&str] = &["log2", "ln", "max", "min", "ms", "s"];

#[test]
fn every_symbol_in_a_formula_is_named_in_the_mathematics_box() {
    let mut failures = Vec::new();
    for l in &LESSONS {
        let t = l.text();
        assert!(!t.mathematics.text.is_empty(), "{}: no mathematics", l.slug);
        let named: Vec<&str> = t.mathematics.symbols.iter().map(|s| s.symbol.as_str()).collect();
        let mut used = Vec::new();
        for (field, s) in t.fields() {
            for piece in pieces(s) {
                if let Piece::Formula(f) = piece {
                    for sym in symbols_in(f) {
                        if !named.contains(&sym.as_str()) && !KNOWN.contains(&sym.as_str()) {
                            failures.push(format!("{}: {field}: `{sym}` in `{f}` is not in the symbols list", l.slug));
                        }
                        used.push(sym);
                    }
                }
            }
        }
        for s in named {
            if !used.iter().any(|u| u == s) {
                failures.push(format!("{}: the symbol {s} is listed but no formula uses it", l.slug));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn formula_names_are_found() {
    assert_eq!(symbols_in("D_cs = max{N·F/u_s, F/d_min}"), ["D_cs", "max", "N", "F", "u_s", "F", "d_min"]);
    assert_eq!(symbols_in("Σu_i and 1 − (1 − a)^r"), ["Σ", "u_i", "and", "a", "r"]);
}
