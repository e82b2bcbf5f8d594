use super::window::{bucket_at, Received};
use super::*;
use crate::sim::distribution::{run, spread_rates, DistributionSim};
use crate::sim::fault::Faults;
use crate::sim::node::{Architecture, NodeId};
use crate::sim::stepping::Stepper;
use std::collections::BTreeSet;

/// The scenario the lesson's claim rests on: 50 peers, 20% of them free
/// riders, a 100 Mbit file in 100 chunks; every peer uploads 1 Mbps and
/// downloads 1.5 Mbps; the server uploads 3 Mbps. Under two minutes at the
/// bound, so a dozen rechokes.
fn free_rider_swarm(policy: Policy, seed: u64) -> DistributionScenario {
    DistributionScenario::homogeneous(Architecture::PeerToPeer, 50, 100.0, 3.0, 1.0, 1.5)
        .with_seed(seed)
        .with_policy(policy)
        .with_free_riders(0.2)
}

/// Mean completion of the free riders over that of the contributors, for
/// seeds 1 to 20; each run is also checked against its bound. About 5 s in
/// a debug build (the 20 tit-for-tat runs keep some 160 connections going,
/// which the max-min allocation pays for); under a second with `--release`.
fn ratios(policy: Policy) -> Vec<f64> {
    (1..=20)
        .map(|seed| {
            let r = run(&free_rider_swarm(policy, seed)).unwrap();
            assert!(r.finished, "{policy:?} seed {seed}");
            assert!(r.completion_time_s >= r.lower_bound_s * (1.0 - 1e-9), "{policy:?} seed {seed}: below the bound");
            r.free_rider_mean_s.unwrap() / r.contributor_mean_s.unwrap()
        })
        .collect()
}

#[test]
fn free_riders_finish_a_third_later_under_tit_for_tat_and_with_the_rest_otherwise() {
    let tft = ratios(Policy::TitForTat);
    let alt = ratios(Policy::Altruistic);
    let span = |v: &[f64]| (v.iter().copied().fold(f64::MAX, f64::min), v.iter().copied().fold(0.0, f64::max));
    println!(
        "free rider / contributor mean completion, seeds 1-20: tit-for-tat {:?}, altruistic {:?}",
        span(&tft),
        span(&alt)
    );
    for (seed, (t, a)) in (1..).zip(tft.iter().zip(&alt)) {
        assert!(*t >= 1.3, "seed {seed}: tit-for-tat ratio {t}");
        assert!(*a <= 1.15, "seed {seed}: altruistic ratio {a}");
    }
}

#[test]
fn the_contributors_bound_holds_under_both_policies() {
    for policy in Policy::ALL {
        for (arch, share, latency) in [
            (Architecture::PeerToPeer, 0.0, 0.0),
            (Architecture::PeerToPeer, 0.3, 20.0),
            (Architecture::Hybrid, 0.5, 5.0),
        ] {
            let mut sc = DistributionScenario::homogeneous(arch, 20, 50.0, 4.0, 1.0, 4.0).with_chunks(30);
            sc.peer_up_mbps = spread_rates(20, 0.5, 2.0, 3);
            let sc = sc.with_latency_ms(latency).with_policy(policy).with_seed(9).with_free_riders(share);
            let r = run(&sc).unwrap();
            assert!(r.finished, "{policy:?} {arch:?} {share}");
            assert_eq!(r.chunks_uploaded, r.chunks_downloaded);
            assert_eq!(r.chunks_downloaded, 20 * 30);
            assert!(r.completion_time_s >= sc.lower_bound_s() * (1.0 - 1e-9), "{policy:?} {arch:?} {share}");
            for &i in &sc.clients {
                assert_eq!(r.peer_upload_mbit[i as usize], 0.0, "a free rider uploads nothing");
            }
        }
    }
}

fn unchoked(sim: &DistributionSim, u: u32) -> Vec<u32> {
    sim.choke.get(u as usize).map(|c| c.unchoked().collect()).unwrap_or_default()
}

/// After every event and every failure or return: each peer unchokes at
/// most four others, never itself, the server or a node that is down; free
/// riders and the server choose nobody; and every chunk a choking peer
/// starts sending goes to a peer it has unchoked.
#[test]
fn unchoked_sets_stay_small_and_hold_only_live_others() {
    let mut rng = crate::sim::rng::Rng::new(4);
    for (arch, seed) in [(Architecture::PeerToPeer, 1), (Architecture::PeerToPeer, 2), (Architecture::Hybrid, 3)] {
        let sc = DistributionScenario::homogeneous(arch, 16, 40.0, 2.0, 1.0, 2.0)
            .with_chunks(30)
            .with_seed(seed)
            .with_latency_ms(10.0)
            .with_policy(Policy::TitForTat)
            .with_free_riders(0.25);
        let riders: BTreeSet<u32> = sc.clients.iter().map(|i| i + 1).collect();
        let mut sim = DistributionSim::new(sc).unwrap();
        let mut sending = BTreeSet::new();
        let mut check = |sim: &DistributionSim| {
            let mut now_sending = BTreeSet::new();
            for u in 0..sim.nodes.len() as u32 {
                let set = unchoked(sim, u);
                assert!(set.len() <= MAX_UNCHOKED, "peer {u} unchokes {set:?}");
                assert_eq!(set.iter().collect::<BTreeSet<_>>().len(), set.len(), "peer {u}: {set:?}");
                for &r in &set {
                    assert!(r != u && r != SERVER.0, "peer {u} unchokes {r}");
                    assert!(sim.nodes[r as usize].up, "peer {u} unchokes {r}, which is down");
                }
                if u == SERVER.0 || riders.contains(&u) {
                    assert!(set.is_empty());
                }
            }
            for c in sim.conns.iter().filter(|c| c.live && c.from != SERVER.0) {
                let key = (c.from, c.to, c.chunk);
                if !sending.contains(&key) {
                    assert!(unchoked(sim, c.from).contains(&c.to), "{} sends to {}, choked", c.from, c.to);
                }
                now_sending.insert(key);
            }
            sending = now_sending;
        };
        for turn in 1..=20_000u32 {
            if sim.is_finished() {
                break;
            }
            if !sim.step() {
                sim.run_until(sim.now() + SimDuration::from_secs(1), u64::MAX);
            }
            check(&sim);
            if turn % 40 == 0 {
                sim.toggle_node(NodeId(rng.below(sim.node_count()))).unwrap();
                check(&sim);
            }
        }
        for n in 0..sim.node_count() {
            if !sim.is_up(NodeId(n)) {
                sim.revive_node(NodeId(n)).unwrap();
            }
        }
        sim.run_to_end(u64::MAX);
        assert!(sim.report().finished, "{arch:?} seed {seed}: everyone back, everyone finishes");
    }
}

/// Peer 1 of ten holds chunks 0..5; the others hold nothing, except peer 4,
/// which holds them too and so is not interested.
fn white_box() -> DistributionSim {
    let sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 10, 10.0, 1.0, 1.0, 1.0)
        .with_chunks(10)
        .with_policy(Policy::TitForTat);
    let mut sim = DistributionSim::new(sc).unwrap();
    for id in [1usize, 4] {
        for chunk in 0..5 {
            sim.nodes[id].held.insert(chunk);
            sim.nodes[id].claimed.insert(chunk);
        }
    }
    sim.now = SimTime(100 * MICROS_PER_SECOND);
    sim
}

#[test]
fn regular_slots_go_to_the_top_uploaders_within_the_window() {
    let mut sim = white_box();
    let now = bucket_at(sim.now, sim.choke[1].rechoke_phase);
    let entry = |from, bucket, latest, before| Received { from, bucket, latest, before };
    sim.choke[1].received = vec![
        entry(2, now, 5, 0),
        entry(3, now, 1, 0),
        entry(4, now, 9, 0),      // the most, but wants nothing from peer 1
        entry(5, now, 0, 3),      // three, in the older half of the window
        entry(6, now - 1, 2, 7),  // two in the older half; the seven are older still
        entry(7, now - 2, 50, 0), // out of the window
    ];
    sim.rechoke(1, true);
    assert_eq!(sim.choke[1].regular, vec![2, 5, 6]);
    let optimistic = sim.choke[1].optimistic.unwrap();
    assert!(![1, 2, 4, 5, 6].contains(&optimistic), "optimistic {optimistic}");
    assert!(sim.choke[1].armed, "a peer with someone to serve runs its timers");

    // Off schedule the holders keep their slots; at the next rechoke the
    // ranking decides again.
    sim.choke[1].received[1] = entry(3, now, 10, 0);
    sim.rechoke(1, false);
    assert_eq!(sim.choke[1].regular, vec![2, 5, 6]);
    sim.rechoke(1, true);
    assert_eq!(sim.choke[1].regular, vec![3, 2, 5]);

    // A node that fails leaves every slot, and is not chosen while down.
    sim.nodes[2].up = false;
    sim.forget_down(2);
    assert!(!unchoked(&sim, 1).contains(&2));
    sim.rechoke(1, true);
    assert_eq!(&sim.choke[1].regular[..2], &[3, 5]);
    assert!(!unchoked(&sim, 1).contains(&2));
}

#[test]
fn before_anyone_uploads_the_slots_go_to_random_interested_peers() {
    let mut sim = white_box();
    sim.rechoke(1, true);
    let set = unchoked(&sim, 1);
    assert_eq!(set.len(), MAX_UNCHOKED);
    assert!(set.iter().all(|r| ![0, 1, 4].contains(r)), "{set:?}");
    // A peer that interests nobody parks: no timers, no slots.
    for id in 2..=10 {
        for chunk in 0..5 {
            sim.nodes[id].held.insert(chunk);
        }
    }
    sim.rechoke(1, true);
    assert!(unchoked(&sim, 1).is_empty() && !sim.choke[1].armed);
}

#[test]
fn the_window_keeps_two_buckets_aligned_to_the_rechokes() {
    let s = MICROS_PER_SECOND;
    let phase = 3 * s;
    // A rechoke at 23 s counts what arrived in (3 s, 23 s].
    let at = |t: u64| bucket_at(SimTime(t), phase);
    assert_eq!(at(23 * s), at(13 * s + 1));
    assert_eq!(at(13 * s) + 1, at(23 * s));
    assert_eq!(at(23 * s + 1), at(23 * s) + 1);
    assert_eq!(at(0), at(3 * s), "the first bucket starts at zero");
    let mut e = Received { from: 2, bucket: at(5 * s), latest: 1, before: 0 };
    e.add(at(12 * s));
    e.add(at(14 * s));
    assert_eq!(e.amount(at(23 * s)), 3);
    assert_eq!(e.amount(at(33 * s)), 1, "the two from (3, 13] have left the window");
    assert_eq!(e.amount(at(43 * s)), 0);
    e.add(at(50 * s));
    assert_eq!((e.latest, e.before, e.amount(at(50 * s))), (1, 0, 1), "a gap empties the older bucket");
}

#[test]
fn timers_are_staggered_and_stop_when_there_is_nothing_left_to_do() {
    let sc = free_rider_swarm(Policy::TitForTat, 5).with_chunks(30);
    let sim = DistributionSim::new(sc.clone()).unwrap();
    let phases: BTreeSet<u64> = sim.choke.iter().filter(|c| c.active).map(|c| c.rechoke_phase).collect();
    assert_eq!(phases.len(), 40, "forty contributors, forty different clocks");
    assert!(phases.iter().all(|&p| p < RECHOKE_S * MICROS_PER_SECOND));
    // Run to the last event: the queue empties (no timer ticks on), and the
    // report is the one `run` gives.
    let mut sim = DistributionSim::new(sc.clone()).unwrap();
    while sim.step() {}
    assert_eq!(sim.report(), run(&sc).unwrap());

    // The server fails before every chunk is out: the swarm trades what it
    // has, then stops, rather than rechoking for ever.
    let mut sim = DistributionSim::new(sc).unwrap();
    sim.run_until(SimTime(5 * MICROS_PER_SECOND), u64::MAX);
    sim.fail_node(SERVER).unwrap();
    sim.run_until(SimTime(100_000 * MICROS_PER_SECOND), 1_000_000);
    assert!(sim.is_finished() && !sim.report().finished);
    assert!(sim.events_processed() < 1_000_000);
}

#[test]
fn same_seed_same_run_and_slices_agree_under_tit_for_tat() {
    let sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 20, 40.0, 2.0, 1.0, 2.0)
        .with_chunks(40)
        .with_latency_ms(15.0)
        .with_seed(8)
        .with_policy(Policy::TitForTat)
        .with_free_riders(0.2);
    let whole = run(&sc).unwrap();
    assert_eq!(run(&sc).unwrap(), whole);
    assert_ne!(run(&sc.clone().with_seed(9)).unwrap().peer_completion_us, whole.peer_completion_us);
    assert_ne!(run(&sc.clone().with_policy(Policy::Altruistic)).unwrap().peer_completion_us, whole.peer_completion_us);
    let mut sim = DistributionSim::new(sc).unwrap();
    let mut limit = SimTime::ZERO;
    while !sim.is_finished() {
        limit = SimTime(limit.0 + 700_000);
        sim.run_until(limit, 37);
    }
    assert_eq!(sim.report(), whole);
}

#[test]
fn free_riders_are_drawn_from_the_seed_and_spread_through_the_ids() {
    let base = DistributionScenario::homogeneous(Architecture::PeerToPeer, 50, 10.0, 1.0, 1.0, 1.0);
    let a = base.clone().with_seed(3).with_free_riders(0.2);
    assert_eq!(a.clients.len(), 10);
    assert_eq!(a.clients, base.clone().with_seed(3).with_free_riders(0.2).clients);
    assert_ne!(a.clients, base.clone().with_seed(4).with_free_riders(0.2).clients);
    assert!(a.clients.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    assert_ne!(a.clients, (0..10).collect::<Vec<u32>>(), "not simply the first ten");
    assert!(a.clients.iter().any(|&c| c >= 25), "spread through the ids: {:?}", a.clients);
    assert_eq!(a.validate(), Ok(()));
    assert_eq!(base.clone().with_free_riders(0.0).clients.len(), 0);
    assert_eq!(base.clone().with_free_riders(1.0).clients.len(), 50);
    assert_eq!(base.clone().with_free_riders(0.25).clients.len(), 13, "12.5 rounds to 13");
    assert_eq!(base.clone().with_free_riders(f64::NAN).clients.len(), 0);
    assert_eq!(base.clone().with_free_riders(7.0).clients.len(), 50);
    assert_eq!(base.with_free_riders(-1.0).clients.len(), 0);
}

#[test]
fn the_policy_is_optional_in_json_and_named_in_kebab_case() {
    let sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 5, 10.0, 1.0, 1.0, 1.0);
    let old = serde_json::to_string(&sc).unwrap();
    assert!(!old.contains("policy"), "an altruistic scenario writes as before: {old}");
    let back: DistributionScenario = serde_json::from_str(&old).unwrap();
    assert_eq!(back.policy, Policy::Altruistic);
    let tft = sc.with_policy(Policy::TitForTat);
    let json = serde_json::to_string(&tft).unwrap();
    assert!(json.contains("\"policy\":\"tit-for-tat\""), "{json}");
    assert_eq!(serde_json::from_str::<DistributionScenario>(&json).unwrap(), tft);
    for p in Policy::ALL {
        assert_eq!(Policy::from_slug(p.slug()), Some(p));
    }
    assert_eq!(Policy::from_slug("greedy"), None);
}

#[test]
fn group_means_are_none_when_a_group_is_empty_or_unfinished() {
    let sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, 6, 10.0, 2.0, 1.0, 2.0).with_chunks(10);
    let r = run(&sc).unwrap();
    let mean = r.peer_completion_s.iter().flatten().sum::<f64>() / 6.0;
    assert!((r.contributor_mean_s.unwrap() - mean).abs() < 1e-9);
    assert_eq!(r.free_rider_mean_s, None);
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["free_rider_mean_s"].is_null());
    let mut sc = sc.with_policy(Policy::TitForTat);
    sc.clients = vec![1, 4];
    let mut sim = DistributionSim::new(sc.clone()).unwrap();
    sim.run_until(SimTime(MICROS_PER_SECOND), u64::MAX);
    let early = sim.report();
    assert_eq!((early.contributor_mean_s, early.free_rider_mean_s), (None, None), "nobody has finished yet");
    let r = run(&sc).unwrap();
    let riders = (r.peer_completion_s[1].unwrap() + r.peer_completion_s[4].unwrap()) / 2.0;
    assert!((r.free_rider_mean_s.unwrap() - riders).abs() < 1e-9);
    let mut all = sc.clone();
    all.clients = (0..6).collect();
    assert_eq!(run(&all).unwrap().contributor_mean_s, None, "no contributors");
}

/// The ranking by one integer key is the order of the (amount descending,
/// tiebreak, id) triples it replaced, ties in amount and tiebreak included.
#[test]
fn ranking_by_delivery_is_the_order_of_amount_tiebreak_and_id() {
    let mut rng = crate::sim::rng::Rng::new(11);
    for _ in 0..200 {
        let nodes = 1 + rng.next_u32() % 40;
        // Small tiebreaks and amounts, so equal ones are common.
        let tiebreak: Vec<u32> = (0..nodes).map(|_| rng.next_u32() % 4).collect();
        let mut keys: Vec<u64> = tiebreak.iter().zip(0u32..).map(|(&t, id)| u64::from(t) << 32 | u64::from(id)).collect();
        keys.sort_unstable();
        let by_order: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
        let mut order = vec![0u32; nodes as usize];
        for (r, &id) in by_order.iter().enumerate() {
            order[id as usize] = r as u32;
        }
        let mut received: Vec<(u32, u32)> = Vec::new();
        for id in 0..nodes {
            if rng.next_u32() % 3 > 0 {
                received.push((rng.next_u32() % 5, id));
            }
        }
        let mut triples: Vec<(u32, u32, u32)> = received.iter().filter(|e| e.0 > 0).map(|&(amount, id)| (amount, tiebreak[id as usize], id)).collect();
        triples.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let expected: Vec<u32> = triples.iter().map(|t| t.2).collect();
        let got = by_delivery(received.iter().map(|&(amount, id)| (amount, order[id as usize])), &by_order);
        assert_eq!(got, expected);
    }
}
