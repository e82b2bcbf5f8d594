//! One side of an experiment behind one trait: a running simulation of one
//! architecture, or a closed-form model, stepped, drawn, measured and (where
//! the workload has them) given faults. Each simulator's adapter lives in a
//! file named after it; a bench's builder returns one boxed.

mod churn;
mod dht;
mod distribution;
mod lookup;
mod model;
mod service;

pub use model::ModelSide;

/// One side's total, split into what each party pays or does (the cost
/// model's bill): drawn as a bar and listed, by payer.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub title: &'static str,
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub label: &'static str,
    /// Paid by whoever runs the server or index, rather than by the users.
    pub by_operator: bool,
    pub amount: f64,
}

use crate::experiment::metric::Metrics;
use crate::experiment::view::{Lines, NetView, NodeView, Traffic};
use crate::sim::fault::Faults;
use crate::sim::node::{NodeId, Role};
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimDuration, SimTime};

/// What a side draws on its bench's chart, against time unless said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// Share of searches that found the item, from the start to now.
    HitRateSoFar,
    /// Share of each sample interval's reads that got a stale copy.
    StaleShare,
    /// Latency p95 over the scenario's latency window (ms).
    P95Window,
    /// Share of items with a reachable copy at each sample.
    ItemsAvailable,
    /// Share of receivers holding the whole file, as a step line.
    ShareComplete,
    /// A closed-form model's own curve, against its own x (users,
    /// computers).
    Model,
}

/// A side's simulation as the Lab drives it. Every simulation steps; the
/// rest is what the workload offers.
pub trait SideSim: Stepper {
    /// Simulated seconds a whole run spans, to pace playback.
    fn horizon_s(&self) -> f64;

    /// Draws the network as it is now into `view`, reusing its buffers.
    fn draw(&self, view: &mut NetView);

    /// Sets every metric this run has measured so far (all of them once
    /// finished), exactly; a bench shows the ones it names.
    fn measure(&self, metrics: &mut Metrics);

    /// The same figures for the live display, at a cost that does not grow
    /// with the length of the run (percentiles from fixed buckets, within
    /// 1%); the exact ones where they are already cheap.
    fn measure_live(&self, metrics: &mut Metrics) {
        self.measure(metrics);
    }

    /// The chart's line for this side, `(x, y)` in order; empty when the
    /// run has no such curve.
    fn curve(&self, curve: Curve) -> Vec<(f64, f64)>;

    /// The run's failing and reviving, where nodes can fail by hand.
    fn faults(&mut self) -> Option<&mut dyn Faults> {
        None
    }

    /// Whether peers come and go; `None` when the run has no churn.
    fn churn(&self) -> Option<bool> {
        None
    }

    /// Turns churn on or off from now on; false when the run has none.
    fn set_churn(&mut self, _on: bool) -> bool {
        false
    }

    /// What this run's drawing may show moving along its links.
    fn traffic(&self) -> &'static [Traffic] {
        &[]
    }

    /// Mbit each node has uploaded so far, the server first (file
    /// distribution); empty for other runs.
    fn uploads(&self) -> Vec<f64> {
        Vec::new()
    }

    /// What a line between two nodes means in its drawing, if it draws
    /// lines.
    fn lines(&self) -> Option<Lines> {
        None
    }

    /// Who pays for what, where the model says.
    fn split(&self) -> Option<Split> {
        None
    }
}

/// Stepping, shared by every side through `dyn SideSim`.
impl dyn SideSim {
    pub fn now_s(&self) -> f64 {
        self.now().as_secs_f64()
    }

    /// Runs every event due by simulated time `t_s`, at most `budget` of
    /// them; returns how many ran.
    pub fn advance_to(&mut self, t_s: f64, budget: u64) -> u64 {
        let limit = SimTime::ZERO + SimDuration::from_secs_f64_ceil(t_s);
        self.run_until(limit, budget)
    }

    /// Whether nodes of this run can fail by hand.
    pub fn can_fail(&mut self) -> bool {
        self.faults().is_some()
    }

    /// Fails a running node or revives a failed one, now; whether it is up
    /// afterwards, or `None` when this run has no such node or no faults.
    pub fn toggle(&mut self, node: u32) -> Option<bool> {
        self.faults()?.toggle_node(NodeId(node)).ok()
    }
}

/// Nodes whose meter shows how much data each holds, relative to the
/// fullest: `(id, role, up, items held)`.
fn holders(view: &mut NetView, nodes: impl Iterator<Item = (NodeId, Role, bool, u32)> + Clone) {
    let most = nodes.clone().map(|n| n.3).max().unwrap_or(0).max(1);
    view.set_nodes(nodes.map(|(id, role, up, held)| (NodeView::new(id.0, role, up), f64::from(held) / f64::from(most))));
}

#[cfg(test)]
mod tests;
