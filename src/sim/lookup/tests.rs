use super::theory::{flood_message_bound, hit_probability};
use super::*;
use crate::sim::fault::{Faults, ScheduledFault};
use crate::sim::node::{Architecture, NodeId, Role};
use crate::sim::stepping::Stepper;
use crate::sim::testing::{assert_round_trips, run_in_frames};
use crate::sim::time::SimTime;
use proptest::prelude::*;

fn assert_books(c: &LookupCounters) {
    assert_eq!(c.queries, c.hits + c.misses + c.in_progress, "{c:?}");
    assert!(c.stale_reads <= c.hits && c.local_hits <= c.hits, "{c:?}");
}

/// A quiet run: no searches or updates unless a test starts them.
fn manual(peers: u32, links: &[(u32, u32)], items: u32, ttl: u32) -> LookupScenario {
    LookupScenario {
        peers,
        items,
        replication: 1,
        mean_degree: 0.0,
        extra_links: links.iter().map(|&(a, b)| Link::new(a, b)).collect(),
        ttl,
        query_rate: 0.0,
        ..LookupScenario::default()
    }
}

/// Runs one search to its end and returns how it went.
fn search(sim: &mut LookupSim, origin: u32, item: u32) -> QueryOutcome {
    let before = sim.outcomes().len();
    sim.start_query(NodeId(origin), item).unwrap();
    while sim.outcomes().len() == before && sim.step() {}
    sim.outcomes()[before]
}

/// A tree where the root and every inner node have degree 3, three levels
/// deep: 1 + 3 + 6 + 12 nodes.
fn ternary_tree() -> Vec<(u32, u32)> {
    let mut links = vec![(0, 1), (0, 2), (0, 3)];
    let mut next = 4;
    for parent in 1..10 {
        for _ in 0..2 {
            links.push((parent, next));
            next += 1;
        }
    }
    links
}

#[test]
fn central_lookup_is_one_query_and_one_answer() {
    let s = LookupScenario {
        architecture: Architecture::ClientServer,
        update_rate: 5.0,
        ..LookupScenario::default()
    };
    let r = run(s).unwrap();
    assert!(r.counters.queries > 400);
    assert_eq!(r.hit_rate, 1.0);
    assert_eq!(r.stale_read_fraction, 0.0, "one copy is never stale");
    assert!(r.counters.updates > 200);
    assert_eq!(r.max_messages_per_query, 2);
    assert_eq!(r.mean_hops_to_hit, Some(1.0));
    assert_eq!(r.nodes[0].role, Role::Server);
    // The server handles every question; each client only its answers.
    assert_eq!(r.nodes[0].messages_handled, r.counters.queries);
    assert_eq!(r.theory.messages_per_query_bound, 2.0);
}

#[test]
fn flooding_a_tree_sends_exactly_the_bound() {
    let mut sim = LookupSim::new(manual(22, &ternary_tree(), 8, 3)).unwrap();
    let bound = flood_message_bound(3.0, 3);
    assert_eq!(bound, 21.0);
    let mut remote = 0;
    for item in 0..8 {
        let o = search(&mut sim, 0, item);
        if o.local() {
            continue;
        }
        remote += 1;
        assert_eq!(f64::from(o.query_messages), bound);
        assert_eq!(o.reached, 22, "TTL 3 reaches the whole tree");
        let hops = o.hops_to_hit.unwrap();
        assert!((1..=3).contains(&hops));
        assert_eq!(o.answer_messages, hops, "the answer retraces the path");
    }
    assert!(remote >= 6);
    assert_eq!(sim.counters().duplicates, 0, "a tree has no cycles");
    sim.audit().unwrap();
}

#[test]
fn a_short_ttl_stops_the_flood_early() {
    let mut sim = LookupSim::new(manual(22, &ternary_tree(), 8, 1)).unwrap();
    let o = search(&mut sim, 0, 0);
    if !o.local() {
        assert_eq!((o.query_messages, o.reached), (3, 4));
    }
    // From a leaf, TTL 1 reaches only its parent.
    let o = search(&mut sim, 21, 1);
    if !o.local() {
        assert_eq!((o.query_messages, o.reached), (1, 2));
    }
}

#[test]
fn cycles_cause_duplicates_but_never_exceed_the_bound() {
    let s = LookupScenario {
        peers: 300,
        mean_degree: 5.0,
        ttl: 4,
        query_rate: 0.1,
        duration_s: 15.0,
        ..LookupScenario::default()
    };
    let mut sim = LookupSim::new(s).unwrap();
    sim.run_to_end(u64::MAX);
    let r = sim.report();
    let bound = r.theory.messages_per_query_bound;
    assert!(sim.outcomes().iter().all(|o| f64::from(o.query_messages) <= bound));
    assert!(r.counters.duplicates > 0);
    assert!(r.mean_messages_per_query > 20.0, "flooding is expensive: {}", r.mean_messages_per_query);
    assert_books(&r.counters);
    sim.audit().unwrap();
}

#[test]
fn hit_rate_agrees_with_the_hypergeometric_formula() {
    // 3 copies among 200 peers; a sparse overlay and TTL 2 reach a few
    // dozen peers, so hits are neither rare nor certain.
    let s = LookupScenario {
        peers: 200,
        items: 400,
        replication: 3,
        mean_degree: 3.0,
        ttl: 2,
        query_rate: 0.25,
        hop_latency_ms: 1.0,
        duration_s: 80.0,
        seed: 21,
        ..LookupScenario::default()
    };
    let mut sim = LookupSim::new(s).unwrap();
    sim.run_to_end(u64::MAX);
    let floods: Vec<&QueryOutcome> = sim.outcomes().iter().filter(|o| !o.local()).collect();
    let n = floods.len() as f64;
    assert!(n > 3_000.0);
    let observed = floods.iter().filter(|o| o.hit()).count() as f64 / n;
    // The asker is known not to hold a copy: the other m − 1 peers it
    // reached are drawn from the other n − 1.
    let expected = floods.iter().map(|o| hit_probability(199, 3, o.reached - 1)).sum::<f64>() / n;
    let sigma = (expected * (1.0 - expected) / n).sqrt();
    assert!((observed - expected).abs() < 4.0 * sigma, "observed {observed}, expected {expected} ± {sigma}");
    let r = sim.report();
    let predicted = r.theory.expected_hit_rate.unwrap();
    assert!((r.hit_rate - predicted).abs() < 0.03, "{} vs {predicted}", r.hit_rate);
}

#[test]
fn a_bigger_ttl_finds_more_and_costs_more() {
    let run_ttl = |ttl| run(LookupScenario { peers: 200, mean_degree: 3.0, ttl, ..LookupScenario::default() }).unwrap();
    let reports: Vec<LookupReport> = (1..=4).map(run_ttl).collect();
    for w in reports.windows(2) {
        // Same seed: same overlay, placement and searches; only reach grows.
        assert_eq!(w[0].counters.queries, w[1].counters.queries);
        assert!(w[0].counters.hits <= w[1].counters.hits);
        assert!(w[0].mean_messages_per_query < w[1].mean_messages_per_query);
    }
    assert!(reports[3].hit_rate > reports[0].hit_rate + 0.2);
}

#[test]
fn connecting_peers_makes_data_reachable() {
    let mut sim = LookupSim::new(LookupScenario { peers: 3, items: 30, ..manual(3, &[(0, 1)], 30, 3) }).unwrap();
    // An item held by peer 2 alone.
    let item = (0..30).find(|i| sim.replica_nodes(*i) == [NodeId(2)]).unwrap();
    assert!(!search(&mut sim, 0, item).hit());
    assert_eq!(sim.connect(NodeId(1), NodeId(2)), Ok(true));
    assert_eq!(sim.connect(NodeId(2), NodeId(1)), Ok(false));
    let found = search(&mut sim, 0, item);
    assert_eq!(found.hops_to_hit, Some(2));
    assert_eq!(sim.disconnect(NodeId(0), NodeId(1)), Ok(true));
    assert!(!search(&mut sim, 0, item).hit());
    assert_eq!(sim.links(), [Link::new(1, 2)]);
    assert!(sim.connect(NodeId(1), NodeId(1)).is_err());
    assert!(sim.connect(NodeId(1), NodeId(3)).is_err());
}

#[test]
fn a_leaving_peer_takes_its_data_with_it() {
    let s = LookupScenario { mean_degree: 49.0, ttl: 1, replication: 1, ..LookupScenario::default() };
    let mut sim = LookupSim::new(s).unwrap();
    let peer = NodeId(7);
    let gone: Vec<u32> = (0..100).filter(|i| sim.replica_nodes(*i) == [peer]).collect();
    assert!(!gone.is_empty());
    sim.fail_node(peer).unwrap();
    assert_eq!(sim.items_available(), 100 - gone.len() as u32);
    assert!(!search(&mut sim, 3, gone[0]).hit(), "no copy online");
    assert!(sim.start_query(peer, 0).is_err(), "an offline peer cannot search");
    sim.revive_node(peer).unwrap();
    assert_eq!(sim.items_available(), 100);
    assert_eq!(search(&mut sim, 3, gone[0]).hops_to_hit, Some(1));
    sim.audit().unwrap();
}

#[test]
fn a_failed_server_takes_everything_and_hybrid_survives_a_peer() {
    let fault = vec![ScheduledFault::fail(30.0, 0)];
    let cs = LookupScenario { architecture: Architecture::ClientServer, faults: fault.clone(), ..LookupScenario::default() };
    let r = run(cs).unwrap();
    assert_eq!(r.items_available, 0);
    assert!(r.hit_rate > 0.4 && r.hit_rate < 0.6, "half the run without the server: {}", r.hit_rate);
    assert!(r.series.iter().filter(|p| p.t_s > 31.0).all(|p| p.hits == 0 && p.items_available == 0.0));

    let hybrid = LookupScenario {
        architecture: Architecture::Hybrid,
        faults: vec![ScheduledFault::fail(1.0, 5)],
        ..LookupScenario::default()
    };
    let r = run(hybrid).unwrap();
    assert!(r.hit_rate > 0.95, "copies elsewhere: {}", r.hit_rate);
    assert_eq!(r.max_messages_per_query, 2);
    assert_eq!(r.nodes[0].role, Role::Index);
}

fn updating(arch: Architecture, propagation: Propagation) -> LookupReport {
    let s = LookupScenario {
        architecture: arch,
        mean_degree: 6.0,
        items: 20,
        replication: 3,
        update_rate: 2.0,
        query_rate: 0.5,
        propagation,
        ..LookupScenario::default()
    };
    run(s).unwrap()
}

#[test]
fn updates_leave_stale_copies_unless_pushed() {
    let none = updating(Architecture::PeerToPeer, Propagation::None);
    let pushed = updating(Architecture::PeerToPeer, Propagation::Push { delay_ms: 100.0 });
    let central = updating(Architecture::ClientServer, Propagation::None);
    let hybrid = updating(Architecture::Hybrid, Propagation::None);
    assert!(none.stale_read_fraction > 0.4, "no propagation: {}", none.stale_read_fraction);
    assert!(hybrid.stale_read_fraction > 0.4, "the index does not fix copies: {}", hybrid.stale_read_fraction);
    assert!(pushed.stale_read_fraction < 0.05, "pushed within 100 ms: {}", pushed.stale_read_fraction);
    assert!(pushed.counters.push_messages >= 2 * pushed.counters.updates - 2);
    assert_eq!(central.stale_read_fraction, 0.0);
    assert_eq!(none.counters.push_messages, 0);
    // Stale copies sit on peers at the end of an unpropagated run.
    assert!(none.nodes.iter().map(|n| n.stale_copies).sum::<u32>() > 10);
}

/// Ten peers away for the first half of the run while updates are pushed.
fn away_and_back(catch_up: bool) -> LookupReport {
    let faults = (1..=10).flat_map(|p| [ScheduledFault::fail(0.0, p), ScheduledFault::revive(30.0, p)]).collect();
    let s = LookupScenario {
        mean_degree: 6.0,
        items: 20,
        replication: 3,
        update_rate: 2.0,
        query_rate: 0.5,
        propagation: Propagation::Push { delay_ms: 50.0 },
        catch_up,
        faults,
        ..LookupScenario::default()
    };
    run(s).unwrap()
}

#[test]
fn a_returning_copy_stays_stale_unless_it_catches_up() {
    let stays = away_and_back(false);
    let caught = away_and_back(true);
    let stale_after = |r: &LookupReport| r.series.iter().filter(|p| p.t_s > 31.0 && p.hits > 0).map(|p| p.stale_fraction).sum::<f64>();
    assert!(stale_after(&stays) > 1.0, "pushed updates missed the peers away: {}", stale_after(&stays));
    assert!(stale_after(&caught) < stale_after(&stays) / 5.0, "{} vs {}", stale_after(&caught), stale_after(&stays));
    assert!(caught.counters.push_messages > stays.counters.push_messages, "catching up costs messages");
}

#[test]
fn same_seed_same_report() {
    for arch in Architecture::ALL {
        let s = LookupScenario {
            architecture: arch,
            update_rate: 1.0,
            propagation: Propagation::Push { delay_ms: 50.0 },
            faults: vec![ScheduledFault::fail(10.0, 3), ScheduledFault::revive(20.0, 3)],
            ..LookupScenario::default()
        };
        let a = run(s.clone()).unwrap();
        assert_eq!(a, run(s.clone()).unwrap());
        assert_ne!(a.counters, run(LookupScenario { seed: 9, ..s }).unwrap().counters, "{arch:?}");
    }
}

#[test]
fn snapshot_draws_floods_in_flight() {
    let mut sim = LookupSim::new(manual(22, &ternary_tree(), 8, 3)).unwrap();
    sim.start_query(NodeId(0), 0).unwrap();
    sim.step();
    let snap = sim.snapshot();
    assert_eq!(snap.nodes.len(), 22);
    assert!(snap.messages.iter().all(|m| m.kind == LookupMessageKind::Query || m.kind == LookupMessageKind::Answer));
    assert!(snap.messages.iter().all(|m| (0.0..=1.0).contains(&m.progress)));
    assert!(!snap.messages.is_empty());
    assert_eq!(snap.counters.in_progress, 1);
    sim.run_until(SimTime(59_000_000), u64::MAX);
    assert!(sim.snapshot().messages.is_empty());
}

#[test]
fn series_tracks_availability() {
    let s = LookupScenario {
        replication: 1,
        faults: vec![ScheduledFault::fail(10.0, 1), ScheduledFault::fail(10.0, 2), ScheduledFault::revive(20.0, 1)],
        ..LookupScenario::default()
    };
    let r = run(s).unwrap();
    assert_eq!(r.series.len(), 60);
    let at = |t: f64| r.series.iter().find(|p| (p.t_s - t).abs() < 1e-9).unwrap().items_available;
    assert_eq!(at(5.0), 1.0);
    assert!(at(15.0) < 1.0);
    assert!(at(25.0) > at(15.0) && at(25.0) < 1.0);
}

fn field_of(s: LookupScenario) -> String {
    crate::sim::validate::refused_field(s.validate())
}

#[test]
fn validation_names_the_field() {
    let d = LookupScenario::default;
    assert_eq!(d().validate(), Ok(()));
    assert_eq!(field_of(LookupScenario { peers: 0, ..d() }), "clients or peers");
    assert_eq!(field_of(LookupScenario { peers: 5_001, ..d() }), "clients or peers");
    assert_eq!(field_of(LookupScenario { items: 0, ..d() }), "items");
    assert_eq!(field_of(LookupScenario { replication: 51, ..d() }), "copies of each item");
    assert_eq!(field_of(LookupScenario { ttl: 0, ..d() }), "query TTL (hops)");
    assert_eq!(field_of(LookupScenario { ttl: 11, ..d() }), "query TTL (hops)");
    assert_eq!(field_of(LookupScenario { mean_degree: 50.0, ..d() }), "links per peer (mean)");
    assert_eq!(field_of(LookupScenario { mean_degree: f64::NAN, ..d() }), "links per peer (mean)");
    assert_eq!(field_of(LookupScenario { query_rate: -0.1, ..d() }), "queries per second (each)");
    assert_eq!(field_of(LookupScenario { update_rate: f64::INFINITY, ..d() }), "updates per second");
    assert_eq!(
        field_of(LookupScenario { propagation: Propagation::Push { delay_ms: -1.0 }, ..d() }),
        "update push delay (ms)"
    );
    assert_eq!(field_of(LookupScenario { hop_latency_ms: f64::NAN, ..d() }), "network latency per hop (ms)");
    assert_eq!(field_of(LookupScenario { duration_s: -1.0, ..d() }), "duration (s)");
    assert_eq!(field_of(LookupScenario { sample_interval_s: 0.0, ..d() }), "sample interval (s)");
    assert_eq!(field_of(LookupScenario { extra_links: vec![Link::new(0, 50)], ..d() }), "added links: link 1");
    assert_eq!(field_of(LookupScenario { removed_links: vec![Link::new(4, 4)], ..d() }), "removed links: link 1");
    // A flood storm is refused by the messages it would send; too many
    // searches, by their rate.
    let storm = LookupScenario { peers: 5_000, mean_degree: 20.0, ttl: 7, query_rate: 1.0, ..d() };
    assert!(matches!(storm.validate().unwrap_err().problem, crate::sim::validate::Problem::TooMuchWork { max, .. } if max == super::scenario::MAX_EXPECTED_MESSAGES));
    let chatter = LookupScenario { architecture: Architecture::ClientServer, peers: 5_000, query_rate: 10.0, ..d() };
    assert_eq!(field_of(chatter), "queries per second (each)");
    // Overlay settings do not matter without an overlay.
    assert_eq!(LookupScenario { architecture: Architecture::ClientServer, peers: 1, ..d() }.validate(), Ok(()));
    assert!(LookupSim::new(LookupScenario { items: 0, ..d() }).is_err());
}

fn arb_scenario() -> impl Strategy<Value = LookupScenario> {
    (
        (0u32..3, 2u32..30, 1u32..15, 1u32..4, 0.0f64..6.0, 1u32..5),
        (0.0f64..2.0, 0.0f64..30.0, 0.0f64..3.0, proptest::option::of(0.0f64..500.0), 1.0f64..10.0, any::<u64>()),
        proptest::collection::vec((0.0f64..1.0, 0u32..40, any::<bool>()), 0..5),
        proptest::collection::vec((0u32..40, 0u32..40), 0..6),
    )
        .prop_map(|((arch, peers, items, r, degree, ttl), (qr, hop, ur, push, duration, seed), faults, links)| {
            let architecture = Architecture::ALL[arch as usize];
            let nodes = architecture.node_count(peers);
            let extra_links =
                links.into_iter().map(|(a, b)| Link::new(a % nodes, b % nodes)).filter(|l| l.a != l.b).collect();
            LookupScenario {
                architecture,
                peers,
                items,
                replication: r.min(peers),
                mean_degree: degree.min(f64::from(peers - 1)),
                extra_links,
                ttl,
                query_rate: qr,
                hop_latency_ms: hop,
                update_rate: ur,
                propagation: push.map_or(Propagation::None, |delay_ms| Propagation::Push { delay_ms }),
                duration_s: duration,
                sample_interval_s: 0.5,
                faults: crate::sim::fault::drawn_faults(faults, duration, nodes),
                seed,
                ..LookupScenario::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn small_runs_keep_their_books(s in arb_scenario()) {
        let mut sim = LookupSim::new(s.clone()).unwrap();
        while sim.run_events(40) > 0 {
            assert_books(&sim.counters());
            prop_assert_eq!(sim.audit(), Ok(()));
        }
        let r = sim.report();
        prop_assert_eq!(r.counters.in_progress, 0);
        prop_assert_eq!(r.counters.hits + r.counters.misses, sim.outcomes().len() as u64);
        prop_assert!(r.items_available <= s.items);
        prop_assert!((0.0..=1.0).contains(&r.hit_rate));
        prop_assert!((0.0..=1.0).contains(&r.stale_read_fraction));
        for p in &r.series {
            prop_assert!((0.0..=1.0).contains(&p.items_available));
            prop_assert!((0.0..=1.0).contains(&p.stale_fraction));
        }
        let bound = r.theory.messages_per_query_bound;
        for o in sim.outcomes() {
            prop_assert!(o.reached <= s.peers);
            if s.architecture == Architecture::PeerToPeer {
                prop_assert!(f64::from(o.query_messages) <= bound);
            } else {
                prop_assert!(o.messages() <= 2);
            }
        }
    }
}

#[test]
fn slices_per_frame_give_the_same_run_and_scenarios_round_trip() {
    let s = LookupScenario {
        update_rate: 1.0,
        propagation: Propagation::Push { delay_ms: 30.0 },
        extra_links: vec![Link::new(0, 1)],
        removed_links: vec![Link::new(2, 3)],
        faults: vec![ScheduledFault::fail(3.0, 4)],
        duration_s: 20.0,
        ..LookupScenario::default()
    };
    let whole = run(s.clone()).unwrap();
    let mut sim = LookupSim::new(s.clone()).unwrap();
    run_in_frames(&mut sim, 16_667, 25);
    assert_eq!(sim.report(), whole);
    assert_round_trips(&s);
    assert!(serde_json::to_string(&whole).is_ok());
}
