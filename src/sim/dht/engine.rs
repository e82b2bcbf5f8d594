//! The Chord simulation: lookups arriving over time, nodes coming and
//! going, and each node's periodic stabilisation.
//!
//! Lookups take no simulated time, so the ring cannot change under a
//! lookup: what it meets is the state at the instant it was asked.

use super::chord::Chord;
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

#[derive(Clone, Copy, Debug)]
enum Event {
    /// The next lookup of the Poisson stream.
    Lookup,
    Stabilise(Peer),
    /// The node leaves if up, comes back if down.
    Toggle(Peer),
}

pub struct DhtSim {
    s: DhtScenario,
    end: SimTime,
    now: SimTime,
    events: EventQueue<Event>,
    processed: u64,
    chord: Chord,
    /// Arrival times, askers and keys.
    arrivals: Rng,
    sessions: Rng,
    counters: DhtCounters,
    path: Vec<RingId>,
    last: Option<LookupResult>,
}

impl DhtSim {
    pub fn new(scenario: DhtScenario) -> Result<DhtSim, ValidationError> {
        scenario.validate()?;
        // Separate streams, so that churn settings leave node ids, keys and
        // askers' draws where they were.
        let [mut ids, mut keys, mut stagger, sessions, arrivals] = Rng::streams(scenario.seed);
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
            counters: DhtCounters::default(),
            path: Vec::new(),
            last: None,
            s: scenario,
        };
        if let Some(session) = sim.s.churn_session_s {
            let period = sim.stabilise_period();
            let phase_range = u32::try_from(period.0).unwrap_or(u32::MAX);
            for p in (0..sim.s.peers).map(Peer) {
                // Staggered, as independent nodes' timers are.
                let first = SimTime(u64::from(stagger.below(phase_range)));
                sim.events.push_within(first, sim.end, Event::Stabilise(p));
                let leaves = SimDuration::from_secs_f64_ceil(sim.sessions.exponential(session));
                sim.events.push_within(SimTime::ZERO + leaves, sim.end, Event::Toggle(p));
            }
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

    fn stabilise_period(&self) -> SimDuration {
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
        let result = self.chord.lookup(asker, key, &mut self.path);
        self.counters.record(&result);
        self.last = Some(result);
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
            Event::Toggle(p) => {
                if self.chord.members.is_up(p) {
                    self.chord.leave(p);
                    self.counters.departures += 1;
                } else {
                    self.chord.join(p);
                    self.counters.arrivals += 1;
                }
                // Up and down times share one mean (see the scenario).
                let mean = self.s.churn_session_s.unwrap_or(0.0);
                let next = SimDuration::from_secs_f64_ceil(self.sessions.exponential(mean));
                // A zero draw would toggle twice in one tick; a microsecond
                // keeps every session real.
                self.events.push_within(self.now + next.max(SimDuration(1)), self.end, Event::Toggle(p));
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
