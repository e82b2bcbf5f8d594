//! What a Chord run reports: how many lookups found their key, in how
//! many hops and messages, against Chord's ½·log2 N.

use super::routing::{LookupResult, Outcome};
use serde::{Deserialize, Serialize};

/// Lookups that did not find a live copy, by why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DhtFailures {
    /// Every entry that could bring it closer had left.
    pub stuck: u64,
    /// Gave up after the hop cap.
    pub too_many_hops: u64,
    /// Arrived, but no named holder was up with a copy.
    pub unavailable: u64,
}

/// Counts since the run started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DhtCounters {
    pub lookups: u64,
    pub succeeded: u64,
    pub failures: DhtFailures,
    /// Hops summed over successful lookups.
    pub hops: u64,
    pub max_hops: u32,
    /// Messages summed over all lookups.
    pub messages: u64,
    pub timeouts: u64,
    /// Nodes leaving and coming back.
    pub departures: u64,
    pub arrivals: u64,
}

impl DhtCounters {
    pub fn record(&mut self, r: &LookupResult) {
        self.lookups += 1;
        self.messages += u64::from(r.messages);
        self.timeouts += u64::from(r.timeouts);
        match r.outcome {
            Outcome::Found { .. } => {
                self.succeeded += 1;
                self.hops += u64::from(r.hops);
                self.max_hops = self.max_hops.max(r.hops);
            }
            Outcome::Stuck => self.failures.stuck += 1,
            Outcome::TooManyHops => self.failures.too_many_hops += 1,
            Outcome::Unavailable => self.failures.unavailable += 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DhtReport {
    pub peers: u32,
    /// Nodes up when the report was made.
    pub peers_up: u32,
    pub copies: u32,
    pub elapsed_s: f64,
    pub lookups: u64,
    pub succeeded: u64,
    pub failures: DhtFailures,
    /// Fraction of lookups that found a live copy; 0 when there were none.
    pub success_rate: f64,
    /// Over successful lookups; `None` when none succeeded.
    pub mean_hops: Option<f64>,
    pub max_hops: u32,
    /// Over all lookups; 0 when there were none.
    pub mean_messages: f64,
    pub timeouts: u64,
    /// ½·log2 N for the ring's N nodes (up or not).
    pub theory_hops: f64,
    pub departures: u64,
    pub arrivals: u64,
    pub events: u64,
}
