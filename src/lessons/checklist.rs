//! A task's conditions, one line each, as the learner's last run met them
//! or not: so a readout that rounds to the target never leaves a learner
//! wondering why the task is "not reached".
//!
//! Labels are lowered with `to_ascii_lowercase`: they are ASCII, and
//! `to_lowercase` links Unicode's case tables into the Wasm (measured:
//! about 10 KB gzipped).

use crate::experiment::param::format_number;
use crate::experiment::{Bench, Cmp, Goal, Metric, Outcome, Param, Side};

/// One condition of a task and whether the run met it.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub text: String,
    pub met: bool,
}

/// Every condition of `goal`, in order, against `outcome`. Metrics in
/// `hidden` are the answers the task asks for: never printed.
pub fn conditions(goal: &Goal, outcome: &Outcome, bench: Bench, hidden: &[Metric]) -> Vec<Condition> {
    let mut out = Vec::new();
    collect(goal, outcome, bench, hidden, &mut out);
    out
}

fn needs(cmp: Cmp, what: &str) -> String {
    match cmp {
        Cmp::AtMost => format!("at most {what}"),
        Cmp::AtLeast => format!("at least {what}"),
        Cmp::Equal => format!("exactly {what}"),
    }
}

fn param_value(outcome: &Outcome, param: Param) -> f64 {
    outcome.params.value_or(param, param.spec().min)
}

fn param_text(param: Param, v: f64) -> String {
    let spec = param.spec();
    match spec.kind {
        crate::experiment::ParamKind::Switch => (if v >= 0.5 { "on" } else { "off" }).to_owned(),
        _ if spec.unit.is_empty() => format_number(v),
        _ => format!("{} {}", format_number(v), spec.unit),
    }
}

fn collect(goal: &Goal, outcome: &Outcome, bench: Bench, hidden: &[Metric], out: &mut Vec<Condition>) {
    let met = goal.met(outcome);
    let side_name = |side: Side| bench.label(side, &outcome.params);
    let measured = |side: Side, metric: Metric| outcome.metrics(side).get(metric);
    let text = match *goal {
        Goal::All(goals) => {
            goals.iter().for_each(|g| collect(g, outcome, bench, hidden, out));
            return;
        }
        Goal::Param { param, cmp, value } => {
            let v = param_value(outcome, param);
            format!("{}: {} (needs {})", param.spec().label, param_text(param, v), needs(cmp, &param_text(param, value)))
        }
        Goal::Metric { side, metric, cmp, value } => match measured(side, metric) {
            Some(v) => {
                let (got, target) = metric.format_apart(v, value);
                format!("{}, {}: {got} (needs {})", side_name(side), metric.label().to_ascii_lowercase(), needs(cmp, &target))
            }
            None => format!("{}, {}: not measured yet (needs {})", side_name(side), metric.label().to_ascii_lowercase(), needs(cmp, &metric.format(value))),
        },
        Goal::Compare { left, cmp, right } => {
            let (l, r) = (measured(left.0, left.1), measured(right.0, right.1));
            let (ls, rs) = match (l, r) {
                (Some(l), Some(r)) => left.1.format_apart(l, r),
                _ => ("—".to_owned(), "—".to_owned()),
            };
            let rel = match cmp {
                Cmp::AtMost => "at most",
                Cmp::AtLeast => "at least",
                Cmp::Equal => "the same as",
            };
            format!(
                "{}, {}: {ls}; {}: {rs} (needs {} {rel} {}'s)",
                side_name(left.0),
                left.1.label().to_ascii_lowercase(),
                side_name(right.0),
                side_name(left.0),
                side_name(right.0).to_ascii_lowercase()
            )
        }
        Goal::Scaled { left, cmp, factor, right } => {
            let (l, r) = (measured(left.0, left.1), measured(right.0, right.1));
            let (ls, rs) = match (l, r) {
                (Some(l), Some(r)) => left.1.format_apart(l, factor * r),
                _ => ("—".to_owned(), "—".to_owned()),
            };
            let share = if factor == 0.5 { "half".to_owned() } else { format!("{} times", format_number(factor)) };
            format!(
                "{}, {}: {ls} (needs {}: {share} {}'s is {rs})",
                side_name(left.0),
                left.1.label().to_ascii_lowercase(),
                needs(cmp, "that"),
                side_name(right.0).to_ascii_lowercase(),
            )
        }
        Goal::ParamsScaled { param, cmp, factor, of } => {
            let (p, o) = (param_value(outcome, param), param_value(outcome, of));
            format!(
                "{}: {} (needs {}: {} × {} {} is {})",
                param.spec().label,
                param_text(param, p),
                needs(cmp, "that"),
                format_number(factor),
                of.spec().label.to_ascii_lowercase(),
                param_text(of, o),
                param_text(param, factor * o)
            )
        }
        Goal::ParamMatches { param, metric, .. } => {
            let v = param_value(outcome, param);
            // The measured value is the answer: only say what is asked.
            let answer = if hidden.contains(&metric) { String::new() } else { format!(", which is {}", format_number(measured(Side::Central, metric).unwrap_or(f64::NAN))) };
            format!("{}: {} (needs the smallest number at which {}{answer})", param.spec().label, param_text(param, v), threshold(metric))
        }
    };
    out.push(Condition { text, met });
}

/// What a "from this size on" metric marks, in words.
fn threshold(metric: Metric) -> &'static str {
    match metric {
        Metric::CheaperFrom => "client-server costs each user no more",
        Metric::Crossover => "a server means less administration",
        _ => metric.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::{lesson, LessonSlug};

    fn run(slug: LessonSlug, changes: &[(Param, f64)]) -> (Vec<Condition>, bool) {
        let l = lesson(slug);
        let params = l.setup.params().with(changes);
        let outcome = l.setup.bench.outcome(&params, l.setup.seed).unwrap();
        (conditions(&l.task.goal, &outcome, l.setup.bench, l.setup.hidden), l.task.goal.met(&outcome))
    }

    #[test]
    fn a_near_miss_shows_the_digits_that_miss() {
        // The busiest peer at 15 nodes reads "10%" on the readout but misses.
        let (c, met) = run(LessonSlug::Role, &[(Param::Nodes, 15.0)]);
        assert!(!met);
        assert_eq!(c.len(), 2);
        assert!(!c[0].met && c[0].text.contains("10.4%") && c[0].text.contains("at most 10.0%"), "{c:?}");
        assert!(c[1].met && c[1].text == "Nodes: 15 (needs at most 20)", "{c:?}");
    }

    #[test]
    fn every_condition_met_when_the_task_is() {
        for l in &crate::lessons::LESSONS {
            let (c, met) = run(l.slug, l.task.solution);
            assert!(met && c.iter().all(|x| x.met), "{}: {c:?}", l.slug);
            let (c, met) = run(l.slug, &[]);
            assert!(!met && c.iter().any(|x| !x.met), "{}: {c:?}", l.slug);
        }
    }

    #[test]
    fn an_answer_the_task_asks_for_is_never_printed() {
        let (c, _) = run(LessonSlug::Cost, &[(Param::OwnerHours, 0.3), (Param::Users, 50.0)]);
        let solution = lesson(LessonSlug::Cost).task.solution;
        let users = solution.iter().find(|(p, _)| *p == Param::Users).unwrap().1;
        let answer = format_number(users);
        assert!(c.iter().all(|x| !x.text.contains(&answer)), "{c:?}");
        assert!(c.iter().any(|x| x.text.starts_with("Users: 50 (needs the smallest number at which client-server")), "{c:?}");
    }
}
