//! The experiment panel's state and its update function, in the Elm shape:
//! messages in, state and effects out. Pure Rust like the bench it drives,
//! so every interaction is tested natively; the Yew component only turns
//! DOM events and animation frames into messages and performs the effects.
//! The panel owns its Lab; a page sends it messages and reads its effects.

use crate::experiment::bench::{Bench, ChartSpec};
use crate::experiment::edits::{EditError, NetworkEdits};
use crate::experiment::goal::Outcome;
use crate::experiment::layout::{place, Point};
use crate::experiment::metric::Metrics;
use crate::experiment::pair::{Pair, Side};
use crate::experiment::param::{Param, Params};
use crate::experiment::side::SideSim;
use crate::experiment::view::NetView;
use crate::sim::node::Role;

/// Real seconds a whole run takes at normal speed.
pub const PLAY_SECONDS: f64 = 10.0;
/// Events each side may process per frame: a few milliseconds of work.
pub const FRAME_EVENT_BUDGET: u64 = 20_000;
/// The fewest events a frame may be given, so a run always moves.
pub const MIN_FRAME_EVENTS: u64 = 1_000;
/// Milliseconds of simulation per frame the budget aims under: with
/// drawing, a frame stays well inside 50 ms.
pub const FRAME_WORK_MS: f64 = 8.0;
/// Frames between refreshes of the (costlier) metrics and charts.
const METRICS_EVERY: u32 = 12;
/// How far one press of "Step" moves the clock, as a share of the run.
pub const STEP_SHARE: f64 = 0.02;
/// Lines kept in the event log; older ones scroll away.
pub const LOG_LINES: usize = 50;
/// A frame longer than this (a background tab) counts as this long, so
/// coming back does not jump the run ahead.
const MAX_FRAME_S: f64 = 0.1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    Slow,
    Normal,
    Fast,
}

impl Speed {
    pub const ALL: [Speed; 3] = [Speed::Slow, Speed::Normal, Speed::Fast];

    fn factor(self) -> f64 {
        match self {
            Speed::Slow => 0.25,
            Speed::Normal => 1.0,
            Speed::Fast => 4.0,
        }
    }

    /// A stable name for the speed control's options.
    pub fn key(self) -> &'static str {
        match self {
            Speed::Slow => "slow",
            Speed::Normal => "normal",
            Speed::Fast => "fast",
        }
    }

    pub fn from_key(key: &str) -> Option<Speed> {
        Speed::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Speed::Slow => "Slow motion",
            Speed::Normal => "Normal",
            Speed::Fast => "Fast",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Paused,
    Playing,
    /// Running as fast as the frame budget allows, to the end.
    Skipping,
    Finished,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LabMsg {
    /// Text typed into a control (checked before it is applied).
    Input(Param, String),
    /// Start over with these parameters (a lesson's "show me").
    Load(Box<Params>),
    /// Start over with this seed.
    Seed(u64),
    Play,
    Pause,
    Step,
    Reset,
    Skip,
    SetSpeed(Speed),
    /// An animation frame, `dt_s` real seconds after the previous one.
    Frame {
        dt_s: f64,
    },
    /// The node picked in one side's node control or drawing.
    Select(Side, u32),
    /// Fail a running node or revive a failed one.
    Toggle(Side, u32),
    Churn(bool),
    /// Keyboard moves between the nodes of one side's drawing.
    Move(Side, Nav),
    /// One more client or peer.
    AddNode,
    /// Take a client or peer (by node id on that side) out of the network.
    RemoveNode(Side, u32),
    /// The smallest network the workload allows, with no edits: build it
    /// up from there node by node.
    FromScratch,
    /// A receiver's own upload (`false`) or download (`true`) typed in.
    Rate {
        user: u32,
        down: bool,
        text: String,
    },
    /// Connect two peers of the flooding side, or cut their link.
    Link(u32, u32),
    /// A peer's own service capacity (requests/s) typed in.
    Capacity { user: u32, text: String },
    /// Whether a client or peer serves others (a peer) or only asks or
    /// downloads (a client, even in a peer-to-peer network).
    PeerRole { user: u32, peer: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Next,
    Prev,
    First,
    Last,
}

/// What the shell must do after an update.
#[derive(Debug, Default, PartialEq)]
pub struct Effects {
    /// Both runs just finished: what they measured.
    pub outcome: Option<Outcome>,
    /// The parameters changed (the sandbox rewrites its address).
    pub params: Option<Params>,
    /// The learner did something (a lesson counts as started).
    pub touched: bool,
    /// Nodes or links were changed by hand (the sandbox rewrites its address).
    pub edits: Option<NetworkEdits>,
    /// The seed changed (the sandbox rewrites its address).
    pub seed: Option<u64>,
}

pub struct Lab {
    bench: Bench,
    seed: u64,
    interactive: bool,
    pub params: Params,
    pub edits: NetworkEdits,
    /// Why the last node edit was refused.
    pub edit_error: Option<EditError>,
    /// Text refused per control, and why.
    pub rejected: Vec<(Param, (String, String))>,
    runs: Option<Pair<Box<dyn SideSim>>>,
    /// Whether each side's nodes can fail by hand (a lab that offers it).
    faults: Pair<bool>,
    pub build_error: Option<String>,
    pub mode: Mode,
    pub speed: Speed,
    clock_s: f64,
    horizon_s: f64,
    /// Events each side may process per frame, fitted to how long frames
    /// take on this machine (`pace`).
    frame_events: u64,
    frames_since_metrics: u32,
    pub views: Pair<NetView>,
    /// Where each side's nodes stand, by node id; placed on each build.
    pub layouts: Pair<Vec<Point>>,
    pub metrics: Pair<Metrics>,
    pub chart: Option<ChartSpec>,
    /// Mbit uploaded per node on each side, the server first (file
    /// distribution only).
    pub uploads: Pair<Vec<f64>>,
    pub selected: Pair<u32>,
    /// What happened, newest last.
    pub log: Vec<String>,
}

impl Lab {
    /// A lab ready to run; instant models are measured at once, so the
    /// effects may already carry an outcome.
    pub fn new(bench: Bench, params: Params, seed: u64, interactive: bool) -> (Lab, Effects) {
        Lab::with_edits(bench, params, NetworkEdits::default(), seed, interactive)
    }

    /// A lab with nodes and links changed by hand (a shared sandbox link),
    /// built once.
    pub fn with_edits(bench: Bench, params: Params, edits: NetworkEdits, seed: u64, interactive: bool) -> (Lab, Effects) {
        let mut lab = Lab {
            bench,
            seed,
            interactive,
            params,
            edits,
            edit_error: None,
            rejected: Vec::new(),
            runs: None,
            faults: Pair::default(),
            build_error: None,
            mode: Mode::Paused,
            speed: Speed::Normal,
            clock_s: 0.0,
            horizon_s: 1.0,
            frame_events: MIN_FRAME_EVENTS,
            frames_since_metrics: 0,
            views: Pair::default(),
            layouts: Pair::default(),
            metrics: Pair::default(),
            chart: None,
            uploads: Pair::default(),
            selected: Pair::default(),
            log: Vec::new(),
        };
        let mut fx = Effects::default();
        lab.rebuild(&mut fx);
        (lab, fx)
    }

    /// Starts over with these parameters and these nodes changed by hand
    /// (a shared sandbox link).
    pub fn reset_edited(&mut self, params: Params, edits: NetworkEdits, seed: u64) -> Effects {
        self.params = params;
        self.edits = edits;
        self.edit_error = None;
        self.seed = seed;
        self.rejected.clear();
        let mut fx = Effects::default();
        self.rebuild(&mut fx);
        fx
    }

    pub fn bench(&self) -> Bench {
        self.bench
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn label(&self, side: Side) -> &'static str {
        self.bench.label(side, &self.params)
    }

    /// What both sides measured, as CSV: one row per metric, raw numbers
    /// (shares as 0..1, times in seconds or milliseconds as labelled).
    pub fn results_csv(&self) -> String {
        let mut out = format!(
            "metric,{},{}\n",
            self.label(Side::Central).replace(',', ";"),
            self.label(Side::Distributed).replace(',', ";")
        );
        let cell = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v}"));
        for m in self.bench.metrics {
            out.push_str(&format!(
                "{},{},{}\n",
                m.label().replace(',', ";"),
                cell(self.metrics[Side::Central].get(*m)),
                cell(self.metrics[Side::Distributed].get(*m))
            ));
        }
        out
    }

    pub fn has_runs(&self) -> bool {
        self.runs.is_some()
    }

    pub fn animating(&self) -> bool {
        matches!(self.mode, Mode::Playing | Mode::Skipping)
    }

    /// The simulated time shown: the later of the two runs.
    pub fn time_s(&self) -> f64 {
        self.runs.as_ref().map_or(0.0, |r| r[Side::Central].now_s().max(r[Side::Distributed].now_s()))
    }

    pub fn can_fail(&self, side: Side) -> bool {
        self.interactive && self.faults[side]
    }

    /// Whether churn is on, for a workload that has it (and a lab that
    /// offers the switch).
    pub fn churn(&self) -> Option<bool> {
        self.runs.as_ref().and_then(|r| r[Side::Distributed].churn()).filter(|_| self.interactive)
    }

    /// How far through its run the lab is, 0..1 (for a progress bar).
    pub fn progress(&self) -> f64 {
        if self.mode == Mode::Finished {
            return 1.0;
        }
        let p = self.time_s() / self.horizon_s;
        if p.is_finite() {
            p.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// The state in words, as the panel shows it.
    pub fn status(&self) -> &'static str {
        match self.mode {
            Mode::Finished => "Finished",
            Mode::Playing => "Running",
            Mode::Skipping => "Running to the end",
            Mode::Paused if self.clock_s == 0.0 => "Ready",
            Mode::Paused => "Paused",
        }
    }

    /// The state as a stable key, for tests and styles: never the words.
    pub fn state_key(&self) -> &'static str {
        match self.mode {
            Mode::Finished => "finished",
            Mode::Playing => "running",
            Mode::Skipping => "skipping",
            Mode::Paused if self.clock_s == 0.0 => "ready",
            Mode::Paused => "paused",
        }
    }

    fn finished(&self) -> bool {
        self.runs.as_ref().is_some_and(|r| r.iter().all(|s| s.is_finished()))
    }

    fn rebuild(&mut self, fx: &mut Effects) {
        self.clock_s = 0.0;
        self.frame_events = MIN_FRAME_EVENTS;
        self.mode = Mode::Paused;
        self.log.clear();
        if let Some(users) = self.bench.size.map(|p| self.bench.complete(&self.params).count_or(p, 0)) {
            let before = self.edits.clone();
            self.edits.truncate(users, self.bench.needs_a_peer());
            // Edits of nodes that no longer exist are gone for good: the
            // sandbox must forget them too, or a bigger network revives them.
            if self.edits != before {
                fx.edits = Some(self.edits.clone());
            }
        }
        match self.bench.start_edited(&self.params, &self.edits, self.seed) {
            Ok(mut runs) => {
                for side in Side::BOTH {
                    self.faults[side] = runs[side].can_fail();
                }
                let h = runs.iter().map(|r| r.horizon_s()).fold(0.0, f64::max);
                self.horizon_s = if h.is_finite() && h > 0.0 { h } else { 1.0 };
                self.build_error = None;
                self.runs = Some(runs);
            }
            Err(e) => {
                self.build_error = Some(e.to_string());
                self.runs = None;
                self.faults = Pair::default();
            }
        }
        self.refresh(true);
        for side in Side::BOTH {
            // Roles are fixed for a run, so nodes are placed once per build.
            let roles: Vec<Role> = self.views[side].nodes.iter().map(|n| n.role).collect();
            self.layouts[side] = place(&roles);
            let ids = &self.views[side].nodes;
            if !ids.iter().any(|n| n.id == self.selected[side]) {
                self.selected[side] = ids.last().map_or(0, |n| n.id);
            }
        }
        if self.finished() {
            // Instant models have nothing to animate.
            self.finish(fx);
        }
    }

    fn refresh(&mut self, with_metrics: bool) {
        let Some(runs) = &self.runs else {
            self.views = Pair::default();
            self.metrics = Pair::default();
            self.chart = None;
            self.uploads = Pair::default();
            return;
        };
        for side in Side::BOTH {
            runs[side].draw(&mut self.views[side]);
        }
        if with_metrics {
            self.metrics = runs.map(|r| self.bench.measure(r.as_ref()));
            self.chart = self.bench.chart(runs, &self.params);
            self.uploads = runs.map(|r| r.uploads());
            self.frames_since_metrics = 0;
        }
    }

    fn note(&mut self, line: String) {
        if !self.interactive {
            return;
        }
        self.log.push(line);
        if self.log.len() > LOG_LINES {
            self.log.remove(0);
        }
    }

    /// Called once both runs are at their end and just measured.
    fn finish(&mut self, fx: &mut Effects) {
        self.mode = Mode::Finished;
        let summary: Vec<String> = Side::BOTH
            .into_iter()
            .filter_map(|side| {
                let m = self.bench.metrics.first()?;
                let v = self.metrics[side].get(*m)?;
                Some(format!("{} {}: {}", self.label(side), m.label().to_ascii_lowercase(), m.format(v)))
            })
            .collect();
        self.note(format!("t = {:.1} s: finished. {}", self.time_s(), summary.join("; ")));
        let Pair([central, distributed]) = self.metrics.clone();
        fx.outcome = Some(Outcome { params: self.params.clone(), central, distributed });
    }

    fn advance(&mut self) {
        let to = self.clock_s;
        if let Some(runs) = &mut self.runs {
            for side in runs.iter_mut() {
                side.advance_to(to, self.frame_events);
            }
        }
    }

    /// Fits the per-frame event budget to the time the last frame's
    /// simulation took: halved when it ran long (a slow machine), grown
    /// slowly while frames are quick. Each run starts at the floor, since
    /// its first frames run in code the browser has not yet optimised. A
    /// run that falls behind the clock catches up over later frames.
    pub fn pace(&mut self, took_ms: f64) {
        self.frame_events = if took_ms > FRAME_WORK_MS {
            self.frame_events / 2
        } else if took_ms < FRAME_WORK_MS / 2.0 {
            self.frame_events + self.frame_events / 4
        } else {
            self.frame_events
        }
        .clamp(MIN_FRAME_EVENTS, FRAME_EVENT_BUDGET);
    }

    /// The client or peer index of a node of one side (hubs have none).
    pub fn user_of(&self, side: Side, node: u32) -> Option<u32> {
        let users = self.views[side].nodes.iter().filter(|n| !n.role.is_hub());
        users.map(|n| n.id).position(|id| id == node).map(|i| i as u32)
    }

    /// The node of one side that is client or peer number `user`.
    pub fn node_of(&self, side: Side, user: u32) -> Option<u32> {
        self.views[side].nodes.iter().filter(|n| !n.role.is_hub()).nth(user as usize).map(|n| n.id)
    }

    /// A receiver's upload and download (Mbps), as the run uses them.
    pub fn rates(&self, user: u32) -> (f64, f64) {
        self.bench.receiver_rates(&self.params, &self.edits, user)
    }

    /// Whether client or peer `user` serves others (uploads, or answers).
    pub fn serves(&self, user: u32) -> bool {
        !self.edits.is_client(user)
    }

    /// A peer's service capacity (requests/s), as the run uses it.
    pub fn capacity(&self, user: u32) -> f64 {
        self.bench.peer_capacity(&self.params, &self.edits, user)
    }

    /// Whether two nodes of one side are overlay neighbours.
    pub fn linked(&self, side: Side, a: u32, b: u32) -> bool {
        self.views[side].edges.iter().any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
    }

    /// Can nodes be added, removed and built from scratch here?
    pub fn can_build(&self) -> bool {
        self.interactive && self.bench.size.is_some()
    }

    fn resize(&mut self, by: i32, fx: &mut Effects) -> bool {
        let Some(param) = self.bench.size else {
            return false;
        };
        let now = self.bench.complete(&self.params).count_or(param, 0);
        let next = f64::from(now) + f64::from(by);
        match param.spec().check(param, next) {
            Ok(v) => {
                self.params.set(param, v);
                fx.params = Some(self.params.clone());
                true
            }
            Err(e) => {
                self.edit_error = Some(EditError::Value(e));
                false
            }
        }
    }

    fn edited(&mut self, fx: &mut Effects) {
        fx.touched = true;
        fx.edits = Some(self.edits.clone());
        self.rebuild(fx);
    }

    pub fn update(&mut self, msg: LabMsg) -> Effects {
        let mut fx = Effects::default();
        if !matches!(msg, LabMsg::Frame { .. } | LabMsg::Move(..)) {
            self.edit_error = None;
        }
        match msg {
            LabMsg::Input(param, text) => {
                fx.touched = true;
                self.rejected.retain(|(p, _)| *p != param);
                match param.spec().parse(param, &text) {
                    Ok(v) if self.params.get(param) != Some(v) => {
                        self.params.set(param, v);
                        fx.params = Some(self.params.clone());
                        self.rebuild(&mut fx);
                    }
                    Ok(_) => {}
                    Err(e) => self.rejected.push((param, (text, e.message))),
                }
            }
            LabMsg::Load(params) => {
                fx.touched = true;
                self.rejected.clear();
                self.params = *params;
                fx.params = Some(self.params.clone());
                self.rebuild(&mut fx);
            }
            LabMsg::Seed(seed) => {
                if seed != self.seed {
                    self.seed = seed;
                    fx.seed = Some(seed);
                    self.rebuild(&mut fx);
                }
            }
            LabMsg::Play => {
                fx.touched = true;
                if self.mode == Mode::Finished {
                    self.rebuild(&mut fx);
                }
                if self.runs.is_some() && !self.finished() {
                    self.mode = Mode::Playing;
                }
            }
            LabMsg::Skip => {
                fx.touched = true;
                if self.runs.is_some() && !self.finished() {
                    self.mode = Mode::Skipping;
                }
            }
            LabMsg::Pause => {
                if self.animating() {
                    self.mode = Mode::Paused;
                }
                // After "skip to end" the clock was pushed to the far future;
                // bring it back to where the runs are, so Play plays.
                self.clock_s = self.time_s();
                self.refresh(true);
            }
            LabMsg::Step => {
                fx.touched = true;
                if self.mode == Mode::Finished || self.runs.is_none() {
                    return fx;
                }
                self.mode = Mode::Paused;
                self.clock_s = self.time_s() + self.horizon_s * STEP_SHARE;
                self.advance();
                self.refresh(true);
                if self.finished() {
                    self.finish(&mut fx);
                }
            }
            LabMsg::Reset => self.rebuild(&mut fx),
            LabMsg::SetSpeed(speed) => self.speed = speed,
            LabMsg::Frame { dt_s } => {
                if !self.animating() {
                    return fx;
                }
                let dt_s = if dt_s.is_finite() { dt_s.clamp(0.0, MAX_FRAME_S) } else { 0.0 };
                if self.mode == Mode::Skipping {
                    self.clock_s = f64::MAX / 4.0;
                } else {
                    self.clock_s += dt_s * self.horizon_s / PLAY_SECONDS * self.speed.factor();
                }
                self.advance();
                self.frames_since_metrics += 1;
                let done = self.finished();
                self.refresh(done || self.frames_since_metrics >= METRICS_EVERY);
                if done {
                    self.finish(&mut fx);
                }
            }
            LabMsg::Select(side, node) => self.selected[side] = node,
            LabMsg::Toggle(side, node) => {
                if !self.can_fail(side) {
                    return fx;
                }
                let Some(run) = self.runs.as_mut().map(|r| &mut r[side]) else {
                    return fx;
                };
                let Some(up) = run.toggle(node) else {
                    return fx;
                };
                let t = run.now_s();
                let role = self.views[side].nodes.iter().find(|n| n.id == node).map_or("node", |n| n.role.label());
                let who = self.label(side);
                self.note(format!("t = {t:.1} s: {who}: {role} {node} {}", if up { "revived" } else { "failed" }));
                self.refresh(true);
            }
            LabMsg::Move(side, nav) => {
                let ids: Vec<u32> = self.views[side].nodes.iter().map(|n| n.id).collect();
                let at = ids.iter().position(|&id| id == self.selected[side]).unwrap_or(0);
                let to = match nav {
                    Nav::Next => (at + 1).min(ids.len().saturating_sub(1)),
                    Nav::Prev => at.saturating_sub(1),
                    Nav::First => 0,
                    Nav::Last => ids.len().saturating_sub(1),
                };
                if let Some(&id) = ids.get(to) {
                    self.selected[side] = id;
                }
            }
            LabMsg::AddNode => {
                if self.can_build() && self.resize(1, &mut fx) {
                    self.edited(&mut fx);
                    for side in Side::BOTH {
                        self.selected[side] = self.views[side].nodes.last().map_or(0, |n| n.id);
                    }
                    let count = self.views[Side::Distributed].nodes.iter().filter(|n| !n.role.is_hub()).count();
                    self.note(format!("added a node: {count} clients or peers now"));
                }
            }
            LabMsg::RemoveNode(side, node) => {
                let Some(user) = self.user_of(side, node) else {
                    self.edit_error = Some(EditError::HubStays);
                    return fx;
                };
                if self.can_build() && self.resize(-1, &mut fx) {
                    self.edits.remove_user(user);
                    self.edited(&mut fx);
                    self.note(format!("removed node {node}; the nodes after it move down one place"));
                }
            }
            LabMsg::FromScratch => {
                let Some(param) = self.bench.size.filter(|_| self.can_build()) else {
                    return fx;
                };
                self.params.set(param, param.spec().min);
                self.edits = NetworkEdits::default();
                fx.params = Some(self.params.clone());
                self.edited(&mut fx);
                self.note("started from scratch: add nodes one at a time".into());
            }
            LabMsg::Rate { user, down, text } => {
                if !self.bench.rates_editable() || !self.interactive {
                    return fx;
                }
                let param = if down { Param::PeerDownMbps } else { Param::PeerUpMbps };
                let value = match param.spec().parse(param, &text) {
                    Ok(v) => v,
                    Err(e) => {
                        self.edit_error = Some(EditError::Value(e));
                        return fx;
                    }
                };
                let now = self.rates(user);
                let (up, dn) = if down { (now.0, value) } else { (value, now.1) };
                if (up, dn) == now {
                    return fx;
                }
                match self.edits.set_rates(user, up, dn) {
                    Ok(()) => self.edited(&mut fx),
                    Err(e) => self.edit_error = Some(e),
                }
            }
            LabMsg::PeerRole { user, peer } => {
                let Some(words) = self.bench.role_words() else {
                    return fx;
                };
                if !self.interactive || self.serves(user) == peer {
                    return fx;
                }
                let users = self.views[Side::Distributed].nodes.iter().filter(|n| !n.role.is_hub()).count();
                if !peer && words.needs_a_peer && self.edits.clients.len() + 1 >= users {
                    self.edit_error = Some(EditError::LastPeer);
                    return fx;
                }
                match self.edits.set_client(user, !peer) {
                    Ok(()) => {
                        self.edited(&mut fx);
                        let what = if peer { words.became_peer } else { words.became_client };
                        self.note(format!("node {} {what}", self.node_of(Side::Distributed, user).unwrap_or(user)));
                    }
                    Err(e) => self.edit_error = Some(e),
                }
            }
            LabMsg::Capacity { user, text } => {
                if !self.bench.capacity_editable() || !self.interactive {
                    return fx;
                }
                let result = Param::PeerCapacity.spec().parse(Param::PeerCapacity, &text).map_err(EditError::Value).and_then(|v| {
                    // Compared as stored, to a thousandth.
                    let v = (v * 1000.0).round() / 1000.0;
                    if v == self.capacity(user) {
                        Ok(false)
                    } else {
                        self.edits.set_capacity(user, v).map(|_| true)
                    }
                });
                match result {
                    Ok(true) => {
                        self.edited(&mut fx);
                        self.note(format!("peer {user} serves {} requests/s now", self.capacity(user)));
                    }
                    Ok(false) => {}
                    Err(e) => self.edit_error = Some(e),
                }
            }
            LabMsg::Link(a, b) => {
                let side = Side::Distributed;
                let editable = self.bench.links_editable(&self.params) && self.interactive;
                let (Some(ua), Some(ub)) = (self.user_of(side, a), self.user_of(side, b)) else {
                    return fx;
                };
                if !editable {
                    return fx;
                }
                let want = !self.linked(side, a, b);
                // Forgetting a hand-made state may be enough: the generated
                // overlay (for this seed and size) may already be as wanted.
                if self.edits.forget_link(ua, ub) {
                    self.rebuild(&mut fx);
                }
                if self.linked(side, a, b) != want {
                    if let Err(e) = self.edits.set_link(ua, ub, want) {
                        self.edit_error = Some(e);
                        return fx;
                    }
                }
                self.edited(&mut fx);
                self.note(format!("peers {a} and {b} {}", if want { "connected" } else { "disconnected" }));
            }
            LabMsg::Churn(on) => {
                if self.churn().is_none() {
                    return fx;
                }
                let Some(runs) = self.runs.as_mut() else {
                    return fx;
                };
                for r in runs.iter_mut() {
                    r.set_churn(on);
                }
                let t = self.time_s();
                self.note(format!("t = {t:.1} s: churn {}", if on { "on: peers come and go" } else { "off: everyone stays put" }));
                self.refresh(true);
            }
        }
        fx
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::bench::{CHURN, COST, DISTRIBUTION, LOOKUP, ROLE, SERVICE};
    use crate::experiment::Metric;

    const C: Side = Side::Central;
    const D: Side = Side::Distributed;

    /// The distribution bench at 10 receivers, the size these tests count on.
    fn ten() -> Params {
        Params::from_pairs(&[(Param::Receivers, 10.0)])
    }

    fn play_to_end(lab: &mut Lab) -> (u32, Option<Outcome>) {
        lab.update(LabMsg::Play);
        for frame in 1..=100_000 {
            let fx = lab.update(LabMsg::Frame { dt_s: 1.0 / 60.0 });
            if fx.outcome.is_some() {
                return (frame, fx.outcome);
            }
        }
        (0, None)
    }

    #[test]
    fn playing_takes_about_ten_seconds_of_frames_and_reports_once() {
        let (mut lab, fx) = Lab::new(ROLE, Params::default(), 1, false);
        assert_eq!(fx.outcome, None);
        assert_eq!(lab.status(), "Ready");
        let (frames, outcome) = play_to_end(&mut lab);
        assert!(
            (500..=700).contains(&frames),
            "{frames} frames at 60 per second"
        );
        assert_eq!(lab.mode, Mode::Finished);
        assert!(outcome
            .unwrap()
            .distributed
            .get(Metric::BusiestShare)
            .is_some());
        assert_eq!(
            lab.update(LabMsg::Frame { dt_s: 0.016 }),
            Effects::default(),
            "no second outcome"
        );
    }

    #[test]
    fn a_refused_value_is_explained_and_changes_nothing() {
        let (mut lab, _) = Lab::new(ROLE, Params::default(), 1, false);
        lab.update(LabMsg::Step);
        let t = lab.time_s();
        let fx = lab.update(LabMsg::Input(Param::Nodes, "400".into()));
        assert!(fx.touched && fx.params.is_none());
        assert!(lab.rejected[0].1 .1.contains("between 2 and 40"));
        assert_eq!(lab.time_s(), t, "the run goes on untouched");
        let fx = lab.update(LabMsg::Input(Param::Nodes, "12".into()));
        assert_eq!(fx.params.and_then(|p| p.get(Param::Nodes)), Some(12.0));
        assert!(lab.rejected.is_empty());
        assert_eq!(
            (lab.time_s(), lab.status()),
            (0.0, "Ready"),
            "a new value starts over"
        );
    }

    #[test]
    fn step_moves_a_fiftieth_of_the_run_and_pause_after_skip_plays_normally() {
        let (mut lab, _) = Lab::new(CHURN, Params::default(), 1, true);
        lab.update(LabMsg::Step);
        let step = lab.time_s();
        assert!(step > 0.0 && step <= 1_800.0 * STEP_SHARE + 1e-6, "{step}");
        lab.update(LabMsg::Skip);
        lab.update(LabMsg::Frame { dt_s: 0.016 });
        lab.update(LabMsg::Pause);
        let paused_at = lab.time_s();
        lab.update(LabMsg::Play);
        lab.update(LabMsg::Frame { dt_s: 0.05 });
        let moved = lab.time_s() - paused_at;
        assert!(
            moved <= 0.05 * 1_800.0 / PLAY_SECONDS + 1.0,
            "normal pace after a paused skip, moved {moved}"
        );
    }

    #[test]
    fn failing_the_server_is_logged_and_fails_requests() {
        let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
        assert!(lab.can_fail(C) && lab.can_fail(D));
        lab.update(LabMsg::Step);
        lab.update(LabMsg::Toggle(C, 0));
        assert!(
            lab.log
                .last()
                .unwrap()
                .contains("Client-server: server 0 failed"),
            "{:?}",
            lab.log
        );
        lab.update(LabMsg::Skip);
        let mut outcome = None;
        for _ in 0..10_000 {
            if let Some(o) = lab.update(LabMsg::Frame { dt_s: 0.016 }).outcome {
                outcome = Some(o);
                break;
            }
        }
        let failed = outcome.unwrap().central.get(Metric::FailedShare).unwrap();
        assert!(failed > 0.9, "{failed}");
        assert!(lab.log.last().unwrap().contains("finished"));
    }

    #[test]
    fn lessons_do_not_offer_faults_and_models_finish_at_once() {
        let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, false);
        assert!(!lab.can_fail(C));
        lab.update(LabMsg::Toggle(C, 0));
        assert!(lab.log.is_empty());
        let (lab, fx) = Lab::new(COST, Params::default(), 1, false);
        assert_eq!(lab.mode, Mode::Finished);
        assert!(fx.outcome.is_some());
    }

    #[test]
    fn the_hybrid_switch_runs_an_index_beside_the_peers() {
        for bench in [
            SERVICE,
            LOOKUP,
            CHURN,
            DISTRIBUTION,
        ] {
            let params = Params::from_pairs(&[(Param::Hybrid, 1.0)]);
            let (lab, _) = Lab::new(bench, params, 1, true);
            assert!(
                lab.label(Side::Distributed).starts_with("Hybrid"),
                "{bench:?}"
            );
            assert!(
                lab.views[D]
                    .nodes
                    .iter()
                    .any(|n| n.role == crate::sim::node::Role::Index),
                "{bench:?} draws its index or tracker"
            );
            let (plain, _) = Lab::new(bench, Params::default(), 1, true);
            assert_eq!(
                plain.label(Side::Distributed),
                bench.sides.distributed
            );
        }
    }

    #[test]
    fn results_export_as_csv() {
        let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
        play_to_end(&mut lab);
        let csv = lab.results_csv();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[0], "metric,Client-server,Peer-to-peer");
        assert_eq!(rows.len(), 1 + DISTRIBUTION.metrics.len());
        assert!(
            rows[1].starts_with("Time to send the file to all,80,"),
            "{}",
            rows[1]
        );
    }

    #[test]
    fn churn_switches_off_and_on() {
        let (mut lab, _) = Lab::new(CHURN, Params::default(), 1, true);
        assert_eq!(lab.churn(), Some(true));
        lab.update(LabMsg::Churn(false));
        assert_eq!(lab.churn(), Some(false));
        assert!(lab.log.last().unwrap().contains("churn off"));
        let (lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
        assert_eq!(lab.churn(), None);
    }

    fn users(lab: &Lab, side: Side) -> usize {
        lab.views[side]
            .nodes
            .iter()
            .filter(|n| !n.role.is_hub())
            .count()
    }

    #[test]
    fn a_network_is_built_node_by_node_from_scratch() {
        let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
        let fx = lab.update(LabMsg::FromScratch);
        assert_eq!(fx.params.and_then(|p| p.get(Param::Clients)), Some(1.0));
        assert_eq!(lab.build_error, None);
        assert_eq!((users(&lab, C), users(&lab, D)), (1, 1));
        for _ in 0..3 {
            lab.update(LabMsg::AddNode);
        }
        assert_eq!((users(&lab, C), users(&lab, D)), (4, 4));
        assert_eq!(
            lab.selected[C],
            lab.views[C].nodes.last().unwrap().id,
            "the new node is selected"
        );
        assert!(lab.log.last().unwrap().contains("4 clients or peers"));
        let last = lab.selected[D];
        let fx = lab.update(LabMsg::RemoveNode(D, last));
        assert_eq!(fx.params.and_then(|p| p.get(Param::Clients)), Some(3.0));
        assert_eq!(users(&lab, D), 3);
        // The server is not a client to remove, and the smallest network stays.
        lab.update(LabMsg::RemoveNode(C, 0));
        assert!(lab.edit_error.as_ref().unwrap().to_string()
            .contains("cannot be removed"));
        assert_eq!(users(&lab, C), 3);
        lab.update(LabMsg::FromScratch);
        let only = lab.node_of(C, 0).unwrap();
        lab.update(LabMsg::RemoveNode(C, only));
        assert!(
            lab.edit_error.is_some(),
            "below the minimum is refused with a reason"
        );
        assert_eq!(users(&lab, C), 1);
    }

    #[test]
    fn keyboard_moves_between_nodes_and_stops_at_the_ends() {
        let (mut lab, _) = Lab::new(CHURN, Params::default(), 1, true);
        lab.update(LabMsg::Move(C, Nav::First));
        let first = lab.views[C].nodes[0].id;
        assert_eq!(lab.selected[C], first);
        lab.update(LabMsg::Move(C, Nav::Prev));
        assert_eq!(lab.selected[C], first);
        lab.update(LabMsg::Move(C, Nav::Next));
        assert_eq!(lab.selected[C], lab.views[C].nodes[1].id);
        lab.update(LabMsg::Move(C, Nav::Last));
        lab.update(LabMsg::Move(C, Nav::Next));
        assert_eq!(lab.selected[C], lab.views[C].nodes.last().unwrap().id);
    }

    #[test]
    fn one_slow_receiver_slows_client_server_to_its_download() {
        let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
        let (_, before) = play_to_end(&mut lab);
        let before = before.unwrap().central.get(Metric::CompletionS).unwrap();
        let fx = lab.update(LabMsg::Rate {
            user: 2,
            down: true,
            text: "1".into(),
        });
        assert_eq!(
            fx.edits
                .as_ref()
                .and_then(|e| e.rates_of(2))
                .map(|r| r.down_mbps),
            Some(1.0)
        );
        let (_, after) = play_to_end(&mut lab);
        let after = after.unwrap().central.get(Metric::CompletionS).unwrap();
        // 800 Mbit at 1 Mbps: F/d_min = 800 s, far beyond NF/u_s = 80 s.
        assert!(
            (before - 80.0).abs() < 1.0 && (after - 800.0).abs() < 1.0,
            "{before} then {after}"
        );
        let fx = lab.update(LabMsg::Rate {
            user: 2,
            down: false,
            text: "-3".into(),
        });
        assert!(
            fx.edits.is_none() && lab.edit_error.is_some(),
            "a bad speed is explained, not applied"
        );
    }

    #[test]
    fn overlay_links_are_connected_and_cut_on_the_flooding_side() {
        let (mut lab, _) = Lab::new(LOOKUP, Params::default(), 1, true);
        let (a, b) = (lab.node_of(D, 0).unwrap(), lab.node_of(D, 1).unwrap());
        let was = lab.linked(D, a, b);
        let fx = lab.update(LabMsg::Link(a, b));
        assert!(fx.edits.is_some());
        assert_eq!(lab.linked(D, a, b), !was);
        assert!(lab
            .log
            .last()
            .unwrap()
            .contains(if was { "disconnected" } else { "connected" }));
        lab.update(LabMsg::Link(a, b));
        assert_eq!(lab.linked(D, a, b), was);
        assert!(lab.edits.is_empty(), "undoing forgets the edit");
        // Lessons cannot edit; the index side has no overlay to edit.
        let (mut lesson, _) = Lab::new(LOOKUP, Params::default(), 1, false);
        assert!(lesson.update(LabMsg::Link(a, b)).edits.is_none());
    }

    #[test]
    fn uploads_per_node_show_who_did_the_sending() {
        let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
        assert!(lab.progress() == 0.0);
        play_to_end(&mut lab);
        assert_eq!(lab.progress(), 1.0);
        let Pair([cs, p2p]) = &lab.uploads;
        // 10 receivers of an 800 Mbit file: 8,000 Mbit leave some uploader.
        assert!((cs.iter().sum::<f64>() - 8_000.0).abs() < 1e-6);
        assert!((p2p.iter().sum::<f64>() - 8_000.0).abs() < 1e-6);
        assert_eq!(cs.len(), 11);
        assert!(cs[1..].iter().all(|&m| m == 0.0), "clients upload nothing");
        assert!(
            p2p[1..].iter().all(|&m| m > 0.0),
            "every peer passes chunks on"
        );
        assert!(
            p2p[0] < cs[0],
            "so the server sends less than it must alone"
        );
        let (lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
        assert!(lab.uploads.iter().all(Vec::is_empty));
    }

    #[test]
    fn a_receiver_can_be_made_a_download_only_client_and_back() {
        let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
        let node = lab.node_of(D, 3).unwrap();
        let fx = lab.update(LabMsg::PeerRole { user: 3, peer: false });
        assert_eq!(fx.edits.map(|e| e.is_client(3)), Some(true));
        let role = |lab: &Lab| lab.views[D].nodes.iter().find(|n| n.id == node).unwrap().role;
        assert_eq!(role(&lab), crate::sim::node::Role::Client);
        play_to_end(&mut lab);
        assert_eq!(lab.uploads[D][node as usize], 0.0, "it passed nothing on");
        lab.update(LabMsg::PeerRole { user: 3, peer: true });
        assert_eq!(role(&lab), crate::sim::node::Role::Peer);
        assert_eq!(lab.rates(3).0, 10.0);
        assert!(lab.edits.is_empty(), "a peer again, as if never changed");
    }

    #[test]
    fn every_sandbox_workload_builds_from_scratch_and_grows() {
        for bench in [DISTRIBUTION, SERVICE, LOOKUP, CHURN] {
            let (mut lab, _) = Lab::new(bench, Params::default(), 1, true);
            lab.update(LabMsg::FromScratch);
            assert_eq!(lab.build_error, None, "{bench:?} from scratch");
            for _ in 0..3 {
                lab.update(LabMsg::AddNode);
            }
            assert_eq!(lab.build_error, None, "{bench:?} grown");
            let last = lab.views[D].nodes.last().unwrap().id;
            lab.update(LabMsg::RemoveNode(D, last));
            assert_eq!(lab.build_error, None, "{bench:?} shrunk");
        }
    }

    #[test]
    fn cutting_a_link_cuts_it_even_over_a_stale_edit() {
        let (mut lab, _) = Lab::new(LOOKUP, Params::default(), 1, true);
        let &(a, b) = lab.views[D].edges.first().unwrap();
        let (ua, ub) = (lab.user_of(D, a).unwrap(), lab.user_of(D, b).unwrap());
        // A "connect" edit for a pair the generated overlay links anyway,
        // as after a new seed or size.
        let mut edits = NetworkEdits::default();
        edits.set_link(ua, ub, true).unwrap();
        lab.reset_edited(lab.params.clone(), edits, 1);
        assert!(lab.linked(D, a, b));
        lab.update(LabMsg::Link(a, b));
        assert!(!lab.linked(D, a, b), "the link is really cut");
        assert!(lab.log.last().unwrap().contains("disconnected"));
    }

    #[test]
    fn edits_of_removed_nodes_are_forgotten_by_the_sandbox_too() {
        let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
        let mut edits = NetworkEdits::default();
        edits.set_rates(9, 1.0, 1.0).unwrap();
        lab.reset_edited(lab.params.clone(), edits, 1);
        let fx = lab.update(LabMsg::Input(Param::Receivers, "5".into()));
        assert_eq!(fx.edits, Some(NetworkEdits::default()));
    }

    #[test]
    fn a_peer_given_more_capacity_cuts_the_swarms_latency() {
        let mut params = Params::default();
        params.set(Param::PeerCapacity, 5.0);
        params.set(Param::Clients, 10.0);
        let (mut lab, _) = Lab::new(SERVICE, params, 1, true);
        let (_, before) = play_to_end(&mut lab);
        let before = before.unwrap().distributed.get(Metric::P95LatencyMs).unwrap();
        for user in 0..10 {
            lab.update(LabMsg::Capacity { user, text: "200".into() });
        }
        assert_eq!(lab.capacity(3), 200.0);
        assert!(lab.log.last().unwrap().contains("serves 200 requests/s"));
        let (_, after) = play_to_end(&mut lab);
        let after = after.unwrap().distributed.get(Metric::P95LatencyMs).unwrap();
        assert!(after < before / 3.0, "p95 {after} ms after, {before} ms before");
        let fx = lab.update(LabMsg::Capacity { user: 3, text: "0".into() });
        assert!(fx.edits.is_none() && lab.edit_error.as_ref().unwrap().to_string().contains("between"));
    }

    #[test]
    fn a_peer_that_only_asks_is_a_client_in_the_swarm() {
        let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
        let node = lab.node_of(D, 2).unwrap();
        let fx = lab.update(LabMsg::PeerRole { user: 2, peer: false });
        assert_eq!(fx.edits.map(|e| e.clients), Some(vec![2]));
        assert!(!lab.serves(2));
        let view = |lab: &Lab| lab.views[D].nodes.iter().find(|n| n.id == node).cloned().unwrap();
        assert_eq!(view(&lab).role, crate::sim::node::Role::Client);
        play_to_end(&mut lab);
        assert_eq!(view(&lab).badge, "", "it answered no one");
        lab.update(LabMsg::PeerRole { user: 2, peer: true });
        assert!(lab.serves(2) && lab.edits.is_empty());
        lab.update(LabMsg::FromScratch);
        lab.update(LabMsg::AddNode);
        lab.update(LabMsg::PeerRole { user: 0, peer: false });
        lab.update(LabMsg::PeerRole { user: 1, peer: false });
        assert!(lab.edit_error.as_ref().unwrap().to_string().contains("at least one peer"));
        assert_eq!((lab.edits.clients.clone(), lab.build_error.clone()), (vec![0], None));
    }

    #[test]
    fn removing_the_last_serving_peer_makes_everyone_serve_again() {
        let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
        lab.update(LabMsg::FromScratch);
        lab.update(LabMsg::AddNode);
        lab.update(LabMsg::PeerRole { user: 0, peer: false });
        assert_eq!(lab.edits.clients, vec![0]);
        let serving = lab.node_of(D, 1).unwrap();
        let fx = lab.update(LabMsg::RemoveNode(D, serving));
        assert_eq!(fx.edits.map(|e| e.clients), Some(Vec::new()), "the sandbox hears of it");
        assert_eq!(lab.build_error, None);
        assert!(lab.serves(0));
    }

    #[test]
    fn the_frame_budget_shrinks_on_slow_frames_and_recovers() {
        let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
        assert_eq!(lab.frame_events, MIN_FRAME_EVENTS, "a run starts gently");
        for _ in 0..40 {
            lab.pace(1.0);
        }
        assert_eq!(lab.frame_events, FRAME_EVENT_BUDGET);
        lab.pace(30.0);
        assert_eq!(lab.frame_events, FRAME_EVENT_BUDGET / 2);
        for _ in 0..20 {
            lab.pace(40.0);
        }
        assert_eq!(lab.frame_events, MIN_FRAME_EVENTS, "never below the floor");
        lab.pace(6.0);
        assert_eq!(lab.frame_events, MIN_FRAME_EVENTS, "kept while in the target band");
        for _ in 0..40 {
            lab.pace(1.0);
        }
        assert_eq!(lab.frame_events, FRAME_EVENT_BUDGET, "back to the full budget");
    }
}
