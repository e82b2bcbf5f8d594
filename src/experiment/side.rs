//! One side of an experiment: a running simulation of one architecture, or
//! an instant model, behind one interface for stepping and drawing.

use crate::experiment::metric::Metrics;
use crate::experiment::view::{LinkView, NetView, NodeView, Traffic};
use crate::sim::churn::ChurnSim;
use crate::sim::distribution::DistributionSim;
use crate::sim::lookup::{LookupMessageKind, LookupSim};
use crate::sim::node::{NodeId, Role};
use crate::sim::requests::{MessageKind, RequestSim};
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimDuration, SimTime};

/// A closed-form model's answer: nothing to step, already measured.
pub struct ModelSide {
    pub metrics: Metrics,
    /// The curve this side draws on the chart, (x, y).
    pub series: Vec<(f64, f64)>,
    pub view: NetView,
}

pub enum SideRun {
    Requests(Box<RequestSim>),
    Lookup(Box<LookupSim>),
    Distribution(Box<DistributionSim>),
    Churn(Box<ChurnSim>),
    Model(Box<ModelSide>),
}

impl SideRun {
    fn stepper(&self) -> Option<&dyn Stepper> {
        match self {
            SideRun::Requests(s) => Some(s.as_ref()),
            SideRun::Lookup(s) => Some(s.as_ref()),
            SideRun::Distribution(s) => Some(s.as_ref()),
            SideRun::Churn(s) => Some(s.as_ref()),
            SideRun::Model(_) => None,
        }
    }

    fn stepper_mut(&mut self) -> Option<&mut dyn Stepper> {
        match self {
            SideRun::Requests(s) => Some(s.as_mut()),
            SideRun::Lookup(s) => Some(s.as_mut()),
            SideRun::Distribution(s) => Some(s.as_mut()),
            SideRun::Churn(s) => Some(s.as_mut()),
            SideRun::Model(_) => None,
        }
    }

    pub fn now_s(&self) -> f64 {
        self.stepper().map_or(0.0, |s| s.now().as_secs_f64())
    }

    pub fn finished(&self) -> bool {
        self.stepper().is_none_or(|s| s.is_finished())
    }

    pub fn events(&self) -> u64 {
        self.stepper().map_or(0, |s| s.events_processed())
    }

    /// Runs every event due by simulated time `t_s`, at most `budget` of
    /// them; returns how many ran.
    pub fn advance_to(&mut self, t_s: f64, budget: u64) -> u64 {
        let limit = SimTime::ZERO + SimDuration::from_secs_f64_ceil(t_s);
        self.stepper_mut().map_or(0, |s| s.run_until(limit, budget))
    }

    /// Runs up to `budget` events; returns how many ran.
    pub fn run_events(&mut self, budget: u64) -> u64 {
        self.stepper_mut().map_or(0, |s| s.run_events(budget))
    }

    /// True when nodes of this run can be failed and revived by hand.
    pub fn can_fail(&self) -> bool {
        matches!(
            self,
            SideRun::Requests(_) | SideRun::Lookup(_) | SideRun::Churn(_)
        )
    }

    /// Fails a running node or revives a failed one, at the current
    /// simulated time; returns whether it is now up, or `None` when this
    /// run has no such node or no faults.
    pub fn toggle(&mut self, node: u32) -> Option<bool> {
        let id = NodeId(node);
        macro_rules! flip {
            ($sim:expr) => {{
                let up = $sim.is_up(id);
                let done = if up {
                    $sim.fail_node(id)
                } else {
                    $sim.revive_node(id)
                };
                done.ok().map(|_| !up)
            }};
        }
        match self {
            SideRun::Requests(sim) => flip!(sim),
            SideRun::Lookup(sim) => flip!(sim),
            SideRun::Churn(sim) => flip!(sim),
            SideRun::Distribution(_) | SideRun::Model(_) => None,
        }
    }

    /// Whether peers come and go in this run; `None` when it has no churn.
    pub fn churn(&self) -> Option<bool> {
        match self {
            SideRun::Churn(sim) => Some(sim.churn_enabled()),
            _ => None,
        }
    }

    /// Turns churn on or off from now on; false when this run has none.
    pub fn set_churn(&mut self, on: bool) -> bool {
        match self {
            SideRun::Churn(sim) => {
                sim.set_churn(on);
                true
            }
            _ => false,
        }
    }

    /// Mbit each node has uploaded so far, the server first, for a file
    /// distribution; empty for other runs.
    pub fn uploads(&self) -> Vec<f64> {
        match self {
            SideRun::Distribution(sim) => {
                let r = sim.report();
                std::iter::once(r.server_upload_mbit)
                    .chain(r.peer_upload_mbit)
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    pub fn view(&self) -> NetView {
        match self {
            SideRun::Requests(sim) => {
                let snap = sim.snapshot();
                let busiest = snap
                    .nodes
                    .iter()
                    .map(|n| n.served)
                    .max()
                    .unwrap_or(0)
                    .max(1);
                NetView {
                    nodes: snap
                        .nodes
                        .iter()
                        .map(|n| NodeView {
                            id: n.id.0,
                            role: n.role,
                            up: n.up,
                            fill: n.served as f64 / busiest as f64,
                            badge: if n.served > 0 {
                                n.served.to_string()
                            } else {
                                String::new()
                            },
                        })
                        .collect(),
                    edges: Vec::new(),
                    moving: snap
                        .messages
                        .iter()
                        .map(|m| LinkView {
                            from: m.from.0,
                            to: m.to.0,
                            progress: m.progress,
                            traffic: match m.kind {
                                MessageKind::Request | MessageKind::IndexQuery => Traffic::Request,
                                MessageKind::Response | MessageKind::IndexAnswer => {
                                    Traffic::Response
                                }
                            },
                        })
                        .collect(),
                }
            }
            SideRun::Lookup(sim) => {
                let snap = sim.snapshot();
                NetView {
                    nodes: holders(
                        snap.nodes
                            .iter()
                            .map(|n| (n.id, n.role, n.up, n.items_held)),
                    ),
                    edges: sim.links().iter().map(|l| (l.a.0, l.b.0)).collect(),
                    moving: snap
                        .messages
                        .iter()
                        .map(|m| LinkView {
                            from: m.from.0,
                            to: m.to.0,
                            progress: m.progress,
                            traffic: match m.kind {
                                LookupMessageKind::Query => Traffic::Request,
                                LookupMessageKind::Answer => Traffic::Response,
                                LookupMessageKind::Push => Traffic::Data,
                            },
                        })
                        .collect(),
                }
            }
            SideRun::Distribution(sim) => {
                let snap = sim.snapshot();
                NetView {
                    nodes: snap
                        .nodes
                        .iter()
                        .map(|n| NodeView {
                            id: n.id.0,
                            role: n.role,
                            up: n.online,
                            fill: n.fraction,
                            badge: String::new(),
                        })
                        .collect(),
                    edges: Vec::new(),
                    moving: snap
                        .transfers
                        .iter()
                        .map(|t| LinkView {
                            from: t.from.0,
                            to: t.to.0,
                            progress: t.progress,
                            traffic: Traffic::Data,
                        })
                        .collect(),
                }
            }
            SideRun::Churn(sim) => {
                let snap = sim.snapshot();
                NetView {
                    nodes: holders(
                        snap.nodes
                            .iter()
                            .map(|n| (n.id, n.role, n.up, n.items_held)),
                    ),
                    edges: Vec::new(),
                    moving: Vec::new(),
                }
            }
            SideRun::Model(model) => model.view.clone(),
        }
    }
}

/// Nodes whose meter shows how much data each holds, relative to the
/// fullest: `(id, role, up, items held)`.
fn holders(nodes: impl Iterator<Item = (NodeId, Role, bool, u32)> + Clone) -> Vec<NodeView> {
    let most = nodes.clone().map(|n| n.3).max().unwrap_or(0).max(1);
    nodes
        .map(|(id, role, up, held)| NodeView {
            id: id.0,
            role,
            up,
            fill: f64::from(held) / f64::from(most),
            badge: String::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::experiment::{Bench, Params};

    #[test]
    fn failing_the_server_mid_run_fails_requests_and_reviving_it_recovers() {
        let [mut central, _] = Bench::Load.start(&Params::default(), 1).unwrap();
        assert!(central.can_fail());
        central.advance_to(10.0, u64::MAX);
        assert_eq!(central.toggle(0), Some(false), "the server goes down");
        central.advance_to(20.0, u64::MAX);
        let failed_while_down = Bench::Load
            .measure(&central)
            .0
            .get(crate::experiment::Metric::FailedShare)
            .unwrap();
        assert!(
            failed_while_down > 0.1,
            "requests fail while the server is down: {failed_while_down}"
        );
        assert_eq!(central.toggle(0), Some(true), "and comes back");
        assert_eq!(central.toggle(9_999), None, "no such node");
    }
}
