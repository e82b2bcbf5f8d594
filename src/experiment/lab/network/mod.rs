//! Building the network by hand: adding and removing nodes, a receiver's
//! speeds, a peer's role and capacity, overlay links. A message and the
//! network as it stands go in; the change to make, or why not, comes out.
//! Nothing here runs a simulation, so every rule is tested on its own.

use crate::experiment::bench::Bench;
use crate::experiment::edits::{EditError, NetworkEdits};
use crate::experiment::pair::{Pair, Side};
use crate::experiment::param::{format_number, Param, Params};
use crate::experiment::view::NetView;

#[derive(Clone, Debug, PartialEq)]
pub enum EditMsg {
    /// One more client or peer.
    AddNode,
    /// Take a client or peer (by node id on that side) out of the network.
    RemoveNode(Side, u32),
    /// The smallest network the workload allows, with no edits: build it
    /// up from there node by node.
    FromScratch,
    /// A receiver's own upload (`false`) or download (`true`) typed in.
    Rate { user: u32, down: bool, text: String },
    /// Connect two peers of the flooding side (node ids), or cut their link.
    Link(u32, u32),
    /// A peer's own service capacity (requests/s) typed in.
    Capacity { user: u32, text: String },
    /// Whether a client or peer serves others (a peer) or only asks or
    /// downloads (a client, even in a peer-to-peer network).
    PeerRole { user: u32, peer: bool },
}

/// The network as editing sees it: the bench, its parameters and the
/// edits so far, and each side's nodes as drawn.
pub struct Network<'a> {
    pub bench: Bench,
    pub params: &'a Params,
    pub edits: &'a NetworkEdits,
    pub views: &'a Pair<NetView>,
}

/// What an accepted edit changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The parameters, when the network's size changed.
    pub params: Option<Params>,
    pub edits: NetworkEdits,
    /// The event log's line, if the edit is worth one.
    pub note: Option<String>,
    /// A node was added: select it.
    pub select_new: bool,
}

impl Network<'_> {
    /// The client or peer index of a node of one side (hubs have none).
    pub fn user_of(&self, side: Side, node: u32) -> Option<u32> {
        let users = self.views[side].nodes.iter().filter(|n| !n.role.is_hub());
        users.map(|n| n.id).position(|id| id == node).map(|i| i as u32)
    }

    /// The node of one side that is client or peer number `user`.
    pub fn node_of(&self, side: Side, user: u32) -> Option<u32> {
        self.views[side].nodes.iter().filter(|n| !n.role.is_hub()).nth(user as usize).map(|n| n.id)
    }

    /// Whether two nodes of the right-hand side are overlay neighbours.
    pub fn linked(&self, a: u32, b: u32) -> bool {
        self.views[Side::Distributed].edges.iter().any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
    }

    fn users(&self) -> u32 {
        self.views[Side::Distributed].nodes.iter().filter(|n| !n.role.is_hub()).count() as u32
    }

    /// A receiver's upload and download (Mbps), as the run uses them.
    pub fn rates(&self, user: u32) -> (f64, f64) {
        self.bench.receiver_rates(self.params, self.edits, user)
    }

    /// A peer's service capacity (requests/s), as the run uses it.
    pub fn capacity(&self, user: u32) -> f64 {
        self.bench.peer_capacity(self.params, self.edits, user)
    }

    /// The parameters with the network's size `param` `by` nodes bigger
    /// (or smaller).
    fn resized(&self, param: Param, by: i32) -> Result<Params, EditError> {
        let now = self.bench.complete(self.params).count_or(param, 0);
        let value = param.spec().check(param, f64::from(now) + f64::from(by)).map_err(EditError::Value)?;
        let mut params = self.params.clone();
        params.set(param, value);
        Ok(params)
    }

    fn change(&self, edits: NetworkEdits, note: Option<String>) -> Change {
        Change { params: None, edits, note, select_new: false }
    }
}

/// The change an edit makes, `Ok(None)` when it changes nothing, or why it
/// is refused. `linked_with` answers whether nodes `a` and `b` of the
/// right-hand side would be linked under other edits (the generated
/// overlay decides where no edit does).
pub fn edit(
    net: &Network,
    msg: EditMsg,
    linked_with: &dyn Fn(&NetworkEdits, u32, u32) -> bool,
) -> Result<Option<Change>, EditError> {
    let bench = net.bench;
    match msg {
        EditMsg::AddNode => {
            let Some(param) = bench.size else { return Ok(None) };
            let params = net.resized(param, 1)?;
            let count = params.count_or(param, 0);
            let note = format!("added a node: {count} clients or peers now");
            Ok(Some(Change { params: Some(params), edits: net.edits.clone(), note: Some(note), select_new: true }))
        }
        EditMsg::RemoveNode(side, node) => {
            let user = net.user_of(side, node).ok_or(EditError::HubStays)?;
            let Some(param) = bench.size else { return Ok(None) };
            let params = net.resized(param, -1)?;
            let mut edits = net.edits.clone();
            edits.remove_user(user);
            let note = format!("removed node {node}; the nodes after it move down one place");
            Ok(Some(Change { params: Some(params), edits, note: Some(note), select_new: false }))
        }
        EditMsg::FromScratch => {
            let Some(param) = bench.size else { return Ok(None) };
            let mut params = net.params.clone();
            params.set(param, param.spec().min);
            let note = Some("started from scratch: add nodes one at a time".to_owned());
            Ok(Some(Change { params: Some(params), edits: NetworkEdits::default(), note, select_new: false }))
        }
        EditMsg::Rate { user, down, text } => {
            if !bench.rates_editable() {
                return Ok(None);
            }
            let param = if down { Param::PeerDownMbps } else { Param::PeerUpMbps };
            let value = param.spec().parse(param, &text).map_err(EditError::Value)?;
            let now = net.rates(user);
            let (up, dn) = if down { (now.0, value) } else { (value, now.1) };
            if (up, dn) == now {
                return Ok(None);
            }
            let mut edits = net.edits.clone();
            edits.set_rates(user, up, dn)?;
            Ok(Some(net.change(edits, None)))
        }
        EditMsg::PeerRole { user, peer } => {
            let Some(words) = bench.role_words() else { return Ok(None) };
            if net.edits.is_client(user) != peer {
                return Ok(None);
            }
            if !peer && words.needs_a_peer && net.edits.clients.len() as u32 + 1 >= net.users() {
                return Err(EditError::LastPeer);
            }
            let mut edits = net.edits.clone();
            edits.set_client(user, !peer)?;
            let node = net.node_of(Side::Distributed, user).unwrap_or(user);
            let what = if peer { words.became_peer } else { words.became_client };
            Ok(Some(net.change(edits, Some(format!("node {node} {what}")))))
        }
        EditMsg::Capacity { user, text } => {
            if !bench.capacity_editable() {
                return Ok(None);
            }
            let value = Param::PeerCapacity.spec().parse(Param::PeerCapacity, &text).map_err(EditError::Value)?;
            // Compared as stored, to a thousandth.
            let value = (value * 1000.0).round() / 1000.0;
            if value == net.capacity(user) {
                return Ok(None);
            }
            let mut edits = net.edits.clone();
            edits.set_capacity(user, value)?;
            Ok(Some(net.change(edits, Some(format!("peer {user} serves {} requests/s now", format_number(value))))))
        }
        EditMsg::Link(a, b) => {
            if !bench.links_editable(net.params) {
                return Ok(None);
            }
            let side = Side::Distributed;
            let (Some(ua), Some(ub)) = (net.user_of(side, a), net.user_of(side, b)) else {
                return Ok(None);
            };
            let want = !net.linked(a, b);
            let mut edits = net.edits.clone();
            // Forgetting a hand-made state may be enough: the generated
            // overlay (for this seed and size) may already be as wanted.
            let generated = if edits.forget_link(ua, ub) { linked_with(&edits, a, b) } else { !want };
            if generated != want {
                edits.set_link(ua, ub, want)?;
            }
            let note = format!("peers {a} and {b} {}", if want { "connected" } else { "disconnected" });
            Ok(Some(net.change(edits, Some(note))))
        }
    }
}

#[cfg(test)]
mod tests;
