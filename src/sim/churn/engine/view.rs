//! What the churn run shows: the snapshot, the time series and the report.

use crate::sim::node::Population;
use super::*;

impl ChurnSim {
    pub fn snapshot(&self) -> ChurnSnapshot {
        let nodes = self
            .s
            .node_ids()
            .map(|id| ChurnNodeView { id, role: self.s.role(id), up: self.is_up(id), items_held: self.items_held(id) })
            .collect();
        ChurnSnapshot {
            now_s: self.now.as_secs_f64(),
            nodes,
            items_available: self.items_available,
            churn: self.churn,
            server_failures: self.failures.is_some(),
            counters: self.counters,
        }
    }

    pub fn report(&self) -> ChurnReport {
        let item_availability: Vec<f64> = self.items.iter().map(|i| i.fraction(self.now)).collect();
        let peers: Vec<f64> =
            (0..self.s.peers).filter_map(|p| self.nodes.get(self.s.user_node(p).index())).map(|n| n.fraction(self.now)).collect();
        let nodes = self
            .s
            .node_ids()
            .map(|id| ChurnNodeStats {
                id,
                role: self.s.role(id),
                availability: self.nodes.get(id.index()).map_or(0.0, |n| n.fraction(self.now)),
                items_held: self.items_held(id),
            })
            .collect();
        let c = self.counters;
        ChurnReport {
            architecture: self.s.architecture,
            elapsed_s: self.now.as_secs_f64(),
            counters: c,
            mean_item_availability: mean(&item_availability),
            item_availability,
            peer_availability: mean(&peers),
            server_availability: self.s.hub().and_then(|h| self.nodes.get(h.index())).map(|n| n.fraction(self.now)),
            success_rate: if c.requests == 0 { 1.0 } else { c.succeeded as f64 / c.requests as f64 },
            nodes,
            series: self.series.clone(),
            theory: predict(&self.s),
            events: self.processed,
        }
    }

    fn items_held(&self, node: NodeId) -> u32 {
        self.held.get(node.index()).map_or(0, |h| h.len() as u32)
    }

    pub(super) fn sample(&mut self) {
        self.events.push_within(self.now + self.sample_interval(), self.end, Event::Sample);
        let c = self.counters;
        let (asked, ok) = (c.requests - self.last_sample.0, c.succeeded - self.last_sample.1);
        let so_far: Vec<f64> = self.items.iter().map(|i| i.fraction(self.now)).collect();
        self.series.push(ChurnSample {
            t_s: self.now.as_secs_f64(),
            peers_online: f64::from(self.peers_online) / f64::from(self.s.peers),
            server_up: self.s.hub().map(|h| self.is_up(h)),
            items_available: f64::from(self.items_available) / f64::from(self.s.items),
            mean_item_availability: mean(&so_far),
            requests: asked,
            success_rate: if asked == 0 { 1.0 } else { ok as f64 / asked as f64 },
            counters: c,
        });
        self.last_sample = (c.requests, c.succeeded);
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}
