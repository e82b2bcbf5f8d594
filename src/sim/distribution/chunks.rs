//! A set of chunk numbers as a bitset: the question the swarm asks most,
//! "what does this sender hold that this receiver lacks?", is one AND-NOT per
//! 64 chunks.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChunkSet {
    words: Vec<u64>,
    len: u32,
    count: u32,
}

impl ChunkSet {
    pub fn empty(len: u32) -> ChunkSet {
        ChunkSet { words: vec![0; len.div_ceil(64) as usize], len, count: 0 }
    }

    pub fn full(len: u32) -> ChunkSet {
        let mut words = vec![u64::MAX; len.div_ceil(64) as usize];
        // Keep bits past the last chunk clear, so AND-NOT never yields a
        // chunk that does not exist.
        let tail = len % 64;
        if tail != 0 {
            if let Some(last) = words.last_mut() {
                *last = (1u64 << tail) - 1;
            }
        }
        ChunkSet { words, len, count: len }
    }

    /// Chunks in the file (not chunks held: see [`ChunkSet::count`]).
    pub fn len(&self) -> u32 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn count(&self) -> u32 {
        self.count
    }

    pub fn is_complete(&self) -> bool {
        self.count == self.len
    }

    pub fn contains(&self, chunk: u32) -> bool {
        self.words.get((chunk / 64) as usize).is_some_and(|w| w & (1u64 << (chunk % 64)) != 0)
    }

    /// True when the chunk was not yet in the set.
    pub fn insert(&mut self, chunk: u32) -> bool {
        if chunk >= self.len {
            return false;
        }
        let Some(w) = self.words.get_mut((chunk / 64) as usize) else { return false };
        let bit = 1u64 << (chunk % 64);
        if *w & bit != 0 {
            return false;
        }
        *w |= bit;
        self.count += 1;
        true
    }

    /// True when the chunk was in the set.
    pub fn remove(&mut self, chunk: u32) -> bool {
        let Some(w) = self.words.get_mut((chunk / 64) as usize) else { return false };
        let bit = 1u64 << (chunk % 64);
        if *w & bit == 0 {
            return false;
        }
        *w &= !bit;
        self.count -= 1;
        true
    }

    /// The chunks in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().zip(0u32..).flat_map(|(&w, i)| {
            let mut rest = w;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros();
                    rest &= rest - 1;
                    i * 64 + bit
                })
            })
        })
    }

    /// The lowest chunk not in the set.
    pub fn first_missing(&self) -> Option<u32> {
        self.words.iter().zip(0u32..).find_map(|(w, i)| {
            let c = i * 64 + (!w).trailing_zeros();
            (*w != u64::MAX && c < self.len).then_some(c)
        })
    }

    pub(super) fn words(&self) -> &[u64] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_sets_have_no_phantom_chunks() {
        for len in [1, 63, 64, 65, 100, 128] {
            let full = ChunkSet::full(len);
            assert_eq!(full.count(), len);
            let bits: u32 = full.words().iter().map(|w| w.count_ones()).sum();
            assert_eq!(bits, len);
            assert_eq!(full.first_missing(), None);
        }
    }

    #[test]
    fn insert_counts_once_and_ignores_out_of_range() {
        let mut s = ChunkSet::empty(70);
        assert!(s.insert(69));
        assert!(!s.insert(69));
        assert!(!s.insert(70));
        assert_eq!(s.count(), 1);
        assert!(s.contains(69) && !s.contains(0));
        assert_eq!(s.first_missing(), Some(0));
        for c in 0..69 {
            s.insert(c);
        }
        assert!(s.is_complete());
    }

    #[test]
    fn remove_and_iter_agree_with_insert() {
        let mut s = ChunkSet::empty(130);
        for c in [0, 63, 64, 129] {
            s.insert(c);
        }
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        assert!(s.remove(64) && !s.remove(64) && !s.remove(500));
        assert_eq!((s.count(), s.iter().collect::<Vec<_>>()), (3, vec![0, 63, 129]));
        assert_eq!(ChunkSet::full(65).iter().count(), 65);
    }
}
