//! The churn simulation: nodes going up and down, items available or not,
//! requests finding their data or not.
//!
//! Each node's pending change carries the node's epoch; any change of state
//! (random or by hand) bumps the epoch, so a change planned before it is
//! recognised as out of date and ignored.

mod view;
mod items;

use crate::sim::node::Population;
use super::report::{ChurnCounters, ChurnNodeStats, ChurnNodeView, ChurnReport, ChurnSample, ChurnSnapshot};
use super::scenario::{ChurnScenario, FailureModel};
use super::theory::{node_availability, predict};
use crate::sim::fault::{schedule_faults, secs_to_time, FaultAction, Faults};
use crate::sim::node::{Architecture, NodeId};
use crate::sim::queue::EventQueue;
use crate::sim::service::sample_distinct;
use crate::sim::rng::Rng;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::{Problem, ValidationError};

#[derive(Clone, Copy, Debug)]
enum Event {
    Toggle { node: NodeId, epoch: u32 },
    Request,
    /// A holder left at `left`; if it has been away ever since, copy the item.
    Rereplicate { item: u32, node: NodeId, left: SimTime },
    Fault { node: NodeId, action: FaultAction },
    Sample,
    /// Pins the clock to the configured end, so time averages cover it all.
    End,
}

/// Time spent in the "on" state, integrated as the state changes.
#[derive(Clone, Copy, Debug, Default)]
struct Uptime {
    on: bool,
    on_us: u64,
    since: SimTime,
}

impl Uptime {
    fn set(&mut self, on: bool, now: SimTime) {
        if self.on {
            self.on_us = self.on_us.saturating_add(now.since(self.since).0);
        }
        self.on = on;
        self.since = now;
    }

    fn fraction(&self, now: SimTime) -> f64 {
        let running = if self.on { now.since(self.since).0 } else { 0 };
        if now.0 == 0 {
            return if self.on { 1.0 } else { 0.0 };
        }
        ((self.on_us + running) as f64 / now.0 as f64).clamp(0.0, 1.0)
    }
}

pub struct ChurnSim {
    s: ChurnScenario,
    end: SimTime,
    now: SimTime,
    events: EventQueue<Event>,
    processed: u64,
    sessions: Rng,
    requests: Rng,
    copies: Rng,
    churn: bool,
    failures: Option<FailureModel>,
    nodes: Vec<Uptime>,
    epoch: Vec<u32>,
    peers_online: u32,
    holders: Vec<Vec<NodeId>>,
    held: Vec<Vec<u32>>,
    live: Vec<u32>,
    items: Vec<Uptime>,
    items_available: u32,
    counters: ChurnCounters,
    last_sample: (u64, u64),
    series: Vec<ChurnSample>,
}

impl ChurnSim {
    pub fn new(scenario: ChurnScenario) -> Result<ChurnSim, ValidationError> {
        scenario.validate()?;
        let [mut placement, sessions, requests, copies] = Rng::streams(scenario.seed);
        let count = scenario.node_count();

        let mut held: Vec<Vec<u32>> = vec![Vec::new(); count as usize];
        let holders: Vec<Vec<NodeId>> = (0..scenario.items)
            .map(|item| {
                let nodes: Vec<NodeId> = match scenario.architecture {
                    Architecture::ClientServer => (0..scenario.servers).map(NodeId).collect(),
                    Architecture::PeerToPeer | Architecture::Hybrid => {
                        sample_distinct(&mut placement, scenario.peers, scenario.replication)
                            .into_iter()
                            .map(|p| scenario.user_node(p))
                            .collect()
                    }
                };
                for n in &nodes {
                    if let Some(h) = held.get_mut(n.index()) {
                        h.push(item);
                    }
                }
                nodes
            })
            .collect();

        let mut sim = ChurnSim {
            end: secs_to_time(scenario.duration_s),
            now: SimTime::ZERO,
            events: EventQueue::new(),
            processed: 0,
            sessions,
            requests,
            copies,
            churn: scenario.churn,
            failures: scenario.server_failures,
            nodes: vec![Uptime { on: true, ..Uptime::default() }; count as usize],
            epoch: vec![0; count as usize],
            peers_online: scenario.peers,
            live: holders.iter().map(|h| h.len() as u32).collect(),
            items: vec![Uptime { on: true, ..Uptime::default() }; scenario.items as usize],
            items_available: scenario.items,
            holders,
            held,
            counters: ChurnCounters::default(),
            last_sample: (0, 0),
            series: Vec::new(),
            s: scenario,
        };
        sim.start();
        Ok(sim)
    }

    fn start(&mut self) {
        // Start in the long-run state: each peer online with chance a, and
        // (sessions being memoryless) a fresh session length from here.
        if self.churn {
            let a = node_availability(self.s.mean_online_s, self.s.mean_offline_s);
            for p in 0..self.s.peers {
                let node = self.s.user_node(p);
                if !self.sessions.chance(a) {
                    self.set_up(node, false);
                }
            }
        }
        for i in 0..self.s.node_count() {
            self.schedule_next(NodeId(i));
        }
        schedule_faults(&mut self.events, &self.s.faults, |node, action| Event::Fault { node, action });
        self.schedule_request();
        self.events.push_within(SimTime::ZERO + self.sample_interval(), self.end, Event::Sample);
        self.events.push(self.end, Event::End);
    }

    pub fn scenario(&self) -> &ChurnScenario {
        &self.s
    }

    pub fn counters(&self) -> ChurnCounters {
        self.counters
    }

    pub fn items_available(&self) -> u32 {
        self.items_available
    }

    pub fn churn_enabled(&self) -> bool {
        self.churn
    }

    /// Turns peer churn on or off mid-run. Off: no one leaves any more;
    /// peers already away still come back when planned. On: every peer
    /// draws a fresh session from now.
    pub fn set_churn(&mut self, on: bool) {
        if on == self.churn {
            return;
        }
        self.churn = on;
        if on {
            for p in 0..self.s.peers {
                let node = self.s.user_node(p);
                self.bump(node);
                self.schedule_next(node);
            }
        }
    }

    /// Turns the server's (or index's) random failures on (with this
    /// model) or off. Off: it breaks no more; a repair under way finishes.
    pub fn set_server_failures(&mut self, model: Option<FailureModel>) -> Result<(), ValidationError> {
        if self.s.hubs() == 0 {
            return Err(ValidationError::new(
                "server failures",
                Problem::Invalid { reason: "peer-to-peer has no server".into() },
            ));
        }
        if let Some(m) = &model {
            m.validate()?;
        }
        self.failures = model;
        if model.is_some() {
            for hub in (0..self.s.hubs()).map(NodeId) {
                self.bump(hub);
                self.schedule_next(hub);
            }
        }
        Ok(())
    }

    fn is_hub(&self, node: NodeId) -> bool {
        self.s.is_hub(node)
    }

    fn sample_interval(&self) -> SimDuration {
        SimDuration::from_secs_f64_ceil(self.s.sample_interval_s).max(SimDuration(1))
    }

    fn bump(&mut self, node: NodeId) {
        if let Some(e) = self.epoch.get_mut(node.index()) {
            *e = e.wrapping_add(1);
        }
    }

    /// Plans the node's next change of state, if anything will change it.
    fn schedule_next(&mut self, node: NodeId) {
        let up = self.is_up(node);
        let mean = if self.is_hub(node) {
            self.failures.map(|m| if up { m.mtbf_s } else { m.mttr_s })
        } else if self.churn {
            Some(if up { self.s.mean_online_s } else { self.s.mean_offline_s })
        } else {
            None
        };
        let Some(mean) = mean else { return };
        let at = self.now + SimDuration::from_secs_f64_ceil(self.sessions.exponential(mean));
        let epoch = self.epoch.get(node.index()).copied().unwrap_or(0);
        self.events.push_within(at, self.end, Event::Toggle { node, epoch });
    }

    fn schedule_request(&mut self) {
        let rate = f64::from(self.s.peers) * self.s.request_rate;
        if rate <= 0.0 {
            return;
        }
        let at = self.now + SimDuration::from_secs_f64_ceil(self.requests.exponential(1.0 / rate));
        self.events.push_within(at, self.end, Event::Request);
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Toggle { node, epoch } => {
                if self.epoch.get(node.index()) != Some(&epoch) {
                    return;
                }
                let up = self.is_up(node);
                // Churn or failures switched off: planned departures lapse,
                // planned returns still happen.
                let active = if self.is_hub(node) { self.failures.is_some() } else { self.churn };
                if up && !active {
                    return;
                }
                self.change(node, !up);
            }
            Event::Request => self.request(),
            Event::Rereplicate { item, node, left } => self.rereplicate(item, node, left),
            Event::Fault { node, action } => self.apply_fault(node, action),
            Event::Sample => self.sample(),
            Event::End => {}
        }
    }

    /// A real change of state: counts it and plans the next one.
    fn change(&mut self, node: NodeId, up: bool) {
        let hub = self.is_hub(node);
        let c = &mut self.counters;
        match (hub, up) {
            (true, true) => c.server_repairs += 1,
            (true, false) => c.server_failures += 1,
            (false, true) => c.arrivals += 1,
            (false, false) => c.departures += 1,
        }
        self.set_up(node, up);
        self.schedule_next(node);
    }

}

crate::sim::stepping::queue_stepper!(ChurnSim);

impl Faults for ChurnSim {
    fn node_count(&self) -> u32 {
        self.s.node_count()
    }

    fn is_up(&self, node: NodeId) -> bool {
        self.nodes.get(node.index()).is_some_and(|n| n.on)
    }

    fn apply_fault(&mut self, node: NodeId, action: FaultAction) {
        let up = action == FaultAction::Revive;
        if self.is_up(node) != up && node.0 < self.s.node_count() {
            self.change(node, up);
        }
    }
}
