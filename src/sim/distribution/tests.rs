//! Unit tests that look inside a run; the sweeps against the bounds, the
//! property tests and the golden run are in `tests/sim_distribution.rs`.

use super::*;
use crate::sim::node::{Architecture, NodeId, Role};
use crate::sim::stepping::Stepper;
use crate::sim::time::SimTime;

fn p2p(n: u32) -> DistributionScenario {
    DistributionScenario::homogeneous(Architecture::PeerToPeer, n, 100.0, 50.0, 10.0, 40.0).with_chunks(40)
}

/// Steps a run to the end, auditing the allocation after every event.
fn audited(sc: DistributionScenario) -> DistributionSim {
    let mut sim = DistributionSim::new(sc).unwrap();
    while sim.step() {
        if let Err(e) = sim.network().audit() {
            panic!("after event {} at {}: {e}", sim.events_processed(), sim.now());
        }
    }
    sim
}

#[test]
fn client_server_gives_each_client_an_equal_share() {
    // Mid-run, N clients with fast downloads each get u_s / N.
    let sc = DistributionScenario::homogeneous(Architecture::ClientServer, 8, 100.0, 40.0, 1.0, 100.0);
    let mut sim = DistributionSim::new(sc).unwrap();
    sim.run_until(SimTime(1_000_000), u64::MAX);
    let snap = sim.snapshot();
    assert_eq!(snap.transfers.len(), 8);
    for t in &snap.transfers {
        assert!((t.rate_mbps - 5.0).abs() < 1e-9, "{t:?}");
        assert_eq!(t.from, SERVER);
    }
    assert!((snap.nodes[0].up_mbps - 40.0).abs() < 1e-9);
    // Clients never upload.
    let done = audited(DistributionScenario::homogeneous(Architecture::ClientServer, 8, 100.0, 40.0, 1.0, 100.0));
    assert!(done.report().peer_upload_mbit.iter().all(|&m| m == 0.0));
}

#[test]
fn allocations_stay_within_capacity_and_max_min_fair() {
    let mut het = p2p(25);
    het.peer_up_mbps = spread_rates(25, 2.0, 20.0, 3);
    het.peer_down_mbps = spread_rates(25, 5.0, 30.0, 4);
    let mut cs = het.clone().with_arch(Architecture::ClientServer);
    cs.server_up_mbps = 500.0;
    for sc in [p2p(25), het.clone(), het.with_latency_ms(20.0), cs] {
        let mut sim = DistributionSim::new(sc.clone()).unwrap();
        while sim.step() {
            sim.network().audit().unwrap();
            // Every few events, compare with a from-scratch computation.
            if sim.events_processed() % 97 == 0 && sim.next_event_time() != Some(sim.now()) {
                for (id, want) in sim.network().reference_rates() {
                    let got = sim.network().rate(id);
                    assert!((got - want).abs() <= 1e-7 * want.max(1.0), "{got} vs {want}");
                }
            }
        }
        let r = sim.report();
        assert!(r.finished, "{sc:?}");
        // Conservation: every chunk sent was received once, and each
        // receiver got exactly the file.
        let n = u64::from(sc.peers);
        assert_eq!(r.chunks_uploaded, r.chunks_downloaded);
        assert_eq!(r.chunks_downloaded, n * u64::from(sc.chunks));
        let up: f64 = r.server_upload_mbit + r.peer_upload_mbit.iter().sum::<f64>();
        let down: f64 = r.peer_download_mbit.iter().sum();
        assert!((up - down).abs() <= 1e-9 * down);
        for d in &r.peer_download_mbit {
            assert!((d - sc.file_mbit).abs() <= 1e-9 * sc.file_mbit);
        }
        assert!(r.completion_time_s >= r.lower_bound_s * (1.0 - 1e-9));
    }
}

#[test]
fn the_server_gives_out_every_chunk_before_repeating_one() {
    // Slow server, fast peers: the server's upload is the scarce resource,
    // so it must not send a second copy of anything while some chunk has
    // never left it.
    let sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 30, 100.0, 10.0, 10.0, 100.0);
    let mut sim = DistributionSim::new(sc.clone()).unwrap();
    let mut transfers = std::collections::BTreeSet::new();
    let mut sent = std::collections::BTreeSet::new();
    let mut repeats_after_all_out = 0;
    while sim.step() {
        for t in sim.snapshot().transfers.iter().filter(|t| t.from == SERVER) {
            if transfers.insert((t.to, t.chunk)) && !sent.insert(t.chunk) {
                assert_eq!(sent.len() as u32, sc.chunks, "chunk {} sent twice early", t.chunk);
                repeats_after_all_out += 1;
            }
        }
    }
    assert_eq!(sent.len() as u32, sc.chunks);
    // Once everything is out, the server keeps helping rather than idling.
    assert!(repeats_after_all_out > 0);
    let r = sim.report();
    assert!(r.server_upload_mbit >= 100.0 - 1e-9);
}

#[test]
fn snapshots_describe_the_run() {
    let sc = p2p(12);
    let mut sim = DistributionSim::new(sc.clone()).unwrap();
    let mut seen_transfers = false;
    while sim.run_events(7) > 0 {
        let snap = sim.snapshot();
        assert_eq!(snap.nodes.len(), 13);
        assert_eq!(snap.nodes[0].role, Role::Server);
        assert!(snap.nodes[1..].iter().all(|n| n.role == Role::Peer && n.online));
        assert!(snap.nodes.iter().all(|n| (0.0..=1.0).contains(&n.fraction)));
        for t in &snap.transfers {
            seen_transfers = true;
            assert!((0.0..=1.0).contains(&t.progress));
            assert!(t.chunk < sc.chunks && t.from != t.to && t.to.0 >= 1 && t.to.0 <= 12);
            assert!(t.rate_mbps <= sim.network().up_capacity(t.from) * (1.0 + 1e-9));
        }
        for n in &snap.nodes {
            assert!(n.up_mbps <= sim.network().up_capacity(n.id) * (1.0 + 1e-9));
        }
        assert_eq!(snap.counters.events, sim.events_processed());
        assert_eq!(snap.counters.time, sim.now());
        assert_eq!(snap.counters.receivers, 12);
    }
    assert!(seen_transfers);
    let end = sim.snapshot();
    assert!(end.nodes.iter().all(|n| n.fraction == 1.0));
    assert!(end.transfers.is_empty());
    assert_eq!(end.counters.completed, 12);
    assert!(sim.is_finished());
}

#[test]
fn stepping_in_slices_gives_the_same_run() {
    let sc = p2p(20).with_seed(5);
    let whole = run(&sc).unwrap();
    let mut sim = DistributionSim::new(sc).unwrap();
    let mut limit = SimTime::ZERO;
    while !sim.is_finished() {
        limit = SimTime(limit.0 + 250_000);
        let before = sim.events_processed();
        let ran = sim.run_until(limit, 50);
        assert!(ran <= 50);
        assert_eq!(sim.events_processed(), before + ran);
        assert!(sim.now() <= limit);
        assert!(sim.next_event_time().is_none_or(|t| t > limit) || ran == 50);
    }
    assert_eq!(sim.report(), whole);
    assert!(!sim.step());
}

#[test]
fn latency_is_paid_once_per_connection() {
    // Client-server: one connection per client, opened at the start.
    let sc = DistributionScenario::homogeneous(Architecture::ClientServer, 10, 100.0, 100.0, 1.0, 100.0);
    let plain = run(&sc).unwrap();
    let slow = run(&sc.clone().with_latency_ms(250.0)).unwrap();
    assert_eq!(slow.completion_us, plain.completion_us + 250_000);
}

#[test]
fn hybrid_is_p2p_after_one_tracker_round_trip() {
    let sc = p2p(15).with_seed(3);
    let a = run(&sc).unwrap();
    let b = run(&sc.clone().with_arch(Architecture::Hybrid)).unwrap();
    // No latency: the tracker answers at once and the runs coincide.
    assert_eq!(a.peer_completion_us, b.peer_completion_us);
    assert_eq!(a.lower_bound_s, b.lower_bound_s);
    let mut sim = DistributionSim::new(sc.with_arch(Architecture::Hybrid).with_latency_ms(40.0)).unwrap();
    let snap = sim.snapshot();
    assert_eq!(snap.nodes.len(), 17);
    assert_eq!(snap.nodes[16].role, Role::Index);
    assert_eq!(snap.nodes[16].id, NodeId(16));
    assert!(!snap.nodes[1].online, "a hybrid's peer waits for the tracker's introduction");
    // A plain swarm's receivers are there from the start.
    let plain = DistributionSim::new(p2p(15).with_seed(3)).unwrap();
    assert!(plain.snapshot().nodes.iter().all(|n| n.online));
    assert_eq!(sim.next_event_time(), Some(SimTime(80_000)));
    sim.run_to_end(u64::MAX);
    assert!(sim.snapshot().nodes[1].online);
    assert!(sim.report().completion_us > 80_000);
}

#[test]
fn the_report_curve_rises_to_one() {
    let r = run(&p2p(10)).unwrap();
    assert_eq!(r.completion_curve.len(), 11);
    assert_eq!(r.completion_curve[0], CurvePoint { time_s: 0.0, fraction: 0.0 });
    assert!(r.completion_curve.windows(2).all(|w| w[0].time_s <= w[1].time_s && w[0].fraction < w[1].fraction));
    assert_eq!(r.completion_curve.last().map(|p| p.fraction), Some(1.0));
    assert_eq!(r.completion_curve.last().map(|p| p.time_s), Some(r.completion_time_s));
    let last = r.peer_completion_us.iter().flatten().max().copied();
    assert_eq!(last, Some(r.completion_us));
}

#[test]
fn invalid_scenarios_never_start() {
    let mut sc = p2p(5);
    sc.server_up_mbps = 0.0;
    let e = run(&sc).unwrap_err();
    assert_eq!(e.field, FIELD_SERVER_UP);
    assert!(DistributionSim::new(sc).is_err());
}

/// Worst simulated/bound ratio over N = 1..=300 in several regimes, printed.
/// Slow in debug builds; run with
/// `cargo test --profile bench-native --lib p2p_ratio_across -- --ignored --nocapture`.
#[test]
#[ignore]
fn p2p_ratio_across_regimes() {
    fn sweep(name: &str, make: impl Fn(u32) -> DistributionScenario) {
        let mut worst = (0.0f64, 0u32);
        let t0 = std::time::Instant::now();
        for n in 1..=300u32 {
            let r = run(&make(n)).unwrap();
            assert!(r.finished && r.completion_time_s >= r.lower_bound_s * (1.0 - 1e-9));
            if r.ratio > worst.0 {
                worst = (r.ratio, n);
            }
        }
        println!("{name}: worst ratio {:.4} at n={} ({:?})", worst.0, worst.1, t0.elapsed());
    }
    let p2p = Architecture::PeerToPeer;
    let h = |n: u32, us: f64, ul: f64, uh: f64, dl: f64, dh: f64| {
        let mut s = DistributionScenario::homogeneous(p2p, n, 100.0, us, 10.0, 100.0);
        s.peer_up_mbps = spread_rates(n, ul, uh, u64::from(n));
        s.peer_down_mbps = spread_rates(n, dl, dh, 10_000 + u64::from(n));
        s.seed = u64::from(n);
        s
    };
    sweep("A us=10u d=10u", |n| DistributionScenario::homogeneous(p2p, n, 100.0, 100.0, 10.0, 100.0));
    sweep("B us=u d=10u", |n| DistributionScenario::homogeneous(p2p, n, 100.0, 10.0, 10.0, 100.0));
    sweep("C us=10u d=2u", |n| DistributionScenario::homogeneous(p2p, n, 100.0, 100.0, 10.0, 20.0));
    sweep("D us=10u d=u", |n| DistributionScenario::homogeneous(p2p, n, 100.0, 100.0, 10.0, 10.0));
    sweep("E us=2u d=1.5u", |n| DistributionScenario::homogeneous(p2p, n, 100.0, 20.0, 10.0, 15.0));
    sweep("H0 test hetero", |n| h(n, 60.0, 5.0, 20.0, 20.0, 80.0));
    sweep("H1 hetero up, us=10u", |n| h(n, 100.0, 5.0, 20.0, 100.0, 100.0));
    sweep("H2 hetero us=u", |n| h(n, 10.0, 5.0, 20.0, 20.0, 200.0));
    sweep("H3 hetero tight", |n| h(n, 30.0, 5.0, 20.0, 10.0, 40.0));
}

#[test]
fn a_download_only_client_uploads_nothing_and_the_bound_still_holds() {
    let mut sc = p2p(12);
    sc.clients = vec![1, 4, 5, 9];
    let sim = audited(sc.clone());
    let r = sim.report();
    assert!(r.finished, "every receiver, free riders included, gets the file");
    for (i, up) in r.peer_upload_mbit.iter().enumerate() {
        assert_eq!(*up == 0.0, [1, 4, 5, 9].contains(&i), "receiver {i} uploaded {up}");
    }
    // The bound counting only the contributors' upload is still a bound.
    assert!(r.completion_time_s >= r.lower_bound_s * (1.0 - 1e-9));
    let roles: Vec<Role> = sim.snapshot().nodes.iter().map(|n| n.role).collect();
    assert_eq!(roles[0], Role::Server);
    assert_eq!(roles[2], Role::Client, "receiver 1 shows as a client");
    assert_eq!(roles[1], Role::Peer);
    // Free riders make the swarm slower than when everyone uploads.
    assert!(r.completion_time_s > audited(p2p(12)).report().completion_time_s);
    // A role is not a rate: no upload below the minimum is accepted, and a
    // client must be one of the receivers.
    sc.peer_up_mbps[1] = 0.0;
    assert!(sc.validate().is_err());
    sc.peer_up_mbps[1] = 10.0;
    sc.clients.push(12);
    assert!(sc.validate().is_err());
}
