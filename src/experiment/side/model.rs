//! A closed-form model's answer as a side: nothing to step, measured from
//! the start.

use super::{Curve, SideSim, Split};
use crate::experiment::layout::MAX_DRAWN_NODES;
use crate::experiment::metric::Metrics;
use crate::experiment::view::{NetView, NodeView};
use crate::sim::node::Role;
use crate::sim::stepping::Stepper;
use crate::sim::time::SimTime;

pub struct ModelSide {
    pub metrics: Metrics,
    /// Its curve on the chart, `(x, y)`: cost against users, hours against
    /// computers.
    pub series: Vec<(f64, f64)>,
    /// A still picture of the network it describes.
    pub view: NetView,
    pub split: Option<Split>,
}

impl ModelSide {
    /// A still picture of the network a model describes: a server and its
    /// users, or peers, with every pair linked in a workgroup (each pair is
    /// one share and account to manage).
    pub fn sketch(with_server: bool, users: u32, pairs: bool) -> NetView {
        let users = users.min(MAX_DRAWN_NODES as u32 + 1);
        let mut nodes = Vec::new();
        if with_server {
            nodes.push((NodeView::new(0, Role::Server, true), 1.0));
        }
        let first = nodes.len() as u32;
        let role = if with_server { Role::Client } else { Role::Peer };
        nodes.extend((0..users).map(|i| (NodeView::new(first + i, role, true), 0.0)));
        let edges: Vec<(u32, u32)> = if pairs && users <= 60 {
            (0..users).flat_map(|a| (a + 1..users).map(move |b| (a, b))).collect()
        } else if with_server {
            (1..=users).map(|c| (0, c)).collect()
        } else {
            Vec::new()
        };
        let mut view = NetView::default();
        view.set_nodes(nodes.into_iter());
        view.set_edges(edges.into_iter());
        view
    }
}

/// Already at its end: there is no event to run.
impl Stepper for ModelSide {
    fn now(&self) -> SimTime {
        SimTime::ZERO
    }

    fn next_event_time(&self) -> Option<SimTime> {
        None
    }

    fn step(&mut self) -> bool {
        false
    }

    fn events_processed(&self) -> u64 {
        0
    }
}

impl SideSim for ModelSide {
    fn horizon_s(&self) -> f64 {
        1.0
    }

    fn draw(&self, view: &mut NetView) {
        view.clone_from(&self.view);
    }

    fn measure(&self, metrics: &mut Metrics) {
        metrics.clone_from(&self.metrics);
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        if curve == Curve::Model { self.series.clone() } else { Vec::new() }
    }

    fn split(&self) -> Option<Split> {
        self.split.clone()
    }
}
