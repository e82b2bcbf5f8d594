//! Who sends what under tit-for-tat.
//!
//! - A choking peer sends to every peer it has unchoked at once, sharing its
//!   upload among them as BitTorrent's connections do, the chunk rarest
//!   first. A connection carries chunk after chunk while its receiver stays
//!   unchoked; once the receiver is choked, the chunk on its way still
//!   arrives and then the connection closes.
//! - The server serves anyone, chunk rarest first as always, but picks its
//!   receivers at random rather than the least far along first: under
//!   tit-for-tat the free riders are always the ones behind, so feeding the
//!   laggards first would hand them the server's whole upload, and every
//!   chunk it gave out first would sit with someone who never passes it on.

use super::{interested, SERVER};
use crate::sim::distribution::engine::DistributionSim;
use crate::sim::distribution::policy::{rarest, receiver_busy};

/// Random draws the server tries before walking the candidates.
const SERVER_TRIES: u32 = 16;

impl DistributionSim {
    /// A chunk from choking peer `u` has arrived at `to` on connection `c`:
    /// the connection carries the next one while `to` stays unchoked and
    /// lacks, unpromised, something `u` holds, and closes otherwise.
    pub(in crate::sim::distribution) fn keep_sending(&mut self, c: u32, u: u32, to: u32) {
        let unchoked = self.choke.get(u as usize).is_some_and(|ch| ch.unchoked().any(|r| r == to));
        let next = match (self.nodes.get(u as usize), self.nodes.get(to as usize)) {
            (Some(sender), Some(receiver)) if unchoked && receiver.up => {
                rarest(&sender.held, &receiver.claimed, &self.rarity, &mut self.rng)
            }
            _ => None,
        };
        match next {
            Some(chunk) => self.continue_conn(c, chunk),
            None => {
                self.close_conn(c);
                self.note(u);
            }
        }
    }

    /// The next (receiver, chunk) for choking peer `u`: a peer it has
    /// unchoked and has no connection to yet. A slot left empty, or held by
    /// a peer no longer interested, is filled again at once, as BitTorrent
    /// rechokes when an unchoked peer says it is not interested.
    pub(in crate::sim::distribution) fn pick_unchoked(&mut self, u: u32) -> Option<(u32, u32)> {
        for attempt in 0..2 {
            let c = self.choke.get(u as usize)?;
            let order: Vec<u32> = c.unchoked().collect();
            let stale = order.is_empty() || order.iter().any(|&r| !interested(&self.nodes, u, r));
            let sender = self.nodes.get(u as usize)?;
            for &r in &order {
                if sender.targets.binary_search(&r).is_ok() {
                    continue;
                }
                let Some(receiver) = self.nodes.get(r as usize).filter(|s| s.up) else { continue };
                if let Some(chunk) = rarest(&sender.held, &receiver.claimed, &self.rarity, &mut self.rng) {
                    return Some((r, chunk));
                }
            }
            if attempt > 0 || !stale {
                break;
            }
            self.rechoke(u, false);
        }
        None
    }

    /// The server's next (receiver, chunk) under tit-for-tat: a receiver
    /// drawn at random among those it can send something, `reuse` and
    /// `extra` as in [`Self::pick`].
    pub(in crate::sim::distribution) fn serve_anyone(&mut self, reuse: Option<u32>, extra: bool) -> Option<(u32, u32)> {
        let n = self.scenario.peers;
        let fits = |sim: &DistributionSim, r: u32| {
            let targeted = sim.nodes.get(SERVER.index()).is_some_and(|s| s.targets.binary_search(&r).is_ok());
            sim.nodes.get(r as usize).is_some_and(|s| s.up && !s.claimed.is_complete())
                && (!targeted || reuse == Some(r))
                && !(extra && receiver_busy(sim, r))
        };
        let mut chosen = None;
        for _ in 0..SERVER_TRIES {
            let r = 1 + self.rng.below(n);
            if fits(self, r) {
                chosen = Some(r);
                break;
            }
        }
        if chosen.is_none() {
            // Few are left to serve: one uniform pass over the candidates
            // (everyone up still lacking an unpromised chunk).
            let mut seen = 0u32;
            for r in self.candidates.iter() {
                if fits(self, r) {
                    seen += 1;
                    if self.rng.below(seen) == 0 {
                        chosen = Some(r);
                    }
                }
            }
        }
        let r = chosen?;
        let (server, receiver) = (self.nodes.get(SERVER.index())?, self.nodes.get(r as usize)?);
        rarest(&server.held, &receiver.claimed, &self.rarity, &mut self.rng).map(|chunk| (r, chunk))
    }
}
