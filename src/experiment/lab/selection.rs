//! Which node of each side is selected, and moving between them by key.

use crate::experiment::pair::{Pair, Side};
use crate::experiment::view::NetView;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Next,
    Prev,
    First,
    Last,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SelectMsg {
    /// A node picked by click, tap or the node control.
    Pick(Side, u32),
    /// Keyboard moves between the nodes of one side's drawing.
    Move(Side, Nav),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection(Pair<u32>);

impl Selection {
    pub fn get(&self, side: Side) -> u32 {
        self.0[side]
    }

    pub fn update(&mut self, msg: SelectMsg, views: &Pair<NetView>) {
        match msg {
            SelectMsg::Pick(side, node) => self.0[side] = node,
            SelectMsg::Move(side, nav) => {
                let ids: Vec<u32> = views[side].nodes.iter().map(|n| n.id).collect();
                let at = ids.iter().position(|&id| id == self.0[side]).unwrap_or(0);
                let to = match nav {
                    Nav::Next => (at + 1).min(ids.len().saturating_sub(1)),
                    Nav::Prev => at.saturating_sub(1),
                    Nav::First => 0,
                    Nav::Last => ids.len().saturating_sub(1),
                };
                if let Some(&id) = ids.get(to) {
                    self.0[side] = id;
                }
            }
        }
    }

    /// After a rebuild: a selected node that is gone gives way to the last.
    pub fn keep_within(&mut self, views: &Pair<NetView>) {
        for side in Side::BOTH {
            let nodes = &views[side].nodes;
            if !nodes.iter().any(|n| n.id == self.0[side]) {
                self.0[side] = nodes.last().map_or(0, |n| n.id);
            }
        }
    }

    /// Selects each side's newest node (one just added).
    pub fn select_last(&mut self, views: &Pair<NetView>) {
        for side in Side::BOTH {
            self.0[side] = views[side].nodes.last().map_or(0, |n| n.id);
        }
    }
}
