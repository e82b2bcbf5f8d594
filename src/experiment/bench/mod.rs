//! The table of benches. A bench is one workload as an experiment runs it:
//! its labels and metrics, the parameters it reads with their defaults, its
//! size parameter, what a learner may set on a single node, its chart's
//! text, and the function that builds each of its two sides. Lessons, the
//! sandbox, the sweep and the command line all read this table; adding a
//! workload means one simulator module, one entry in `catalog.rs`, and a
//! file of its own here with the function that builds its sides.

mod catalog;
mod churn;
mod cost;
mod dht;
mod hybrid;
mod incentives;
pub mod distribution;
mod lookup;
mod placement;
mod role;
mod service;
mod workgroup;
#[cfg(test)]
mod toy;
#[cfg(test)]
mod tests;

pub use catalog::{CHURN, COST, DHT, DISTRIBUTION, HYBRID, INCENTIVES, LOOKUP, PLACEMENT, ROLE, SERVICE, TABLE, WORKGROUP};
pub use cost::lesson_cost_params;

use crate::experiment::chart::Series;
use crate::experiment::edits::NetworkEdits;
use crate::experiment::goal::Outcome;
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::pair::{Pair, Side};
use crate::experiment::param::{Param, Params};
use crate::experiment::side::{Curve, SideSim};
use crate::sim::node::Architecture;
use crate::sim::validate::ValidationError;
use std::fmt;

/// A bench: a row of the table. Compared by key.
pub type Bench = &'static BenchSpec;

/// Events run between checks when running to the end.
const RUN_TO_END_SLICE: u64 = 100_000;

pub struct BenchSpec {
    /// Its stable name: share links, file names, the command line.
    pub key: &'static str,
    /// Names older share links used for it; still accepted.
    pub aliases: &'static [&'static str],
    /// What the sandbox lists it as, and what error messages call it.
    pub label: &'static str,
    /// The sandbox offers it (every lesson's bench, for free play).
    pub in_sandbox: bool,
    /// The sandbox's small, medium and large sizes for it.
    pub sandbox_sizes: Option<[f64; 3]>,
    pub sides: SideNames,
    /// The metrics shown under each panel, most important first.
    pub metrics: &'static [Metric],
    /// Every parameter it reads, with its default, in the order the sandbox
    /// shows them: the one place a default lives.
    pub params: &'static [(Param, f64)],
    /// The parameter that counts its clients or peers: what adding and
    /// removing a node changes.
    pub size: Option<Param>,
    /// What a learner may set on a single node.
    pub per_node: &'static [NodeSetting],
    pub chart: Option<ChartText>,
    /// False for closed-form models: nothing moves, so no transport.
    pub animated: bool,
    /// Builds one side from complete parameters (every default filled in).
    pub build: fn(&SideSetup) -> Result<Box<dyn SideSim>, ValidationError>,
    /// Its fixed choices, named, as the builder uses them: what a lesson
    /// states about its model and the claims ledger checks.
    pub facts: fn() -> Vec<(&'static str, f64)>,
}

/// A bench that states no fixed choice.
fn no_facts() -> Vec<(&'static str, f64)> {
    Vec::new()
}

impl BenchSpec {
    /// An entry with what every bench must say, the rest at what most say:
    /// no older names, offered by the sandbox with no size presets, the
    /// plain headings, no size parameter, nothing set per node, no chart,
    /// animated, no facts stated. Entries set what differs with
    /// `..BenchSpec::new(..)`.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        metrics: &'static [Metric],
        params: &'static [(Param, f64)],
        build: fn(&SideSetup) -> Result<Box<dyn SideSim>, ValidationError>,
    ) -> BenchSpec {
        BenchSpec {
            key,
            aliases: &[],
            label,
            in_sandbox: true,
            sandbox_sizes: None,
            sides: SideNames::PLAIN,
            metrics,
            params,
            size: None,
            per_node: &[],
            chart: None,
            animated: true,
            build,
            facts: no_facts,
        }
    }
}

impl PartialEq for BenchSpec {
    fn eq(&self, other: &BenchSpec) -> bool {
        self.key == other.key
    }
}

impl fmt::Debug for BenchSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bench {}", self.key)
    }
}

/// The panels' headings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SideNames {
    pub central: &'static str,
    pub distributed: &'static str,
    /// The right-hand panel's heading when it runs the hybrid design; `None`
    /// for benches whose simulations do not model it.
    pub hybrid: Option<&'static str>,
}

impl SideNames {
    pub const PLAIN: SideNames = SideNames { central: "Client-server", distributed: "Peer-to-peer", hybrid: None };
    pub const WITH_HYBRID: SideNames = SideNames { hybrid: Some("Hybrid"), ..SideNames::PLAIN };
}

/// Something a learner may set on one client or peer, by hand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NodeSetting {
    /// A receiver's own upload (where it passes chunks on) and download.
    Rates,
    /// Whether a client or peer serves others, or is a client that only
    /// asks or downloads: on the right-hand side, where peers serve.
    Role(RoleWords),
    /// A serving peer's own capacity (requests/s), on the right-hand side.
    Capacity,
    /// The flooding overlay's links, in pure peer-to-peer.
    Links,
}

/// How a bench speaks of the two roles of a client or peer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoleWords {
    pub peer: &'static str,
    pub client: &'static str,
    /// The event log's line when a node becomes a peer, or a client.
    pub became_peer: &'static str,
    pub became_client: &'static str,
    /// Someone besides the hub must serve, so the last peer stays one.
    pub needs_a_peer: bool,
}

/// A chart's words and the curve each side draws on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartText {
    pub title: &'static str,
    pub x_label: &'static str,
    pub y_label: &'static str,
    pub curve: Curve,
    /// A vertical marker at this parameter's value (the learner's choice
    /// on a model's curve).
    pub marker: Option<Param>,
    /// Where the y axis stops, so that where the lines meet is not
    /// squashed flat by one line's far end.
    pub zoom: Option<Zoom>,
}

/// The top of a zoomed chart's y axis: a multiple of one line's last value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zoom {
    /// Of the line that ends highest: for a line that starts far above.
    HighestEnd(f64),
    /// Of the line that ends lowest: for a line that climbs far away.
    LowestEnd(f64),
}

impl ChartText {
    /// A chart against the run's time, with no marker.
    pub const fn over_time(title: &'static str, y_label: &'static str, curve: Curve) -> ChartText {
        ChartText { title, x_label: "time (s)", y_label, curve, marker: None, zoom: None }
    }

    /// A closed-form model's curve against `marker`, marked at the
    /// learner's value of it.
    pub const fn model(title: &'static str, x_label: &'static str, y_label: &'static str, marker: Param) -> ChartText {
        ChartText { title, x_label, y_label, curve: Curve::Model, marker: Some(marker), zoom: None }
    }

    /// The same chart with its y axis cut short.
    pub const fn zoomed(self, zoom: Zoom) -> ChartText {
        ChartText { zoom: Some(zoom), ..self }
    }
}

/// A chart of both sides' curves.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
    pub marker_x: Option<f64>,
    /// The top of the y axis, when the interesting part of the lines would
    /// otherwise be squashed at the bottom; lines leave the chart there.
    pub y_max: Option<f64>,
    /// The x axis reaches at least this far: a chart against time covers
    /// the run's whole clock, however far its lines have got.
    pub x_max: Option<f64>,
    /// The y axis reaches at least this high: a share runs to one, so the
    /// first few percent never fill the chart as if they were all.
    pub y_reach: Option<f64>,
}

/// What a bench's builder gets for one side: complete parameters (every
/// default filled in), the nodes changed by hand, the seed.
pub struct SideSetup<'a> {
    pub side: Side,
    pub arch: Architecture,
    params: &'a Params,
    pub edits: &'a NetworkEdits,
    pub seed: u64,
}

impl SideSetup<'_> {
    /// The value, clamped into its control's range.
    pub fn value(&self, param: Param) -> f64 {
        self.params.value_or(param, param.spec().min)
    }

    pub fn count(&self, param: Param) -> u32 {
        self.value(param).round() as u32
    }

    pub fn switch(&self, param: Param) -> bool {
        self.value(param) >= 0.5
    }

    pub fn central(&self) -> bool {
        self.arch == Architecture::ClientServer
    }

    /// Clients or peers (of `users`) set by hand to only ask or download:
    /// none on the client-server side, where every user is a client anyway.
    pub fn clients(&self, users: u32) -> Vec<u32> {
        if self.central() {
            return Vec::new();
        }
        self.edits.clients.iter().copied().filter(|&c| c < users).collect()
    }
}

impl BenchSpec {
    /// The bench a share link or the command line names, by key or alias.
    pub fn from_key(key: &str) -> Option<Bench> {
        TABLE.iter().copied().find(|b| b.key == key || b.aliases.contains(&key))
    }

    /// The benches the sandbox offers, in its order.
    pub fn in_sandbox() -> impl Iterator<Item = Bench> {
        TABLE.iter().copied().filter(|b| b.in_sandbox)
    }

    /// Whether its simulations model the hybrid design.
    pub fn supports_hybrid(&self) -> bool {
        self.sides.hybrid.is_some()
    }

    /// Whether these parameters ask for the hybrid design.
    pub fn hybrid(&self, params: &Params) -> bool {
        self.supports_hybrid() && params.switch_or(Param::Hybrid, false)
    }

    /// The panel's heading for these parameters.
    pub fn label(&self, side: Side, params: &Params) -> &'static str {
        match (side, self.sides.hybrid) {
            (Side::Central, _) => self.sides.central,
            (Side::Distributed, Some(h)) if self.hybrid(params) => h,
            (Side::Distributed, _) => self.sides.distributed,
        }
    }

    /// The design a side runs under these parameters.
    pub fn arch(&self, side: Side, params: &Params) -> Architecture {
        match side {
            Side::Central => Architecture::ClientServer,
            Side::Distributed if self.hybrid(params) => Architecture::Hybrid,
            Side::Distributed => Architecture::PeerToPeer,
        }
    }

    pub fn default_of(&self, param: Param) -> Option<f64> {
        self.params.iter().find(|(p, _)| *p == param).map(|(_, v)| *v)
    }

    pub fn reads(&self, param: Param) -> bool {
        self.default_of(param).is_some()
    }

    /// Every parameter at its default.
    pub fn defaults(&self) -> Params {
        Params::from_pairs(self.params)
    }

    /// The parameters given, with every one not given at its default.
    pub fn complete(&self, params: &Params) -> Params {
        let mut full = self.defaults();
        for (p, v) in params.iter() {
            full.set(p, v);
        }
        full
    }

    /// The controls the sandbox shows: every parameter it reads.
    pub fn controls(&self) -> Vec<Param> {
        self.params.iter().map(|(p, _)| *p).collect()
    }

    pub fn rates_editable(&self) -> bool {
        self.per_node.contains(&NodeSetting::Rates)
    }

    pub fn capacity_editable(&self) -> bool {
        self.per_node.contains(&NodeSetting::Capacity)
    }

    /// How it speaks of a client or peer's role, where the role can be set.
    pub fn role_words(&self) -> Option<RoleWords> {
        self.per_node.iter().find_map(|s| match s {
            NodeSetting::Role(words) => Some(*words),
            _ => None,
        })
    }

    /// Whether overlay links can be connected and cut by hand: on the
    /// peer-to-peer side, where queries flood along them.
    pub fn links_editable(&self, params: &Params) -> bool {
        self.per_node.contains(&NodeSetting::Links) && !self.hybrid(params)
    }

    /// Whether the network keeps a peer that serves when users become
    /// clients.
    pub fn needs_a_peer(&self) -> bool {
        self.role_words().is_some_and(|w| w.needs_a_peer)
    }

    /// A receiver's upload and download (Mbps): its own if set by hand,
    /// else the parameters'.
    pub fn receiver_rates(&self, params: &Params, edits: &NetworkEdits, user: u32) -> (f64, f64) {
        let full = self.complete(params);
        edits.rates_of(user).map_or(
            (full.value_or(Param::PeerUpMbps, 0.0), full.value_or(Param::PeerDownMbps, 0.0)),
            |r| (r.up_mbps, r.down_mbps),
        )
    }

    /// A peer's service capacity (requests/s): its own if set by hand, else
    /// the parameters'.
    pub fn peer_capacity(&self, params: &Params, edits: &NetworkEdits, user: u32) -> f64 {
        edits.capacity_of(user).unwrap_or_else(|| self.complete(params).value_or(Param::PeerCapacity, 0.0))
    }

    /// Builds both sides (values out of range are clamped to the control's
    /// range first).
    pub fn start(&self, params: &Params, seed: u64) -> Result<Pair<Box<dyn SideSim>>, ValidationError> {
        self.start_edited(params, &NetworkEdits::default(), seed)
    }

    /// As `start`, with single nodes and links changed by hand (the
    /// sandbox's network builder). Edits of users beyond the network's size
    /// are ignored.
    pub fn start_edited(
        &self,
        params: &Params,
        edits: &NetworkEdits,
        seed: u64,
    ) -> Result<Pair<Box<dyn SideSim>>, ValidationError> {
        let full = self.complete(params);
        let side = |side: Side| {
            (self.build)(&SideSetup { side, arch: self.arch(side, &full), params: &full, edits, seed })
        };
        Ok(Pair::new(side(Side::Central)?, side(Side::Distributed)?))
    }

    /// Runs both sides to the end and collects what they measured: what a
    /// lesson's task is judged on, and what the tests replay.
    pub fn outcome(&self, params: &Params, seed: u64) -> Result<Outcome, ValidationError> {
        let mut runs = self.start(params, seed)?;
        for run in runs.iter_mut() {
            while !run.is_finished() {
                if run.run_events(RUN_TO_END_SLICE) == 0 {
                    break;
                }
            }
        }
        let [central, distributed] = runs.0;
        Ok(Outcome { params: params.clone(), central: self.measure(central.as_ref()), distributed: self.measure(distributed.as_ref()) })
    }

    /// What one side has measured so far (all of it once finished).
    pub fn measure(&self, run: &dyn SideSim) -> Metrics {
        let mut m = Metrics::default();
        run.measure(&mut m);
        m
    }

    /// The chart of both sides' curves; `None` for benches without one.
    pub fn chart(&self, runs: &Pair<Box<dyn SideSim>>, params: &Params) -> Option<ChartSpec> {
        let text = self.chart?;
        let series: Vec<Series> = Side::BOTH
            .into_iter()
            .map(|side| Series {
                label: self.label(side, params).to_owned(),
                points: runs[side].curve(text.curve),
                dashed: side == Side::Distributed,
            })
            .collect();
        let marker_x = text.marker.map(|p| self.complete(params).value_or(p, 0.0));
        let ends = || series.iter().filter_map(|s| s.points.last().map(|p| p.1)).filter(|y| y.is_finite());
        let y_max = text
            .zoom
            .and_then(|zoom| match zoom {
                Zoom::HighestEnd(times) => ends().reduce(f64::max).map(|y| times * y),
                Zoom::LowestEnd(times) => ends().reduce(f64::min).map(|y| times * y),
            })
            .filter(|top| *top > 0.0);
        let x_max = (text.marker.is_none())
            .then(|| runs.iter().map(|r| r.horizon_s().max(r.now_s())).fold(0.0, f64::max))
            .filter(|x| x.is_finite() && *x > 0.0);
        Some(ChartSpec {
            title: text.title.to_owned(),
            x_label: text.x_label.to_owned(),
            y_label: text.y_label.to_owned(),
            series,
            marker_x,
            y_max,
            x_max,
            y_reach: matches!(text.curve, Curve::ShareComplete | Curve::HitRateSoFar).then_some(1.0),
        })
    }
}
