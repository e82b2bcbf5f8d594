//! Routing one lookup with nothing but each node's own tables.
//!
//! At node n: if the key lies in (predecessor, n], n holds it; if it lies
//! in (n, successor], n can answer (its successor holds it). Otherwise n
//! forwards to the closest preceding finger: the finger furthest round the
//! circle that is still short of the key. Only when every such finger has
//! been found gone does it fall back on its successor list, which is there
//! for failures (Chord's §5.3); searching the list always would shorten
//! the last step or two and take the mean below the ½·log2 N that the
//! lessons quote. Each forward strictly shortens the distance left, so a
//! lookup never loops.
//!
//! A node learns that an entry has left only by trying it: the attempt
//! costs a message and a timeout, and the lookup carries the names of the
//! nodes it found gone, so it waits on each at most once.

use super::chord::Chord;
use super::members::Peer;
use super::node::{ChordNode, Key};
use super::ring::RingId;
use serde::{Deserialize, Serialize};

/// A lookup gives up after this many forwards: with correct fingers it
/// needs about log2 N ≤ 14, so this only stops a lookup lost in stale
/// tables.
pub const MAX_HOPS: u32 = 64;

/// How a lookup ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    /// A live node holding a copy was found.
    Found { holder: RingId },
    /// Every entry that could bring it closer to the key had left.
    Stuck,
    /// It was forwarded [`MAX_HOPS`] times without arriving.
    TooManyHops,
    /// It arrived, but none of the nodes named as holders was up with a
    /// copy: the data was lost or out of reach at that moment.
    Unavailable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupResult {
    /// Forwards from the asker to the node that could answer (0 when the
    /// asker could answer itself).
    pub hops: u32,
    /// Forwards, attempts that timed out, and the answer back to the asker
    /// when there was one.
    pub messages: u32,
    /// Attempts to reach a node that had left.
    pub timeouts: u32,
    pub outcome: Outcome,
}

impl LookupResult {
    pub fn succeeded(&self) -> bool {
        matches!(self.outcome, Outcome::Found { .. })
    }
}

/// Whom the answering node names as holding the key, in the order the
/// asker tries them.
#[derive(Clone, Copy, Debug)]
enum Answer {
    /// The node itself, then its successors (where its copies are).
    Itself,
    /// Its successor list from this entry on.
    FromSuccessor(usize),
}

/// What a lookup has spent so far.
#[derive(Debug, Default)]
struct Walk {
    hops: u32,
    timeouts: u32,
    /// Nodes this lookup found gone.
    gone: Vec<Peer>,
}

impl Walk {
    fn end(self, outcome: Outcome) -> LookupResult {
        // The asker that answers itself needs no answer message.
        let answer = u32::from(matches!(outcome, Outcome::Found { .. }) && self.hops > 0);
        LookupResult {
            hops: self.hops,
            messages: self.hops.saturating_add(self.timeouts).saturating_add(answer),
            timeouts: self.timeouts,
            outcome,
        }
    }

    /// Tries `p`: true if it is up; if not, the wait is counted and `p`
    /// remembered as gone.
    fn reach(&mut self, chord: &Chord, p: Peer) -> bool {
        if chord.members.is_up(p) {
            return true;
        }
        self.timeouts += 1;
        self.gone.push(p);
        false
    }
}

impl Chord {
    /// Looks `key` up from `asker`, recording the ring positions the lookup
    /// visits (the asker first) in `path`.
    pub fn lookup(&self, asker: Peer, key: Key, path: &mut Vec<RingId>) -> LookupResult {
        let target = self.key_id(key);
        let mut walk = Walk::default();
        let mut at = asker;
        path.clear();
        path.push(self.members.id(at));
        // Each turn forwards (at most MAX_HOPS) or finds a node gone (at
        // most every node once): a bound, never met, in place of `loop`.
        for _ in 0..=MAX_HOPS.saturating_add(self.members.len()) {
            let Some(node) = self.node(at) else { break };
            let here = self.members.id(at);
            if let Some(answer) = self.answer(node, here, target, &walk.gone) {
                return self.fetch(at, node, answer, key, walk);
            }
            let Some(next) = self.closest_preceding(node, here, target, &walk.gone) else { break };
            if !walk.reach(self, next) {
                continue;
            }
            if walk.hops >= MAX_HOPS {
                return walk.end(Outcome::TooManyHops);
            }
            walk.hops += 1;
            at = next;
            path.push(self.members.id(at));
        }
        walk.end(Outcome::Stuck)
    }

    /// Whether the node at `here` can answer for `target`, by its own view.
    fn answer(&self, node: &ChordNode, here: RingId, target: RingId, gone: &[Peer]) -> Option<Answer> {
        if let Some(pred) = node.pred {
            if target.within(self.members.id(pred), here) {
                return Some(Answer::Itself);
            }
        }
        if node.successors.is_empty() {
            // Alone, as far as it knows: (n, n] is the whole circle.
            return Some(Answer::Itself);
        }
        let (j, s) = node.successors.iter().enumerate().find(|(_, s)| !gone.contains(s))?;
        target.within(here, self.members.id(*s)).then_some(Answer::FromSuccessor(j))
    }

    /// The finger closest before `target` not yet found gone, or failing
    /// that the successor-list entry closest before it.
    fn closest_preceding(&self, node: &ChordNode, here: RingId, target: RingId, gone: &[Peer]) -> Option<Peer> {
        let closest = |entries: &[Peer]| {
            entries
                .iter()
                .filter(|e| !gone.contains(e))
                .map(|e| (self.members.id(*e), *e))
                .filter(|(id, _)| id.strictly_between(here, target))
                .max_by_key(|(id, _)| here.distance_to(*id))
                .map(|(_, e)| e)
        };
        closest(&node.fingers).or_else(|| closest(&node.successors))
    }

    /// The asker tries the named holders in order: a departed one costs a
    /// timeout; a live one without a copy (it joined and has not taken
    /// its keys over yet) says so with the fetch, which is not counted.
    fn fetch(&self, at: Peer, node: &ChordNode, answer: Answer, key: Key, mut walk: Walk) -> LookupResult {
        let named: Vec<Peer> = match answer {
            Answer::Itself => std::iter::once(at).chain(node.successors.iter().copied()).collect(),
            Answer::FromSuccessor(j) => node.successors.get(j..).unwrap_or_default().to_vec(),
        };
        for p in named {
            if walk.gone.contains(&p) || !walk.reach(self, p) {
                continue;
            }
            if self.node(p).is_some_and(|n| n.holds(key)) {
                return walk.end(Outcome::Found { holder: self.members.id(p) });
            }
        }
        walk.end(Outcome::Unavailable)
    }
}
