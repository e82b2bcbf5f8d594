//! What a churn run reports: availability over time, of peers, of the
//! server and of each item, and how many requests found their data.

use super::theory::ChurnTheory;
use crate::sim::node::{Architecture, NodeId, Role};
use serde::{Deserialize, Serialize};

/// Counts since the run started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChurnCounters {
    /// Every request either succeeded or failed, at once: this workload
    /// models whether the data is there, not how long fetching it takes.
    pub requests: u64,
    pub succeeded: u64,
    pub failed: u64,
    /// Peers (or clients) going offline and coming back.
    pub departures: u64,
    pub arrivals: u64,
    /// The server or index breaking down and being repaired.
    pub server_failures: u64,
    pub server_repairs: u64,
    pub rereplications: u64,
    /// Copies that could not be made: no live copy to copy from, or no
    /// live peer without one.
    pub rereplications_failed: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnSample {
    pub t_s: f64,
    /// Fraction of clients or peers online at the sample.
    pub peers_online: f64,
    /// `None` without a server or index.
    pub server_up: Option<bool>,
    /// Fraction of items that could be fetched at the sample.
    pub items_available: f64,
    /// Time-averaged item availability from the start to the sample.
    pub mean_item_availability: f64,
    /// Requests since the previous sample, and the fraction that succeeded
    /// (1 when there were none).
    pub requests: u64,
    pub success_rate: f64,
    pub counters: ChurnCounters,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnNodeStats {
    pub id: NodeId,
    pub role: Role,
    /// Fraction of the run the node was up.
    pub availability: f64,
    pub items_held: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnReport {
    pub architecture: Architecture,
    pub elapsed_s: f64,
    pub counters: ChurnCounters,
    /// Each item's fraction of the run it could be fetched, by item.
    pub item_availability: Vec<f64>,
    pub mean_item_availability: f64,
    /// Time-averaged fraction of clients or peers online.
    pub peer_availability: f64,
    pub server_availability: Option<f64>,
    pub success_rate: f64,
    pub nodes: Vec<ChurnNodeStats>,
    pub series: Vec<ChurnSample>,
    pub theory: ChurnTheory,
    pub events: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnNodeView {
    pub id: NodeId,
    pub role: Role,
    pub up: bool,
    pub items_held: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnSnapshot {
    pub now_s: f64,
    pub nodes: Vec<ChurnNodeView>,
    pub items_available: u32,
    pub churn: bool,
    pub server_failures: bool,
    pub counters: ChurnCounters,
}
