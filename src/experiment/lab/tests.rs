use super::*;
use crate::experiment::bench::{CHURN, COST, DHT, DISTRIBUTION, HYBRID, LOOKUP, ROLE, SERVICE};
use crate::experiment::Metric;
use TransportMsg::{Pause, Play, Skip, Step};

const C: Side = Side::Central;
const D: Side = Side::Distributed;

/// The distribution bench at 10 receivers, the size these tests count on.
fn ten() -> Params {
    Params::from_pairs(&[(Param::Receivers, 10.0)])
}

fn play_to_end(lab: &mut Lab) -> (u32, Option<Outcome>) {
    lab.update(LabMsg::from(Play));
    for frame in 1..=100_000 {
        let fx = lab.update(LabMsg::from(TransportMsg::Frame { dt_s: 1.0 / 60.0 }));
        if fx.outcome.is_some() {
            return (frame, fx.outcome);
        }
    }
    (0, None)
}

#[test]
fn playing_takes_about_ten_seconds_of_frames_and_reports_once() {
    let (mut lab, fx) = Lab::new(ROLE, Params::default(), 1, false);
    assert_eq!(fx.outcome, None);
    assert_eq!(lab.status(), "Ready");
    let (frames, outcome) = play_to_end(&mut lab);
    assert!(
        (500..=700).contains(&frames),
        "{frames} frames at 60 per second"
    );
    assert_eq!(lab.mode(), Mode::Finished);
    assert!(outcome
        .unwrap()
        .distributed
        .get(Metric::BusiestShare)
        .is_some());
    assert_eq!(
        lab.update(LabMsg::from(TransportMsg::Frame { dt_s: 0.016 })),
        Effects::default(),
        "no second outcome"
    );
}

#[test]
fn a_refused_value_is_explained_and_changes_nothing() {
    let (mut lab, _) = Lab::new(ROLE, Params::default(), 1, false);
    lab.update(LabMsg::from(Step));
    let t = lab.time_s();
    let fx = lab.update(LabMsg::Input(Param::Nodes, "400".into()));
    assert!(fx.touched && fx.params.is_none());
    assert!(lab.refused(Param::Nodes).unwrap().reason.contains("between 2 and 40"));
    assert_eq!(lab.time_s(), t, "the run goes on untouched");
    let fx = lab.update(LabMsg::Input(Param::Nodes, "12".into()));
    assert_eq!(fx.params.and_then(|p| p.get(Param::Nodes)), Some(12.0));
    assert!(lab.refused(Param::Nodes).is_none());
    assert_eq!(
        (lab.time_s(), lab.status()),
        (0.0, "Ready"),
        "a new value starts over"
    );
}

#[test]
fn step_moves_a_fiftieth_of_the_run_and_pause_after_skip_plays_normally() {
    let (mut lab, _) = Lab::new(CHURN, Params::default(), 1, true);
    lab.update(LabMsg::from(Step));
    let step = lab.time_s();
    let duration = (CHURN.facts)().into_iter().find(|(k, _)| *k == "duration-s").map(|(_, v)| v).unwrap();
    assert!(step > 0.0 && step <= duration * STEP_SHARE + 1e-6, "{step}");
    lab.update(LabMsg::from(Skip));
    lab.update(LabMsg::from(TransportMsg::Frame { dt_s: 0.016 }));
    lab.update(LabMsg::from(Pause));
    let paused_at = lab.time_s();
    lab.update(LabMsg::from(Play));
    lab.update(LabMsg::from(TransportMsg::Frame { dt_s: 0.05 }));
    let moved = lab.time_s() - paused_at;
    assert!(
        moved <= 0.05 * duration / PLAY_SECONDS + 1.0,
        "normal pace after a paused skip, moved {moved}"
    );
}

/// The drawing learns what its lines stand for from the side: on both
/// sides of the dht bench a route (through the index it is one hop), in
/// file distribution nothing.
#[test]
fn each_view_says_what_its_lines_stand_for() {
    use crate::experiment::view::Lines;
    let (mut lab, _) = Lab::new(DHT, Params::default(), 1, true);
    lab.update(LabMsg::from(Step));
    assert_eq!((lab.view(C).lines, lab.view(D).lines), (Some(Lines::Route), Some(Lines::Route)));
    assert_eq!(lab.legend().lines, Some(Lines::Route));
    let (lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    assert_eq!(lab.view(D).lines, None);
}

/// Skipping and playing end at the same moment: the last event, not the
/// chart's horizon.
#[test]
fn skip_and_play_end_on_the_same_clock() {
    let end = |skip: bool| {
        let (mut lab, _) = Lab::new(HYBRID, Params::default(), 2024, true);
        lab.update(LabMsg::from(if skip { Skip } else { Play }));
        for _ in 0..100_000 {
            if lab.status().starts_with("Finished") {
                break;
            }
            lab.update(LabMsg::from(TransportMsg::Frame { dt_s: 0.05 }));
        }
        assert!(lab.status().starts_with("Finished"), "{}", lab.status());
        lab.time_s()
    };
    let (skipped, played) = (end(true), end(false));
    // Play moves in frames, so it may end up to a frame past the last event.
    assert!(skipped <= played && played - skipped < 1.0, "skip ends at {skipped} s, play at {played} s");
}

#[test]
fn failing_the_server_is_logged_and_fails_requests() {
    let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
    assert!(lab.can_fail(C) && lab.can_fail(D));
    lab.update(LabMsg::from(Step));
    lab.update(LabMsg::Toggle(C, 0));
    assert!(
        lab.log()
            .last()
            .unwrap()
            .contains("Client-server: server 0 failed"),
        "{:?}",
        lab.log()
    );
    lab.update(LabMsg::from(Skip));
    let mut outcome = None;
    for _ in 0..10_000 {
        if let Some(o) = lab.update(LabMsg::from(TransportMsg::Frame { dt_s: 0.016 })).outcome {
            outcome = Some(o);
            break;
        }
    }
    let failed = outcome.unwrap().central.get(Metric::FailedShare).unwrap();
    assert!(failed > 0.9, "{failed}");
    assert!(lab.log().last().unwrap().contains("finished"));
}

#[test]
fn a_distribution_without_its_server_ends_with_the_file_not_everywhere() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    assert!(lab.can_fail(C) && lab.can_fail(D), "the sandbox offers failing nodes in file distribution");
    lab.update(LabMsg::from(Step));
    lab.update(LabMsg::Toggle(C, 0));
    assert!(lab.log().last().unwrap().contains("Client-server: server 0 failed"), "{:?}", lab.log());
    assert!(!lab.view(C).nodes[0].up, "and the drawing shows it down");
    let (_, outcome) = play_to_end(&mut lab);
    let outcome = outcome.unwrap();
    assert!(outcome.central.get(Metric::HaveFile).unwrap() < 1.0, "not every client has the file");
    assert_eq!(outcome.central.get(Metric::CompletionS), None, "so there is no time to send it to all");
    assert_eq!(outcome.distributed.get(Metric::HaveFile), Some(1.0), "the other design was not touched");
    let last = lab.log().last().unwrap();
    assert!(last.contains("Client-server receivers with the whole file: 0%"), "the summary says how far it got: {last}");
}

#[test]
fn lessons_do_not_offer_faults_and_models_finish_at_once() {
    let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, false);
    assert!(!lab.can_fail(C));
    lab.update(LabMsg::Toggle(C, 0));
    assert!(lab.log().is_empty());
    let (lab, fx) = Lab::new(COST, Params::default(), 1, false);
    assert_eq!(lab.mode(), Mode::Finished);
    assert!(fx.outcome.is_some());
}

#[test]
fn the_hybrid_switch_runs_an_index_beside_the_peers() {
    for bench in [
        SERVICE,
        LOOKUP,
        CHURN,
        DISTRIBUTION,
    ] {
        let params = Params::from_pairs(&[(Param::Hybrid, 1.0)]);
        let (lab, _) = Lab::new(bench, params, 1, true);
        assert!(
            lab.label(Side::Distributed).starts_with("Hybrid"),
            "{bench:?}"
        );
        assert!(
            lab.view(D)
                .nodes
                .iter()
                .any(|n| n.role == crate::sim::node::Role::Index),
            "{bench:?} draws its index or tracker"
        );
        let (plain, _) = Lab::new(bench, Params::default(), 1, true);
        assert_eq!(
            plain.label(Side::Distributed),
            bench.sides.distributed
        );
    }
}

#[test]
fn results_export_as_csv() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    play_to_end(&mut lab);
    let csv = lab.results_csv();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "metric,Client-server,Peer-to-peer");
    assert_eq!(rows.len(), 1 + DISTRIBUTION.metrics.len());
    assert!(
        rows[1].starts_with("Time to send the file to all,80,"),
        "{}",
        rows[1]
    );
}

#[test]
fn churn_switches_off_and_on() {
    let (mut lab, _) = Lab::new(CHURN, Params::default(), 1, true);
    assert_eq!(lab.churn(), Some(true));
    lab.update(LabMsg::Churn(false));
    assert_eq!(lab.churn(), Some(false));
    assert!(lab.log().last().unwrap().contains("churn off"));
    let (lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
    assert_eq!(lab.churn(), None);
}

fn users(lab: &Lab, side: Side) -> usize {
    lab.view(side)
        .nodes
        .iter()
        .filter(|n| !n.role.is_hub())
        .count()
}

#[test]
fn a_network_is_built_node_by_node_from_scratch() {
    let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
    let fx = lab.update(LabMsg::from(EditMsg::FromScratch));
    assert_eq!(fx.params.and_then(|p| p.get(Param::Clients)), Some(1.0));
    assert_eq!(lab.build_error(), None);
    assert_eq!((users(&lab, C), users(&lab, D)), (1, 1));
    for _ in 0..3 {
        lab.update(LabMsg::from(EditMsg::AddNode));
    }
    assert_eq!((users(&lab, C), users(&lab, D)), (4, 4));
    assert_eq!(
        lab.selected(C),
        lab.view(C).nodes.last().unwrap().id,
        "the new node is selected"
    );
    assert!(lab.log().last().unwrap().contains("4 clients or peers"));
    let last = lab.selected(D);
    let fx = lab.update(LabMsg::from(EditMsg::RemoveNode(D, last)));
    assert_eq!(fx.params.and_then(|p| p.get(Param::Clients)), Some(3.0));
    assert_eq!(users(&lab, D), 3);
    // The server is not a client to remove, and the smallest network stays.
    lab.update(LabMsg::from(EditMsg::RemoveNode(C, 0)));
    assert!(lab.edit_error().unwrap().to_string()
        .contains("cannot be removed"));
    assert_eq!(users(&lab, C), 3);
    lab.update(LabMsg::from(EditMsg::FromScratch));
    let only = lab.node_of(C, 0).unwrap();
    lab.update(LabMsg::from(EditMsg::RemoveNode(C, only)));
    assert!(
        lab.edit_error().is_some(),
        "below the minimum is refused with a reason"
    );
    assert_eq!(users(&lab, C), 1);
}

#[test]
fn keyboard_moves_between_nodes_and_stops_at_the_ends() {
    let (mut lab, _) = Lab::new(CHURN, Params::default(), 1, true);
    lab.update(LabMsg::from(SelectMsg::Move(C, Nav::First)));
    let first = lab.view(C).nodes[0].id;
    assert_eq!(lab.selected(C), first);
    lab.update(LabMsg::from(SelectMsg::Move(C, Nav::Prev)));
    assert_eq!(lab.selected(C), first);
    lab.update(LabMsg::from(SelectMsg::Move(C, Nav::Next)));
    assert_eq!(lab.selected(C), lab.view(C).nodes[1].id);
    lab.update(LabMsg::from(SelectMsg::Move(C, Nav::Last)));
    lab.update(LabMsg::from(SelectMsg::Move(C, Nav::Next)));
    assert_eq!(lab.selected(C), lab.view(C).nodes.last().unwrap().id);
}

#[test]
fn one_slow_receiver_slows_client_server_to_its_download() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    let (_, before) = play_to_end(&mut lab);
    let before = before.unwrap().central.get(Metric::CompletionS).unwrap();
    let fx = lab.update(LabMsg::Edit(EditMsg::Rate {
        user: 2,
        down: true,
        text: "1".into(),
    }));
    assert_eq!(
        fx.edits
            .as_ref()
            .and_then(|e| e.rates_of(2))
            .map(|r| r.down_mbps),
        Some(1.0)
    );
    let (_, after) = play_to_end(&mut lab);
    let after = after.unwrap().central.get(Metric::CompletionS).unwrap();
    // 800 Mbit at 1 Mbps: F/d_min = 800 s, far beyond NF/u_s = 80 s.
    assert!(
        (before - 80.0).abs() < 1.0 && (after - 800.0).abs() < 1.0,
        "{before} then {after}"
    );
    let fx = lab.update(LabMsg::Edit(EditMsg::Rate {
        user: 2,
        down: false,
        text: "-3".into(),
    }));
    assert!(
        fx.edits.is_none() && lab.edit_error().is_some(),
        "a bad speed is explained, not applied"
    );
}

#[test]
fn overlay_links_are_connected_and_cut_on_the_flooding_side() {
    let (mut lab, _) = Lab::new(LOOKUP, Params::default(), 1, true);
    let (a, b) = (lab.node_of(D, 0).unwrap(), lab.node_of(D, 1).unwrap());
    let was = lab.linked(a, b);
    let fx = lab.update(LabMsg::from(EditMsg::Link(a, b)));
    assert!(fx.edits.is_some());
    assert_eq!(lab.linked(a, b), !was);
    assert!(lab
        .log
        .last()
        .unwrap()
        .contains(if was { "disconnected" } else { "connected" }));
    lab.update(LabMsg::from(EditMsg::Link(a, b)));
    assert_eq!(lab.linked(a, b), was);
    assert!(lab.edits().is_empty(), "undoing forgets the edit");
    // Lessons cannot edit; the index side has no overlay to edit.
    let (mut lesson, _) = Lab::new(LOOKUP, Params::default(), 1, false);
    assert!(lesson.update(LabMsg::from(EditMsg::Link(a, b))).edits.is_none());
}

#[test]
fn uploads_per_node_show_who_did_the_sending() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    assert!(lab.progress() == 0.0);
    play_to_end(&mut lab);
    assert_eq!(lab.progress(), 1.0);
    let Pair([cs, p2p]) = &*lab.picture().uploads;
    // 10 receivers of an 800 Mbit file: 8,000 Mbit leave some uploader.
    assert!((cs.iter().sum::<f64>() - 8_000.0).abs() < 1e-6);
    assert!((p2p.iter().sum::<f64>() - 8_000.0).abs() < 1e-6);
    assert_eq!(cs.len(), 11);
    assert!(cs[1..].iter().all(|&m| m == 0.0), "clients upload nothing");
    assert!(
        p2p[1..].iter().all(|&m| m > 0.0),
        "every peer passes chunks on"
    );
    assert!(
        p2p[0] < cs[0],
        "so the server sends less than it must alone"
    );
    let (lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
    assert!(lab.picture().uploads.iter().all(Vec::is_empty));
}

#[test]
fn a_receiver_can_be_made_a_download_only_client_and_back() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    let node = lab.node_of(D, 3).unwrap();
    let fx = lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 3, peer: false }));
    assert_eq!(fx.edits.map(|e| e.is_client(3)), Some(true));
    let role = |lab: &Lab| lab.view(D).nodes.iter().find(|n| n.id == node).unwrap().role;
    assert_eq!(role(&lab), crate::sim::node::Role::Client);
    play_to_end(&mut lab);
    assert_eq!(lab.picture().uploads[D][node as usize], 0.0, "it passed nothing on");
    lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 3, peer: true }));
    assert_eq!(role(&lab), crate::sim::node::Role::Peer);
    assert_eq!(lab.rates(3).0, 10.0);
    assert!(lab.edits().is_empty(), "a peer again, as if never changed");
}

#[test]
fn every_sandbox_workload_builds_from_scratch_and_grows() {
    for bench in [DISTRIBUTION, SERVICE, LOOKUP, CHURN] {
        let (mut lab, _) = Lab::new(bench, Params::default(), 1, true);
        lab.update(LabMsg::from(EditMsg::FromScratch));
        assert_eq!(lab.build_error(), None, "{bench:?} from scratch");
        for _ in 0..3 {
            lab.update(LabMsg::from(EditMsg::AddNode));
        }
        assert_eq!(lab.build_error(), None, "{bench:?} grown");
        let last = lab.view(D).nodes.last().unwrap().id;
        lab.update(LabMsg::from(EditMsg::RemoveNode(D, last)));
        assert_eq!(lab.build_error(), None, "{bench:?} shrunk");
    }
}

#[test]
fn cutting_a_link_cuts_it_even_over_a_stale_edit() {
    let (mut lab, _) = Lab::new(LOOKUP, Params::default(), 1, true);
    let &(a, b) = lab.view(D).edges.first().unwrap();
    let (ua, ub) = (lab.user_of(D, a).unwrap(), lab.user_of(D, b).unwrap());
    // A "connect" edit for a pair the generated overlay links anyway,
    // as after a new seed or size.
    let mut edits = NetworkEdits::default();
    edits.set_link(ua, ub, true).unwrap();
    lab.reset_edited(lab.params().clone(), edits, 1);
    assert!(lab.linked(a, b));
    lab.update(LabMsg::from(EditMsg::Link(a, b)));
    assert!(!lab.linked(a, b), "the link is really cut");
    assert!(lab.log().last().unwrap().contains("disconnected"));
}

#[test]
fn edits_of_removed_nodes_are_forgotten_by_the_sandbox_too() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    let mut edits = NetworkEdits::default();
    edits.set_rates(9, 1.0, 1.0).unwrap();
    lab.reset_edited(lab.params().clone(), edits, 1);
    let fx = lab.update(LabMsg::Input(Param::Receivers, "5".into()));
    assert_eq!(fx.edits, Some(NetworkEdits::default()));
}

#[test]
fn a_peer_given_more_capacity_cuts_the_swarms_latency() {
    let mut params = Params::default();
    params.set(Param::PeerCapacity, 5.0);
    params.set(Param::Clients, 10.0);
    let (mut lab, _) = Lab::new(SERVICE, params, 1, true);
    let (_, before) = play_to_end(&mut lab);
    let before = before.unwrap().distributed.get(Metric::P95LatencyMs).unwrap();
    for user in 0..10 {
        lab.update(LabMsg::Edit(EditMsg::Capacity { user, text: "200".into() }));
    }
    assert_eq!(lab.capacity(3), 200.0);
    assert!(lab.log().last().unwrap().contains("serves 200 requests/s"));
    let (_, after) = play_to_end(&mut lab);
    let after = after.unwrap().distributed.get(Metric::P95LatencyMs).unwrap();
    assert!(after < before / 3.0, "p95 {after} ms after, {before} ms before");
    let fx = lab.update(LabMsg::Edit(EditMsg::Capacity { user: 3, text: "0".into() }));
    assert!(fx.edits.is_none() && lab.edit_error().unwrap().to_string().contains("between"));
}

#[test]
fn a_peer_that_only_asks_is_a_client_in_the_swarm() {
    let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
    let node = lab.node_of(D, 2).unwrap();
    let fx = lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 2, peer: false }));
    assert_eq!(fx.edits.map(|e| e.clients), Some(vec![2]));
    assert!(!lab.serves(2));
    let view = |lab: &Lab| lab.view(D).nodes.iter().find(|n| n.id == node).cloned().unwrap();
    assert_eq!(view(&lab).role, crate::sim::node::Role::Client);
    play_to_end(&mut lab);
    assert_eq!(view(&lab).badge, None, "it answered no one");
    lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 2, peer: true }));
    assert!(lab.serves(2) && lab.edits().is_empty());
    lab.update(LabMsg::from(EditMsg::FromScratch));
    lab.update(LabMsg::from(EditMsg::AddNode));
    lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 0, peer: false }));
    lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 1, peer: false }));
    assert!(lab.edit_error().unwrap().to_string().contains("at least one peer"));
    assert_eq!((lab.edits().clients.clone(), lab.build_error()), (vec![0], None));
}

#[test]
fn removing_the_last_serving_peer_makes_everyone_serve_again() {
    let (mut lab, _) = Lab::new(SERVICE, Params::default(), 1, true);
    lab.update(LabMsg::from(EditMsg::FromScratch));
    lab.update(LabMsg::from(EditMsg::AddNode));
    lab.update(LabMsg::Edit(EditMsg::PeerRole { user: 0, peer: false }));
    assert_eq!(lab.edits().clients, vec![0]);
    let serving = lab.node_of(D, 1).unwrap();
    let fx = lab.update(LabMsg::from(EditMsg::RemoveNode(D, serving)));
    assert_eq!(fx.edits.map(|e| e.clients), Some(Vec::new()), "the sandbox hears of it");
    assert_eq!(lab.build_error(), None);
    assert!(lab.serves(0));
}

#[test]
fn the_frame_budget_shrinks_on_slow_frames_and_recovers() {
    let (mut lab, _) = Lab::new(DISTRIBUTION, ten(), 1, true);
    assert_eq!(lab.transport.frame_events(), MIN_FRAME_EVENTS, "a run starts gently");
    for _ in 0..40 {
        lab.pace(1.0);
    }
    assert_eq!(lab.transport.frame_events(), FRAME_EVENT_BUDGET);
    lab.pace(30.0);
    assert_eq!(lab.transport.frame_events(), FRAME_EVENT_BUDGET / 2);
    for _ in 0..20 {
        lab.pace(40.0);
    }
    assert_eq!(lab.transport.frame_events(), MIN_FRAME_EVENTS, "never below the floor");
    lab.pace(6.0);
    assert_eq!(lab.transport.frame_events(), MIN_FRAME_EVENTS, "kept while in the target band");
    for _ in 0..40 {
        lab.pace(1.0);
    }
    assert_eq!(lab.transport.frame_events(), FRAME_EVENT_BUDGET, "back to the full budget");
}

#[test]
fn step_from_a_fresh_start_moves_the_clock_in_every_workload() {
    for bench in crate::experiment::bench::TABLE.iter().copied().filter(|b| b.animated) {
        let (mut lab, _) = Lab::new(bench, bench.defaults(), 2024, false);
        lab.update(LabMsg::from(Step));
        let first = lab.time_s();
        assert!(first > 0.0, "{}: the first step moves the clock", bench.key);
        lab.update(LabMsg::from(Step));
        assert!(lab.time_s() > first, "{}: and the next", bench.key);
    }
}
