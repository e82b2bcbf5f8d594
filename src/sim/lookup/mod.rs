//! Finding and keeping data: the `focus` lesson (one lookup at a central
//! index vs flooding with a TTL across peers) and the `data` lesson
//! (placement, departures, updates and stale copies).
//!
//! - Client-server: node 0 stores every item; a lookup is one query and one
//!   answer. An update there is seen by every later reader.
//! - Peer-to-peer: each item lives on `replication` peers; a search floods
//!   the overlay up to `ttl` hops. An update at one copy leaves the others
//!   stale unless it is pushed to them ([`Propagation`]).
//! - Hybrid: data lives on peers as in peer-to-peer, but a central index
//!   (node 0) says where: two messages per lookup, as in client-server.
//!
//! A peer that goes offline takes its copies with it; an item with no live
//! copy cannot be found until one comes back.

mod engine;
pub mod overlay;
pub mod report;
pub mod scenario;
pub mod theory;

#[cfg(test)]
mod tests;

pub use engine::LookupSim;
pub use report::{
    LookupCounters, LookupMessageKind, LookupMessageView, LookupNodeStats, LookupNodeView, LookupReport,
    LookupSample, LookupSnapshot, LookupTheory, QueryOutcome,
};
pub use scenario::{Link, LookupScenario, Propagation};

use crate::sim::stepping::Stepper;
use crate::sim::validate::ValidationError;

/// Validates, runs to the end and reports.
pub fn run(scenario: LookupScenario) -> Result<LookupReport, ValidationError> {
    let mut sim = LookupSim::new(scenario)?;
    sim.run_to_end(u64::MAX);
    Ok(sim.report())
}
