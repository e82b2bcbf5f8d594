//! Who is in the network: node identities, roles and architectures.

use crate::sim::validate::{check_count, ValidationError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A node's index in its scenario. `u32`, not `usize`, so identities and
/// everything derived from them are the same on 32-bit Wasm and 64-bit hosts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What a node does in its architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Answers requests and holds the data in client-server designs; seeds
    /// the file in peer-to-peer distribution.
    Server,
    /// Only asks; never serves anyone.
    Client,
    /// Both asks and serves.
    Peer,
    /// A hybrid design's central directory or tracker: knows who holds what,
    /// but transfers go peer to peer.
    Index,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Server => "server",
            Role::Client => "client",
            Role::Peer => "peer",
            Role::Index => "index",
        }
    }

    /// Servers and indexes: the one node a design is built around.
    pub fn is_hub(self) -> bool {
        matches!(self, Role::Server | Role::Index)
    }

    /// What a node in this role does, in a sentence.
    pub fn duty(self) -> &'static str {
        match self {
            Role::Server => "holds the data and answers the others' requests; it asks no one",
            Role::Client => "asks the server and answers no one",
            Role::Peer => "asks other peers and answers them too",
            Role::Index => "knows who holds what, but stores and sends no data itself",
        }
    }
}

/// A workload's nodes as its scenario lays them out: the hub, where the
/// design has one, then the clients or peers. Scenarios say which design
/// and how many users; the rest follows from the `Architecture`.
pub trait Population {
    fn architecture(&self) -> Architecture;

    /// Clients or peers, the hub not counted.
    fn users(&self) -> u32;

    fn node_count(&self) -> u32 {
        self.architecture().node_count(self.users())
    }

    /// Every node, the hub first.
    fn node_ids(&self) -> impl Iterator<Item = NodeId> {
        (0..self.node_count()).map(NodeId)
    }

    /// The server or index: node 0, where there is one.
    fn hub(&self) -> Option<NodeId> {
        self.architecture().hub()
    }

    fn role(&self, node: NodeId) -> Role {
        self.architecture().role_of(node)
    }

    /// The node of the `user`-th client or peer (0-based).
    fn user_node(&self, user: u32) -> NodeId {
        self.architecture().user_node(user)
    }
}

/// `Population` for a scenario with an `architecture` field whose clients or
/// peers are counted by the field named; anything after that name goes into
/// the impl (a `role` of the scenario's own, say).
macro_rules! population {
    ($scenario:ty, $users:ident $(, $($extra:tt)*)?) => {
        impl $crate::sim::node::Population for $scenario {
            fn architecture(&self) -> $crate::sim::node::Architecture {
                self.architecture
            }

            fn users(&self) -> u32 {
                self.$users
            }

            $($($extra)*)?
        }
    };
}
pub(crate) use population;

/// How the network is organised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Architecture {
    ClientServer,
    PeerToPeer,
    /// A central index or tracker plus peer-to-peer transfer (Napster,
    /// BitTorrent trackers, super-peers).
    Hybrid,
}

impl Architecture {
    pub const ALL: [Architecture; 3] = [
        Architecture::ClientServer,
        Architecture::PeerToPeer,
        Architecture::Hybrid,
    ];

    /// The name used on the command line and in share links.
    pub fn slug(self) -> &'static str {
        match self {
            Architecture::ClientServer => "client-server",
            Architecture::PeerToPeer => "peer-to-peer",
            Architecture::Hybrid => "hybrid",
        }
    }

    pub fn from_slug(s: &str) -> Option<Architecture> {
        Architecture::ALL.into_iter().find(|a| a.slug() == s)
    }

    /// The central node (server or index), if the design has one. The
    /// request, lookup and churn workloads all put it at node 0, before the
    /// clients or peers.
    pub fn hub(self) -> Option<NodeId> {
        match self {
            Architecture::PeerToPeer => None,
            Architecture::ClientServer | Architecture::Hybrid => Some(NodeId(0)),
        }
    }

    /// Nodes in a network of `users` clients or peers, the hub included.
    pub fn node_count(self, users: u32) -> u32 {
        match self.hub() {
            Some(_) => users.saturating_add(1),
            None => users,
        }
    }

    /// The node of the `user`-th client or peer (0-based).
    pub fn user_node(self, user: u32) -> NodeId {
        match self.hub() {
            Some(_) => NodeId(user.saturating_add(1)),
            None => NodeId(user),
        }
    }

    /// Checks the copies kept of each item: up to `max` where a server
    /// holds everything, and at most one per holder where peers hold them.
    pub fn check_copies(self, copies: u32, holders: u32, max: u64) -> Result<(), ValidationError> {
        let most = match self {
            Architecture::ClientServer => max,
            _ => max.min(u64::from(holders)),
        };
        check_count("copies of each item", u64::from(copies), 1, most).map(|_| ())
    }

    /// What a node does in this layout.
    pub fn role_of(self, node: NodeId) -> Role {
        match (self, node.0) {
            (Architecture::ClientServer, 0) => Role::Server,
            (Architecture::ClientServer, _) => Role::Client,
            (Architecture::Hybrid, 0) => Role::Index,
            _ => Role::Peer,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Architecture::ClientServer => "Client-server",
            Architecture::PeerToPeer => "Peer-to-peer",
            Architecture::Hybrid => "Hybrid",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_first_then_users() {
        let cs = Architecture::ClientServer;
        assert_eq!(
            (cs.hub(), cs.node_count(5), cs.user_node(0)),
            (Some(NodeId(0)), 6, NodeId(1))
        );
        assert_eq!(
            (cs.role_of(NodeId(0)), cs.role_of(NodeId(3))),
            (Role::Server, Role::Client)
        );
        let p2p = Architecture::PeerToPeer;
        assert_eq!(
            (
                p2p.hub(),
                p2p.node_count(5),
                p2p.user_node(0),
                p2p.role_of(NodeId(0))
            ),
            (None, 5, NodeId(0), Role::Peer)
        );
        let hy = Architecture::Hybrid;
        assert_eq!(
            (
                hy.role_of(NodeId(0)),
                hy.role_of(NodeId(1)),
                hy.node_count(u32::MAX)
            ),
            (Role::Index, Role::Peer, u32::MAX)
        );
    }

    #[test]
    fn slugs_round_trip() {
        for a in Architecture::ALL {
            assert_eq!(Architecture::from_slug(a.slug()), Some(a));
        }
        assert_eq!(Architecture::from_slug("mesh"), None);
    }
}
