//! The summary of a run, shown beside its Kurose-Ross bound.

use super::engine::{DistributionSim, SERVER};
use crate::sim::node::Architecture;
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimTime, MICROS_PER_SECOND};
use serde::{Deserialize, Serialize};

/// One point of the completion curve: by `time_s`, this `fraction` of the
/// receivers held the whole file.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub time_s: f64,
    pub fraction: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistributionReport {
    pub arch: Architecture,
    pub peers: u32,
    pub chunks: u32,
    pub file_mbit: f64,
    pub seed: u64,
    /// Every receiver holds the whole file.
    pub finished: bool,
    /// When the last receiver completed (exact, in microseconds).
    pub completion_us: u64,
    pub completion_time_s: f64,
    /// The Kurose-Ross minimum for this architecture.
    pub lower_bound_s: f64,
    /// Simulated time over the bound (1.0 would be perfect).
    pub ratio: f64,
    /// Per receiver, in order: when it completed, `None` if it has not.
    pub peer_completion_us: Vec<Option<u64>>,
    pub peer_completion_s: Vec<Option<f64>>,
    pub server_upload_mbit: f64,
    pub peer_upload_mbit: Vec<f64>,
    pub peer_download_mbit: Vec<f64>,
    /// Whole chunks sent and received, summed over every node: equal, and
    /// `peers × chunks` once finished (nothing is sent twice or lost).
    pub chunks_uploaded: u64,
    pub chunks_downloaded: u64,
    pub events: u64,
    /// Starts at (0, 0); one point per receiver completion, in time order.
    pub completion_curve: Vec<CurvePoint>,
    /// Mean completion time (s) of the receivers that upload, and of the
    /// free riders (the scenario's download-only clients): `None` when the
    /// group is empty or one of its members has not finished. Grouped by
    /// role alone, so in client-server, where nobody uploads, "contributors"
    /// are simply the receivers not listed as clients.
    #[serde(default)]
    pub contributor_mean_s: Option<f64>,
    #[serde(default)]
    pub free_rider_mean_s: Option<f64>,
}

impl DistributionSim {
    /// The report so far; after the run ends, the final report.
    pub fn report(&self) -> DistributionReport {
        let sc = self.scenario();
        let n = sc.peers;
        let receivers = || self.nodes.iter().skip(1);
        let mbit = |chunks: u64| chunks as f64 * self.chunk_mbit;
        let finished = self.completed() == n;
        let completion = if finished { self.completions.last().map_or(SimTime::ZERO, |&(t, _)| t) } else { self.now() };
        let bound = sc.lower_bound_s();
        let mut curve = vec![CurvePoint { time_s: 0.0, fraction: 0.0 }];
        for (i, &(t, _)) in self.completions.iter().enumerate() {
            curve.push(CurvePoint { time_s: t.as_secs_f64(), fraction: (i + 1) as f64 / f64::from(n.max(1)) });
        }
        DistributionReport {
            arch: sc.arch,
            peers: n,
            chunks: sc.chunks,
            file_mbit: sc.file_mbit,
            seed: sc.seed,
            finished,
            completion_us: completion.0,
            completion_time_s: completion.as_secs_f64(),
            lower_bound_s: bound,
            ratio: if bound > 0.0 { completion.as_secs_f64() / bound } else { 0.0 },
            peer_completion_us: receivers().map(|s| s.done_at.map(|t| t.0)).collect(),
            peer_completion_s: receivers().map(|s| s.done_at.map(SimTime::as_secs_f64)).collect(),
            server_upload_mbit: self.nodes.get(SERVER.index()).map_or(0.0, |s| mbit(s.chunks_up)),
            peer_upload_mbit: receivers().map(|s| mbit(s.chunks_up)).collect(),
            peer_download_mbit: receivers().map(|s| mbit(s.chunks_down)).collect(),
            chunks_uploaded: self.nodes.iter().map(|s| s.chunks_up).sum(),
            chunks_downloaded: self.nodes.iter().map(|s| s.chunks_down).sum(),
            events: self.events_processed(),
            completion_curve: curve,
            contributor_mean_s: self.mean_completion_s(true),
            free_rider_mean_s: self.mean_completion_s(false),
        }
    }

    /// Mean completion time of the receivers that upload (or that do not).
    /// Summed in whole microseconds, so the order cannot change the answer.
    fn mean_completion_s(&self, uploaders: bool) -> Option<f64> {
        // A flag per receiver, not a search of the client list for each:
        // the page may ask for a report every frame of a large swarm.
        let mut rides = vec![false; self.nodes.len()];
        for &c in &self.scenario.clients {
            if let Some(flag) = rides.get_mut(c as usize) {
                *flag = true;
            }
        }
        let mut total: u128 = 0;
        let mut count: u32 = 0;
        for (s, &rider) in self.nodes.iter().skip(1).zip(&rides) {
            if rider != uploaders {
                total += u128::from(s.done_at?.0);
                count += 1;
            }
        }
        (count > 0).then(|| total as f64 / f64::from(count) / MICROS_PER_SECOND as f64)
    }
}
