//! The claims ledger, checked: every number a lesson states is backed by
//! the lesson's own bench, a parameter, a control's range or a named closed
//! form, and every numeral in a lesson's text comes from the ledger.

use crate::experiment::{Goal, Metric, Outcome, Param, ParamKind};
use crate::lessons::formula::evaluate;
use crate::lessons::lesson::Lesson;
use crate::lessons::render::{pieces, Piece};
use crate::lessons::text::{claim_checks, Check, ClaimCheck, RangeEnd, Show};
use crate::lessons::LESSONS;
use std::collections::HashMap;

/// Numerals that are not claims, each with why. Kept short.
const ALLOWED: &[(&str, &str, &str)] = &[
    // The source table's own words, quoted so the lesson can test them.
    ("network-size", "10", "the source's \"suits fewer than 10 computers\""),
];

/// The figure that backs a claim.
fn backing(l: &Lesson, c: &ClaimCheck, runs: &mut HashMap<String, Outcome>) -> Result<f64, String> {
    let param = |key: &str| Param::from_key(key).ok_or_else(|| format!("no parameter {key:?}"));
    match c.check {
        Check::Metric { side, metric, params } => {
            let metric = Metric::from_key(metric).ok_or_else(|| format!("no metric {metric:?}"))?;
            let mut p = l.setup.params();
            for (k, v) in params {
                p.set(param(k)?, *v);
            }
            let key = format!("{p:?}");
            if !runs.contains_key(&key) {
                let outcome = l.setup.bench.outcome(&p, l.setup.seed).map_err(|e| e.to_string())?;
                runs.insert(key.clone(), outcome);
            }
            runs[&key].metrics(side).get(metric).ok_or_else(|| format!("{metric:?} was not measured"))
        }
        Check::Param(key) => {
            let p = param(key)?;
            l.setup.bench.complete(&l.setup.params()).get(p).ok_or_else(|| format!("{key} is not a setting of this bench"))
        }
        Check::Range { param: key, end } => {
            let spec = param(key)?.spec();
            Ok(match end {
                RangeEnd::Min => spec.min,
                RangeEnd::Max => spec.max,
            })
        }
        Check::Formula { name, args } => evaluate(name, args),
        Check::Fact(name) => {
            (l.setup.bench.facts)().into_iter().find(|(n, _)| *n == name).map(|(_, v)| v).ok_or_else(|| format!("{} has no fact {name:?}", l.setup.bench.key))
        }
        Check::Goal(i) => goal_numbers(&l.task.goal).get(i).copied().ok_or_else(|| format!("the task's goal has no number {i}")),
    }
}

/// The numbers a goal compares with, in its order.
fn goal_numbers(goal: &Goal) -> Vec<f64> {
    match goal {
        Goal::Param { value, .. } | Goal::Metric { value, .. } => vec![*value],
        Goal::All(goals) => goals.iter().flat_map(goal_numbers).collect(),
        Goal::Scaled { factor, .. } | Goal::ParamsScaled { factor, .. } => vec![*factor],
        Goal::Compare { .. } | Goal::ParamMatches { .. } => Vec::new(),
    }
}

#[test]
fn every_claim_is_backed_within_its_tolerance() {
    let mut failures = Vec::new();
    for l in &LESSONS {
        let mut runs = HashMap::new();
        for c in claim_checks(l.slug) {
            let Some(claim) = l.text().claim_value(c.key) else {
                failures.push(format!("{}: {} is checked but not claimed", l.slug, c.key));
                continue;
            };
            match backing(l, c, &mut runs) {
                Ok(got) if (got - claim.value).abs() <= c.tolerance + 1e-9 => {}
                Ok(got) => failures.push(format!("{}: {} says {} but the check gives {got}", l.slug, c.key, claim.value)),
                Err(e) => failures.push(format!("{}: {}: {e}", l.slug, c.key)),
            }
        }
        assert_eq!(claim_checks(l.slug).len(), l.text().ledger.len(), "{}: every claim has one check", l.slug);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_placeholder_has_a_claim_and_every_claim_is_stated() {
    for l in &LESSONS {
        let text = l.text();
        let mut used = Vec::new();
        for (field, s) in text.fields().into_iter().chain(text.teacher_fields()) {
            for piece in pieces(s) {
                if let Piece::Value(key) = piece {
                    assert!(text.claim_value(key).is_some(), "{}: {field} uses {{{key}}}, which the ledger lacks", l.slug);
                    used.push(key);
                }
            }
        }
        let mut keys: Vec<&str> = text.ledger.iter().map(|c| c.key.as_str()).collect();
        for c in &text.ledger {
            assert!(used.contains(&c.key.as_str()), "{}: the ledger's {} is stated nowhere", l.slug, c.key);
            assert!(Show::from_name(&c.show).is_some(), "{}: {} shows as {:?}", l.slug, c.key, c.show);
            assert!(c.value.is_finite(), "{}: {}", l.slug, c.key);
        }
        for c in claim_checks(l.slug) {
            assert!(c.tolerance >= 0.0, "{}: {}", l.slug, c.key);
        }
        keys.sort_unstable();
        let all = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), all, "{}: a ledger key used twice", l.slug);
    }
}

/// Runs of digits, with the separators a number may carry inside it.
/// Digits that follow a letter belong to a name ("p95", "log2"), not a
/// number.
pub(super) fn numerals(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = s.chars().collect();
    // Inside a word that began with a letter.
    let mut in_name = false;
    for (i, &c) in chars.iter().enumerate() {
        if current.is_empty() && (c.is_alphabetic() || c == '_') {
            in_name = true;
        } else if !(c.is_alphanumeric() || c == '_') {
            in_name = false;
        }
        if in_name {
            continue;
        }
        let inside = matches!(c, '.' | ',') && !current.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inside {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[test]
fn every_numeral_in_the_text_comes_from_the_ledger() {
    let mut failures = Vec::new();
    for l in &LESSONS {
        for (field, s) in l.text().fields().into_iter().chain(l.text().teacher_fields()) {
            for piece in pieces(s) {
                match piece {
                    Piece::Plain(p) | Piece::Emphasis(p) => {
                        for n in numerals(p) {
                            if !ALLOWED.iter().any(|(slug, num, _)| *slug == l.slug.as_str() && *num == n) {
                                failures.push(format!("{}: {field}: \"{n}\" in {s:?}", l.slug));
                            }
                        }
                    }
                    // A formula's notation may hold its 1s and 2s (N − 1,
                    // 1/N, log2 N); any other digit is a number to back.
                    Piece::Formula(p) => {
                        for n in numerals(p).into_iter().filter(|n| n != "1" && n != "2") {
                            failures.push(format!("{}: {field}: \"{n}\" in the formula {p:?}", l.slug));
                        }
                    }
                    // A glossary word (M/M/1) is a name, not a claim.
                    Piece::Value(_) | Piece::Term(_) => {}
                }
            }
        }
    }
    assert!(failures.is_empty(), "numerals not from the ledger:\n{}", failures.join("\n"));
}

#[test]
fn the_numeral_finder_finds_numbers_and_only_numbers() {
    assert_eq!(numerals("from 2 to 40,000 Mbit, 99.84% at t = 0.5; 7 copies."), ["2", "40,000", "99.84", "0.5", "7"]);
    assert_eq!(numerals("the p95, log2 N and u_2 are names; N − 1 is not"), ["1"]);
    assert_eq!(numerals("N, M and (N, M)"), Vec::<String>::new());
}

#[test]
fn predictions_cover_the_first_run_without_overlapping() {
    for l in &LESSONS {
        let p = &l.text().predict;
        let metric = p.metric().unwrap_or_else(|| panic!("{}: no metric {:?}", l.slug, p.metric));
        assert!((3..=4).contains(&p.options.len()), "{}", l.slug);
        let mut ranges: Vec<(f64, f64)> = p.options.iter().map(|o| (o.low, o.high)).collect();
        ranges.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in ranges.windows(2) {
            assert!(w[0].0 < w[0].1 && w[0].1 <= w[1].0, "{}: ranges overlap or are empty: {ranges:?}", l.slug);
        }
        // Whatever the first run measures, one option names it.
        let first = l.setup.bench.outcome(&l.setup.params(), l.setup.seed).expect("the preset runs");
        let seen = first.metrics(p.side).get(metric).unwrap_or_else(|| panic!("{}: the first run measures no {metric:?}", l.slug));
        assert!(p.matching(seen).is_some(), "{}: the first run's {seen} falls in no option", l.slug);
    }
}

#[test]
fn teacher_notes_name_objectives_and_predictions_the_first_run_does_not_bear_out() {
    for l in &LESSONS {
        let t = l.text();
        let notes = &t.teacher;
        assert!((2..=3).contains(&notes.objectives.len()), "{}: {} objectives", l.slug, notes.objectives.len());
        assert!((1..=2).contains(&notes.wrong_predictions.len()), "{}: {} wrong predictions", l.slug, notes.wrong_predictions.len());
        let p = &t.predict;
        let first = l.setup.bench.outcome(&l.setup.params(), l.setup.seed).expect("the preset runs");
        let seen = first.metrics(p.side).get(p.metric().expect("a metric")).expect("measured");
        let borne_out = p.matching(seen).map(|o| o.id.as_str());
        for (option, why) in &notes.wrong_predictions {
            assert!(p.option(option).is_some(), "{}: no prediction option {option:?}", l.slug);
            assert_ne!(Some(option.as_str()), borne_out, "{}: {option} is what the first run shows", l.slug);
            assert!(why.split_whitespace().count() >= 12, "{}: say why {option} tempts, and what corrects it", l.slug);
        }
        assert!(notes.objectives.iter().all(|o| o.split_whitespace().count() >= 5), "{}: an objective too short to assess", l.slug);
    }
}

#[test]
fn quiz_ids_are_unique_and_the_right_answer_is_not_the_longest_by_habit() {
    let (mut questions, mut longest_right) = (0, 0);
    for l in &LESSONS {
        let quiz = &l.text().quiz;
        let mut ids: Vec<&str> = quiz.iter().map(|q| q.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), quiz.len(), "{}: a question id used twice", l.slug);
        for q in quiz {
            assert!(q.option(&q.correct).is_some(), "{}: {} names no option {:?}", l.slug, q.id, q.correct);
            let mut oids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
            oids.sort_unstable();
            oids.dedup();
            assert_eq!(oids.len(), q.options.len(), "{}: {} repeats an option id", l.slug, q.id);
            let whys: Vec<&str> = q.options.iter().map(|o| o.why.as_str()).collect();
            assert!(whys.iter().all(|w| !w.trim().is_empty()), "{}: {} has an option with no answer", l.slug, q.id);
            assert!(whys.iter().skip(1).any(|w| *w != whys[0]), "{}: {} answers every option alike", l.slug, q.id);
            let len = |t: &str| t.chars().count();
            let right = q.option(&q.correct).map_or(0, |o| len(&o.text));
            questions += 1;
            if q.options.iter().all(|o| o.id == q.correct || len(&o.text) < right) {
                longest_right += 1;
            }
        }
    }
    assert!(longest_right * 10 <= questions * 4, "the right answer is the longest in {longest_right} of {questions} questions");
}

#[test]
fn a_count_parameter_backs_only_whole_numbers() {
    for l in &LESSONS {
        for c in claim_checks(l.slug) {
            if let Check::Param(key) = c.check {
                let p = Param::from_key(key).unwrap_or_else(|| panic!("{}: {key}", l.slug));
                let value = l.text().claim_value(c.key).map_or(f64::NAN, |claim| claim.value);
                if p.spec().kind == ParamKind::Count {
                    assert_eq!(value.fract(), 0.0, "{}: {}", l.slug, c.key);
                }
            }
        }
    }
}
