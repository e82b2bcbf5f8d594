//! A test-only workload, the proof that a workload is one table entry and
//! a tiny simulator: peers in a ring each pass a token on once per tenth of
//! a second for a simulated second.

use super::{BenchSpec, SideSetup};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::param::Param;
use crate::experiment::side::{Curve, SideSim};
use crate::experiment::view::{LinkView, NetView, NodeView, Traffic};
use crate::sim::node::{Architecture, Role};
use crate::sim::stepping::Stepper;
use crate::sim::time::SimTime;
use crate::sim::validate::ValidationError;

pub const SPEC: BenchSpec = BenchSpec {
    sandbox_sizes: Some([2.0, 5.0, 9.0]),
    size: Some(Param::Peers),
    ..BenchSpec::new("toy", "Token ring (test only)", &[Metric::HitRate], &[(Param::Peers, 3.0)], build)
};

const TICK_US: u64 = 100_000;
const TICKS: u64 = 10;

struct Ring {
    hub: bool,
    nodes: u32,
    tick: u64,
}

impl Stepper for Ring {
    fn now(&self) -> SimTime {
        SimTime(self.tick * TICK_US)
    }

    fn next_event_time(&self) -> Option<SimTime> {
        (self.tick < TICKS).then(|| SimTime((self.tick + 1) * TICK_US))
    }

    fn step(&mut self) -> bool {
        if self.tick >= TICKS {
            return false;
        }
        self.tick += 1;
        true
    }

    fn events_processed(&self) -> u64 {
        self.tick
    }
}

impl SideSim for Ring {
    fn horizon_s(&self) -> f64 {
        (TICKS * TICK_US) as f64 / 1e6
    }

    fn draw(&self, view: &mut NetView) {
        let role = |i: u32| if self.hub && i == 0 { Role::Server } else if self.hub { Role::Client } else { Role::Peer };
        view.set_nodes((0..self.nodes).map(|id| (NodeView::new(id, role(id), true), 0.0)));
        let holder = (self.tick % u64::from(self.nodes)) as u32;
        view.set_moving(std::iter::once(LinkView { from: holder, to: (holder + 1) % self.nodes, progress: 0.5, traffic: Traffic::Data }));
    }

    fn measure(&self, m: &mut Metrics) {
        m.set(Metric::HitRate, self.tick as f64 / TICKS as f64);
    }

    fn curve(&self, _: Curve) -> Vec<(f64, f64)> {
        Vec::new()
    }
}

fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let peers = s.count(Param::Peers);
    let hub = s.arch == Architecture::ClientServer;
    Ok(Box::new(Ring { hub, nodes: peers + u32::from(hub), tick: 0 }))
}
