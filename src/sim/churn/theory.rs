//! Availability in the long run, for independent nodes that alternate
//! between exponential up and down times.

use crate::sim::node::Population;
use super::scenario::ChurnScenario;
use crate::sim::node::Architecture;
use serde::{Deserialize, Serialize};

/// The fraction of time a node is up: on / (on + off). The same formula
/// gives a server's availability, MTBF / (MTBF + MTTR).
pub fn node_availability(mean_up_s: f64, mean_down_s: f64) -> f64 {
    let cycle = mean_up_s + mean_down_s;
    if cycle > 0.0 {
        mean_up_s / cycle
    } else {
        0.0
    }
}

/// The chance at least one of `replicas` independent copies is up:
/// 1 − (1 − a)^r.
pub fn item_availability(a: f64, replicas: u32) -> f64 {
    let a = a.clamp(0.0, 1.0);
    1.0 - (1.0 - a).powf(f64::from(replicas))
}

/// Copies needed for a target item availability: the smallest r with
/// 1 − (1 − a)^r ≥ target; `None` when no number of copies reaches it.
pub fn replicas_needed(a: f64, target: f64) -> Option<u32> {
    if !(0.0..1.0).contains(&target) {
        return None;
    }
    if a.is_nan() || a <= 0.0 {
        return None;
    }
    if a >= 1.0 {
        return Some(1);
    }
    let r = ((1.0 - target).ln() / (1.0 - a).ln()).ceil();
    // Guard the float: step until the formula itself says yes.
    let mut r = r.clamp(1.0, 10_000.0) as u32;
    while r > 1 && item_availability(a, r - 1) >= target {
        r -= 1;
    }
    while item_availability(a, r) < target && r < 10_000 {
        r += 1;
    }
    Some(r)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChurnTheory {
    /// A peer's availability; 1 without churn.
    pub peer_availability: f64,
    /// The server's or index's availability; `None` without one, 1 when it
    /// has no random failures.
    pub server_availability: Option<f64>,
    /// The fraction of time an item can be fetched: the server's
    /// availability (client-server), 1 − (1 − a)^r (peer-to-peer), or the
    /// product of the index's and the copies' (hybrid). Without
    /// re-replication.
    pub item_availability: f64,
    /// The chance an online peer's request succeeds: as above, but a peer
    /// holding a copy itself (chance r/n) always succeeds.
    pub request_success: f64,
}

pub fn predict(s: &ChurnScenario) -> ChurnTheory {
    let a = if s.churn { node_availability(s.mean_online_s, s.mean_offline_s) } else { 1.0 };
    let hub = s.hub().map(|_| s.server_failures.map_or(1.0, |m| node_availability(m.mtbf_s, m.mttr_s)));
    let copies = item_availability(a, s.replication);
    let own = f64::from(s.replication) / f64::from(s.peers.max(1));
    let (item, success) = match s.architecture {
        Architecture::ClientServer => {
            // Any one of the servers will do.
            let h = item_availability(hub.unwrap_or(1.0), s.servers.max(1));
            (h, h)
        }
        Architecture::PeerToPeer => (copies, own + (1.0 - own) * copies),
        Architecture::Hybrid => {
            // A peer holding the item needs no index.
            let h = hub.unwrap_or(1.0);
            (h * copies, own + (1.0 - own) * h * copies)
        }
    };
    ChurnTheory { peer_availability: a, server_availability: hub, item_availability: item, request_success: success }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_values() {
        assert_eq!(node_availability(30.0, 10.0), 0.75);
        assert_eq!(node_availability(999.0, 1.0), 0.999);
        assert!((item_availability(0.5, 3) - 0.875).abs() < 1e-12);
        assert_eq!(item_availability(1.0, 1), 1.0);
        assert_eq!(item_availability(0.0, 5), 0.0);
    }

    #[test]
    fn replicas_for_a_target() {
        // 1 − 0.5^r ≥ 0.99 first at r = 7.
        assert_eq!(replicas_needed(0.5, 0.99), Some(7));
        assert_eq!(replicas_needed(0.9, 0.9), Some(1));
        assert_eq!(replicas_needed(0.0, 0.5), None);
        assert_eq!(replicas_needed(0.5, 1.0), None);
        assert_eq!(replicas_needed(1.0, 0.999), Some(1));
    }

    #[test]
    fn predictions_per_architecture() {
        let p2p = ChurnScenario { replication: 3, mean_online_s: 10.0, mean_offline_s: 10.0, ..ChurnScenario::default() };
        let t = predict(&p2p);
        assert_eq!((t.peer_availability, t.server_availability), (0.5, None));
        assert!((t.item_availability - 0.875).abs() < 1e-12);
        assert!(t.request_success > t.item_availability);

        let cs = ChurnScenario {
            architecture: Architecture::ClientServer,
            server_failures: Some(super::super::scenario::FailureModel { mtbf_s: 90.0, mttr_s: 10.0 }),
            ..p2p.clone()
        };
        let t = predict(&cs);
        assert_eq!((t.server_availability, t.item_availability, t.request_success), (Some(0.9), 0.9, 0.9));

        let hybrid = ChurnScenario { architecture: Architecture::Hybrid, ..cs };
        assert!((predict(&hybrid).item_availability - 0.9 * 0.875).abs() < 1e-12);
    }
}
