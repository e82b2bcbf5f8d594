//! A cheap view of a run for drawing one frame: nodes, transfers in flight
//! with their progress, and counters. Linear in nodes plus connections, and
//! it reads the simulation without changing it.

use super::engine::{DistributionSim, SERVER};
use crate::sim::node::{Architecture, NodeId, Role};
use crate::sim::stepping::Stepper;
use crate::sim::time::SimTime;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NodeView {
    pub id: NodeId,
    pub role: Role,
    /// False for hybrid peers still asking the tracker who is in the swarm.
    pub online: bool,
    /// Whole chunks held over chunks in the file, 0..=1.
    pub fraction: f64,
    pub up_mbps: f64,
    pub down_mbps: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TransferView {
    pub from: NodeId,
    pub to: NodeId,
    pub chunk: u32,
    /// Share of this chunk already across, 0..=1 (0 while the connection
    /// waits out its latency).
    pub progress: f64,
    pub rate_mbps: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counters {
    pub time: SimTime,
    pub events: u64,
    pub completed: u32,
    pub receivers: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DistributionSnapshot {
    /// The server (id 0), then receivers 1..=N, then in hybrid the tracker
    /// (id N+1), which moves no file data.
    pub nodes: Vec<NodeView>,
    pub transfers: Vec<TransferView>,
    pub counters: Counters,
}

impl DistributionSim {
    pub fn snapshot(&self) -> DistributionSnapshot {
        let sc = self.scenario();
        let now = self.now();
        let receiver_role = match sc.arch {
            Architecture::ClientServer => Role::Client,
            Architecture::PeerToPeer | Architecture::Hybrid => Role::Peer,
        };
        let k = f64::from(self.k.max(1));
        let mut nodes: Vec<NodeView> = self
            .nodes
            .iter()
            .zip(0u32..)
            .map(|(s, i)| {
                let id = NodeId(i);
                NodeView {
                    id,
                    role: if id == SERVER {
                        Role::Server
                    } else if sc.uploads(i as usize - 1) {
                        receiver_role
                    } else {
                        Role::Client
                    },
                    // In hybrid a peer is in the swarm once the tracker has
                    // introduced it; otherwise a receiver that is up is there
                    // from the start, waiting for its first chunk.
                    online: s.up && (id == SERVER || self.started || sc.arch != Architecture::Hybrid),
                    fraction: f64::from(s.held.count()) / k,
                    up_mbps: self.net.up_rate(id),
                    down_mbps: if id == SERVER { 0.0 } else { self.net.down_rate(id) },
                }
            })
            .collect();
        if sc.arch == Architecture::Hybrid {
            nodes.push(NodeView {
                id: NodeId(sc.peers.saturating_add(1)),
                role: Role::Index,
                online: self.tracker_up,
                fraction: 0.0,
                up_mbps: 0.0,
                down_mbps: 0.0,
            });
        }
        let transfers = self
            .conns
            .iter()
            .filter(|c| c.live)
            .map(|c| {
                let (progress, rate) = match c.flow {
                    Some(f) => {
                        let left = self.net.remaining(f, now);
                        ((1.0 - left / self.chunk_mbit).clamp(0.0, 1.0), self.net.rate(f))
                    }
                    None => (0.0, 0.0),
                };
                TransferView { from: NodeId(c.from), to: NodeId(c.to), chunk: c.chunk, progress, rate_mbps: rate }
            })
            .collect();
        DistributionSnapshot {
            nodes,
            transfers,
            counters: Counters {
                time: now,
                events: self.events_processed(),
                completed: self.completed(),
                receivers: sc.peers,
            },
        }
    }
}
