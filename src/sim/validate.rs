//! Scenario validation: every scenario is checked before it runs, and a bad
//! one gets an error a learner can read: which field, what is allowed.

use crate::decimal::{fixed, shortest};
use serde::Serialize;
use std::fmt;

/// What is wrong with one field of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Problem {
    /// Not a number, or infinite.
    NotFinite,
    /// A number outside its allowed range (inclusive bounds).
    OutOfRange { min: f64, max: f64, got: f64 },
    /// A whole number outside its allowed range (inclusive bounds).
    CountOutOfRange { min: u64, max: u64, got: u64 },
    /// A per-node list whose length does not match the node count.
    WrongLength { expected: usize, got: usize },
    /// A run that would take the page too long: about `expected` units of
    /// work (messages, events) against the `max` a run may do.
    TooMuchWork { expected: f64, max: f64 },
    /// Anything else, in words.
    Invalid { reason: String },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValidationError {
    /// The field as a learner sees it, e.g. "server upload (Mbps)".
    pub field: String,
    pub problem: Problem,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        ValidationError { field: field.into(), problem }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            Problem::NotFinite => write!(f, "{} must be a finite number", self.field),
            Problem::OutOfRange { min, max, got } => {
                write!(f, "{} must be between {} and {} (got {})", self.field, shortest(*min), shortest(*max), shortest(*got))
            }
            Problem::CountOutOfRange { min, max, got } => {
                write!(f, "{} must be a whole number from {} to {} (got {})", self.field, min, max, got)
            }
            Problem::WrongLength { expected, got } => {
                write!(f, "{} must list exactly {} values (got {})", self.field, expected, got)
            }
            Problem::TooMuchWork { expected, max } => write!(
                f,
                "{}: this run would need about {} of them, more than the {} a page can simulate in good time",
                self.field,
                fixed(*expected, 0),
                shortest(*max)
            ),
            Problem::Invalid { reason } => write!(f, "{}: {}", self.field, reason),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Checks a real-valued field against an inclusive range.
pub fn check_range(field: &str, value: f64, min: f64, max: f64) -> Result<f64, ValidationError> {
    if !value.is_finite() {
        return Err(ValidationError::new(field, Problem::NotFinite));
    }
    if value < min || value > max {
        return Err(ValidationError::new(field, Problem::OutOfRange { min, max, got: value }));
    }
    Ok(value)
}

/// Checks a count against an inclusive range.
pub fn check_count(field: &str, value: u64, min: u64, max: u64) -> Result<u64, ValidationError> {
    if value < min || value > max {
        return Err(ValidationError::new(field, Problem::CountOutOfRange { min, max, got: value }));
    }
    Ok(value)
}

/// A longer series would not fit on a chart anyway.
pub const MAX_SAMPLES: f64 = 5_000.0;

/// A run's duration (up to `max_duration_s`) and how often it is sampled:
/// no more often than every millisecond, nor more than [`MAX_SAMPLES`] times.
pub fn check_run_length(duration_s: f64, sample_interval_s: f64, max_duration_s: f64) -> Result<(), ValidationError> {
    check_range("duration (s)", duration_s, 0.001, max_duration_s)?;
    let min_interval = (duration_s / MAX_SAMPLES).max(0.001);
    check_range("sample interval (s)", sample_interval_s, min_interval, duration_s)?;
    Ok(())
}

/// The field a refused scenario's error names (tests of every workload's
/// validation use it).
#[cfg(test)]
pub(crate) fn refused_field(checked: Result<(), ValidationError>) -> String {
    checked.err().map(|e| e.field).unwrap_or_else(|| "accepted".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_field_and_range() {
        let e = check_range("server upload (Mbps)", 0.0, 0.1, 100_000.0).unwrap_err();
        assert_eq!(e.to_string(), "server upload (Mbps) must be between 0.1 and 100000 (got 0)");
        let e = check_range("file size (Mbit)", f64::NAN, 1.0, 2.0).unwrap_err();
        assert_eq!(e.problem, Problem::NotFinite);
        let e = check_count("peers", 6000, 1, 5000).unwrap_err();
        assert!(e.to_string().contains("from 1 to 5000"));
        assert_eq!(check_count("peers", 10, 1, 5000), Ok(10));
    }
}
