//! Who is on the ring and who is up: the simulator's ground truth. Nodes
//! never read it to route. The simulator uses it to decide what a message
//! meets (an answer or a timeout), and to stand in for the lookups a node
//! would make to refresh its fingers.

use super::ring::RingId;
use crate::sim::rng::Rng;

/// A node, named by its place in clockwise order of ids (0 holds the
/// lowest id). Ids never change: a node that comes back rejoins at the
/// same place, so a place names the same node all run long.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Peer(pub u32);

impl Peer {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Random draws before a live asker is looked for by counting: with at
/// least one node in 64 up, this almost never falls through.
const LIVE_DRAWS: u32 = 64;

#[derive(Clone, Debug)]
pub struct Members {
    /// Sorted ascending, distinct.
    ids: Vec<RingId>,
    up: Vec<bool>,
    live: u32,
}

impl Members {
    /// `count` distinct ids drawn uniformly, every node up. Repeats are
    /// dropped and redrawn, so the ids depend on the seed alone.
    pub fn draw(count: u32, rng: &mut Rng) -> Members {
        let mut ids: Vec<RingId> = Vec::with_capacity(count as usize);
        while (ids.len() as u64) < u64::from(count) {
            let missing = u64::from(count) - ids.len() as u64;
            let mut raw: Vec<u32> = ids.iter().map(|r| r.0).chain((0..missing).map(|_| rng.next_u32())).collect();
            crate::sim::sorting::sort_u32(&mut raw);
            raw.dedup();
            ids = raw.into_iter().map(RingId).collect();
        }
        let len = ids.len();
        Members { ids, up: vec![true; len], live: count }
    }

    pub fn len(&self) -> u32 {
        self.ids.len() as u32
    }

    pub fn ids(&self) -> &[RingId] {
        &self.ids
    }

    /// A place outside the ring reads as id 0; places come only from this
    /// ring, so that fallback is never met.
    pub fn id(&self, p: Peer) -> RingId {
        self.ids.get(p.index()).copied().unwrap_or_default()
    }

    pub fn is_up(&self, p: Peer) -> bool {
        self.up.get(p.index()).copied().unwrap_or(false)
    }

    pub fn live(&self) -> u32 {
        self.live
    }

    pub fn set_up(&mut self, p: Peer, up: bool) {
        if let Some(slot) = self.up.get_mut(p.index()) {
            if *slot != up {
                *slot = up;
                self.live = if up { self.live + 1 } else { self.live.saturating_sub(1) };
            }
        }
    }

    pub fn next(&self, p: Peer) -> Peer {
        if p.0.saturating_add(1) >= self.len() {
            Peer(0)
        } else {
            Peer(p.0 + 1)
        }
    }

    /// The first node at or after `x` clockwise, up or not.
    pub fn at_or_after(&self, x: RingId) -> Peer {
        let i = self.ids.partition_point(|id| *id < x);
        Peer(if i >= self.ids.len() { 0 } else { i as u32 })
    }

    /// The first live node at or after `x`: where a correct lookup for `x`
    /// ends. `None` when every node is down.
    pub fn live_successor(&self, x: RingId) -> Option<Peer> {
        if self.live == 0 {
            return None;
        }
        self.first_live_from(self.at_or_after(x), self.len())
    }

    /// The first live node after `p`, `p` itself excluded: whom a node
    /// (re)joining through any live node learns as its successor.
    pub fn live_after(&self, p: Peer) -> Option<Peer> {
        if self.live == 0 {
            return None;
        }
        self.first_live_from(self.next(p), self.len().saturating_sub(1))
    }

    fn first_live_from(&self, start: Peer, steps: u32) -> Option<Peer> {
        let mut p = start;
        for _ in 0..steps {
            if self.is_up(p) {
                return Some(p);
            }
            p = self.next(p);
        }
        None
    }

    /// A live node, uniformly: random draws first, then the k-th live node
    /// by counting, so the choice stays uniform even when few are up.
    pub fn random_live(&self, rng: &mut Rng) -> Option<Peer> {
        if self.live == 0 {
            return None;
        }
        for _ in 0..LIVE_DRAWS {
            let p = Peer(rng.below(self.len()));
            if self.is_up(p) {
                return Some(p);
            }
        }
        let k = rng.below(self.live) as usize;
        self.up.iter().zip(0u32..).filter(|(up, _)| **up).nth(k).map(|(_, i)| Peer(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_distinct_sorted_and_seeded() {
        let m = Members::draw(5_000, &mut Rng::new(3));
        assert_eq!(m.len(), 5_000);
        assert!(m.ids().windows(2).all(|w| w[0] < w[1]));
        assert_eq!(m.ids(), Members::draw(5_000, &mut Rng::new(3)).ids());
        assert_ne!(m.ids(), Members::draw(5_000, &mut Rng::new(4)).ids());
    }

    #[test]
    fn successors_skip_nodes_that_are_down_and_wrap() {
        let mut m = Members::draw(4, &mut Rng::new(1));
        let last = m.id(Peer(3));
        assert_eq!(m.at_or_after(RingId(last.0.wrapping_add(1))), Peer(0));
        assert_eq!(m.live_successor(m.id(Peer(1))), Some(Peer(1)));
        m.set_up(Peer(1), false);
        m.set_up(Peer(2), false);
        assert_eq!(m.live_successor(m.id(Peer(1))), Some(Peer(3)));
        assert_eq!(m.live_after(Peer(0)), Some(Peer(3)));
        assert_eq!(m.live_after(Peer(3)), Some(Peer(0)));
        m.set_up(Peer(0), false);
        assert_eq!(m.live_after(Peer(3)), None, "a lone node has no successor but itself");
        assert_eq!(m.live(), 1);
        m.set_up(Peer(3), false);
        assert_eq!(m.live_successor(RingId(0)), None);
        assert_eq!(m.random_live(&mut Rng::new(1)), None);
    }

    #[test]
    fn askers_are_drawn_from_live_nodes_only() {
        let mut m = Members::draw(1_000, &mut Rng::new(2));
        for i in 0..999 {
            m.set_up(Peer(i), false);
        }
        let mut rng = Rng::new(5);
        for _ in 0..20 {
            assert_eq!(m.random_live(&mut rng), Some(Peer(999)));
        }
    }
}
