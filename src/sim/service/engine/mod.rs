//! The request/response simulation: arrivals, messages, queues, faults.
//!
//! A request's life: the asker sends it (one hop; hybrid asks the index
//! first, two more hops), it waits in the serving node's queue, is served,
//! and the answer travels back (one hop). Every request issued ends in
//! exactly one of completed, dropped (queue full) or failed (a node it
//! needed was down), and is in flight until then.

mod view;
mod flow;
mod placement;
mod in_flight;

pub(crate) use in_flight::InFlight;
pub(crate) use placement::{progress, sample_distinct};
use crate::sim::node::Population;
use placement::place_items;

use super::report::{
    LatencySummary, MessageKind, MessageView, ServiceCounters, ServiceNodeStats, ServiceNodeView,
    ServiceReport, ServiceSample, ServiceSnapshot, MAX_DRAWN_MESSAGES,
};
use super::scenario::{HolderChoice, ServiceScenario};
use super::theory::predict;
use crate::sim::fault::{schedule_faults, secs_to_time, FaultAction, Faults};
use crate::sim::node::{Architecture, NodeId};
use crate::sim::histogram::Histogram;
use crate::sim::queue::EventQueue;
use crate::sim::rng::Rng;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::ValidationError;
use std::collections::VecDeque;

#[derive(Clone, Copy, Debug)]
struct Req {
    from: NodeId,
    item: u32,
    issued_at: SimTime,
}

#[derive(Clone, Copy, Debug)]
enum Payload {
    Request,
    Response,
    IndexQuery,
    IndexAnswer { holder: NodeId },
}

impl Payload {
    fn kind(self) -> MessageKind {
        match self {
            Payload::Request => MessageKind::Request,
            Payload::Response => MessageKind::Response,
            Payload::IndexQuery => MessageKind::IndexQuery,
            Payload::IndexAnswer { .. } => MessageKind::IndexAnswer,
        }
    }
}

#[derive(Clone, Debug)]
struct Message {
    payload: Payload,
    from: NodeId,
    to: NodeId,
    sent_at: SimTime,
    arrive_at: SimTime,
    req: Req,
}

#[derive(Clone, Copy, Debug)]
enum Event {
    /// The next request anywhere in the network (one merged Poisson stream).
    Arrival,
    Deliver { msg: u64 },
    /// `epoch` tells a completion from before a crash, which must be ignored.
    ServiceDone { node: NodeId, job: u64, epoch: u32 },
    Fault { node: NodeId, action: FaultAction },
    Sample,
}

#[derive(Clone, Debug, Default)]
struct Station {
    up: bool,
    workers: u32,
    /// Requests one worker completes per second, on average.
    rate: f64,
    queue: VecDeque<Req>,
    in_service: Vec<(u64, Req)>,
    epoch: u32,
    /// Busy workers × microseconds, up to `busy_since`.
    busy_us: u64,
    busy_since: SimTime,
    issued: u64,
    served: u64,
    lookups: u64,
    items_held: u32,
    longest_queue: u32,
}

impl Station {
    fn account(&mut self, now: SimTime) {
        let busy = self.in_service.len() as u64;
        self.busy_us = self.busy_us.saturating_add(busy.saturating_mul(now.since(self.busy_since).0));
        self.busy_since = now;
    }

    fn load(&self) -> u64 {
        (self.queue.len() + self.in_service.len()) as u64
    }
}

pub struct ServiceSim {
    s: ServiceScenario,
    end: SimTime,
    hop: SimDuration,
    now: SimTime,
    events: EventQueue<Event>,
    processed: u64,
    arrivals: Rng,
    service: Rng,
    choice: Rng,
    /// Holders of each item (peer-to-peer and hybrid; empty otherwise).
    holders: Vec<Vec<NodeId>>,
    nodes: Vec<Station>,
    /// Messages on the wire, oldest first; their ids are their own.
    messages: InFlight<Message>,
    /// Ids for jobs in service.
    next_id: u64,
    counters: ServiceCounters,
    latencies: Vec<u64>,
    /// The same latencies in fixed buckets: what the live display reads.
    histogram: Histogram,
    /// Requests issued before this are not summarised (`warmup_s`).
    warmup_end: SimTime,
    window: VecDeque<(SimTime, u64)>,
    /// When requests failed or were dropped, within the latency window.
    unanswered: VecDeque<SimTime>,
    last_sample: (SimTime, u64),
    series: Vec<ServiceSample>,
}

impl ServiceSim {
    pub fn new(scenario: ServiceScenario) -> Result<ServiceSim, ValidationError> {
        scenario.validate()?;
        let [mut placement, arrivals, service, choice] = Rng::streams(scenario.seed);

        let count = scenario.node_count();
        let mut nodes: Vec<Station> = (0..count)
            .map(|i| {
                let workers = match (scenario.architecture, i) {
                    (Architecture::ClientServer, 0) => scenario.workers,
                    (Architecture::ClientServer, _) | (Architecture::Hybrid, 0) => 0,
                    _ => 1,
                };
                Station { up: true, workers, rate: scenario.service_rate, ..Station::default() }
            })
            .collect();
        if scenario.architecture != Architecture::ClientServer {
            for &(peer, rate) in &scenario.peer_service_rates {
                if let Some(n) = nodes.get_mut(scenario.architecture.user_node(peer).index()) {
                    n.rate = rate;
                }
            }
        }

        let holders = match scenario.architecture {
            Architecture::ClientServer => Vec::new(),
            Architecture::PeerToPeer | Architecture::Hybrid => {
                place_items(&scenario, &mut placement, &mut nodes)
            }
        };
        if let (Architecture::ClientServer, Some(server)) = (scenario.architecture, nodes.first_mut()) {
            server.items_held = scenario.items;
        }

        let end = secs_to_time(scenario.duration_s);
        let mut sim = ServiceSim {
            hop: SimDuration::from_secs_f64_ceil(scenario.hop_latency_ms / 1_000.0),
            end,
            now: SimTime::ZERO,
            events: EventQueue::new(),
            processed: 0,
            arrivals,
            service,
            choice,
            holders,
            nodes,
            messages: InFlight::new(),
            next_id: 0,
            counters: ServiceCounters::default(),
            latencies: Vec::new(),
            histogram: Histogram::default(),
            warmup_end: SimTime::ZERO + SimDuration::from_secs_f64_ceil(scenario.warmup_s),
            window: VecDeque::new(),
            unanswered: VecDeque::new(),
            last_sample: (SimTime::ZERO, 0),
            series: Vec::new(),
            s: scenario,
        };
        schedule_faults(&mut sim.events, &sim.s.faults, |node, action| Event::Fault { node, action });
        sim.schedule_arrival();
        sim.events.push_within(SimTime::ZERO + sim.sample_interval(), end, Event::Sample);
        Ok(sim)
    }

    pub fn scenario(&self) -> &ServiceScenario {
        &self.s
    }

    pub fn counters(&self) -> ServiceCounters {
        self.counters
    }

    fn sample_interval(&self) -> SimDuration {
        SimDuration::from_secs_f64_ceil(self.s.sample_interval_s).max(SimDuration(1))
    }

    fn schedule_arrival(&mut self) {
        let total_rate = f64::from(self.s.users) * self.s.request_rate;
        if total_rate <= 0.0 {
            return;
        }
        let gap = SimDuration::from_secs_f64_ceil(self.arrivals.exponential(1.0 / total_rate));
        self.events.push_within(self.now + gap, self.end, Event::Arrival);
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Arrival => self.on_arrival(),
            Event::Deliver { msg } => self.on_deliver(msg),
            Event::ServiceDone { node, job, epoch } => self.on_service_done(node, job, epoch),
            Event::Fault { node, action } => self.apply_fault(node, action),
            Event::Sample => self.on_sample(),
        }
    }


    fn on_sample(&mut self) {
        self.events.push_within(self.now + self.sample_interval(), self.end, Event::Sample);
        let window = SimDuration::from_secs_f64_ceil(self.s.latency_window_s);
        let cutoff = SimTime(self.now.0.saturating_sub(window.0));
        while self.window.front().is_some_and(|(t, _)| *t < cutoff) {
            self.window.pop_front();
        }
        while self.unanswered.front().is_some_and(|t| *t < cutoff) {
            self.unanswered.pop_front();
        }
        let mut recent: Vec<u64> = self.window.iter().map(|(_, l)| *l).collect();
        let (since, completed_then) = self.last_sample;
        let span = self.now.since(since).as_secs_f64();
        let done = self.counters.completed - completed_then;
        self.series.push(ServiceSample {
            t_s: self.now.as_secs_f64(),
            throughput: if span > 0.0 { done as f64 / span } else { 0.0 },
            latency: LatencySummary::from_micros(&mut recent),
            queued: self.nodes.iter().map(|n| n.queue.len() as u64).sum(),
            longest_queue: self.nodes.iter().map(|n| n.queue.len() as u32).max().unwrap_or(0),
            unanswered: self.unanswered.len() as u64,
            counters: self.counters,
        });
        self.last_sample = (self.now, self.counters.completed);
    }

}

crate::sim::stepping::queue_stepper!(ServiceSim);

impl Faults for ServiceSim {
    fn node_count(&self) -> u32 {
        self.s.node_count()
    }

    fn is_up(&self, node: NodeId) -> bool {
        self.nodes.get(node.index()).is_some_and(|n| n.up)
    }

    fn apply_fault(&mut self, node: NodeId, action: FaultAction) {
        let now = self.now;
        let Some(n) = self.nodes.get_mut(node.index()) else { return };
        match action {
            FaultAction::Revive => {
                if !n.up {
                    n.up = true;
                    n.busy_since = now;
                }
            }
            FaultAction::Fail => {
                if !n.up {
                    return;
                }
                n.account(now);
                n.up = false;
                n.epoch = n.epoch.wrapping_add(1);
                // Jobs in service first, then the queue front to back.
                // (Copy and clear rather than chained drains: the same
                // order, far less code.)
                let mut lost: Vec<Req> = n.in_service.iter().map(|(_, r)| *r).collect();
                lost.extend(n.queue.iter().copied());
                n.in_service.clear();
                n.queue.clear();
                for req in lost {
                    self.redirect(req);
                }
            }
        }
    }
}
