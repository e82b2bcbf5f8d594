//! File distribution: a server holds a file of F megabits in K chunks and
//! every receiver must end up with all of it, either straight from the
//! server (client-server) or from a swarm in which peers pass chunks on
//! (peer-to-peer; hybrid adds a tracker that introduces the peers).
//!
//! Transfers run over the access-link model of [`crate::sim::network`];
//! [`theory`](crate::sim::theory) gives the minimum each design can reach,
//! reported beside every result.
//!
//! Who uploads to whom in a swarm is the scenario's [`Policy`]: altruistic
//! (everyone feeds whoever is furthest behind) or BitTorrent's tit-for-tat
//! choking, which makes free riders (download-only receivers) wait longer.
//!
//! Two ways in:
//! - [`run`] for a whole run and its [`DistributionReport`];
//! - [`DistributionSim`] to step a run (it implements
//!   [`Stepper`]) and draw a
//!   [`DistributionSnapshot`] between steps.
//!
//! Same scenario, same seed: same events, same times, natively and in Wasm.
//! Nothing here depends on `usize` width, hash order or the clock.

mod arrivals;
mod candidates;
mod choke;
mod chunks;
mod connections;
mod engine;
mod faults;
mod golden;
mod policy;
mod report;
mod scenario;
mod snapshot;
pub mod speed;

pub use choke::{MAX_UNCHOKED, OPTIMISTIC_S, RATE_WINDOW_S, RECHOKE_S, REGULAR_SLOTS};
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
/// arrival), so a correct run stays far below this. Under tit-for-tat each
/// peer's timers add two events per rechoke period for as long as the run
/// could last (the server alone serving everyone, with latency paid per
/// chunk), twice over, and two more each time a parked peer wakes.
pub fn event_budget(scenario: &DistributionScenario) -> u64 {
    let peers = u64::from(scenario.peers);
    let transfers = peers.saturating_mul(u64::from(scenario.chunks)).saturating_mul(4).saturating_add(1_000);
    if scenario.policy != Policy::TitForTat {
        return transfers;
    }
    let longest_s = f64::from(scenario.peers) * scenario.file_mbit / scenario.server_up_mbps
        + scenario.file_mbit / scenario.d_min()
        + f64::from(scenario.chunks) * scenario.latency_ms / 1000.0 * 2.0;
    // `as` saturates, and a NaN (never validated) gives zero.
    let periods = (longest_s / RECHOKE_S as f64).ceil() as u64;
    let timers = peers.saturating_mul(periods.saturating_mul(4).saturating_add(16));
    transfers.saturating_mul(2).saturating_add(timers)
}

/// Validates the scenario and runs it to the end.
pub fn run(scenario: &DistributionScenario) -> Result<DistributionReport, ValidationError> {
    let mut sim = DistributionSim::new(scenario.clone())?;
    sim.run_to_end(event_budget(scenario));
    Ok(sim.report())
}

#[cfg(test)]
mod tests;
