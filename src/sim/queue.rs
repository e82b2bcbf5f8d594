//! The event queue: events come out in time order, and events at the same
//! tick come out in the order they were scheduled (first in, first out).
//!
//! Ties are broken by a sequence number taken when the event is pushed, never
//! by the payload or by heap layout, so a run is reproducible event for event.

use crate::sim::time::SimTime;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

#[derive(Clone, Debug)]
struct Entry<E> {
    at: SimTime,
    seq: u64,
    event: E,
}

impl<E> PartialEq for Entry<E> {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at && self.seq == other.seq
    }
}
impl<E> Eq for Entry<E> {}
impl<E> PartialOrd for Entry<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Entry<E> {
    // Reversed: BinaryHeap is a max-heap and we want the earliest first.
    fn cmp(&self, other: &Self) -> Ordering {
        other.at.cmp(&self.at).then_with(|| other.seq.cmp(&self.seq))
    }
}

#[derive(Clone, Debug)]
pub struct EventQueue<E> {
    heap: BinaryHeap<Entry<E>>,
    next_seq: u64,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue { heap: BinaryHeap::new(), next_seq: 0 }
    }
}

impl<E> EventQueue<E> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, at: SimTime, event: E) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.heap.push(Entry { at, seq, event });
    }

    /// Pushes `event` unless `at` is after `end`: a run schedules nothing
    /// past its end, so its queue runs dry exactly there.
    pub fn push_within(&mut self, at: SimTime, end: SimTime, event: E) {
        if at <= end {
            self.push(at, event);
        }
    }

    pub fn peek_time(&self) -> Option<SimTime> {
        self.heap.peek().map(|e| e.at)
    }

    /// The next event without removing it, so a workload can discard
    /// entries it has superseded before reporting its next event time.
    pub fn peek(&self) -> Option<(SimTime, &E)> {
        self.heap.peek().map(|e| (e.at, &e.event))
    }

    /// Drops every event for which `keep` is false. Survivors keep their
    /// sequence numbers, so the order of what remains is unchanged; a
    /// workload that reschedules often uses this to shed superseded entries.
    pub fn retain(&mut self, mut keep: impl FnMut(&E) -> bool) {
        let mut entries = std::mem::take(&mut self.heap).into_vec();
        entries.retain(|e| keep(&e.event));
        self.heap = BinaryHeap::from(entries);
    }

    pub fn pop(&mut self) -> Option<(SimTime, E)> {
        self.heap.pop().map(|e| (e.at, e.event))
    }

    /// Pops the next event only if it is due at or before `limit`.
    pub fn pop_until(&mut self, limit: SimTime) -> Option<(SimTime, E)> {
        match self.peek_time() {
            Some(at) if at <= limit => self.pop(),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earliest_first_then_fifo_on_ties() {
        let mut q = EventQueue::new();
        q.push(SimTime(5), "b");
        q.push(SimTime(1), "a");
        q.push(SimTime(5), "c");
        q.push(SimTime(5), "d");
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).map(|(_, e)| e).collect();
        assert_eq!(order, ["a", "b", "c", "d"]);
    }

    #[test]
    fn retain_keeps_the_order_of_survivors() {
        let mut q = EventQueue::new();
        for (t, e) in [(3, 'a'), (1, 'b'), (3, 'c'), (3, 'd'), (2, 'e')] {
            q.push(SimTime(t), e);
        }
        q.retain(|e| *e != 'c');
        assert_eq!(q.peek(), Some((SimTime(1), &'b')));
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).map(|(_, e)| e).collect();
        assert_eq!(order, ['b', 'e', 'a', 'd']);
    }

    #[test]
    fn nothing_is_pushed_past_the_end() {
        let mut q = EventQueue::new();
        q.push_within(SimTime(10), SimTime(10), 'a');
        q.push_within(SimTime(11), SimTime(10), 'b');
        assert_eq!(q.pop(), Some((SimTime(10), 'a')));
        assert!(q.is_empty());
    }

    #[test]
    fn pop_until_respects_the_limit() {
        let mut q = EventQueue::new();
        q.push(SimTime(10), 1);
        assert_eq!(q.pop_until(SimTime(9)), None);
        assert_eq!(q.pop_until(SimTime(10)), Some((SimTime(10), 1)));
        assert!(q.is_empty());
    }
}
