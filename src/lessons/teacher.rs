//! What the teach page says of a lesson beyond its words: the values "Show
//! me" sets, in the words of the lesson's own controls.

use crate::experiment::param::{format_number, Param, ParamKind};

/// The task's solution as the controls name it: `Nodes: 16; Push updates: on`.
pub fn solution_words(solution: &[(Param, f64)]) -> String {
    let one = |&(param, value): &(Param, f64)| {
        let spec = param.spec();
        let shown = match spec.kind {
            ParamKind::Switch if value != 0.0 => "on".to_owned(),
            ParamKind::Switch => "off".to_owned(),
            _ if spec.unit.is_empty() || spec.unit == "%" => format!("{}{}", format_number(value), spec.unit),
            _ => format!("{} {}", format_number(value), spec.unit),
        };
        format!("{}: {shown}", spec.label)
    };
    solution.iter().map(one).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::LESSONS;

    #[test]
    fn every_solution_reads_in_the_controls_words() {
        for l in &LESSONS {
            let words = solution_words(l.task.solution);
            assert_eq!(words.matches(": ").count(), l.task.solution.len(), "{}: {words}", l.slug);
            for (param, _) in l.task.solution {
                assert!(words.contains(param.spec().label), "{}: {words}", l.slug);
            }
        }
        let words = solution_words(&[(Param::Nodes, 16.0), (Param::PushUpdates, 1.0), (Param::OfflinePercent, 30.0), (Param::Ttl, 3.0)]);
        assert_eq!(words, "Nodes: 16; Send updates to every copy: on; Peers offline: 30%; Search radius (TTL): 3 hops");
    }
}
