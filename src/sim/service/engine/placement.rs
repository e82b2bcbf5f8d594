//! Helpers shared by the workloads that place items on peers and draw
//! messages in flight.

use crate::sim::node::Population;
use super::*;

/// Puts each item on `replication` distinct peers, uniformly.
pub(super) fn place_items(s: &ServiceScenario, rng: &mut Rng, nodes: &mut [Station]) -> Vec<Vec<NodeId>> {
    // Only peers that serve hold copies; with none set aside, this is every
    // peer and the draws are the same as ever.
    let serving = s.serving_peers();
    (0..s.items)
        .map(|_| {
            let picked = sample_distinct(rng, serving.len() as u32, s.replication);
            let holders: Vec<NodeId> = picked.into_iter().filter_map(|i| serving.get(i as usize)).map(|&u| s.user_node(u)).collect();
            for h in &holders {
                if let Some(n) = nodes.get_mut(h.index()) {
                    n.items_held += 1;
                }
            }
            holders
        })
        .collect()
}

/// `k` distinct values from 0..n, uniformly (Floyd's algorithm: exactly k
/// draws, however close k is to n).
pub(crate) fn sample_distinct(rng: &mut Rng, n: u32, k: u32) -> Vec<u32> {
    let k = k.min(n);
    let mut chosen: Vec<u32> = Vec::with_capacity(k as usize);
    for j in (n - k)..n {
        let t = rng.below(j + 1);
        if chosen.contains(&t) {
            chosen.push(j);
        } else {
            chosen.push(t);
        }
    }
    chosen
}

pub(crate) fn progress(sent: SimTime, arrive: SimTime, now: SimTime) -> f64 {
    let total = arrive.since(sent).0;
    if total == 0 {
        return 1.0;
    }
    (now.since(sent).0 as f64 / total as f64).clamp(0.0, 1.0)
}
