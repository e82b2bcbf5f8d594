//! Items and their copies: which are reachable as nodes come and go,
//! requests for them, and re-replication.

use super::*;

impl ChurnSim {
    pub(super) fn set_up(&mut self, node: NodeId, up: bool) {
        let now = self.now;
        let Some(n) = self.nodes.get_mut(node.index()) else { return };
        n.set(up, now);
        self.bump(node);
        let hub = self.is_hub(node);
        if !hub {
            self.peers_online = if up { self.peers_online + 1 } else { self.peers_online.saturating_sub(1) };
        }
        let items = self.held.get(node.index()).cloned().unwrap_or_default();
        for &item in &items {
            if let Some(l) = self.live.get_mut(item as usize) {
                *l = if up { *l + 1 } else { l.saturating_sub(1) };
            }
            self.refresh_item(item);
        }
        if hub && self.s.architecture == Architecture::Hybrid {
            for item in 0..self.s.items {
                self.refresh_item(item);
            }
        }
        if let (false, false, Some(r)) = (up, hub, self.s.rereplication) {
            let at = now + SimDuration::from_secs_f64_ceil(r.delay_s);
            if at <= self.end {
                for item in items {
                    self.events.push(at, Event::Rereplicate { item, node, left: now });
                }
            }
        }
    }

    pub(super) fn refresh_item(&mut self, item: u32) {
        let index_up = self.s.architecture != Architecture::Hybrid || self.is_up(NodeId(0));
        let available = index_up && self.live.get(item as usize).is_some_and(|l| *l > 0);
        let now = self.now;
        let Some(it) = self.items.get_mut(item as usize) else { return };
        if it.on != available {
            it.set(available, now);
            self.items_available =
                if available { self.items_available + 1 } else { self.items_available.saturating_sub(1) };
        }
    }

    pub(super) fn request(&mut self) {
        self.schedule_request();
        let node = self.s.user_node(self.requests.below(self.s.peers));
        let item = self.requests.below(self.s.items);
        if !self.is_up(node) {
            return;
        }
        self.counters.requests += 1;
        let own = self.held.get(node.index()).is_some_and(|h| h.contains(&item));
        let available = self.items.get(item as usize).is_some_and(|i| i.on);
        if own || available {
            self.counters.succeeded += 1;
        } else {
            self.counters.failed += 1;
        }
    }

    pub(super) fn rereplicate(&mut self, item: u32, gone: NodeId, left: SimTime) {
        let away_since_then = self.nodes.get(gone.index()).is_some_and(|n| !n.on && n.since == left);
        if !away_since_then {
            return;
        }
        let Some(holders) = self.holders.get(item as usize) else { return };
        let has_source = holders.iter().any(|h| self.nodes.get(h.index()).is_some_and(|n| n.on));
        let target = if has_source { self.pick_target(item) } else { None };
        let Some(target) = target else {
            self.counters.rereplications_failed += 1;
            return;
        };
        if let Some(slot) = self.holders.get_mut(item as usize).and_then(|h| h.iter_mut().find(|h| **h == gone)) {
            *slot = target;
        }
        if let Some(h) = self.held.get_mut(gone.index()) {
            h.retain(|i| *i != item);
        }
        if let Some(h) = self.held.get_mut(target.index()) {
            h.push(item);
        }
        if let Some(l) = self.live.get_mut(item as usize) {
            *l += 1;
        }
        self.refresh_item(item);
        self.counters.rereplications += 1;
    }

    /// A live peer without a copy of `item`, uniformly: a few random draws
    /// usually find one; a scan settles the rest.
    pub(super) fn pick_target(&mut self, item: u32) -> Option<NodeId> {
        let holders = self.holders.get(item as usize)?;
        let fits = |n: NodeId, nodes: &[Uptime]| nodes.get(n.index()).is_some_and(|u| u.on) && !holders.contains(&n);
        for _ in 0..32 {
            let n = self.s.user_node(self.copies.below(self.s.peers));
            if fits(n, &self.nodes) {
                return Some(n);
            }
        }
        let all: Vec<NodeId> = (0..self.s.peers).map(|p| self.s.user_node(p)).filter(|n| fits(*n, &self.nodes)).collect();
        let pick = self.copies.below(all.len() as u32);
        all.get(pick as usize).copied()
    }
}

#[cfg(test)]
impl ChurnSim {
    /// Recounts from scratch what the run keeps incrementally.
    pub(crate) fn audit(&self) -> Result<(), String> {
        let online = (0..self.s.peers).filter(|p| self.is_up(self.s.user_node(*p))).count() as u32;
        if online != self.peers_online {
            return Err(format!("{} peers counted online, {online} found", self.peers_online));
        }
        let index_up = self.s.architecture != Architecture::Hybrid || self.is_up(NodeId(0));
        let mut available = 0;
        for (item, holders) in self.holders.iter().enumerate() {
            let live = holders.iter().filter(|h| self.is_up(**h)).count() as u32;
            if self.live.get(item) != Some(&live) {
                return Err(format!("item {item}: live copies miscounted"));
            }
            let copies = if self.s.architecture == Architecture::ClientServer { self.s.servers } else { self.s.replication };
            if holders.len() as u32 != copies {
                return Err(format!("item {item}: {} copies", holders.len()));
            }
            let on = index_up && live > 0;
            if self.items.get(item).map(|i| i.on) != Some(on) {
                return Err(format!("item {item}: availability flag wrong"));
            }
            available += u32::from(on);
            for h in holders {
                if !self.held.get(h.index()).is_some_and(|list| list.contains(&(item as u32))) {
                    return Err(format!("item {item}: holder {h} does not list it"));
                }
            }
        }
        if available != self.items_available {
            return Err("available items miscounted".into());
        }
        let listed: usize = self.held.iter().map(Vec::len).sum();
        let copies: usize = self.holders.iter().map(Vec::len).sum();
        if listed != copies {
            return Err(format!("{listed} copies listed by nodes, {copies} by items"));
        }
        Ok(())
    }
}
