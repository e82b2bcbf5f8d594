//! A drawing-ready picture of one network at one moment, the same for every
//! workload, so one component draws them all.

use crate::sim::node::{NodeId, Role};

/// What a node is doing, shown by shape, label and colour together.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub id: u32,
    pub role: Role,
    pub up: bool,
    /// 0..1: how full the node's meter is (file received, queue load, ...).
    pub fill: f64,
    /// A short number to print beside the node (requests answered, ...);
    /// empty for none.
    pub badge: String,
}

impl NodeView {
    /// The node as a learner reads it: "peer 7", "server 0 (offline)".
    pub fn name(&self) -> String {
        format!("{} {}{}", self.role.label(), self.id, if self.up { "" } else { " (offline)" })
    }
}

/// What travels along a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Traffic {
    Request,
    Response,
    Data,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkView {
    pub from: u32,
    pub to: u32,
    /// 0..1 along the link from `from` to `to`.
    pub progress: f64,
    pub traffic: Traffic,
}

impl LinkView {
    pub fn new(from: NodeId, to: NodeId, progress: f64, traffic: Traffic) -> LinkView {
        LinkView { from: from.0, to: to.0, progress, traffic }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetView {
    pub nodes: Vec<NodeView>,
    /// Standing overlay links to draw faintly (peer-to-peer neighbours).
    pub edges: Vec<(u32, u32)>,
    pub moving: Vec<LinkView>,
}
