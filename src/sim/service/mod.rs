//! Request/response traffic with queues: the `role` lesson ("who asks, who
//! answers") and the `service` lesson (the server's queue saturates as
//! clients grow; peers spread the load).
//!
//! - Client-server: node 0 is the server, with `workers` parallel workers
//!   and one finite FIFO queue; clients 1..=N only ask.
//! - Peer-to-peer: nodes 0..N both ask and serve. Each item lives on
//!   `replication` peers; a request goes to one live holder. How the asker
//!   learns who holds what is the `focus` lesson's business
//!   ([`crate::sim::lookup`]); here it is assumed known.
//! - Hybrid: node 0 is an index. The asker asks it which peer holds the
//!   item (two extra hops), then asks that peer.
//!
//! Requests arrive as a Poisson process per asker; service times are
//! exponential, so a client-server run is an M/M/c queue and
//! [`theory`] gives its closed form.

mod engine;
pub mod report;
pub mod scenario;
pub mod theory;

#[cfg(test)]
mod tests;

pub use engine::ServiceSim;
pub use report::{
    LatencySummary, MessageKind, MessageView, ServiceCounters, ServiceNodeStats, ServiceNodeView,
    ServiceReport, ServiceSample, ServiceSnapshot,
};
pub use scenario::{HolderChoice, ServiceScenario};

pub(crate) use engine::{progress, sample_distinct, InFlight};

use crate::sim::stepping::Stepper;
use crate::sim::validate::ValidationError;

/// Validates, runs to the end and reports: the command line's and the
/// benchmarks' entry point.
pub fn run(scenario: ServiceScenario) -> Result<ServiceReport, ValidationError> {
    let mut sim = ServiceSim::new(scenario)?;
    sim.run_to_end(u64::MAX);
    Ok(sim.report())
}
