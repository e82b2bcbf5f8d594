//! A fixed small run whose exact results are pinned in a native test and
//! compared in the browser: if Wasm and native ever disagree, or a change
//! shifts a single event, this string changes.

use super::scenario::{spread_rates, DistributionScenario, Policy};
use crate::sim::node::Architecture;

/// Peer-to-peer, 20 peers with uploads spread 0.5x..2x around 10 Mbps,
/// 100 Mbit in 50 chunks, seed 7.
pub fn golden_scenario() -> DistributionScenario {
    DistributionScenario {
        arch: Architecture::PeerToPeer,
        peers: 20,
        file_mbit: 100.0,
        chunks: 50,
        server_up_mbps: 20.0,
        peer_up_mbps: spread_rates(20, 5.0, 20.0, 7),
        peer_down_mbps: spread_rates(20, 20.0, 60.0, 8),
        clients: Vec::new(),
        latency_ms: 0.0,
        seed: 7,
        policy: Policy::Altruistic,
        arrival_window_s: 0.0,
        tracker_fails_at_s: None,
    }
}

/// `events=E done_us=T peers_us=t1,t2,...,t20` for [`golden_scenario`].
pub fn golden_summary() -> String {
    match super::run(&golden_scenario()) {
        Ok(r) => {
            let peers: Vec<String> =
                r.peer_completion_us.iter().map(|t| t.map_or("-".to_string(), |t| t.to_string())).collect();
            format!("events={} done_us={} peers_us={}", r.events, r.completion_us, peers.join(","))
        }
        Err(e) => format!("error: {e}"),
    }
}
