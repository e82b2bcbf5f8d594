//! BitTorrent's tit-for-tat choking, the [`Policy::TitForTat`] scheduler.
//!
//! Every peer keeps its own choke state and uploads only to the peers it has
//! *unchoked*:
//! - [`REGULAR_SLOTS`] regular slots, for the interested peers (those lacking
//!   a chunk it holds) that delivered the most to it over the last
//!   [`RATE_WINDOW_S`] seconds, chosen again every [`RECHOKE_S`] seconds.
//!   Slots that no uploader fills, as at the very start when nobody has
//!   uploaded anything, go to random interested peers; so do a finished
//!   peer's, since nobody uploads to a peer that needs nothing.
//! - One optimistic slot for a random interested peer it has choked,
//!   rotated every [`OPTIMISTIC_S`] seconds: how newcomers, and free riders,
//!   get anything at all.
//!
//! A peer sends to all it has unchoked at once, the chunk rarest first; a
//! receiver that gets choked keeps the chunk on its way, and the connection
//! closes once that chunk arrives (see [`send`]). What a peer received from
//! whom is kept in [`window`].
//!
//! The server (the seed) takes no part: it chokes nobody and serves anyone,
//! rarest chunk first as in the altruistic policy, but to receivers drawn at
//! random rather than the least far along (see [`send`] for why). Free
//! riders (the scenario's download-only clients) upload nothing, so they
//! never choose anyone and are nobody's top uploader: they get in through
//! optimistic slots, random fills and the server. A node failed by hand is
//! never unchoked while down. Client-server has no swarm and ignores the
//! policy.
//!
//! Each peer's timers start at a random offset within their periods (drawn
//! once from the run's generator), so peers do not all rechoke at the same
//! tick. A peer with nobody interested in what it holds stops its timers
//! ("parks") until it gains a chunk or a node fails or returns; otherwise a
//! finished or stalled swarm would tick for ever.

mod send;
mod window;

use super::engine::{DistributionSim, Event, NodeState, SERVER};
use super::scenario::{DistributionScenario, Policy};
use crate::sim::node::Architecture;
use crate::sim::rng::Rng;
use crate::sim::time::{SimDuration, SimTime, MICROS_PER_SECOND};
use window::Received;

/// Regular unchoke slots per peer.
pub const REGULAR_SLOTS: usize = 3;
/// How far back a peer looks when ranking who uploaded to it (s).
pub const RATE_WINDOW_S: u64 = 20;
/// How often a peer chooses its regular slots again (s).
pub const RECHOKE_S: u64 = 10;
/// How often a peer moves its optimistic unchoke (s).
pub const OPTIMISTIC_S: u64 = 30;
/// Regular slots plus the optimistic one.
pub const MAX_UNCHOKED: usize = REGULAR_SLOTS + 1;

/// Random draws tried for an interested peer before walking the candidates:
/// early on nearly everyone is interested and one draw does it; late, when
/// few are, the walk is short because the candidates are few too.
const RANDOM_TRIES: u32 = 8;

/// One peer's choke state.
#[derive(Clone, Debug, Default)]
pub(super) struct PeerChoke {
    /// It uploads, so it chooses: false for the server and free riders.
    pub active: bool,
    /// Best uploader first, then any filled at random.
    pub regular: Vec<u32>,
    pub optimistic: Option<u32>,
    /// Sparse: only the senders heard from lately, ascending by sender.
    pub received: Vec<Received>,
    /// Offsets of its timers within their periods (µs).
    pub rechoke_phase: u64,
    pub optimistic_phase: u64,
    /// Its timers are queued; bumping `gen` cancels them.
    pub armed: bool,
    pub gen: u32,
}

impl PeerChoke {
    pub fn unchoked(&self) -> impl Iterator<Item = u32> + '_ {
        self.regular.iter().copied().chain(self.optimistic)
    }
}

/// The choke state of every node, indexed by id; empty unless the scenario
/// asks for tit-for-tat in a swarm. Draws the timers' offsets from `rng`.
pub(super) fn book(scenario: &DistributionScenario, rng: &mut Rng) -> Vec<PeerChoke> {
    if scenario.policy != Policy::TitForTat || scenario.arch == Architecture::ClientServer {
        return Vec::new();
    }
    let mut book = vec![PeerChoke::default()];
    for i in 0..scenario.peers {
        let mut c = PeerChoke { active: scenario.uploads(i as usize), ..PeerChoke::default() };
        if c.active {
            c.rechoke_phase = u64::from(rng.below(micros_u32(RECHOKE_S)));
            c.optimistic_phase = u64::from(rng.below(micros_u32(OPTIMISTIC_S)));
        }
        book.push(c);
    }
    book
}

/// A period in microseconds, as the generator's range (capped, not wrapped,
/// should a lesson ever set a period past an hour).
fn micros_u32(period_s: u64) -> u32 {
    u32::try_from(period_s.saturating_mul(MICROS_PER_SECOND)).unwrap_or(u32::MAX)
}

/// The first time after `now` that is `phase` past a multiple of `period`.
fn next_tick(now: SimTime, phase: u64, period_s: u64) -> SimTime {
    let period = period_s.saturating_mul(MICROS_PER_SECOND).max(1);
    if now.0 < phase {
        return SimTime(phase);
    }
    SimTime(phase.saturating_add(((now.0 - phase) / period).saturating_add(1).saturating_mul(period)))
}

/// `r` is up and lacks a chunk that `u` holds. Judged on what `r` holds,
/// not on what is already on its way to it, as a BitTorrent peer declares
/// interest from the pieces it has: judged on promises, peers at the same
/// stage would drop in and out of each other's slots with every chunk sent.
fn interested(nodes: &[NodeState], u: u32, r: u32) -> bool {
    let (Some(sender), Some(receiver)) = (nodes.get(u as usize), nodes.get(r as usize)) else { return false };
    r != u
        && r != SERVER.0
        && receiver.up
        && sender.held.words().iter().zip(receiver.held.words()).any(|(h, c)| h & !c != 0)
}

impl DistributionSim {
    /// The run is a swarm under tit-for-tat.
    pub(super) fn tit_for_tat(&self) -> bool {
        !self.choke.is_empty()
    }

    /// Whether sender `u` picks its receivers by choking.
    pub(super) fn chokes(&self, u: u32) -> bool {
        self.choke.get(u as usize).is_some_and(|c| c.active)
    }

    pub(super) fn timer_is_current(&self, peer: u32, gen: u32) -> bool {
        self.completed() < self.scenario.peers && self.choke.get(peer as usize).is_some_and(|c| c.armed && c.gen == gen)
    }

    /// Peer `u`'s regular rechoke is due.
    pub(super) fn on_rechoke(&mut self, u: u32) {
        self.forget_old_uploads(u);
        self.rechoke(u, true);
        self.rearm(u, false);
    }

    /// Peer `u`'s optimistic unchoke moves on; the regular slots stay.
    pub(super) fn on_optimistic(&mut self, u: u32) {
        let regular = self.choke.get(u as usize).map(|c| c.regular.clone()).unwrap_or_default();
        let optimistic = self.choose_optimistic(u, &regular, true);
        self.set_unchoked(u, regular, optimistic);
        self.rearm(u, true);
    }

    /// Queues the timer that just fired again, if the peer is still active.
    fn rearm(&mut self, u: u32, optimistic: bool) {
        let Some(c) = self.choke.get(u as usize).filter(|c| c.armed) else { return };
        let gen = c.gen;
        if optimistic {
            self.queue.push(self.now + SimDuration::from_secs(OPTIMISTIC_S), Event::Optimistic { peer: u, gen });
        } else {
            self.queue.push(self.now + SimDuration::from_secs(RECHOKE_S), Event::Rechoke { peer: u, gen });
        }
        self.note(u);
    }

    /// A node failed: it leaves every unchoked set, and if it chooses, it
    /// stops choosing until it returns.
    pub(super) fn forget_down(&mut self, id: u32) {
        for c in self.choke.iter_mut() {
            c.regular.retain(|&r| r != id);
            if c.optimistic == Some(id) {
                c.optimistic = None;
            }
        }
        self.set_unchoked(id, Vec::new(), None);
    }

    /// After a failure or a return, whoever had parked looks again: claims
    /// were dropped, or a node is back to ask.
    pub(super) fn wake_all(&mut self) {
        for u in 1..self.choke.len() as u32 {
            // One holding nothing interests nobody: not worth a look, and
            // there may be thousands of them as a swarm fills up.
            let holds = self.nodes.get(u as usize).is_some_and(|s| !s.held.is_empty());
            if holds && self.choke.get(u as usize).is_some_and(|c| c.active && !c.armed) {
                self.rechoke(u, false);
            }
        }
    }

    /// Chooses `u`'s slots. Parks `u` if it unchokes nobody; arms its
    /// timers if it was parked.
    ///
    /// At a `scheduled` rechoke the regular slots go to the best uploaders,
    /// then to their present holders, then to random interested peers. Off
    /// schedule (a holder lost interest or failed, or `u` wakes) the present
    /// holders keep theirs and only the empty ones are filled, the same way:
    /// choices change every ten seconds, not at every chunk. The optimistic
    /// slot stays unless its holder no longer qualifies.
    pub(super) fn rechoke(&mut self, u: u32, scheduled: bool) {
        let regular = self.choose_regular(u, scheduled);
        let optimistic = self.choose_optimistic(u, &regular, false);
        self.set_unchoked(u, regular, optimistic);
    }

    fn choose_regular(&mut self, u: u32, scheduled: bool) -> Vec<u32> {
        let Some(c) = self.choke.get(u as usize) else { return Vec::new() };
        let bucket = window::bucket_at(self.now, c.rechoke_phase);
        let nodes = &self.nodes;
        let delivered = c.received.iter().filter_map(|e| Some((e.amount(bucket), nodes.get(e.from as usize)?.order)));
        let best = by_delivery(delivered, &self.by_order).into_iter();
        let held = c.regular.iter().copied();
        let order: Vec<u32> = if scheduled { best.chain(held).collect() } else { held.chain(best).collect() };
        let mut regular: Vec<u32> = Vec::with_capacity(REGULAR_SLOTS);
        for r in order {
            if regular.len() == REGULAR_SLOTS {
                break;
            }
            if !regular.contains(&r) && interested(nodes, u, r) {
                regular.push(r);
            }
        }
        while regular.len() < REGULAR_SLOTS {
            match self.random_interested(u, &regular, None) {
                Some(r) => regular.push(r),
                None => break,
            }
        }
        regular
    }

    /// A random interested peer outside the regular slots; with `rotate`, a
    /// different one from the current if there is any.
    fn choose_optimistic(&mut self, u: u32, regular: &[u32], rotate: bool) -> Option<u32> {
        let current = self
            .choke
            .get(u as usize)
            .and_then(|c| c.optimistic)
            .filter(|&o| !regular.contains(&o) && interested(&self.nodes, u, o));
        if current.is_some() && !rotate {
            return current;
        }
        self.random_interested(u, regular, current).or(current)
    }

    fn set_unchoked(&mut self, u: u32, regular: Vec<u32>, optimistic: Option<u32>) {
        let now = self.now;
        let up = self.nodes.get(u as usize).is_some_and(|s| s.up);
        let Some(c) = self.choke.get_mut(u as usize) else { return };
        let any = up && c.active && (!regular.is_empty() || optimistic.is_some());
        if !any {
            c.regular.clear();
            c.optimistic = None;
            if c.armed {
                c.armed = false;
                c.gen = c.gen.wrapping_add(1);
            }
            return;
        }
        c.regular = regular;
        c.optimistic = optimistic;
        if !c.armed {
            c.armed = true;
            let gen = c.gen;
            let rechoke_at = next_tick(now, c.rechoke_phase, RECHOKE_S);
            let optimistic_at = next_tick(now, c.optimistic_phase, OPTIMISTIC_S);
            self.queue.push(rechoke_at, Event::Rechoke { peer: u, gen });
            self.queue.push(optimistic_at, Event::Optimistic { peer: u, gen });
            self.note(u);
        }
    }

    /// A uniformly random interested peer not in `exclude` and not `avoid`.
    fn random_interested(&mut self, u: u32, exclude: &[u32], avoid: Option<u32>) -> Option<u32> {
        let ok = |nodes: &[NodeState], r: u32| Some(r) != avoid && !exclude.contains(&r) && interested(nodes, u, r);
        let n = self.scenario.peers;
        for _ in 0..RANDOM_TRIES {
            let r = 1 + self.rng.below(n);
            if ok(&self.nodes, r) {
                return Some(r);
            }
        }
        // Everyone interested is a candidate (up, lacking an unclaimed
        // chunk), so one reservoir pass over them is uniform.
        let mut chosen = None;
        let mut seen = 0u32;
        for r in self.candidates.iter() {
            if ok(&self.nodes, r) {
                seen += 1;
                if self.rng.below(seen) == 0 {
                    chosen = Some(r);
                }
            }
        }
        chosen
    }
}

/// The peers that delivered something, most first; equal amounts by the
/// fixed random rank, so no peer is favoured by its number. `delivered`
/// holds `(amount, order)`, where a node's order ranks it by (tiebreak, id)
/// and `by_order` gives back its id: one integer key each, for the
/// simulator's one integer sort (see `sim::sorting`).
fn by_delivery(delivered: impl Iterator<Item = (u32, u32)>, by_order: &[u32]) -> Vec<u32> {
    let mut keys: Vec<u64> =
        delivered.filter(|&(amount, _)| amount > 0).map(|(amount, order)| u64::from(u32::MAX - amount) << 32 | u64::from(order)).collect();
    keys.sort_unstable();
    keys.into_iter().filter_map(|k| by_order.get(k as u32 as usize).copied()).collect()
}

#[cfg(test)]
mod tests;
