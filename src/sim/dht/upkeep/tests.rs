use super::super::*;
use crate::sim::fault::Faults;
use crate::sim::node::NodeId;
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimDuration, SimTime};

fn at(s: f64) -> SimTime {
    SimTime::ZERO + SimDuration::from_secs_f64_ceil(s)
}

fn timed(finder: Finder) -> DhtScenario {
    DhtScenario::stable(64).with_copies(2).with_lookups(20.0, 60.0).with_finder(finder)
}

#[test]
fn an_index_answers_in_one_step_and_answers_everything() {
    let mut index = DhtSim::new(timed(Finder::Index)).unwrap();
    index.run_to_end(u64::MAX);
    let r = index.report();
    assert_eq!(r.success_rate, 1.0);
    let hops = r.mean_hops.unwrap();
    assert!(hops > 0.9 && hops <= 1.0, "one step, less the askers holding a copy: {hops}");
    assert!(r.mean_messages <= 2.0 && r.mean_messages > 1.8, "{}", r.mean_messages);
    assert!(index.busiest_share().unwrap() > 0.9, "the index answers nearly every lookup");

    let mut ring = DhtSim::new(timed(Finder::Ring)).unwrap();
    ring.run_to_end(u64::MAX);
    assert!(ring.busiest_share().unwrap() < 0.15, "on the ring the answering is spread: {:?}", ring.busiest_share());
    assert!(ring.report().mean_messages > r.mean_messages + 1.0, "but it costs more messages: {}", ring.report().mean_messages);
}

#[test]
fn a_node_failed_by_hand_starts_the_repairs() {
    let mut sim = DhtSim::new(timed(Finder::Ring).with_copies(1)).unwrap();
    sim.run_until(at(10.0), u64::MAX);
    assert!(!sim.upkeep, "a ring nobody has left needs no repair");
    let held = sim.stored()[5];
    assert!(held > 0);
    sim.fail_node(NodeId(5)).unwrap();
    assert!(!sim.is_up(NodeId(5)) && sim.upkeep, "it is down, and stabilisation has started");
    let before = sim.report();
    sim.run_until(at(40.0), u64::MAX);
    let after = sim.report();
    let failed = (after.lookups - after.succeeded) - (before.lookups - before.succeeded);
    assert!(failed > 0, "with one copy, its keys are gone");
    assert!(sim.successor_accuracy() > 0.99, "and the ring has mended around it");
    sim.revive_node(NodeId(5)).unwrap();
    assert!(sim.is_up(NodeId(5)));
    assert!(sim.fail_node(NodeId(64)).is_err(), "no such node");
}

#[test]
fn churn_waits_for_its_switch_and_stops_when_switched_off() {
    let sc = timed(Finder::Ring).with_churn(20.0);
    let mut sim = DhtSim::new(DhtScenario { churn_paused: true, ..sc }).unwrap();
    assert_eq!(sim.churn(), Some(false));
    sim.run_until(at(15.0), u64::MAX);
    assert_eq!(sim.report().departures, 0, "paused: nobody leaves");
    sim.set_churn(true);
    sim.run_until(at(35.0), u64::MAX);
    let moved = sim.report().departures + sim.report().arrivals;
    assert!(moved > 10, "switched on: peers come and go ({moved})");
    sim.set_churn(false);
    sim.run_until(at(60.0), u64::MAX);
    assert_eq!(sim.report().departures + sim.report().arrivals, moved, "switched off: nobody more");
    assert_eq!(DhtSim::new(DhtScenario::stable(8)).unwrap().churn(), None, "no session length, no switch");
}

#[test]
fn the_history_keeps_a_point_a_second_and_the_last_routes() {
    let mut sim = DhtSim::new(timed(Finder::Ring)).unwrap();
    sim.run_until(at(10.5), u64::MAX);
    assert_eq!(sim.samples().len(), 10);
    let last = sim.samples().last().unwrap();
    assert!(last.lookups > 100 && last.succeeded == last.lookups);
    let recent: Vec<_> = sim.recent_lookups().collect();
    assert_eq!(recent.len(), 12);
    assert!(recent.windows(2).all(|w| w[0].at <= w[1].at), "oldest first");
    let newest = recent.last().unwrap();
    assert_eq!(newest.route.len() as u32, sim.last_lookup().unwrap().hops + 1, "the asker, then each hop");
    assert!(newest.route.iter().all(|&p| p < 64));
}

#[test]
fn a_failed_index_leaves_every_lookup_stuck_but_the_askers_own_copies() {
    let mut sim = DhtSim::new(timed(Finder::Index)).unwrap();
    assert_eq!(sim.node_count(), 65, "the index, then the 64 peers");
    sim.run_until(at(10.0), u64::MAX);
    sim.fail_node(NodeId(0)).unwrap();
    assert!(!sim.is_up(NodeId(0)) && sim.is_up(NodeId(1)));
    let before = sim.report();
    sim.run_until(at(30.0), u64::MAX);
    let after = sim.report();
    let found = after.succeeded - before.succeeded;
    let asked = after.lookups - before.lookups;
    assert!(asked > 300 && (found as f64) < 0.1 * asked as f64, "only a lookup for a key the asker holds succeeds: {found} of {asked}");
    sim.revive_node(NodeId(0)).unwrap();
    // Node 1 is ring place 0: failing it takes a ring node down, not the index.
    sim.fail_node(NodeId(1)).unwrap();
    assert!(sim.is_up(NodeId(0)) && !sim.is_up(NodeId(1)));
}
