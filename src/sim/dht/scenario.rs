//! What a Chord run is made of: how many nodes and keys, how many copies
//! of each key, how often lookups come, and how fast nodes come and go.

use crate::sim::validate::{check_count, check_range, Problem, ValidationError};
use serde::{Deserialize, Serialize};

pub const MAX_PEERS: u64 = 10_000;
pub const MAX_KEYS: u64 = 100_000;
/// As many as the copies control offers anywhere.
pub const MAX_COPIES: u64 = 10;
pub const MAX_SUCCESSORS: u64 = 16;
pub const MAX_LOOKUPS_PER_S: f64 = 100_000.0;
/// A week: churn is measured in hours at most.
pub const MAX_DURATION_S: f64 = 604_800.0;
pub const MIN_STABILISE_S: f64 = 0.1;
pub const MAX_STABILISE_S: f64 = 3_600.0;
pub const MIN_SESSION_S: f64 = 1.0;
/// Each lookup's result is counted, not kept, but its walk is the work.
pub const MAX_EXPECTED_LOOKUPS: f64 = 2_000_000.0;
/// Stabilisation rounds and session changes: what a churning run spends
/// its time on.
pub const MAX_EXPECTED_UPKEEP: f64 = 10_000_000.0;

/// How a lookup finds the node that holds a key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finder {
    /// Routed round the ring, each node using its own fingers.
    #[default]
    Ring,
    /// Asked of a central index that always knows which live nodes hold
    /// what (it learns of every departure at once: the best an index can
    /// do). Keys are placed and copied as on the ring, so only the finding
    /// differs.
    Index,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DhtScenario {
    /// Nodes on the ring, each at a random 32-bit id.
    pub peers: u32,
    /// Keys stored at the start, each at a random 32-bit position.
    pub keys: u32,
    /// Lookups per second across the ring (Poisson), each from a random
    /// live node for a random stored key.
    pub lookups_per_s: f64,
    pub duration_s: f64,
    /// Nodes holding each key: its successor and the next `copies − 1`.
    pub copies: u32,
    /// Length of each node's successor list.
    pub successors: u32,
    /// How often each node stabilises (churn only: a ring nobody leaves
    /// stays correct, so it has nothing to repair).
    pub stabilise_s: f64,
    /// Churn: each node stays up for an exponential time with this mean,
    /// then down for an exponential time with the same mean, so in the long
    /// run about half are up. Everyone is up at the start. `None`: nobody
    /// leaves.
    pub churn_session_s: Option<f64>,
    /// With `churn_session_s`, nobody comes or goes until churn is switched
    /// on mid-run (the sandbox's switch); stabilisation runs regardless.
    #[serde(default)]
    pub churn_paused: bool,
    #[serde(default)]
    pub finder: Finder,
    pub seed: u64,
}

impl Default for DhtScenario {
    fn default() -> Self {
        DhtScenario {
            peers: 64,
            keys: 1_000,
            lookups_per_s: 10.0,
            duration_s: 60.0,
            copies: 1,
            successors: 4,
            // Chord's own experiments stabilise every few seconds; 5 s is
            // slow enough for staleness to show under minute-long sessions.
            stabilise_s: 5.0,
            churn_session_s: None,
            churn_paused: false,
            finder: Finder::Ring,
            seed: 1,
        }
    }
}

impl DhtScenario {
    /// A ring of `peers` nodes that nobody leaves, with the defaults.
    pub fn stable(peers: u32) -> DhtScenario {
        DhtScenario { peers, ..DhtScenario::default() }
    }

    pub fn with_seed(self, seed: u64) -> DhtScenario {
        DhtScenario { seed, ..self }
    }

    pub fn with_copies(self, copies: u32) -> DhtScenario {
        DhtScenario { copies, ..self }
    }

    pub fn with_successors(self, successors: u32) -> DhtScenario {
        DhtScenario { successors, ..self }
    }

    pub fn with_keys(self, keys: u32) -> DhtScenario {
        DhtScenario { keys, ..self }
    }

    /// Nodes come and go, staying up `session_s` on average.
    pub fn with_churn(self, session_s: f64) -> DhtScenario {
        DhtScenario { churn_session_s: Some(session_s), ..self }
    }

    pub fn with_finder(self, finder: Finder) -> DhtScenario {
        DhtScenario { finder, ..self }
    }

    pub fn with_stabilise(self, every_s: f64) -> DhtScenario {
        DhtScenario { stabilise_s: every_s, ..self }
    }

    pub fn with_lookups(self, per_s: f64, duration_s: f64) -> DhtScenario {
        DhtScenario { lookups_per_s: per_s, duration_s, ..self }
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        check_count("peers", u64::from(self.peers), 2, MAX_PEERS)?;
        check_count("keys", u64::from(self.keys), 1, MAX_KEYS)?;
        check_count("successor list length", u64::from(self.successors), 1, MAX_SUCCESSORS)?;
        let max_copies = MAX_COPIES.min(u64::from(self.peers)).min(u64::from(self.successors) + 1);
        check_count("copies of each key", u64::from(self.copies), 1, max_copies)?;
        check_range("lookups per second", self.lookups_per_s, 0.0, MAX_LOOKUPS_PER_S)?;
        check_range("duration (s)", self.duration_s, 0.0, MAX_DURATION_S)?;
        check_range("stabilisation interval (s)", self.stabilise_s, MIN_STABILISE_S, MAX_STABILISE_S)?;
        if let Some(session) = self.churn_session_s {
            check_range("mean session (s)", session, MIN_SESSION_S, MAX_DURATION_S)?;
        }
        self.validate_work()
    }

    /// Refuses runs that would keep a page busy for minutes, naming the
    /// field that most likely made them so.
    fn validate_work(&self) -> Result<(), ValidationError> {
        let lookups = self.lookups_per_s * self.duration_s;
        if lookups > MAX_EXPECTED_LOOKUPS {
            return Err(ValidationError::new(
                "lookups per second",
                Problem::TooMuchWork { expected: lookups, max: MAX_EXPECTED_LOOKUPS },
            ));
        }
        let Some(session) = self.churn_session_s else { return Ok(()) };
        let node_seconds = f64::from(self.peers) * self.duration_s;
        let rounds = node_seconds / self.stabilise_s;
        if rounds > MAX_EXPECTED_UPKEEP {
            return Err(ValidationError::new(
                "stabilisation interval (s)",
                Problem::TooMuchWork { expected: rounds, max: MAX_EXPECTED_UPKEEP },
            ));
        }
        let changes = node_seconds / session;
        if rounds + changes > MAX_EXPECTED_UPKEEP {
            return Err(ValidationError::new(
                "mean session (s)",
                Problem::TooMuchWork { expected: rounds + changes, max: MAX_EXPECTED_UPKEEP },
            ));
        }
        Ok(())
    }
}
