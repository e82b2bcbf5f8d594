//! The receivers that still lack an unclaimed chunk, least far along first.
//!
//! The order is exactly that of the `(claimed count, tiebreak, id)` triples
//! it replaces: ascending claimed count, then ascending tiebreak, then
//! ascending node id. Tiebreak and id never change during a run, so the
//! pair is replaced by its fixed *rank* among all receivers (sorted once, at
//! the start), and the set becomes a bucket queue: one bitset over ranks per
//! claimed count. Walking the buckets in ascending count and each bitset in
//! ascending rank visits the receivers in the same order as the triples.
//!
//! A receiver only ever moves from count `c` to `c + 1` or leaves (once it
//! has claimed everything), so every update is O(1) and the lowest
//! non-empty bucket only moves up.

#[derive(Clone, Debug)]
pub(super) struct Candidates {
    /// Bitset words per bucket: `ceil(receivers / 64)`.
    words: u32,
    /// Bucket `c` (receivers that have claimed `c` chunks) is
    /// `bits[c * words .. (c + 1) * words]`, bit `r` for rank `r`.
    bits: Vec<u64>,
    /// Receivers in each bucket.
    len: Vec<u32>,
    /// No bucket below this one is non-empty.
    lowest: u32,
    /// Node id of the receiver with each rank.
    by_rank: Vec<u32>,
    /// Rank of each node id (unused for the server, id 0).
    rank: Vec<u32>,
}

impl Candidates {
    /// Every receiver `1..=tiebreaks.len()` with nothing claimed; receiver
    /// `i` has tiebreak `tiebreaks[i - 1]`. `buckets` is the number of
    /// chunks: a receiver that has claimed them all is no candidate.
    pub(super) fn new(tiebreaks: &[u32], buckets: u32) -> Candidates {
        let n = tiebreaks.len() as u32;
        // (tiebreak, id) in one integer: ids are distinct, so the keys are
        // too, and an unstable sort gives the one possible order.
        let mut keys: Vec<u64> = tiebreaks.iter().zip(1u32..).map(|(&t, i)| u64::from(t) << 32 | u64::from(i)).collect();
        keys.sort_unstable();
        let by_rank: Vec<u32> = keys.iter().map(|&k| k as u32).collect();
        let mut rank = vec![0u32; n as usize + 1];
        for (&id, r) in by_rank.iter().zip(0u32..) {
            if let Some(slot) = rank.get_mut(id as usize) {
                *slot = r;
            }
        }
        let words = n.div_ceil(64);
        let mut c = Candidates {
            words,
            bits: vec![0; buckets as usize * words as usize],
            len: vec![0; buckets as usize],
            lowest: 0,
            by_rank,
            rank,
        };
        for id in 1..=n {
            c.insert(id, 0);
        }
        c
    }

    fn slot(&self, id: u32, count: u32) -> Option<(usize, u64)> {
        let r = *self.rank.get(id as usize)?;
        if id == 0 || count as usize >= self.len.len() {
            return None;
        }
        let word = count as usize * self.words as usize + (r / 64) as usize;
        Some((word, 1u64 << (r % 64)))
    }

    /// Adds receiver `id` with `count` chunks claimed.
    pub(super) fn insert(&mut self, id: u32, count: u32) {
        let Some((word, bit)) = self.slot(id, count) else { return };
        let Some(w) = self.bits.get_mut(word) else { return };
        if *w & bit == 0 {
            *w |= bit;
            if let Some(l) = self.len.get_mut(count as usize) {
                *l += 1;
            }
            self.lowest = self.lowest.min(count);
        }
    }

    /// Removes receiver `id` with `count` chunks claimed; false if it was
    /// not there.
    pub(super) fn remove(&mut self, id: u32, count: u32) -> bool {
        let Some((word, bit)) = self.slot(id, count) else { return false };
        let Some(w) = self.bits.get_mut(word) else { return false };
        if *w & bit == 0 {
            return false;
        }
        *w &= !bit;
        if let Some(l) = self.len.get_mut(count as usize) {
            *l = l.saturating_sub(1);
        }
        while self.len.get(self.lowest as usize).is_some_and(|&l| l == 0) {
            self.lowest += 1;
        }
        true
    }

    /// Receiver ids, least far along first (see the module notes).
    pub(super) fn iter(&self) -> Iter<'_> {
        Iter { set: self, bucket: self.lowest, word: 0, current: 0 }
    }
}

pub(super) struct Iter<'a> {
    set: &'a Candidates,
    bucket: u32,
    /// Next word of the bucket to load into `current`.
    word: u32,
    /// Bits of the word before `word` not yet visited.
    current: u64,
}

impl Iterator for Iter<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let set = self.set;
        loop {
            if self.current != 0 {
                let r = (self.word - 1) * 64 + self.current.trailing_zeros();
                self.current &= self.current - 1;
                return set.by_rank.get(r as usize).copied();
            }
            if self.word == 0 {
                // Entering a bucket: skip it whole if it is empty.
                if *set.len.get(self.bucket as usize)? == 0 {
                    self.bucket += 1;
                    continue;
                }
            }
            if self.word == set.words {
                self.bucket += 1;
                self.word = 0;
                continue;
            }
            let at = self.bucket as usize * set.words as usize + self.word as usize;
            self.current = set.bits.get(at).copied().unwrap_or(0);
            self.word += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Random moves, checked against the ordered set of triples it replaces.
    #[test]
    fn same_order_as_ordered_triples() {
        let mut rng = crate::sim::rng::Rng::new(5);
        for n in [1u32, 2, 63, 64, 65, 130] {
            for k in [1u32, 3, 20] {
                // Small tiebreaks, so equal ones (broken by id) are common.
                let tb: Vec<u32> = (0..n).map(|_| rng.below(7)).collect();
                let mut c = Candidates::new(&tb, k);
                let mut want: BTreeSet<(u32, u32, u32)> = (1..=n).map(|i| (0, tb[i as usize - 1], i)).collect();
                let mut count = vec![0u32; n as usize + 1];
                for _ in 0..(n * k * 2) {
                    let id = 1 + rng.below(n);
                    let before = (count[id as usize], tb[id as usize - 1], id);
                    let removed = c.remove(id, count[id as usize]);
                    assert_eq!(removed, want.remove(&before));
                    if count[id as usize] < k {
                        count[id as usize] += 1;
                    }
                    if removed && count[id as usize] < k {
                        c.insert(id, count[id as usize]);
                        want.insert((count[id as usize], tb[id as usize - 1], id));
                    }
                    let got: Vec<u32> = c.iter().collect();
                    let expect: Vec<u32> = want.iter().map(|&(_, _, i)| i).collect();
                    assert_eq!(got, expect);
                }
            }
        }
    }

    #[test]
    fn out_of_range_is_ignored() {
        let mut c = Candidates::new(&[3, 1], 2);
        assert!(!c.remove(0, 0));
        assert!(!c.remove(3, 0));
        assert!(!c.remove(1, 2));
        c.insert(1, 5);
        assert_eq!(c.iter().collect::<Vec<_>>(), vec![2, 1]);
    }
}
