//! One Chord ring: its members, each node's own state, and the keys
//! stored on it. Built exact (every table correct, every key on its
//! successor and the next `copies − 1` nodes); routing
//! ([`super::routing`]) and upkeep ([`super::stabilise`]) work on it.

use super::members::{Members, Peer};
use super::node::{ChordNode, Key};
use super::ring::{RingId, ID_BITS};

#[derive(Clone, Debug)]
pub struct Chord {
    pub members: Members,
    /// By place on the ring, as [`Peer`] counts.
    pub nodes: Vec<ChordNode>,
    /// Each stored key's position, by key number.
    pub keys: Vec<RingId>,
    /// Nodes holding each key: its successor and the next `copies − 1`.
    pub copies: u32,
    /// Length of each node's successor list.
    pub list_len: u32,
}

impl Chord {
    /// The ring before anything has gone wrong: every predecessor,
    /// successor list and finger correct, every key where it belongs.
    pub fn exact(members: Members, keys: Vec<RingId>, copies: u32, list_len: u32) -> Chord {
        let n = members.len();
        let mut chord = Chord { nodes: Vec::with_capacity(n as usize), members, keys, copies, list_len };
        for i in 0..n {
            let me = Peer(i);
            let successors = chord.next_places(me, list_len.min(n.saturating_sub(1)));
            let mut node = ChordNode::joining(me, successors);
            node.pred = (n > 1).then(|| Peer(if i == 0 { n - 1 } else { i - 1 }));
            node.fingers = chord.exact_fingers(me);
            chord.nodes.push(node);
        }
        let mut placed: Vec<Vec<Key>> = vec![Vec::new(); n as usize];
        for (k, id) in chord.keys.iter().zip(0u32..).map(|(id, k)| (Key(k), *id)) {
            let primary = chord.members.at_or_after(id);
            for holder in std::iter::once(primary).chain(chord.next_places(primary, copies.saturating_sub(1))) {
                if let Some(list) = placed.get_mut(holder.index()) {
                    list.push(k);
                }
            }
        }
        for (node, keys) in chord.nodes.iter_mut().zip(placed) {
            node.store_all(&keys);
        }
        chord
    }

    /// The `count` places after `p`, up or not (no wrap back onto `p`).
    fn next_places(&self, p: Peer, count: u32) -> Vec<Peer> {
        let count = count.min(self.members.len().saturating_sub(1));
        let mut out = Vec::with_capacity(count as usize);
        let mut at = p;
        for _ in 0..count {
            at = self.members.next(at);
            out.push(at);
        }
        out
    }

    pub fn key_count(&self) -> u32 {
        self.keys.len() as u32
    }

    pub fn key_id(&self, key: Key) -> RingId {
        self.keys.get(key.0 as usize).copied().unwrap_or_default()
    }

    pub fn node(&self, p: Peer) -> Option<&ChordNode> {
        self.nodes.get(p.index())
    }

    /// Live nodes storing `key`, clockwise from the key's position.
    pub fn holders(&self, key: Key) -> Vec<Peer> {
        let at = self.key_id(key);
        // By distance, then by peer: one u64 key each, so the simulator's
        // one integer sort does it (see `sim::sorting`).
        let mut found: Vec<u64> = (0..self.members.len())
            .map(Peer)
            .filter(|p| self.members.is_up(*p) && self.node(*p).is_some_and(|n| n.holds(key)))
            .map(|p| u64::from(at.distance_to(self.members.id(p))) << 32 | u64::from(p.0))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|k| Peer(k as u32)).collect()
    }

    /// finger[i] = the first live node at or after id + 2^i: what a correct
    /// lookup for each finger would return now. A finger's answer carries
    /// over to the next while its start has not passed it, so a node's
    /// nearby fingers cost one comparison each, not a search.
    pub fn exact_fingers(&self, me: Peer) -> [Peer; ID_BITS as usize] {
        let here = self.members.id(me);
        let mut fingers = [me; ID_BITS as usize];
        let mut last: Option<(RingId, Peer)> = None;
        for (slot, i) in fingers.iter_mut().zip(0u32..) {
            let start = here.finger_start(i);
            let reused = last
                .filter(|(prev, f)| prev.distance_to(start) <= prev.distance_to(self.members.id(*f)))
                .map(|(_, f)| f);
            let f = reused.or_else(|| self.members.live_successor(start)).unwrap_or(me);
            *slot = f;
            last = Some((start, f));
        }
        fingers
    }

    /// `s` followed by `s`'s own successor list, without `me` or repeats,
    /// cut to the list length: how Chord refreshes a successor list.
    pub fn list_through(&self, me: Peer, s: Peer) -> Vec<Peer> {
        let mut list = vec![s];
        let theirs = self.node(s).map(|n| n.successors.as_slice()).unwrap_or_default();
        for e in theirs {
            if list.len() as u32 >= self.list_len {
                break;
            }
            if *e != me && !list.contains(e) {
                list.push(*e);
            }
        }
        list
    }
}

#[cfg(test)]
impl Chord {
    /// Fraction of live nodes whose first successor is the true next live
    /// node: how well stabilisation has kept the ring together.
    pub fn successor_accuracy(&self) -> f64 {
        let live: Vec<Peer> = (0..self.members.len()).map(Peer).filter(|p| self.members.is_up(*p)).collect();
        let right = live
            .iter()
            .filter(|p| {
                let first = self.node(**p).and_then(|n| n.successors.first().copied());
                first == self.members.live_after(**p)
            })
            .count();
        right as f64 / live.len().max(1) as f64
    }
}
