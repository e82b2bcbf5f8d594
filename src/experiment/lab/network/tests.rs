//! Editing rules on hand-made networks: no simulation runs here.

use super::*;
use crate::experiment::bench::{DISTRIBUTION, LOOKUP, SERVICE};
use crate::experiment::view::NodeView;
use crate::sim::node::Role;

fn node(id: u32, role: Role) -> (NodeView, f64) {
    (NodeView::new(id, role, true), 0.0)
}

/// A server with `users` clients on the left; `users` peers on the right,
/// linked by `edges`.
fn drawn(users: u32, edges: &[(u32, u32)]) -> Pair<NetView> {
    let mut central = NetView::default();
    central.set_nodes(std::iter::once(node(0, Role::Server)).chain((1..=users).map(|i| node(i, Role::Client))));
    let mut peers = NetView::default();
    peers.set_nodes((0..users).map(|i| node(i, Role::Peer)));
    peers.set_edges(edges.iter().copied());
    Pair::new(central, peers)
}

fn never(_: &NetworkEdits, _: u32, _: u32) -> bool {
    false
}

#[test]
fn nodes_are_added_and_removed_within_the_size_control() {
    let params = Params::from_pairs(&[(Param::Clients, 3.0)]);
    let (edits, views) = (NetworkEdits::default(), drawn(3, &[]));
    let net = Network { bench: SERVICE, params: &params, edits: &edits, views: &views };
    let added = edit(&net, EditMsg::AddNode, &never).unwrap().unwrap();
    assert_eq!(added.params.and_then(|p| p.get(Param::Clients)), Some(4.0));
    assert!(added.select_new && added.note.unwrap().contains("4 clients or peers"));
    assert_eq!(edit(&net, EditMsg::RemoveNode(Side::Central, 0), &never), Err(EditError::HubStays));
    let removed = edit(&net, EditMsg::RemoveNode(Side::Central, 2), &never).unwrap().unwrap();
    assert_eq!(removed.params.and_then(|p| p.get(Param::Clients)), Some(2.0));
    let scratch = edit(&net, EditMsg::FromScratch, &never).unwrap().unwrap();
    assert_eq!(scratch.params.and_then(|p| p.get(Param::Clients)), Some(1.0));
    // The smallest network cannot shrink: the control's own reason.
    let one = Params::from_pairs(&[(Param::Clients, 1.0)]);
    let views = drawn(1, &[]);
    let net = Network { bench: SERVICE, params: &one, edits: &edits, views: &views };
    let why = edit(&net, EditMsg::RemoveNode(Side::Distributed, 0), &never).unwrap_err();
    assert!(why.to_string().contains("between 1 and 1000"), "{why}");
}

#[test]
fn removing_a_user_renumbers_what_was_set_on_the_others() {
    let params = Params::from_pairs(&[(Param::Receivers, 4.0)]);
    let mut edits = NetworkEdits::default();
    edits.set_rates(3, 20.0, 80.0).unwrap();
    edits.set_client(1, true).unwrap();
    let views = drawn(4, &[]);
    let net = Network { bench: DISTRIBUTION, params: &params, edits: &edits, views: &views };
    let change = edit(&net, EditMsg::RemoveNode(Side::Distributed, 1), &never).unwrap().unwrap();
    assert_eq!(change.edits.rates_of(2).map(|r| r.up_mbps), Some(20.0), "receiver 3 is receiver 2 now");
    assert!(change.edits.clients.is_empty(), "the removed client's role goes with it");
}

#[test]
fn speeds_are_checked_and_an_unchanged_one_changes_nothing() {
    let params = DISTRIBUTION.defaults();
    let (edits, views) = (NetworkEdits::default(), drawn(20, &[]));
    let net = Network { bench: DISTRIBUTION, params: &params, edits: &edits, views: &views };
    let rate = |down, text: &str| EditMsg::Rate { user: 2, down, text: text.into() };
    assert_eq!(edit(&net, rate(true, "50"), &never), Ok(None), "the workload's own download");
    let why = edit(&net, rate(false, "-3"), &never).unwrap_err();
    assert!(why.to_string().contains("between"), "{why}");
    let change = edit(&net, rate(true, "1"), &never).unwrap().unwrap();
    assert_eq!(change.edits.rates_of(2).map(|r| (r.up_mbps, r.down_mbps)), Some((10.0, 1.0)));
    // Not a setting of a workload without per-node speeds.
    let params = SERVICE.defaults();
    let net = Network { bench: SERVICE, params: &params, edits: &edits, views: &views };
    assert_eq!(edit(&net, rate(true, "1"), &never), Ok(None));
}

#[test]
fn the_last_serving_peer_stays_where_someone_must_answer() {
    let params = Params::from_pairs(&[(Param::Clients, 2.0), (Param::Receivers, 2.0)]);
    let mut edits = NetworkEdits::default();
    edits.set_client(0, true).unwrap();
    let views = drawn(2, &[]);
    let last = EditMsg::PeerRole { user: 1, peer: false };
    let service = Network { bench: SERVICE, params: &params, edits: &edits, views: &views };
    assert_eq!(edit(&service, last.clone(), &never), Err(EditError::LastPeer));
    assert_eq!(edit(&service, EditMsg::PeerRole { user: 0, peer: false }, &never), Ok(None), "a client already");
    // A swarm's server seeds everyone: every receiver may download only.
    let swarm = Network { bench: DISTRIBUTION, params: &params, edits: &edits, views: &views };
    let change = edit(&swarm, last, &never).unwrap().unwrap();
    assert_eq!(change.edits.clients, vec![0, 1]);
    assert!(change.note.unwrap().contains("uploads nothing now: a client"));
}

#[test]
fn a_capacity_is_compared_as_stored() {
    let params = SERVICE.defaults();
    let (edits, views) = (NetworkEdits::default(), drawn(50, &[]));
    let net = Network { bench: SERVICE, params: &params, edits: &edits, views: &views };
    let cap = |text: &str| EditMsg::Capacity { user: 3, text: text.into() };
    assert_eq!(edit(&net, cap("40.0001"), &never), Ok(None), "the workload's 40, to a thousandth");
    let change = edit(&net, cap("80"), &never).unwrap().unwrap();
    assert_eq!(change.edits.capacity_of(3), Some(80.0));
    assert!(edit(&net, cap("0"), &never).is_err());
}

#[test]
fn a_link_is_cut_or_made_and_a_needless_edit_is_forgotten() {
    let params = LOOKUP.defaults();
    let views = drawn(5, &[(1, 2)]);
    let edits = NetworkEdits::default();
    let net = Network { bench: LOOKUP, params: &params, edits: &edits, views: &views };
    let cut = edit(&net, EditMsg::Link(1, 2), &never).unwrap().unwrap();
    assert_eq!(cut.edits.links, vec![crate::experiment::edits::LinkEdit::new(1, 2, false)]);
    assert!(cut.note.unwrap().contains("disconnected"));
    // Linking again where the generated overlay links them anyway leaves
    // no hand-made state behind.
    let views = drawn(5, &[]);
    let net = Network { bench: LOOKUP, params: &params, edits: &cut.edits, views: &views };
    let generated = |edits: &NetworkEdits, a: u32, b: u32| edits.links.is_empty() && (a, b) == (1, 2);
    let undone = edit(&net, EditMsg::Link(1, 2), &generated).unwrap().unwrap();
    assert!(undone.edits.is_empty(), "{:?}", undone.edits);
    // The hybrid's index decides, not links.
    let hybrid = LOOKUP.defaults().with(&[(Param::Hybrid, 1.0)]);
    let net = Network { bench: LOOKUP, params: &hybrid, edits: &edits, views: &views };
    assert_eq!(edit(&net, EditMsg::Link(1, 2), &never), Ok(None));
}
