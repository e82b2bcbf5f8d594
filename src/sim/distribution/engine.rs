//! The file-distribution run: connections carrying chunks over the
//! access-link [`Network`], driven by a closed set of events.
//!
//! A connection joins one sender to one receiver and carries one chunk at a
//! time. Its latency is paid once, when it opens; a chunk that follows on an
//! open connection starts at once.
//!
//! - Client-server: the server opens one connection per client at the start
//!   and sends the chunks in order on it; the network shares the server's
//!   upload max-min fairly among all of them.
//! - Peer-to-peer and hybrid: see [`super::policy`] for who sends what to
//!   whom, and [`super::choke`] under tit-for-tat. Hybrid peers first ask the tracker who else is in the swarm (one
//!   round trip), then behave exactly as peer-to-peer.
//!
//! Rates are recomputed once per simulated tick, after every event due at
//! that tick has been handled (see [`DistributionSim::step`]).

use super::candidates::Candidates;
use super::choke::{self, PeerChoke};
use super::chunks::ChunkSet;
use super::scenario::DistributionScenario;
use crate::sim::network::{FlowId, Network};
use crate::sim::node::{Architecture, NodeId};
use crate::sim::queue::EventQueue;
use crate::sim::rng::Rng;
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::ValidationError;

/// The server is always node 0; peers (or clients) are 1..=N.
pub const SERVER: NodeId = NodeId(0);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Event {
    /// Transfers may begin (at 0, or after the tracker round trip).
    Start,
    /// A receiver turns up and asks to join (see [`super::arrivals`]).
    Arrive { node: u32 },
    /// A receiver has the tracker's answer and joins the swarm.
    Joined { node: u32 },
    /// The scenario's tracker failure: for good.
    TrackerFails,
    /// A connection's latency has passed; its first chunk starts flowing.
    ConnUp { conn: u32, gen: u32 },
    /// The chunk on a connection has fully arrived.
    ChunkDone { conn: u32, gen: u32 },
    /// Tit-for-tat: a peer chooses its regular unchoke slots again.
    Rechoke { peer: u32, gen: u32 },
    /// Tit-for-tat: a peer moves its optimistic unchoke.
    Optimistic { peer: u32, gen: u32 },
}

#[derive(Clone, Debug)]
pub(super) struct Conn {
    pub live: bool,
    pub from: u32,
    pub to: u32,
    pub chunk: u32,
    pub flow: Option<FlowId>,
    /// Bumped whenever the connection's pending event is superseded, so
    /// stale queue entries can be recognised. Never reset, even when the slot
    /// is reused.
    pub gen: u32,
    /// While waiting out its latency: the rate this connection is expected
    /// to take, so its sender does not open more in the meantime.
    pub expect_mbps: f64,
    /// When the current chunk's arrival event is due, if one is queued.
    pub due: Option<SimTime>,
}

#[derive(Clone, Debug)]
pub(super) struct NodeState {
    pub held: ChunkSet,
    /// Held or on its way: a receiver is never sent a chunk twice.
    pub claimed: ChunkSet,
    /// Fixed random rank among peers equally far along, drawn once from the
    /// run's generator, so no peer is favoured by its number.
    pub tiebreak: u32,
    /// This node's place among all nodes by (tiebreak, id): one number that
    /// orders as the pair does.
    pub order: u32,
    pub done_at: Option<SimTime>,
    /// Outgoing connections (open or waiting out latency).
    pub conns: Vec<u32>,
    /// Receivers this node has a connection to, ascending, no duplicates.
    pub targets: Vec<u32>,
    /// Found no one to send to (or, for an extra connection, no receiver
    /// with room). Not retried on mere rate changes; cleared when it gains a
    /// chunk or one of its connections closes, which are what make a
    /// difference. The server is also retried whenever any connection
    /// closes, since it can serve anyone.
    pub stuck: bool,
    /// Already in `to_try`.
    pub queued: bool,
    /// Incoming connections (open or waiting out latency).
    pub incoming: u32,
    /// Outgoing connections still waiting out their latency, and the upload
    /// they are expected to take once open.
    pub pending: u32,
    pub pending_mbps: f64,
    pub chunks_up: u64,
    pub chunks_down: u64,
    /// False while failed by hand (see [`super::faults`]) or not yet
    /// joined.
    pub up: bool,
    /// Has arrived and joined (see [`super::arrivals`]).
    pub joined: bool,
}

/// A file-distribution simulation that the UI can step. Build one with
/// [`DistributionSim::new`]; drive it with the [`Stepper`] methods.
#[derive(Clone, Debug)]
pub struct DistributionSim {
    pub(super) scenario: DistributionScenario,
    pub(super) k: u32,
    pub(super) chunk_mbit: f64,
    pub(super) latency: SimDuration,
    /// Transfers have begun: the `Start` event was handled.
    pub(super) started: bool,
    /// In hybrid, whether the tracker answers: peers that have not yet
    /// asked it cannot begin.
    pub(super) tracker_up: bool,
    /// Nodes failed by hand and not yet revived.
    pub(super) down: u32,
    /// Since when nothing could move while a failed node was down.
    pub(super) stalled_since: Option<SimTime>,
    /// Newcomers turned away while the tracker was down, to ask again.
    pub(super) awaiting_tracker: Vec<u32>,
    /// How many times a newcomer found the tracker down.
    pub(super) joins_refused: u64,
    pub(super) net: Network,
    pub(super) queue: EventQueue<Event>,
    pub(super) rng: Rng,
    pub(super) now: SimTime,
    pub(super) events: u64,
    pub(super) nodes: Vec<NodeState>,
    /// Per chunk: how many peers hold it or are receiving it.
    pub(super) rarity: Vec<u32>,
    pub(super) conns: Vec<Conn>,
    pub(super) free_conns: Vec<u32>,
    pub(super) live_conns: u32,
    /// Peers that still lack an unclaimed chunk, least far along first.
    pub(super) candidates: Candidates,
    /// Node ids by `NodeState::order`.
    pub(super) by_order: Vec<u32>,
    /// Senders to reconsider once rates are recomputed, in the order they
    /// were noted.
    pub(super) to_try: Vec<u32>,
    pub(super) completions: Vec<(SimTime, u32)>,
    pub(super) changed: Vec<FlowId>,
    /// Per node, under tit-for-tat only (see [`super::choke`]).
    pub(super) choke: Vec<PeerChoke>,
}

/// Connections a peer may keep open at once. It opens a further one only
/// while its upload is not already in full use, so most peers keep one or
/// two; the cap bounds the work per event.
pub(super) const PEER_MAX_CONNS: u32 = 8;

impl DistributionSim {
    pub fn new(scenario: DistributionScenario) -> Result<DistributionSim, ValidationError> {
        scenario.validate()?;
        let n = scenario.peers;
        let k = scenario.chunks;
        let mut up = Vec::with_capacity(n as usize + 1);
        let mut down = Vec::with_capacity(n as usize + 1);
        // The server never receives; its download capacity is never used.
        up.push(scenario.server_up_mbps);
        down.push(scenario.server_up_mbps);
        // A download-only client never sends, so its upload link's capacity
        // is never used.
        up.extend_from_slice(&scenario.peer_up_mbps);
        down.extend_from_slice(&scenario.peer_down_mbps);
        let net = Network::new(&up, &down).ok_or_else(|| {
            ValidationError::new(
                "scenario",
                crate::sim::validate::Problem::Invalid { reason: "link capacities are not usable".into() },
            )
        })?;
        let mut rng = Rng::new(scenario.seed);
        let mut nodes = Vec::with_capacity(n as usize + 1);
        for i in 0..=n {
            let (held, claimed) =
                if i == 0 { (ChunkSet::full(k), ChunkSet::full(k)) } else { (ChunkSet::empty(k), ChunkSet::empty(k)) };
            nodes.push(NodeState {
                held,
                claimed,
                tiebreak: rng.next_u32(),
                order: 0,
                done_at: None,
                conns: Vec::new(),
                targets: Vec::new(),
                stuck: false,
                queued: false,
                incoming: 0,
                pending: 0,
                pending_mbps: 0.0,
                chunks_up: 0,
                chunks_down: 0,
                up: true,
                joined: true,
            });
        }
        let tiebreaks: Vec<u32> = nodes.iter().skip(1).map(|s| s.tiebreak).collect();
        let mut keys: Vec<u64> = nodes.iter().zip(0u32..).map(|(s, id)| u64::from(s.tiebreak) << 32 | u64::from(id)).collect();
        keys.sort_unstable();
        let by_order: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
        for (&id, order) in by_order.iter().zip(0u32..) {
            if let Some(node) = nodes.get_mut(id as usize) {
                node.order = order;
            }
        }
        let choke = choke::book(&scenario, &mut rng);
        let candidates = Candidates::new(&tiebreaks, k);
        let latency = SimDuration::from_secs_f64_ceil(scenario.latency_ms / 1000.0);
        // Hybrid peers ask the tracker for the swarm first: one round trip.
        let start_at = match scenario.arch {
            Architecture::Hybrid => SimTime::ZERO + latency + latency,
            _ => SimTime::ZERO,
        };
        let mut queue = EventQueue::new();
        queue.push(start_at, Event::Start);
        let mut sim = DistributionSim {
            k,
            chunk_mbit: scenario.chunk_mbit(),
            latency,
            started: false,
            tracker_up: true,
            down: 0,
            stalled_since: None,
            awaiting_tracker: Vec::new(),
            joins_refused: 0,
            net,
            queue,
            rng,
            now: SimTime::ZERO,
            events: 0,
            nodes,
            rarity: vec![0; k as usize],
            conns: Vec::new(),
            free_conns: Vec::new(),
            live_conns: 0,
            candidates,
            by_order,
            to_try: Vec::new(),
            completions: Vec::new(),
            changed: Vec::new(),
            choke,
            scenario,
        };
        sim.schedule_arrivals();
        Ok(sim)
    }

    pub fn scenario(&self) -> &DistributionScenario {
        &self.scenario
    }

    /// Receivers holding the whole file.
    pub fn completed(&self) -> u32 {
        self.completions.len() as u32
    }

    pub fn network(&self) -> &Network {
        &self.net
    }

    pub(super) fn is_client_server(&self) -> bool {
        self.scenario.arch == Architecture::ClientServer
    }

    fn event_is_current(&self, ev: &Event) -> bool {
        match *ev {
            Event::Start | Event::Arrive { .. } | Event::Joined { .. } | Event::TrackerFails => true,
            Event::ConnUp { conn, gen } => {
                self.conns.get(conn as usize).is_some_and(|c| c.live && c.gen == gen && c.flow.is_none())
            }
            Event::ChunkDone { conn, gen } => {
                self.conns.get(conn as usize).is_some_and(|c| c.live && c.gen == gen && c.flow.is_some())
            }
            Event::Rechoke { peer, gen } | Event::Optimistic { peer, gen } => self.timer_is_current(peer, gen),
        }
    }

    pub(super) fn drop_stale_heads(&mut self) {
        while let Some((_, ev)) = self.queue.peek() {
            if self.event_is_current(ev) {
                break;
            }
            self.queue.pop();
        }
        // Rescheduling leaves superseded entries behind; shed them before
        // they outnumber the live ones.
        let live = self.live_conns as usize + 1;
        if self.queue.len() > 4 * live + 4096 {
            let (conns, choke) = (&self.conns, &self.choke);
            self.queue.retain(|ev| match *ev {
                Event::Start | Event::Arrive { .. } | Event::Joined { .. } | Event::TrackerFails => true,
                Event::ConnUp { conn, gen } | Event::ChunkDone { conn, gen } => {
                    conns.get(conn as usize).is_some_and(|c| c.live && c.gen == gen)
                }
                Event::Rechoke { peer, gen } | Event::Optimistic { peer, gen } => {
                    choke.get(peer as usize).is_some_and(|c| c.armed && c.gen == gen)
                }
            });
        }
    }

    fn handle(&mut self, ev: Event) {
        match ev {
            Event::Start => self.start(),
            Event::Arrive { node } => self.arrive(node),
            Event::Joined { node } => self.join(node),
            Event::TrackerFails => self.tracker_up = false,
            Event::ConnUp { conn, .. } => self.activate(conn),
            Event::ChunkDone { conn, .. } => self.chunk_done(conn),
            Event::Rechoke { peer, .. } => self.on_rechoke(peer),
            Event::Optimistic { peer, .. } => self.on_optimistic(peer),
        }
    }

    /// Transfers begin, unless they already have or (in hybrid) the tracker
    /// is down to introduce the peers; reviving it asks again.
    pub(super) fn start(&mut self) {
        if self.started || !self.tracker_up {
            return;
        }
        self.started = true;
        if self.is_client_server() {
            self.serve_clients(1..=self.scenario.peers);
        } else {
            self.note(SERVER.0);
        }
    }

    /// Client-server: the server opens a connection to each of these
    /// clients that is up and still lacks chunks, if it is up itself.
    pub(super) fn serve_clients(&mut self, clients: impl Iterator<Item = u32>) {
        if !self.nodes.get(SERVER.index()).is_some_and(|s| s.up) {
            return;
        }
        for client in clients {
            let next = self.nodes.get(client as usize).filter(|s| s.up && s.incoming == 0).and_then(|s| s.held.first_missing());
            if let Some(chunk) = next {
                self.open_conn(SERVER.0, client, chunk);
            }
        }
    }

    /// Marks a sender to be reconsidered at the end of the tick.
    pub(super) fn note(&mut self, node: u32) {
        if let Some(s) = self.nodes.get_mut(node as usize) {
            s.stuck = false;
            if !s.queued {
                s.queued = true;
                self.to_try.push(node);
            }
        }
    }

    fn chunk_done(&mut self, c: u32) {
        let Some(conn) = self.conns.get_mut(c as usize) else { return };
        conn.due = None;
        let conn = conn.clone();
        self.deliver(conn.from, conn.to, conn.chunk);
        if self.is_client_server() {
            // Clients take the chunks in order on their one connection.
            let next = self.nodes.get(conn.to as usize).and_then(|s| s.held.first_missing());
            match next {
                Some(chunk) => self.continue_conn(c, chunk),
                None => self.close_conn(c),
            }
            return;
        }
        // The receiver has something new to offer.
        self.note(conn.to);
        if self.chokes(conn.from) {
            return self.keep_sending(c, conn.from, conn.to);
        }
        let alone = self.nodes.get(conn.from as usize).is_some_and(|s| s.conns.len() == 1);
        if !alone {
            // Let the recomputed rates decide whether the sender needs this
            // connection's share again.
            self.close_conn(c);
            self.note(conn.from);
            return;
        }
        match self.pick(conn.from, Some(conn.to), false) {
            Some((to, chunk)) if to == conn.to => self.continue_conn(c, chunk),
            Some((to, chunk)) => {
                self.close_conn(c);
                self.open_conn(conn.from, to, chunk);
            }
            None => {
                self.close_conn(c);
                if let Some(s) = self.nodes.get_mut(conn.from as usize) {
                    s.stuck = true;
                }
            }
        }
    }

    fn deliver(&mut self, from: u32, to: u32, chunk: u32) {
        if let Some(s) = self.nodes.get_mut(from as usize) {
            s.chunks_up += 1;
        }
        let now = self.now;
        let Some(s) = self.nodes.get_mut(to as usize) else { return };
        if !s.held.insert(chunk) {
            return;
        }
        s.chunks_down += 1;
        if s.held.is_complete() && s.done_at.is_none() {
            s.done_at = Some(now);
            self.completions.push((now, to));
        }
        self.on_delivery(from, to);
    }
}

/// A sender opens another connection only while more than this share of its
/// upload is idle: a sliver is not worth a connection.
pub(super) const SPARE_FRACTION: f64 = 0.01;

impl Stepper for DistributionSim {
    fn now(&self) -> SimTime {
        self.now
    }

    fn next_event_time(&self) -> Option<SimTime> {
        self.queue.peek_time()
    }

    /// Handles one event. Rates are recomputed only when the next event is
    /// at a later tick, so many chunks ending at the same tick cost one
    /// recomputation; nothing recomputed can be due at the current tick
    /// except a completion already due, so the order of events is unchanged.
    ///
    /// Never inlined into the loops that call it: the browser runs Wasm in a
    /// quick baseline tier first and swaps in optimised code only between
    /// calls. A run inlined into one long call stays in the baseline tier to
    /// its end (twice as slow); a call per event is optimised after a few
    /// hundred events. See `scripts/wasm-speed.sh`.
    #[inline(never)]
    fn step(&mut self) -> bool {
        let Some((at, ev)) = self.queue.pop() else { return false };
        self.now = self.now.max(at);
        self.events += 1;
        self.handle(ev);
        self.drop_stale_heads();
        if self.queue.peek_time() != Some(self.now) {
            self.settle();
            self.drop_stale_heads();
        }
        true
    }

    fn events_processed(&self) -> u64 {
        self.events
    }

    /// Every receiver has the file, or nothing is left to happen and no
    /// failed node could change that by coming back (see
    /// [`DistributionSim::waiting`]).
    fn is_finished(&self) -> bool {
        self.completed() == self.scenario.peers || (self.queue.is_empty() && !self.waiting())
    }

    /// As the default, and then the clock moves on to `limit` when nothing
    /// is due before it: a node failed or revived by hand acts at the time
    /// the learner sees, not at the last event. A run stalled by a failure
    /// moves no further than its patience allows.
    fn run_until(&mut self, limit: SimTime, budget: u64) -> u64 {
        let mut done = 0;
        while done < budget && self.next_event_time().is_some_and(|t| t <= limit) && self.step() {
            done += 1;
        }
        if done < budget && !self.is_finished() {
            if self.queue.is_empty() && self.stalled_since.is_none() {
                self.stalled_since = Some(self.now);
            }
            let to = self.stalled_since.map_or(limit, |since| limit.min(since + self.patience()));
            self.now = self.now.max(to);
        }
        done
    }
}
