//! A lesson's task as data: conditions on the experiment's parameters and
//! on the metrics each side measured, checked by comparing numbers.

use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::pair::Side;
use crate::experiment::param::{Param, Params};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cmp {
    AtMost,
    AtLeast,
    Equal,
}

impl Cmp {
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Cmp::AtMost => left <= right,
            Cmp::AtLeast => left >= right,
            Cmp::Equal => (left - right).abs() < 1e-9,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// A parameter compared with a constant (e.g. at least 50 receivers).
    Param { param: Param, cmp: Cmp, value: f64 },
    /// One side's metric compared with a constant.
    Metric { side: Side, metric: Metric, cmp: Cmp, value: f64 },
    /// One side's metric compared with the other side's (or its own other
    /// metric): e.g. client-server completion at most peer-to-peer's.
    Compare { left: (Side, Metric), cmp: Cmp, right: (Side, Metric) },
    /// As `Compare`, against a multiple of the right-hand metric: e.g.
    /// peer-to-peer's time at most half of client-server's.
    Scaled { left: (Side, Metric), cmp: Cmp, factor: f64, right: (Side, Metric) },
    /// A parameter compared with a multiple of another: e.g. the server's
    /// capacity equal to 50 times one peer's.
    ParamsScaled { param: Param, cmp: Cmp, factor: f64, of: Param },
    /// A parameter set to exactly the value one side measured (e.g. the
    /// number of computers at which a server starts to pay off).
    ParamMatches { param: Param, side: Side, metric: Metric },
    /// Every condition at once.
    All(&'static [Goal]),
}

/// What the experiment produced: its parameters, and each side's metrics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub params: Params,
    pub central: Metrics,
    pub distributed: Metrics,
}

impl Outcome {
    pub fn metrics(&self, side: Side) -> &Metrics {
        match side {
            Side::Central => &self.central,
            Side::Distributed => &self.distributed,
        }
    }
}

impl Goal {
    /// True when the outcome meets the goal. A metric that was not measured
    /// never meets anything, so an unfinished run cannot pass by accident.
    pub fn met(&self, outcome: &Outcome) -> bool {
        match *self {
            Goal::Param { param, cmp, value } => outcome.params.get(param).is_some_and(|v| cmp.holds(v, value)),
            Goal::Metric { side, metric, cmp, value } => {
                outcome.metrics(side).get(metric).is_some_and(|v| cmp.holds(v, value))
            }
            Goal::Compare { left, cmp, right } => {
                match (outcome.metrics(left.0).get(left.1), outcome.metrics(right.0).get(right.1)) {
                    (Some(l), Some(r)) => cmp.holds(l, r),
                    _ => false,
                }
            }
            Goal::Scaled { left, cmp, factor, right } => {
                match (outcome.metrics(left.0).get(left.1), outcome.metrics(right.0).get(right.1)) {
                    (Some(l), Some(r)) => cmp.holds(l, factor * r),
                    _ => false,
                }
            }
            Goal::ParamsScaled { param, cmp, factor, of } => match (outcome.params.get(param), outcome.params.get(of)) {
                (Some(p), Some(o)) => cmp.holds(p, factor * o),
                _ => false,
            },
            Goal::ParamMatches { param, side, metric } => {
                match (outcome.params.get(param), outcome.metrics(side).get(metric)) {
                    (Some(p), Some(m)) => Cmp::Equal.holds(p, m),
                    _ => false,
                }
            }
            Goal::All(goals) => !goals.is_empty() && goals.iter().all(|g| g.met(outcome)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOAL: Goal = Goal::All(&[
        Goal::Param { param: Param::Receivers, cmp: Cmp::AtLeast, value: 50.0 },
        Goal::Compare {
            left: (Side::Central, Metric::CompletionS),
            cmp: Cmp::AtMost,
            right: (Side::Distributed, Metric::CompletionS),
        },
    ]);

    fn outcome(receivers: f64, cs: f64, p2p: f64) -> Outcome {
        let mut o = Outcome { params: Params::from_pairs(&[(Param::Receivers, receivers)]), ..Outcome::default() };
        o.central.set(Metric::CompletionS, cs);
        o.distributed.set(Metric::CompletionS, p2p);
        o
    }

    #[test]
    fn every_part_must_hold() {
        assert!(GOAL.met(&outcome(50.0, 16.0, 16.5)));
        assert!(!GOAL.met(&outcome(49.0, 16.0, 16.5)));
        assert!(!GOAL.met(&outcome(50.0, 20.0, 16.5)));
    }

    #[test]
    fn scaled_goals_compare_with_a_multiple() {
        let half = Goal::Scaled {
            left: (Side::Distributed, Metric::CompletionS),
            cmp: Cmp::AtMost,
            factor: 0.5,
            right: (Side::Central, Metric::CompletionS),
        };
        assert!(half.met(&outcome(1.0, 80.0, 40.0)));
        assert!(!half.met(&outcome(1.0, 80.0, 41.0)));
        let pooled = Goal::ParamsScaled { param: Param::ServerCapacity, cmp: Cmp::Equal, factor: 50.0, of: Param::PeerCapacity };
        let with = |server: f64, peer: f64| Outcome {
            params: Params::from_pairs(&[(Param::ServerCapacity, server), (Param::PeerCapacity, peer)]),
            ..Outcome::default()
        };
        assert!(pooled.met(&with(135.0, 2.7)) && !pooled.met(&with(135.0, 2.8)) && !pooled.met(&Outcome::default()));
    }

    #[test]
    fn missing_measurements_never_pass() {
        assert!(!GOAL.met(&Outcome::default()));
        assert!(!Goal::All(&[]).met(&outcome(50.0, 1.0, 2.0)));
        let nan = outcome(50.0, f64::NAN, 16.5);
        assert!(!GOAL.met(&nan));
    }
}
