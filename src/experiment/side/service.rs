//! Request/response runs (the role and service benches) as a side.

use super::{Curve, SideSim};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::view::{LinkView, NetView, NodeView, Traffic};
use crate::sim::fault::Faults;
use crate::sim::service::{MessageKind, ServiceSim};

impl SideSim for ServiceSim {
    fn horizon_s(&self) -> f64 {
        self.scenario().duration_s
    }

    fn draw(&self, view: &mut NetView) {
        let snap = self.snapshot();
        let busiest = snap.nodes.iter().map(|n| n.served).max().unwrap_or(0).max(1);
        view.nodes.clear();
        view.nodes.extend(snap.nodes.iter().map(|n| NodeView {
            id: n.id.0,
            role: n.role,
            up: n.up,
            fill: n.served as f64 / busiest as f64,
            badge: if n.served > 0 { n.served.to_string() } else { String::new() },
        }));
        view.edges.clear();
        view.moving.clear();
        view.moving.extend(snap.messages.iter().map(|m| {
            let traffic = match m.kind {
                MessageKind::Request | MessageKind::IndexQuery => Traffic::Request,
                MessageKind::Response | MessageKind::IndexAnswer => Traffic::Response,
            };
            LinkView::new(m.from, m.to, m.progress, traffic)
        }));
    }

    fn measure(&self, m: &mut Metrics) {
        let report = self.report();
        let total: u64 = report.nodes.iter().map(|n| n.served).sum();
        if total > 0 {
            let busiest = report.nodes.iter().map(|n| n.served).max().unwrap_or(0);
            m.set(Metric::BusiestShare, busiest as f64 / total as f64);
        }
        if let Some(lat) = report.latency {
            m.set(Metric::P50LatencyMs, lat.p50_ms);
            m.set(Metric::P95LatencyMs, lat.p95_ms);
        }
        let c = report.counters;
        if c.issued > 0 {
            m.set(Metric::FailedShare, (c.dropped + c.failed) as f64 / c.issued as f64);
        }
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        if curve != Curve::P95Window {
            return Vec::new();
        }
        self.report().series.iter().filter_map(|s| s.latency.map(|l| (s.t_s, l.p95_ms))).collect()
    }

    fn faults(&mut self) -> Option<&mut dyn Faults> {
        Some(self)
    }
}
