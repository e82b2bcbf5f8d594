use super::theory::{item_availability, node_availability};
use super::*;
use crate::sim::fault::{Faults, ScheduledFault};
use crate::sim::node::{Architecture, NodeId, Role};
use crate::sim::stepping::Stepper;
use crate::sim::testing::{assert_round_trips, run_in_frames};
use crate::sim::time::SimTime;
use proptest::prelude::*;

fn long_p2p(replication: u32) -> ChurnScenario {
    ChurnScenario {
        peers: 200,
        items: 200,
        replication,
        mean_online_s: 10.0,
        mean_offline_s: 10.0,
        request_rate: 0.01,
        duration_s: 5_000.0,
        sample_interval_s: 50.0,
        ..ChurnScenario::default()
    }
}

fn server(model: Option<FailureModel>) -> ChurnScenario {
    ChurnScenario {
        architecture: Architecture::ClientServer,
        peers: 20,
        churn: false,
        server_failures: model,
        request_rate: 0.05,
        duration_s: 100_000.0,
        sample_interval_s: 100.0,
        ..ChurnScenario::default()
    }
}

fn close(what: &str, got: f64, want: f64, tolerance: f64) {
    assert!((got - want).abs() <= tolerance, "{what}: simulated {got:.4}, theory {want:.4}");
}

#[test]
fn peer_and_item_availability_agree_with_theory() {
    for r in [1, 2, 3] {
        let rep = run(long_p2p(r)).unwrap();
        close("peer availability", rep.peer_availability, 0.5, 0.02);
        close(&format!("item availability, r = {r}"), rep.mean_item_availability, item_availability(0.5, r), 0.02);
        close("theory field", rep.theory.item_availability, item_availability(0.5, r), 1e-12);
        close(&format!("request success, r = {r}"), rep.success_rate, rep.theory.request_success, 0.03);
        assert_eq!(rep.elapsed_s, 5_000.0);
    }
}

#[test]
fn uneven_sessions_agree_too() {
    // Online 30 s, away 10 s: a = 0.75, two copies 0.9375.
    let s = ChurnScenario { mean_online_s: 30.0, mean_offline_s: 10.0, duration_s: 8_000.0, ..long_p2p(2) };
    let rep = run(s).unwrap();
    close("peer availability", rep.peer_availability, node_availability(30.0, 10.0), 0.02);
    close("item availability", rep.mean_item_availability, 0.9375, 0.015);
}

#[test]
fn server_availability_is_mtbf_over_mtbf_plus_mttr() {
    let rep = run(server(Some(FailureModel { mtbf_s: 90.0, mttr_s: 10.0 }))).unwrap();
    let a = rep.server_availability.unwrap();
    close("server availability", a, 0.9, 0.015);
    assert_eq!(rep.theory.server_availability, Some(0.9));
    // Every item is on the server: they are available exactly when it is.
    assert!(rep.item_availability.iter().all(|i| (i - a).abs() < 1e-12));
    close("request success", rep.success_rate, a, 0.02);
    assert!(rep.counters.server_failures > 500);
    assert_eq!(rep.nodes[0].role, Role::Server);
}

#[test]
fn hybrid_needs_the_index_and_a_copy() {
    let s = ChurnScenario {
        architecture: Architecture::Hybrid,
        server_failures: Some(FailureModel { mtbf_s: 45.0, mttr_s: 5.0 }),
        duration_s: 10_000.0,
        ..long_p2p(2)
    };
    let rep = run(s).unwrap();
    let want = 0.9 * item_availability(0.5, 2);
    close("hybrid item availability", rep.mean_item_availability, want, 0.025);
    close("index availability", rep.server_availability.unwrap(), 0.9, 0.02);
}

#[test]
fn rereplication_keeps_more_items_reachable() {
    let plain = run(long_p2p(2)).unwrap();
    let s = ChurnScenario { rereplication: Some(Rereplication { delay_s: 1.0 }), ..long_p2p(2) };
    let mut sim = ChurnSim::new(s).unwrap();
    sim.run_to_end(u64::MAX);
    sim.audit().unwrap();
    let copied = sim.report();
    assert!(copied.counters.rereplications > 1_000);
    assert!(
        copied.mean_item_availability > plain.mean_item_availability + 0.05,
        "{} vs {}",
        copied.mean_item_availability,
        plain.mean_item_availability
    );
}

#[test]
fn the_server_is_a_single_point_of_failure() {
    let s = ChurnScenario {
        faults: vec![ScheduledFault::fail(100.0, 0), ScheduledFault::revive(200.0, 0)],
        duration_s: 1_000.0,
        sample_interval_s: 10.0,
        request_rate: 1.0,
        ..server(None)
    };
    let rep = run(s).unwrap();
    close("server availability", rep.server_availability.unwrap(), 0.9, 1e-9);
    close("item availability", rep.mean_item_availability, 0.9, 1e-9);
    for p in &rep.series {
        // The fault was planned first, so it fires before a sample at the
        // same instant.
        let down = (100.0..200.0).contains(&p.t_s);
        assert_eq!(p.server_up, Some(!down), "at {}", p.t_s);
        if down {
            assert_eq!(p.items_available, 0.0);
        }
        // Success rates cover the interval before the sample.
        if p.t_s > 105.0 && p.t_s <= 200.0 {
            assert_eq!(p.success_rate, 0.0, "at {}", p.t_s);
        } else if p.t_s > 200.0 || p.t_s <= 100.0 {
            assert_eq!(p.success_rate, 1.0, "at {}", p.t_s);
        }
    }
    assert_eq!((rep.counters.server_failures, rep.counters.server_repairs), (1, 1));
}

#[test]
fn failing_by_hand_acts_now() {
    let mut sim = ChurnSim::new(server(None)).unwrap();
    sim.run_until(SimTime(10_000_000), u64::MAX);
    sim.fail_node(NodeId(0)).unwrap();
    assert_eq!(sim.items_available(), 0);
    sim.run_until(SimTime(2_000_000_000), u64::MAX);
    assert!(!sim.is_up(NodeId(0)), "no failure model: nobody repairs it");
    assert!(sim.counters().failed > 0);
    sim.revive_node(NodeId(0)).unwrap();
    assert_eq!(sim.items_available(), 100);
    assert!(sim.fail_node(NodeId(21)).is_err());

    // Under churn a peer failed by hand comes back by itself.
    let mut sim = ChurnSim::new(ChurnScenario { mean_offline_s: 5.0, ..ChurnScenario::default() }).unwrap();
    while !sim.is_up(NodeId(3)) && sim.step() {}
    sim.fail_node(NodeId(3)).unwrap();
    assert!(!sim.is_up(NodeId(3)));
    sim.run_until(SimTime(500_000_000), u64::MAX);
    assert!(sim.counters().arrivals > 0);
    sim.audit().unwrap();
}

#[test]
fn churn_can_be_switched_off_and_on() {
    let mut sim = ChurnSim::new(ChurnScenario { mean_online_s: 20.0, mean_offline_s: 5.0, ..ChurnScenario::default() })
        .unwrap();
    sim.run_until(SimTime(100_000_000), u64::MAX);
    assert!(sim.churn_enabled());
    sim.set_churn(false);
    let departures = sim.counters().departures;
    sim.run_until(SimTime(300_000_000), u64::MAX);
    assert_eq!(sim.counters().departures, departures, "no one leaves without churn");
    assert!(sim.snapshot().nodes.iter().all(|n| n.up), "those away have come back");
    assert_eq!(sim.items_available(), 100);
    sim.set_churn(true);
    sim.run_until(SimTime(400_000_000), u64::MAX);
    assert!(sim.counters().departures > departures);
    sim.audit().unwrap();
}

#[test]
fn server_failures_can_be_switched_on() {
    let mut sim = ChurnSim::new(server(None)).unwrap();
    sim.run_until(SimTime(1_000_000_000), u64::MAX);
    assert_eq!(sim.counters().server_failures, 0);
    sim.set_server_failures(Some(FailureModel { mtbf_s: 50.0, mttr_s: 5.0 })).unwrap();
    assert!(sim.snapshot().server_failures);
    sim.run_until(SimTime(3_000_000_000), u64::MAX);
    assert!(sim.counters().server_failures > 10);
    let bad = FailureModel { mtbf_s: f64::NAN, mttr_s: 5.0 };
    assert_eq!(sim.set_server_failures(Some(bad)).unwrap_err().field, "server: mean time between failures (s)");
    let mut p2p = ChurnSim::new(ChurnScenario::default()).unwrap();
    assert!(p2p.set_server_failures(None).is_err());
}

#[test]
fn same_seed_same_report() {
    for arch in Architecture::ALL {
        let s = ChurnScenario {
            architecture: arch,
            server_failures: (arch != Architecture::PeerToPeer).then_some(FailureModel { mtbf_s: 100.0, mttr_s: 20.0 }),
            rereplication: Some(Rereplication { delay_s: 30.0 }),
            ..ChurnScenario::default()
        };
        let a = run(s.clone()).unwrap();
        assert_eq!(a, run(s.clone()).unwrap());
        assert_ne!(a.counters, run(ChurnScenario { seed: 5, ..s }).unwrap().counters, "{arch:?}");
    }
}

#[test]
fn series_and_snapshot_describe_the_run() {
    let mut sim = ChurnSim::new(ChurnScenario::default()).unwrap();
    sim.run_until(SimTime(300_000_000), u64::MAX);
    let snap = sim.snapshot();
    assert_eq!(snap.nodes.len(), 50);
    assert_eq!(snap.items_available, sim.items_available());
    assert!(snap.nodes.iter().any(|n| !n.up) && snap.nodes.iter().any(|n| n.up));
    sim.run_to_end(u64::MAX);
    let rep = sim.report();
    assert_eq!(rep.series.len(), 120);
    let last = rep.series.last().unwrap();
    assert!((last.mean_item_availability - rep.mean_item_availability).abs() < 1e-9);
    assert!(rep.series.iter().all(|p| (0.0..=1.0).contains(&p.peers_online) && p.server_up.is_none()));
}

fn field_of(s: ChurnScenario) -> String {
    crate::sim::validate::refused_field(s.validate())
}

#[test]
fn validation_names_the_field() {
    let d = ChurnScenario::default;
    assert_eq!(d().validate(), Ok(()));
    assert_eq!(field_of(ChurnScenario { peers: 0, ..d() }), "clients or peers");
    assert_eq!(field_of(ChurnScenario { peers: 5_001, ..d() }), "clients or peers");
    assert_eq!(field_of(ChurnScenario { items: 10_001, ..d() }), "items");
    assert_eq!(field_of(ChurnScenario { replication: 0, ..d() }), "copies of each item");
    assert_eq!(field_of(ChurnScenario { replication: 51, ..d() }), "copies of each item");
    assert_eq!(field_of(ChurnScenario { mean_online_s: 0.0, ..d() }), "mean time online (s)");
    assert_eq!(field_of(ChurnScenario { mean_offline_s: f64::NAN, ..d() }), "mean time offline (s)");
    let bad_model = |mtbf_s, mttr_s| ChurnScenario { server_failures: Some(FailureModel { mtbf_s, mttr_s }), ..d() };
    assert_eq!(field_of(bad_model(-5.0, 1.0)), "server: mean time between failures (s)");
    assert_eq!(field_of(bad_model(5.0, f64::INFINITY)), "server: mean time to repair (s)");
    let bad_copy = ChurnScenario { rereplication: Some(Rereplication { delay_s: -1.0 }), ..d() };
    assert_eq!(field_of(bad_copy), "re-replication delay (s)");
    assert_eq!(field_of(ChurnScenario { request_rate: f64::NAN, ..d() }), "requests per second (each)");
    assert_eq!(field_of(ChurnScenario { duration_s: 0.0, ..d() }), "duration (s)");
    assert_eq!(field_of(ChurnScenario { sample_interval_s: 0.01, ..d() }), "sample interval (s)");
    assert_eq!(field_of(ChurnScenario { faults: vec![ScheduledFault::fail(1.0, 50)], ..d() }), "fault 1: node");
    // A year of one-second sessions for 5,000 peers is far too much work.
    let frantic =
        ChurnScenario { peers: 5_000, mean_online_s: 0.5, mean_offline_s: 0.5, duration_s: 31_536_000.0, sample_interval_s: 86_400.0, ..d() };
    assert_eq!(field_of(frantic), "mean time online (s)");
    assert!(ChurnSim::new(ChurnScenario { peers: 0, ..d() }).is_err());
}

fn arb_scenario() -> impl Strategy<Value = ChurnScenario> {
    (
        (0u32..3, 1u32..25, 1u32..20, 1u32..5, any::<bool>(), 0.5f64..20.0, 0.5f64..20.0),
        (proptest::option::of((1.0f64..30.0, 0.5f64..10.0)), proptest::option::of(0.0f64..10.0), 0.0f64..2.0),
        (5.0f64..60.0, any::<u64>()),
        proptest::collection::vec((0.0f64..1.0, 0u32..30, any::<bool>()), 0..5),
    )
        .prop_map(|((arch, peers, items, r, churn, on, off), (model, copy, rate), (duration, seed), faults)| {
            let architecture = Architecture::ALL[arch as usize];
            ChurnScenario {
                architecture,
                // One server or two, in client-server.
                servers: 1 + (seed % 2) as u32,
                peers,
                items,
                replication: r.min(peers),
                churn,
                mean_online_s: on,
                mean_offline_s: off,
                server_failures: model.map(|(mtbf_s, mttr_s)| FailureModel { mtbf_s, mttr_s }),
                rereplication: copy.map(|delay_s| Rereplication { delay_s }),
                request_rate: rate,
                duration_s: duration,
                sample_interval_s: 1.0,
                faults: crate::sim::fault::drawn_faults(faults, duration, architecture.node_count(peers)),
                seed,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn small_runs_keep_their_books(s in arb_scenario(), toggle_at in 0u32..200) {
        let mut sim = ChurnSim::new(s.clone()).unwrap();
        let mut steps = 0;
        while sim.run_events(10) > 0 {
            steps += 1;
            if steps == toggle_at {
                sim.set_churn(!sim.churn_enabled());
            }
            prop_assert_eq!(sim.audit(), Ok(()));
            let c = sim.counters();
            prop_assert_eq!(c.requests, c.succeeded + c.failed);
        }
        let rep = sim.report();
        prop_assert!((rep.elapsed_s - s.duration_s).abs() < 1e-5);
        let unit = |x: f64| (0.0..=1.0).contains(&x);
        prop_assert!(unit(rep.mean_item_availability) && unit(rep.peer_availability) && unit(rep.success_rate));
        prop_assert!(rep.item_availability.iter().all(|a| unit(*a)));
        prop_assert!(rep.server_availability.is_none_or(unit));
        for p in &rep.series {
            prop_assert!(unit(p.items_available) && unit(p.mean_item_availability) && unit(p.success_rate));
        }
    }
}

#[test]
fn slices_per_frame_give_the_same_run_and_scenarios_round_trip() {
    let s = ChurnScenario {
        architecture: Architecture::Hybrid,
        server_failures: Some(FailureModel { mtbf_s: 100.0, mttr_s: 10.0 }),
        rereplication: Some(Rereplication { delay_s: 20.0 }),
        faults: vec![ScheduledFault::fail(30.0, 4)],
        ..ChurnScenario::default()
    };
    let whole = run(s.clone()).unwrap();
    let mut sim = ChurnSim::new(s.clone()).unwrap();
    run_in_frames(&mut sim, 250_000, 7);
    assert_eq!(sim.report(), whole);
    assert_round_trips(&s);
}
