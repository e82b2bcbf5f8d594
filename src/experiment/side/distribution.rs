//! File distribution runs (the distribution bench) as a side.

use super::{Curve, SideSim};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::view::{LinkView, NetView, NodeView, Traffic};
use crate::sim::distribution::DistributionSim;
use crate::sim::fault::Faults;

impl SideSim for DistributionSim {
    /// A little past the textbook bound (after the last arrival, where
    /// receivers arrive over time): the run ends near it.
    fn horizon_s(&self) -> f64 {
        self.scenario().arrival_window_s + self.scenario().lower_bound_s() * 1.2
    }

    fn draw(&self, view: &mut NetView) {
        let snap = self.snapshot();
        view.set_nodes(snap.nodes.iter().map(|n| (NodeView::new(n.id.0, n.role, n.online), n.fraction)));
        view.set_edges(std::iter::empty());
        view.set_moving(snap.transfers.iter().map(|t| LinkView::new(t.from, t.to, t.progress, Traffic::Data)));
    }

    fn measure(&self, m: &mut Metrics) {
        let report = self.report();
        if report.finished {
            m.set(Metric::CompletionS, report.completion_time_s);
        }
        m.set(Metric::BoundS, report.lower_bound_s);
        m.set(Metric::ServerSentMbit, report.server_upload_mbit);
        if let Some(t) = report.contributor_mean_s {
            m.set(Metric::ContributorMeanS, t);
        }
        if let Some(t) = report.free_rider_mean_s {
            m.set(Metric::FreeRiderMeanS, t);
        }
        m.set(Metric::JoinsRefused, self.joins_refused() as f64);
        let have = report.peer_completion_s.iter().filter(|t| t.is_some()).count();
        m.set(Metric::HaveFile, have as f64 / f64::from(report.peers.max(1)));
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        if curve != Curve::ShareComplete {
            return Vec::new();
        }
        // A step line: the share holds until the next receiver finishes.
        let report = self.report();
        let mut points = vec![(0.0, 0.0)];
        let mut last = 0.0;
        for p in &report.completion_curve {
            points.push((p.time_s, last));
            points.push((p.time_s, p.fraction));
            last = p.fraction;
        }
        points
    }

    fn faults(&mut self) -> Option<&mut dyn Faults> {
        Some(self)
    }

    fn traffic(&self) -> &'static [Traffic] {
        &[Traffic::Data]
    }

    fn uploads(&self) -> Vec<f64> {
        let r = self.report();
        std::iter::once(r.server_upload_mbit).chain(r.peer_upload_mbit).collect()
    }
}
