//! What a sandbox experiment is: a bench from the table, its parameters,
//! nodes changed by hand, and a seed.

use crate::experiment::bench::{Bench, DISTRIBUTION};
use crate::experiment::{NetworkEdits, Param, Params};

#[derive(Clone, Debug, PartialEq)]
pub struct SandboxSetup {
    pub bench: Bench,
    pub params: Params,
    /// Nodes and links changed by hand in the network builder.
    pub edits: NetworkEdits,
    pub seed: u64,
}

/// The seed a new sandbox starts with (the learner can draw a fresh one).
pub const DEFAULT_SEED: u64 = 1;

impl SandboxSetup {
    /// The bench at every default.
    pub fn new(bench: Bench) -> SandboxSetup {
        SandboxSetup { bench, params: bench.defaults(), edits: NetworkEdits::default(), seed: DEFAULT_SEED }
    }

    /// The parameter that sets the network's size, and its small, medium
    /// and large values.
    pub fn sizes(&self) -> Option<(Param, [f64; 3])> {
        self.bench.size.zip(self.bench.sandbox_sizes)
    }
}

impl Default for SandboxSetup {
    fn default() -> Self {
        SandboxSetup::new(DISTRIBUTION)
    }
}
