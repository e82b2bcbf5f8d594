//! The peer-to-peer overlay: who is linked to whom. Each node's neighbours
//! are kept in a sorted list (no duplicates) so a flood visits them in the
//! same order on every platform: ascending id, as an ordered set would.

use super::scenario::Link;
use crate::sim::node::NodeId;
use crate::sim::rng::Rng;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    /// Sorted ascending, no duplicates.
    adjacency: Vec<Vec<NodeId>>,
}

impl Overlay {
    pub fn empty(nodes: u32) -> Overlay {
        Overlay { adjacency: vec![Vec::new(); nodes as usize] }
    }

    /// A uniformly random graph with round(n·d/2) links (Erdős–Rényi
    /// G(n, m)). Pairs are drawn and repeats rejected, which stays fast
    /// because the mean degree is capped well below n for large n.
    pub fn random(nodes: u32, mean_degree: f64, rng: &mut Rng) -> Overlay {
        let mut overlay = Overlay::empty(nodes);
        let n = u64::from(nodes);
        let possible = n * n.saturating_sub(1) / 2;
        let wanted = ((n as f64 * mean_degree / 2.0).round() as u64).min(possible);
        let mut made = 0;
        while made < wanted {
            let a = rng.below(nodes);
            let b = rng.below(nodes);
            if overlay.connect(NodeId(a), NodeId(b)) {
                made += 1;
            }
        }
        overlay
    }

    /// Adds a link; false if it was there already or would be a self-loop.
    pub fn connect(&mut self, a: NodeId, b: NodeId) -> bool {
        if a == b || b.index() >= self.adjacency.len() {
            return false;
        }
        let added = self.adjacency.get_mut(a.index()).is_some_and(|s| insert(s, b));
        if added {
            if let Some(s) = self.adjacency.get_mut(b.index()) {
                insert(s, a);
            }
        }
        added
    }

    /// Removes a link; false if there was none.
    pub fn disconnect(&mut self, a: NodeId, b: NodeId) -> bool {
        let removed = self.adjacency.get_mut(a.index()).is_some_and(|s| remove(s, b));
        if let Some(s) = self.adjacency.get_mut(b.index()) {
            remove(s, a);
        }
        removed
    }

    pub fn neighbours(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.adjacency.get(node.index()).into_iter().flatten().copied()
    }

    pub fn degree(&self, node: NodeId) -> u32 {
        self.adjacency.get(node.index()).map_or(0, |s| s.len() as u32)
    }

    pub fn max_degree(&self) -> u32 {
        self.adjacency.iter().map(|s| s.len() as u32).max().unwrap_or(0)
    }

    /// Every link once, the smaller end first.
    pub fn links(&self) -> Vec<Link> {
        self.adjacency
            .iter()
            .zip(0u32..)
            .flat_map(|(s, a)| s.iter().filter(move |b| b.0 > a).map(move |b| Link { a: NodeId(a), b: *b }))
            .collect()
    }

    pub fn link_count(&self) -> u64 {
        self.adjacency.iter().map(|s| s.len() as u64).sum::<u64>() / 2
    }
}

/// Adds `node` to a sorted list; false if it was there already.
fn insert(list: &mut Vec<NodeId>, node: NodeId) -> bool {
    match list.binary_search(&node) {
        Ok(_) => false,
        Err(at) => {
            list.insert(at, node);
            true
        }
    }
}

/// Removes `node` from a sorted list; false if it was not there.
fn remove(list: &mut Vec<NodeId>, node: NodeId) -> bool {
    match list.binary_search(&node) {
        Ok(at) => {
            list.remove(at);
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_graph_has_the_asked_mean_degree() {
        let mut rng = Rng::new(4);
        let g = Overlay::random(1_000, 6.0, &mut rng);
        assert_eq!(g.link_count(), 3_000);
        assert_eq!(g.links().len(), 3_000);
        let degrees: u32 = (0..1_000).map(|i| g.degree(NodeId(i))).sum();
        assert_eq!(degrees, 6_000);
    }

    #[test]
    fn a_complete_graph_is_reachable() {
        let mut rng = Rng::new(5);
        let g = Overlay::random(12, 11.0, &mut rng);
        assert_eq!(g.link_count(), 66);
        assert_eq!(g.max_degree(), 11);
    }

    #[test]
    fn neighbours_come_in_ascending_order() {
        let mut g = Overlay::empty(8);
        for b in [5, 2, 7, 1, 6, 3] {
            assert!(g.connect(NodeId(4), NodeId(b)));
        }
        assert!(g.disconnect(NodeId(4), NodeId(6)));
        assert!(!g.connect(NodeId(4), NodeId(2)));
        let ids: Vec<u32> = g.neighbours(NodeId(4)).map(|n| n.0).collect();
        assert_eq!(ids, [1, 2, 3, 5, 7]);
        assert_eq!(g.links().first(), Some(&Link::new(1, 4)));
        assert_eq!(g.degree(NodeId(4)), 5);
    }

    #[test]
    fn connect_and_disconnect_are_symmetric() {
        let mut g = Overlay::empty(4);
        assert!(g.connect(NodeId(0), NodeId(2)));
        assert!(!g.connect(NodeId(2), NodeId(0)));
        assert!(!g.connect(NodeId(1), NodeId(1)));
        assert!(!g.connect(NodeId(1), NodeId(9)));
        assert_eq!(g.neighbours(NodeId(2)).collect::<Vec<_>>(), [NodeId(0)]);
        assert_eq!(g.links(), [Link::new(0, 2)]);
        assert!(g.disconnect(NodeId(2), NodeId(0)));
        assert!(!g.disconnect(NodeId(2), NodeId(0)));
        assert_eq!(g.link_count(), 0);
    }
}
