use super::*;
use crate::sim::rng::Rng;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check_against_reference(net: &Network) {
    net.audit().unwrap();
    for (id, want) in net.reference_rates() {
        let got = net.rate(id);
        assert!(close(got, want), "flow {id:?}: incremental {got}, reference {want}");
    }
}

#[test]
fn a_sender_shares_its_upload_equally() {
    // Node 0 uploads 9 Mbps to three receivers with plenty of download.
    let mut net = Network::new(&[9.0, 1.0, 1.0, 1.0], &[1.0, 100.0, 100.0, 100.0]).unwrap();
    let ids: Vec<_> = (1..4).map(|n| net.add_flow(SimTime::ZERO, NodeId(0), NodeId(n), 3.0, n).unwrap()).collect();
    net.reallocate(SimTime::ZERO);
    for id in &ids {
        assert!(close(net.rate(*id), 3.0));
    }
    assert!(close(net.up_rate(NodeId(0)), 9.0));
    check_against_reference(&net);
}

#[test]
fn a_slow_receiver_frees_upload_for_the_others() {
    // Max-min: the receiver capped at 1 Mbps takes 1, the others split 9.
    let mut net = Network::new(&[10.0, 1.0, 1.0, 1.0], &[1.0, 1.0, 100.0, 100.0]).unwrap();
    let slow = net.add_flow(SimTime::ZERO, NodeId(0), NodeId(1), 1.0, 0).unwrap();
    let a = net.add_flow(SimTime::ZERO, NodeId(0), NodeId(2), 1.0, 0).unwrap();
    let b = net.add_flow(SimTime::ZERO, NodeId(0), NodeId(3), 1.0, 0).unwrap();
    let changed = net.reallocate(SimTime::ZERO).to_vec();
    assert_eq!(changed.len(), 3);
    assert!(close(net.rate(slow), 1.0));
    assert!(close(net.rate(a), 4.5) && close(net.rate(b), 4.5));
    check_against_reference(&net);
}

#[test]
fn a_receiver_caps_the_sum_of_its_incoming_flows() {
    let mut net = Network::new(&[10.0, 10.0, 1.0], &[1.0, 1.0, 4.0]).unwrap();
    let a = net.add_flow(SimTime::ZERO, NodeId(0), NodeId(2), 1.0, 0).unwrap();
    let b = net.add_flow(SimTime::ZERO, NodeId(1), NodeId(2), 1.0, 0).unwrap();
    net.reallocate(SimTime::ZERO);
    assert!(close(net.rate(a), 2.0) && close(net.rate(b), 2.0));
    assert!(close(net.down_rate(NodeId(2)), 4.0));
    check_against_reference(&net);
}

#[test]
fn progress_is_exact_across_rate_changes() {
    // 10 Mbit over a 10 Mbps link shared with a second flow for the first
    // half second: 2.5 Mbit then 7.5 Mbit at full rate = 1.25 s.
    let mut net = Network::new(&[10.0, 1.0, 1.0], &[1.0, 100.0, 100.0]).unwrap();
    let a = net.add_flow(SimTime::ZERO, NodeId(0), NodeId(1), 10.0, 0).unwrap();
    let b = net.add_flow(SimTime::ZERO, NodeId(0), NodeId(2), 2.5, 0).unwrap();
    net.reallocate(SimTime::ZERO);
    assert_eq!(net.completion_time(b), Some(SimTime(500_000)));
    let half = SimTime(500_000);
    assert!(net.remove_flow(b));
    net.reallocate(half);
    assert!(close(net.remaining(a, half), 7.5));
    assert_eq!(net.completion_time(a), Some(SimTime(1_250_000)));
    // The next payload on the same flow continues at the same rate.
    let end = SimTime(1_250_000);
    assert!(net.extend_flow(a, end, 5.0));
    assert_eq!(net.completion_time(a), Some(SimTime(1_750_000)));
    assert!(net.reallocate(end).is_empty());
}

#[test]
fn bad_construction_and_ids_are_refused() {
    assert!(Network::new(&[1.0], &[1.0, 2.0]).is_none());
    assert!(Network::new(&[0.0], &[1.0]).is_none());
    assert!(Network::new(&[f64::INFINITY], &[1.0]).is_none());
    assert!(Network::new(&[f64::NAN], &[1.0]).is_none());
    let mut net = Network::new(&[1.0, 1.0], &[1.0, 1.0]).unwrap();
    assert!(net.add_flow(SimTime::ZERO, NodeId(0), NodeId(0), 1.0, 0).is_none());
    assert!(net.add_flow(SimTime::ZERO, NodeId(0), NodeId(7), 1.0, 0).is_none());
    assert!(!net.remove_flow(FlowId(3)));
    assert_eq!(net.completion_time(FlowId(0)), None);
}

/// Random meshes with random starts and ends: after every reallocation the
/// incremental rates equal a from-scratch computation and pass the audit.
#[test]
fn incremental_matches_from_scratch_on_random_meshes() {
    let mut grown = 0;
    for seed in 0..60u64 {
        let mut rng = Rng::new(seed);
        let nodes = 2 + rng.below(12);
        let up: Vec<f64> = (0..nodes).map(|_| 0.5 + 10.0 * rng.next_f64()).collect();
        let down: Vec<f64> =
            (0..nodes).map(|_| if rng.chance(0.5) { 0.5 + 5.0 * rng.next_f64() } else { 1000.0 }).collect();
        let mut up = up;
        if seed % 2 == 0 {
            // A server far faster than any download: its link never fills,
            // so it is left out of regions altogether.
            up[0] = 1e5;
        }
        let mut net = Network::new(&up, &down).unwrap();
        let mut live: Vec<FlowId> = Vec::new();
        for step in 0..150u32 {
            let now = SimTime(u64::from(step) * 1000);
            let batch = 1 + rng.below(3);
            for _ in 0..batch {
                if !live.is_empty() && rng.chance(0.45) {
                    let i = rng.below(live.len() as u32) as usize;
                    assert!(net.remove_flow(live.swap_remove(i)));
                } else {
                    let a = if rng.chance(0.3) { 0 } else { rng.below(nodes) };
                    let b = rng.below(nodes);
                    if let Some(id) = net.add_flow(now, NodeId(a), NodeId(b), 1.0, step) {
                        live.push(id);
                    }
                }
            }
            net.audit().unwrap();
            net.reallocate(now);
            check_against_reference(&net);
        }
        grown += net.stats().fills - net.stats().reallocations;
    }
    // The regional path must have been exercised, growth included.
    assert!(grown > 0);
}

#[test]
fn a_link_that_can_never_fill_costs_nothing_per_change() {
    // 200 receivers capped at 1 Mbps each behind a 1 Gbps server: changing
    // one flow must refill that flow only, not all 200.
    let n = 200u32;
    let mut up = vec![1.0; n as usize + 1];
    up[0] = 1000.0;
    let down = vec![1.0; n as usize + 1];
    let mut net = Network::new(&up, &down).unwrap();
    let ids: Vec<_> = (1..=n).map(|r| net.add_flow(SimTime::ZERO, NodeId(0), NodeId(r), 1.0, r).unwrap()).collect();
    net.reallocate(SimTime::ZERO);
    let before = net.stats();
    assert!(net.remove_flow(ids[7]));
    net.add_flow(SimTime(10), NodeId(0), NodeId(8), 1.0, 0).unwrap();
    assert_eq!(net.reallocate(SimTime(10)).len(), 1);
    let after = net.stats();
    assert!(after.flows_refilled - before.flows_refilled <= 2, "{before:?} -> {after:?}");
    check_against_reference(&net);
    // With a 150 Mbps server the same link can fill, and max-min shares it.
    up[0] = 150.0;
    let mut net = Network::new(&up, &down).unwrap();
    for r in 1..=n {
        net.add_flow(SimTime::ZERO, NodeId(0), NodeId(r), 1.0, r).unwrap();
    }
    net.reallocate(SimTime::ZERO);
    check_against_reference(&net);
    assert!(close(net.up_rate(NodeId(0)), 150.0));
}
