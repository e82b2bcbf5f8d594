//! Failing and reviving nodes by hand while a distribution run is stepped.
//!
//! - A failed node stops at once: every connection to or from it closes,
//!   and the chunks they were carrying are lost part-way, so their
//!   receivers may be sent them again by someone else. It keeps what it
//!   already holds (a restart, not a new machine), but while it is down
//!   nobody can fetch that from it.
//! - Coming back, a receiver asks again for what it lacks; in client-server
//!   the server opens a fresh connection to each client still missing
//!   chunks.
//! - In hybrid the tracker is node N+1. Down before the peers have asked
//!   it, nobody can begin until it returns; down later, the peers in the
//!   swarm carry on, since they know one another, but newcomers cannot
//!   join until it is back (see [`super::arrivals`]).
//!
//! A run in which nothing can move while a node is down waits for it to
//! come back, at most [`DistributionSim::patience`], then ends unfinished.

use super::engine::{DistributionSim, Event, SERVER};
use crate::sim::fault::{FaultAction, Faults};
use crate::sim::node::{Architecture, NodeId};
use crate::sim::time::SimDuration;

impl Faults for DistributionSim {
    fn node_count(&self) -> u32 {
        self.nodes.len() as u32 + u32::from(self.scenario.arch == Architecture::Hybrid)
    }

    fn is_up(&self, node: NodeId) -> bool {
        match self.nodes.get(node.index()) {
            Some(s) => s.up,
            None => self.tracker_up,
        }
    }

    fn apply_fault(&mut self, node: NodeId, action: FaultAction) {
        let id = node.0;
        if self.nodes.get(node.index()).is_some_and(|s| !s.joined) {
            // Not there yet: nothing to fail or revive.
            return;
        }
        match (self.nodes.get(node.index()).is_some(), action) {
            (true, FaultAction::Fail) => self.fail(id),
            (true, FaultAction::Revive) => self.revive(id),
            (false, FaultAction::Fail) => self.tracker_up = false,
            (false, FaultAction::Revive) => self.revive_tracker(),
        }
        self.stalled_since = None;
        self.settle();
        self.drop_stale_heads();
    }
}

impl DistributionSim {
    /// Whether a failed node might still change the outcome by coming back:
    /// one is down, and the run has not waited out its patience.
    pub(super) fn waiting(&self) -> bool {
        let outage = self.down > 0 || !self.tracker_up && (!self.started || !self.awaiting_tracker.is_empty());
        outage && self.stalled_since.is_none_or(|since| self.now < since + self.patience())
    }

    /// How long a stalled run waits for a failed node: the textbook's
    /// least time for the whole distribution (at least a second), long
    /// enough to see that nothing moves and to bring the node back.
    pub(super) fn patience(&self) -> SimDuration {
        SimDuration::from_secs_f64_ceil(self.scenario.lower_bound_s().max(1.0))
    }

    fn fail(&mut self, id: u32) {
        let Some(s) = self.nodes.get_mut(id as usize).filter(|s| s.up) else { return };
        s.up = false;
        let claimed = s.claimed.count();
        self.down += 1;
        if id != SERVER.0 {
            // Nobody can send to it now; and nobody can fetch from it what
            // it holds, so those copies no longer count towards rarity.
            self.candidates.remove(id, claimed);
            self.uncount_copies(id);
        }
        let touching: Vec<u32> =
            self.conns.iter().zip(0u32..).filter(|(c, _)| c.live && (c.from == id || c.to == id)).map(|(_, i)| i).collect();
        for c in touching {
            self.drop_conn(c);
        }
        self.forget_down(id);
        self.note_everyone();
    }

    fn revive(&mut self, id: u32) {
        if self.nodes.get(id as usize).is_none_or(|s| s.up) {
            return;
        }
        self.down = self.down.saturating_sub(1);
        self.come_up(id);
    }

    /// A node comes back after a failure or turns up for the first time
    /// (see [`super::arrivals`]): its copies count again, it asks for
    /// what it lacks, and senders look again.
    pub(super) fn come_up(&mut self, id: u32) {
        let Some(s) = self.nodes.get_mut(id as usize) else { return };
        s.up = true;
        // Its lost transfers were unclaimed when it failed: it claims just
        // what it holds.
        let (claimed, complete) = (s.claimed.count(), s.claimed.is_complete());
        if id != SERVER.0 {
            for chunk in self.nodes.get(id as usize).map(|s| s.held.iter().collect::<Vec<_>>()).unwrap_or_default() {
                if let Some(r) = self.rarity.get_mut(chunk as usize) {
                    *r += 1;
                }
            }
            if !complete {
                self.candidates.insert(id, claimed);
            }
        }
        if !self.started {
            return;
        }
        if self.is_client_server() {
            if id == SERVER.0 {
                self.serve_clients(1..=self.scenario.peers);
            } else {
                self.serve_clients(std::iter::once(id));
            }
        }
        self.note_everyone();
    }

    /// Peers that had not yet been introduced ask the tracker again: one
    /// round trip from now.
    fn revive_tracker(&mut self) {
        self.tracker_up = true;
        self.ask_again();
        if !self.started {
            self.queue.push(self.now + self.latency + self.latency, Event::Start);
        }
    }

    /// Closes a connection cut by a failure; the chunk it carried, not yet
    /// whole, is no longer on its way.
    fn drop_conn(&mut self, c: u32) {
        let Some(conn) = self.conns.get(c as usize) else { return };
        let (to, chunk) = (conn.to, conn.chunk);
        self.close_conn(c);
        let Some(s) = self.nodes.get_mut(to as usize) else { return };
        if s.held.contains(chunk) {
            return;
        }
        let before = s.claimed.count();
        if !s.claimed.remove(chunk) {
            return;
        }
        let up = s.up;
        if let Some(r) = self.rarity.get_mut(chunk as usize) {
            *r = r.saturating_sub(1);
        }
        if up {
            // A receiver that had claimed everything was in no bucket.
            self.candidates.remove(to, before);
            self.candidates.insert(to, before - 1);
        }
    }

    fn uncount_copies(&mut self, id: u32) {
        let Some(s) = self.nodes.get(id as usize) else { return };
        for chunk in s.held.iter() {
            if let Some(r) = self.rarity.get_mut(chunk as usize) {
                *r = r.saturating_sub(1);
            }
        }
    }

    /// After a failure or a return, who can send to whom has changed for
    /// many: every sender that is up looks again.
    pub(super) fn note_everyone(&mut self) {
        if self.is_client_server() {
            return;
        }
        for i in 0..self.nodes.len() as u32 {
            if self.nodes.get(i as usize).is_some_and(|s| s.up) {
                self.note(i);
            }
        }
        self.wake_all();
    }
}

#[cfg(test)]
mod tests;
