//! Small fixed runs of every workload, summarised to exact figures. A native
//! test pins them, and a browser test (tests/web_app.rs) compares the Wasm
//! build's summaries with the same pinned text: a run must give the same
//! result natively and in Wasm, event for event.

use crate::sim::churn::{self, ChurnScenario};
use crate::sim::distribution;
use crate::sim::fault::ScheduledFault;
use crate::sim::lookup::{self, LookupScenario, Propagation};
use crate::sim::node::Architecture;
use crate::sim::service::{self, ServiceScenario};

/// The pinned summaries, one line per run, as `golden_summaries` prints them.
pub const EXPECTED: &str = include_str!("golden_expected.txt");

/// One line per run: `name: figures`. Floats print with `{:?}`, the shortest
/// text that reads back to the same bits, so any difference shows.
pub fn golden_summaries() -> String {
    let mut lines = vec![format!("distribution: {}", distribution::golden_summary())];

    let req = ServiceScenario {
        architecture: Architecture::PeerToPeer,
        users: 12,
        request_rate: 2.0,
        service_rate: 15.0,
        duration_s: 20.0,
        faults: vec![ScheduledFault::fail(5.0, 3)],
        seed: 11,
        ..ServiceScenario::default()
    };
    lines.push(match service::run(req) {
        Ok(r) => format!(
            "service: events={} issued={} completed={} failed={} mean_ms={:?}",
            r.events,
            r.counters.issued,
            r.counters.completed,
            r.counters.failed,
            r.latency.map(|l| l.mean_ms)
        ),
        Err(e) => format!("service: error {e}"),
    });

    let look = LookupScenario {
        peers: 40,
        ttl: 3,
        replication: 2,
        update_rate: 0.5,
        propagation: Propagation::Push { delay_ms: 30.0 },
        duration_s: 20.0,
        seed: 12,
        ..LookupScenario::default()
    };
    lines.push(match lookup::run(look) {
        Ok(r) => format!(
            "lookup: events={} queries={} hits={} messages={} stale={:?}",
            r.events, r.counters.queries, r.counters.hits, r.counters.query_messages, r.stale_read_fraction
        ),
        Err(e) => format!("lookup: error {e}"),
    });

    let ch = ChurnScenario { peers: 20, replication: 3, duration_s: 600.0, seed: 13, ..ChurnScenario::default() };
    lines.push(match churn::run(ch) {
        Ok(r) => format!(
            "churn: events={} departures={} availability={:?}",
            r.events, r.counters.departures, r.mean_item_availability
        ),
        Err(e) => format!("churn: error {e}"),
    });
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_match_the_pinned_figures() {
        let got = golden_summaries();
        assert_eq!(got.trim(), EXPECTED.trim(), "new figures:\n{got}");
    }
}
