//! The lookup simulation: searches (central or flooded), replicas, updates
//! and who is online.
//!
//! A flood: the asker sends the query to every neighbour; a peer seeing a
//! query for the first time checks its own store (a hit sends an answer
//! back along the query's path, one message per hop) and, while hops
//! remain, forwards it to every neighbour but the sender. A peer that has
//! seen the query already drops it: duplicates are counted, not forwarded.
//! Every hop takes the same time, so the first copy of a query to reach a
//! peer came by a shortest path and the flood explores exactly the peers
//! within TTL hops.

mod view;
mod search;
mod data;

use crate::sim::node::Population;
use super::overlay::Overlay;
use super::report::{
    LookupCounters, LookupMessageKind, LookupMessageView, LookupNodeStats, LookupNodeView, LookupReport,
    LookupSample, LookupSnapshot, LookupTheory, QueryOutcome, MAX_DRAWN_MESSAGES,
};
use super::scenario::{check_link, Link, LookupScenario, Propagation};
use super::theory::{flood_message_bound, hit_probability, CENTRAL_MESSAGES_PER_LOOKUP};
use crate::sim::fault::{schedule_faults, secs_to_time, FaultAction, Faults};
use crate::sim::node::{Architecture, NodeId};
use crate::sim::queue::EventQueue;
use crate::sim::service::{progress, sample_distinct, InFlight};
use crate::sim::rng::Rng;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::{Problem, ValidationError};

#[derive(Clone, Copy, Debug)]
struct Replica {
    node: NodeId,
    version: u32,
}

#[derive(Clone, Debug)]
struct Query {
    origin: NodeId,
    item: u32,
    /// Live peers that have seen the flood, the asker included.
    seen: Seen,
    /// Messages of this search still on the wire; at zero it is over.
    outstanding: u32,
    query_messages: u32,
    answer_messages: u32,
    first_hit: Option<(u32, bool)>,
    flood: bool,
}

/// A set of nodes, one bit each: which peers a flood has reached.
#[derive(Clone, Debug, Default)]
struct Seen {
    words: Vec<u64>,
    count: u32,
}

impl Seen {
    /// Adds `node`; false if it was there already.
    fn insert(&mut self, node: NodeId) -> bool {
        let word = node.index() / 64;
        if self.words.len() <= word {
            self.words.resize(word + 1, 0);
        }
        let bit = 1u64 << (node.0 % 64);
        match self.words.get_mut(word) {
            Some(w) if *w & bit == 0 => {
                *w |= bit;
                self.count += 1;
                true
            }
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Payload {
    Flood { query: u64, depth: u32 },
    /// Travels `depth` hops back to the asker; drawn as one arrow.
    HitReply { query: u64 },
    Ask { query: u64 },
    /// `Some(stale)` when a copy was found.
    Answer { query: u64, found: Option<bool> },
    Push { item: u32, version: u32 },
}

#[derive(Clone, Debug)]
struct Message {
    payload: Payload,
    from: NodeId,
    to: NodeId,
    sent_at: SimTime,
    arrive_at: SimTime,
}

#[derive(Clone, Copy, Debug)]
enum Event {
    Query,
    Update,
    Deliver { msg: u64 },
    PushDue { item: u32, writer: NodeId, version: u32 },
    Fault { node: NodeId, action: FaultAction },
    Sample,
}

#[derive(Clone, Copy, Debug, Default)]
struct SampleMark {
    finished: u64,
    hits: u64,
    messages: u64,
    stale: u64,
}

pub struct LookupSim {
    s: LookupScenario,
    end: SimTime,
    hop: SimDuration,
    now: SimTime,
    events: EventQueue<Event>,
    processed: u64,
    query_rng: Rng,
    update_rng: Rng,
    choice_rng: Rng,
    overlay: Overlay,
    /// Copies of each item (peer-to-peer and hybrid; the server holds
    /// everything in client-server, so this is empty there).
    replicas: Vec<Vec<Replica>>,
    held: Vec<Vec<u32>>,
    latest: Vec<u32>,
    up: Vec<bool>,
    live_copies: Vec<u32>,
    items_with_live_copy: u32,
    stale_copies: Vec<u32>,
    handled: Vec<u64>,
    /// Searches under way and messages on the wire, oldest first; each
    /// hands out its own ids.
    queries: InFlight<Query>,
    messages: InFlight<Message>,
    counters: LookupCounters,
    outcomes: Vec<QueryOutcome>,
    mark: SampleMark,
    series: Vec<LookupSample>,
}

impl LookupSim {
    pub fn new(scenario: LookupScenario) -> Result<LookupSim, ValidationError> {
        scenario.validate()?;
        let [mut placement, mut graph, query_rng, update_rng, choice_rng] = Rng::streams(scenario.seed);
        let count = scenario.node_count();

        let overlay = if scenario.architecture == Architecture::PeerToPeer {
            let mut g = Overlay::random(scenario.peers, scenario.mean_degree, &mut graph);
            for l in &scenario.extra_links {
                g.connect(l.a, l.b);
            }
            for l in &scenario.removed_links {
                g.disconnect(l.a, l.b);
            }
            g
        } else {
            Overlay::empty(count)
        };

        let mut held: Vec<Vec<u32>> = vec![Vec::new(); count as usize];
        let replicas: Vec<Vec<Replica>> = match scenario.architecture {
            Architecture::ClientServer => Vec::new(),
            Architecture::PeerToPeer | Architecture::Hybrid => (0..scenario.items)
                .map(|item| {
                    sample_distinct(&mut placement, scenario.peers, scenario.replication)
                        .into_iter()
                        .map(|p| {
                            let node = scenario.user_node(p);
                            if let Some(h) = held.get_mut(node.index()) {
                                h.push(item);
                            }
                            Replica { node, version: 0 }
                        })
                        .collect()
                })
                .collect(),
        };
        if let (Architecture::ClientServer, Some(server)) = (scenario.architecture, held.first_mut()) {
            *server = (0..scenario.items).collect();
        }
        let live_copies: Vec<u32> = replicas.iter().map(|r| r.len() as u32).collect();
        let items_with_live_copy = live_copies.iter().filter(|c| **c > 0).count() as u32;

        let mut sim = LookupSim {
            end: secs_to_time(scenario.duration_s),
            hop: SimDuration::from_secs_f64_ceil(scenario.hop_latency_ms / 1_000.0),
            now: SimTime::ZERO,
            events: EventQueue::new(),
            processed: 0,
            query_rng,
            update_rng,
            choice_rng,
            overlay,
            replicas,
            held,
            latest: vec![0; scenario.items as usize],
            up: vec![true; count as usize],
            live_copies,
            items_with_live_copy,
            stale_copies: vec![0; count as usize],
            handled: vec![0; count as usize],
            queries: InFlight::new(),
            messages: InFlight::new(),
            counters: LookupCounters::default(),
            outcomes: Vec::new(),
            mark: SampleMark::default(),
            series: Vec::new(),
            s: scenario,
        };
        schedule_faults(&mut sim.events, &sim.s.faults, |node, action| Event::Fault { node, action });
        sim.schedule(Event::Query);
        sim.schedule(Event::Update);
        sim.events.push_within(SimTime::ZERO + sim.sample_interval(), sim.end, Event::Sample);
        Ok(sim)
    }

    pub fn scenario(&self) -> &LookupScenario {
        &self.s
    }

    pub fn counters(&self) -> LookupCounters {
        self.counters
    }

    /// Every search finished so far, in the order they finished.
    pub fn outcomes(&self) -> &[QueryOutcome] {
        &self.outcomes
    }

    /// Which nodes hold a copy of `item` (online or not), for highlighting.
    pub fn replica_nodes(&self, item: u32) -> Vec<NodeId> {
        match self.s.architecture {
            Architecture::ClientServer => vec![NodeId(0)],
            _ => self.replicas.get(item as usize).into_iter().flatten().map(|r| r.node).collect(),
        }
    }

    /// The overlay's links, for drawing (peer-to-peer; empty otherwise).
    pub fn links(&self) -> Vec<Link> {
        self.overlay.links()
    }

    /// Items with at least one live copy: the data still reachable.
    pub fn items_available(&self) -> u32 {
        match self.s.architecture {
            Architecture::ClientServer => {
                if self.is_up(NodeId(0)) {
                    self.s.items
                } else {
                    0
                }
            }
            Architecture::PeerToPeer | Architecture::Hybrid => self.items_with_live_copy,
        }
    }

    /// Starts a search now, as the sandbox's "search from this peer" does.
    pub fn start_query(&mut self, origin: NodeId, item: u32) -> Result<(), ValidationError> {
        self.check_node("asking node", origin)?;
        if item >= self.s.items {
            return Err(ValidationError::new(
                "item",
                Problem::CountOutOfRange { min: 0, max: u64::from(self.s.items) - 1, got: u64::from(item) },
            ));
        }
        if !self.is_up(origin) {
            return Err(ValidationError::new(
                "asking node",
                Problem::Invalid { reason: "that node is offline".into() },
            ));
        }
        self.begin_query(origin, item);
        Ok(())
    }

    pub fn connect(&mut self, a: NodeId, b: NodeId) -> Result<bool, ValidationError> {
        check_link("link", Link { a, b }, self.s.node_count())?;
        Ok(self.overlay.connect(a, b))
    }

    pub fn disconnect(&mut self, a: NodeId, b: NodeId) -> Result<bool, ValidationError> {
        check_link("link", Link { a, b }, self.s.node_count())?;
        Ok(self.overlay.disconnect(a, b))
    }

    fn sample_interval(&self) -> SimDuration {
        SimDuration::from_secs_f64_ceil(self.s.sample_interval_s).max(SimDuration(1))
    }

    /// The next query or update of the merged Poisson streams.
    fn schedule(&mut self, event: Event) {
        let (rate, rng) = match event {
            Event::Query => (f64::from(self.s.peers) * self.s.query_rate, &mut self.query_rng),
            _ => (self.s.update_rate, &mut self.update_rng),
        };
        if rate <= 0.0 {
            return;
        }
        let at = self.now + SimDuration::from_secs_f64_ceil(rng.exponential(1.0 / rate));
        self.events.push_within(at, self.end, event);
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Query => {
                self.schedule(Event::Query);
                let origin = self.s.user_node(self.query_rng.below(self.s.peers));
                let item = self.query_rng.below(self.s.items);
                if self.is_up(origin) {
                    self.begin_query(origin, item);
                }
            }
            Event::Update => {
                self.schedule(Event::Update);
                let item = self.update_rng.below(self.s.items);
                self.update(item);
            }
            Event::Deliver { msg } => self.deliver(msg),
            Event::PushDue { item, writer, version } => self.push(item, writer, version),
            Event::Fault { node, action } => self.apply_fault(node, action),
            Event::Sample => self.sample(),
        }
    }

    fn sample(&mut self) {
        self.events.push_within(self.now + self.sample_interval(), self.end, Event::Sample);
        let c = self.counters;
        let mark = SampleMark {
            finished: self.outcomes.len() as u64,
            hits: c.hits,
            messages: c.query_messages + c.answer_messages,
            stale: c.stale_reads,
        };
        let hits = mark.hits - self.mark.hits;
        let stale = mark.stale - self.mark.stale;
        self.series.push(LookupSample {
            t_s: self.now.as_secs_f64(),
            finished: mark.finished - self.mark.finished,
            hits,
            messages: mark.messages - self.mark.messages,
            items_available: f64::from(self.items_available()) / f64::from(self.s.items),
            stale_fraction: if hits == 0 { 0.0 } else { stale as f64 / hits as f64 },
            counters: c,
        });
        self.mark = mark;
    }

}

crate::sim::stepping::queue_stepper!(LookupSim);
