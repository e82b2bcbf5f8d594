//! The sweep: file distribution for every N up to a maximum, both
//! architectures, with the textbook bounds beside the simulated times. It
//! runs in slices (a budget of events per call), so the page can draw
//! between slices and a long sweep never freezes it.

use crate::decimal::fixed;
use crate::experiment::bench::distribution;
use crate::experiment::chart::Series;
use crate::experiment::{ChartSpec, Params};
use crate::experiment::bench::distribution::SWEEP_CSV_HEADER;
use crate::sim::distribution::{DistributionScenario, DistributionSim};
use crate::sim::node::Architecture;
use crate::sim::stepping::Stepper;
use crate::sim::validate::ValidationError;

/// At most this many values of N, spread from 1 to the maximum: enough
/// that a lesson's sweep (to 30) skips none.
pub const MAX_POINTS: u32 = 40;

/// One N's results: simulated and bound times, in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SweepPoint {
    pub n: u32,
    pub client_server_s: f64,
    pub client_server_bound_s: f64,
    pub p2p_s: f64,
    pub p2p_bound_s: f64,
}

pub struct Sweep {
    params: Params,
    seed: u64,
    ns: Vec<u32>,
    /// Index into `ns` of the run in progress, and which architecture.
    next: usize,
    peer_to_peer: bool,
    running: Option<Box<DistributionSim>>,
    partial: Option<(f64, f64)>,
    pub points: Vec<SweepPoint>,
}

/// The values of N a sweep to `max` visits: every N when few, otherwise
/// about `MAX_POINTS` spread evenly, always including 1 and `max`.
pub fn sweep_ns(max: u32) -> Vec<u32> {
    let max = max.max(1);
    if max <= MAX_POINTS {
        return (1..=max).collect();
    }
    let mut ns: Vec<u32> = (0..MAX_POINTS)
        .map(|i| 1 + ((u64::from(max - 1) * u64::from(i)) / u64::from(MAX_POINTS - 1)) as u32)
        .collect();
    ns.dedup();
    ns
}

impl Sweep {
    pub fn new(params: &Params, seed: u64, max: u32) -> Sweep {
        Sweep {
            params: params.clone(),
            seed,
            ns: sweep_ns(max),
            next: 0,
            peer_to_peer: false,
            running: None,
            partial: None,
            points: Vec::new(),
        }
    }

    pub fn total(&self) -> u32 {
        self.ns.len() as u32
    }

    pub fn done(&self) -> bool {
        self.next >= self.ns.len()
    }

    fn scenario(&self, arch: Architecture, n: u32) -> DistributionScenario {
        distribution::scenario(arch, n, &self.params, self.seed)
    }

    /// Runs at most `budget` events; returns how many ran. A scenario the
    /// core refuses stops the sweep with its reason.
    pub fn advance(&mut self, budget: u64) -> Result<u64, ValidationError> {
        let mut spent = 0;
        while spent < budget && !self.done() {
            let n = self.ns[self.next];
            let arch = if self.peer_to_peer { Architecture::PeerToPeer } else { Architecture::ClientServer };
            let mut sim = match self.running.take() {
                Some(sim) => sim,
                None => Box::new(DistributionSim::new(self.scenario(arch, n))?),
            };
            spent += sim.run_events(budget - spent);
            if !sim.is_finished() {
                self.running = Some(sim);
                break;
            }
            let report = sim.report();
            if self.peer_to_peer {
                let (cs, cs_bound) = self.partial.take().unwrap_or((f64::NAN, f64::NAN));
                self.points.push(SweepPoint {
                    n,
                    client_server_s: cs,
                    client_server_bound_s: cs_bound,
                    p2p_s: report.completion_time_s,
                    p2p_bound_s: report.lower_bound_s,
                });
                self.next += 1;
            } else {
                self.partial = Some((report.completion_time_s, report.lower_bound_s));
            }
            self.peer_to_peer = !self.peer_to_peer;
        }
        Ok(spent)
    }

    pub fn chart(&self) -> ChartSpec {
        let line = |label: &str, dashed: bool, f: fn(&SweepPoint) -> f64| Series {
            label: label.to_owned(),
            points: self.points.iter().map(|p| (f64::from(p.n), f(p))).collect(),
            dashed,
        };
        ChartSpec {
            title: "Time to send the file to N receivers".to_owned(),
            x_label: "receivers (N)".to_owned(),
            y_label: "time (s)".to_owned(),
            series: vec![
                line("Client-server, simulated", false, |p| p.client_server_s),
                line("Peer-to-peer, simulated", false, |p| p.p2p_s),
                line("Client-server bound", true, |p| p.client_server_bound_s),
                line("Peer-to-peer bound", true, |p| p.p2p_bound_s),
            ],
            y_max: None,
            x_max: None,
            y_reach: None,
            marker_x: None,
        }
    }

    /// The results as CSV, one row per N.
    pub fn csv(&self) -> String {
        let mut out = format!("{SWEEP_CSV_HEADER}\n");
        for p in &self.points {
            let cells = [p.client_server_s, p.client_server_bound_s, p.p2p_s, p.p2p_bound_s].map(|v| fixed(v, 3));
            out.push_str(&format!("{},{}\n", p.n, cells.join(",")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::Param;

    #[test]
    fn ns_cover_the_range() {
        assert_eq!(sweep_ns(5), vec![1, 2, 3, 4, 5]);
        assert_eq!(sweep_ns(30), (1..=30).collect::<Vec<_>>(), "a lesson's sweep skips no N");
        let ns = sweep_ns(300);
        assert_eq!(ns.first(), Some(&1));
        assert_eq!(ns.last(), Some(&300));
        assert!(ns.len() as u32 <= MAX_POINTS && ns.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(sweep_ns(0), vec![1]);
    }

    #[test]
    fn a_sweep_in_small_slices_agrees_with_theory() {
        let params = Params::from_pairs(&[(Param::Chunks, 50.0)]);
        let mut sweep = Sweep::new(&params, 3, 40);
        let mut slices = 0;
        while !sweep.done() {
            sweep.advance(500).unwrap();
            slices += 1;
            assert!(slices < 100_000, "the sweep makes progress");
        }
        assert!(slices > 10, "it really ran in slices");
        assert_eq!(sweep.points.len() as u32, sweep.total());
        for p in &sweep.points {
            assert!((p.client_server_s / p.client_server_bound_s - 1.0).abs() < 0.01, "{p:?}");
            assert!(p.p2p_s >= p.p2p_bound_s * (1.0 - 1e-9) && p.p2p_s <= p.p2p_bound_s * 1.15, "{p:?}");
        }
        let csv = sweep.csv();
        assert_eq!(csv.lines().count(), sweep.points.len() + 1);
        assert!(csv.starts_with("n,client_server_s"));
        assert_eq!(sweep.chart().series.len(), 4);
    }

    #[test]
    fn a_refused_scenario_stops_with_its_reason() {
        let params = Params::from_pairs(&[(Param::PeerUpMbps, 0.1), (Param::FileMbit, 100_000.0), (Param::ServerUploadMbps, 10.0)]);
        let mut sweep = Sweep::new(&params, 1, 300);
        // Either every run fits the core's limits, or the error names a field.
        match sweep.advance(1000) {
            Ok(_) => {}
            Err(e) => assert!(!e.field.is_empty()),
        }
    }
}
