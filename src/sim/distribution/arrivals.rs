//! Receivers that arrive over time (`arrival_window_s`), and what joining
//! takes in each design.
//!
//! - Client-server: an arriving client connects to the server at once.
//! - Peer-to-peer: an arriving peer joins the swarm at once (it is assumed
//!   to know one member already).
//! - Hybrid: an arriving peer asks the tracker who is in the swarm (one
//!   round trip) and joins with the answer. While the tracker is down
//!   nobody new can join: newcomers wait, and ask again when it returns.
//!   Peers already in the swarm carry on without it.
//!
//! Until it joins a receiver is absent: drawn offline, sent nothing, and
//! out of reach of failing or reviving by hand.

use super::engine::{DistributionSim, Event};
use crate::sim::node::Architecture;
use crate::sim::rng::Rng;
use crate::sim::time::{SimDuration, SimTime};

/// Keeps arrival times off the run's own random stream, so spreading
/// arrivals leaves every other draw of the run where it was.
const ARRIVAL_STREAM: u64 = 0x6172_7269_7661_6c73;

impl DistributionSim {
    /// At the start: with a window, every receiver is absent until its
    /// arrival, drawn uniformly over the window.
    pub(super) fn schedule_arrivals(&mut self) {
        if let (Architecture::Hybrid, Some(at)) = (self.scenario.arch, self.scenario.tracker_fails_at_s) {
            self.queue.push(SimTime::ZERO + SimDuration::from_secs_f64_ceil(at), Event::TrackerFails);
        }
        let window = self.scenario.arrival_window_s;
        if window <= 0.0 {
            return;
        }
        let mut rng = Rng::new(self.scenario.seed ^ ARRIVAL_STREAM);
        for id in 1..=self.scenario.peers {
            let at = SimTime::ZERO + SimDuration::from_secs_f64_ceil(window * rng.next_f64());
            if let Some(s) = self.nodes.get_mut(id as usize) {
                s.up = false;
                s.joined = false;
            }
            self.candidates.remove(id, 0);
            self.queue.push(at, Event::Arrive { node: id });
        }
    }

    /// A receiver turns up and asks to join.
    pub(super) fn arrive(&mut self, node: u32) {
        if self.scenario.arch != Architecture::Hybrid {
            return self.join(node);
        }
        if self.tracker_up {
            self.queue.push(self.now + self.latency + self.latency, Event::Joined { node });
        } else {
            self.joins_refused += 1;
            self.awaiting_tracker.push(node);
        }
    }

    /// A receiver joins: from now on it sends and receives like the others.
    pub(super) fn join(&mut self, node: u32) {
        let Some(s) = self.nodes.get_mut(node as usize).filter(|s| !s.joined) else { return };
        s.joined = true;
        self.come_up(node);
    }

    /// The tracker is back: every newcomer that was turned away asks again.
    pub(super) fn ask_again(&mut self) {
        for node in std::mem::take(&mut self.awaiting_tracker) {
            self.queue.push(self.now + self.latency + self.latency, Event::Joined { node });
        }
    }

    /// How many times a newcomer found the tracker down.
    pub fn joins_refused(&self) -> u64 {
        self.joins_refused
    }

    /// Receivers that have joined.
    pub fn joined(&self) -> u32 {
        self.nodes.iter().skip(1).filter(|s| s.joined).count() as u32
    }
}

#[cfg(test)]
mod tests;
