//! Positions on Chord's identifier circle: 32-bit ids that wrap around,
//! and the intervals Chord's rules are written in.
//!
//! Every test is a clockwise distance (wrapping subtraction), so an
//! interval that crosses zero needs no special case.

use serde::{Deserialize, Serialize};

/// Bits in an identifier, and so entries in a finger table.
pub const ID_BITS: u32 = 32;

/// A point on the identifier circle of 2^32 positions: a node's id or a
/// key's hash. A newtype so a ring position is never mixed up with a
/// node's index or a key's number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RingId(pub u32);

impl RingId {
    /// Steps clockwise from `self` to `to`; 0 for the same point.
    pub fn distance_to(self, to: RingId) -> u32 {
        to.0.wrapping_sub(self.0)
    }

    /// Where finger `i` starts looking: self + 2^i, wrapping. An `i` past
    /// the last finger gives `self` rather than a panic.
    pub fn finger_start(self, i: u32) -> RingId {
        RingId(self.0.wrapping_add(1u32.checked_shl(i).unwrap_or(0)))
    }

    /// Whether `self` lies in (from, to]. (a, a] is the whole circle: a
    /// node that is its own successor is responsible for every key.
    pub fn within(self, from: RingId, to: RingId) -> bool {
        if from == to {
            return true;
        }
        let d = from.distance_to(self);
        d != 0 && d <= from.distance_to(to)
    }

    /// Whether `self` lies in (from, to), both ends excluded. (a, a) is the
    /// whole circle but `a`.
    pub fn strictly_between(self, from: RingId, to: RingId) -> bool {
        if from == to {
            return self != from;
        }
        let d = from.distance_to(self);
        d != 0 && d < from.distance_to(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_wrap_around_zero() {
        let (a, b) = (RingId(u32::MAX - 5), RingId(10));
        assert!(RingId(0).within(a, b));
        assert!(RingId(10).within(a, b), "the end is included");
        assert!(!RingId(u32::MAX - 5).within(a, b), "the start is not");
        assert!(!RingId(11).within(a, b));
        assert!(RingId(u32::MAX).strictly_between(a, b));
        assert!(!RingId(10).strictly_between(a, b));
        assert!(RingId(7).within(RingId(3), RingId(9)));
        assert!(!RingId(2).within(RingId(3), RingId(9)));
    }

    #[test]
    fn a_lone_node_covers_the_circle() {
        let a = RingId(42);
        assert!(RingId(42).within(a, a));
        assert!(RingId(7).within(a, a));
        assert!(RingId(7).strictly_between(a, a));
        assert!(!RingId(42).strictly_between(a, a));
    }

    #[test]
    fn fingers_double_their_reach_and_wrap() {
        let n = RingId(u32::MAX - 1);
        assert_eq!(n.finger_start(0), RingId(u32::MAX));
        assert_eq!(n.finger_start(1), RingId(0));
        assert_eq!(n.finger_start(31), RingId((1u32 << 31) - 2));
        assert_eq!(n.finger_start(ID_BITS), n);
        assert_eq!(RingId(5).distance_to(RingId(3)), u32::MAX - 1);
    }
}
