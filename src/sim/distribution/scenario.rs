//! What a file-distribution run is asked to do, and the checks that keep a
//! learner's typo from becoming a panic or an endless run.

use crate::sim::node::Architecture;
use crate::sim::rng::Rng;
use crate::sim::theory;
use crate::sim::validate::{check_count, check_range, Problem, ValidationError};
use serde::{Deserialize, Serialize};

pub const MAX_PEERS: u32 = 5_000;
pub const MAX_CHUNKS: u32 = 2_000;
pub const MIN_FILE_MBIT: f64 = 0.001;
pub const MAX_FILE_MBIT: f64 = 1e6;
pub const MIN_RATE_MBPS: f64 = 0.001;
pub const MAX_RATE_MBPS: f64 = 1e6;
pub const MAX_LATENCY_MS: f64 = 10_000.0;
/// Longest run we agree to simulate (about 32 years of simulated time):
/// beyond this, microsecond ticks would still fit, but the answer is only
/// "far too slow" and the learner is better told so at once.
pub const MAX_SIMULATED_SECONDS: f64 = 1e9;

pub const FIELD_PEERS: &str = "number of peers";
pub const FIELD_FILE: &str = "file size (Mbit)";
pub const FIELD_CHUNKS: &str = "number of chunks";
pub const FIELD_SERVER_UP: &str = "server upload (Mbps)";
pub const FIELD_PEER_UP: &str = "peer upload (Mbps)";
pub const FIELD_PEER_DOWN: &str = "peer download (Mbps)";
pub const FIELD_LATENCY: &str = "latency (ms)";
pub const FIELD_CLIENTS: &str = "download-only clients";
pub const FIELD_ARRIVALS: &str = "arrivals spread over (s)";
pub const FIELD_TRACKER_FAILS: &str = "tracker fails at (s)";
/// A day: arrivals spread wider than that are a different experiment.
pub const MAX_ARRIVAL_WINDOW_S: f64 = 86_400.0;
pub const FIELD_FREE_RIDERS: &str = "share of free riders";

/// How a swarm's peers choose whom to upload to (peer-to-peer and hybrid;
/// client-server has one sender and ignores it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// Every sender feeds whoever is least far along: the swarm as one
    /// cooperative machine, free riders served like everyone else.
    #[default]
    Altruistic,
    /// BitTorrent's choking: each peer uploads to the
    /// [`REGULAR_SLOTS`](super::REGULAR_SLOTS) peers that uploaded most to
    /// it lately, plus one chosen at random. The server still serves anyone.
    TitForTat,
}

impl Policy {
    pub const ALL: [Policy; 2] = [Policy::Altruistic, Policy::TitForTat];

    /// The name used on the command line and in share links.
    pub fn slug(self) -> &'static str {
        match self {
            Policy::Altruistic => "altruistic",
            Policy::TitForTat => "tit-for-tat",
        }
    }

    pub fn from_slug(s: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.slug() == s)
    }

    fn is_altruistic(&self) -> bool {
        *self == Policy::Altruistic
    }
}

/// One file-distribution experiment: a server holds a file that every
/// receiver (clients in client-server, peers otherwise) must end up with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistributionScenario {
    pub arch: Architecture,
    /// Receivers: clients in client-server, peers otherwise.
    pub peers: u32,
    pub file_mbit: f64,
    /// The file is sent in this many equal chunks; a peer can pass a chunk
    /// on only once it has all of it.
    pub chunks: u32,
    pub server_up_mbps: f64,
    /// One per peer. Clients in client-server never upload, so there it is
    /// checked but unused; so is a download-only client's in a swarm.
    pub peer_up_mbps: Vec<f64>,
    /// One per peer.
    pub peer_down_mbps: Vec<f64>,
    /// Receivers (by index) in the client role inside a swarm: they
    /// download and pass nothing on (free riders).
    #[serde(default)]
    pub clients: Vec<u32>,
    /// Paid once whenever a new connection opens, before its first bit.
    #[serde(default)]
    pub latency_ms: f64,
    #[serde(default)]
    pub seed: u64,
    /// Receivers arrive at times drawn uniformly over this many seconds
    /// from the start, rather than all being there at once; each must join
    /// first (in hybrid, by asking the tracker). Left out of the JSON when
    /// 0, so scenarios saved before read and write as they did.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub arrival_window_s: f64,
    /// In hybrid, the tracker fails for good at this time (seconds from
    /// the start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracker_fails_at_s: Option<f64>,
    /// Left out of the JSON when altruistic, so scenarios saved before
    /// there was a choice read and write exactly as they did.
    #[serde(default, skip_serializing_if = "Policy::is_altruistic")]
    pub policy: Policy,
}

impl DistributionScenario {
    /// Every peer with the same upload and download; 100 chunks, no latency,
    /// seed 1.
    pub fn homogeneous(
        arch: Architecture,
        peers: u32,
        file_mbit: f64,
        server_up_mbps: f64,
        peer_up_mbps: f64,
        peer_down_mbps: f64,
    ) -> DistributionScenario {
        let n = peers.min(MAX_PEERS.saturating_mul(2)) as usize;
        DistributionScenario {
            arch,
            peers,
            file_mbit,
            chunks: 100,
            server_up_mbps,
            peer_up_mbps: vec![peer_up_mbps; n],
            peer_down_mbps: vec![peer_down_mbps; n],
            clients: Vec::new(),
            latency_ms: 0.0,
            seed: 1,
            arrival_window_s: 0.0,
            tracker_fails_at_s: None,
            policy: Policy::Altruistic,
        }
    }

    pub fn with_chunks(mut self, chunks: u32) -> Self {
        self.chunks = chunks;
        self
    }

    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    pub fn with_latency_ms(mut self, latency_ms: f64) -> Self {
        self.latency_ms = latency_ms;
        self
    }

    pub fn with_arch(mut self, arch: Architecture) -> Self {
        self.arch = arch;
        self
    }

    pub fn with_arrivals_over(mut self, window_s: f64) -> Self {
        self.arrival_window_s = window_s;
        self
    }

    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Makes this share of the receivers (rounded to the nearest whole one)
    /// download-only, drawn from a generator of its own seeded by the
    /// scenario's seed: the same seed picks the same ones, scattered through
    /// the ids rather than the first few, and the run's own draws are not
    /// shifted. Set the seed first. A share that is not a number counts as
    /// none; it is clamped to 0..=1 (the command line refuses it instead).
    pub fn with_free_riders(self, fraction: f64) -> Self {
        let share = if fraction.is_nan() { 0.0 } else { fraction.clamp(0.0, 1.0) };
        let count = (share * f64::from(self.peers.min(MAX_PEERS))).round() as u32;
        self.with_free_rider_count(count)
    }

    /// Makes this many receivers download-only (at most all of them),
    /// chosen as `with_free_riders` chooses them.
    pub fn with_free_rider_count(mut self, count: u32) -> Self {
        let n = self.peers.min(MAX_PEERS);
        let mut ids: Vec<u32> = (0..n).collect();
        Rng::new(self.seed).fork().shuffle(&mut ids);
        ids.truncate(count as usize);
        crate::sim::sorting::sort_u32(&mut ids);
        self.clients = ids;
        self
    }

    /// Checks every field; the error names the field as a learner sees it
    /// and the allowed range.
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_count(FIELD_PEERS, u64::from(self.peers), 1, u64::from(MAX_PEERS))?;
        check_range(FIELD_FILE, self.file_mbit, MIN_FILE_MBIT, MAX_FILE_MBIT)?;
        check_count(FIELD_CHUNKS, u64::from(self.chunks), 1, u64::from(MAX_CHUNKS))?;
        check_range(FIELD_SERVER_UP, self.server_up_mbps, MIN_RATE_MBPS, MAX_RATE_MBPS)?;
        for (field, list) in [(FIELD_PEER_UP, &self.peer_up_mbps), (FIELD_PEER_DOWN, &self.peer_down_mbps)] {
            if list.len() != self.peers as usize {
                let problem = Problem::WrongLength { expected: self.peers as usize, got: list.len() };
                return Err(ValidationError::new(field, problem));
            }
            for &rate in list {
                check_range(field, rate, MIN_RATE_MBPS, MAX_RATE_MBPS)?;
            }
        }
        check_count(FIELD_CLIENTS, self.clients.len() as u64, 0, u64::from(self.peers))?;
        for &c in &self.clients {
            check_count(FIELD_CLIENTS, u64::from(c), 0, u64::from(self.peers.saturating_sub(1)))?;
        }
        check_range(FIELD_LATENCY, self.latency_ms, 0.0, MAX_LATENCY_MS)?;
        check_range(FIELD_ARRIVALS, self.arrival_window_s, 0.0, MAX_ARRIVAL_WINDOW_S)?;
        if let Some(at) = self.tracker_fails_at_s {
            check_range(FIELD_TRACKER_FAILS, at, 0.0, MAX_SIMULATED_SECONDS)?;
        }
        // The server alone could always serve everyone one after another, so
        // this bounds any run from above.
        let worst = f64::from(self.peers) * self.file_mbit / self.server_up_mbps + self.file_mbit / self.d_min();
        if worst > MAX_SIMULATED_SECONDS {
            // Written out by hand: `{:e}` formatting would pull a float
            // formatter into the Wasm bundle for this one message.
            let reason = format!(
                "at these rates the transfer could take up to {} simulated seconds, over the limit of 1e9; use a smaller file or faster links",
                sci3(worst)
            );
            return Err(ValidationError::new(FIELD_FILE, Problem::Invalid { reason }));
        }
        Ok(())
    }

    /// The slowest peer download (Mbps).
    pub fn d_min(&self) -> f64 {
        self.peer_down_mbps.iter().copied().fold(f64::INFINITY, f64::min)
    }

    /// Whether receiver `i` (0-based) passes chunks on at all: a peer
    /// does, a download-only client does not.
    pub fn uploads(&self, i: usize) -> bool {
        i < self.peer_up_mbps.len() && !self.clients.contains(&(i as u32))
    }

    /// Total upload of the receivers that pass chunks on (Mbps), summed in
    /// peer order so every platform rounds the same way.
    pub fn sum_peer_up(&self) -> f64 {
        self.peer_up_mbps.iter().enumerate().filter(|(i, _)| self.uploads(*i)).map(|(_, r)| r).sum()
    }

    pub fn chunk_mbit(&self) -> f64 {
        self.file_mbit / f64::from(self.chunks.max(1))
    }

    /// The Kurose-Ross minimum distribution time for this architecture (s).
    /// The hybrid design moves the file peer to peer, so it has the same
    /// bound as peer-to-peer.
    pub fn lower_bound_s(&self) -> f64 {
        match self.arch {
            Architecture::ClientServer => {
                theory::client_server_bound(self.peers, self.file_mbit, self.server_up_mbps, self.d_min())
            }
            Architecture::PeerToPeer | Architecture::Hybrid => {
                theory::p2p_bound(self.peers, self.file_mbit, self.server_up_mbps, self.sum_peer_up(), self.d_min())
            }
        }
    }
}

/// `x` as `format!("{x:.3e}")` prints it, for `1000 <= x < 2^63` (the
/// only values [`DistributionScenario::validate`] reports: they exceed
/// [`MAX_SIMULATED_SECONDS`]). Four significant digits, rounded half to even
/// on the exact value as the standard formatter does. Other values are
/// printed plainly.
fn sci3(x: f64) -> String {
    if !(1000.0..9.2e18).contains(&x) {
        return crate::decimal::shortest(x);
    }
    // Exact: both are representable, and the subtraction of an integer part
    // loses nothing.
    let ip = x.trunc() as u64;
    let frac = x - x.trunc();
    let mut exp = ip.ilog10();
    let unit = 10u64.pow(exp - 3);
    let mut q = ip / unit;
    let r = ip % unit;
    // Compare what is cut off, r + frac (in units of 1), with half a unit.
    let order = if unit == 1 {
        frac.partial_cmp(&0.5).unwrap_or(std::cmp::Ordering::Less)
    } else {
        r.cmp(&(unit / 2)).then(if frac > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal })
    };
    if order == std::cmp::Ordering::Greater || (order == std::cmp::Ordering::Equal && q % 2 == 1) {
        q += 1;
        if q == 10_000 {
            q = 1000;
            exp += 1;
        }
    }
    format!("{}.{:03}e{exp}", q / 1000, q % 1000)
}

/// `n` rates drawn uniformly between `low` and `high` from their own seeded
/// generator: heterogeneous peers that are the same on every platform.
pub fn spread_rates(n: u32, low: f64, high: f64, seed: u64) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..n.min(MAX_PEERS.saturating_mul(2))).map(|_| low + (high - low) * rng.next_f64()).collect()
}

/// Serde's test for leaving a field out: a window of 0 is no window.
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> DistributionScenario {
        DistributionScenario::homogeneous(Architecture::PeerToPeer, 10, 100.0, 50.0, 5.0, 20.0)
    }

    #[test]
    fn a_sensible_scenario_passes() {
        assert_eq!(good().validate(), Ok(()));
    }

    #[test]
    fn errors_name_the_field() {
        let mut s = good();
        s.peers = 0;
        assert_eq!(s.validate().unwrap_err().field, FIELD_PEERS);
        let mut s = good();
        s.file_mbit = f64::NAN;
        assert_eq!(s.validate().unwrap_err().problem, Problem::NotFinite);
        let mut s = good();
        s.peer_down_mbps.pop();
        let e = s.validate().unwrap_err();
        assert_eq!(e.field, FIELD_PEER_DOWN);
        assert_eq!(e.problem, Problem::WrongLength { expected: 10, got: 9 });
        let mut s = good();
        s.peer_up_mbps[3] = -1.0;
        assert_eq!(s.validate().unwrap_err().field, FIELD_PEER_UP);
        let mut s = good();
        s.latency_ms = f64::INFINITY;
        assert_eq!(s.validate().unwrap_err().field, FIELD_LATENCY);
        let mut s = good();
        s.chunks = MAX_CHUNKS + 1;
        assert_eq!(s.validate().unwrap_err().field, FIELD_CHUNKS);
    }

    #[test]
    fn absurdly_long_runs_are_refused_up_front() {
        let s = DistributionScenario::homogeneous(Architecture::ClientServer, 5000, 1e6, 0.001, 0.001, 0.001);
        let e = s.validate().unwrap_err();
        assert_eq!(e.field, FIELD_FILE);
        assert!(e.to_string().contains("simulated seconds"));
    }

    #[test]
    fn sci3_matches_the_standard_formatter() {
        // The message writes the limit out by hand.
        assert_eq!(format!("{MAX_SIMULATED_SECONDS:e}"), "1e9");
        let mut xs = vec![
            1000.0, 1000.5, 1001.5, 1234.5, 1235.5, 9999.5, 9998.5, 9999.4999, 12345.0, 12355.0, 99995.0, 99985.0,
            1234500000.0, 1234500000.25, 1235500000.0, 9999500000.0, 9998500000.0, 1e9, 1e9 + 0.5, 5.0015e12,
            5.0025e12, 4.2e18, 9.1e18,
        ];
        let mut rng = Rng::new(11);
        for _ in 0..200_000 {
            let e = 3.0 + 15.0 * rng.next_f64();
            xs.push(10f64.powf(e));
            // Near ties: a few integers around a half unit.
            let unit = 10f64.powi(rng.below(10) as i32);
            let q = f64::from(1000 + rng.below(9000));
            xs.push((q + 0.5) * unit + f64::from(rng.below(3)) - 1.0);
            xs.push((q + 0.5) * unit);
        }
        for x in xs {
            if (1000.0..9.2e18).contains(&x) {
                assert_eq!(sci3(x), format!("{x:.3e}"), "{x}");
            }
        }
    }

    #[test]
    fn bounds_follow_the_architecture() {
        let cs = good().with_arch(Architecture::ClientServer);
        // max(10·100/50, 100/20) = 20 s.
        assert!((cs.lower_bound_s() - 20.0).abs() < 1e-12);
        // max(100/50, 100/20, 1000/(50+50)) = 10 s.
        assert!((good().lower_bound_s() - 10.0).abs() < 1e-12);
        assert_eq!(good().with_arch(Architecture::Hybrid).lower_bound_s(), good().lower_bound_s());
    }

    #[test]
    fn spread_rates_are_seeded_and_in_range() {
        let a = spread_rates(50, 0.5, 2.0, 9);
        assert_eq!(a, spread_rates(50, 0.5, 2.0, 9));
        assert_ne!(a, spread_rates(50, 0.5, 2.0, 10));
        assert!(a.iter().all(|r| (0.5..2.0).contains(r)));
    }

    #[test]
    fn round_trips_through_json() {
        let s = good().with_seed(42).with_latency_ms(5.0);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"arch\":\"peer-to-peer\""));
        let back: DistributionScenario = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }
}
