//! Every bench's entry, side by side as the lessons' are in
//! `lessons/catalog.rs`: its labels, metrics, parameters with their
//! defaults, sizes, panel headings, per-node settings and chart. How each
//! builds its simulations, with its fixed choices, lives in the file named
//! after it. (The test-only toy keeps its entry beside its simulator, in
//! `toy.rs`, so that the shipped table names only shipped code.)

use super::{churn, cost, dht, distribution, hybrid, incentives, lookup, placement, role, service, workgroup};
use super::{Bench, BenchSpec, ChartText, NodeSetting, RoleWords, SideNames, Zoom};
use crate::experiment::metric::Metric;
use crate::experiment::param::Param;
use crate::experiment::side::Curve;

pub const ROLE: Bench = &BenchSpec {
    size: Some(Param::Nodes),
    facts: role::facts,
    ..BenchSpec::new("role", "Who asks and who answers", &[Metric::BusiestShare], &[(Param::Nodes, 4.0)], role::build)
};

pub const LOOKUP: Bench = &BenchSpec {
    facts: lookup::facts,
    aliases: &["search"],
    sandbox_sizes: Some([20.0, 50.0, 200.0]),
    sides: SideNames { central: "Central index", distributed: "Flooding search", hybrid: Some("Hybrid: index, then peers") },
    size: Some(Param::Peers),
    per_node: &[NodeSetting::Links],
    chart: Some(ChartText::over_time("Searches that found the item, so far", "share found", Curve::HitRateSoFar)),
    ..BenchSpec::new(
        "lookup",
        "Finding data",
        &[Metric::HitRate, Metric::MessagesPerSearch],
        &[
            (Param::Peers, 50.0),
            (Param::MeanDegree, 4.0),
            (Param::Ttl, 3.0),
            (Param::Replication, 2.0),
            (Param::Hybrid, 0.0),
        ],
        lookup::build,
    )
};

pub const PLACEMENT: Bench = &BenchSpec {
    chart: Some(ChartText::over_time("Reads that got a stale copy, per second", "share stale", Curve::StaleShare)),
    facts: placement::facts,
    ..BenchSpec::new(
        "placement",
        "Where data lives",
        &[Metric::ItemsAvailable, Metric::StaleReads],
        &[(Param::Replication, 1.0), (Param::OfflinePercent, 20.0), (Param::PushUpdates, 0.0), (Param::CatchUp, 0.0)],
        placement::build,
    )
};

pub const SERVICE: Bench = &BenchSpec {
    facts: service::facts,
    aliases: &["requests"],
    sandbox_sizes: Some([10.0, 50.0, 500.0]),
    sides: SideNames::WITH_HYBRID,
    size: Some(Param::Clients),
    per_node: &[
        NodeSetting::Role(RoleWords {
            peer: "Peer: asks and answers",
            client: "Client: only asks",
            became_peer: "answers others again: a peer",
            became_client: "only asks now: a client",
            needs_a_peer: true,
        }),
        NodeSetting::Capacity,
    ],
    chart: Some(ChartText::over_time("Latency p95 over the last 5 s", "p95 latency (ms)", Curve::P95Window)),
    ..BenchSpec::new(
        "service",
        "Requests and load",
        &[Metric::P95LatencyMs, Metric::P50LatencyMs, Metric::FailedShare],
        &[
            (Param::Clients, 50.0),
            (Param::RequestRate, 2.0),
            (Param::ServerCapacity, 120.0),
            // A peer is an ordinary computer, but it serves only its share.
            (Param::PeerCapacity, 40.0),
            (Param::Hybrid, 0.0),
        ],
        service::build,
    )
};

pub const COST: Bench = &BenchSpec {
    facts: cost::facts,
    // Client-server's few-user cost dwarfs where the lines meet: the axis
    // stops at twice the dearer design's cost at the most users.
    chart: Some(ChartText::model("Cost per user per month as users grow", "users", "cost per user ($)", Param::Users).zoomed(Zoom::HighestEnd(2.0))),
    animated: false,
    ..BenchSpec::new(
        "cost",
        "Who pays",
        &[Metric::CostPerUser, Metric::OperatorShare, Metric::CheaperFrom],
        &[(Param::Users, 10.0), (Param::OwnerHours, 0.2)],
        cost::build,
    )
};

pub const CHURN: Bench = &BenchSpec {
    facts: churn::facts,
    sandbox_sizes: Some([10.0, 30.0, 200.0]),
    sides: SideNames::WITH_HYBRID,
    size: Some(Param::Peers),
    chart: Some(ChartText::over_time("Items available", "share available", Curve::ItemsAvailable)),
    ..BenchSpec::new(
        "churn",
        "Faults and churn",
        &[Metric::Availability],
        &[
            (Param::Peers, 30.0),
            (Param::Replication, 3.0),
            (Param::SessionS, 60.0),
            (Param::SecondServer, 0.0),
            (Param::ServerFailed, 0.0),
            (Param::Hybrid, 0.0),
        ],
        churn::build,
    )
};

pub const WORKGROUP: Bench = &BenchSpec {
    facts: workgroup::facts,
    sides: SideNames { central: "With a server", distributed: "Workgroup", hybrid: None },
    // The workgroup's hours climb far past where the lines meet: the axis
    // stops at a few times the server's.
    chart: Some(
        ChartText::model("Administration per month as the network grows", "computers", "hours per month", Param::Computers)
            .zoomed(Zoom::LowestEnd(4.0)),
    ),
    animated: false,
    ..BenchSpec::new(
        "workgroup",
        "Running a workgroup",
        &[Metric::AdminHours, Metric::Crossover],
        &[(Param::Computers, 4.0), (Param::PairMinutes, 15.0)],
        workgroup::build,
    )
};

pub const DISTRIBUTION: Bench = &BenchSpec {
    sandbox_sizes: Some([10.0, 50.0, 200.0]),
    sides: SideNames::WITH_HYBRID,
    size: Some(Param::Receivers),
    per_node: &[
        NodeSetting::Rates,
        NodeSetting::Role(RoleWords {
            peer: "Peer: downloads and passes chunks on",
            client: "Client: downloads only",
            became_peer: "uploads again: a peer",
            became_client: "uploads nothing now: a client",
            // The server seeds every receiver whatever they do.
            needs_a_peer: false,
        }),
    ],
    chart: Some(ChartText::over_time("Receivers holding the whole file", "share complete", Curve::ShareComplete)),
    ..BenchSpec::new(
        "distribution",
        "File distribution",
        &[Metric::CompletionS, Metric::HaveFile, Metric::BoundS],
        &[
            (Param::Receivers, 20.0),
            (Param::FileMbit, 800.0),
            (Param::Chunks, 100.0),
            (Param::ServerUploadMbps, 100.0),
            (Param::PeerUpMbps, 10.0),
            (Param::PeerDownMbps, 50.0),
            (Param::Hybrid, 0.0),
        ],
        distribution::build,
    )
};

pub const DHT: Bench = &BenchSpec {
    facts: dht::facts,
    sandbox_sizes: Some([16.0, 64.0, 256.0]),
    sides: SideNames { central: "Central index", distributed: "Chord ring (DHT)", hybrid: None },
    size: Some(Param::Peers),
    chart: Some(ChartText::over_time("Lookups that found the key, so far", "share found", Curve::HitRateSoFar)),
    ..BenchSpec::new(
        "dht",
        "A distributed index (DHT)",
        &[Metric::HitRate, Metric::HopsPerSearch, Metric::MessagesPerSearch, Metric::BusiestShare],
        &[(Param::Peers, 64.0), (Param::Replication, 2.0), (Param::Churning, 0.0), (Param::SessionS, 60.0)],
        dht::build,
    )
};

pub const HYBRID: Bench = &BenchSpec {
    facts: hybrid::facts,
    sandbox_sizes: Some([10.0, 30.0, 100.0]),
    sides: SideNames { central: "Client-server", distributed: "Hybrid: tracker and swarm", hybrid: None },
    size: Some(Param::Receivers),
    chart: Some(ChartText::over_time("Receivers holding the whole file", "share complete", Curve::ShareComplete)),
    ..BenchSpec::new(
        "hybrid",
        "Tracker and swarm (hybrid)",
        &[Metric::ServerSentMbit, Metric::HaveFile, Metric::CompletionS, Metric::JoinsRefused],
        &[
            (Param::Receivers, 30.0),
            (Param::FileMbit, 200.0),
            (Param::ServerUploadMbps, 50.0),
            (Param::PeerUpMbps, 10.0),
            (Param::PeerDownMbps, 40.0),
            (Param::ArrivalWindowS, 60.0),
            (Param::TrackerFails, 0.0),
        ],
        hybrid::build,
    )
};

pub const INCENTIVES: Bench = &BenchSpec {
    facts: incentives::facts,
    sandbox_sizes: Some([20.0, 50.0, 150.0]),
    sides: SideNames { central: "Altruistic swarm", distributed: "Tit-for-tat swarm", hybrid: None },
    size: Some(Param::Receivers),
    per_node: &[NodeSetting::Role(RoleWords {
        peer: "Peer: downloads and uploads",
        client: "Free rider: downloads only",
        became_peer: "uploads again: a peer",
        became_client: "uploads nothing now: a free rider",
        // The server seeds every receiver whatever they do.
        needs_a_peer: false,
    })],
    chart: Some(ChartText::over_time("Receivers holding the whole file", "share complete", Curve::ShareComplete)),
    ..BenchSpec::new(
        "incentives",
        "Free riders and tit-for-tat",
        &[Metric::ContributorMeanS, Metric::FreeRiderMeanS, Metric::CompletionS, Metric::HaveFile],
        &[
            (Param::Receivers, 50.0),
            (Param::FreeRiders, 10.0),
            (Param::FileMbit, 1000.0),
            (Param::ServerUploadMbps, 30.0),
            (Param::PeerUpMbps, 10.0),
            (Param::PeerDownMbps, 15.0),
        ],
        incentives::build,
    )
};

/// Every bench, the sandbox's in the order it lists them.
pub const TABLE: &[Bench] = &[
    DISTRIBUTION,
    SERVICE,
    LOOKUP,
    CHURN,
    ROLE,
    PLACEMENT,
    COST,
    WORKGROUP,
    HYBRID,
    DHT,
    INCENTIVES,
    #[cfg(test)]
    &super::toy::SPEC,
];
