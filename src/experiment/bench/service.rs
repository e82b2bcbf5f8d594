//! A server's queue under load against the load spread over peers (the
//! `service` lesson, and the sandbox's requests workload).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::service::{ServiceScenario, ServiceSim};
use crate::sim::validate::ValidationError;

const DURATION_S: f64 = 120.0;
/// Latency is summarised from here on: a queue starts empty, and near
/// saturation it takes tens of seconds to settle to its load.
const WARMUP_S: f64 = 20.0;
const QUEUE_CAPACITY: u32 = 10_000;
const HOP_LATENCY_MS: f64 = 5.0;
/// Copies of each item, or every serving peer when fewer.
const COPIES: u32 = 3;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let users = s.count(Param::Clients);
    let clients = s.clients(users);
    let serving = users.saturating_sub(clients.len() as u32).max(1);
    let scenario = ServiceScenario {
        architecture: s.arch,
        users,
        replication: COPIES.min(serving),
        peer_service_rates: s.edits.capacities.iter().filter(|c| c.user < users).map(|c| (c.user, c.per_s)).collect(),
        clients,
        request_rate: s.value(Param::RequestRate),
        service_rate: if s.central() { s.value(Param::ServerCapacity) } else { s.value(Param::PeerCapacity) },
        queue_capacity: QUEUE_CAPACITY,
        hop_latency_ms: HOP_LATENCY_MS,
        duration_s: DURATION_S,
        warmup_s: WARMUP_S,
        seed: s.seed,
        ..ServiceScenario::default()
    };
    Ok(Box::new(ServiceSim::new(scenario)?))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    vec![
        ("duration-s", DURATION_S),
        ("warmup-s", WARMUP_S),
        ("queue-capacity", f64::from(QUEUE_CAPACITY)),
        ("hop-latency-ms", HOP_LATENCY_MS),
        ("copies", f64::from(COPIES)),
    ]
}
