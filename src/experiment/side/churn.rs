//! Churn runs (the churn bench) as a side.

use super::{Curve, SideSim};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::view::NetView;
use crate::sim::churn::ChurnSim;
use crate::sim::fault::Faults;

impl SideSim for ChurnSim {
    fn horizon_s(&self) -> f64 {
        self.scenario().duration_s
    }

    fn draw(&self, view: &mut NetView) {
        let snap = self.snapshot();
        super::holders(view, snap.nodes.iter().map(|n| (n.id, n.role, n.up, n.items_held)));
        view.set_edges(std::iter::empty());
        view.set_moving(std::iter::empty());
    }

    fn measure(&self, m: &mut Metrics) {
        let report = self.report();
        if report.elapsed_s > 0.0 {
            m.set(Metric::Availability, report.mean_item_availability);
        }
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        if curve != Curve::ItemsAvailable {
            return Vec::new();
        }
        self.report().series.iter().map(|s| (s.t_s, s.items_available)).collect()
    }

    fn faults(&mut self) -> Option<&mut dyn Faults> {
        Some(self)
    }

    fn churn(&self) -> Option<bool> {
        Some(self.churn_enabled())
    }

    fn set_churn(&mut self, on: bool) -> bool {
        ChurnSim::set_churn(self, on);
        true
    }
}
