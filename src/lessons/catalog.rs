//! Every lesson's experiment and task. The words live in `prose/`; the row
//! of the comparison in `comparison.rs`.

use crate::experiment::bench::{CHURN, COST, DISTRIBUTION, LOOKUP, PLACEMENT, ROLE, SERVICE, WORKGROUP};
use crate::experiment::{Cmp, Goal, Metric, Param, Side};
use crate::lessons::lesson::{Lesson, Setup, Task};
use crate::lessons::slug::LessonSlug;

const SEED: u64 = 2024;

pub const LESSONS: [Lesson; 8] = [
    Lesson {
        slug: LessonSlug::Role,
        setup: Setup { bench: ROLE, preset: &[(Param::Nodes, 4.0)], controls: &[Param::Nodes], seed: SEED },
        task: Task {
            goal: Goal::Metric { side: Side::Distributed, metric: Metric::BusiestShare, cmp: Cmp::AtMost, value: 0.10 },
            solution: &[(Param::Nodes, 25.0)],
        },
    },
    Lesson {
        slug: LessonSlug::Focus,
        setup: Setup {
            bench: LOOKUP,
            preset: &[(Param::Ttl, 1.0), (Param::Replication, 2.0)],
            controls: &[Param::Ttl, Param::Replication],
            seed: SEED,
        },
        task: Task {
            goal: Goal::Metric { side: Side::Distributed, metric: Metric::HitRate, cmp: Cmp::AtLeast, value: 0.95 },
            solution: &[(Param::Ttl, 5.0)],
        },
    },
    Lesson {
        slug: LessonSlug::Data,
        setup: Setup {
            bench: PLACEMENT,
            preset: &[(Param::Replication, 1.0), (Param::OfflinePercent, 20.0), (Param::PushUpdates, 0.0)],
            controls: &[Param::Replication, Param::OfflinePercent, Param::PushUpdates],
            seed: SEED,
        },
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::OfflinePercent, cmp: Cmp::AtLeast, value: 20.0 },
                Goal::Metric { side: Side::Distributed, metric: Metric::ItemsAvailable, cmp: Cmp::AtLeast, value: 0.99 },
                Goal::Metric { side: Side::Distributed, metric: Metric::StaleReads, cmp: Cmp::AtMost, value: 0.05 },
            ]),
            solution: &[(Param::Replication, 4.0), (Param::PushUpdates, 1.0)],
        },
    },
    Lesson {
        slug: LessonSlug::Service,
        setup: Setup {
            bench: SERVICE,
            preset: &[(Param::ServerCapacity, 105.0)],
            controls: &[Param::ServerCapacity],
            seed: SEED,
        },
        task: Task {
            goal: Goal::Metric { side: Side::Central, metric: Metric::P95LatencyMs, cmp: Cmp::AtMost, value: 100.0 },
            solution: &[(Param::ServerCapacity, 200.0)],
        },
    },
    Lesson {
        slug: LessonSlug::Cost,
        setup: Setup { bench: COST, preset: &[(Param::Users, 10.0)], controls: &[Param::Users], seed: SEED },
        task: Task {
            goal: Goal::Compare {
                left: (Side::Central, Metric::CostPerUser),
                cmp: Cmp::AtMost,
                right: (Side::Distributed, Metric::CostPerUser),
            },
            solution: &[(Param::Users, 500.0)],
        },
    },
    Lesson {
        slug: LessonSlug::Stability,
        setup: Setup {
            bench: CHURN,
            preset: &[(Param::Replication, 1.0), (Param::ServerFailed, 0.0)],
            controls: &[Param::Replication, Param::ServerFailed],
            seed: SEED,
        },
        task: Task {
            goal: Goal::All(&[
                Goal::Metric { side: Side::Distributed, metric: Metric::Availability, cmp: Cmp::AtLeast, value: 0.99 },
                Goal::Param { param: Param::ServerFailed, cmp: Cmp::Equal, value: 1.0 },
            ]),
            solution: &[(Param::Replication, 9.0), (Param::ServerFailed, 1.0)],
        },
    },
    Lesson {
        slug: LessonSlug::NetworkSize,
        setup: Setup {
            bench: WORKGROUP,
            preset: &[(Param::Computers, 4.0)],
            controls: &[Param::Computers],
            seed: SEED,
        },
        task: Task {
            goal: Goal::ParamMatches { param: Param::Computers, side: Side::Central, metric: Metric::Crossover },
            solution: &[(Param::Computers, 10.0)],
        },
    },
    Lesson {
        slug: LessonSlug::Scalability,
        setup: Setup {
            bench: DISTRIBUTION,
            preset: &[(Param::Receivers, 10.0), (Param::ServerUploadMbps, 100.0)],
            controls: &[Param::Receivers, Param::ServerUploadMbps],
            seed: SEED,
        },
        task: Task {
            goal: Goal::All(&[
                Goal::Param { param: Param::Receivers, cmp: Cmp::AtLeast, value: 50.0 },
                Goal::Compare {
                    left: (Side::Central, Metric::CompletionS),
                    cmp: Cmp::AtMost,
                    right: (Side::Distributed, Metric::CompletionS),
                },
            ]),
            solution: &[(Param::Receivers, 50.0), (Param::ServerUploadMbps, 5000.0)],
        },
    },
];

pub fn lesson(slug: LessonSlug) -> &'static Lesson {
    // LESSONS is in course order; the tests keep it so.
    &LESSONS[slug.position() as usize]
}
