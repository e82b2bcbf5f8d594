//! What the request run shows: the snapshot for drawing and the report.

use crate::sim::node::Population;
use super::*;

impl ServiceSim {
    pub fn snapshot(&self) -> ServiceSnapshot {
        let nodes = self
            .nodes
            .iter()
            .zip(0u32..)
            .map(|(n, i)| ServiceNodeView {
                id: NodeId(i),
                role: self.s.role(NodeId(i)),
                up: n.up,
                queued: n.queue.len() as u32,
                busy_workers: n.in_service.len() as u32,
                issued: n.issued,
                served: n.served,
            })
            .collect();
        let messages = self
            .messages
            .oldest(MAX_DRAWN_MESSAGES)
            .map(|m| MessageView {
                kind: m.payload.kind(),
                from: m.from,
                to: m.to,
                progress: progress(m.sent_at, m.arrive_at, self.now),
            })
            .collect();
        ServiceSnapshot { now_s: self.now.as_secs_f64(), nodes, messages, counters: self.counters }
    }

    /// Latency so far from the fixed buckets: percentiles within 0.4% of
    /// the exact ones, at a cost that does not grow with the run.
    pub fn live_latency(&self) -> Option<LatencySummary> {
        self.histogram.summary()
    }

    /// Exact (nearest-rank) latency so far: sorts a copy of every latency.
    pub fn exact_latency(&self) -> Option<LatencySummary> {
        LatencySummary::from_micros(&mut self.latencies.clone())
    }

    /// Requests answered per node so far, by node id.
    pub fn served(&self) -> impl Iterator<Item = u64> + '_ {
        self.nodes.iter().map(|n| n.served)
    }

    /// The time series sampled so far.
    pub fn series(&self) -> &[ServiceSample] {
        &self.series
    }

    pub fn report(&self) -> ServiceReport {
        let mut all = self.latencies.clone();
        let elapsed = self.now.max(SimTime(1));
        let nodes = self
            .nodes
            .iter()
            .zip(0u32..)
            .map(|(n, i)| {
                let running = n.in_service.len() as u64 * self.now.since(n.busy_since).0;
                let capacity = u64::from(n.workers) * elapsed.0;
                ServiceNodeStats {
                    id: NodeId(i),
                    role: self.s.role(NodeId(i)),
                    issued: n.issued,
                    served: n.served,
                    lookups_answered: n.lookups,
                    utilisation: if capacity == 0 {
                        0.0
                    } else {
                        ((n.busy_us + running) as f64 / capacity as f64).min(1.0)
                    },
                    items_held: n.items_held,
                    longest_queue: n.longest_queue,
                }
            })
            .collect();
        ServiceReport {
            architecture: self.s.architecture,
            elapsed_s: self.now.as_secs_f64(),
            counters: self.counters,
            latency: LatencySummary::from_micros(&mut all),
            throughput: self.counters.completed as f64 / self.s.duration_s,
            nodes,
            series: self.series.clone(),
            theory: predict(&self.s),
            events: self.processed,
        }
    }

    /// Counts requests actually sitting somewhere (on the wire, waiting,
    /// in service): the counters' `in_flight` must always equal this.
    pub fn requests_present(&self) -> u64 {
        let at_nodes: u64 = self.nodes.iter().map(Station::load).sum();
        self.messages.len() + at_nodes
    }
}
