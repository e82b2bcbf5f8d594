use super::*;
use crate::sim::rng::Rng;
use crate::sim::service::report::nearest_rank;

/// Latencies of many shapes: exact small values, a long tail, huge ones.
fn samples(seed: u64, n: usize) -> Vec<u64> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| match i % 4 {
            0 => rng.below(300) as u64,
            1 => rng.exponential(200_000.0) as u64,
            2 => 1_000 + rng.below(5_000_000) as u64,
            _ => rng.exponential(3e9) as u64,
        })
        .collect()
}

#[test]
fn percentiles_are_within_one_percent_of_exact() {
    for seed in 1..=5 {
        let values = samples(seed, 20_000);
        let mut h = Histogram::default();
        for &v in &values {
            h.record(v);
        }
        let mut sorted = values.clone();
        sorted.sort_unstable();
        for p in [1, 10, 25, 50, 75, 90, 95, 99, 100] {
            let exact = nearest_rank(&sorted, p) as f64;
            let approx = h.percentile(p) as f64;
            let err = if exact == 0.0 { approx } else { (approx - exact).abs() / exact };
            assert!(err <= 0.01, "seed {seed} p{p}: {approx} against {exact}");
        }
        let exact = LatencySummary::from_micros(&mut sorted).unwrap();
        let live = h.summary().unwrap();
        assert_eq!((live.count, live.max_ms), (exact.count, exact.max_ms));
        assert!((live.mean_ms - exact.mean_ms).abs() <= exact.mean_ms * 1e-12);
    }
}

#[test]
fn small_values_are_exact_and_buckets_cover_every_value() {
    let mut h = Histogram::default();
    for v in 0..256 {
        h.record(v);
    }
    assert_eq!(h.percentile(50), 127);
    assert_eq!(h.percentile(100), 255);
    for v in [256, 257, 1_000, 123_456, u64::from(u32::MAX), 1 << 40, u64::MAX] {
        let b = bucket(v);
        assert!(b < BUCKETS, "{v} -> {b}");
        let r = representative(b) as f64;
        if v < 1 << 41 {
            assert!((r - v as f64).abs() / v as f64 <= 1.0 / 256.0 + 1e-12, "{v} stands as {r}");
        }
    }
    assert_eq!(Histogram::default().summary(), None);
    assert_eq!(Histogram::default().percentile(95), 0);
}
