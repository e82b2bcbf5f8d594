//! The experiment panel's state and its update function, in the Elm shape:
//! messages in, state and effects out. Pure Rust like the bench it drives,
//! so every interaction is tested natively; the Yew component only turns
//! DOM events and animation frames into messages and performs the effects.
//! The panel owns its Lab; a page sends it messages and reads its effects.
//!
//! The Lab is in parts, each in its own file: the transport (the clock and
//! its pace), network editing, the selection, the event log and the
//! picture. This file holds the setup and the runs, and routes messages.

mod legend;
mod log;
mod network;
mod picture;
mod selection;
mod transport;
#[cfg(test)]
mod tests;

pub use log::{EventLog, LOG_LINES};
pub use network::{Change, EditMsg, Network};
pub use picture::{Measure, Picture};
pub use selection::{Nav, SelectMsg, Selection};
pub use transport::{Mode, Speed, Transport, TransportMsg, FRAME_EVENT_BUDGET, MIN_FRAME_EVENTS, PLAY_SECONDS, STEP_SHARE};

use crate::decimal::fixed;
use crate::experiment::bench::Bench;
use crate::experiment::edits::{EditError, NetworkEdits};
use crate::experiment::goal::Outcome;
use crate::experiment::pair::{Pair, Side};
use crate::experiment::param::{Param, Params};
use crate::experiment::side::SideSim;
use crate::experiment::view::NetView;

#[derive(Clone, Debug, PartialEq)]
pub enum LabMsg {
    /// Text typed into a control (checked before it is applied).
    Input(Param, String),
    /// Start over with these parameters (a lesson's "show me").
    Load(Box<Params>),
    /// Start over with this seed.
    Seed(u64),
    Transport(TransportMsg),
    Select(SelectMsg),
    Edit(EditMsg),
    /// Fail a running node or revive a failed one.
    Toggle(Side, u32),
    /// Peers come and go, or stay put, from now on.
    Churn(bool),
}

impl From<TransportMsg> for LabMsg {
    fn from(m: TransportMsg) -> LabMsg {
        LabMsg::Transport(m)
    }
}

impl From<SelectMsg> for LabMsg {
    fn from(m: SelectMsg) -> LabMsg {
        LabMsg::Select(m)
    }
}

impl From<EditMsg> for LabMsg {
    fn from(m: EditMsg) -> LabMsg {
        LabMsg::Edit(m)
    }
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

/// Text a control refused, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub text: String,
    pub reason: String,
}

pub struct Lab {
    bench: Bench,
    seed: u64,
    interactive: bool,
    params: Params,
    edits: NetworkEdits,
    /// Why the last node edit was refused.
    edit_error: Option<EditError>,
    /// Text refused per control.
    rejected: Vec<(Param, Refused)>,
    runs: Option<Pair<Box<dyn SideSim>>>,
    /// Whether each side's nodes can fail by hand.
    faults: Pair<bool>,
    build_error: Option<String>,
    transport: Transport,
    picture: Picture,
    selection: Selection,
    log: EventLog,
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
            transport: Transport::default(),
            picture: Picture::default(),
            selection: Selection::default(),
            log: EventLog::default(),
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

    pub fn params(&self) -> &Params {
        &self.params
    }

    pub fn edits(&self) -> &NetworkEdits {
        &self.edits
    }

    pub fn edit_error(&self) -> Option<&EditError> {
        self.edit_error.as_ref()
    }

    /// What a control refused, if its last text was refused.
    pub fn refused(&self, param: Param) -> Option<&Refused> {
        self.rejected.iter().find(|(p, _)| *p == param).map(|(_, r)| r)
    }

    pub fn build_error(&self) -> Option<&str> {
        self.build_error.as_deref()
    }

    pub fn picture(&self) -> &Picture {
        &self.picture
    }

    pub fn view(&self, side: Side) -> &NetView {
        &self.picture.views[side]
    }

    pub fn selected(&self, side: Side) -> u32 {
        self.selection.get(side)
    }

    pub fn log(&self) -> &EventLog {
        &self.log
    }

    pub fn mode(&self) -> Mode {
        self.transport.mode
    }

    pub fn speed(&self) -> Speed {
        self.transport.speed
    }

    pub fn label(&self, side: Side) -> &'static str {
        self.bench.label(side, &self.params)
    }

    /// What both sides measured, as CSV.
    pub fn results_csv(&self) -> String {
        self.picture.csv(self.bench, Pair::from_fn(|s| self.label(s)))
    }

    pub fn has_runs(&self) -> bool {
        self.runs.is_some()
    }

    pub fn animating(&self) -> bool {
        self.transport.animating()
    }

    /// The simulated time shown: the later of the two runs.
    /// Where the runs are: the last event either ran, or later if both
    /// have run everything due by a later time.
    pub fn time_s(&self) -> f64 {
        let events = self.runs.as_ref().map_or(0.0, |r| r[Side::Central].now_s().max(r[Side::Distributed].now_s()));
        events.max(self.transport.reached_s())
    }

    pub fn can_fail(&self, side: Side) -> bool {
        self.interactive && self.faults[side]
    }

    /// Whether churn is on, for a workload that has it (and a lab that
    /// offers the switch).
    pub fn churn(&self) -> Option<bool> {
        self.runs.as_ref().and_then(|r| r[Side::Distributed].churn()).filter(|_| self.interactive)
    }

    /// The network as editing sees it.
    pub fn network(&self) -> Network<'_> {
        Network { bench: self.bench, params: &self.params, edits: &self.edits, views: &self.picture.views }
    }

    /// The client or peer index of a node of one side (hubs have none).
    pub fn user_of(&self, side: Side, node: u32) -> Option<u32> {
        self.network().user_of(side, node)
    }

    /// The node of one side that is client or peer number `user`.
    pub fn node_of(&self, side: Side, user: u32) -> Option<u32> {
        self.network().node_of(side, user)
    }

    /// A receiver's upload and download (Mbps), as the run uses them.
    pub fn rates(&self, user: u32) -> (f64, f64) {
        self.network().rates(user)
    }

    /// Whether client or peer `user` serves others (uploads, or answers).
    pub fn serves(&self, user: u32) -> bool {
        !self.edits.is_client(user)
    }

    /// A peer's service capacity (requests/s), as the run uses it.
    pub fn capacity(&self, user: u32) -> f64 {
        self.network().capacity(user)
    }

    /// Whether two nodes of the right-hand side are overlay neighbours.
    pub fn linked(&self, a: u32, b: u32) -> bool {
        self.network().linked(a, b)
    }

    /// Can nodes be added, removed and built from scratch here?
    pub fn can_build(&self) -> bool {
        self.interactive && self.bench.size.is_some()
    }

    fn finished(&self) -> bool {
        self.runs.as_ref().is_some_and(|r| r.iter().all(|s| s.is_finished()))
    }

    fn rebuild(&mut self, fx: &mut Effects) {
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
                self.transport.restart(runs.iter().map(|r| r.horizon_s()).fold(0.0, f64::max));
                self.picture.draw(&runs);
                self.picture.measure(self.bench, &self.params, &runs, Measure::Live);
                self.build_error = None;
                self.runs = Some(runs);
            }
            Err(e) => {
                self.transport.restart(1.0);
                self.build_error = Some(e.to_string());
                self.runs = None;
                self.faults = Pair::default();
                self.picture.clear();
            }
        }
        self.picture.place();
        self.selection.keep_within(&self.picture.views);
        if self.finished() {
            // Instant models have nothing to animate.
            self.finish(fx);
        }
    }

    /// Redraws, and measures when asked.
    fn refresh(&mut self, measure: Option<Measure>) {
        let Some(runs) = &self.runs else { return };
        self.picture.draw(runs);
        if let Some(how) = measure {
            self.picture.measure(self.bench, &self.params, runs, how);
        }
    }

    fn note(&mut self, line: String) {
        if self.interactive {
            self.log.push(line);
        }
    }

    /// Called once both runs are at their end: measures them exactly.
    fn finish(&mut self, fx: &mut Effects) {
        self.transport.mode = Mode::Finished;
        self.refresh(Some(Measure::Exact));
        let metrics = &self.picture.metrics;
        let summary: Vec<String> = Side::BOTH
            .into_iter()
            .filter_map(|side| {
                // The headline figure, or the first one this run has: a
                // distribution that never reached everyone has no time to
                // give, but can say how far it got.
                let (m, v) = self.bench.metrics.iter().find_map(|m| Some((*m, metrics[side].get(*m)?)))?;
                Some(format!("{} {}: {}", self.label(side), m.label().to_ascii_lowercase(), m.format(v)))
            })
            .collect();
        self.note(format!("t = {} s: finished. {}", fixed(self.time_s(), 1), summary.join("; ")));
        let Pair([central, distributed]) = (*self.picture.metrics).clone();
        fx.outcome = Some(Outcome { params: self.params.clone(), central, distributed });
    }

    fn advance(&mut self) {
        let (to, budget) = (self.transport.clock_s(), self.transport.frame_events());
        if let Some(runs) = &mut self.runs {
            // A side that used its whole budget may have more due. Every
            // side advances, so no short-circuiting `all`.
            let mut caught_up = true;
            for side in runs.iter_mut() {
                caught_up &= side.advance_to(to, budget) < budget;
            }
            if caught_up {
                // Skipping pushes the clock to the far future: the run ends
                // at its last event, as it does when played.
                let to = if self.transport.skipping() { runs[Side::Central].now_s().max(runs[Side::Distributed].now_s()) } else { to };
                self.transport.caught_up(to);
            }
        }
    }

    /// Fits the per-frame event budget to how long the last frame's
    /// simulation took (see `Transport::pace`).
    pub fn pace(&mut self, took_ms: f64) {
        self.transport.pace(took_ms);
    }

    pub fn update(&mut self, msg: LabMsg) -> Effects {
        let mut fx = Effects::default();
        if !matches!(msg, LabMsg::Transport(TransportMsg::Frame { .. }) | LabMsg::Select(_)) {
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
                    Err(e) => self.rejected.push((param, Refused { text, reason: e.message })),
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
            LabMsg::Transport(m) => self.transport(m, &mut fx),
            LabMsg::Select(m) => self.selection.update(m, &self.picture.views),
            LabMsg::Edit(m) => self.edit(m, &mut fx),
            LabMsg::Toggle(side, node) => {
                if !self.can_fail(side) {
                    return fx;
                }
                let Some(run) = self.runs.as_mut().map(|r| &mut r[side]) else { return fx };
                let Some(up) = run.toggle(node) else { return fx };
                let t = run.now_s();
                let role = self.view(side).nodes.iter().find(|n| n.id == node).map_or("node", |n| n.role.label());
                let who = self.label(side);
                self.note(format!("t = {} s: {who}: {role} {node} {}", fixed(t, 1), if up { "revived" } else { "failed" }));
                self.refresh(Some(Measure::Live));
            }
            LabMsg::Churn(on) => {
                if self.churn().is_none() {
                    return fx;
                }
                let Some(runs) = self.runs.as_mut() else { return fx };
                for r in runs.iter_mut() {
                    r.set_churn(on);
                }
                let t = self.time_s();
                self.note(format!("t = {} s: churn {}", fixed(t, 1), if on { "on: peers come and go" } else { "off: everyone stays put" }));
                self.refresh(Some(Measure::Live));
            }
        }
        fx
    }

    fn edit(&mut self, msg: EditMsg, fx: &mut Effects) {
        if !self.interactive {
            return;
        }
        let builds = matches!(msg, EditMsg::AddNode | EditMsg::RemoveNode(..) | EditMsg::FromScratch);
        if builds && !self.can_build() {
            return;
        }
        // Whether two peers would be linked under other edits: the overlay
        // the seed and size generate decides where no edit does.
        let linked_with = |edits: &NetworkEdits, a: u32, b: u32| {
            self.bench.start_edited(&self.params, edits, self.seed).is_ok_and(|runs| {
                let mut view = NetView::default();
                runs[Side::Distributed].draw(&mut view);
                view.edges.iter().any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
            })
        };
        match network::edit(&self.network(), msg, &linked_with) {
            Ok(Some(change)) => {
                if let Some(params) = change.params {
                    self.params = params;
                    fx.params = Some(self.params.clone());
                }
                self.edits = change.edits;
                fx.touched = true;
                fx.edits = Some(self.edits.clone());
                self.rebuild(fx);
                if change.select_new {
                    self.selection.select_last(&self.picture.views);
                }
                if let Some(note) = change.note {
                    self.note(note);
                }
            }
            Ok(None) => {}
            Err(e) => self.edit_error = Some(e),
        }
    }
}
