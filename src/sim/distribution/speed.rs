//! The runs whose speed is compared natively and in the browser: the same
//! scenarios, the same code, timed by a clock the caller passes in (the
//! simulation core never reads one). `simulate bench` times them natively,
//! tests/wasm_speed.rs in the browser, and scripts/wasm-speed.sh prints the
//! two side by side.

use super::{event_budget, DistributionScenario, DistributionSim};
use crate::sim::node::Architecture;
use crate::sim::stepping::Stepper;

/// Client-server at N = 1,000, peer-to-peer at N = 100 and 1,000.
pub const SPEED_CASES: [(Architecture, u32); 3] =
    [(Architecture::ClientServer, 1_000), (Architecture::PeerToPeer, 100), (Architecture::PeerToPeer, 1_000)];

/// Times each run takes; the fastest is reported, the others absorb noise.
pub const SPEED_RUNS: u32 = 5;

/// One case's figures: events of one run and its fastest wall time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speed {
    pub arch: Architecture,
    pub peers: u32,
    pub events: u64,
    pub best_ms: f64,
}

impl Speed {
    pub fn events_per_s(&self) -> f64 {
        self.events as f64 / (self.best_ms / 1e3).max(1e-9)
    }

    /// The line both sides print, which the script reads.
    pub fn line(&self) -> String {
        format!("speed {} {} {} {:.2} {:.0}", self.arch.slug(), self.peers, self.events, self.best_ms, self.events_per_s())
    }
}

/// A 100 Mbit file in 100 chunks; server 100 Mbps up, peers 10 up and 100 down.
pub fn speed_scenario(arch: Architecture, peers: u32) -> DistributionScenario {
    DistributionScenario::homogeneous(arch, peers, 100.0, 100.0, 10.0, 100.0)
}

/// Runs a case `SPEED_RUNS` times; `now_ms` is the caller's clock.
pub fn measure(arch: Architecture, peers: u32, now_ms: &dyn Fn() -> f64) -> Result<Speed, String> {
    let scenario = speed_scenario(arch, peers);
    let mut best = f64::INFINITY;
    let mut events = 0;
    for _ in 0..SPEED_RUNS {
        let mut sim = DistributionSim::new(scenario.clone()).map_err(|e| e.to_string())?;
        let started = now_ms();
        sim.run_to_end(event_budget(&scenario));
        best = best.min(now_ms() - started);
        events = sim.report().events;
    }
    Ok(Speed { arch, peers, events, best_ms: best })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_runs_to_its_end_with_events_counted() {
        let tick = std::cell::Cell::new(0.0);
        let clock = || {
            tick.set(tick.get() + 1.0);
            tick.get()
        };
        for (arch, peers) in SPEED_CASES {
            let s = measure(arch, peers, &clock).unwrap();
            assert!(s.events > u64::from(peers), "{s:?}");
            assert_eq!(s.best_ms, 1.0, "the clock the caller passes is the one read");
            assert!(s.line().starts_with(&format!("speed {} {peers} ", arch.slug())));
        }
    }
}
