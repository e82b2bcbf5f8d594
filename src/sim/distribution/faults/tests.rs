use super::super::*;
use crate::sim::fault::Faults;
use crate::sim::node::{Architecture, NodeId};
use crate::sim::stepping::Stepper;
use crate::sim::time::SimTime;

fn scenario(arch: Architecture) -> DistributionScenario {
    DistributionScenario::homogeneous(arch, 10, 100.0, 50.0, 10.0, 40.0).with_chunks(40)
}

fn at(s: f64) -> SimTime {
    SimTime::ZERO + crate::sim::time::SimDuration::from_secs_f64_ceil(s)
}

/// Runs to `t_s` the way the page does, in slices.
fn run_to(sim: &mut DistributionSim, t_s: f64) {
    sim.run_until(at(t_s), u64::MAX);
    sim.network().audit().unwrap();
    assert_books_balance(sim);
}

/// Rarity counts exactly the copies held or on their way at nodes that are
/// up, and the candidates are exactly the receivers up and still lacking
/// an unclaimed chunk.
fn assert_books_balance(sim: &DistributionSim) {
    let mut rarity = vec![0u32; sim.k as usize];
    for s in sim.nodes.iter().skip(1).filter(|s| s.up) {
        for c in s.claimed.iter() {
            rarity[c as usize] += 1;
        }
    }
    assert_eq!(sim.rarity, rarity, "rarity at {}", sim.now());
    let mut want: Vec<u32> =
        (1..sim.nodes.len() as u32).filter(|&i| sim.nodes[i as usize].up && !sim.nodes[i as usize].claimed.is_complete()).collect();
    let mut got: Vec<u32> = sim.candidates.iter().collect();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want, "candidates at {}", sim.now());
}

fn finish(sim: &mut DistributionSim) {
    let mut t = sim.now().as_secs_f64();
    while !sim.is_finished() {
        t += 1.0;
        run_to(sim, t);
        assert!(t < 10_000.0, "the run ends");
    }
}

#[test]
fn client_server_stalls_while_the_server_is_down_and_catches_up_after() {
    let mut plain = DistributionSim::new(scenario(Architecture::ClientServer)).unwrap();
    finish(&mut plain);
    let plain = plain.report();
    assert!(plain.finished);

    let mut sim = DistributionSim::new(scenario(Architecture::ClientServer)).unwrap();
    run_to(&mut sim, 5.0);
    let held = sim.report().chunks_downloaded;
    sim.fail_node(SERVER).unwrap();
    assert!(sim.snapshot().transfers.is_empty(), "every connection closes");
    assert!(!sim.snapshot().nodes[0].online);
    run_to(&mut sim, 10.0);
    assert_eq!(sim.report().chunks_downloaded, held, "nothing arrives while the server is down");
    assert!(!sim.is_finished(), "the run waits for the server");
    assert!((sim.now().as_secs_f64() - 10.0).abs() < 1e-6, "and its clock moves on: {}", sim.now());
    sim.revive_node(SERVER).unwrap();
    finish(&mut sim);
    let r = sim.report();
    assert!(r.finished, "everyone gets the file once the server is back");
    assert_eq!(r.chunks_downloaded, 10 * 40, "each chunk arrives once at each client");
    let late = r.completion_time_s - plain.completion_time_s;
    assert!(late > 4.0 && late < 6.0, "about the 5 s it was down later: {late}");
}

#[test]
fn a_stall_that_nobody_mends_ends_unfinished_after_its_patience() {
    let mut sim = DistributionSim::new(scenario(Architecture::ClientServer)).unwrap();
    run_to(&mut sim, 2.0);
    sim.fail_node(SERVER).unwrap();
    run_to(&mut sim, 1e6);
    assert!(sim.is_finished(), "one long skip ends it");
    let waited = sim.now().as_secs_f64() - 2.0;
    let patience = sim.patience().as_secs_f64();
    assert!((waited - patience).abs() < 0.01, "after waiting its patience: {waited} vs {patience}");
    assert!(!sim.report().finished, "and not every client has the file");
}

#[test]
fn a_swarm_finishes_without_a_failed_peer_and_takes_it_back() {
    let mut sim = DistributionSim::new(scenario(Architecture::PeerToPeer)).unwrap();
    run_to(&mut sim, 4.0);
    sim.fail_node(NodeId(3)).unwrap();
    assert!(sim.snapshot().transfers.iter().all(|t| t.from.0 != 3 && t.to.0 != 3), "its transfers stop");
    let mut t = 4.0;
    while sim.completed() < 9 {
        t += 0.5;
        run_to(&mut sim, t);
        assert!(t < 60.0, "the other nine finish");
    }
    let r = sim.report();
    assert_eq!(r.peer_completion_s.iter().filter(|d| d.is_some()).count(), 9, "the other nine finish");
    assert!(r.peer_completion_s[2].is_none() && !sim.is_finished(), "peer 3 waits, and so does the run");
    sim.revive_node(NodeId(3)).unwrap();
    finish(&mut sim);
    let r = sim.report();
    assert!(r.finished);
    assert_eq!(r.chunks_downloaded, 10 * 40, "no chunk is received twice");
}

#[test]
fn a_swarm_goes_on_without_its_server_only_once_every_chunk_is_out() {
    // Early: some chunks have not left the server, so nobody can finish.
    let mut early = DistributionSim::new(scenario(Architecture::PeerToPeer)).unwrap();
    run_to(&mut early, 0.5);
    early.fail_node(SERVER).unwrap();
    finish(&mut early);
    assert!(!early.report().finished, "a chunk only the server had is out of reach");
    assert_eq!(early.report().peer_completion_s.iter().filter(|d| d.is_some()).count(), 0);

    // Late: every chunk is somewhere in the swarm, so the peers finish it.
    let mut late = DistributionSim::new(scenario(Architecture::PeerToPeer)).unwrap();
    let mut t = 0.0;
    while late.rarity.contains(&0) {
        t += 0.5;
        run_to(&mut late, t);
    }
    late.fail_node(SERVER).unwrap();
    finish(&mut late);
    assert!(late.report().finished, "the peers hold every chunk between them");
}

#[test]
fn a_down_tracker_holds_the_start_until_it_returns() {
    let sc = scenario(Architecture::Hybrid).with_latency_ms(50.0);
    let tracker = NodeId(sc.peers + 1);
    let mut sim = DistributionSim::new(sc).unwrap();
    assert_eq!(sim.node_count(), 12, "server, ten peers and the tracker");
    sim.fail_node(tracker).unwrap();
    run_to(&mut sim, 3.0);
    assert_eq!(sim.report().chunks_downloaded, 0, "nobody knows whom to ask");
    assert!(!sim.snapshot().nodes[11].online);
    sim.revive_node(tracker).unwrap();
    finish(&mut sim);
    assert!(sim.report().finished);

    // Once the peers know one another, the tracker is not needed.
    let mut sim = DistributionSim::new(scenario(Architecture::Hybrid).with_latency_ms(50.0)).unwrap();
    run_to(&mut sim, 1.0);
    sim.fail_node(tracker).unwrap();
    finish(&mut sim);
    assert!(sim.report().finished);
}

#[test]
fn faults_name_a_node_the_run_does_not_have() {
    let mut sim = DistributionSim::new(scenario(Architecture::PeerToPeer)).unwrap();
    assert_eq!(sim.node_count(), 11);
    assert!(sim.fail_node(NodeId(11)).is_err());
    assert_eq!(sim.toggle_node(NodeId(1)), Ok(false));
    assert_eq!(sim.toggle_node(NodeId(1)), Ok(true));
}

#[test]
fn random_failures_and_returns_keep_the_books_and_the_file_whole() {
    let mut rng = crate::sim::rng::Rng::new(11);
    let cases = [
        (Architecture::ClientServer, Policy::Altruistic),
        (Architecture::PeerToPeer, Policy::Altruistic),
        (Architecture::Hybrid, Policy::Altruistic),
        (Architecture::PeerToPeer, Policy::TitForTat),
        (Architecture::Hybrid, Policy::TitForTat),
    ];
    for (arch, policy) in cases {
        for seed in 0..6 {
            let sc = scenario(arch).with_seed(seed).with_latency_ms(f64::from(rng.below(3)) * 20.0).with_policy(policy);
            let mut sim = DistributionSim::new(sc).unwrap();
            let count = sim.node_count();
            let mut t = 0.0;
            for _ in 0..30 {
                t += f64::from(rng.below(400)) / 1000.0;
                run_to(&mut sim, t);
                sim.toggle_node(NodeId(rng.below(count))).unwrap();
                assert_books_balance(&sim);
            }
            for n in 0..count {
                if !sim.is_up(NodeId(n)) {
                    sim.revive_node(NodeId(n)).unwrap();
                }
            }
            finish(&mut sim);
            let r = sim.report();
            assert!(r.finished, "{arch:?} {policy:?} seed {seed}: everyone back, everyone finishes");
            assert_eq!(r.chunks_downloaded, 10 * 40, "{arch:?} {policy:?} seed {seed}: each chunk arrives once at each receiver");
        }
    }
}
