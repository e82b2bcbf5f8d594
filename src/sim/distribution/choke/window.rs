//! What each choking peer received from whom over the last
//! [`RATE_WINDOW_S`] seconds: the figure its regular slots are ranked by.
//!
//! Sparse, per receiver: one entry per sender heard from lately, sorted by
//! sender, so crediting a chunk is a binary search and a rechoke reads only
//! the peer's own few senders, never all N.
//!
//! Whole chunks are counted, at arrival: a chunk still on its way has earned
//! its sender nothing yet. The window is two buckets of half its length,
//! aligned to the peer's own rechoke times, so at a scheduled rechoke they
//! cover exactly the last [`RATE_WINDOW_S`] seconds; a rechoke off schedule
//! sees between half the window and all of it.

use super::{RATE_WINDOW_S, SERVER};
use crate::sim::distribution::engine::DistributionSim;
use crate::sim::time::{SimTime, MICROS_PER_SECOND};

const BUCKET_US: u64 = RATE_WINDOW_S * MICROS_PER_SECOND / 2;

/// Chunks one sender delivered to this peer, in two buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::sim::distribution) struct Received {
    pub from: u32,
    /// The bucket `latest` counts for (see [`bucket_at`]).
    pub bucket: u64,
    pub latest: u32,
    /// The bucket just before `bucket`.
    pub before: u32,
}

impl Received {
    /// Chunks delivered within the window that ends in bucket `now`.
    pub fn amount(&self, now: u64) -> u32 {
        if self.bucket == now {
            self.latest.saturating_add(self.before)
        } else if self.bucket.saturating_add(1) == now {
            self.latest
        } else {
            0
        }
    }

    pub fn add(&mut self, now: u64) {
        if self.bucket == now {
            self.latest = self.latest.saturating_add(1);
            return;
        }
        self.before = if self.bucket.saturating_add(1) == now { self.latest } else { 0 };
        self.latest = 1;
        self.bucket = now;
    }
}

/// The bucket holding time `t` for a peer whose rechokes fall at `phase`
/// past each multiple of the period: bucket `j` ends at
/// `phase + (j - 1)·B` and includes that instant, so chunks arriving at the
/// very tick of a rechoke still count for it.
pub(in crate::sim::distribution) fn bucket_at(t: SimTime, phase: u64) -> u64 {
    (t.0.saturating_add(BUCKET_US) - phase % BUCKET_US).div_ceil(BUCKET_US)
}

impl DistributionSim {
    /// `from` delivered a chunk to `to`: a choking `to` remembers it, and
    /// having something new to offer, stops parking and looks for takers.
    /// The server is not remembered: it needs nothing, so it cannot be
    /// rewarded.
    pub(in crate::sim::distribution) fn on_delivery(&mut self, from: u32, to: u32) {
        let now = self.now;
        let Some(c) = self.choke.get_mut(to as usize).filter(|c| c.active) else { return };
        if from != SERVER.0 {
            let bucket = bucket_at(now, c.rechoke_phase);
            match c.received.binary_search_by_key(&from, |e| e.from) {
                Ok(i) => {
                    if let Some(e) = c.received.get_mut(i) {
                        e.add(bucket);
                    }
                }
                Err(i) => c.received.insert(i, Received { from, bucket, latest: 1, before: 0 }),
            }
        }
        if !c.armed {
            self.rechoke(to, false);
        }
    }

    /// Drops the senders that have fallen out of `u`'s window, so its list
    /// holds only those heard from lately.
    pub(in crate::sim::distribution) fn forget_old_uploads(&mut self, u: u32) {
        let now = self.now;
        if let Some(c) = self.choke.get_mut(u as usize) {
            let bucket = bucket_at(now, c.rechoke_phase);
            c.received.retain(|e| e.amount(bucket) > 0);
        }
    }
}
