//! Every lesson's experiment and task. The words live in
//! content/lessons/; the row of the comparison in `comparison.rs`.
//!
//! Each task needs the lesson's idea: a threshold, a combination, or a
//! target under a constraint, so that no end of any control's range reaches
//! it by itself (a native test sets every combination of ends), and no
//! number the page states does either.

use crate::experiment::bench::{CHURN, COST, DHT, DISTRIBUTION, HYBRID, INCENTIVES, LOOKUP, PLACEMENT, ROLE, SERVICE, WORKGROUP};
use crate::experiment::{Cmp, Goal, Metric, Param, Side};
use crate::lessons::lesson::{Best, Lesson, Setup, Task};
use crate::lessons::slug::LessonSlug;

const SEED: u64 = 2024;
use Side::{Central, Distributed};

pub const LESSONS: [Lesson; 11] = [
    Lesson {
        slug: LessonSlug::Role,
        setup: Setup { bench: ROLE, preset: &[(Param::Nodes, 4.0)], controls: &[Param::Nodes], seed: SEED, hidden: &[] },
        // Spread the answering thin, with few enough peers to need the idea.
        task: Task {
            goal: Goal::All(&[
                Goal::Metric { side: Distributed, metric: Metric::BusiestShare, cmp: Cmp::AtMost, value: 0.10 },
                Goal::Param { param: Param::Nodes, cmp: Cmp::AtMost, value: 20.0 },
            ]),
            solution: &[(Param::Nodes, 16.0)],
            best: Some(Best { param: Param::Nodes, value: 16.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Focus,
        setup: Setup {
            bench: LOOKUP,
            preset: &[(Param::Peers, 50.0), (Param::Ttl, 1.0), (Param::Replication, 2.0), (Param::Hybrid, 0.0)],
            controls: &[Param::Ttl, Param::Replication, Param::Peers, Param::Hybrid],
            seed: SEED,
            hidden: &[],
        },
        // Find nearly everything without flooding the whole network.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::Peers, cmp: Cmp::Equal, value: 50.0 },
                Goal::Param { param: Param::Hybrid, cmp: Cmp::Equal, value: 0.0 },
                Goal::Metric { side: Distributed, metric: Metric::HitRate, cmp: Cmp::AtLeast, value: 0.95 },
                Goal::Metric { side: Distributed, metric: Metric::MessagesPerSearch, cmp: Cmp::AtMost, value: 80.0 },
            ]),
            solution: &[(Param::Ttl, 3.0), (Param::Replication, 5.0)],
            best: Some(Best { param: Param::Replication, value: 5.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Data,
        setup: Setup {
            bench: PLACEMENT,
            preset: &[(Param::Replication, 1.0), (Param::OfflinePercent, 20.0), (Param::PushUpdates, 0.0), (Param::CatchUp, 0.0)],
            controls: &[Param::Replication, Param::OfflinePercent, Param::PushUpdates, Param::CatchUp],
            seed: SEED,
            hidden: &[],
        },
        // Available and fresh while peers come and go, on as few copies as
        // will do: updates pushed, and returning copies caught up.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::OfflinePercent, cmp: Cmp::AtLeast, value: 30.0 },
                Goal::Metric { side: Distributed, metric: Metric::ItemsAvailable, cmp: Cmp::AtLeast, value: 0.99 },
                Goal::Metric { side: Distributed, metric: Metric::StaleReads, cmp: Cmp::AtMost, value: 0.05 },
                Goal::Param { param: Param::Replication, cmp: Cmp::AtMost, value: 6.0 },
            ]),
            solution: &[(Param::OfflinePercent, 30.0), (Param::Replication, 4.0), (Param::PushUpdates, 1.0), (Param::CatchUp, 1.0)],
            best: Some(Best { param: Param::Replication, value: 4.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Service,
        setup: Setup {
            bench: SERVICE,
            // The same total capacity on both sides: one server, or 50
            // peers with a fiftieth of it each.
            preset: &[(Param::ServerCapacity, 105.0), (Param::PeerCapacity, 2.1), (Param::Hybrid, 0.0)],
            controls: &[Param::ServerCapacity, Param::PeerCapacity, Param::Hybrid],
            seed: SEED,
            hidden: &[],
        },
        // The least capacity, shared equally by both designs, that keeps
        // client-server quick.
        task: Task {
            goal: Goal::All(&[
                Goal::ParamsScaled { param: Param::ServerCapacity, cmp: Cmp::Equal, factor: 50.0, of: Param::PeerCapacity },
                Goal::Metric { side: Central, metric: Metric::P95LatencyMs, cmp: Cmp::AtMost, value: 100.0 },
                Goal::Param { param: Param::ServerCapacity, cmp: Cmp::AtMost, value: 150.0 },
            ]),
            solution: &[(Param::ServerCapacity, 133.0), (Param::PeerCapacity, 2.66)],
            best: Some(Best { param: Param::ServerCapacity, value: 133.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Cost,
        setup: Setup {
            bench: COST,
            preset: &[(Param::Users, 10.0), (Param::OwnerHours, 0.2)],
            controls: &[Param::Users, Param::OwnerHours],
            seed: SEED,
            hidden: &[Metric::CheaperFrom],
        },
        // Where the bills cross, for owners who spend longer on upkeep.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::OwnerHours, cmp: Cmp::Equal, value: 0.3 },
                Goal::ParamMatches { param: Param::Users, side: Central, metric: Metric::CheaperFrom },
            ]),
            solution: &[(Param::OwnerHours, 0.3), (Param::Users, 93.0)],
            best: None,
        },
    },
    Lesson {
        slug: LessonSlug::Stability,
        setup: Setup {
            bench: CHURN,
            preset: &[(Param::Replication, 1.0), (Param::SecondServer, 0.0), (Param::Hybrid, 0.0)],
            controls: &[Param::Replication, Param::SecondServer, Param::Hybrid],
            seed: SEED,
            hidden: &[],
        },
        // As available as two servers, on as few copies as will do.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::SecondServer, cmp: Cmp::Equal, value: 1.0 },
                Goal::Compare {
                    left: (Distributed, Metric::Availability),
                    cmp: Cmp::AtLeast,
                    right: (Central, Metric::Availability),
                },
                Goal::Param { param: Param::Replication, cmp: Cmp::AtMost, value: 8.0 },
            ]),
            solution: &[(Param::SecondServer, 1.0), (Param::Replication, 7.0)],
            best: Some(Best { param: Param::Replication, value: 7.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::NetworkSize,
        setup: Setup {
            bench: WORKGROUP,
            preset: &[(Param::Computers, 4.0), (Param::PairMinutes, 15.0)],
            controls: &[Param::Computers, Param::PairMinutes],
            seed: SEED,
            hidden: &[Metric::Crossover],
        },
        // Where a server starts to pay off, when sharing costs more time.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::PairMinutes, cmp: Cmp::Equal, value: 30.0 },
                Goal::ParamMatches { param: Param::Computers, side: Central, metric: Metric::Crossover },
            ]),
            solution: &[(Param::PairMinutes, 30.0), (Param::Computers, 7.0)],
            best: None,
        },
    },
    Lesson {
        slug: LessonSlug::Scalability,
        setup: Setup {
            bench: DISTRIBUTION,
            preset: &[(Param::Receivers, 5.0), (Param::ServerUploadMbps, 100.0), (Param::Hybrid, 0.0)],
            controls: &[Param::Receivers, Param::ServerUploadMbps, Param::Hybrid],
            seed: SEED,
            hidden: &[],
        },
        // At the same server upload for both, the smallest crowd for which
        // the swarm is at least twice as fast.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::ServerUploadMbps, cmp: Cmp::Equal, value: 100.0 },
                Goal::Scaled {
                    left: (Distributed, Metric::CompletionS),
                    cmp: Cmp::AtMost,
                    factor: 0.5,
                    right: (Central, Metric::CompletionS),
                },
                Goal::Param { param: Param::Receivers, cmp: Cmp::AtMost, value: 15.0 },
            ]),
            solution: &[(Param::Receivers, 11.0)],
            best: Some(Best { param: Param::Receivers, value: 11.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Hybrid,
        setup: Setup {
            bench: HYBRID,
            preset: &[(Param::Receivers, 30.0), (Param::ArrivalWindowS, 60.0), (Param::TrackerFails, 0.0)],
            controls: &[Param::Receivers, Param::ArrivalWindowS, Param::TrackerFails],
            seed: SEED,
            hidden: &[],
        },
        // The server's load: one copy per client, against what a swarm asks of it.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::ArrivalWindowS, cmp: Cmp::Equal, value: 60.0 },
                Goal::Param { param: Param::TrackerFails, cmp: Cmp::Equal, value: 0.0 },
                Goal::Scaled {
                    left: (Distributed, Metric::ServerSentMbit),
                    cmp: Cmp::AtMost,
                    factor: 0.1,
                    right: (Central, Metric::ServerSentMbit),
                },
                Goal::Param { param: Param::Receivers, cmp: Cmp::AtMost, value: 90.0 },
            ]),
            solution: &[(Param::Receivers, 69.0)],
            best: Some(Best { param: Param::Receivers, value: 69.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Dht,
        setup: Setup {
            bench: DHT,
            preset: &[(Param::Peers, 64.0), (Param::Replication, 2.0), (Param::SessionS, 60.0), (Param::Churning, 0.0)],
            controls: &[Param::Peers, Param::Replication, Param::SessionS, Param::Churning],
            seed: SEED,
            hidden: &[],
        },
        // Copies keep keys alive under churn: the fewest that keeps
        // nearly every lookup finding its key, on the starting ring.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::Churning, cmp: Cmp::Equal, value: 1.0 },
                Goal::Param { param: Param::Peers, cmp: Cmp::Equal, value: 64.0 },
                Goal::Param { param: Param::SessionS, cmp: Cmp::Equal, value: 60.0 },
                Goal::Metric { side: Distributed, metric: Metric::HitRate, cmp: Cmp::AtLeast, value: 0.99 },
                Goal::Param { param: Param::Replication, cmp: Cmp::AtMost, value: 5.0 },
            ]),
            solution: &[(Param::Churning, 1.0), (Param::Replication, 4.0)],
            best: Some(Best { param: Param::Replication, value: 4.0 }),
        },
    },
    Lesson {
        slug: LessonSlug::Incentives,
        setup: Setup {
            bench: INCENTIVES,
            preset: &[(Param::FreeRiders, 10.0), (Param::Receivers, 50.0)],
            controls: &[Param::FreeRiders, Param::Receivers],
            seed: SEED,
            hidden: &[],
        },
        // How much free riding it takes to slow the altruistic swarm past a time.
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::Receivers, cmp: Cmp::Equal, value: 50.0 },
                Goal::Metric { side: Central, metric: Metric::CompletionS, cmp: Cmp::AtLeast, value: 145.0 },
                Goal::Param { param: Param::FreeRiders, cmp: Cmp::AtMost, value: 22.0 },
            ]),
            solution: &[(Param::FreeRiders, 18.0)],
            best: Some(Best { param: Param::FreeRiders, value: 18.0 }),
        },
    },
];

pub fn lesson(slug: LessonSlug) -> &'static Lesson {
    // LESSONS is in course order; the tests keep it so.
    &LESSONS[slug.position() as usize]
}
