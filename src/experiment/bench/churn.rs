//! A server failing, and peers coming and going (the `stability` lesson,
//! and the sandbox's churn workload).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::churn::{ChurnScenario, ChurnSim, FailureModel};
use crate::sim::fault::ScheduledFault;
use crate::sim::node::Population;
use crate::sim::validate::ValidationError;

const ITEMS: u32 = 20;
const DURATION_S: f64 = 14_400.0;
/// When "Server fails for good" takes it down: a third of the way in.
const FAIL_AT_S: f64 = DURATION_S / 3.0;
/// A server breaks down now and then and is repaired: on average every
/// ten minutes, for one minute. Time runs fast here (peers stay a minute at
/// a time); what matters is the share of time up, MTBF/(MTBF + MTTR). Four
/// hours hold enough breakdowns (about two dozen) for one run to land
/// within a point of that share; one hour held five and missed by six.
const SERVER_MTBF_S: f64 = 600.0;
const SERVER_MTTR_S: f64 = 60.0;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let peers = s.count(Param::Peers);
    let session_s = s.value(Param::SessionS);
    let failed_for_good = s.switch(Param::ServerFailed);
    let base = ChurnScenario {
        architecture: s.arch,
        servers: if s.switch(Param::SecondServer) { 2 } else { 1 },
        // Breakdowns and repairs, unless the learner fails it for good.
        server_failures: (!failed_for_good).then_some(FailureModel { mtbf_s: SERVER_MTBF_S, mttr_s: SERVER_MTTR_S }),
        peers,
        items: ITEMS,
        // The server holds the one copy in client-server; peers hold at
        // most one copy each.
        replication: if s.central() { 1 } else { s.count(Param::Replication).min(peers) },
        churn: true,
        mean_online_s: session_s,
        mean_offline_s: session_s,
        duration_s: DURATION_S,
        sample_interval_s: 10.0,
        seed: s.seed,
        ..ChurnScenario::default()
    };
    let faults = match base.hub() {
        Some(_) if failed_for_good => (0..base.hubs()).map(|h| ScheduledFault::fail(FAIL_AT_S, h)).collect(),
        _ => Vec::new(),
    };
    Ok(Box::new(ChurnSim::new(ChurnScenario { faults, ..base })?))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    vec![
        ("items", f64::from(ITEMS)),
        ("duration-s", DURATION_S),
        ("duration-h", DURATION_S / 3_600.0),
        ("server-fails-at-s", FAIL_AT_S),
        ("server-mtbf-s", SERVER_MTBF_S),
        ("server-mttr-s", SERVER_MTTR_S),
    ]
}
