//! What a churn run is made of: who holds which items, how long peers stay
//! and how often the server breaks.

use crate::sim::fault::{validate_faults, ScheduledFault};
use crate::sim::node::{Architecture, NodeId, Population, Role};
use crate::sim::validate::{check_count, check_range, check_run_length, Problem, ValidationError};
use serde::{Deserialize, Serialize};

pub const MAX_PEERS: u64 = 5_000;
pub const MAX_ITEMS: u64 = 10_000;
pub const MAX_REPLICATION: u64 = 100;
/// Replicated servers, in client-server.
pub const MAX_SERVERS: u64 = 4;
/// A year: long runs are how availability converges.
pub const MAX_DURATION_S: f64 = 31_536_000.0;
/// Sessions, failures and requests together: what a run spends time on.
pub const MAX_EXPECTED_EVENTS: f64 = 5_000_000.0;

/// Random breakdowns of the central node: up for an exponential time with
/// mean MTBF, then down for an exponential time with mean MTTR.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FailureModel {
    /// Mean time between failures (s).
    pub mtbf_s: f64,
    /// Mean time to repair (s).
    pub mttr_s: f64,
}

impl FailureModel {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_range("server: mean time between failures (s)", self.mtbf_s, 1.0, MAX_DURATION_S)?;
        check_range("server: mean time to repair (s)", self.mttr_s, 0.1, MAX_DURATION_S)?;
        Ok(())
    }
}

/// Copying an item to another peer when a holder has been gone a while.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rereplication {
    /// How long the system waits for a holder to return before it copies
    /// the item (from a live holder) to a live peer that lacks it. The
    /// absent holder's copy is then forgotten.
    pub delay_s: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnScenario {
    /// Client-server: the server, node 0, holds every item (and so does
    /// each further server). Peer-to-peer: items live on peers. Hybrid:
    /// items live on peers, found through an index at node 0 (which must be
    /// up too).
    pub architecture: Architecture,
    /// Servers in client-server, each holding every item and failing on its
    /// own; the clients follow them. One in the other designs' terms.
    #[serde(default = "one")]
    pub servers: u32,
    /// Clients or peers (the server or index is one node more).
    pub peers: u32,
    pub items: u32,
    /// Peers holding each item (peer-to-peer, hybrid).
    pub replication: u32,
    /// Whether peers come and go from the start (toggle later with
    /// `set_churn`). Without churn every peer stays online.
    pub churn: bool,
    /// Mean length of a peer's online session (exponential).
    pub mean_online_s: f64,
    /// Mean time a peer stays away between sessions (exponential).
    pub mean_offline_s: f64,
    /// Random failures of the server or index; `None`: it fails only when
    /// told to.
    pub server_failures: Option<FailureModel>,
    pub rereplication: Option<Rereplication>,
    /// Fetches each online client or peer attempts per second (Poisson).
    pub request_rate: f64,
    pub duration_s: f64,
    pub sample_interval_s: f64,
    pub faults: Vec<ScheduledFault>,
    pub seed: u64,
}

impl Default for ChurnScenario {
    fn default() -> Self {
        ChurnScenario {
            architecture: Architecture::PeerToPeer,
            servers: 1,
            peers: 50,
            items: 100,
            replication: 2,
            churn: true,
            mean_online_s: 60.0,
            mean_offline_s: 60.0,
            server_failures: None,
            rereplication: None,
            request_rate: 0.1,
            duration_s: 600.0,
            sample_interval_s: 5.0,
            faults: Vec::new(),
            seed: 1,
        }
    }
}

fn one() -> u32 {
    1
}

/// The servers (client-server) or the index (hybrid) come first, then the
/// clients or peers.
impl Population for ChurnScenario {
    fn architecture(&self) -> Architecture {
        self.architecture
    }

    fn users(&self) -> u32 {
        self.peers
    }

    fn node_count(&self) -> u32 {
        self.peers.saturating_add(self.hubs())
    }

    fn role(&self, node: NodeId) -> Role {
        match self.architecture {
            Architecture::ClientServer if node.0 < self.hubs() => Role::Server,
            Architecture::ClientServer => Role::Client,
            Architecture::Hybrid if node.0 == 0 => Role::Index,
            _ => Role::Peer,
        }
    }

    fn user_node(&self, user: u32) -> NodeId {
        NodeId(user.saturating_add(self.hubs()))
    }
}

impl ChurnScenario {
    /// Servers or index: the nodes before the clients or peers.
    pub fn hubs(&self) -> u32 {
        match self.architecture {
            Architecture::ClientServer => self.servers,
            Architecture::Hybrid => 1,
            Architecture::PeerToPeer => 0,
        }
    }

    pub fn is_hub(&self, node: NodeId) -> bool {
        node.0 < self.hubs()
    }
}

impl ChurnScenario {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_count("clients or peers", u64::from(self.peers), 1, MAX_PEERS)?;
        check_count("servers", u64::from(self.servers), 1, MAX_SERVERS)?;
        check_count("items", u64::from(self.items), 1, MAX_ITEMS)?;
        self.architecture.check_copies(self.replication, self.peers, MAX_REPLICATION)?;
        check_range("mean time online (s)", self.mean_online_s, 0.1, MAX_DURATION_S)?;
        check_range("mean time offline (s)", self.mean_offline_s, 0.1, MAX_DURATION_S)?;
        if let Some(model) = &self.server_failures {
            model.validate()?;
        }
        if let Some(r) = &self.rereplication {
            check_range("re-replication delay (s)", r.delay_s, 0.0, MAX_DURATION_S)?;
        }
        check_range("requests per second (each)", self.request_rate, 0.0, 100.0)?;
        check_run_length(self.duration_s, self.sample_interval_s, MAX_DURATION_S)?;
        validate_faults(&self.faults, self.node_count(), self.duration_s)?;
        self.validate_work()
    }

    /// Session changes and requests expected over the run, so a year of
    /// one-second sessions is refused rather than freezing the page.
    fn validate_work(&self) -> Result<(), ValidationError> {
        let peers = f64::from(self.peers);
        let cycle = self.mean_online_s + self.mean_offline_s;
        let sessions = if self.churn { 2.0 * peers * self.duration_s / cycle } else { 0.0 };
        let breakdowns = self
            .server_failures
            .map_or(0.0, |m| 2.0 * f64::from(self.hubs()) * self.duration_s / (m.mtbf_s + m.mttr_s));
        if sessions + breakdowns > MAX_EXPECTED_EVENTS {
            let shortest = 2.0 * peers * self.duration_s / MAX_EXPECTED_EVENTS;
            return Err(ValidationError::new(
                "mean time online (s)",
                Problem::Invalid {
                    reason: format!(
                        "sessions this short make too much work for this many peers over this long; \
                         online plus offline must be at least {} s",
                        crate::decimal::fixed(shortest, 1)
                    ),
                },
            ));
        }
        let max_rate = (MAX_EXPECTED_EVENTS - sessions - breakdowns) / (peers * self.duration_s);
        if self.request_rate > max_rate {
            return Err(ValidationError::new(
                "requests per second (each)",
                Problem::OutOfRange { min: 0.0, max: max_rate, got: self.request_rate },
            ));
        }
        Ok(())
    }
}
