//! A connection's life: opened (waiting out its latency), carrying one
//! chunk after another, closed; and a sender's upload kept in use by
//! opening more while it has room.

use super::engine::{Conn, DistributionSim, Event, PEER_MAX_CONNS, SERVER, SPARE_FRACTION};
use crate::sim::node::NodeId;
use crate::sim::time::SimDuration;

impl DistributionSim {
    /// Records that `to` will receive `chunk`.
    pub(super) fn claim(&mut self, to: u32, chunk: u32) {
        let Some(s) = self.nodes.get_mut(to as usize) else { return };
        let before = s.claimed.count();
        if !s.claimed.insert(chunk) {
            return;
        }
        let after = s.claimed.count();
        let complete = s.claimed.is_complete();
        if let Some(r) = self.rarity.get_mut(chunk as usize) {
            *r += 1;
        }
        if self.candidates.remove(to, before) && !complete {
            self.candidates.insert(to, after);
        }
    }

    pub(super) fn open_conn(&mut self, from: u32, to: u32, chunk: u32) {
        self.claim(to, chunk);
        let expect = self.net.up_capacity(NodeId(from)).min(self.net.down_capacity(NodeId(to)));
        let c = match self.free_conns.pop() {
            Some(c) => c,
            None => {
                self.conns.push(Conn { live: false, from, to, chunk, flow: None, gen: 0, expect_mbps: 0.0, due: None });
                (self.conns.len() - 1) as u32
            }
        };
        let Some(conn) = self.conns.get_mut(c as usize) else { return };
        conn.live = true;
        conn.from = from;
        conn.to = to;
        conn.chunk = chunk;
        conn.flow = None;
        conn.gen = conn.gen.wrapping_add(1);
        conn.expect_mbps = expect;
        conn.due = None;
        let gen = conn.gen;
        self.live_conns += 1;
        if let Some(s) = self.nodes.get_mut(from as usize) {
            s.conns.push(c);
            if let Err(pos) = s.targets.binary_search(&to) {
                s.targets.insert(pos, to);
            }
        }
        if let Some(s) = self.nodes.get_mut(to as usize) {
            s.incoming += 1;
        }
        if self.latency == SimDuration::ZERO {
            self.activate(c);
        } else {
            if let Some(s) = self.nodes.get_mut(from as usize) {
                s.pending += 1;
                s.pending_mbps += expect;
            }
            self.queue.push(self.now + self.latency, Event::ConnUp { conn: c, gen });
        }
    }

    pub(super) fn activate(&mut self, c: u32) {
        let now = self.now;
        let Some(conn) = self.conns.get_mut(c as usize) else { return };
        conn.flow = self.net.add_flow(now, NodeId(conn.from), NodeId(conn.to), self.chunk_mbit, c);
        let (from, expect) = (conn.from, conn.expect_mbps);
        conn.expect_mbps = 0.0;
        self.forget_pending(from, expect);
        // No event yet: the flow has no rate until the end-of-tick
        // recomputation, which schedules its completion.
    }

    pub(super) fn continue_conn(&mut self, c: u32, chunk: u32) {
        let Some(to) = self.conns.get(c as usize).map(|x| x.to) else { return };
        self.claim(to, chunk);
        let now = self.now;
        let Some(conn) = self.conns.get_mut(c as usize) else { return };
        conn.chunk = chunk;
        if let Some(f) = conn.flow {
            self.net.extend_flow(f, now, self.chunk_mbit);
        }
        self.reschedule(c);
    }

    pub(super) fn close_conn(&mut self, c: u32) {
        let Some(conn) = self.conns.get_mut(c as usize).filter(|x| x.live) else { return };
        conn.live = false;
        conn.gen = conn.gen.wrapping_add(1);
        conn.due = None;
        let (from, to, flow, expect) = (conn.from, conn.to, conn.flow.take(), conn.expect_mbps);
        match flow {
            Some(f) => {
                self.net.remove_flow(f);
            }
            None => self.forget_pending(from, expect),
        }
        if let Some(s) = self.nodes.get_mut(from as usize) {
            if let Some(pos) = s.conns.iter().position(|&x| x == c) {
                s.conns.swap_remove(pos);
            }
            if let Ok(pos) = s.targets.binary_search(&to) {
                s.targets.remove(pos);
            }
        }
        if let Some(s) = self.nodes.get_mut(to as usize) {
            s.incoming = s.incoming.saturating_sub(1);
        }
        if !self.is_client_server() {
            // The receiver's download has room again, and the server holds
            // every chunk: it may be the one to use that room.
            self.note(SERVER.0);
        }
        self.live_conns = self.live_conns.saturating_sub(1);
        self.free_conns.push(c);
    }

    pub(super) fn forget_pending(&mut self, from: u32, expect: f64) {
        let Some(s) = self.nodes.get_mut(from as usize) else { return };
        if self.latency == SimDuration::ZERO {
            return;
        }
        s.pending = s.pending.saturating_sub(1);
        // Exact zero once none are left, so rounding cannot linger.
        s.pending_mbps = if s.pending == 0 { 0.0 } else { s.pending_mbps - expect };
    }

    /// Queues the completion of the chunk on a connection at its current
    /// rate, superseding any earlier entry.
    pub(super) fn reschedule(&mut self, c: u32) {
        let now = self.now;
        let Some(conn) = self.conns.get_mut(c as usize) else { return };
        let at = conn.flow.and_then(|f| self.net.completion_time(f)).map(|t| t.max(now));
        // A rate change too small to move the arrival by a microsecond keeps
        // the queued event: fewer superseded entries in the queue.
        if at.is_some() && at == conn.due {
            return;
        }
        conn.gen = conn.gen.wrapping_add(1);
        conn.due = at;
        let gen = conn.gen;
        if let Some(at) = at {
            self.queue.push(at, Event::ChunkDone { conn: c, gen });
        }
    }

    /// End of tick: recompute rates, reschedule what changed, and let senders
    /// with idle upload open connections, until nothing more opens.
    pub(super) fn settle(&mut self) {
        let mut changed = std::mem::take(&mut self.changed);
        // Each pass opens at least one connection or stops, and connections
        // are bounded, so this ends; the cap is a second guard.
        for _ in 0..10_000 {
            changed.clear();
            changed.extend_from_slice(self.net.reallocate(self.now));
            for &f in &changed {
                if let Some(c) = self.net.tag(f) {
                    self.reschedule(c);
                    if let Some(from) = self.conns.get(c as usize).map(|x| x.from) {
                        if !self.is_client_server() {
                            self.note_quietly(from);
                        }
                    }
                }
            }
            if self.is_client_server() || !self.offer_idle_upload() {
                break;
            }
        }
        self.changed = changed;
    }

    /// Like [`Self::note`], but a sender found stuck stays stuck: a rate
    /// change elsewhere gives it nothing new to send.
    pub(super) fn note_quietly(&mut self, node: u32) {
        if let Some(s) = self.nodes.get_mut(node as usize) {
            if !s.queued && !s.stuck {
                s.queued = true;
                self.to_try.push(node);
            }
        }
    }

    /// Opens connections for noted senders whose upload is not in full use.
    /// True if any opened.
    pub(super) fn offer_idle_upload(&mut self) -> bool {
        let noted = std::mem::take(&mut self.to_try);
        let mut opened = false;
        for &u in &noted {
            if let Some(s) = self.nodes.get_mut(u as usize) {
                s.queued = false;
            }
        }
        for &u in &noted {
            opened |= self.fill_upload(u);
        }
        opened
    }

    pub(super) fn max_conns(&self, u: u32) -> u32 {
        if u == SERVER.0 {
            self.scenario.peers
        } else {
            PEER_MAX_CONNS
        }
    }

    /// Opens one connection from `u` if its upload has room, counting what
    /// connections still waiting out their latency are expected to take.
    /// One per pass: a new flow's real share is known only after the next
    /// recomputation. True if it opened one.
    pub(super) fn fill_upload(&mut self, u: u32) -> bool {
        let cap = self.net.up_capacity(NodeId(u));
        let Some(s) = self.nodes.get(u as usize) else { return false };
        if !s.up || s.stuck || s.held.count() == 0 || s.conns.len() as u32 >= self.max_conns(u) {
            return false;
        }
        if u != SERVER.0 && !self.scenario.uploads(u as usize - 1) {
            return false;
        }
        let expected = self.net.up_rate(NodeId(u)) + s.pending_mbps;
        // A choking peer sends to everyone it has unchoked at once, sharing
        // its upload among them as BitTorrent's connections do.
        let chokes = self.chokes(u);
        if !s.conns.is_empty() && expected >= cap * (1.0 - SPARE_FRACTION) && !chokes {
            return false;
        }
        let extra = !s.conns.is_empty();
        match self.pick(u, None, extra) {
            Some((to, chunk)) => {
                self.open_conn(u, to, chunk);
                if chokes {
                    // Its next unchoked peer, in the next pass.
                    self.note_quietly(u);
                }
                true
            }
            None => {
                if let Some(s) = self.nodes.get_mut(u as usize) {
                    s.stuck = true;
                }
                false
            }
        }
    }
}
