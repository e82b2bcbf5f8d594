//! The key to the drawings: only the symbols this lab's views draw.

use super::Lab;
use crate::experiment::bench::NodeSetting;
use crate::experiment::pair::Side;
use crate::experiment::view::{Legend, Traffic};
use crate::sim::node::Role;

impl Lab {
    /// The symbols the drawings use, for their key.
    pub fn legend(&self) -> Legend {
        let views = &self.picture.views;
        let has = |role: Role| views.iter().any(|v| v.nodes.iter().any(|n| n.role == role));
        let roles = [Role::Server, Role::Index, Role::Client, Role::Peer].into_iter().filter(|r| has(*r)).collect();
        let traffic = match &self.runs {
            Some(runs) => [Traffic::Request, Traffic::Response, Traffic::Data]
                .into_iter()
                .filter(|t| runs.iter().any(|r| r.traffic().contains(t)))
                .collect(),
            None => Vec::new(),
        };
        let churns = self.runs.as_ref().is_some_and(|r| r.iter().any(|s| s.churn().is_some()));
        let down_now = views.iter().any(|v| v.nodes.iter().any(|n| !n.up));
        Legend {
            roles,
            traffic,
            offline: churns || down_now || Side::BOTH.into_iter().any(|s| self.can_fail(s)),
            selected: self.interactive && self.bench.animated,
            meters: self.bench.animated,
            queues: views.iter().any(|v| !v.queues.is_empty()),
            lines: self.runs.as_ref().and_then(|r| r.iter().find_map(|s| s.lines())),
            client: self.bench.per_node.iter().find_map(|s| match s {
                NodeSetting::Role(words) => Some(words.client),
                _ => None,
            }),
        }
    }
}
