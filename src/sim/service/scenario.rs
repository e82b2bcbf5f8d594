//! What a request/response run is made of, and the limits that keep it
//! small enough to run in a browser tab.

use crate::sim::fault::{validate_faults, ScheduledFault};
use crate::sim::node::{population, Architecture, NodeId, Population, Role};
use crate::sim::validate::{check_count, check_range, check_run_length, Problem, ValidationError};
use serde::{Deserialize, Serialize};

pub const MAX_USERS: u64 = 5_000;
pub const MAX_ITEMS: u64 = 10_000;
pub const MAX_REPLICATION: u64 = 100;
pub const MAX_WORKERS: u64 = 64;
pub const MAX_QUEUE: u64 = 100_000;
pub const MAX_DURATION_S: f64 = 86_400.0;
/// Every request is kept until the report (for exact percentiles), so the
/// expected number of requests is what bounds memory and time.
pub const MAX_EXPECTED_REQUESTS: f64 = 2_000_000.0;

/// How a peer (or the hybrid index) picks which holder of an item serves a
/// request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolderChoice {
    /// Any live holder, uniformly at random.
    Random,
    /// The live holder with the fewest requests waiting or in service (ties
    /// at random). Idealised: it assumes every holder's load is known.
    LeastLoaded,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceScenario {
    pub architecture: Architecture,
    /// Clients (client-server) or peers (peer-to-peer, hybrid). The server
    /// or the hybrid index is one node more.
    pub users: u32,
    /// Requests each client or peer makes per second, on average (Poisson).
    pub request_rate: f64,
    /// Requests one serving worker completes per second, on average
    /// (exponential service times). A peer has one worker.
    pub service_rate: f64,
    /// Single peers' own service rates, `(peer index, requests/s)`, in
    /// place of `service_rate` (peer-to-peer and hybrid, where peers serve).
    #[serde(default)]
    pub peer_service_rates: Vec<(u32, f64)>,
    /// Peers (by index) that only ask: they hold no items and answer no
    /// one, clients inside a peer-to-peer network (free riders).
    #[serde(default)]
    pub clients: Vec<u32>,
    /// Requests the server works on at once (client-server only).
    pub workers: u32,
    /// Requests that may wait at a serving node; one more is dropped.
    pub queue_capacity: u32,
    /// One-way network latency of every hop.
    pub hop_latency_ms: f64,
    /// Distinct items that can be requested, uniformly.
    pub items: u32,
    /// Peers holding each item (peer-to-peer and hybrid).
    pub replication: u32,
    pub holder_choice: HolderChoice,
    /// No request is issued after this; those in flight still finish.
    pub duration_s: f64,
    /// Requests issued before this are left out of the latency summary
    /// (not the counters or the chart): a queue starts empty, and its
    /// first seconds say little about the load it settles to.
    #[serde(default)]
    pub warmup_s: f64,
    pub sample_interval_s: f64,
    /// Latency percentiles in the time series cover the completions of
    /// this last stretch of time.
    pub latency_window_s: f64,
    pub faults: Vec<ScheduledFault>,
    pub seed: u64,
}

impl Default for ServiceScenario {
    fn default() -> Self {
        ServiceScenario {
            architecture: Architecture::ClientServer,
            users: 20,
            request_rate: 1.0,
            service_rate: 25.0,
            peer_service_rates: Vec::new(),
            clients: Vec::new(),
            workers: 1,
            queue_capacity: 100,
            hop_latency_ms: 20.0,
            items: 100,
            replication: 3,
            holder_choice: HolderChoice::Random,
            duration_s: 60.0,
            warmup_s: 0.0,
            sample_interval_s: 1.0,
            latency_window_s: 5.0,
            faults: Vec::new(),
            seed: 1,
        }
    }
}

population!(ServiceScenario, users,
    /// A peer that only asks is a client, even in a peer-to-peer network.
    fn role(&self, node: NodeId) -> Role {
        match self.architecture.role_of(node) {
            Role::Peer if self.clients.iter().any(|&p| self.user_node(p) == node) => Role::Client,
            role => role,
        }
    }
);

impl ServiceScenario {
    /// A server under a thousand-client load, for benchmarks: about 60%
    /// busy with four workers.
    pub fn busy_server(clients: u32) -> ServiceScenario {
        ServiceScenario {
            users: clients,
            request_rate: 0.5,
            service_rate: 200.0,
            workers: 4,
            queue_capacity: 1_000,
            duration_s: 60.0,
            ..ServiceScenario::default()
        }
    }

    /// The peers that hold items and answer requests, in index order.
    pub fn serving_peers(&self) -> Vec<u32> {
        (0..self.users).filter(|p| !self.clients.contains(p)).collect()
    }

    /// Requests travel over this many hops from asking to answer received.
    pub fn hops_per_request(&self) -> u32 {
        match self.architecture {
            Architecture::ClientServer | Architecture::PeerToPeer => 2,
            Architecture::Hybrid => 4,
        }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        check_count("clients or peers", u64::from(self.users), 1, MAX_USERS)?;
        check_range("requests per second (each)", self.request_rate, 0.0, 1_000.0)?;
        check_range("service rate (requests/s)", self.service_rate, 0.01, 100_000.0)?;
        check_count("peers with their own service rate", self.peer_service_rates.len() as u64, 0, u64::from(self.users))?;
        for &(peer, rate) in &self.peer_service_rates {
            check_count("peer with its own service rate", u64::from(peer), 0, u64::from(self.users.saturating_sub(1)))?;
            check_range("a peer's service rate (requests/s)", rate, 0.01, 100_000.0)?;
        }
        check_count("server workers", u64::from(self.workers), 1, MAX_WORKERS)?;
        check_count("queue capacity", u64::from(self.queue_capacity), 0, MAX_QUEUE)?;
        check_range("network latency per hop (ms)", self.hop_latency_ms, 0.0, 10_000.0)?;
        check_count("items", u64::from(self.items), 1, MAX_ITEMS)?;
        for &peer in &self.clients {
            check_count("peer that only asks", u64::from(peer), 0, u64::from(self.users.saturating_sub(1)))?;
        }
        if self.architecture != Architecture::ClientServer && self.serving_peers().is_empty() {
            let reason = "every peer only asks, so no one answers: at least one peer must serve".to_owned();
            return Err(ValidationError::new("peers that only ask", Problem::Invalid { reason }));
        }
        self.architecture.check_copies(self.replication, self.serving_peers().len() as u32, MAX_REPLICATION)?;
        check_run_length(self.duration_s, self.sample_interval_s, MAX_DURATION_S)?;
        check_range("latency window (s)", self.latency_window_s, 0.001, self.duration_s)?;
        check_range("warm-up (s)", self.warmup_s, 0.0, self.duration_s * 0.9)?;
        let max_rate = MAX_EXPECTED_REQUESTS / (f64::from(self.users) * self.duration_s);
        if self.request_rate > max_rate {
            return Err(ValidationError::new(
                "requests per second (each)",
                Problem::OutOfRange { min: 0.0, max: max_rate, got: self.request_rate },
            ));
        }
        validate_faults(&self.faults, self.node_count(), self.duration_s)
    }
}
