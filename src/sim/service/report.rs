//! What a request/response run reports: counters, latency percentiles, who
//! asked and who answered, and a time series for the charts.

use super::theory::QueuePrediction;
use crate::sim::node::{Architecture, NodeId, Role};
use serde::{Deserialize, Serialize};

/// The kinds of message a request run sends, for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageKind {
    /// "Please send me item i", to the server or a holder.
    Request,
    /// The answer, back to whoever asked.
    Response,
    /// Hybrid: "who holds item i?", to the index.
    IndexQuery,
    /// Hybrid: the index's answer.
    IndexAnswer,
}

/// Counts since the run started. Every request issued is, at any moment,
/// exactly one of completed, dropped, failed or in flight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceCounters {
    pub issued: u64,
    pub completed: u64,
    /// Turned away by a full queue.
    pub dropped: u64,
    /// Lost to a failed node: the server, the index, every holder, or the
    /// asker itself before the answer arrived.
    pub failed: u64,
    pub in_flight: u64,
    /// Peer-to-peer: a peer wanted an item it already held, so it asked no
    /// one. Not counted as issued.
    pub local_hits: u64,
    /// Peer-to-peer: a holder failed with the request, which was sent to
    /// another holder.
    pub retries: u64,
}

/// Latency of completed requests, from asking to answer received.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatencySummary {
    pub count: u64,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl LatencySummary {
    /// Exact (nearest-rank) percentiles. Sorts `micros` in place; `None`
    /// when nothing completed.
    pub fn from_micros(micros: &mut [u64]) -> Option<LatencySummary> {
        micros.sort_unstable();
        let max = *micros.last()?;
        let count = micros.len() as u64;
        let sum: u128 = micros.iter().map(|&m| u128::from(m)).sum();
        Some(LatencySummary {
            count,
            mean_ms: sum as f64 / count as f64 / 1_000.0,
            p50_ms: nearest_rank(micros, 50) as f64 / 1_000.0,
            p95_ms: nearest_rank(micros, 95) as f64 / 1_000.0,
            p99_ms: nearest_rank(micros, 99) as f64 / 1_000.0,
            max_ms: max as f64 / 1_000.0,
        })
    }
}

/// The smallest value with at least `percent`% of the values at or below
/// it. Integer arithmetic, so the pick is the same on every platform.
pub fn nearest_rank(sorted: &[u64], percent: u64) -> u64 {
    let n = sorted.len() as u64;
    if n == 0 {
        return 0;
    }
    let rank = (percent.min(100) * n).div_ceil(100).max(1);
    sorted.get((rank - 1) as usize).copied().unwrap_or(0)
}

/// One point of the time series, taken every sample interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceSample {
    pub t_s: f64,
    /// Completions per second since the previous sample.
    pub throughput: f64,
    /// Percentiles over the latency window; `None` if nothing completed in it.
    pub latency: Option<LatencySummary>,
    /// Requests waiting (not in service) at all serving nodes together.
    pub queued: u64,
    /// The longest single waiting line: the server's, in client-server.
    pub longest_queue: u32,
    /// Requests that failed or were dropped within the latency window: a
    /// window's percentiles cover only the answered ones, so these say
    /// what they leave out.
    #[serde(default)]
    pub unanswered: u64,
    pub counters: ServiceCounters,
}

/// Who asked and who answered: the `role` lesson's table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceNodeStats {
    pub id: NodeId,
    pub role: Role,
    pub issued: u64,
    pub served: u64,
    /// Hybrid index only: "who holds item i?" questions answered.
    pub lookups_answered: u64,
    /// Fraction of the run the node's workers were busy, 0..=1.
    pub utilisation: f64,
    pub items_held: u32,
    pub longest_queue: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceReport {
    pub architecture: Architecture,
    /// When the last request finished (after the configured duration, as
    /// requests in flight drain).
    pub elapsed_s: f64,
    pub counters: ServiceCounters,
    pub latency: Option<LatencySummary>,
    /// Completed requests per second over the configured duration.
    pub throughput: f64,
    pub nodes: Vec<ServiceNodeStats>,
    pub series: Vec<ServiceSample>,
    pub theory: QueuePrediction,
    pub events: u64,
}

impl ServiceReport {
    /// Mean utilisation of the nodes that serve (the server, or the peers).
    pub fn mean_server_utilisation(&self) -> f64 {
        let serving: Vec<f64> = self
            .nodes
            .iter()
            .filter(|n| matches!(n.role, Role::Server | Role::Peer))
            .map(|n| n.utilisation)
            .collect();
        if serving.is_empty() {
            0.0
        } else {
            serving.iter().sum::<f64>() / serving.len() as f64
        }
    }
}

/// A node as the drawing needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceNodeView {
    pub id: NodeId,
    pub role: Role,
    pub up: bool,
    pub queued: u32,
    pub busy_workers: u32,
    pub issued: u64,
    pub served: u64,
}

/// A message on the wire; `progress` runs from 0 (just sent) to 1 (arrived).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub kind: MessageKind,
    pub from: NodeId,
    pub to: NodeId,
    pub progress: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceSnapshot {
    pub now_s: f64,
    pub nodes: Vec<ServiceNodeView>,
    /// At most [`MAX_DRAWN_MESSAGES`], oldest first.
    pub messages: Vec<MessageView>,
    pub counters: ServiceCounters,
}

/// More dots than this are a blur; the counters still say how many.
pub const MAX_DRAWN_MESSAGES: u32 = 1_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!(nearest_rank(&v, 50), 50);
        assert_eq!(nearest_rank(&v, 95), 95);
        assert_eq!(nearest_rank(&v, 99), 99);
        assert_eq!(nearest_rank(&[7], 99), 7);
        assert_eq!(nearest_rank(&[], 50), 0);
        assert_eq!(nearest_rank(&[1, 2, 3], 50), 2);
    }

    #[test]
    fn summary_of_nothing_is_none() {
        assert_eq!(LatencySummary::from_micros(&mut []), None);
        let s = LatencySummary::from_micros(&mut [3_000, 1_000, 2_000]);
        let s = s.unwrap();
        assert_eq!((s.count, s.mean_ms, s.p50_ms, s.max_ms), (3, 2.0, 2.0, 3.0));
    }
}
