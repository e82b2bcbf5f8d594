//! A drawing-ready picture of one network at one moment, the same for every
//! workload, so one component draws them all. What changes every frame
//! (meters, moving traffic) is kept apart from what changes rarely (the
//! nodes and their states, the overlay's links), so the drawing can redraw
//! the one and leave the other alone.

use crate::sim::node::{NodeId, Role};
use std::rc::Rc;

/// What a node is and its state, shown by shape, label and colour together.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub id: u32,
    pub role: Role,
    pub up: bool,
    /// A count to print beside the node (requests answered, ...).
    pub badge: Option<u64>,
}

impl NodeView {
    pub fn new(id: u32, role: Role, up: bool) -> NodeView {
        NodeView { id, role, up, badge: None }
    }
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

/// One network drawn, into buffers that are reused frame after frame. The
/// nodes and links sit behind `Rc`s so a view can hold them and compare.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NetView {
    pub nodes: Rc<Vec<NodeView>>,
    /// 0..1 per node, in the order of `nodes`: how full each one's meter is
    /// (file received, share of the answering, data held).
    pub fills: Vec<f64>,
    /// Standing links: overlay neighbours, or one lookup's route.
    pub edges: Rc<Vec<(u32, u32)>>,
    /// What `edges` stand for, which sets how they are drawn.
    pub lines: Option<Lines>,
    pub moving: Vec<LinkView>,
    /// Requests waiting at each node, in the order of `nodes`; empty for
    /// workloads without queues.
    pub queues: Vec<u32>,
}

impl NetView {
    /// Redraws the nodes and their meters from `(node, fill)` pairs.
    pub fn set_nodes(&mut self, nodes: impl Iterator<Item = (NodeView, f64)>) {
        let list = Rc::make_mut(&mut self.nodes);
        list.clear();
        self.fills.clear();
        self.queues.clear();
        for (node, fill) in nodes {
            list.push(node);
            self.fills.push(fill);
        }
    }

    /// Sets the requests waiting at each node, in the order of the nodes.
    pub fn set_queues(&mut self, queues: impl Iterator<Item = u32>) {
        self.queues.clear();
        self.queues.extend(queues);
    }

    /// Requests waiting across the network.
    pub fn waiting(&self) -> u64 {
        self.queues.iter().map(|q| u64::from(*q)).sum()
    }

    /// Redraws the standing links.
    pub fn set_edges(&mut self, edges: impl Iterator<Item = (u32, u32)>) {
        let list = Rc::make_mut(&mut self.edges);
        list.clear();
        list.extend(edges);
    }

    /// Redraws what is moving.
    pub fn set_moving(&mut self, moving: impl Iterator<Item = LinkView>) {
        self.moving.clear();
        self.moving.extend(moving);
    }
}

/// What the standing lines between nodes stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// Peer-to-peer neighbours, drawn faintly behind everything.
    Overlay,
    /// The hops one lookup took, drawn boldly so it can be followed.
    Route,
}

impl Lines {
    pub fn label(self) -> &'static str {
        match self {
            Lines::Overlay => "Line: an overlay link",
            Lines::Route => "Bold line: the newest lookup's route, hop by hop",
        }
    }
}

/// The symbols a drawing uses, so its key lists those and no others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legend {
    /// In the order the key lists them.
    pub roles: Vec<Role>,
    pub traffic: Vec<Traffic>,
    /// Nodes can be offline (crossed out): they fail, churn or start away.
    pub offline: bool,
    /// A node can be chosen (the sandbox's dashed ring).
    pub selected: bool,
    pub meters: bool,
    pub queues: bool,
    /// What a line between two nodes means, where lines are drawn.
    pub lines: Option<Lines>,
    /// The client's name where the workload gives it one (a free rider,
    /// a client that only asks), in place of plain "Client".
    pub client: Option<&'static str>,
}
