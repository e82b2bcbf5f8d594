//! What a sandbox experiment is: a workload, its parameters and a seed.

use crate::experiment::{Bench, NetworkEdits, Param, Params};

/// The workloads the sandbox offers, each run on its experiment bench.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    Distribution,
    Requests,
    Search,
    Churn,
}

impl Workload {
    pub const ALL: [Workload; 4] = [
        Workload::Distribution,
        Workload::Requests,
        Workload::Search,
        Workload::Churn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Workload::Distribution => "distribution",
            Workload::Requests => "requests",
            Workload::Search => "search",
            Workload::Churn => "churn",
        }
    }

    pub fn from_key(key: &str) -> Option<Workload> {
        Workload::ALL.into_iter().find(|w| w.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Workload::Distribution => "File distribution",
            Workload::Requests => "Requests and load",
            Workload::Search => "Finding data",
            Workload::Churn => "Faults and churn",
        }
    }

    pub fn bench(self) -> Bench {
        match self {
            Workload::Distribution => Bench::Distribution,
            Workload::Requests => Bench::Load,
            Workload::Search => Bench::Search,
            Workload::Churn => Bench::Churn,
        }
    }

    /// Every parameter the workload reads, with its starting value.
    pub fn defaults(self) -> &'static [(Param, f64)] {
        match self {
            Workload::Distribution => &[
                (Param::Receivers, 20.0),
                (Param::FileMbit, 800.0),
                (Param::Chunks, 100.0),
                (Param::ServerUploadMbps, 100.0),
                (Param::PeerUpMbps, 10.0),
                (Param::PeerDownMbps, 50.0),
                (Param::Hybrid, 0.0),
            ],
            Workload::Requests => &[
                (Param::Clients, 50.0),
                (Param::RequestRate, 2.0),
                (Param::ServerCapacity, 120.0),
                (Param::PeerCapacity, 40.0),
                (Param::Hybrid, 0.0),
            ],
            Workload::Search => &[
                (Param::Peers, 50.0),
                (Param::MeanDegree, 4.0),
                (Param::Ttl, 3.0),
                (Param::Replication, 2.0),
                (Param::Hybrid, 0.0),
            ],
            Workload::Churn => &[
                (Param::Peers, 30.0),
                (Param::Replication, 3.0),
                (Param::SessionS, 60.0),
                (Param::ServerFailed, 0.0),
                (Param::Hybrid, 0.0),
            ],
        }
    }

    /// The parameter that sets the network's size, and its small, medium
    /// and large values.
    pub fn sizes(self) -> (Param, [f64; 3]) {
        match self {
            Workload::Distribution => (Param::Receivers, [10.0, 50.0, 200.0]),
            Workload::Requests => (Param::Clients, [10.0, 50.0, 500.0]),
            Workload::Search => (Param::Peers, [20.0, 50.0, 200.0]),
            Workload::Churn => (Param::Peers, [10.0, 30.0, 200.0]),
        }
    }

    pub fn controls(self) -> Vec<Param> {
        self.defaults().iter().map(|(p, _)| *p).collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SandboxSetup {
    pub workload: Workload,
    pub params: Params,
    /// Nodes and links changed by hand in the network builder.
    pub edits: NetworkEdits,
    pub seed: u64,
}

/// The seed a new sandbox starts with (the learner can draw a fresh one).
pub const DEFAULT_SEED: u64 = 1;

impl SandboxSetup {
    pub fn new(workload: Workload) -> SandboxSetup {
        SandboxSetup {
            workload,
            params: Params::from_pairs(workload.defaults()),
            edits: NetworkEdits::default(),
            seed: DEFAULT_SEED,
        }
    }
}

impl Default for SandboxSetup {
    fn default() -> Self {
        SandboxSetup::new(Workload::Distribution)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_valid_settings_of_their_workload() {
        for w in Workload::ALL {
            let (param, sizes) = w.sizes();
            assert!(w.defaults().iter().any(|(p, _)| *p == param), "{w:?}");
            for v in sizes {
                assert!(param.spec().check(param, v).is_ok(), "{w:?} {v}");
            }
        }
    }

    #[test]
    fn defaults_are_valid_and_run() {
        for w in Workload::ALL {
            assert_eq!(Workload::from_key(w.key()), Some(w));
            for (p, v) in w.defaults() {
                assert!(p.spec().check(*p, *v).is_ok(), "{w:?} {p:?}");
            }
            let setup = SandboxSetup::new(w);
            let outcome = w
                .bench()
                .outcome(&setup.params, setup.seed)
                .expect("defaults run");
            for m in w.bench().metrics() {
                assert!(
                    outcome.central.get(*m).is_some() || outcome.distributed.get(*m).is_some(),
                    "{w:?} measures {m:?}"
                );
            }
        }
    }
}
