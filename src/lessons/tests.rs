//! Every lesson replayed headlessly: its starting state does not meet the
//! task, its scripted solution does, and its data is complete.

use crate::experiment::{Goal, Param};
use crate::lessons::{lesson, LessonSlug, LESSONS};

#[test]
fn lessons_are_in_course_order() {
    for (l, slug) in LESSONS.iter().zip(LessonSlug::ALL) {
        assert_eq!(l.slug, slug);
        assert_eq!(lesson(slug).slug, slug);
    }
}

#[test]
fn the_start_does_not_meet_the_task_and_the_solution_does() {
    for l in &LESSONS {
        let start = l.setup.params();
        let before = l.setup.bench.outcome(&start, l.setup.seed).expect("the preset runs");
        assert!(!l.task.goal.met(&before), "{}: the starting state already meets the task: {before:?}", l.slug);

        let solved = start.with(l.task.solution);
        let after = l.setup.bench.outcome(&solved, l.setup.seed).expect("the solution runs");
        assert!(l.task.goal.met(&after), "{}: the scripted solution misses the task: {after:?}", l.slug);
    }
}

#[test]
fn solutions_use_only_visible_controls_within_range() {
    for l in &LESSONS {
        for (param, value) in l.task.solution.iter().chain(l.setup.preset) {
            let spec = param.spec();
            assert!(spec.check(*param, *value).is_ok(), "{}: {param:?} = {value} out of range", l.slug);
        }
        for (param, _) in l.task.solution {
            assert!(l.setup.controls.contains(param), "{}: the solution changes hidden {param:?}", l.slug);
        }
        for param in l.setup.controls {
            assert!(l.setup.preset.iter().any(|(p, _)| p == param), "{}: {param:?} has no preset", l.slug);
        }
    }
}

#[test]
fn goals_only_name_parameters_the_learner_controls() {
    fn params(goal: &Goal, out: &mut Vec<Param>) {
        match goal {
            Goal::Param { param, .. } | Goal::ParamMatches { param, .. } => out.push(*param),
            Goal::ParamsScaled { param, of, .. } => out.extend([*param, *of]),
            Goal::All(goals) => goals.iter().for_each(|g| params(g, out)),
            Goal::Metric { .. } | Goal::Compare { .. } | Goal::Scaled { .. } => {}
        }
    }
    for l in &LESSONS {
        let mut named = Vec::new();
        params(&l.task.goal, &mut named);
        for p in named {
            assert!(l.setup.controls.contains(&p), "{}: goal names hidden {p:?}", l.slug);
        }
    }
}

#[test]
fn a_task_that_asks_for_a_measured_value_keeps_it_off_the_readout() {
    fn asked(goal: &Goal, out: &mut Vec<crate::experiment::Metric>) {
        match goal {
            Goal::ParamMatches { metric, .. } => out.push(*metric),
            Goal::All(goals) => goals.iter().for_each(|g| asked(g, out)),
            _ => {}
        }
    }
    for l in &LESSONS {
        let mut metrics = Vec::new();
        asked(&l.task.goal, &mut metrics);
        for m in metrics {
            assert!(l.setup.hidden.contains(&m), "{}: the readout would show the answer, {m:?}", l.slug);
        }
        for m in l.setup.hidden {
            assert!(l.setup.bench.metrics.contains(m), "{}: hides {m:?}, which the bench does not show", l.slug);
        }
    }
}
