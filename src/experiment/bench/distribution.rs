//! Distributing one file to many receivers (the `scalability` lesson, the
//! sandbox's distribution workload and its sweep).

use super::{BenchSpec, ChartText, NodeSetting, RoleWords, SideNames, SideSetup};
use crate::experiment::metric::Metric;
use crate::experiment::param::{Param, Params};
use crate::experiment::side::{Curve, SideSim};
use crate::sim::distribution::{DistributionScenario, DistributionSim};
use crate::sim::node::Architecture;
use crate::sim::validate::ValidationError;

pub const SPEC: BenchSpec = BenchSpec {
    sandbox_sizes: Some([10.0, 50.0, 200.0]),
    sides: SideNames::WITH_HYBRID,
    size: Some(Param::Receivers),
    per_node: &[
        NodeSetting::Rates,
        NodeSetting::Role(RoleWords {
            peer: "Peer: downloads and passes chunks on",
            client: "Client: downloads only",
            became_peer: "uploads again: a peer",
            became_client: "uploads nothing now: a client",
            // The server seeds every receiver whatever they do.
            needs_a_peer: false,
        }),
    ],
    chart: Some(ChartText::over_time("Receivers holding the whole file", "share complete", Curve::ShareComplete)),
    ..BenchSpec::new(
        "distribution",
        "File distribution",
        &[Metric::CompletionS, Metric::HaveFile, Metric::BoundS],
        &[
            (Param::Receivers, 20.0),
            (Param::FileMbit, 800.0),
            (Param::Chunks, 100.0),
            (Param::ServerUploadMbps, 100.0),
            (Param::PeerUpMbps, 10.0),
            (Param::PeerDownMbps, 50.0),
            (Param::Hybrid, 0.0),
        ],
        build,
    )
};

/// The columns of a sweep's CSV, from the sandbox or the command line: N,
/// then each design's simulated time and its bound, in seconds.
pub const SWEEP_CSV_HEADER: &str = "n,client_server_s,client_server_bound_s,peer_to_peer_s,peer_to_peer_bound_s";

/// The scenario for `receivers` receivers under these parameters (every
/// one of them at its default when not given): the sweep's runs too.
pub fn scenario(arch: Architecture, receivers: u32, params: &Params, seed: u64) -> DistributionScenario {
    let p = SPEC.complete(params);
    let v = |param: Param| p.value_or(param, param.spec().min);
    DistributionScenario::homogeneous(arch, receivers, v(Param::FileMbit), v(Param::ServerUploadMbps), v(Param::PeerUpMbps), v(Param::PeerDownMbps))
        .with_chunks(v(Param::Chunks).round() as u32)
        .with_seed(seed)
}

fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
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
