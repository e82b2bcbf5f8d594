//! The experiment benches: each turns a lesson's parameters into the two
//! networks it runs side by side (same parameters, same seed), and reads
//! back what they measured.

use crate::sim::node::Population;
use crate::experiment::chart::Series;
use crate::experiment::edits::NetworkEdits;
use crate::experiment::goal::{Outcome, Side};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::param::{Param, Params};
use crate::experiment::side::{ModelSide, SideRun};
use crate::experiment::view::{NetView, NodeView};
use crate::sim::churn::{ChurnScenario, ChurnSim};
use crate::sim::cost::{self, AdminParams, CostParams, PeerAdmin};
use crate::sim::distribution::{DistributionScenario, DistributionSim};
use crate::sim::fault::ScheduledFault;
use crate::sim::lookup::{Link, LookupScenario, LookupSim, Propagation};
use crate::sim::node::{Architecture, Role};
use crate::sim::requests::{RequestScenario, RequestSim};
use crate::sim::validate::ValidationError;

/// Events run between checks when running to the end.
const RUN_TO_END_SLICE: u64 = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bench {
    /// Who asks and who answers: request/response traffic.
    Roles,
    /// Finding data: a central index against flooding with a TTL.
    Search,
    /// Where data lives: copies, peers offline, updates.
    Placement,
    /// A server's queue under load against load spread over peers.
    Load,
    /// Who pays, as the number of users grows.
    Cost,
    /// A server failing, and peers coming and going.
    Churn,
    /// Administration of a workgroup, with and without a server.
    Workgroup,
    /// Distributing one file to many receivers.
    Distribution,
}

/// Fixed choices of each bench that the learner does not change.
mod preset {
    pub const ROLE_REQUEST_RATE: f64 = 1.0;
    pub const ROLE_SERVICE_RATE: f64 = 50.0;
    pub const ROLE_DURATION_S: f64 = 30.0;

    pub const LOAD_CLIENTS: u32 = 50;
    pub const LOAD_RATE_EACH: f64 = 2.0;
    /// A peer is an ordinary computer, but it serves only its share.
    pub const LOAD_PEER_SERVICE_RATE: f64 = 40.0;
    pub const LOAD_DURATION_S: f64 = 60.0;

    pub const SEARCH_PEERS: u32 = 50;
    pub const SEARCH_DEGREE: f64 = 4.0;
    pub const SEARCH_DURATION_S: f64 = 30.0;

    pub const PLACEMENT_PEERS: u32 = 30;
    pub const PLACEMENT_ITEMS: u32 = 60;
    pub const PLACEMENT_DURATION_S: f64 = 60.0;

    pub const CHURN_PEERS: u32 = 30;
    pub const CHURN_ITEMS: u32 = 20;
    pub const CHURN_SESSION_S: f64 = 60.0;
    pub const CHURN_DURATION_S: f64 = 1_800.0;

    pub const FILE_MBIT: f64 = 800.0;
    pub const CHUNKS: u32 = 100;
    pub const PEER_UP_MBPS: f64 = 10.0;
    pub const PEER_DOWN_MBPS: f64 = 50.0;

    /// The cost and workgroup charts sweep these sizes.
    pub const COST_USERS: [u32; 12] = [5, 10, 20, 50, 100, 200, 300, 400, 500, 600, 800, 1000];
    pub const WORKGROUP_MAX: u32 = 50;
}

/// A chart of both sides' curves.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
    pub marker_x: Option<f64>,
}

impl Bench {
    /// The panels' headings, for these parameters (the right-hand panel
    /// runs the hybrid design when asked to).
    pub fn label(self, side: Side, params: &Params) -> &'static str {
        if side == Side::Distributed && self.hybrid(params) {
            return match self {
                Bench::Search => "Hybrid: index, then peers",
                _ => "Hybrid",
            };
        }
        self.side_label(side)
    }

    fn hybrid(self, params: &Params) -> bool {
        self.supports_hybrid() && params.switch_or(Param::Hybrid, false)
    }

    /// Benches whose simulations model the hybrid design.
    pub fn supports_hybrid(self) -> bool {
        matches!(
            self,
            Bench::Load | Bench::Search | Bench::Churn | Bench::Distribution
        )
    }

    /// The panels' headings in the plain two-way comparison.
    pub fn side_label(self, side: Side) -> &'static str {
        match (self, side) {
            (Bench::Search, Side::Central) => "Central index",
            (Bench::Search, Side::Distributed) => "Flooding search",
            (Bench::Workgroup, Side::Central) => "With a server",
            (Bench::Workgroup, Side::Distributed) => "Workgroup",
            (_, Side::Central) => "Client-server",
            (_, Side::Distributed) => "Peer-to-peer",
        }
    }

    /// The metrics shown under each panel, most important first.
    pub fn metrics(self) -> &'static [Metric] {
        match self {
            Bench::Roles => &[Metric::BusiestShare],
            Bench::Search => &[Metric::HitRate, Metric::MessagesPerSearch],
            Bench::Placement => &[Metric::ItemsAvailable, Metric::StaleReads],
            Bench::Load => &[
                Metric::P95LatencyMs,
                Metric::P50LatencyMs,
                Metric::FailedShare,
            ],
            Bench::Cost => &[
                Metric::CostPerUser,
                Metric::TotalCost,
                Metric::OperatorShare,
            ],
            Bench::Churn => &[Metric::Availability],
            Bench::Workgroup => &[Metric::AdminHours],
            Bench::Distribution => &[Metric::CompletionS, Metric::BoundS],
        }
    }

    /// False for the closed-form models: nothing moves, so no transport.
    pub fn animated(self) -> bool {
        !matches!(self, Bench::Cost | Bench::Workgroup)
    }

    /// Builds both sides from the parameters (values out of range are
    /// clamped to the control's range first).
    pub fn start(self, params: &Params, seed: u64) -> Result<[SideRun; 2], ValidationError> {
        self.start_edited(params, &NetworkEdits::default(), seed)
    }

    /// As `start`, with single nodes and links changed by hand (the
    /// sandbox's network builder). Edits of users beyond the network's size
    /// are ignored.
    pub fn start_edited(
        self,
        params: &Params,
        edits: &NetworkEdits,
        seed: u64,
    ) -> Result<[SideRun; 2], ValidationError> {
        Ok([
            self.side(Side::Central, params, edits, seed)?,
            self.side(Side::Distributed, params, edits, seed)?,
        ])
    }

    /// The parameter that counts the network's clients or peers: what
    /// adding and removing a node changes.
    pub fn size_param(self) -> Option<Param> {
        match self {
            Bench::Roles => Some(Param::Nodes),
            Bench::Load => Some(Param::Clients),
            Bench::Search | Bench::Churn => Some(Param::Peers),
            Bench::Distribution => Some(Param::Receivers),
            Bench::Placement | Bench::Cost | Bench::Workgroup => None,
        }
    }

    /// A receiver's upload and download (Mbps): its own if set by hand,
    /// else the workload's.
    pub fn receiver_rates(self, params: &Params, edits: &NetworkEdits, user: u32) -> (f64, f64) {
        edits.rates_of(user).map_or(
            (params.value_or(Param::PeerUpMbps, preset::PEER_UP_MBPS), params.value_or(Param::PeerDownMbps, preset::PEER_DOWN_MBPS)),
            |r| (r.up_mbps, r.down_mbps),
        )
    }

    /// Whether a peer's own service capacity can be set: where peers serve.
    pub fn per_node_capacity(self, side: Side) -> bool {
        self == Bench::Load && side == Side::Distributed
    }

    /// A peer's service capacity (requests/s): its own if set by hand,
    /// else the workload's.
    pub fn peer_capacity(self, params: &Params, edits: &NetworkEdits, user: u32) -> f64 {
        edits.capacity_of(user).unwrap_or_else(|| params.value_or(Param::PeerCapacity, preset::LOAD_PEER_SERVICE_RATE))
    }

    /// Whether a client or peer's role (serving peer, or a client that only
    /// asks or downloads) can be set: where peers serve.
    pub fn per_node_role(self) -> bool {
        matches!(self, Bench::Distribution | Bench::Load)
    }

    /// Whether a receiver's own link speeds can be set.
    pub fn per_node_rates(self) -> bool {
        self == Bench::Distribution
    }

    /// Whether overlay links can be connected and cut by hand: only where
    /// queries flood along them.
    pub fn editable_links(self, side: Side, params: &Params) -> bool {
        self == Bench::Search && side == Side::Distributed && !self.hybrid(params)
    }

    /// Runs both sides to the end and collects what they measured: what a
    /// lesson's task is judged on, and what the tests replay.
    pub fn outcome(self, params: &Params, seed: u64) -> Result<Outcome, ValidationError> {
        let [mut central, mut distributed] = self.start(params, seed)?;
        for side in [&mut central, &mut distributed] {
            while !side.finished() {
                if side.run_events(RUN_TO_END_SLICE) == 0 {
                    break;
                }
            }
        }
        Ok(Outcome {
            params: params.clone(),
            central: self.measure(&central).0,
            distributed: self.measure(&distributed).0,
        })
    }

    /// Simulated seconds a whole run spans, to pace playback.
    pub fn horizon_s(self, runs: &[SideRun; 2]) -> f64 {
        let h = match self {
            Bench::Roles => preset::ROLE_DURATION_S,
            Bench::Search => preset::SEARCH_DURATION_S,
            Bench::Placement => preset::PLACEMENT_DURATION_S,
            Bench::Load => preset::LOAD_DURATION_S,
            Bench::Churn => preset::CHURN_DURATION_S,
            Bench::Cost | Bench::Workgroup => 1.0,
            Bench::Distribution => {
                runs.iter()
                    .filter_map(|r| self.measure(r).0.get(Metric::BoundS))
                    .fold(0.0, f64::max)
                    * 1.2
            }
        };
        if h.is_finite() && h > 0.0 {
            h
        } else {
            1.0
        }
    }

    fn side(
        self,
        side: Side,
        params: &Params,
        edits: &NetworkEdits,
        seed: u64,
    ) -> Result<SideRun, ValidationError> {
        let arch = match side {
            Side::Central => Architecture::ClientServer,
            Side::Distributed if self.hybrid(params) => Architecture::Hybrid,
            Side::Distributed => Architecture::PeerToPeer,
        };
        let central = arch == Architecture::ClientServer;
        Ok(match self {
            Bench::Roles => {
                let nodes = params.count_or(Param::Nodes, 4);
                let users = if central {
                    nodes.saturating_sub(1).max(1)
                } else {
                    nodes
                };
                let scenario = RequestScenario {
                    architecture: arch,
                    users,
                    request_rate: preset::ROLE_REQUEST_RATE,
                    service_rate: preset::ROLE_SERVICE_RATE,
                    replication: 3.min(users),
                    duration_s: preset::ROLE_DURATION_S,
                    seed,
                    ..RequestScenario::default()
                };
                SideRun::Requests(Box::new(RequestSim::new(scenario)?))
            }
            Bench::Load => {
                let capacity = params.value_or(Param::ServerCapacity, 105.0);
                let peer_capacity =
                    params.value_or(Param::PeerCapacity, preset::LOAD_PEER_SERVICE_RATE);
                let users = params.count_or(Param::Clients, preset::LOAD_CLIENTS);
                let asking_only: Vec<u32> = if central { Vec::new() } else { edits.clients.iter().copied().filter(|&c| c < users).collect() };
                let serving = users.saturating_sub(asking_only.len() as u32).max(1);
                let scenario = RequestScenario {
                    architecture: arch,
                    users,
                    // Three copies of each item, or every serving peer when fewer.
                    replication: 3.min(serving),
                    peer_service_rates: edits.capacities.iter().filter(|c| c.user < users).map(|c| (c.user, c.per_s)).collect(),
                    asking_only,
                    request_rate: params.value_or(Param::RequestRate, preset::LOAD_RATE_EACH),
                    service_rate: if central { capacity } else { peer_capacity },
                    queue_capacity: 10_000,
                    hop_latency_ms: 5.0,
                    duration_s: preset::LOAD_DURATION_S,
                    seed,
                    ..RequestScenario::default()
                };
                SideRun::Requests(Box::new(RequestSim::new(scenario)?))
            }
            Bench::Search => {
                let peers = params.count_or(Param::Peers, preset::SEARCH_PEERS);
                let scenario = LookupScenario {
                    architecture: arch,
                    peers,
                    replication: params.count_or(Param::Replication, 2).min(peers),
                    mean_degree: params
                        .value_or(Param::MeanDegree, preset::SEARCH_DEGREE)
                        .min(f64::from(peers - 1)),
                    ttl: params.count_or(Param::Ttl, 1),
                    duration_s: preset::SEARCH_DURATION_S,
                    seed,
                    ..LookupScenario::default()
                };
                let scenario = if self.editable_links(side, params) {
                    with_links(scenario, edits)
                } else {
                    scenario
                };
                SideRun::Lookup(Box::new(LookupSim::new(scenario)?))
            }
            Bench::Placement => {
                let peers = preset::PLACEMENT_PEERS;
                let offline = (params.value_or(Param::OfflinePercent, 20.0) / 100.0
                    * f64::from(peers))
                .round() as u32;
                let base = LookupScenario {
                    architecture: arch,
                    peers,
                    items: preset::PLACEMENT_ITEMS,
                    replication: params.count_or(Param::Replication, 1).min(peers),
                    ttl: 7,
                    query_rate: 0.5,
                    update_rate: 1.0,
                    propagation: if params.switch_or(Param::PushUpdates, false) {
                        Propagation::Push { delay_ms: 50.0 }
                    } else {
                        Propagation::None
                    },
                    duration_s: preset::PLACEMENT_DURATION_S,
                    seed,
                    ..LookupScenario::default()
                };
                // The same peers go offline on both sides; the server never does.
                let faults = (0..offline)
                    .map(|i| ScheduledFault::fail(0.0, base.user_node(i * 2 % peers).0))
                    .collect();
                SideRun::Lookup(Box::new(LookupSim::new(LookupScenario { faults, ..base })?))
            }
            Bench::Churn => {
                let peers = params.count_or(Param::Peers, preset::CHURN_PEERS);
                let base = ChurnScenario {
                    architecture: arch,
                    peers,
                    items: preset::CHURN_ITEMS,
                    // The server holds the one copy in client-server; peers
                    // hold at most one copy each.
                    replication: if central { 1 } else { params.count_or(Param::Replication, 1).min(peers) },
                    churn: true,
                    mean_online_s: params.value_or(Param::SessionS, preset::CHURN_SESSION_S),
                    mean_offline_s: params.value_or(Param::SessionS, preset::CHURN_SESSION_S),
                    duration_s: preset::CHURN_DURATION_S,
                    sample_interval_s: 10.0,
                    seed,
                    ..ChurnScenario::default()
                };
                let faults = match base.hub() {
                    Some(server) if params.switch_or(Param::ServerFailed, false) => {
                        vec![ScheduledFault::fail(
                            preset::CHURN_DURATION_S / 3.0,
                            server.0,
                        )]
                    }
                    _ => Vec::new(),
                };
                SideRun::Churn(Box::new(ChurnSim::new(ChurnScenario { faults, ..base })?))
            }
            Bench::Distribution => {
                let mut scenario = DistributionScenario::homogeneous(
                    arch,
                    params.count_or(Param::Receivers, 10),
                    params.value_or(Param::FileMbit, preset::FILE_MBIT),
                    params.value_or(Param::ServerUploadMbps, 100.0),
                    params.value_or(Param::PeerUpMbps, preset::PEER_UP_MBPS),
                    params.value_or(Param::PeerDownMbps, preset::PEER_DOWN_MBPS),
                )
                .with_chunks(params.count_or(Param::Chunks, preset::CHUNKS))
                .with_seed(seed);
                for r in &edits.rates {
                    let i = r.user as usize;
                    if let (Some(up), Some(down)) = (
                        scenario.peer_up_mbps.get_mut(i),
                        scenario.peer_down_mbps.get_mut(i),
                    ) {
                        (*up, *down) = (r.up_mbps, r.down_mbps);
                    }
                }
                SideRun::Distribution(Box::new(DistributionSim::new(scenario)?))
            }
            Bench::Cost => SideRun::Model(Box::new(cost_side(
                arch,
                params.count_or(Param::Users, 10),
            )?)),
            Bench::Workgroup => SideRun::Model(Box::new(workgroup_side(
                central,
                params.count_or(Param::Computers, 4),
            )?)),
        })
    }

    /// What one side has measured so far (all of it once finished), and the
    /// curve it draws on the chart.
    pub fn measure(self, run: &SideRun) -> (Metrics, Vec<(f64, f64)>) {
        let mut m = Metrics::default();
        let mut curve = Vec::new();
        match run {
            SideRun::Requests(sim) => {
                let report = sim.report();
                let served: Vec<u64> = report.nodes.iter().map(|n| n.served).collect();
                let total: u64 = served.iter().sum();
                if total > 0 {
                    let busiest = served.iter().copied().max().unwrap_or(0);
                    m.set(Metric::BusiestShare, busiest as f64 / total as f64);
                }
                if let Some(lat) = report.latency {
                    m.set(Metric::P50LatencyMs, lat.p50_ms);
                    m.set(Metric::P95LatencyMs, lat.p95_ms);
                }
                let c = report.counters;
                if c.issued > 0 {
                    m.set(
                        Metric::FailedShare,
                        (c.dropped + c.failed) as f64 / c.issued as f64,
                    );
                }
                if self == Bench::Load {
                    curve = report
                        .series
                        .iter()
                        .filter_map(|s| s.latency.map(|l| (s.t_s, l.p95_ms)))
                        .collect();
                }
            }
            SideRun::Lookup(sim) => {
                let report = sim.report();
                if report.counters.hits + report.counters.misses > 0 {
                    m.set(Metric::HitRate, report.hit_rate);
                    m.set(Metric::MessagesPerSearch, report.mean_messages_per_query);
                    m.set(Metric::StaleReads, report.stale_read_fraction);
                }
                let items = sim.scenario().items.max(1);
                m.set(
                    Metric::ItemsAvailable,
                    f64::from(report.items_available) / f64::from(items),
                );
                curve = match self {
                    Bench::Placement => report
                        .series
                        .iter()
                        .filter(|s| s.hits > 0)
                        .map(|s| (s.t_s, s.stale_fraction))
                        .collect(),
                    _ => {
                        let (mut done, mut hits) = (0u64, 0u64);
                        report
                            .series
                            .iter()
                            .filter_map(|s| {
                                done += s.finished;
                                hits += s.hits;
                                (done > 0).then(|| (s.t_s, hits as f64 / done as f64))
                            })
                            .collect()
                    }
                };
            }
            SideRun::Distribution(sim) => {
                let report = sim.report();
                if report.finished {
                    m.set(Metric::CompletionS, report.completion_time_s);
                }
                m.set(Metric::BoundS, report.lower_bound_s);
                // A step line: the share holds until the next receiver finishes.
                let mut last = 0.0;
                curve.push((0.0, 0.0));
                for p in &report.completion_curve {
                    curve.push((p.time_s, last));
                    curve.push((p.time_s, p.fraction));
                    last = p.fraction;
                }
            }
            SideRun::Churn(sim) => {
                let report = sim.report();
                if report.elapsed_s > 0.0 {
                    m.set(Metric::Availability, report.mean_item_availability);
                }
                curve = report
                    .series
                    .iter()
                    .map(|s| (s.t_s, s.items_available))
                    .collect();
            }
            SideRun::Model(model) => {
                m = model.metrics.clone();
                curve = model.series.clone();
            }
        }
        (m, curve)
    }

    /// The chart of both sides' curves; `None` for benches without one.
    pub fn chart(self, curves: [Vec<(f64, f64)>; 2], params: &Params) -> Option<ChartSpec> {
        let (title, x, y, marker) = match self {
            Bench::Roles => return None,
            Bench::Search => (
                "Searches that found the item, so far",
                "time (s)",
                "share found",
                None,
            ),
            Bench::Placement => (
                "Reads that got a stale copy, per second",
                "time (s)",
                "share stale",
                None,
            ),
            Bench::Load => (
                "Latency p95 over the last 5 s",
                "time (s)",
                "p95 latency (ms)",
                None,
            ),
            Bench::Churn => ("Items available", "time (s)", "share available", None),
            Bench::Distribution => (
                "Receivers holding the whole file",
                "time (s)",
                "share complete",
                None,
            ),
            Bench::Cost => (
                "Cost per user per month as users grow",
                "users",
                "cost per user ($)",
                Some(f64::from(params.count_or(Param::Users, 10))),
            ),
            Bench::Workgroup => (
                "Administration per month as the network grows",
                "computers",
                "hours per month",
                Some(f64::from(params.count_or(Param::Computers, 4))),
            ),
        };
        let [a, b] = curves;
        Some(ChartSpec {
            title: title.to_owned(),
            x_label: x.to_owned(),
            y_label: y.to_owned(),
            series: vec![
                Series {
                    label: self.label(Side::Central, params).to_owned(),
                    points: a,
                    dashed: false,
                },
                Series {
                    label: self.label(Side::Distributed, params).to_owned(),
                    points: b,
                    dashed: true,
                },
            ],
            marker_x: marker,
        })
    }
}

/// The flooding overlay with the links connected and cut by hand.
fn with_links(mut scenario: LookupScenario, edits: &NetworkEdits) -> LookupScenario {
    for l in edits.links.iter().filter(|l| l.b < scenario.peers) {
        let link = Link {
            a: scenario.user_node(l.a),
            b: scenario.user_node(l.b),
        };
        if l.connected {
            scenario.extra_links.push(link);
        } else {
            scenario.removed_links.push(link);
        }
    }
    scenario
}

/// The cost lesson's assumptions: the stated defaults, with peers that look
/// after themselves (a file-sharing swarm) rather than a hand-run workgroup,
/// each owner spending 12 minutes a month keeping the sharing software
/// running, the same order as the server's 6 minutes per account.
pub fn lesson_cost_params() -> CostParams {
    let defaults = CostParams::default();
    CostParams {
        peer_admin: PeerAdmin::SelfManaged,
        admin: AdminParams {
            self_hours_per_peer_month: 0.2,
            ..defaults.admin
        },
        ..defaults
    }
}

fn cost_side(arch: Architecture, users: u32) -> Result<ModelSide, ValidationError> {
    let p = lesson_cost_params();
    let b = cost::breakdown(&p, arch, users)?;
    let mut metrics = Metrics::default();
    metrics.set(Metric::CostPerUser, b.per_user_monthly);
    metrics.set(Metric::TotalCost, b.total_monthly);
    if b.total_monthly > 0.0 {
        metrics.set(Metric::OperatorShare, b.operator_monthly / b.total_monthly);
    }
    let mut series = Vec::new();
    for n in preset::COST_USERS {
        series.push((f64::from(n), cost::breakdown(&p, arch, n)?.per_user_monthly));
    }
    Ok(ModelSide {
        metrics,
        series,
        view: sketch(arch == Architecture::ClientServer, users, false),
    })
}

fn workgroup_side(with_server: bool, computers: u32) -> Result<ModelSide, ValidationError> {
    let admin = CostParams::default().admin;
    let hours = |n: u32| {
        if with_server {
            cost::server_hours(&admin, n, 1)
        } else {
            cost::workgroup_hours(&admin, n)
        }
    };
    let mut metrics = Metrics::default();
    metrics.set(Metric::AdminHours, hours(computers));
    if let Some(n) = cost::admin_crossover(&admin) {
        metrics.set(Metric::Crossover, f64::from(n));
    }
    let series = (2..=preset::WORKGROUP_MAX)
        .map(|n| (f64::from(n), hours(n)))
        .collect();
    Ok(ModelSide {
        metrics,
        series,
        view: sketch(with_server, computers, !with_server),
    })
}

/// A still picture of the network a model describes: a server and its
/// users, or peers, with every pair linked in a workgroup (each pair is one
/// share and account to manage).
fn sketch(with_server: bool, users: u32, pairs: bool) -> NetView {
    let users = users.min(crate::experiment::layout::MAX_DRAWN_NODES as u32 + 1);
    let mut nodes = Vec::new();
    if with_server {
        nodes.push(NodeView {
            id: 0,
            role: Role::Server,
            up: true,
            fill: 1.0,
            badge: String::new(),
        });
    }
    let first = nodes.len() as u32;
    for i in 0..users {
        let role = if with_server {
            Role::Client
        } else {
            Role::Peer
        };
        nodes.push(NodeView {
            id: first + i,
            role,
            up: true,
            fill: 0.0,
            badge: String::new(),
        });
    }
    let edges = if pairs && users <= 60 {
        (0..users)
            .flat_map(|a| (a + 1..users).map(move |b| (a, b)))
            .collect()
    } else if with_server {
        (1..=users).map(|c| (0, c)).collect()
    } else {
        Vec::new()
    };
    NetView {
        nodes,
        edges,
        moving: Vec::new(),
    }
}
