//! Nodes coming and going: by churn (exponential up and down times of one
//! mean, switched on and off mid-run) or by hand (the sandbox's "fail
//! it"), and the stabilisation that repairs the ring after them.
//!
//! A ring nobody has left needs no repair, so stabilisation timers start
//! only once someone can leave: with churn in the scenario, or at the
//! first failure by hand.

use super::engine::{DhtSim, Event};
use super::members::Peer;
use super::scenario::Finder;
use crate::sim::fault::{FaultAction, Faults};
use crate::sim::node::NodeId;
use crate::sim::time::{SimDuration, SimTime};

impl DhtSim {
    /// Starts every node's stabilisation timer, staggered, as independent
    /// nodes' timers are.
    pub(super) fn start_upkeep(&mut self) {
        if self.upkeep {
            return;
        }
        self.upkeep = true;
        let phase_range = u32::try_from(self.stabilise_period().0).unwrap_or(u32::MAX);
        for p in (0..self.s.peers).map(Peer) {
            let first = self.now + SimDuration(u64::from(self.stagger.below(phase_range)));
            self.events.push_within(first, self.end, Event::Stabilise(p));
        }
    }

    /// Whether peers come and go now; `None` for a run without churn in its
    /// scenario (no session length to draw from).
    pub fn churn(&self) -> Option<bool> {
        self.s.churn_session_s.map(|_| self.churning)
    }

    /// Switches churn on (every node draws its next change from now) or
    /// off (changes already drawn are void; who is down stays down).
    pub fn set_churn(&mut self, on: bool) {
        if self.s.churn_session_s.is_none() || on == self.churning {
            return;
        }
        self.churning = on;
        self.churn_gen = self.churn_gen.wrapping_add(1);
        if on {
            self.start_upkeep();
            for p in (0..self.s.peers).map(Peer) {
                self.schedule_toggle(p);
            }
        }
    }

    /// Up and down times share one mean (see the scenario).
    pub(super) fn schedule_toggle(&mut self, p: Peer) {
        let mean = self.s.churn_session_s.unwrap_or(0.0);
        let next = SimDuration::from_secs_f64_ceil(self.sessions.exponential(mean));
        // A zero draw would toggle twice in one tick; a microsecond keeps
        // every session real.
        let at: SimTime = self.now + next.max(SimDuration(1));
        self.events.push_within(at, self.end, Event::Toggle { peer: p, gen: self.churn_gen });
    }

    /// The node leaves if up, comes back if down.
    pub(super) fn flip(&mut self, p: Peer) {
        if self.chord.members.is_up(p) {
            self.chord.leave(p);
            self.counters.departures += 1;
        } else {
            self.chord.join(p);
            self.counters.arrivals += 1;
        }
    }
}

/// Node ids are places on the ring, clockwise from the lowest id: the
/// order the drawing puts them round its circle. Through an index, the
/// index is node 0 and ring place p is node p + 1.
impl Faults for DhtSim {
    fn node_count(&self) -> u32 {
        self.s.peers + u32::from(self.s.finder == Finder::Index)
    }

    fn is_up(&self, node: NodeId) -> bool {
        match self.place(node) {
            Some(p) => self.chord.members.is_up(p),
            None => self.index_up,
        }
    }

    fn apply_fault(&mut self, node: NodeId, action: FaultAction) {
        let fail = action == FaultAction::Fail;
        match self.place(node) {
            Some(p) if self.chord.members.is_up(p) == fail => {
                self.start_upkeep();
                self.flip(p);
            }
            Some(_) => {}
            None => self.index_up = !fail,
        }
    }
}

impl DhtSim {
    /// The ring place a node id names; `None` for the index.
    fn place(&self, node: NodeId) -> Option<Peer> {
        match self.s.finder {
            Finder::Ring => Some(Peer(node.0)),
            Finder::Index => node.0.checked_sub(1).map(Peer),
        }
    }
}

#[cfg(test)]
mod tests;
