//! Distributing one file to many receivers (the `scalability` lesson, the
//! sandbox's distribution workload and its sweep).

use super::SideSetup;
use crate::experiment::param::{Param, Params};
use crate::experiment::side::SideSim;
use crate::sim::distribution::{DistributionScenario, DistributionSim};
use crate::sim::node::Architecture;
use crate::sim::validate::ValidationError;

/// The columns of a sweep's CSV, from the sandbox or the command line: N,
/// then each design's simulated time and its bound, in seconds.
pub const SWEEP_CSV_HEADER: &str = "n,client_server_s,client_server_bound_s,peer_to_peer_s,peer_to_peer_bound_s";

/// The scenario for `receivers` receivers under these parameters (every
/// one of them at its default when not given): the sweep's runs too.
pub fn scenario(arch: Architecture, receivers: u32, params: &Params, seed: u64) -> DistributionScenario {
    let p = super::DISTRIBUTION.complete(params);
    let v = |param: Param| p.value_or(param, param.spec().min);
    DistributionScenario::homogeneous(arch, receivers, v(Param::FileMbit), v(Param::ServerUploadMbps), v(Param::PeerUpMbps), v(Param::PeerDownMbps))
        .with_chunks(v(Param::Chunks).round() as u32)
        .with_seed(seed)
}

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let receivers = s.count(Param::Receivers);
    let mut scenario = scenario(s.arch, receivers, s.params, s.seed);
    for r in &s.edits.rates {
        let i = r.user as usize;
        if let (Some(up), Some(down)) = (scenario.peer_up_mbps.get_mut(i), scenario.peer_down_mbps.get_mut(i)) {
            (*up, *down) = (r.up_mbps, r.down_mbps);
        }
    }
    scenario.clients = s.clients(receivers);
    Ok(Box::new(DistributionSim::new(scenario)?))
}
