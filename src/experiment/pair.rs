//! The two networks an experiment runs side by side, and a pair of
//! anything kept for each of them, indexed by the side rather than by 0
//! and 1.

use std::ops::{Index, IndexMut};

/// Which of the two networks an experiment runs side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The left panel: client-server (or the central index).
    Central,
    /// The right panel: peer-to-peer (or the hybrid design).
    Distributed,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Central, Side::Distributed];

    /// Its place in a pair: 0 on the left, 1 on the right (element ids).
    pub fn index(self) -> usize {
        match self {
            Side::Central => 0,
            Side::Distributed => 1,
        }
    }

    /// A stable name for tests and styles.
    pub fn key(self) -> &'static str {
        match self {
            Side::Central => "central",
            Side::Distributed => "distributed",
        }
    }
}

/// One value per side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pair<T>(pub [T; 2]);

impl<T> Pair<T> {
    pub fn new(central: T, distributed: T) -> Pair<T> {
        Pair([central, distributed])
    }

    /// Builds each side's value from the side.
    pub fn from_fn(mut f: impl FnMut(Side) -> T) -> Pair<T> {
        Pair([f(Side::Central), f(Side::Distributed)])
    }

    /// The same question asked of both sides.
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Pair<U> {
        Pair([f(&self.0[0]), f(&self.0[1])])
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut()
    }

    /// Each side with its value.
    pub fn sides(&self) -> impl Iterator<Item = (Side, &T)> {
        Side::BOTH.into_iter().zip(self.0.iter())
    }
}

impl<T> Index<Side> for Pair<T> {
    type Output = T;
    fn index(&self, side: Side) -> &T {
        match side {
            Side::Central => &self.0[0],
            Side::Distributed => &self.0[1],
        }
    }
}

impl<T> IndexMut<Side> for Pair<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Central => &mut self.0[0],
            Side::Distributed => &mut self.0[1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_indexed_by_side() {
        let mut p = Pair::from_fn(|s| s.key().len());
        assert_eq!((p[Side::Central], p[Side::Distributed]), (7, 11));
        p[Side::Distributed] = 1;
        assert_eq!(p.map(|v| v * 2), Pair::new(14, 2));
        assert_eq!(p.sides().map(|(s, _)| s).collect::<Vec<_>>(), Side::BOTH.to_vec());
    }
}
