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

/// Rounds of every case after the first runs; each case's fastest is
/// reported, the others absorb noise.
pub const SPEED_RUNS: u32 = 9;

/// One case's figures: events of one run, the time of its first run (in a
/// fresh page, the browser is still compiling; what a learner's first
/// seconds see) and its fastest time once warm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Speed {
    pub arch: Architecture,
    pub peers: u32,
    pub events: u64,
    pub first_ms: f64,
    pub best_ms: f64,
}

impl Speed {
    pub fn events_per_s(&self) -> f64 {
        self.events as f64 / (self.best_ms / 1e3).max(1e-9)
    }

    /// The line both sides print, which the script reads.
    pub fn line(&self) -> String {
        let (arch, peers, events) = (self.arch.slug(), self.peers, self.events);
        format!("speed {arch} {peers} {events} {:.2} {:.2} {:.0}", self.first_ms, self.best_ms, self.events_per_s())
    }
}

/// A 100 Mbit file in 100 chunks; server 100 Mbps up, peers 10 up and 100 down.
pub fn speed_scenario(arch: Architecture, peers: u32) -> DistributionScenario {
    DistributionScenario::homogeneous(arch, peers, 100.0, 100.0, 10.0, 100.0)
}

/// Every case once, in order (the first runs), then `SPEED_RUNS` rounds of
/// every case (the fastest of each kept); `now_ms` is the caller's clock.
/// Rounds rather than a case's runs back to back: a browser optimises code
/// in the background while it runs, and noise from the machine comes and
/// goes, so each case's runs are spread over the whole measurement.
pub fn measure_all(now_ms: &dyn Fn() -> f64) -> Result<Vec<Speed>, String> {
    let mut speeds = Vec::with_capacity(SPEED_CASES.len());
    for (arch, peers) in SPEED_CASES {
        let (events, first_ms) = time_run(arch, peers, now_ms)?;
        speeds.push(Speed { arch, peers, events, first_ms, best_ms: f64::INFINITY });
    }
    for _ in 0..SPEED_RUNS {
        for speed in &mut speeds {
            speed.best_ms = speed.best_ms.min(time_run(speed.arch, speed.peers, now_ms)?.1);
        }
    }
    Ok(speeds)
}

/// One run of a case: its events and its wall time.
fn time_run(arch: Architecture, peers: u32, now_ms: &dyn Fn() -> f64) -> Result<(u64, f64), String> {
    let scenario = speed_scenario(arch, peers);
    let mut sim = DistributionSim::new(scenario.clone()).map_err(|e| e.to_string())?;
    let started = now_ms();
    sim.run_to_end(event_budget(&scenario));
    let ms = now_ms() - started;
    Ok((sim.report().events, ms))
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
        let all = measure_all(&clock).unwrap();
        assert_eq!(all.len(), SPEED_CASES.len());
        for (s, (arch, peers)) in all.iter().zip(SPEED_CASES) {
            assert_eq!((s.arch, s.peers), (arch, peers));
            assert!(s.events > u64::from(peers), "{s:?}");
            assert_eq!((s.first_ms, s.best_ms), (1.0, 1.0), "the clock the caller passes is the one read");
            assert!(s.line().starts_with(&format!("speed {} {peers} {} 1.00 1.00 ", arch.slug(), s.events)), "{}", s.line());
        }
    }
}
