//! Request/response runs (the role and service benches) as a side.

use super::{Curve, SideSim};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::view::{LinkView, NetView, NodeView, Traffic};
use crate::sim::fault::Faults;
use crate::sim::service::{LatencySummary, MessageKind, ServiceSim};

impl SideSim for ServiceSim {
    fn horizon_s(&self) -> f64 {
        self.scenario().duration_s
    }

    fn draw(&self, view: &mut NetView) {
        let snap = self.snapshot();
        let busiest = snap.nodes.iter().map(|n| n.served).max().unwrap_or(0).max(1);
        view.set_nodes(snap.nodes.iter().map(|n| {
            let node = NodeView { badge: (n.served > 0).then_some(n.served), ..NodeView::new(n.id.0, n.role, n.up) };
            (node, n.served as f64 / busiest as f64)
        }));
        view.set_queues(snap.nodes.iter().map(|n| n.queued));
        view.set_edges(std::iter::empty());
        view.set_moving(snap.messages.iter().map(|m| {
            let traffic = match m.kind {
                MessageKind::Request | MessageKind::IndexQuery => Traffic::Request,
                MessageKind::Response | MessageKind::IndexAnswer => Traffic::Response,
            };
            LinkView::new(m.from, m.to, m.progress, traffic)
        }));
    }

    fn measure(&self, m: &mut Metrics) {
        counted(self, m, self.exact_latency());
    }

    fn measure_live(&self, m: &mut Metrics) {
        counted(self, m, self.live_latency());
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        if curve != Curve::P95Window {
            return Vec::new();
        }
        // More than one request in twenty unanswered: no answer time covers
        // 95% of them, so the point is unbounded (the chart shades it)
        // rather than the answered few's p95, which would fall as the
        // server dies.
        self.series()
            .iter()
            .filter_map(|s| {
                let answered = s.latency.map_or(0, |l| l.count);
                if s.unanswered * 20 > answered + s.unanswered {
                    Some((s.t_s, f64::INFINITY))
                } else {
                    s.latency.map(|l| (s.t_s, l.p95_ms))
                }
            })
            .collect()
    }

    fn faults(&mut self) -> Option<&mut dyn Faults> {
        Some(self)
    }

    fn traffic(&self) -> &'static [Traffic] {
        &[Traffic::Request, Traffic::Response]
    }
}

/// The metrics a request run counts as it goes, with its latency however
/// it was summarised.
fn counted(sim: &ServiceSim, m: &mut Metrics, latency: Option<LatencySummary>) {
    let (total, busiest) = sim.served().fold((0u64, 0u64), |(t, b), s| (t + s, b.max(s)));
    if total > 0 {
        m.set(Metric::BusiestShare, busiest as f64 / total as f64);
    }
    m.set(Metric::Answered, total as f64);
    if let Some(lat) = latency {
        m.set(Metric::P50LatencyMs, lat.p50_ms);
        m.set(Metric::P95LatencyMs, lat.p95_ms);
    }
    let c = sim.counters();
    if c.issued > 0 {
        m.set(Metric::FailedShare, (c.dropped + c.failed) as f64 / c.issued as f64);
    }
}
