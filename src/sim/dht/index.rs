//! Finding a key through a central index instead of the ring: the
//! comparison the `dht` lesson draws. The index is not a ring member; it
//! knows at every instant which live nodes hold which key.

use super::chord::Chord;
use super::members::Peer;
use super::node::Key;
use super::ring::RingId;
use super::routing::{LookupResult, Outcome};

impl Chord {
    /// One question to the index and one answer naming the nearest live
    /// holder (two messages, one hop), unless the asker holds a copy
    /// itself. With the index down the question times out and nobody else
    /// knows: the lookup is stuck. `path` gets the asker, then the holder
    /// named.
    pub fn ask_index(&self, asker: Peer, key: Key, index_up: bool, path: &mut Vec<RingId>) -> LookupResult {
        path.clear();
        path.push(self.members.id(asker));
        if self.node(asker).is_some_and(|n| n.holds(key)) {
            return LookupResult { hops: 0, messages: 0, timeouts: 0, outcome: Outcome::Found { holder: self.members.id(asker) } };
        }
        if !index_up {
            return LookupResult { hops: 0, messages: 1, timeouts: 1, outcome: Outcome::Stuck };
        }
        let outcome = match self.holders(key).first() {
            Some(&holder) => {
                path.push(self.members.id(holder));
                Outcome::Found { holder: self.members.id(holder) }
            }
            None => Outcome::Unavailable,
        };
        LookupResult { hops: 1, messages: 2, timeouts: 0, outcome }
    }
}
