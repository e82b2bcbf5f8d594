//! Faults a scenario schedules in advance: "node 0 fails at 30 s, comes back
//! at 60 s". Shared by the request, lookup and churn workloads so a share
//! link describes faults the same way in every lesson.
//!
//! Faults injected while a run is being stepped (the sandbox's "fail this
//! node" button) do not go through this type: a workload that has them
//! implements [`Faults`], whose `fail_node` / `revive_node` act at the
//! current simulated time.

use crate::sim::node::NodeId;
use crate::sim::queue::EventQueue;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::{check_count, check_range, Problem, ValidationError};
use serde::{Deserialize, Serialize};

/// Failing and reviving nodes of a run while it is stepped. A workload
/// says how many nodes it has, whether one is up, and what a fault does to
/// it; checking the node, failing, reviving and toggling are written once,
/// here.
pub trait Faults {
    /// Nodes in the run, the hub included.
    fn node_count(&self) -> u32;

    fn is_up(&self, node: NodeId) -> bool;

    /// Applies a fault to a node known to exist, at the current time.
    fn apply_fault(&mut self, node: NodeId, action: FaultAction);

    /// Refuses a node the run does not have; `field` names it for the learner.
    fn check_node(&self, field: &str, node: NodeId) -> Result<(), ValidationError> {
        let count = self.node_count();
        if node.0 < count {
            return Ok(());
        }
        Err(ValidationError::new(
            field,
            Problem::CountOutOfRange { min: 0, max: u64::from(count.saturating_sub(1)), got: u64::from(node.0) },
        ))
    }

    /// Fails a node now.
    fn fail_node(&mut self, node: NodeId) -> Result<(), ValidationError> {
        self.check_node("node", node)?;
        self.apply_fault(node, FaultAction::Fail);
        Ok(())
    }

    /// Brings a failed node back now.
    fn revive_node(&mut self, node: NodeId) -> Result<(), ValidationError> {
        self.check_node("node", node)?;
        self.apply_fault(node, FaultAction::Revive);
        Ok(())
    }

    /// Fails a running node or revives a failed one; returns whether it is
    /// up now.
    fn toggle_node(&mut self, node: NodeId) -> Result<bool, ValidationError> {
        self.check_node("node", node)?;
        let up = self.is_up(node);
        self.apply_fault(node, if up { FaultAction::Fail } else { FaultAction::Revive });
        Ok(self.is_up(node))
    }
}

/// Enough for any lesson script; more would only slow the page.
pub const MAX_SCHEDULED_FAULTS: u64 = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultAction {
    /// The node stops: it neither asks nor answers, and loses whatever it
    /// was working on.
    Fail,
    /// The node comes back, with an empty queue.
    Revive,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduledFault {
    /// Simulated seconds from the start of the run.
    pub at_s: f64,
    pub node: NodeId,
    pub action: FaultAction,
}

impl ScheduledFault {
    pub fn fail(at_s: f64, node: u32) -> Self {
        ScheduledFault { at_s, node: NodeId(node), action: FaultAction::Fail }
    }

    pub fn revive(at_s: f64, node: u32) -> Self {
        ScheduledFault { at_s, node: NodeId(node), action: FaultAction::Revive }
    }

    /// When the fault fires on the simulated clock. Only meaningful once
    /// [`validate_faults`] accepted the time.
    pub fn time(&self) -> SimTime {
        secs_to_time(self.at_s)
    }
}

/// Puts every scheduled fault on a run's queue as the workload's own event.
pub fn schedule_faults<E>(events: &mut EventQueue<E>, faults: &[ScheduledFault], event: impl Fn(NodeId, FaultAction) -> E) {
    for f in faults {
        events.push(f.time(), event(f.node, f.action));
    }
}

/// Seconds (as typed by a learner) to a point on the simulated clock.
pub fn secs_to_time(secs: f64) -> SimTime {
    SimTime::ZERO + SimDuration::from_secs_f64_ceil(secs)
}

/// Checks every fault's time against the run's length and every node
/// against the scenario's node count.
pub fn validate_faults(
    faults: &[ScheduledFault],
    node_count: u32,
    duration_s: f64,
) -> Result<(), ValidationError> {
    check_count("scheduled faults", faults.len() as u64, 0, MAX_SCHEDULED_FAULTS)?;
    for (i, f) in faults.iter().enumerate() {
        let n = i + 1;
        check_range(&format!("fault {n}: time (s)"), f.at_s, 0.0, duration_s)?;
        if f.node.0 >= node_count {
            return Err(ValidationError::new(
                format!("fault {n}: node"),
                Problem::CountOutOfRange {
                    min: 0,
                    max: u64::from(node_count.saturating_sub(1)),
                    got: u64::from(f.node.0),
                },
            ));
        }
    }
    Ok(())
}

/// Faults from a property test's random draws `(share of the run, node,
/// fail?)`, spread over a run of `duration_s` on `nodes` nodes.
#[cfg(test)]
pub(crate) fn drawn_faults(draws: Vec<(f64, u32, bool)>, duration_s: f64, nodes: u32) -> Vec<ScheduledFault> {
    draws
        .into_iter()
        .map(|(at, node, fail)| {
            let (at, node) = (at * duration_s, node % nodes.max(1));
            if fail { ScheduledFault::fail(at, node) } else { ScheduledFault::revive(at, node) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_checked_against_nodes_and_duration() {
        let ok = [ScheduledFault::fail(1.0, 0), ScheduledFault::revive(10.0, 4)];
        assert_eq!(validate_faults(&ok, 5, 10.0), Ok(()));

        let late = [ScheduledFault::fail(11.0, 0)];
        let e = validate_faults(&late, 5, 10.0).unwrap_err();
        assert_eq!(e.field, "fault 1: time (s)");

        let nan = [ScheduledFault::fail(1.0, 0), ScheduledFault::fail(f64::NAN, 0)];
        let e = validate_faults(&nan, 5, 10.0).unwrap_err();
        assert_eq!((e.field.as_str(), &e.problem), ("fault 2: time (s)", &Problem::NotFinite));

        let stranger = [ScheduledFault::fail(1.0, 5)];
        let e = validate_faults(&stranger, 5, 10.0).unwrap_err();
        assert_eq!(e.field, "fault 1: node");
        assert!(e.to_string().contains("from 0 to 4"));
    }

    #[test]
    fn too_many_faults_are_refused() {
        let many: Vec<_> = (0..=MAX_SCHEDULED_FAULTS).map(|_| ScheduledFault::fail(0.0, 0)).collect();
        assert_eq!(validate_faults(&many, 1, 1.0).unwrap_err().field, "scheduled faults");
    }

    #[test]
    fn times_round_up_to_the_microsecond() {
        assert_eq!(ScheduledFault::fail(1.5, 0).time(), SimTime(1_500_000));
    }
}
