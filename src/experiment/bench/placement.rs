//! Where data lives: copies, peers offline, updates (the `data` lesson).

use super::{BenchSpec, ChartText, SideSetup};
use crate::experiment::metric::Metric;
use crate::experiment::param::Param;
use crate::experiment::side::{Curve, SideSim};
use crate::sim::fault::ScheduledFault;
use crate::sim::lookup::{LookupScenario, LookupSim, Propagation};
use crate::sim::node::Population;
use crate::sim::validate::ValidationError;

const PEERS: u32 = 30;
const ITEMS: u32 = 60;
const DURATION_S: f64 = 60.0;
/// Reads each peer makes per second, and updates per second across all
/// items.
const QUERY_RATE: f64 = 0.5;
const UPDATE_RATE: f64 = 1.0;
/// How long a pushed update takes to reach a copy.
const PUSH_DELAY_MS: f64 = 50.0;

pub const SPEC: BenchSpec = BenchSpec {
    chart: Some(ChartText::over_time("Reads that got a stale copy, per second", "share stale", Curve::StaleShare)),
    facts,
    ..BenchSpec::new(
        "placement",
        "Where data lives",
        &[Metric::ItemsAvailable, Metric::StaleReads],
        &[(Param::Replication, 1.0), (Param::OfflinePercent, 20.0), (Param::PushUpdates, 0.0)],
        build,
    )
};

fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let offline = (s.value(Param::OfflinePercent) / 100.0 * f64::from(PEERS)).round() as u32;
    let base = LookupScenario {
        architecture: s.arch,
        peers: PEERS,
        items: ITEMS,
        replication: s.count(Param::Replication).min(PEERS),
        ttl: 7,
        query_rate: QUERY_RATE,
        update_rate: UPDATE_RATE,
        propagation: if s.switch(Param::PushUpdates) { Propagation::Push { delay_ms: PUSH_DELAY_MS } } else { Propagation::None },
        duration_s: DURATION_S,
        seed: s.seed,
        ..LookupScenario::default()
    };
    // The same peers go offline on both sides; the server never does.
    let faults = (0..offline).map(|i| ScheduledFault::fail(0.0, base.user_node(i * 2 % PEERS).0)).collect();
    Ok(Box::new(LookupSim::new(LookupScenario { faults, ..base })?))
}

fn facts() -> Vec<(&'static str, f64)> {
    vec![
        ("peers", f64::from(PEERS)),
        ("items", f64::from(ITEMS)),
        ("duration-s", DURATION_S),
        ("query-rate", QUERY_RATE),
        ("update-rate", UPDATE_RATE),
        ("push-delay-ms", PUSH_DELAY_MS),
    ]
}
