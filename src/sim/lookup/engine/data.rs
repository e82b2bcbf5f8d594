//! Data on peers: updates, their propagation, and copies going offline
//! and coming back with their peers.

use super::*;

impl LookupSim {
    pub(super) fn update(&mut self, item: u32) {
        let Some(latest) = self.latest.get_mut(item as usize) else { return };
        if self.s.architecture == Architecture::ClientServer {
            // Data lives in one place: every reader sees the new version.
            if self.up.first().copied().unwrap_or(false) {
                *latest += 1;
                self.counters.updates += 1;
            } else {
                self.counters.updates_lost += 1;
            }
            return;
        }
        let old = *latest;
        let live: Vec<NodeId> = self
            .replicas
            .get(item as usize)
            .into_iter()
            .flatten()
            .filter(|r| self.up.get(r.node.index()).copied().unwrap_or(false))
            .map(|r| r.node)
            .collect();
        let Some(&writer) = live.get(self.update_rng.below(live.len() as u32) as usize) else {
            self.counters.updates_lost += 1;
            return;
        };
        self.counters.updates += 1;
        let new = old + 1;
        if let Some(l) = self.latest.get_mut(item as usize) {
            *l = new;
        }
        for r in self.replicas.get_mut(item as usize).into_iter().flatten() {
            let Some(stale) = self.stale_copies.get_mut(r.node.index()) else { continue };
            if r.node == writer {
                if r.version < old {
                    *stale = stale.saturating_sub(1);
                }
                r.version = new;
            } else if r.version == old {
                *stale += 1;
            }
        }
        if let Propagation::Push { delay_ms } = self.s.propagation {
            let at = self.now + SimDuration::from_secs_f64_ceil(delay_ms / 1_000.0);
            self.events.push(at, Event::PushDue { item, writer, version: new });
        }
    }

    pub(super) fn push(&mut self, item: u32, writer: NodeId, version: u32) {
        if !self.is_up(writer) {
            return;
        }
        let others: Vec<NodeId> =
            self.replicas.get(item as usize).into_iter().flatten().map(|r| r.node).filter(|n| *n != writer).collect();
        for to in others {
            self.counters.push_messages += 1;
            self.send_after(Payload::Push { item, version }, writer, to, self.hop);
        }
    }

    /// A returning replica compares version numbers with a live copy of
    /// each item it holds and fetches any newer version: the newest live
    /// copy answers, one hop there and one back.
    fn catch_up(&mut self, node: NodeId) {
        let items = self.held.get(node.index()).cloned().unwrap_or_default();
        for item in items {
            let Some(copies) = self.replicas.get(item as usize) else { continue };
            let mine = copies.iter().find(|r| r.node == node).map_or(0, |r| r.version);
            let newest = copies.iter().filter(|r| r.node != node && self.is_up(r.node)).max_by_key(|r| r.version).copied();
            if let Some(from) = newest.filter(|r| r.version > mine) {
                self.counters.push_messages += 2;
                let both_ways = self.hop + self.hop;
                self.send_after(Payload::Push { item, version: from.version }, from.node, node, both_ways);
            }
        }
    }

    pub(super) fn on_push(&mut self, item: u32, version: u32, at: NodeId) {
        if !self.is_up(at) {
            return;
        }
        let latest = self.latest.get(item as usize).copied().unwrap_or(0);
        let Some(r) = self.replicas.get_mut(item as usize).and_then(|c| c.iter_mut().find(|r| r.node == at)) else {
            return;
        };
        if version <= r.version {
            return;
        }
        let was_stale = r.version < latest;
        r.version = version;
        if was_stale && version >= latest {
            if let Some(s) = self.stale_copies.get_mut(at.index()) {
                *s = s.saturating_sub(1);
            }
        }
    }

}

#[cfg(test)]
impl LookupSim {
    /// Recounts from scratch what the run keeps incrementally.
    pub(crate) fn audit(&self) -> Result<(), String> {
        for (i, stale) in self.stale_copies.iter().enumerate() {
            let recount = self
                .replicas
                .iter()
                .zip(&self.latest)
                .filter(|(copies, latest)| copies.iter().any(|r| r.node.index() == i && r.version < **latest))
                .count() as u32;
            if recount != *stale {
                return Err(format!("node {i}: {stale} stale copies counted, {recount} found"));
            }
        }
        let live = self
            .replicas
            .iter()
            .filter(|copies| copies.iter().any(|r| self.is_up(r.node)))
            .count() as u32;
        if live != self.items_with_live_copy {
            return Err(format!("{} items counted available, {live} found", self.items_with_live_copy));
        }
        let outstanding: u64 = self.queries.values().map(|q| u64::from(q.outstanding)).sum();
        let search_messages =
            self.messages.values().filter(|m| !matches!(m.payload, Payload::Push { .. })).count() as u64;
        if outstanding != search_messages {
            return Err(format!("{outstanding} messages outstanding, {search_messages} on the wire"));
        }
        if self.queries.len() != self.counters.in_progress {
            return Err("searches in progress miscounted".into());
        }
        Ok(())
    }
}

impl Faults for LookupSim {
    fn node_count(&self) -> u32 {
        self.s.node_count()
    }

    fn is_up(&self, node: NodeId) -> bool {
        self.up.get(node.index()).copied().unwrap_or(false)
    }

    fn apply_fault(&mut self, node: NodeId, action: FaultAction) {
        let Some(up) = self.up.get_mut(node.index()) else { return };
        let now_up = action == FaultAction::Revive;
        if *up == now_up {
            return;
        }
        *up = now_up;
        if now_up && self.s.catch_up {
            self.catch_up(node);
        }
        for item in self.held.get(node.index()).into_iter().flatten() {
            let Some(c) = self.live_copies.get_mut(*item as usize) else { continue };
            if now_up {
                *c += 1;
                if *c == 1 {
                    self.items_with_live_copy += 1;
                }
            } else {
                *c = c.saturating_sub(1);
                if *c == 0 {
                    self.items_with_live_copy = self.items_with_live_copy.saturating_sub(1);
                }
            }
        }
    }
}
