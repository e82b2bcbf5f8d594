//! File distribution: a server holds a file of F megabits in K chunks and
//! every receiver must end up with all of it, either straight from the
//! server (client-server) or from a swarm in which peers pass chunks on
//! (peer-to-peer; hybrid adds a tracker that introduces the peers).
//!
//! Transfers run over the access-link model of [`crate::sim::network`];
//! [`theory`](crate::sim::theory) gives the minimum each design can reach,
//! reported beside every result.
//!
//! Two ways in:
//! - [`run`] for a whole run and its [`DistributionReport`];
//! - [`DistributionSim`] to step a run (it implements
//!   [`Stepper`]) and draw a
//!   [`DistributionSnapshot`] between steps.
//!
//! Same scenario, same seed: same events, same times, natively and in Wasm.
//! Nothing here depends on `usize` width, hash order or the clock.

mod candidates;
mod chunks;
mod connections;
mod engine;
mod faults;
mod golden;
mod policy;
mod report;
mod scenario;
mod snapshot;

pub use chunks::ChunkSet;
pub use engine::{DistributionSim, SERVER};
pub use golden::{golden_scenario, golden_summary};
pub use report::{CurvePoint, DistributionReport};
pub use scenario::*;
pub use snapshot::{Counters, DistributionSnapshot, NodeView, TransferView};

use crate::sim::stepping::Stepper;
use crate::sim::validate::ValidationError;

/// Events a run may take before it is stopped as a runaway. Each chunk
/// delivered costs at most two events (its connection opening and its
/// arrival), so a correct run stays far below this.
pub fn event_budget(scenario: &DistributionScenario) -> u64 {
    u64::from(scenario.peers).saturating_mul(u64::from(scenario.chunks)).saturating_mul(4).saturating_add(1_000)
}

/// Validates the scenario and runs it to the end.
pub fn run(scenario: &DistributionScenario) -> Result<DistributionReport, ValidationError> {
    let mut sim = DistributionSim::new(scenario.clone())?;
    sim.run_to_end(event_budget(scenario));
    Ok(sim.report())
}

#[cfg(test)]
mod tests;
