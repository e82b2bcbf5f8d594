//! What a run remembers for drawing and charting: a point a second of
//! running totals, the last few lookups' routes, and who answered.

use super::chord::Chord;
use super::report::DhtCounters;
use super::ring::RingId;
use super::routing::LookupResult;
use super::scenario::Finder;
use crate::sim::time::SimTime;
use serde::Serialize;
use std::collections::VecDeque;

/// Lookups kept for drawing: enough for the ones still on screen.
const RECENT: usize = 12;

/// Running totals at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DhtSample {
    pub t_s: f64,
    pub lookups: u64,
    pub succeeded: u64,
    pub messages: u64,
}

/// One lookup's route, as places on the ring (clockwise from the lowest
/// id): the asker, then each node it was forwarded to. Through an index:
/// the asker, then the holder the index named.
#[derive(Clone, Debug, PartialEq)]
pub struct RecentLookup {
    pub at: SimTime,
    pub route: Vec<u32>,
    pub found: bool,
}

#[derive(Clone, Debug)]
pub(super) struct History {
    samples: Vec<DhtSample>,
    recent: VecDeque<RecentLookup>,
    /// Lookups each ring node answered (it held the key, or knew who did).
    answered: Vec<u64>,
    /// Lookups the central index answered.
    index_answered: u64,
}

impl History {
    pub(super) fn new(peers: u32) -> History {
        History { samples: Vec::new(), recent: VecDeque::new(), answered: vec![0; peers as usize], index_answered: 0 }
    }

    pub(super) fn record(&mut self, now: SimTime, chord: &Chord, path: &[RingId], r: &LookupResult, finder: Finder) {
        let route: Vec<u32> = path.iter().map(|&id| chord.members.at_or_after(id).0).collect();
        if r.hops > 0 && finder == Finder::Index {
            self.index_answered += 1;
        } else if let Some(slot) = route.last().and_then(|&p| self.answered.get_mut(p as usize)) {
            *slot += 1;
        }
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(RecentLookup { at: now, route, found: r.succeeded() });
    }

    pub(super) fn sample(&mut self, now: SimTime, c: &DhtCounters) {
        self.samples.push(DhtSample { t_s: now.as_secs_f64(), lookups: c.lookups, succeeded: c.succeeded, messages: c.messages });
    }

    pub(super) fn samples(&self) -> &[DhtSample] {
        &self.samples
    }

    pub(super) fn recent(&self) -> impl Iterator<Item = &RecentLookup> {
        self.recent.iter()
    }

    /// The largest share of all lookups one node answered: the index, or
    /// the busiest ring node. `None` before any lookup.
    pub(super) fn busiest_share(&self, lookups: u64) -> Option<f64> {
        let most = self.answered.iter().copied().max().unwrap_or(0).max(self.index_answered);
        (lookups > 0).then(|| most as f64 / lookups as f64)
    }
}
