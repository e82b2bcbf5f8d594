//! Things in flight (messages on the wire, searches under way), keyed by
//! ids this store hands out itself, 0, 1, 2, ... in the order things start.
//!
//! A slab: slot `i` holds id `base + i`, or `None` once it is gone, and
//! slots at the front are dropped as soon as they are empty. Everything in
//! flight ends within a bounded time (a few hops), so the slab spans only
//! what started since the oldest live entry, and every operation is O(1)
//! (amortised). Iteration is in id order, that is, oldest first, as the
//! ordered map it replaces gave. It compiles to a fraction of a B-tree's
//! code.

use std::collections::VecDeque;

#[derive(Clone, Debug)]
pub(crate) struct InFlight<T> {
    slots: VecDeque<Option<T>>,
    /// The id of `slots[0]`. Invariant: `base + slots.len()` is the next id.
    base: u64,
    live: u64,
}

impl<T> Default for InFlight<T> {
    fn default() -> Self {
        InFlight { slots: VecDeque::new(), base: 0, live: 0 }
    }
}

impl<T> InFlight<T> {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The id the next [`InFlight::push`] will return.
    pub(crate) fn next_id(&self) -> u64 {
        self.base + self.slots.len() as u64
    }

    /// Entries present.
    pub(crate) fn len(&self) -> u64 {
        self.live
    }

    pub(crate) fn push(&mut self, value: T) -> u64 {
        let id = self.next_id();
        self.slots.push_back(Some(value));
        self.live += 1;
        id
    }

    fn slot(&self, id: u64) -> Option<usize> {
        usize::try_from(id.checked_sub(self.base)?).ok()
    }

    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut T> {
        let i = self.slot(id)?;
        self.slots.get_mut(i)?.as_mut()
    }

    pub(crate) fn remove(&mut self, id: u64) -> Option<T> {
        let i = self.slot(id)?;
        let value = self.slots.get_mut(i)?.take()?;
        self.live -= 1;
        while let Some(None) = self.slots.front() {
            self.slots.pop_front();
            self.base += 1;
        }
        Some(value)
    }

    /// Puts back what [`InFlight::remove`] took out under `id`, in its
    /// place in the order. Ids never handed out are ignored.
    pub(crate) fn put_back(&mut self, id: u64, value: T) {
        if id >= self.next_id() {
            return;
        }
        while self.base > id {
            self.slots.push_front(None);
            self.base -= 1;
        }
        if let Some(slot) = self.slot(id).and_then(|i| self.slots.get_mut(i)) {
            if slot.is_none() {
                self.live += 1;
            }
            *slot = Some(value);
        }
    }

    /// Oldest first.
    pub(crate) fn values(&self) -> impl Iterator<Item = &T> + '_ {
        self.slots.iter().flatten()
    }

    /// The `n` oldest: what a snapshot draws, so a flood of messages cannot
    /// swamp the drawing.
    pub(crate) fn oldest(&self, n: u32) -> impl Iterator<Item = &T> + '_ {
        self.values().take(n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_handed_out_in_order_and_iteration_is_oldest_first() {
        let mut f = InFlight::new();
        let ids: Vec<u64> = (0..5).map(|v| f.push(v * 10)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4]);
        assert_eq!(f.remove(2), Some(20));
        assert_eq!(f.remove(2), None);
        assert_eq!(f.remove(0), Some(0));
        assert_eq!(f.values().copied().collect::<Vec<_>>(), [10, 30, 40]);
        assert_eq!(f.len(), 3);
        assert_eq!(f.push(50), 5);
        if let Some(v) = f.get_mut(3) {
            *v += 1;
        }
        assert_eq!(f.values().copied().collect::<Vec<_>>(), [10, 31, 40, 50]);
        assert_eq!((f.remove(99), f.get_mut(0)), (None, None));
    }

    #[test]
    fn put_back_restores_the_place_even_after_the_front_was_dropped() {
        let mut f = InFlight::new();
        for v in 0..3 {
            f.push(v);
        }
        let v = f.remove(0).unwrap_or_default();
        assert_eq!(f.remove(1), Some(1));
        f.put_back(0, v + 100);
        f.put_back(7, 7);
        assert_eq!(f.values().copied().collect::<Vec<_>>(), [100, 2]);
        assert_eq!(f.len(), 2);
        assert_eq!(f.next_id(), 3);
        assert_eq!((f.remove(0), f.remove(2), f.len(), f.next_id()), (Some(100), Some(2), 0, 3));
        assert_eq!(f.values().count(), 0);
    }
}
