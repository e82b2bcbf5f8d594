//! Keeping the ring together as nodes come and go: Chord's periodic
//! stabilisation, joining and leaving, and the copies that move with them.
//!
//! A round at node n, in Chord's order:
//! 1. Forget a predecessor that has left (Chord's check_predecessor).
//! 2. Take the first live entry of its successor list as its successor s;
//!    with none left, rejoin through any live node.
//! 3. If s's predecessor lies between n and s, a node joined there: it
//!    becomes n's successor instead.
//! 4. Rebuild the list as s followed by s's own list, and notify s, which
//!    takes n as its predecessor if n is closer than the one it knew.
//! 5. Take over from s the keys n is now responsible for, (pred, n]: a
//!    node that joined gets its keys this way.
//! 6. Push the keys it is responsible for to its next `copies − 1` live
//!    successors, so each stays on `copies` nodes as holders come and go.
//! 7. Refresh every finger: a real node would look each one up; the
//!    simulator gives the answer a correct lookup would give now, so
//!    fingers are exact after a round and go stale until the next.
//!
//! Pinging entries during a round is upkeep, not lookup traffic, so none
//! of it is counted in a lookup's messages. Copies are never deleted while
//! their node stays up: an extra copy is harmless, and a departing node
//! loses everything it held.

use super::chord::Chord;
use super::members::Peer;
use super::node::{ChordNode, Key};

impl Chord {
    /// One round of stabilisation at `me`; nothing if it is down.
    pub fn stabilise(&mut self, me: Peer) {
        if !self.members.is_up(me) {
            return;
        }
        let Some(node) = self.node(me) else { return };
        let pred = node.pred.filter(|q| self.members.is_up(*q));
        let succ = node
            .successors
            .iter()
            .copied()
            .find(|s| self.members.is_up(*s))
            .or_else(|| self.members.live_after(me))
            .map(|s| self.joined_between(me, s));
        let list = succ.map_or_else(Vec::new, |s| self.list_through(me, s));
        if let Some(s) = succ {
            self.notify(s, me);
        }
        if let Some(n) = self.nodes.get_mut(me.index()) {
            n.pred = pred;
            n.successors = list;
        }
        if let (Some(q), Some(s)) = (pred, succ) {
            self.take_over(me, q, s);
        }
        if let Some(q) = pred {
            self.push_copies(me, q);
        }
        let fingers = self.exact_fingers(me);
        if let Some(n) = self.nodes.get_mut(me.index()) {
            n.fingers = fingers;
        }
    }

    /// `me` comes back at its old place with an empty store: it asks any
    /// live node for its successor and borrows that node's list. Its
    /// fingers and predecessor wait for stabilisation.
    pub fn join(&mut self, me: Peer) {
        self.members.set_up(me, true);
        let list = self.members.live_after(me).map_or_else(Vec::new, |s| self.list_through(me, s));
        if let Some(n) = self.nodes.get_mut(me.index()) {
            *n = ChordNode::joining(me, list);
        }
    }

    /// `me` leaves without warning, and its copies with it.
    pub fn leave(&mut self, me: Peer) {
        self.members.set_up(me, false);
        if let Some(n) = self.nodes.get_mut(me.index()) {
            n.drop_store();
        }
    }

    /// Chord's stabilise: `s`'s predecessor, if live and between `me` and
    /// `s`, is a newer successor for `me`.
    fn joined_between(&self, me: Peer, s: Peer) -> Peer {
        let here = self.members.id(me);
        match self.node(s).and_then(|n| n.pred) {
            Some(x) if x != me
                && self.members.is_up(x)
                && self.members.id(x).strictly_between(here, self.members.id(s)) =>
            {
                x
            }
            _ => s,
        }
    }

    /// Chord's notify: `s` takes `me` as predecessor if it had none, its
    /// predecessor has left, or `me` is closer.
    fn notify(&mut self, s: Peer, me: Peer) {
        let candidate = self.members.id(me);
        let s_id = self.members.id(s);
        let Some(node) = self.node(s) else { return };
        let better = match node.pred {
            None => true,
            Some(q) => !self.members.is_up(q) || candidate.strictly_between(self.members.id(q), s_id),
        };
        if better {
            if let Some(n) = self.nodes.get_mut(s.index()) {
                n.pred = Some(me);
            }
        }
    }

    /// Keys in (pred, me] that `me` holds: those it is responsible for.
    fn own_keys(&self, holder: Peer, me: Peer, pred: Peer) -> Vec<Key> {
        let (from, to) = (self.members.id(pred), self.members.id(me));
        self.node(holder)
            .map(|n| n.stored().iter().copied().filter(|k| self.key_id(*k).within(from, to)).collect())
            .unwrap_or_default()
    }

    fn take_over(&mut self, me: Peer, pred: Peer, s: Peer) {
        let keys = self.own_keys(s, me, pred);
        if let Some(n) = self.nodes.get_mut(me.index()) {
            n.store_all(&keys);
        }
    }

    fn push_copies(&mut self, me: Peer, pred: Peer) {
        let extra = self.copies.saturating_sub(1) as usize;
        if extra == 0 {
            return;
        }
        let keys = self.own_keys(me, me, pred);
        let targets: Vec<Peer> = self
            .node(me)
            .map(|n| n.successors.iter().copied().filter(|p| self.members.is_up(*p)).take(extra).collect())
            .unwrap_or_default();
        for t in targets {
            if let Some(n) = self.nodes.get_mut(t.index()) {
                n.store_all(&keys);
            }
        }
    }
}
