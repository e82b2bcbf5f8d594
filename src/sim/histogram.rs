//! Latencies counted in fixed buckets, so a percentile costs the same at
//! the end of a long run as at its start. Below 256 µs every microsecond
//! has its own bucket; above, each doubling is cut into 128 buckets, so a
//! bucket's midpoint is within 1/256 (0.4%) of any value in it. Means and
//! maxima are kept exactly. What the live display reads; tasks, lessons and
//! reports keep the exact figures of `LatencySummary::from_micros`.

use crate::sim::service::LatencySummary;

/// Sub-buckets per doubling (a power of two).
const SUB: u64 = 128;
const SUB_BITS: u32 = SUB.trailing_zeros();
/// Values below this are counted exactly, one bucket each.
const EXACT: u64 = 2 * SUB;
/// The highest doubling with buckets of its own: 2^40 µs is 12 days, far
/// beyond any run; larger values share the top bucket.
const TOP_EXP: u32 = 40;
const BUCKETS: usize = (EXACT + (TOP_EXP as u64 - SUB_BITS as u64) * SUB) as usize;

#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    counts: Vec<u32>,
    count: u64,
    sum: u128,
    max: u64,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram { counts: vec![0; BUCKETS], count: 0, sum: 0, max: 0 }
    }
}

/// The bucket a value falls in.
fn bucket(v: u64) -> usize {
    if v < EXACT {
        return v as usize;
    }
    let exp = (63 - v.leading_zeros()).min(TOP_EXP);
    let shift = exp - SUB_BITS;
    let mantissa = (v >> shift).min(2 * SUB - 1);
    (EXACT + u64::from(exp - SUB_BITS - 1) * SUB + (mantissa - SUB)) as usize
}

/// The value a bucket stands for: itself when exact, else its midpoint.
fn representative(i: usize) -> u64 {
    let i = i as u64;
    if i < EXACT {
        return i;
    }
    let exp = (i - EXACT) / SUB + u64::from(SUB_BITS) + 1;
    let mantissa = (i - EXACT) % SUB + SUB;
    let shift = exp - u64::from(SUB_BITS);
    let lo = mantissa << shift;
    lo + (1u64 << shift) / 2
}

impl Histogram {
    pub fn record(&mut self, micros: u64) {
        if let Some(c) = self.counts.get_mut(bucket(micros)) {
            *c = c.saturating_add(1);
        }
        self.count += 1;
        self.sum += u128::from(micros);
        self.max = self.max.max(micros);
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The nearest-rank percentile, to within 0.4% of the exact one.
    pub fn percentile(&self, percent: u64) -> u64 {
        if self.count == 0 {
            return 0;
        }
        let rank = (percent.min(100) * self.count).div_ceil(100).max(1);
        let mut seen = 0u64;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += u64::from(c);
            if seen >= rank {
                // The top bucket is open-ended: the maximum is exact.
                return representative(i).min(self.max);
            }
        }
        self.max
    }

    /// Count, exact mean and maximum, and percentiles to within 0.4%.
    pub fn summary(&self) -> Option<LatencySummary> {
        if self.count == 0 {
            return None;
        }
        let ms = |us: u64| us as f64 / 1_000.0;
        Some(LatencySummary {
            count: self.count,
            mean_ms: self.sum as f64 / self.count as f64 / 1_000.0,
            p50_ms: ms(self.percentile(50)),
            p95_ms: ms(self.percentile(95)),
            p99_ms: ms(self.percentile(99)),
            max_ms: ms(self.max),
        })
    }
}

#[cfg(test)]
mod tests;
