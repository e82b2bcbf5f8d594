use super::scenario::DhtScenario;
use super::*;
use crate::sim::stepping::Stepper;
use crate::sim::testing::{assert_round_trips, run_in_frames};
use crate::sim::validate::refused_field;
use proptest::prelude::*;

/// A ring nobody leaves, asked `lookups` times at once.
fn asked(scenario: DhtScenario, lookups: u32) -> (DhtSim, DhtReport) {
    let mut sim = DhtSim::new(scenario.with_lookups(0.0, 0.0)).unwrap();
    sim.lookups_now(lookups);
    let r = sim.report();
    (sim, r)
}

/// Mean hops over several rings of `peers`: ½·log2 N is an expectation
/// over random ids, and one ring of 64 can sit a tenth off it alone.
fn mean_hops_over_rings(peers: u32, successors: u32) -> f64 {
    let rings = 6;
    let mut total = 0.0;
    for seed in 1..=rings {
        let (_, r) = asked(DhtScenario::stable(peers).with_successors(successors).with_seed(seed), 500);
        assert_eq!(r.success_rate, 1.0, "N = {peers}: a correct ring answers every lookup");
        assert_eq!((r.timeouts, r.lookups), (0, 500));
        total += r.mean_hops.unwrap();
    }
    total / f64::from(rings as u32)
}

/// Nodes come and go (mean session 60 s) on a ring of 150 for 200 s.
fn churning(stabilise_s: f64, copies: u32, seed: u64) -> DhtScenario {
    DhtScenario::stable(150)
        .with_churn(60.0)
        .with_stabilise(stabilise_s)
        .with_copies(copies)
        .with_lookups(20.0, 200.0)
        .with_seed(seed)
}

fn failure_rate(r: &DhtReport) -> f64 {
    1.0 - r.success_rate
}

fn timeouts_per_lookup(r: &DhtReport) -> f64 {
    r.timeouts as f64 / r.lookups.max(1) as f64
}

#[test]
fn hops_are_half_log2_n_with_correct_fingers() {
    // Default settings: routing by fingers, the successor list kept for
    // failures.
    for k in 6..=12 {
        let n = 1u32 << k;
        let hops = mean_hops_over_rings(n, DhtScenario::default().successors);
        let theory = theory::chord_mean_hops(n);
        eprintln!("N = {n:>5}: {hops:.3} hops, ½·log2 N = {theory}");
        assert!((hops - theory).abs() <= 0.1 * theory, "N = {n}: {hops:.3} hops against {theory}");
    }
}

#[test]
fn a_longer_successor_list_changes_nothing_while_nobody_leaves() {
    // Fingers route; the list is only for entries found gone.
    for n in [64, 1_024] {
        assert_eq!(mean_hops_over_rings(n, 1), mean_hops_over_rings(n, 4), "N = {n}");
    }
}

#[test]
fn hops_grow_like_log_n_not_n() {
    let (_, small) = asked(DhtScenario::stable(64), 3_000);
    let (_, large) = asked(DhtScenario::stable(4_096), 3_000);
    let (small, large) = (small.mean_hops.unwrap(), large.mean_hops.unwrap());
    // 64 times the nodes: log N doubles, N would be 64 times.
    assert!(large < 3.0 * small, "{large} hops at 4096 vs {small} at 64");
    assert!(large > small + 2.0, "{large} hops at 4096 vs {small} at 64");
}

#[test]
fn every_lookup_walks_towards_its_key_and_counts_its_messages() {
    let mut sim = DhtSim::new(DhtScenario::stable(512).with_lookups(0.0, 0.0)).unwrap();
    let mut local = 0;
    for _ in 0..1_000 {
        sim.lookups_now(1);
        let r = sim.last_lookup().unwrap();
        let Outcome::Found { holder } = r.outcome else { panic!("{r:?}") };
        let path = sim.last_path();
        assert_eq!(path.len() as u32, r.hops + 1, "the asker, then one node per hop");
        assert!(path.windows(2).all(|w| w[1].distance_to(holder) < w[0].distance_to(holder)));
        let answer = u32::from(r.hops > 0);
        assert_eq!(r.messages, r.hops + answer, "forwards and one answer, nothing else");
        local += u32::from(r.hops == 0);
    }
    assert!(local > 0 && local < 20, "a few askers answer for themselves: {local}");
}

#[test]
fn keys_live_on_their_successor_and_the_next_copies_minus_one() {
    for copies in [1, 3] {
        let sim = DhtSim::new(DhtScenario::stable(300).with_keys(500).with_copies(copies)).unwrap();
        let ids = sim.node_ids().to_vec();
        for (k, key) in sim.key_ids().iter().enumerate() {
            // By brute force: the lowest id at or above the key, else the
            // lowest id of all (the circle wraps).
            let first = ids.iter().position(|id| id >= key).unwrap_or(0);
            let expected: Vec<RingId> = (0..copies as usize).map(|i| ids[(first + i) % ids.len()]).collect();
            assert_eq!(sim.holders(k as u32), expected, "key {k} at {key:?}, {copies} copies");
        }
    }
}

#[test]
fn stale_fingers_cost_timeouts_and_failures_under_churn() {
    let calm = run(DhtScenario::stable(150).with_copies(3).with_lookups(20.0, 200.0)).unwrap();
    let slow = run(churning(10.0, 3, 1)).unwrap();
    let fast = run(churning(1.0, 3, 1)).unwrap();
    eprintln!("calm {calm:?}\nslow {slow:?}\nfast {fast:?}");
    assert_eq!((calm.timeouts, calm.success_rate), (0, 1.0));
    assert!(slow.departures > 200 && slow.arrivals > 150, "{slow:?}");
    assert!(timeouts_per_lookup(&slow) > 3.0 * timeouts_per_lookup(&fast), "{slow:?}\n{fast:?}");
    assert!(slow.mean_messages > fast.mean_messages);
    assert!(failure_rate(&slow) > 2.0 * failure_rate(&fast));
    assert!(failure_rate(&fast) > failure_rate(&calm));
    assert!(timeouts_per_lookup(&fast) > 0.0);
    assert_eq!(run(churning(10.0, 3, 1)).unwrap(), slow, "deterministic for a seed");
}

#[test]
fn stabilisation_keeps_successors_right() {
    let mut sim = DhtSim::new(churning(1.0, 3, 2)).unwrap();
    sim.run_to_end(u64::MAX);
    assert!(sim.successor_accuracy() > 0.95, "{}", sim.successor_accuracy());
    let mut sim = DhtSim::new(churning(10.0, 3, 2)).unwrap();
    sim.run_to_end(u64::MAX);
    let slow = sim.successor_accuracy();
    assert!(slow > 0.5 && slow < 0.95, "a tenth of a session between rounds leaves some stale: {slow}");
}

#[test]
fn replication_keeps_keys_available_under_churn() {
    let one = run(churning(2.0, 1, 3)).unwrap();
    let three = run(churning(2.0, 3, 3)).unwrap();
    eprintln!("1 copy: {:.3}, 3 copies: {:.3}", one.success_rate, three.success_rate);
    assert_eq!(one.departures, three.departures, "the same churn");
    assert!(three.success_rate > one.success_rate + 0.3);
    assert!(three.success_rate > 0.9);
    assert!(one.failures.unavailable > 10 * three.failures.unavailable.max(1) / 2);
}

#[test]
fn same_seed_same_run_another_seed_another() {
    let a = run(churning(5.0, 2, 7)).unwrap();
    assert_eq!(run(churning(5.0, 2, 7)).unwrap(), a);
    assert_ne!(run(churning(5.0, 2, 8)).unwrap(), a);
    let ids = |seed| DhtSim::new(DhtScenario::stable(100).with_seed(seed)).unwrap().node_ids().to_vec();
    assert_eq!(ids(7), ids(7));
    assert_ne!(ids(7), ids(8));
}

#[test]
fn stepping_in_slices_matches_one_run() {
    let whole = run(churning(5.0, 2, 4)).unwrap();
    let mut sim = DhtSim::new(churning(5.0, 2, 4)).unwrap();
    run_in_frames(&mut sim, 16_667, 7);
    assert_eq!(sim.report(), whole);
    assert!(sim.is_finished());
    // Reports go out as JSON (their floats need not come back bit for
    // bit); scenarios come back in, so they must.
    assert!(serde_json::to_string(&whole).unwrap().contains("\"theory_hops\""));
    assert_round_trips(&churning(5.0, 2, 4));
}

#[test]
fn validation_names_the_field() {
    let ok = DhtScenario::stable(64);
    let field = |s: DhtScenario| refused_field(s.validate());
    assert_eq!(field(ok.clone()), "accepted");
    assert_eq!(field(DhtScenario { peers: 0, ..ok.clone() }), "peers");
    assert_eq!(field(DhtScenario { peers: 10_001, ..ok.clone() }), "peers");
    assert_eq!(field(ok.clone().with_keys(0)), "keys");
    assert_eq!(field(ok.clone().with_copies(0)), "copies of each key");
    assert_eq!(field(ok.clone().with_copies(9)), "copies of each key");
    assert_eq!(field(ok.clone().with_successors(2).with_copies(4)), "copies of each key");
    assert_eq!(field(DhtScenario { peers: 2, ..ok.clone() }.with_copies(3)), "copies of each key");
    assert_eq!(field(ok.clone().with_successors(0)), "successor list length");
    assert_eq!(field(ok.clone().with_successors(17)), "successor list length");
    assert_eq!(field(ok.clone().with_lookups(f64::NAN, 10.0)), "lookups per second");
    assert_eq!(field(ok.clone().with_lookups(-1.0, 10.0)), "lookups per second");
    assert_eq!(field(ok.clone().with_lookups(1.0, -1.0)), "duration (s)");
    assert_eq!(field(ok.clone().with_lookups(1.0, f64::INFINITY)), "duration (s)");
    assert_eq!(field(ok.clone().with_lookups(1_000.0, 10_000.0)), "lookups per second");
    assert_eq!(field(ok.clone().with_stabilise(0.0)), "stabilisation interval (s)");
    assert_eq!(field(ok.clone().with_churn(f64::NAN)), "mean session (s)");
    assert_eq!(field(ok.clone().with_churn(0.5)), "mean session (s)");
    let busy = DhtScenario::stable(10_000).with_lookups(1.0, 100_000.0).with_churn(600.0);
    assert_eq!(field(busy.clone()), "stabilisation interval (s)");
    assert_eq!(field(busy.with_stabilise(600.0).with_churn(1.0)), "mean session (s)");
    assert!(DhtSim::new(DhtScenario { peers: 1, ..ok }).is_err());
}

#[test]
fn an_empty_run_reports_nothing_found_and_no_means() {
    let r = run(DhtScenario::stable(8).with_lookups(0.0, 10.0)).unwrap();
    assert_eq!((r.lookups, r.success_rate, r.mean_hops, r.mean_messages), (0, 0.0, None, 0.0));
    assert_eq!(r.theory_hops, 1.5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any accepted scenario runs to its end without a panic, with its
    /// books balanced; small rings and short sessions are where the edge
    /// cases (a lone survivor, a list of dead entries) live.
    #[test]
    fn any_accepted_scenario_runs_and_balances(
        peers in 2u32..40,
        keys in 1u32..60,
        copies in 1u32..5,
        successors in 1u32..6,
        session in 1.0f64..30.0,
        stabilise in 0.1f64..20.0,
        seed in 0u64..1_000,
    ) {
        let s = DhtScenario { peers, keys, copies, successors, ..DhtScenario::default() }
            .with_churn(session)
            .with_stabilise(stabilise)
            .with_lookups(20.0, 30.0)
            .with_seed(seed);
        if s.validate().is_ok() {
            let r = run(s).unwrap();
            let f = r.failures;
            prop_assert_eq!(r.lookups, r.succeeded + f.stuck + f.too_many_hops + f.unavailable);
            prop_assert!(r.max_hops <= routing::MAX_HOPS);
            prop_assert!(r.peers_up <= peers);
        }
    }
}
