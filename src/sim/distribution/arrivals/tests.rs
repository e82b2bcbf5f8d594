use super::super::*;
use crate::sim::fault::Faults;
use crate::sim::node::{Architecture, NodeId};
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimDuration, SimTime};

const WINDOW_S: f64 = 30.0;

fn scenario(arch: Architecture) -> DistributionScenario {
    DistributionScenario::homogeneous(arch, 30, 200.0, 50.0, 10.0, 40.0)
        .with_chunks(40)
        .with_latency_ms(20.0)
        .with_arrivals_over(WINDOW_S)
}

fn at(s: f64) -> SimTime {
    SimTime::ZERO + SimDuration::from_secs_f64_ceil(s)
}

fn finish(sim: &mut DistributionSim) {
    let mut t = sim.now().as_secs_f64();
    while !sim.is_finished() {
        t += 1.0;
        sim.run_until(at(t), u64::MAX);
        sim.network().audit().unwrap();
        assert!(t < 100_000.0, "the run ends");
    }
}

#[test]
fn receivers_arrive_over_the_window_and_finish_after_they_arrive() {
    for arch in Architecture::ALL {
        let mut sim = DistributionSim::new(scenario(arch)).unwrap();
        assert_eq!(sim.joined(), 0, "{arch:?}: nobody is there at the start");
        sim.run_until(at(WINDOW_S / 2.0), u64::MAX);
        let half = sim.joined();
        assert!(half > 5 && half < 25, "{arch:?}: about half have joined halfway: {half}");
        finish(&mut sim);
        let r = sim.report();
        assert!(r.finished, "{arch:?}");
        assert_eq!(sim.joined(), 30);
        let last = r.peer_completion_s.iter().flatten().fold(0.0f64, |a, &b| a.max(b));
        assert!(last > 0.9 * WINDOW_S / 2.0, "{arch:?}: the late arrivals finish late: {last}");
        assert_eq!(r.chunks_downloaded, 30 * 40, "{arch:?}: each chunk once to each receiver");
    }
}

#[test]
fn peer_transfer_takes_the_load_off_the_server() {
    let load = |arch| {
        let mut sim = DistributionSim::new(scenario(arch)).unwrap();
        finish(&mut sim);
        sim.report().server_upload_mbit
    };
    let (cs, hybrid) = (load(Architecture::ClientServer), load(Architecture::Hybrid));
    assert!((cs - 30.0 * 200.0).abs() < 1e-6, "client-server: the server sends every copy: {cs}");
    assert!(hybrid < cs / 3.0, "hybrid: the peers send most copies: {hybrid} of {cs}");
}

#[test]
fn without_the_tracker_the_swarm_carries_on_but_newcomers_cannot_join() {
    let sc = scenario(Architecture::Hybrid);
    let tracker = NodeId(sc.peers + 1);
    let mut sim = DistributionSim::new(sc.clone()).unwrap();
    sim.run_until(at(10.0), u64::MAX);
    let inside = sim.joined();
    sim.fail_node(tracker).unwrap();
    finish(&mut sim);
    let r = sim.report();
    assert_eq!(sim.joined(), inside, "nobody joins while the tracker is down");
    assert!(sim.joins_refused() > 0 && sim.joined() < 30);
    assert_eq!(r.peer_completion_s.iter().filter(|t| t.is_some()).count() as u32, inside, "everyone inside finishes");
    assert!(!r.finished);

    // Back again: the newcomers that were turned away ask again and join.
    let mut sim = DistributionSim::new(sc).unwrap();
    sim.run_until(at(10.0), u64::MAX);
    sim.fail_node(tracker).unwrap();
    sim.run_until(at(20.0), u64::MAX);
    assert!(sim.joins_refused() > 0);
    sim.revive_node(tracker).unwrap();
    finish(&mut sim);
    assert!(sim.report().finished);
    assert_eq!(sim.joined(), 30);
}

#[test]
fn a_receiver_not_yet_arrived_cannot_be_failed() {
    let mut sim = DistributionSim::new(scenario(Architecture::PeerToPeer)).unwrap();
    assert!(!sim.is_up(NodeId(5)));
    assert_eq!(sim.toggle_node(NodeId(5)), Ok(false), "failing or reviving it changes nothing");
    finish(&mut sim);
    assert!(sim.report().finished, "and it still arrives, joins and finishes");
}

#[test]
fn arrivals_are_seeded_and_leave_a_run_without_them_unchanged() {
    let times = |sc: DistributionScenario| {
        let mut sim = DistributionSim::new(sc).unwrap();
        finish(&mut sim);
        sim.report().peer_completion_s
    };
    let sc = scenario(Architecture::PeerToPeer);
    assert_eq!(times(sc.clone()), times(sc.clone()));
    assert_ne!(times(sc.clone()), times(sc.clone().with_seed(2)));
    let json = serde_json::to_string(&sc.clone().with_arrivals_over(0.0)).unwrap();
    assert!(!json.contains("arrival"), "a run without arrivals saves as before: {json}");
    let bad = sc.with_arrivals_over(-1.0).validate().unwrap_err();
    assert_eq!(bad.field, FIELD_ARRIVALS);
}

#[test]
fn a_scheduled_tracker_failure_turns_the_late_newcomers_away() {
    let sc = DistributionScenario { tracker_fails_at_s: Some(10.0), ..scenario(Architecture::Hybrid) };
    let mut sim = DistributionSim::new(sc.clone()).unwrap();
    sim.run_until(at(10.0), u64::MAX);
    let inside = sim.joined();
    finish(&mut sim);
    assert!(sim.joins_refused() > 0);
    assert_eq!(sim.joined(), inside, "nobody joins after the tracker fails");
    assert!(!sim.is_up(NodeId(31)), "and the tracker is drawn down");
    // Client-server has no tracker: the setting changes nothing there.
    let cs = |tracker_fails_at_s| {
        let mut sim = DistributionSim::new(DistributionScenario { tracker_fails_at_s, ..scenario(Architecture::ClientServer) }).unwrap();
        finish(&mut sim);
        sim.report().completion_time_s
    };
    assert_eq!(cs(Some(10.0)), cs(None));
}
