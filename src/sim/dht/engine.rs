//! The Chord simulation: lookups arriving over time, nodes coming and
//! going, and each node's periodic stabilisation.
//!
//! Lookups take no simulated time, so the ring cannot change under a
//! lookup: what it meets is the state at the instant it was asked.

use super::chord::Chord;
use super::history::History;
use super::scenario::Finder;
use super::members::{Members, Peer};
use super::node::Key;
use super::report::{DhtCounters, DhtReport};
use super::ring::RingId;
use super::routing::LookupResult;
use super::scenario::DhtScenario;
use super::theory::chord_mean_hops;
use crate::sim::fault::secs_to_time;
use crate::sim::queue::EventQueue;
use crate::sim::rng::Rng;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::ValidationError;

/// How often the chart's series takes a point.
const SAMPLE_EVERY: SimDuration = SimDuration(1_000_000);

#[derive(Clone, Copy, Debug)]
pub(super) enum Event {
    /// The next lookup of the Poisson stream.
    Lookup,
    Stabilise(Peer),
    /// The node leaves if up, comes back if down; `gen` is the churn
    /// switch's generation when it was drawn (an older one is void).
    Toggle { peer: Peer, gen: u32 },
    /// A point of the series the chart draws.
    Sample,
}

pub struct DhtSim {
    pub(super) s: DhtScenario,
    pub(super) end: SimTime,
    pub(super) now: SimTime,
    pub(super) events: EventQueue<Event>,
    processed: u64,
    pub(super) chord: Chord,
    /// Arrival times, askers and keys.
    arrivals: Rng,
    pub(super) sessions: Rng,
    pub(super) stagger: Rng,
    pub(super) counters: DhtCounters,
    path: Vec<RingId>,
    last: Option<LookupResult>,
    /// Peers come and go now (see [`super::upkeep`]).
    pub(super) churning: bool,
    /// Bumped whenever churn is switched, voiding the toggles drawn before.
    pub(super) churn_gen: u32,
    /// Stabilisation timers are running.
    pub(super) upkeep: bool,
    pub(super) history: History,
    /// The central index answers (an index run; see [`Finder::Index`]).
    pub(super) index_up: bool,
}

impl DhtSim {
    pub fn new(scenario: DhtScenario) -> Result<DhtSim, ValidationError> {
        scenario.validate()?;
        // Separate streams, so that churn settings leave node ids, keys and
        // askers' draws where they were.
        let [mut ids, mut keys, stagger, sessions, arrivals] = Rng::streams(scenario.seed);
        let members = Members::draw(scenario.peers, &mut ids);
        let key_ids = (0..scenario.keys).map(|_| RingId(keys.next_u32())).collect();
        let chord = Chord::exact(members, key_ids, scenario.copies, scenario.successors);
        let mut sim = DhtSim {
            end: secs_to_time(scenario.duration_s),
            now: SimTime::ZERO,
            events: EventQueue::new(),
            processed: 0,
            chord,
            arrivals,
            sessions,
            stagger,
            counters: DhtCounters::default(),
            path: Vec::new(),
            last: None,
            churning: false,
            churn_gen: 0,
            upkeep: false,
            history: History::new(scenario.peers),
            index_up: true,
            s: scenario,
        };
        if sim.s.churn_session_s.is_some() {
            sim.start_upkeep();
            if !sim.s.churn_paused {
                sim.set_churn(true);
            }
        }
        if sim.s.lookups_per_s > 0.0 {
            sim.events.push_within(SimTime::ZERO + SAMPLE_EVERY, sim.end, Event::Sample);
        }
        sim.schedule_lookup();
        Ok(sim)
    }

    pub fn scenario(&self) -> &DhtScenario {
        &self.s
    }

    pub fn counters(&self) -> DhtCounters {
        self.counters
    }

    /// Every node's id, in clockwise order.
    pub fn node_ids(&self) -> &[RingId] {
        self.chord.members.ids()
    }

    /// Every stored key's position, by key number.
    pub fn key_ids(&self) -> &[RingId] {
        &self.chord.keys
    }

    pub fn peers_up(&self) -> u32 {
        self.chord.members.live()
    }

    /// Live nodes holding key number `key`, clockwise from the key.
    pub fn holders(&self, key: u32) -> Vec<RingId> {
        self.chord.holders(Key(key)).into_iter().map(|p| self.chord.members.id(p)).collect()
    }

    /// The last lookup's route: the asker, then each node it was forwarded
    /// to, as ring positions (for drawing it hop by hop round the circle).
    pub fn last_path(&self) -> &[RingId] {
        &self.path
    }

    pub fn last_lookup(&self) -> Option<LookupResult> {
        self.last
    }

    /// Running totals, a point a second (runs with timed lookups only).
    pub fn samples(&self) -> &[super::DhtSample] {
        self.history.samples()
    }

    /// The last few lookups' routes, oldest first.
    pub fn recent_lookups(&self) -> impl Iterator<Item = &super::RecentLookup> {
        self.history.recent()
    }

    /// The largest share of the lookups so far that one node answered.
    pub fn busiest_share(&self) -> Option<f64> {
        self.history.busiest_share(self.counters.lookups)
    }

    /// Keys each node holds a copy of, by place on the ring.
    pub fn stored(&self) -> Vec<u32> {
        (0..self.s.peers).map(|p| self.chord.node(Peer(p)).map_or(0, |n| n.stored().len() as u32)).collect()
    }

    /// Makes `count` lookups at once, at the current simulated instant,
    /// each from a random live node for a random key: how a fixed number of
    /// lookups is measured without a clock. Draws from the same stream as
    /// the timed lookups, so the run stays reproducible.
    pub fn lookups_now(&mut self, count: u32) {
        for _ in 0..count {
            self.one_lookup();
        }
    }

    pub fn report(&self) -> DhtReport {
        let c = self.counters;
        let ratio = |num: u64, den: u64| if den == 0 { 0.0 } else { num as f64 / den as f64 };
        DhtReport {
            peers: self.s.peers,
            peers_up: self.peers_up(),
            copies: self.s.copies,
            elapsed_s: self.now.as_secs_f64(),
            lookups: c.lookups,
            succeeded: c.succeeded,
            failures: c.failures,
            success_rate: ratio(c.succeeded, c.lookups),
            mean_hops: (c.succeeded > 0).then(|| ratio(c.hops, c.succeeded)),
            max_hops: c.max_hops,
            mean_messages: ratio(c.messages, c.lookups),
            timeouts: c.timeouts,
            theory_hops: chord_mean_hops(self.s.peers),
            departures: c.departures,
            arrivals: c.arrivals,
            events: self.processed,
        }
    }

    pub(super) fn stabilise_period(&self) -> SimDuration {
        SimDuration::from_secs_f64_ceil(self.s.stabilise_s).max(SimDuration(1))
    }

    fn schedule_lookup(&mut self) {
        let rate = self.s.lookups_per_s;
        if rate <= 0.0 {
            return;
        }
        let gap = SimDuration::from_secs_f64_ceil(self.arrivals.exponential(1.0 / rate));
        self.events.push_within(self.now + gap, self.end, Event::Lookup);
    }

    fn one_lookup(&mut self) {
        // With nobody up there is nobody to ask: no lookup happens.
        let Some(asker) = self.chord.members.random_live(&mut self.arrivals) else { return };
        let key = Key(self.arrivals.below(self.chord.key_count()));
        let result = match self.s.finder {
            Finder::Ring => self.chord.lookup(asker, key, &mut self.path),
            Finder::Index => self.chord.ask_index(asker, key, self.index_up, &mut self.path),
        };
        self.counters.record(&result);
        self.last = Some(result);
        self.history.record(self.now, &self.chord, &self.path, &result, self.s.finder);
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Lookup => {
                self.schedule_lookup();
                self.one_lookup();
            }
            Event::Stabilise(p) => {
                self.chord.stabilise(p);
                self.events.push_within(self.now + self.stabilise_period(), self.end, Event::Stabilise(p));
            }
            Event::Toggle { peer, gen } => {
                if gen != self.churn_gen {
                    return;
                }
                self.flip(peer);
                self.schedule_toggle(peer);
            }
            Event::Sample => {
                self.history.sample(self.now, &self.counters);
                self.events.push_within(self.now + SAMPLE_EVERY, self.end, Event::Sample);
            }
        }
    }
}

#[cfg(test)]
impl DhtSim {
    pub(crate) fn successor_accuracy(&self) -> f64 {
        self.chord.successor_accuracy()
    }
}

crate::sim::stepping::queue_stepper!(DhtSim);
