//! Simulated time: whole microseconds.
//!
//! Integer ticks, not `f64` seconds: two events are simultaneous exactly when
//! their ticks are equal, and a run gives the same result natively and in
//! Wasm because no float rounding decides the order of events.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// Microseconds in one second.
pub const MICROS_PER_SECOND: u64 = 1_000_000;

/// A point on the simulated clock, in microseconds since the run started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimTime(pub u64);

/// A length of simulated time, in microseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimDuration(pub u64);

impl SimTime {
    pub const ZERO: SimTime = SimTime(0);
    /// Far enough in the future to mean "never" without overflowing sums.
    pub const NEVER: SimTime = SimTime(u64::MAX / 4);

    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / MICROS_PER_SECOND as f64
    }

    /// Saturating: a time before `earlier` gives zero, never a wrap-around.
    pub fn since(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0.saturating_sub(earlier.0))
    }
}

impl SimDuration {
    pub const ZERO: SimDuration = SimDuration(0);

    pub fn from_secs(secs: u64) -> SimDuration {
        SimDuration(secs.saturating_mul(MICROS_PER_SECOND))
    }

    pub fn from_millis(ms: u64) -> SimDuration {
        SimDuration(ms.saturating_mul(1_000))
    }

    /// Rounds up to the next microsecond, so an activity that needs any time
    /// at all never completes in zero ticks. Non-finite or negative input
    /// gives zero; values past the representable range saturate.
    pub fn from_secs_f64_ceil(secs: f64) -> SimDuration {
        if !secs.is_finite() || secs <= 0.0 {
            return SimDuration::ZERO;
        }
        let micros = (secs * MICROS_PER_SECOND as f64).ceil();
        if micros >= SimTime::NEVER.0 as f64 {
            SimDuration(SimTime::NEVER.0)
        } else {
            SimDuration(micros as u64)
        }
    }

    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / MICROS_PER_SECOND as f64
    }
}

impl Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
}

impl AddAssign<SimDuration> for SimTime {
    fn add_assign(&mut self, d: SimDuration) {
        *self = *self + d;
    }
}

impl Sub<SimTime> for SimTime {
    type Output = SimDuration;
    fn sub(self, earlier: SimTime) -> SimDuration {
        self.since(earlier)
    }
}

impl Add for SimDuration {
    type Output = SimDuration;
    fn add(self, d: SimDuration) -> SimDuration {
        SimDuration(self.0.saturating_add(d.0))
    }
}

impl fmt::Display for SimTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} s", crate::decimal::fixed(self.as_secs_f64(), 3))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceil_never_rounds_work_to_zero() {
        assert_eq!(SimDuration::from_secs_f64_ceil(1e-9), SimDuration(1));
        assert_eq!(SimDuration::from_secs_f64_ceil(2.5), SimDuration(2_500_000));
    }

    #[test]
    fn bad_floats_give_zero_or_saturate() {
        assert_eq!(SimDuration::from_secs_f64_ceil(f64::NAN), SimDuration::ZERO);
        assert_eq!(SimDuration::from_secs_f64_ceil(-3.0), SimDuration::ZERO);
        assert_eq!(SimDuration::from_secs_f64_ceil(1e300), SimDuration(SimTime::NEVER.0));
    }

    #[test]
    fn arithmetic_saturates() {
        assert_eq!(SimTime(u64::MAX) + SimDuration(5), SimTime(u64::MAX));
        assert_eq!(SimTime(3).since(SimTime(10)), SimDuration::ZERO);
    }
}
