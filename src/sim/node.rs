//! Who is in the network: node identities, roles and architectures.

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
}

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
    pub const ALL: [Architecture; 3] =
        [Architecture::ClientServer, Architecture::PeerToPeer, Architecture::Hybrid];

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
    fn slugs_round_trip() {
        for a in Architecture::ALL {
            assert_eq!(Architecture::from_slug(a.slug()), Some(a));
        }
        assert_eq!(Architecture::from_slug("mesh"), None);
    }
}
