//! Each task needs its idea: no corner of the controls reaches it, no
//! number the page states reaches it when typed in, and the best answer
//! shown after success is the least that works.

use crate::experiment::{Cmp, Goal, Outcome, Param, ParamKind, Params};
use crate::lessons::lesson::Lesson;
use crate::lessons::render::plain;
use crate::lessons::LESSONS;
use std::collections::HashMap;

/// Runs of a lesson's bench, cached by their parameters.
struct Runs<'a> {
    lesson: &'a Lesson,
    seen: HashMap<String, bool>,
}

impl<'a> Runs<'a> {
    fn new(lesson: &'a Lesson) -> Self {
        Runs { lesson, seen: HashMap::new() }
    }

    /// Whether these settings complete the task. Settings the goal's
    /// parameter conditions already rule out are not run.
    fn completes(&mut self, params: &Params) -> bool {
        let goal = &self.lesson.task.goal;
        if !params_allow(goal, params) {
            return false;
        }
        let key = format!("{params:?}");
        if let Some(&met) = self.seen.get(&key) {
            return met;
        }
        let outcome = self.lesson.setup.bench.outcome(params, self.lesson.setup.seed).expect("the settings run");
        let met = goal.met(&outcome);
        self.seen.insert(key, met);
        met
    }
}

/// The goal's conditions on parameters alone, with every condition on a
/// measurement taken as met.
fn params_allow(goal: &Goal, params: &Params) -> bool {
    let outcome = Outcome { params: params.clone(), ..Outcome::default() };
    match goal {
        Goal::Param { .. } | Goal::ParamsScaled { .. } => goal.met(&outcome),
        Goal::All(goals) => goals.iter().all(|g| params_allow(g, params)),
        Goal::Metric { .. } | Goal::Compare { .. } | Goal::Scaled { .. } | Goal::ParamMatches { .. } => true,
    }
}

/// The settings a learner who follows the task's wording would make
/// around a value they typed: every parameter the task fixes set to its
/// value, and a parameter tied to another moved with it.
fn as_the_task_says(goal: &Goal, params: &mut Params, typed: Option<Param>) {
    match *goal {
        Goal::Param { param, cmp: Cmp::Equal, value } => params.set(param, value),
        Goal::ParamsScaled { param, cmp: Cmp::Equal, factor, of } => match (params.get(param), params.get(of)) {
            (_, Some(o)) if typed == Some(of) => params.set(param, factor * o),
            (Some(p), _) => params.set(of, p / factor),
            _ => {}
        },
        Goal::All(goals) => goals.iter().for_each(|g| as_the_task_says(g, params, typed)),
        _ => {}
    }
}

fn each_combination(lists: &[Vec<f64>]) -> Vec<Vec<f64>> {
    lists.iter().fold(vec![Vec::new()], |acc, list| {
        acc.iter().flat_map(|prefix| list.iter().map(move |v| [prefix.clone(), vec![*v]].concat())).collect()
    })
}

#[test]
fn no_corner_of_the_controls_completes_a_task() {
    let mut failures = Vec::new();
    for l in &LESSONS {
        let mut runs = Runs::new(l);
        let ends: Vec<Vec<f64>> = l.setup.controls.iter().map(|p| vec![p.spec().min, p.spec().max]).collect();
        for corner in each_combination(&ends) {
            let mut params = l.setup.params();
            for (p, v) in l.setup.controls.iter().zip(&corner) {
                params.set(*p, *v);
            }
            if runs.completes(&params) {
                failures.push(format!("{}: the corner {:?} completes the task", l.slug, l.setup.controls.iter().zip(&corner).collect::<Vec<_>>()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The numbers a learner reads in the hints, the explanation, the claim
/// and the nuance, as they would type them (percentages as written).
fn stated_numbers(l: &Lesson) -> Vec<f64> {
    let text = l.text();
    let mut fields = vec![&text.claim, &text.nuance];
    fields.extend(&text.hints);
    fields.extend(&text.explanation);
    let mut out: Vec<f64> = fields
        .into_iter()
        .flat_map(|f| crate::lessons::ledger::numerals(&plain(f, text)))
        .filter_map(|n| n.replace(',', "").parse().ok())
        .collect();
    out.sort_by(f64::total_cmp);
    out.dedup();
    out
}

#[test]
fn no_number_on_the_page_completes_a_task_when_typed_in() {
    let mut failures = Vec::new();
    for l in &LESSONS {
        let mut runs = Runs::new(l);
        let numbers = stated_numbers(l);
        assert!(!numbers.is_empty(), "{}: the page states no numbers to try", l.slug);
        for &control in l.setup.controls {
            for &n in &numbers {
                if control.spec().check(control, n).is_err() {
                    continue;
                }
                // As the preset stands, and with the task's own settings made.
                let mut plain_typed = l.setup.params();
                plain_typed.set(control, n);
                let mut followed = l.setup.params();
                as_the_task_says(&l.task.goal, &mut followed, None);
                followed.set(control, n);
                as_the_task_says(&l.task.goal, &mut followed, Some(control));
                for params in [plain_typed, followed] {
                    if runs.completes(&params) {
                        failures.push(format!("{}: typing {n} into {control:?} completes the task", l.slug));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every value a control can take, or a spread of them when there are
/// many.
fn values(p: Param) -> Vec<f64> {
    let spec = p.spec();
    let steps = ((spec.max - spec.min) / spec.step).round() as usize;
    let at = |i: usize| spec.min + i as f64 * spec.step;
    if steps <= 40 {
        (0..=steps).map(at).collect()
    } else {
        (0..=20).map(|i| at(i * steps / 20)).collect()
    }
}

#[test]
fn the_best_answer_is_the_least_that_works() {
    for l in &LESSONS {
        let Some(best) = l.task.best else { continue };
        assert!(l.setup.controls.contains(&best.param), "{}: the best names a hidden control", l.slug);
        assert_ne!(best.param.spec().kind, ParamKind::Switch, "{}: a switch has no least value", l.slug);
        let mut runs = Runs::new(l);
        let mut solved = l.setup.params().with(l.task.solution);
        solved.set(best.param, best.value);
        assert!(runs.completes(&solved), "{}: the best answer does not complete the task", l.slug);

        // Every smaller value fails, whatever the other controls say.
        let others: Vec<Param> = l.setup.controls.iter().copied().filter(|p| *p != best.param).collect();
        let lists: Vec<Vec<f64>> = others.iter().map(|p| values(*p)).collect();
        let spec = best.param.spec();
        let mut v = best.value - spec.step;
        while v >= spec.min {
            for combo in each_combination(&lists) {
                let mut params = l.setup.params();
                for (p, x) in others.iter().zip(&combo) {
                    params.set(*p, *x);
                }
                params.set(best.param, v);
                as_the_task_says(&l.task.goal, &mut params, Some(best.param));
                assert!(!runs.completes(&params), "{}: {:?} = {v} also completes the task: {params:?}", l.slug, best.param);
            }
            v -= spec.step;
        }
    }
}
