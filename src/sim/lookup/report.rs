//! What a lookup run reports: how searches went (messages, hops, hits),
//! whether data was there, and whether it was up to date.

use crate::sim::node::{Architecture, NodeId, Role};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LookupMessageKind {
    /// A search: to the server or index, or flooded from peer to peer.
    Query,
    /// "I have it" (a flood's hit travels back along the query's path), or
    /// the server's or index's answer.
    Answer,
    /// A new version pushed to another replica.
    Push,
}

/// How one search ended.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryOutcome {
    pub origin: NodeId,
    pub item: u32,
    /// Hops from the asker to the first copy found; `None` for a miss.
    /// 0 when the asker held a copy itself.
    pub hops_to_hit: Option<u32>,
    /// Query messages the search sent (a flood's forwards, duplicates
    /// included; one for a central lookup).
    pub query_messages: u32,
    /// Answers: one per hop back from every copy a flood found, or the
    /// server's or index's one reply.
    pub answer_messages: u32,
    /// Distinct live peers that saw the search, the asker included (a
    /// flood only; 0 otherwise).
    pub reached: u32,
    /// The copy found was older than the newest version.
    pub stale: bool,
}

impl QueryOutcome {
    pub fn hit(&self) -> bool {
        self.hops_to_hit.is_some()
    }

    pub fn local(&self) -> bool {
        self.hops_to_hit == Some(0)
    }

    pub fn messages(&self) -> u32 {
        self.query_messages.saturating_add(self.answer_messages)
    }
}

/// Counts since the run started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupCounters {
    /// Searches started; every one is a hit, a miss or still in progress.
    pub queries: u64,
    pub hits: u64,
    pub misses: u64,
    pub in_progress: u64,
    /// Hits from the asker's own copy (no messages sent).
    pub local_hits: u64,
    pub query_messages: u64,
    /// Flooded queries a peer had already seen, so did not forward again.
    pub duplicates: u64,
    pub answer_messages: u64,
    pub updates: u64,
    /// Updates nobody could make: no live copy (or the server was down).
    pub updates_lost: u64,
    pub push_messages: u64,
    /// Hits whose copy was older than the newest version.
    pub stale_reads: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupSample {
    pub t_s: f64,
    /// Searches that finished since the previous sample, and how many hit.
    pub finished: u64,
    pub hits: u64,
    /// Query and answer messages sent since the previous sample.
    pub messages: u64,
    /// Fraction of items with at least one live copy, at the sample.
    pub items_available: f64,
    /// Fraction of this interval's hits that read an old version.
    pub stale_fraction: f64,
    pub counters: LookupCounters,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupNodeStats {
    pub id: NodeId,
    pub role: Role,
    /// Messages this node received: its share of the search load.
    pub messages_handled: u64,
    pub items_held: u32,
    pub stale_copies: u32,
}

/// Theory beside the simulated searches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupTheory {
    /// Client-server and hybrid: always 2. Peer-to-peer: the flood bound
    /// Σ d(d−1)^(h−1) for the overlay's largest degree.
    pub messages_per_query_bound: f64,
    /// Peer-to-peer: the hit rate expected from how many peers the floods
    /// actually reached, 1 − C(n−m, r)/C(n, r) averaged over searches.
    pub expected_hit_rate: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupReport {
    pub architecture: Architecture,
    pub elapsed_s: f64,
    pub counters: LookupCounters,
    pub hit_rate: f64,
    pub stale_read_fraction: f64,
    pub mean_messages_per_query: f64,
    pub max_messages_per_query: u32,
    /// Over hits that needed the network (local hits excluded).
    pub mean_hops_to_hit: Option<f64>,
    pub mean_peers_reached: Option<f64>,
    pub items_available: u32,
    pub nodes: Vec<LookupNodeStats>,
    pub series: Vec<LookupSample>,
    pub theory: LookupTheory,
    pub events: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupNodeView {
    pub id: NodeId,
    pub role: Role,
    pub up: bool,
    pub items_held: u32,
    pub stale_copies: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupMessageView {
    pub kind: LookupMessageKind,
    pub from: NodeId,
    pub to: NodeId,
    /// 0 just sent, 1 arrived.
    pub progress: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupSnapshot {
    pub now_s: f64,
    pub nodes: Vec<LookupNodeView>,
    /// At most [`MAX_DRAWN_MESSAGES`], oldest first.
    pub messages: Vec<LookupMessageView>,
    pub counters: LookupCounters,
    pub items_available: u32,
}

pub const MAX_DRAWN_MESSAGES: u32 = 1_000;
