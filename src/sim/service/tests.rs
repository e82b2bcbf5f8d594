use crate::sim::node::Population;
use super::theory::{mm1_mean_response, mm1k_blocking, mmc_mean_response};
use super::*;
use crate::sim::fault::{Faults, ScheduledFault};
use crate::sim::node::{Architecture, NodeId, Role};
use crate::sim::testing::{assert_round_trips, run_in_frames};
use crate::sim::time::SimTime;
use crate::sim::validate::Problem;
use proptest::prelude::*;

fn assert_accounted(c: &ServiceCounters) {
    assert_eq!(c.issued, c.completed + c.dropped + c.failed + c.in_flight, "{c:?}");
}

/// One server, no network delay, a waiting room nothing overflows: a pure
/// M/M/1 queue.
fn mm1(rho: f64, duration_s: f64, seed: u64) -> ServiceScenario {
    let mu = 100.0;
    ServiceScenario {
        users: 10,
        request_rate: rho * mu / 10.0,
        service_rate: mu,
        queue_capacity: 100_000,
        hop_latency_ms: 0.0,
        duration_s,
        sample_interval_s: duration_s / 10.0,
        latency_window_s: 1.0,
        seed,
        ..ServiceScenario::default()
    }
}

fn p2p(users: u32) -> ServiceScenario {
    ServiceScenario {
        architecture: Architecture::PeerToPeer,
        users,
        request_rate: 2.0,
        service_rate: 10.0,
        items: 200,
        replication: 3,
        duration_s: 30.0,
        ..ServiceScenario::default()
    }
}

#[test]
fn every_request_is_accounted_for_while_stepping() {
    for arch in Architecture::ALL {
        let s = ServiceScenario {
            architecture: arch,
            users: 30,
            request_rate: 1.0,
            service_rate: 12.0,
            queue_capacity: 3,
            // One copy per item, so a peer's failure loses data too.
            replication: 1,
            // Node 0 is the hub where there is one; peer 8 holds eight items
            // with this seed.
            faults: vec![
                ScheduledFault::fail(5.0, 0),
                ScheduledFault::fail(5.0, 8),
                ScheduledFault::revive(8.0, 0),
                ScheduledFault::revive(8.0, 8),
            ],
            duration_s: 15.0,
            ..ServiceScenario::default()
        };
        let mut sim = ServiceSim::new(s).unwrap();
        while sim.run_events(97) > 0 {
            let c = sim.counters();
            assert_accounted(&c);
            assert_eq!(c.in_flight, sim.requests_present(), "{arch:?}");
        }
        let c = sim.report().counters;
        assert_eq!(c.in_flight, 0);
        assert!(c.completed > 0 && c.failed > 0, "{arch:?}: {c:?}");
        assert_accounted(&c);
    }
}

#[test]
fn client_server_roles_are_distinct() {
    let r = run(ServiceScenario::default()).unwrap();
    let server = &r.nodes[0];
    assert_eq!(server.role, Role::Server);
    assert_eq!(server.issued, 0);
    assert_eq!(server.served, r.counters.completed);
    let clients = &r.nodes[1..];
    assert!(clients.iter().all(|n| n.role == Role::Client && n.served == 0));
    assert!(clients.iter().all(|n| n.issued > 0));
    assert_eq!(clients.iter().map(|n| n.issued).sum::<u64>(), r.counters.issued);
}

#[test]
fn every_peer_both_asks_and_answers() {
    let r = run(p2p(20)).unwrap();
    assert!(r.nodes.iter().all(|n| n.role == Role::Peer && n.issued > 0 && n.served > 0));
    let served: u64 = r.nodes.iter().map(|n| n.served).sum();
    assert_eq!(served, r.counters.completed);
    assert!(r.counters.local_hits > 0, "a peer sometimes holds what it wants");
}

#[test]
fn same_seed_same_report_and_another_seed_differs() {
    for arch in Architecture::ALL {
        let s = ServiceScenario { architecture: arch, holder_choice: HolderChoice::LeastLoaded, ..p2p(15) };
        let a = run(s.clone()).unwrap();
        assert_eq!(a, run(s.clone()).unwrap());
        let b = run(ServiceScenario { seed: 2, ..s }).unwrap();
        assert_ne!(a.counters, b.counters);
    }
}

fn check_mm1(rho: f64, duration_s: f64, tolerance: f64) {
    let s = mm1(rho, duration_s, 7);
    let (lambda, mu) = (rho * s.service_rate, s.service_rate);
    let r = run(s).unwrap();
    let w = mm1_mean_response(lambda, mu).unwrap();
    let simulated = r.latency.unwrap().mean_ms / 1_000.0;
    assert!((simulated - w).abs() / w < tolerance, "rho {rho}: W {simulated} vs {w}");
    let u = r.nodes[0].utilisation;
    assert!((u - rho).abs() / rho < tolerance / 2.0, "rho {rho}: utilisation {u}");
    assert_eq!(r.counters.dropped, 0);
    assert!((r.theory.utilisation - rho).abs() < 1e-9);
}

#[test]
fn mm1_agrees_with_theory_at_half_load() {
    check_mm1(0.5, 1_000.0, 0.05);
}

#[test]
fn mm1_agrees_with_theory_at_eighty_percent_load() {
    // Busy queues forget their past slowly, so this needs a longer run.
    check_mm1(0.8, 2_500.0, 0.08);
}

#[test]
fn two_workers_agree_with_erlang_c() {
    let s = ServiceScenario { workers: 2, request_rate: 16.0, ..mm1(0.5, 500.0, 3) };
    let w = mmc_mean_response(160.0, 100.0, 2).unwrap();
    let r = run(s).unwrap();
    let simulated = r.latency.unwrap().mean_ms / 1_000.0;
    assert!((simulated - w).abs() / w < 0.06, "W {simulated} vs {w}");
    assert!((r.nodes[0].utilisation - 0.8).abs() < 0.04);
}

#[test]
fn network_latency_adds_two_hops() {
    let base = run(mm1(0.5, 200.0, 5)).unwrap().latency.unwrap().mean_ms;
    let s = ServiceScenario { hop_latency_ms: 40.0, ..mm1(0.5, 200.0, 5) };
    let r = run(s).unwrap();
    // Same seed, same draws: only the fixed delay differs.
    assert!((r.latency.unwrap().mean_ms - base - 80.0).abs() < 1e-6);
    let predicted = r.theory.mean_latency_s.unwrap() * 1_000.0;
    assert!((predicted - 80.0 - 20.0).abs() < 1e-9);
}

#[test]
fn a_full_queue_drops_as_mm1k_predicts() {
    // One in service plus two waiting, offered as much as it can serve.
    let s = ServiceScenario { queue_capacity: 2, ..mm1(1.0, 500.0, 11) };
    let r = run(s).unwrap();
    let c = r.counters;
    let arrived = c.issued as f64;
    let expected = mm1k_blocking(100.0, 100.0, 3);
    let dropped = c.dropped as f64 / arrived;
    assert!((dropped - expected).abs() < 0.02, "dropped {dropped} vs {expected}");
    assert!(r.nodes[0].longest_queue <= 2);
}

#[test]
fn the_servers_queue_saturates_as_clients_grow() {
    let p95 = |users: u32| {
        let s = ServiceScenario { users, request_rate: 1.0, service_rate: 50.0, ..ServiceScenario::default() };
        run(s).unwrap().latency.unwrap().p95_ms
    };
    let (light, heavy) = (p95(10), p95(45));
    assert!(heavy > 3.0 * light, "p95 {light} ms with 10 clients, {heavy} ms with 45");
}

#[test]
fn a_failed_server_fails_every_request_until_it_returns() {
    let s = ServiceScenario {
        faults: vec![ScheduledFault::fail(10.0, 0), ScheduledFault::revive(20.0, 0)],
        duration_s: 30.0,
        ..ServiceScenario::default()
    };
    let r = run(s).unwrap();
    assert!(r.counters.failed > 100, "{:?}", r.counters);
    let during: Vec<&ServiceSample> = r.series.iter().filter(|p| p.t_s > 11.0 && p.t_s <= 20.0).collect();
    assert!(!during.is_empty() && during.iter().all(|p| p.throughput == 0.0));
    let after = r.series.iter().filter(|p| p.t_s > 22.0);
    assert!(after.clone().count() > 0 && after.into_iter().all(|p| p.throughput > 0.0));
}

#[test]
fn failing_the_server_now_fails_what_it_held() {
    let s = ServiceScenario { users: 100, request_rate: 1.0, service_rate: 20.0, ..ServiceScenario::default() };
    let mut sim = ServiceSim::new(s).unwrap();
    sim.run_until(SimTime(5_000_000), u64::MAX);
    let held = sim.snapshot().nodes[0].queued + sim.snapshot().nodes[0].busy_workers;
    assert!(held > 10, "the overloaded server should have a backlog: {held}");
    let failed_before = sim.counters().failed;
    sim.fail_node(NodeId(0)).unwrap();
    assert_eq!(sim.counters().failed, failed_before + u64::from(held));
    assert!(!sim.is_up(NodeId(0)));
    let view = &sim.snapshot().nodes[0];
    assert_eq!((view.queued, view.busy_workers, view.up), (0, 0, false));
    let completed = sim.counters().completed;
    sim.run_until(SimTime(8_000_000), u64::MAX);
    // Only answers already on the wire can still arrive.
    assert!(sim.counters().completed - completed <= 1);
    sim.revive_node(NodeId(0)).unwrap();
    sim.run_to_end(u64::MAX);
    assert!(sim.counters().completed > completed + 100);
    assert!(sim.fail_node(NodeId(101)).is_err());
}

#[test]
fn peers_route_around_a_failed_holder() {
    let busy = ServiceScenario { request_rate: 6.0, ..p2p(20) };
    let mut sim = ServiceSim::new(busy.clone()).unwrap();
    let loaded = |sim: &ServiceSim| {
        let v = &sim.snapshot().nodes[3];
        v.queued + v.busy_workers
    };
    while loaded(&sim) < 2 && sim.step() {}
    let held = u64::from(loaded(&sim));
    assert!(held >= 2);
    let before = sim.counters();
    sim.fail_node(NodeId(3)).unwrap();
    // Two other holders remain for every item: what peer 3 held goes to them.
    assert_eq!(sim.counters().retries, before.retries + held);
    assert_eq!(sim.counters().failed, before.failed);
    sim.run_to_end(u64::MAX);
    let c = sim.counters();
    // Only peer 3's own questions can be lost: their answers find it gone.
    assert!(c.failed <= 2, "{c:?}");
    assert_accounted(&c);

    let fault = vec![ScheduledFault::fail(5.0, 3)];
    let single = run(ServiceScenario { replication: 1, faults: fault, ..p2p(20) }).unwrap();
    assert!(single.counters.failed > 20, "items only peer 3 held are gone: {:?}", single.counters);
    assert_accounted(&single.counters);
}

#[test]
fn hybrid_asks_the_index_first_and_dies_with_it() {
    let s = ServiceScenario { architecture: Architecture::Hybrid, ..p2p(20) };
    let r = run(s.clone()).unwrap();
    assert_eq!(r.nodes[0].role, Role::Index);
    assert_eq!(r.nodes[0].lookups_answered, r.counters.issued);
    assert_eq!(r.nodes[0].served, 0);
    let direct = run(p2p(20)).unwrap().latency.unwrap().p50_ms;
    assert!(r.latency.unwrap().p50_ms > direct + 30.0, "two more hops of 20 ms");

    let down = run(ServiceScenario { faults: vec![ScheduledFault::fail(0.0, 0)], ..s }).unwrap();
    assert_eq!(down.counters.completed, 0);
    assert_eq!(down.counters.failed, down.counters.issued);
}

#[test]
fn least_loaded_choice_shortens_the_tail() {
    let busy = |choice| {
        let s = ServiceScenario { holder_choice: choice, request_rate: 7.0, service_rate: 10.0, ..p2p(30) };
        run(s).unwrap().latency.unwrap().p95_ms
    };
    let (random, least) = (busy(HolderChoice::Random), busy(HolderChoice::LeastLoaded));
    assert!(least < random * 0.8, "least-loaded p95 {least} vs random {random}");
}

#[test]
fn snapshot_shows_messages_with_progress() {
    let mut sim = ServiceSim::new(ServiceScenario { users: 200, ..ServiceScenario::default() }).unwrap();
    sim.run_until(SimTime(2_000_000), u64::MAX);
    let snap = sim.snapshot();
    assert_eq!(snap.nodes.len(), 201);
    assert!(!snap.messages.is_empty());
    assert!(snap.messages.iter().all(|m| (0.0..=1.0).contains(&m.progress)));
    assert!(snap.messages.iter().any(|m| m.kind == MessageKind::Request && m.to == NodeId(0)));
    assert_eq!(snap.counters, sim.counters());
}

#[test]
fn series_is_sampled_at_the_interval_with_window_percentiles() {
    let r = run(ServiceScenario::default()).unwrap();
    assert_eq!(r.series.len(), 60);
    for (k, p) in r.series.iter().enumerate() {
        assert!((p.t_s - (k + 1) as f64).abs() < 1e-9);
    }
    let late = r.series.last().unwrap().latency.unwrap();
    assert!(late.p50_ms <= late.p95_ms && late.p95_ms <= late.p99_ms);
    assert!(late.count < r.counters.completed, "the window is only 5 s");
}

#[test]
fn a_thousand_clients_run_quickly() {
    let s = ServiceScenario { duration_s: 10.0, ..ServiceScenario::busy_server(1_000) };
    let r = run(s).unwrap();
    assert!(r.counters.completed > 4_000);
    assert!((r.nodes[0].utilisation - 0.625).abs() < 0.1);
}

fn field_of(s: ServiceScenario) -> String {
    crate::sim::validate::refused_field(s.validate())
}

#[test]
fn validation_names_the_field() {
    let d = ServiceScenario::default;
    assert_eq!(d().validate(), Ok(()));
    assert_eq!(field_of(ServiceScenario { users: 0, ..d() }), "clients or peers");
    assert_eq!(field_of(ServiceScenario { users: 5_001, ..d() }), "clients or peers");
    assert_eq!(field_of(ServiceScenario { request_rate: f64::NAN, ..d() }), "requests per second (each)");
    assert_eq!(field_of(ServiceScenario { request_rate: -1.0, ..d() }), "requests per second (each)");
    assert_eq!(field_of(ServiceScenario { service_rate: 0.0, ..d() }), "service rate (requests/s)");
    assert_eq!(field_of(ServiceScenario { service_rate: f64::INFINITY, ..d() }), "service rate (requests/s)");
    assert_eq!(field_of(ServiceScenario { workers: 0, ..d() }), "server workers");
    assert_eq!(field_of(ServiceScenario { hop_latency_ms: -1.0, ..d() }), "network latency per hop (ms)");
    assert_eq!(field_of(ServiceScenario { items: 0, ..d() }), "items");
    assert_eq!(field_of(ServiceScenario { duration_s: 0.0, ..d() }), "duration (s)");
    assert_eq!(field_of(ServiceScenario { sample_interval_s: 0.001, ..d() }), "sample interval (s)");
    assert_eq!(field_of(ServiceScenario { latency_window_s: 100.0, ..d() }), "latency window (s)");
    assert_eq!(field_of(ServiceScenario { replication: 25, ..p2p(20) }), "copies of each item");
    assert_eq!(field_of(ServiceScenario { faults: vec![ScheduledFault::fail(1.0, 21)], ..d() }), "fault 1: node");

    // The request cap names the rate and says how far it may go.
    let e = ServiceScenario { users: 5_000, request_rate: 100.0, duration_s: 60.0, ..d() }.validate().unwrap_err();
    match e.problem {
        Problem::OutOfRange { max, .. } => assert!((max - 2_000_000.0 / 300_000.0).abs() < 1e-9),
        other => panic!("{other:?}"),
    }
    assert!(ServiceSim::new(ServiceScenario { users: 0, ..d() }).is_err());
}

fn arb_scenario() -> impl Strategy<Value = ServiceScenario> {
    (
        (0u32..3, 1u32..25, 0.0f64..5.0, 0.5f64..30.0, 1u32..4, 0u32..6),
        (0.0f64..50.0, 1u32..20, 1u32..5, any::<bool>(), 1.0f64..8.0, any::<u64>()),
        proptest::collection::vec((0.0f64..1.0, 0u32..30, any::<bool>()), 0..4),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(|((arch, users, rate, mu, workers, cap), (hop, items, r, least, duration, seed), faults, (fast, asker))| {
            let architecture = Architecture::ALL[arch as usize];
            ServiceScenario {
                architecture,
                users,
                request_rate: rate,
                service_rate: mu,
                // Sometimes a peer of its own rate, sometimes one that only
                // asks (where enough others still serve), often neither.
                peer_service_rates: if fast && users > 1 { vec![(users - 1, mu * 2.0)] } else { Vec::new() },
                clients: if asker && users > r + 1 { vec![0] } else { Vec::new() },
                workers,
                queue_capacity: cap,
                hop_latency_ms: hop,
                items,
                replication: r.min(users),
                holder_choice: if least { HolderChoice::LeastLoaded } else { HolderChoice::Random },
                duration_s: duration,
                warmup_s: 0.0,
                sample_interval_s: 0.5,
                latency_window_s: 1.0,
                faults: crate::sim::fault::drawn_faults(faults, duration, architecture.node_count(users)),
                seed,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn small_runs_keep_their_books(s in arb_scenario()) {
        let mut sim = ServiceSim::new(s.clone()).unwrap();
        while sim.run_events(50) > 0 {
            let c = sim.counters();
            prop_assert_eq!(c.issued, c.completed + c.dropped + c.failed + c.in_flight);
            prop_assert_eq!(c.in_flight, sim.requests_present());
        }
        let r = sim.report();
        prop_assert_eq!(r.counters.in_flight, 0);
        prop_assert_eq!(r.nodes.iter().map(|n| n.issued).sum::<u64>(), r.counters.issued);
        // A served request still fails if its asker died meanwhile.
        prop_assert!(r.nodes.iter().map(|n| n.served).sum::<u64>() >= r.counters.completed);
        for n in &r.nodes {
            prop_assert!((0.0..=1.0).contains(&n.utilisation));
            prop_assert!(n.longest_queue <= s.queue_capacity);
        }
        prop_assert!(r.series.windows(2).all(|w| w[0].t_s < w[1].t_s));
        if let Some(l) = r.latency {
            prop_assert!(l.p50_ms <= l.p95_ms && l.p95_ms <= l.p99_ms && l.p99_ms <= l.max_ms);
        }
    }

    #[test]
    fn bad_numbers_never_panic(rate in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -10.0f64..0.0],
                               users in 0u32..8_000) {
        let s = ServiceScenario { request_rate: rate, users, ..ServiceScenario::default() };
        prop_assert!(ServiceSim::new(s).is_err());
    }
}

#[test]
fn slices_per_frame_give_the_same_run_and_scenarios_round_trip() {
    let s = ServiceScenario { architecture: Architecture::Hybrid, faults: vec![ScheduledFault::fail(3.0, 4)], ..p2p(12) };
    let whole = run(s.clone()).unwrap();
    let mut sim = ServiceSim::new(s.clone()).unwrap();
    run_in_frames(&mut sim, 16_667, 25);
    assert_eq!(sim.report(), whole);
    assert_round_trips(&s);
    assert!(serde_json::to_string(&whole).is_ok());
}

/// `cargo test --lib -- --ignored --nocapture thousand_clients_figures`
/// prints events per second for the benchmark scenario.
#[test]
#[ignore]
fn thousand_clients_figures() {
    for arch in Architecture::ALL {
        let s = ServiceScenario { architecture: arch, ..ServiceScenario::busy_server(1_000) };
        let started = std::time::Instant::now();
        let r = run(s).unwrap();
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "{arch:?}: {} requests, {} events in {secs:.3} s ({:.0} events/s), p95 {:.1} ms",
            r.counters.issued,
            r.events,
            r.events as f64 / secs,
            r.latency.map_or(0.0, |l| l.p95_ms)
        );
    }
}

#[test]
fn a_peer_with_more_capacity_answers_faster() {
    let base = ServiceScenario {
        architecture: Architecture::PeerToPeer,
        users: 10,
        request_rate: 2.0,
        service_rate: 5.0,
        replication: 2,
        duration_s: 60.0,
        seed: 3,
        ..ServiceScenario::default()
    };
    let p95 = |s: ServiceScenario| {
        let mut sim = ServiceSim::new(s).unwrap();
        while sim.run_events(10_000) > 0 {}
        let r = sim.report();
        r.latency.unwrap_or_else(|| panic!("{:?}", r.counters)).p95_ms
    };
    let slow = p95(base.clone());
    let fast = p95(ServiceScenario { peer_service_rates: (0..10).map(|p| (p, 50.0)).collect(), ..base.clone() });
    assert!(fast < slow / 3.0, "p95 {fast} ms with fast peers, {slow} ms without");
    let bad = ServiceScenario { peer_service_rates: vec![(10, 5.0)], ..base.clone() };
    assert!(bad.validate().is_err(), "no such peer");
    let bad = ServiceScenario { peer_service_rates: vec![(3, 0.0)], ..base };
    assert!(bad.validate().is_err(), "no capacity at all");
}

#[test]
fn peers_that_only_ask_hold_nothing_and_answer_no_one() {
    let base = ServiceScenario {
        architecture: Architecture::PeerToPeer,
        users: 10,
        request_rate: 2.0,
        service_rate: 20.0,
        replication: 3,
        duration_s: 30.0,
        seed: 5,
        ..ServiceScenario::default()
    };
    let s = ServiceScenario { clients: vec![0, 4, 9], ..base.clone() };
    let mut sim = ServiceSim::new(s.clone()).unwrap();
    while sim.run_events(10_000) > 0 {}
    let r = sim.report();
    for p in [0u32, 4, 9] {
        let n = &r.nodes[s.user_node(p).index()];
        assert_eq!((n.role, n.items_held, n.served), (Role::Client, 0, 0), "peer {p}");
    }
    assert!(r.counters.completed > 0);
    let busiest = |r: &crate::sim::service::ServiceReport| r.nodes.iter().map(|n| n.served).max().unwrap();
    let mut all = ServiceSim::new(base.clone()).unwrap();
    while all.run_events(10_000) > 0 {}
    assert!(busiest(&r) > busiest(&all.report()), "fewer peers serving carry more each");
    // Copies cannot outnumber the peers that serve.
    let s = ServiceScenario { clients: (0..8).collect(), ..base };
    assert!(s.validate().is_err());
}

#[test]
fn theory_spreads_the_remote_load_over_the_peers_that_serve() {
    let s = ServiceScenario {
        architecture: Architecture::PeerToPeer,
        users: 10,
        request_rate: 2.0,
        replication: 2,
        ..ServiceScenario::default()
    };
    // λ·(n − r)/S: 2·8/10 with everyone serving, 2·8/5 with five asking only.
    assert!((super::theory::predict(&s).arrival_rate - 1.6).abs() < 1e-12);
    let half = ServiceScenario { clients: vec![0, 1, 2, 3, 4], ..s.clone() };
    assert!((super::theory::predict(&half).arrival_rate - 3.2).abs() < 1e-12);
    let none = ServiceScenario { clients: (0..10).collect(), replication: 1, ..s };
    let e = none.validate().unwrap_err();
    assert!(e.to_string().contains("no one answers"), "{e}");
}
