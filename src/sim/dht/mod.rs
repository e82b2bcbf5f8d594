//! A Chord distributed hash table (Stoica et al., 2001; Kurose & Ross's
//! "circular DHT with shortcuts"): how peers find data with no index, in
//! about ½·log2 N hops, and what churn does to that.
//!
//! - Ids: nodes and keys sit on a circle of 2^32 positions ([`RingId`]),
//!   node ids drawn at random from the run's seed, all distinct.
//! - Consistent hashing: a key lives at its successor, the first node at
//!   or after it clockwise, and with `copies` = R also on the next R − 1
//!   nodes.
//! - Each node knows only its own state: its predecessor, a successor
//!   list and a finger table of 32 entries, finger[i] = successor(id + 2^i)
//!   as last computed. A lookup is routed with those alone
//!   ([`routing`]); nodes that have left are found out only by trying
//!   them, at the cost of a message and a timeout.
//! - Churn: each node alternates exponential up and down times of the same
//!   mean; a leaving node loses its copies; a returning node rejoins at its
//!   old id with an empty store and takes its keys back during
//!   stabilisation (Chord's stabilise and notify, run by every node on
//!   a timer; see the `stabilise` module).
//!
//! # Hops and messages
//!
//! `hops` counts overlay forwards from the asker until the lookup reaches
//! a node that can answer: the key's holder, or the node whose successor
//! is the holder (Chord's find_predecessor). An asker that can answer
//! itself takes 0 hops, just as a central index is one step: it tells the
//! asker where the key lives. Lookups route by fingers, and fall back on
//! the successor list only when the fingers that would help have left
//! (Chord's §5.3), so with correct fingers the mean is about ½·log2 N
//! ([`theory::chord_mean_hops`]) whatever the list's length.
//!
//! `messages` counts everything sent for a lookup: each forward, each
//! attempt to reach a node that had left (a timeout), and the one answer
//! back to the asker when the lookup succeeds after at least one hop.
//! Fetching the value from the holder is not counted.
//!
//! A lookup succeeds when it finds a live node holding a copy. It fails
//! when it cannot get closer (every candidate has left), after
//! [`routing::MAX_HOPS`] forwards, or when none of the holders the
//! answering node names is up with a copy.

mod chord;
mod engine;
mod history;
mod index;
mod members;
mod node;
pub mod report;
pub mod ring;
pub mod routing;
pub mod scenario;
mod stabilise;
mod upkeep;
pub mod theory;

#[cfg(test)]
mod tests;

pub use engine::DhtSim;
pub use history::{DhtSample, RecentLookup};
pub use report::{DhtCounters, DhtFailures, DhtReport};
pub use ring::RingId;
pub use routing::{LookupResult, Outcome};
pub use scenario::{DhtScenario, Finder};

use crate::sim::stepping::Stepper;
use crate::sim::validate::ValidationError;

/// Validates, runs to the end and reports.
pub fn run(scenario: DhtScenario) -> Result<DhtReport, ValidationError> {
    let mut sim = DhtSim::new(scenario)?;
    sim.run_to_end(u64::MAX);
    Ok(sim.report())
}

/// A ring of `peers` that nobody leaves, asked `lookups` times at once:
/// the quick measurement the benchmark and command line use.
pub fn stable_lookups(peers: u32, lookups: u32, seed: u64) -> Result<DhtReport, ValidationError> {
    let mut sim = DhtSim::new(DhtScenario::stable(peers).with_seed(seed).with_lookups(0.0, 0.0))?;
    sim.lookups_now(lookups);
    Ok(sim.report())
}
