//! What a lookup run is made of: who holds which items, how peers are
//! linked, how often they search and how often data changes.

use super::theory::flood_message_bound;
use crate::sim::fault::{validate_faults, ScheduledFault};
use crate::sim::node::{population, Architecture, NodeId, Population};
use crate::sim::validate::{check_count, check_range, check_run_length, Problem, ValidationError};
use serde::{Deserialize, Serialize};

pub const MAX_PEERS: u64 = 5_000;
pub const MAX_ITEMS: u64 = 10_000;
pub const MAX_REPLICATION: u64 = 100;
pub const MAX_DEGREE: f64 = 50.0;
/// Gnutella used 7; past 10 a flood reaches everything anyway.
pub const MAX_TTL: u64 = 10;
pub const MAX_LINK_EDITS: u64 = 10_000;
pub const MAX_DURATION_S: f64 = 86_400.0;
/// Queries are kept for the report, so their number bounds memory.
pub const MAX_EXPECTED_QUERIES: f64 = 200_000.0;
/// Flood messages are what a run spends its time on.
pub const MAX_EXPECTED_MESSAGES: f64 = 20_000_000.0;

/// An undirected overlay link between two peers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Link {
    pub a: NodeId,
    pub b: NodeId,
}

impl Link {
    pub fn new(a: u32, b: u32) -> Link {
        Link { a: NodeId(a), b: NodeId(b) }
    }
}

/// What happens after a peer updates its copy of an item.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Propagation {
    /// The other replicas keep the old version for good.
    None,
    /// After `delay_ms` the writer sends the new version to every other
    /// replica it knows (one hop each). A replica offline then misses it.
    Push { delay_ms: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LookupScenario {
    /// Client-server: node 0 stores every item and answers every lookup.
    /// Peer-to-peer: items live on peers, found by flooding. Hybrid: items
    /// live on peers, found by asking the index at node 0.
    pub architecture: Architecture,
    /// Clients or peers (the server or index is one node more).
    pub peers: u32,
    pub items: u32,
    /// Peers holding a copy of each item (peer-to-peer, hybrid).
    pub replication: u32,
    /// Peer-to-peer overlay: links per peer on average, placed at random.
    pub mean_degree: f64,
    /// Links added after the random ones (the sandbox's "connect").
    pub extra_links: Vec<Link>,
    /// Links removed after the random ones (the sandbox's "disconnect").
    pub removed_links: Vec<Link>,
    /// Hops a flooded query may travel.
    pub ttl: u32,
    /// Searches each peer starts per second, on average (Poisson).
    pub query_rate: f64,
    pub hop_latency_ms: f64,
    /// Updates per second across all items, on average (Poisson).
    pub update_rate: f64,
    pub propagation: Propagation,
    /// A replica that comes back online asks a live copy for the item's
    /// version number and fetches the newer version if it missed one (one
    /// hop there and one back). Without it a returning copy stays stale
    /// until the next update reaches it.
    #[serde(default)]
    pub catch_up: bool,
    pub duration_s: f64,
    pub sample_interval_s: f64,
    pub faults: Vec<ScheduledFault>,
    pub seed: u64,
}

impl Default for LookupScenario {
    fn default() -> Self {
        LookupScenario {
            architecture: Architecture::PeerToPeer,
            peers: 50,
            items: 100,
            replication: 2,
            mean_degree: 4.0,
            extra_links: Vec::new(),
            removed_links: Vec::new(),
            ttl: 3,
            query_rate: 0.2,
            hop_latency_ms: 20.0,
            update_rate: 0.0,
            propagation: Propagation::None,
            catch_up: false,
            duration_s: 60.0,
            sample_interval_s: 1.0,
            faults: Vec::new(),
            seed: 1,
        }
    }
}

population!(LookupScenario, peers);

impl LookupScenario {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_count("clients or peers", u64::from(self.peers), 1, MAX_PEERS)?;
        check_count("items", u64::from(self.items), 1, MAX_ITEMS)?;
        self.architecture.check_copies(self.replication, self.peers, MAX_REPLICATION)?;
        check_count("query TTL (hops)", u64::from(self.ttl), 1, MAX_TTL)?;
        check_range("queries per second (each)", self.query_rate, 0.0, 100.0)?;
        check_range("network latency per hop (ms)", self.hop_latency_ms, 0.0, 10_000.0)?;
        check_range("updates per second", self.update_rate, 0.0, 1_000.0)?;
        if let Propagation::Push { delay_ms } = self.propagation {
            check_range("update push delay (ms)", delay_ms, 0.0, 3_600_000.0)?;
        }
        check_run_length(self.duration_s, self.sample_interval_s, MAX_DURATION_S)?;
        validate_faults(&self.faults, self.node_count(), self.duration_s)?;
        if self.architecture == Architecture::PeerToPeer {
            self.validate_overlay()?;
        }
        self.validate_work()
    }

    fn validate_overlay(&self) -> Result<(), ValidationError> {
        let max_degree = MAX_DEGREE.min(f64::from(self.peers.saturating_sub(1)));
        check_range("links per peer (mean)", self.mean_degree, 0.0, max_degree)?;
        for (name, links) in [("added links", &self.extra_links), ("removed links", &self.removed_links)] {
            check_count(name, links.len() as u64, 0, MAX_LINK_EDITS)?;
            for (i, l) in links.iter().enumerate() {
                check_link(&format!("{name}: link {}", i + 1), *l, self.node_count())?;
            }
        }
        Ok(())
    }

    /// Refuses runs that would take the page minutes: the expected number
    /// of queries, and of the messages their floods send.
    fn validate_work(&self) -> Result<(), ValidationError> {
        let per_query = match self.architecture {
            Architecture::PeerToPeer => {
                let links = f64::from(self.peers) * self.mean_degree.max(1.0);
                flood_message_bound(self.mean_degree.ceil().max(1.0), self.ttl).min(links)
            }
            Architecture::ClientServer | Architecture::Hybrid => 2.0,
        };
        let per_rate = f64::from(self.peers) * self.duration_s;
        let messages = per_rate * self.query_rate * per_query;
        if messages > MAX_EXPECTED_MESSAGES {
            // The flood's reach, not the rate, is usually what a learner
            // changed: say so in the terms of the work itself.
            return Err(ValidationError::new(
                "search messages",
                Problem::TooMuchWork { expected: messages, max: MAX_EXPECTED_MESSAGES },
            ));
        }
        let max_rate = MAX_EXPECTED_QUERIES / per_rate;
        if self.query_rate > max_rate {
            return Err(ValidationError::new(
                "queries per second (each)",
                Problem::OutOfRange { min: 0.0, max: max_rate, got: self.query_rate },
            ));
        }
        let max_updates = MAX_EXPECTED_QUERIES / self.duration_s;
        if self.update_rate > max_updates {
            return Err(ValidationError::new(
                "updates per second",
                Problem::OutOfRange { min: 0.0, max: max_updates, got: self.update_rate },
            ));
        }
        Ok(())
    }
}

/// A link must join two different nodes of the scenario.
pub fn check_link(field: &str, link: Link, node_count: u32) -> Result<(), ValidationError> {
    for end in [link.a, link.b] {
        if end.0 >= node_count {
            return Err(ValidationError::new(
                field,
                Problem::CountOutOfRange {
                    min: 0,
                    max: u64::from(node_count.saturating_sub(1)),
                    got: u64::from(end.0),
                },
            ));
        }
    }
    if link.a == link.b {
        return Err(ValidationError::new(
            field,
            Problem::Invalid { reason: "a link must join two different peers".into() },
        ));
    }
    Ok(())
}
