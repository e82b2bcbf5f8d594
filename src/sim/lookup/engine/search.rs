//! Searches: a central lookup (ask the server or index, get one answer) or
//! a flood through the overlay, and how each one ends.

use super::*;

impl LookupSim {
    pub(super) fn begin_query(&mut self, origin: NodeId, item: u32) {
        // Nothing else starts a search before `push` below, so this is the
        // id it will return.
        let id = self.queries.next_id();
        self.counters.queries += 1;
        self.counters.in_progress += 1;
        let mut q = Query {
            origin,
            item,
            seen: Seen::default(),
            outstanding: 0,
            query_messages: 0,
            answer_messages: 0,
            first_hit: None,
            flood: self.s.architecture == Architecture::PeerToPeer,
        };
        q.seen.insert(origin);
        if let Some(stale) = self.copy_at(origin, item) {
            self.counters.local_hits += 1;
            q.first_hit = Some((0, stale));
            return self.finish(q);
        }
        match self.s.architecture {
            Architecture::ClientServer | Architecture::Hybrid => {
                self.send_counted(&mut q, Payload::Ask { query: id }, origin, NodeId(0), 1);
            }
            Architecture::PeerToPeer => {
                let next: Vec<NodeId> = self.overlay.neighbours(origin).collect();
                for n in next {
                    self.send_counted(&mut q, Payload::Flood { query: id, depth: 1 }, origin, n, 1);
                }
            }
        }
        if q.outstanding == 0 {
            self.finish(q);
        } else {
            self.queries.push(q);
        }
    }

    /// `Some(stale)` if `node` is up and holds a copy of `item`.
    pub(super) fn copy_at(&self, node: NodeId, item: u32) -> Option<bool> {
        if !self.is_up(node) {
            return None;
        }
        let latest = self.latest.get(item as usize).copied().unwrap_or(0);
        if self.s.architecture == Architecture::ClientServer {
            return (node == NodeId(0)).then_some(false);
        }
        let copies = self.replicas.get(item as usize)?;
        copies.iter().find(|r| r.node == node).map(|r| r.version < latest)
    }

    /// Message `msg` arrives: it leaves the wire and is handled.
    pub(super) fn deliver(&mut self, msg: u64) {
        let Some(m) = self.messages.remove(msg) else { return };
        if let Some(h) = self.handled.get_mut(m.to.index()) {
            *h += 1;
        }
        match m.payload {
            Payload::Flood { query, depth } => self.on_flood(query, depth, m.from, m.to),
            Payload::HitReply { query } => self.settle(query, |_| {}),
            Payload::Ask { query } => self.on_ask(query, m.to),
            Payload::Answer { query, found } => self.settle(query, |q| q.first_hit = found.map(|s| (1, s))),
            Payload::Push { item, version } => self.on_push(item, version, m.to),
        }
    }

    /// A message of `query` arrived: `effect` records what it says; the
    /// search ends when nothing of it is left on the wire.
    pub(super) fn settle(&mut self, query: u64, effect: impl FnOnce(&mut Query)) {
        let Some(q) = self.queries.get_mut(query) else { return };
        q.outstanding = q.outstanding.saturating_sub(1);
        effect(q);
        if q.outstanding == 0 {
            if let Some(q) = self.queries.remove(query) {
                self.finish(q);
            }
        }
    }

    pub(super) fn on_flood(&mut self, query: u64, depth: u32, from: NodeId, at: NodeId) {
        let Some(mut q) = self.queries.remove(query) else { return };
        q.outstanding = q.outstanding.saturating_sub(1);
        if self.is_up(at) {
            if !q.seen.insert(at) {
                self.counters.duplicates += 1;
            } else {
                if let Some(stale) = self.copy_at(at, q.item) {
                    if q.first_hit.is_none() {
                        q.first_hit = Some((depth, stale));
                    }
                    let back = SimDuration(self.hop.0.saturating_mul(u64::from(depth)));
                    self.send_after(Payload::HitReply { query }, at, q.origin, back);
                    q.outstanding += 1;
                    q.answer_messages = q.answer_messages.saturating_add(depth);
                    self.counters.answer_messages += u64::from(depth);
                }
                if depth < self.s.ttl {
                    let next: Vec<NodeId> = self.overlay.neighbours(at).filter(|n| *n != from).collect();
                    for n in next {
                        self.send_counted(&mut q, Payload::Flood { query, depth: depth + 1 }, at, n, 1);
                    }
                }
            }
        }
        if q.outstanding == 0 {
            self.finish(q);
        } else {
            self.queries.put_back(query, q);
        }
    }

    pub(super) fn on_ask(&mut self, query: u64, hub: NodeId) {
        let Some(mut q) = self.queries.remove(query) else { return };
        q.outstanding = q.outstanding.saturating_sub(1);
        if !self.is_up(hub) {
            return self.finish(q);
        }
        let found = match self.s.architecture {
            Architecture::Hybrid => self.pick_live_copy(q.item),
            _ => Some(false),
        };
        self.counters.answer_messages += 1;
        q.answer_messages = q.answer_messages.saturating_add(1);
        q.outstanding += 1;
        self.send_after(Payload::Answer { query, found }, hub, q.origin, self.hop);
        self.queries.put_back(query, q);
    }

    /// The index points at a live copy at random: `Some(stale)`.
    pub(super) fn pick_live_copy(&mut self, item: u32) -> Option<bool> {
        let latest = self.latest.get(item as usize).copied().unwrap_or(0);
        let live: Vec<bool> = self
            .replicas
            .get(item as usize)?
            .iter()
            .filter(|r| self.up.get(r.node.index()).copied().unwrap_or(false))
            .map(|r| r.version < latest)
            .collect();
        let pick = self.choice_rng.below(live.len() as u32);
        live.get(pick as usize).copied()
    }

    pub(super) fn finish(&mut self, q: Query) {
        self.counters.in_progress = self.counters.in_progress.saturating_sub(1);
        let stale = q.first_hit.is_some_and(|(_, s)| s);
        match q.first_hit {
            Some(_) => self.counters.hits += 1,
            None => self.counters.misses += 1,
        }
        if stale {
            self.counters.stale_reads += 1;
        }
        self.outcomes.push(QueryOutcome {
            origin: q.origin,
            item: q.item,
            hops_to_hit: q.first_hit.map(|(h, _)| h),
            query_messages: q.query_messages,
            answer_messages: q.answer_messages,
            reached: if q.flood { q.seen.count } else { 0 },
            stale,
        });
    }

    /// Sends one query-or-answer message of a search, counting it.
    pub(super) fn send_counted(&mut self, q: &mut Query, payload: Payload, from: NodeId, to: NodeId, count: u32) {
        q.outstanding += 1;
        q.query_messages = q.query_messages.saturating_add(count);
        self.counters.query_messages += u64::from(count);
        self.send_after(payload, from, to, self.hop);
    }

    pub(super) fn send_after(&mut self, payload: Payload, from: NodeId, to: NodeId, delay: SimDuration) {
        let arrive_at = self.now + delay;
        let msg = self.messages.push(Message { payload, from, to, sent_at: self.now, arrive_at });
        self.events.push(arrive_at, Event::Deliver { msg });
    }
}
