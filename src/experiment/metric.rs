//! What an experiment measures, named, so that a lesson's goal can say
//! "peer-to-peer's hit rate at least 0.95" as plain data.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Metric {
    /// Share of all answers given by the node that answered most (0..1).
    BusiestShare,
    /// Share of searches that found the item (0..1).
    HitRate,
    /// Messages sent per search, on average.
    MessagesPerSearch,
    /// Share of items with at least one reachable copy (0..1).
    ItemsAvailable,
    /// Share of reads that returned an out-of-date copy (0..1).
    StaleReads,
    /// Median response time, milliseconds.
    P50LatencyMs,
    /// 95th-percentile response time, milliseconds.
    P95LatencyMs,
    /// Share of requests dropped or failed (0..1).
    FailedShare,
    /// Cost per user per month.
    CostPerUser,
    /// Total cost per month.
    TotalCost,
    /// Share of the total paid by an operator rather than by users (0..1).
    OperatorShare,
    /// Share of time the file could be fetched (0..1).
    Availability,
    /// Administration hours per month.
    AdminHours,
    /// The smallest number of computers at which a server means less
    /// administration than a workgroup.
    Crossover,
    /// Time until every receiver holds the whole file, seconds.
    CompletionS,
    /// The textbook lower bound for that time, seconds.
    BoundS,
    /// The fewest users at which client-server costs no more per user than
    /// peer-to-peer.
    CheaperFrom,
    /// Messages the whole network carries per second, for every search.
    MessagesPerSecond,
    /// Requests answered by other nodes, in all (a peer's own copy does
    /// not count).
    Answered,
    /// Share of receivers holding the whole file (0..1).
    HaveFile,
    /// Overlay hops from the asker to the node that can answer, on average
    /// over searches that found the item.
    HopsPerSearch,
    /// Megabits the server (or seed) has uploaded.
    ServerSentMbit,
    /// Times a newcomer found the tracker down and could not join.
    JoinsRefused,
    /// Mean time until a peer that uploads holds the whole file, seconds.
    ContributorMeanS,
    /// Mean time until a free rider holds the whole file, seconds.
    FreeRiderMeanS,
}

impl Metric {
    /// How many metrics there are (the last variant's index plus one).
    pub const COUNT: usize = Metric::FreeRiderMeanS as usize + 1;

    pub const ALL: [Metric; Metric::COUNT] = [
        Metric::BusiestShare,
        Metric::HitRate,
        Metric::MessagesPerSearch,
        Metric::ItemsAvailable,
        Metric::StaleReads,
        Metric::P50LatencyMs,
        Metric::P95LatencyMs,
        Metric::FailedShare,
        Metric::CostPerUser,
        Metric::TotalCost,
        Metric::OperatorShare,
        Metric::Availability,
        Metric::AdminHours,
        Metric::Crossover,
        Metric::CompletionS,
        Metric::BoundS,
        Metric::CheaperFrom,
        Metric::MessagesPerSecond,
        Metric::Answered,
        Metric::HaveFile,
        Metric::HopsPerSearch,
        Metric::ServerSentMbit,
        Metric::JoinsRefused,
        Metric::ContributorMeanS,
        Metric::FreeRiderMeanS,
    ];

    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// A stable name for tests and saved data, never the words on screen.
    pub fn key(self) -> &'static str {
        match self {
            Metric::BusiestShare => "BusiestShare",
            Metric::HitRate => "HitRate",
            Metric::MessagesPerSearch => "MessagesPerSearch",
            Metric::ItemsAvailable => "ItemsAvailable",
            Metric::StaleReads => "StaleReads",
            Metric::P50LatencyMs => "P50LatencyMs",
            Metric::P95LatencyMs => "P95LatencyMs",
            Metric::FailedShare => "FailedShare",
            Metric::CostPerUser => "CostPerUser",
            Metric::TotalCost => "TotalCost",
            Metric::OperatorShare => "OperatorShare",
            Metric::Availability => "Availability",
            Metric::AdminHours => "AdminHours",
            Metric::Crossover => "Crossover",
            Metric::CompletionS => "CompletionS",
            Metric::BoundS => "BoundS",
            Metric::CheaperFrom => "CheaperFrom",
            Metric::MessagesPerSecond => "MessagesPerSecond",
            Metric::Answered => "Answered",
            Metric::HaveFile => "HaveFile",
            Metric::HopsPerSearch => "HopsPerSearch",
            Metric::ServerSentMbit => "ServerSentMbit",
            Metric::JoinsRefused => "JoinsRefused",
            Metric::ContributorMeanS => "ContributorMeanS",
            Metric::FreeRiderMeanS => "FreeRiderMeanS",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::BusiestShare => "Answers given by the busiest node",
            Metric::HitRate => "Searches that found the item",
            Metric::MessagesPerSearch => "Messages per search",
            Metric::ItemsAvailable => "Items available",
            Metric::StaleReads => "Reads that got a stale copy",
            Metric::P50LatencyMs => "Median latency (p50)",
            Metric::P95LatencyMs => "Latency, 95th percentile (p95)",
            Metric::FailedShare => "Requests dropped or failed",
            Metric::CostPerUser => "Cost per user per month",
            Metric::TotalCost => "Total cost per month",
            Metric::OperatorShare => "Paid by an operator",
            Metric::Availability => "Items available, share of the time",
            Metric::AdminHours => "Administration per month",
            Metric::Crossover => "Computers at which a server pays off",
            Metric::CompletionS => "Time to send the file to all",
            Metric::BoundS => "Textbook lower bound",
            Metric::CheaperFrom => "Users from which client-server is cheaper",
            Metric::MessagesPerSecond => "Messages the network carries per second",
            Metric::Answered => "Requests answered",
            Metric::HaveFile => "Receivers with the whole file",
            Metric::HopsPerSearch => "Hops per search",
            Metric::ServerSentMbit => "Sent by the server",
            Metric::JoinsRefused => "Newcomers turned away",
            Metric::ContributorMeanS => "Peers that upload: mean time to the file",
            Metric::FreeRiderMeanS => "Free riders: mean time to the file",
        }
    }

    /// What stretch of the run a readout covers, so a readout is never
    /// mistaken for the chart's "now".
    pub fn window(self) -> &'static str {
        match self {
            Metric::BusiestShare
            | Metric::Answered
            | Metric::FailedShare
            | Metric::HaveFile
            | Metric::ServerSentMbit
            | Metric::JoinsRefused => "so far",
            Metric::HitRate | Metric::StaleReads => "of searches so far",
            Metric::MessagesPerSearch => "average so far",
            Metric::HopsPerSearch => "average over searches that found it",
            Metric::P50LatencyMs | Metric::P95LatencyMs => "of requests answered so far",
            Metric::ItemsAvailable | Metric::Availability | Metric::MessagesPerSecond => "average over the run so far",
            Metric::CostPerUser
            | Metric::TotalCost
            | Metric::OperatorShare
            | Metric::AdminHours
            | Metric::CheaperFrom
            | Metric::Crossover => "from the model",
            Metric::CompletionS => "when the last receiver has the file",
            Metric::ContributorMeanS | Metric::FreeRiderMeanS => "once every one of them has it",
            Metric::BoundS => "from the textbook's formula",
        }
    }

    /// The value as a learner reads it, with its unit.
    pub fn format(self, value: f64) -> String {
        self.format_finer(value, 0)
    }

    /// Two values as a learner reads them, with as many more decimals as
    /// it takes (up to three) for different values not to read the same:
    /// a readout never rounds a miss into a hit.
    pub fn format_apart(self, value: f64, other: f64) -> (String, String) {
        let mut pair = (self.format(value), self.format(other));
        for extra in 1..=3 {
            if pair.0 != pair.1 || value == other {
                break;
            }
            pair = (self.format_finer(value, extra), self.format_finer(other, extra));
        }
        pair
    }

    /// With `extra` more decimals than usual.
    fn format_finer(self, value: f64, extra: usize) -> String {
        if !value.is_finite() {
            return "—".to_owned();
        }
        let fixed = |v: f64, d: usize| crate::decimal::fixed(v, d + extra);
        match self {
            Metric::BusiestShare
            | Metric::HitRate
            | Metric::ItemsAvailable
            | Metric::StaleReads
            | Metric::FailedShare
            | Metric::OperatorShare
            | Metric::Availability
            | Metric::HaveFile => {
                // Adding zero turns -0.0 into 0.0, so nothing prints as "-0%".
                let p = value * 100.0 + 0.0;
                format!("{}%", fixed(p, usize::from(p > 99.0 && p < 100.0)))
            }
            Metric::MessagesPerSearch => fixed(value, 1),
            // A whole hop is a doubling of the ring: tenths of a hop matter.
            Metric::HopsPerSearch => fixed(value, 2),
            Metric::MessagesPerSecond | Metric::CheaperFrom | Metric::Crossover | Metric::Answered | Metric::JoinsRefused => {
                fixed(value, 0)
            }
            Metric::ServerSentMbit => format!("{} Mbit", fixed(value, 0)),
            Metric::P50LatencyMs | Metric::P95LatencyMs => format!("{} ms", fixed(value, 0)),
            Metric::CostPerUser | Metric::TotalCost => format!("${}", fixed(value, 2)),
            Metric::AdminHours => format!("{} h", fixed(value, 1)),
            Metric::CompletionS | Metric::BoundS | Metric::ContributorMeanS | Metric::FreeRiderMeanS => {
                format!("{} s", fixed(value, 1))
            }
        }
    }
}

/// Measured values of one side of an experiment, indexed by metric (an
/// array, not a map: less code in the Wasm bundle).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics([Option<f64>; Metric::COUNT]);

impl Metrics {
    pub fn get(&self, metric: Metric) -> Option<f64> {
        self.0[metric as usize].filter(|v| v.is_finite())
    }

    pub fn set(&mut self, metric: Metric, value: f64) {
        self.0[metric as usize] = Some(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_miss_never_reads_as_the_target() {
        let apart = |m: Metric, a, b| m.format_apart(a, b);
        assert_eq!(apart(Metric::BusiestShare, 0.104, 0.10), ("10.4%".into(), "10.0%".into()));
        assert_eq!(apart(Metric::HitRate, 0.947, 0.95), ("94.7%".into(), "95.0%".into()));
        assert_eq!(apart(Metric::ItemsAvailable, 0.9889, 0.99), ("98.9%".into(), "99.0%".into()));
        assert_eq!(apart(Metric::ItemsAvailable, 0.98999, 0.99), ("98.999%".into(), "99.000%".into()));
        assert_eq!(apart(Metric::BusiestShare, 0.30, 0.10), ("30%".into(), "10%".into()), "no extra digits when not needed");
        assert_eq!(apart(Metric::P95LatencyMs, 100.0, 100.0), ("100 ms".into(), "100 ms".into()));
    }

    #[test]
    fn formats_read_naturally() {
        assert_eq!(Metric::HitRate.format(0.953), "95%");
        assert_eq!(Metric::Availability.format(0.9921), "99.2%");
        assert_eq!(Metric::P95LatencyMs.format(87.4), "87 ms");
        assert_eq!(Metric::CostPerUser.format(3.456), "$3.46");
        assert_eq!(Metric::TotalCost.format(1234.5), "$1234.50", "cents always, as the lessons quote them");
        assert_eq!(Metric::CompletionS.format(f64::NAN), "—");
        assert_eq!(Metric::OperatorShare.format(-0.0), "0%");
    }

    #[test]
    fn every_metric_has_a_slot() {
        let all = Metric::ALL;
        for m in all {
            assert_eq!(Metric::from_key(m.key()), Some(m), "keys are unique and read back");
        }
        let mut m = Metrics::default();
        for (i, metric) in all.into_iter().enumerate() {
            assert_eq!(metric as usize, i);
            m.set(metric, i as f64);
        }
        assert_eq!(m.get(Metric::BoundS), Some(15.0));
    }

    #[test]
    fn non_finite_values_read_as_missing() {
        let mut m = Metrics::default();
        m.set(Metric::HitRate, f64::NAN);
        assert_eq!(m.get(Metric::HitRate), None);
        m.set(Metric::HitRate, 0.5);
        assert_eq!(m.get(Metric::HitRate), Some(0.5));
    }
}
