//! Faults and churn: the `stability` lesson. A server is a single point of
//! failure; peers come and go all the time, and replication decides
//! whether their data stays reachable.
//!
//! - Client-server: node 0 holds every item; it fails on a schedule, on
//!   demand, or at random ([`FailureModel`], MTBF/MTTR). Clients may churn,
//!   which changes who asks but not what is available.
//! - Peer-to-peer: peers alternate exponential online and offline times;
//!   each item lives on `replication` peers and is available while any of
//!   them is online. [`Rereplication`] copies an item elsewhere when a
//!   holder has been away long enough.
//! - Hybrid: as peer-to-peer, but finding an item also needs the index at
//!   node 0, which fails like a server.
//!
//! Requests here succeed or fail at once (is the data reachable?); how long
//! they take is the `service` lesson's business ([`crate::sim::service`]).

mod engine;
pub mod report;
pub mod scenario;
pub mod theory;

#[cfg(test)]
mod tests;

pub use engine::ChurnSim;
pub use report::{ChurnCounters, ChurnNodeStats, ChurnNodeView, ChurnReport, ChurnSample, ChurnSnapshot};
pub use scenario::{ChurnScenario, FailureModel, Rereplication};

use crate::sim::stepping::Stepper;
use crate::sim::validate::ValidationError;

/// Validates, runs to the end and reports.
pub fn run(scenario: ChurnScenario) -> Result<ChurnReport, ValidationError> {
    let mut sim = ChurnSim::new(scenario)?;
    sim.run_to_end(u64::MAX);
    Ok(sim.report())
}
