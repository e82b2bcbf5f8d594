//! Who sends which chunk to whom in a swarm (peer-to-peer and hybrid).
//!
//! - Receiver: the peer least far along (fewest chunks held or on their way)
//!   that lacks something the sender holds. Feeding the laggards first keeps
//!   everyone progressing together, and the distribution time is set by the
//!   last peer to finish.
//! - Chunk: rarest first (fewest peers holding or receiving it), ties broken
//!   at random from the run's generator. For the server, which holds
//!   everything, this means every chunk goes out once before any goes out
//!   twice, so peers have distinct chunks to trade as early as possible.
//! - How many at once: a sender keeps one connection while that uses its
//!   whole upload (a chunk sent at full speed can be passed on soonest), and
//!   opens more while its upload has room (see `fill_upload`), so upload
//!   capacity is not left idle while someone needs what the sender has.
//!   When a chunk arrives and the sender has other connections, that
//!   connection closes and the recomputed rates decide whether it is needed.
//!
//! That is the altruistic policy. Under tit-for-tat a peer sends only to the
//! peers it has unchoked, and the server picks its receivers at random (see
//! [`super::choke`]).

use super::chunks::ChunkSet;
use super::engine::{DistributionSim, SERVER, SPARE_FRACTION};
use crate::sim::node::NodeId;
use crate::sim::rng::Rng;

impl DistributionSim {
    /// The next (receiver, chunk) for sender `u`. A receiver `u` already has
    /// a connection to is skipped, except `reuse`: the connection whose chunk
    /// just arrived, which can carry the next one without new latency.
    ///
    /// With `extra`, the sender already has connections and wants one more
    /// only to use idle upload, so busy receivers (see [`receiver_busy`])
    /// are skipped.
    pub(super) fn pick(&mut self, u: u32, reuse: Option<u32>, extra: bool) -> Option<(u32, u32)> {
        if self.chokes(u) {
            return self.pick_unchoked(u);
        }
        if u == SERVER.0 && self.tit_for_tat() {
            return self.serve_anyone(reuse, extra);
        }
        let sender = self.nodes.get(u as usize)?;
        // An extra connection is opportunistic: look at the least advanced
        // few only, so a sender among many busy receivers costs little.
        let limit = if extra { EXTRA_SCAN } else { u32::MAX };
        for (r, _) in self.candidates.iter().zip(0..limit) {
            if r == u || (sender.targets.binary_search(&r).is_ok() && reuse != Some(r)) {
                continue;
            }
            if extra && receiver_busy(self, r) {
                continue;
            }
            let Some(receiver) = self.nodes.get(r as usize) else { continue };
            if let Some(chunk) = rarest(&sender.held, &receiver.claimed, &self.rarity, &mut self.rng) {
                return Some((r, chunk));
            }
        }
        None
    }
}

/// A receiver whose download is in full use and which already has
/// `BUSY_INCOMING` connections coming in: one more would only take a share
/// from the others. Below that count a new sender is still welcome, because
/// it may bring chunks the receiver's current senders do not have.
pub(super) fn receiver_busy(sim: &DistributionSim, r: u32) -> bool {
    let id = NodeId(r);
    let incoming = sim.nodes.get(r as usize).map_or(0, |s| s.incoming);
    incoming >= BUSY_INCOMING && sim.net.down_rate(id) >= sim.net.down_capacity(id) * (1.0 - SPARE_FRACTION)
}

const BUSY_INCOMING: u32 = 2;

/// How many of the least advanced receivers an extra connection considers.
const EXTRA_SCAN: u32 = 32;

/// The rarest chunk in `have` but not in `claimed`; ties go to a uniformly
/// random one (reservoir sampling, one draw per tie).
pub(super) fn rarest(have: &ChunkSet, claimed: &ChunkSet, rarity: &[u32], rng: &mut Rng) -> Option<u32> {
    let mut best = None;
    let mut best_rarity = u32::MAX;
    let mut ties = 0u32;
    for ((h, c), word) in have.words().iter().zip(claimed.words()).zip(0u32..) {
        let mut w = h & !c;
        while w != 0 {
            let chunk = word * 64 + w.trailing_zeros();
            w &= w - 1;
            let r = rarity.get(chunk as usize).copied().unwrap_or(u32::MAX);
            if r < best_rarity {
                best_rarity = r;
                best = Some(chunk);
                ties = 1;
            } else if r == best_rarity {
                ties += 1;
                if rng.below(ties) == 0 {
                    best = Some(chunk);
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarest_prefers_fewest_copies_and_skips_claimed() {
        let mut have = ChunkSet::empty(130);
        for c in [1, 64, 100, 129] {
            have.insert(c);
        }
        let mut claimed = ChunkSet::empty(130);
        claimed.insert(129);
        let mut rarity = vec![5; 130];
        rarity[129] = 0; // rarest, but already claimed
        rarity[100] = 1;
        let mut rng = Rng::new(1);
        assert_eq!(rarest(&have, &claimed, &rarity, &mut rng), Some(100));
        claimed.insert(100);
        claimed.insert(1);
        claimed.insert(64);
        assert_eq!(rarest(&have, &claimed, &rarity, &mut rng), None);
    }

    #[test]
    fn ties_are_spread_across_chunks() {
        let have = ChunkSet::full(10);
        let claimed = ChunkSet::empty(10);
        let rarity = vec![0; 10];
        let mut rng = Rng::new(3);
        let mut seen = [false; 10];
        for _ in 0..500 {
            if let Some(c) = rarest(&have, &claimed, &rarity, &mut rng) {
                seen[c as usize] = true;
            }
        }
        assert!(seen.iter().all(|s| *s));
    }
}
