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
}

impl Metric {
    /// How many metrics there are (the last variant's index plus one).
    pub const COUNT: usize = Metric::BoundS as usize + 1;

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
            Metric::Availability => "File availability",
            Metric::AdminHours => "Administration per month",
            Metric::Crossover => "Computers at which a server pays off",
            Metric::CompletionS => "Time to send the file to all",
            Metric::BoundS => "Textbook lower bound",
        }
    }

    /// The value as a learner reads it, with its unit.
    pub fn format(self, value: f64) -> String {
        if !value.is_finite() {
            return "—".to_owned();
        }
        match self {
            Metric::BusiestShare
            | Metric::HitRate
            | Metric::ItemsAvailable
            | Metric::StaleReads
            | Metric::FailedShare
            | Metric::OperatorShare
            | Metric::Availability => percent(value),
            Metric::MessagesPerSearch => format!("{value:.1}"),
            Metric::P50LatencyMs | Metric::P95LatencyMs => format!("{value:.0} ms"),
            Metric::CostPerUser | Metric::TotalCost => money(value),
            Metric::AdminHours => format!("{value:.1} h"),
            Metric::Crossover => format!("{value:.0}"),
            Metric::CompletionS | Metric::BoundS => format!("{value:.1} s"),
        }
    }
}

fn percent(x: f64) -> String {
    // Adding zero turns -0.0 into 0.0, so nothing prints as "-0%".
    let p = x * 100.0 + 0.0;
    if p > 99.0 && p < 100.0 {
        format!("{p:.1}%")
    } else {
        format!("{p:.0}%")
    }
}

fn money(x: f64) -> String {
    if x >= 100.0 {
        format!("${x:.0}")
    } else {
        format!("${x:.2}")
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
    fn formats_read_naturally() {
        assert_eq!(Metric::HitRate.format(0.953), "95%");
        assert_eq!(Metric::Availability.format(0.9921), "99.2%");
        assert_eq!(Metric::P95LatencyMs.format(87.4), "87 ms");
        assert_eq!(Metric::CostPerUser.format(3.456), "$3.46");
        assert_eq!(Metric::TotalCost.format(1234.5), "$1234");
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
