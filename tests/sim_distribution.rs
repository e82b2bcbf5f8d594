//! File distribution against the Kurose-Ross bounds, determinism, property
//! tests and the golden run. Public API only.

use hub_and_mesh::sim::distribution::{
    golden_summary, run, spread_rates, DistributionScenario, DistributionSim, FIELD_CHUNKS, FIELD_FILE, FIELD_LATENCY,
    FIELD_PEERS, FIELD_PEER_DOWN, FIELD_PEER_UP, FIELD_SERVER_UP, Policy,
};
use hub_and_mesh::sim::node::Architecture;
use hub_and_mesh::sim::stepping::Stepper;
use hub_and_mesh::sim::theory::{client_server_bound, p2p_bound};
use proptest::prelude::*;

/// A simulated time may not beat its bound by more than float rounding.
const BELOW_BOUND_TOLERANCE: f64 = 1e-9;

fn cs(n: u32) -> DistributionScenario {
    DistributionScenario::homogeneous(Architecture::ClientServer, n, 100.0, 100.0, 10.0, 100.0)
}

#[test]
fn client_server_meets_its_bound_within_one_percent() {
    for n in [1, 10, 100, 1000] {
        let r = run(&cs(n)).unwrap();
        let bound = client_server_bound(n, 100.0, 100.0, 100.0);
        assert_eq!(r.lower_bound_s, bound);
        assert!(r.completion_time_s >= bound * (1.0 - BELOW_BOUND_TOLERANCE));
        assert!(r.ratio <= 1.01, "n = {n}: ratio {}", r.ratio);
        // The server sends every client the whole file, nothing more.
        assert!((r.server_upload_mbit - 100.0 * f64::from(n)).abs() < 1e-6);
    }
}

#[test]
fn client_server_with_a_slow_client_is_bound_by_its_download() {
    for n in [5, 40, 200] {
        let mut sc = cs(n);
        sc.server_up_mbps = 50.0 * f64::from(n);
        sc.peer_down_mbps = spread_rates(n, 10.0, 80.0, 11);
        sc.peer_down_mbps[(n / 2) as usize] = 2.5;
        let r = run(&sc).unwrap();
        let bound = client_server_bound(n, 100.0, sc.server_up_mbps, 2.5);
        assert_eq!(bound, 100.0 / 2.5, "the slow download binds");
        assert!(r.completion_time_s >= bound * (1.0 - BELOW_BOUND_TOLERANCE));
        assert!(r.ratio <= 1.01, "n = {n}: ratio {}", r.ratio);
    }
    // Downloads spread, server binding: N·F/u_s.
    let mut sc = cs(60);
    sc.peer_down_mbps = spread_rates(60, 3.0, 30.0, 12);
    let r = run(&sc).unwrap();
    assert!((r.lower_bound_s - 60.0).abs() < 1e-12);
    assert!(r.ratio >= 1.0 - BELOW_BOUND_TOLERANCE && r.ratio <= 1.01, "ratio {}", r.ratio);
}

/// Runs N = 1..=300 with K = 100; panics if a run beats its bound or ends
/// more than 15% above it, and returns the worst ratio and its N.
fn sweep_p2p(make: impl Fn(u32) -> DistributionScenario) -> (f64, u32) {
    let mut worst = (0.0, 0);
    for n in 1..=300 {
        let sc = make(n);
        assert_eq!(sc.chunks, 100);
        let r = run(&sc).unwrap();
        assert!(r.finished, "n = {n}");
        let bound = p2p_bound(n, sc.file_mbit, sc.server_up_mbps, sc.sum_peer_up(), sc.d_min());
        assert_eq!(r.lower_bound_s, bound);
        assert!(r.completion_time_s >= bound * (1.0 - BELOW_BOUND_TOLERANCE), "n = {n}: below the bound");
        assert!(r.ratio <= 1.15, "n = {n}: ratio {}", r.ratio);
        if r.ratio > worst.0 {
            worst = (r.ratio, n);
        }
    }
    worst
}

#[test]
fn p2p_homogeneous_stays_within_15_percent_of_the_bound_for_every_n_to_300() {
    // The textbook's setting: u_s = 10u, downloads not binding.
    let (ratio, n) =
        sweep_p2p(|n| DistributionScenario::homogeneous(Architecture::PeerToPeer, n, 100.0, 100.0, 10.0, 100.0));
    println!("homogeneous: worst simulated/bound = {ratio:.4} at N = {n}");
}

#[test]
fn p2p_heterogeneous_stays_within_15_percent_of_the_bound_for_every_n_to_300() {
    // Uploads spread 0.5x..2x around 10 Mbps, downloads 2x..8x, seeded per N.
    let (ratio, n) = sweep_p2p(|n| {
        let mut sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, n, 100.0, 60.0, 10.0, 100.0);
        sc.peer_up_mbps = spread_rates(n, 5.0, 20.0, u64::from(n));
        sc.peer_down_mbps = spread_rates(n, 20.0, 80.0, 10_000 + u64::from(n));
        sc.seed = u64::from(n);
        sc
    });
    println!("heterogeneous: worst simulated/bound = {ratio:.4} at N = {n}");
}

#[test]
fn same_seed_same_report_and_seeds_matter() {
    let mut sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 40, 100.0, 30.0, 10.0, 50.0);
    sc.peer_up_mbps = spread_rates(40, 5.0, 20.0, 1);
    let a = run(&sc.clone().with_seed(1)).unwrap();
    let b = run(&sc.clone().with_seed(1)).unwrap();
    assert_eq!(a, b);
    let c = run(&sc.clone().with_seed(2)).unwrap();
    assert_ne!(a.peer_completion_us, c.peer_completion_us);
    // Stepping one event at a time gives the same run as `run`.
    let mut sim = DistributionSim::new(sc.with_seed(1)).unwrap();
    while sim.step() {}
    assert_eq!(sim.report(), a);
}

#[test]
fn golden_run_is_pinned() {
    // Pinned so that any change to the model, and any difference between
    // native and Wasm builds, shows up. Update only on purpose.
    assert_eq!(golden_summary(), GOLDEN);
}

const GOLDEN: &str = "events=1001 done_us=8454682 peers_us=8454682,8330112,8421569,8168756,8359928,8219251,8304987,8314006,8271351,8253642,8100002,8188140,8097227,8241748,8156046,8412277,8359928,8412277,8253672,8421569";

const LATENCIES: [f64; 3] = [0.0, 0.5, 30.0];

fn small_scenario() -> impl Strategy<Value = DistributionScenario> {
    (
        prop::sample::select(&Architecture::ALL[..]),
        1u32..=12,
        0.01f64..1000.0,
        1u32..=40,
        0.5f64..200.0,
        prop::collection::vec((0.5f64..100.0, 0.5f64..100.0), 12),
        prop::sample::select(&LATENCIES[..]),
        any::<u64>(),
        prop::sample::select(&Policy::ALL[..]),
    )
        .prop_map(|(arch, peers, file_mbit, chunks, server_up_mbps, rates, latency_ms, seed, policy)| {
            let rates = &rates[..peers as usize];
            DistributionScenario {
                arch,
                peers,
                file_mbit,
                chunks,
                server_up_mbps,
                peer_up_mbps: rates.iter().map(|r| r.0).collect(),
                peer_down_mbps: rates.iter().map(|r| r.1).collect(),
                clients: Vec::new(),
                latency_ms,
                seed,
                policy,
                arrival_window_s: 0.0,
                tracker_fails_at_s: None,
            }
        })
}

const BAD_NUMBERS: [f64; 6] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -1.0, 2e6];
const BAD_PEERS: [u32; 3] = [0, 5001, u32::MAX];
const BAD_CHUNKS: [u32; 3] = [0, 2001, u32::MAX];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_small_runs_keep_their_invariants(sc in small_scenario()) {
        let mut sim = DistributionSim::new(sc.clone()).unwrap();
        while sim.step() {
            prop_assert!(sim.network().audit().is_ok(), "{:?}", sim.network().audit());
        }
        let r = sim.report();
        prop_assert!(r.finished);
        prop_assert_eq!(r.chunks_uploaded, r.chunks_downloaded);
        prop_assert_eq!(r.chunks_downloaded, u64::from(sc.peers) * u64::from(sc.chunks));
        prop_assert!(r.completion_time_s >= r.lower_bound_s * (1.0 - BELOW_BOUND_TOLERANCE));
        prop_assert!(r.peer_completion_us.iter().all(Option::is_some));
        prop_assert_eq!(run(&sc).unwrap(), r);
    }

    #[test]
    fn bad_values_are_refused_with_their_field(
        sc in small_scenario(),
        which in 0usize..7,
        bad in prop::sample::select(&BAD_NUMBERS[..]),
    ) {
        let mut sc = sc;
        let field = match which {
            0 => { sc.file_mbit = bad; FIELD_FILE }
            1 => { sc.server_up_mbps = bad; FIELD_SERVER_UP }
            // Zero is the one upload below the minimum that is allowed: a
            // receiver that only downloads.
            2 => { sc.peer_up_mbps[0] = if bad == 0.0 { -0.5 } else { bad }; FIELD_PEER_UP }
            3 => { sc.peer_down_mbps[0] = bad; FIELD_PEER_DOWN }
            4 => {
                if bad == 0.0 { sc.latency_ms = -1.0 } else { sc.latency_ms = if bad > 0.0 { 2e4 } else { bad } }
                FIELD_LATENCY
            }
            5 => { sc.peer_up_mbps.push(1.0); FIELD_PEER_UP }
            _ => { sc.peer_down_mbps.pop(); FIELD_PEER_DOWN }
        };
        let e = run(&sc).unwrap_err();
        prop_assert_eq!(e.field.as_str(), field);
        prop_assert!(!e.to_string().is_empty());
    }

    #[test]
    fn counts_out_of_range_are_refused(peers in prop::sample::select(&BAD_PEERS[..]),
                                       chunks in prop::sample::select(&BAD_CHUNKS[..])) {
        let mut sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 3, 10.0, 10.0, 1.0, 1.0);
        sc.peers = peers;
        let e = run(&sc).unwrap_err();
        prop_assert_eq!(e.field.as_str(), FIELD_PEERS);
        let mut sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 3, 10.0, 10.0, 1.0, 1.0);
        sc.chunks = chunks;
        let e = run(&sc).unwrap_err();
        prop_assert_eq!(e.field.as_str(), FIELD_CHUNKS);
    }
}
