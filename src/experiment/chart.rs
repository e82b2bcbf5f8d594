//! Scales and tick marks for the line charts: the arithmetic of a chart,
//! kept out of the component so it is tested natively.

use crate::decimal::fixed;

/// One line on a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    /// Drawn dashed (a theoretical bound rather than a measurement).
    pub dashed: bool,
}

/// A linear mapping from data to drawing coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
}

impl Scale {
    /// A scale covering the finite values given, with a little head room and
    /// never empty; `floor_zero` keeps 0 in range (for counts and times).
    pub fn covering(values: impl Iterator<Item = f64>, floor_zero: bool) -> Scale {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if !lo.is_finite() {
            return Scale { lo: 0.0, hi: 1.0 };
        }
        if floor_zero {
            lo = lo.min(0.0);
        }
        if hi - lo < 1e-12 {
            hi = lo + if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        }
        let step = nice_step(hi - lo, 5);
        Scale { lo: (lo / step).floor() * step, hi: (hi / step).ceil() * step }
    }

    /// Maps a value to 0..1 along the axis (clamped).
    pub fn unit(&self, v: f64) -> f64 {
        let span = self.hi - self.lo;
        if !v.is_finite() || span <= 0.0 {
            return 0.0;
        }
        ((v - self.lo) / span).clamp(0.0, 1.0)
    }

    /// Round-numbered ticks across the scale, about `target` of them.
    pub fn ticks(&self, target: u32) -> Vec<f64> {
        let step = nice_step(self.hi - self.lo, target);
        let mut out = Vec::new();
        let mut t = (self.lo / step).ceil() * step;
        while t <= self.hi + step * 1e-9 && out.len() < 50 {
            out.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
            t += step;
        }
        out
    }
}

/// 10 to a whole power, by multiplying: `powf` would add a general power
/// function to the Wasm bundle. Exact up to 1e22, rounded once below 1.
fn power_of_ten(e: f64) -> f64 {
    let k = e.abs().min(330.0) as u32;
    let mut p = 1.0f64;
    for _ in 0..k {
        p *= 10.0;
    }
    if e < 0.0 {
        1.0 / p
    } else {
        p
    }
}

/// A step of 1, 2 or 5 times a power of ten giving about `target` steps.
pub fn nice_step(span: f64, target: u32) -> f64 {
    if !span.is_finite() || span <= 0.0 {
        return 1.0;
    }
    let raw = span / f64::from(target.max(1));
    let mag = power_of_ten(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// A tick label without trailing noise.
pub fn tick_label(v: f64) -> String {
    if v.abs() >= 1000.0 {
        let k = v / 1000.0;
        format!("{}k", fixed(k, if (k - k.round()).abs() < 1e-9 { 0 } else { 1 }))
    } else if v.fract().abs() < 1e-9 {
        fixed(v, 0)
    } else {
        let s = fixed(v, 2);
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(10.0, 5), 2.0);
        assert_eq!(nice_step(1.0, 5), 0.2);
        assert_eq!(nice_step(300.0, 5), 100.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn scale_covers_data_with_round_ends() {
        let s = Scale::covering([3.0, 17.5, 9.0].into_iter(), true);
        assert_eq!(s.lo, 0.0);
        assert!(s.hi >= 17.5 && s.hi <= 20.0);
        assert_eq!(s.unit(0.0), 0.0);
        assert_eq!(s.unit(1e9), 1.0);
        let ticks = s.ticks(5);
        assert_eq!(ticks.first(), Some(&0.0));
        assert!(ticks.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn degenerate_data_still_gives_a_scale() {
        let empty = Scale::covering(std::iter::empty(), false);
        assert_eq!((empty.lo, empty.hi), (0.0, 1.0));
        let flat = Scale::covering([5.0, 5.0].into_iter(), false);
        assert!(flat.hi > flat.lo);
        let nan = Scale::covering([f64::NAN, f64::INFINITY].into_iter(), true);
        assert_eq!((nan.lo, nan.hi), (0.0, 1.0));
    }

    #[test]
    fn labels() {
        assert_eq!(tick_label(2000.0), "2k");
        assert_eq!(tick_label(1500.0), "1.5k");
        assert_eq!(tick_label(0.25), "0.25");
        assert_eq!(tick_label(0.5), "0.5");
        assert_eq!(tick_label(40.0), "40");
    }
}
