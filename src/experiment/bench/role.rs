//! Who asks and who answers: request/response traffic on a small network
//! (the `role` lesson).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::service::{ServiceScenario, ServiceSim};
use crate::sim::validate::ValidationError;

/// Fixed choices the learner does not change.
const REQUEST_RATE: f64 = 1.0;
const SERVICE_RATE: f64 = 50.0;
const DURATION_S: f64 = 30.0;
/// Copies of each item, or every peer when fewer.
const COPIES: u32 = 3;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let nodes = s.count(Param::Nodes);
    // The same number of machines on both sides: one of them is the server.
    let users = if s.central() { nodes.saturating_sub(1).max(1) } else { nodes };
    let scenario = ServiceScenario {
        architecture: s.arch,
        users,
        request_rate: REQUEST_RATE,
        service_rate: SERVICE_RATE,
        replication: COPIES.min(users),
        duration_s: DURATION_S,
        seed: s.seed,
        ..ServiceScenario::default()
    };
    Ok(Box::new(ServiceSim::new(scenario)?))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    let d = ServiceScenario::default();
    vec![
        ("request-rate", REQUEST_RATE),
        ("service-rate", SERVICE_RATE),
        ("duration-s", DURATION_S),
        ("copies", f64::from(COPIES)),
        ("items", f64::from(d.items)),
    ]
}
