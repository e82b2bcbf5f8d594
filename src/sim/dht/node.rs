//! One Chord node's own state: everything it knows of the ring (its
//! predecessor, its successor list, its fingers) and the keys it stores.
//! Routing at a node reads this and nothing else.

use super::members::Peer;
use super::ring::ID_BITS;

/// One of the run's stored keys, by number (its ring position is in the
/// key table); a newtype so it is never taken for a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(pub u32);

#[derive(Clone, Debug)]
pub struct ChordNode {
    /// Who this node last accepted as its predecessor; `None` after it
    /// (re)joined or found its predecessor gone, until one notifies it.
    pub pred: Option<Peer>,
    /// Its nearest successors, nearest first, as of its last stabilisation
    /// (some may have left since). Never holds the node itself.
    pub successors: Vec<Peer>,
    /// finger[i] = successor(id + 2^i), as last computed.
    pub fingers: [Peer; ID_BITS as usize],
    /// Sorted, no repeats.
    store: Vec<Key>,
}

impl ChordNode {
    /// A node that knows only `successors` (a joining node's view): every
    /// finger points at its first successor, or at itself when alone.
    pub fn joining(me: Peer, successors: Vec<Peer>) -> ChordNode {
        let first = successors.first().copied().unwrap_or(me);
        ChordNode { pred: None, successors, fingers: [first; ID_BITS as usize], store: Vec::new() }
    }

    pub fn holds(&self, key: Key) -> bool {
        self.store.binary_search(&key).is_ok()
    }

    pub fn stored(&self) -> &[Key] {
        &self.store
    }

    /// Adds copies; ones already here are kept once. Replicas are pushed
    /// again every round and are mostly here already, so each is looked
    /// up rather than the whole store re-sorted.
    pub fn store_all(&mut self, keys: &[Key]) {
        for k in keys {
            if let Err(at) = self.store.binary_search(k) {
                self.store.insert(at, *k);
            }
        }
    }

    /// A departing node's copies go with it.
    pub fn drop_store(&mut self) {
        self.store.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_keeps_one_copy_of_each_key_in_order() {
        let mut n = ChordNode::joining(Peer(0), vec![Peer(1)]);
        assert_eq!(n.fingers, [Peer(1); 32]);
        n.store_all(&[Key(5), Key(2), Key(5)]);
        n.store_all(&[Key(2), Key(9)]);
        assert_eq!(n.stored(), [Key(2), Key(5), Key(9)]);
        assert!(n.holds(Key(9)) && !n.holds(Key(3)));
        n.drop_store();
        assert!(!n.holds(Key(2)));
        assert_eq!(ChordNode::joining(Peer(4), Vec::new()).fingers[7], Peer(4));
    }
}
