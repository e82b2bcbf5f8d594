//! What the simulators' tests share: running a simulation the way a page
//! does, and the trip through JSON the command line makes.

use crate::sim::stepping::Stepper;
use crate::sim::time::SimTime;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

/// Runs to the end a slice per frame, as the page does: every event due
/// within the next `frame_us` simulated microseconds, but at most `budget`
/// of them, so a frame can stop between events due at the same moment.
pub(crate) fn run_in_frames(sim: &mut impl Stepper, frame_us: u64, budget: u64) {
    let mut frame = SimTime::ZERO;
    while !sim.is_finished() {
        frame = SimTime(frame.0 + frame_us);
        sim.run_until(frame, budget);
    }
}

/// Writes `value` as JSON, reads it back and checks nothing was lost;
/// returns the JSON for further checks.
pub(crate) fn assert_round_trips<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap();
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), value);
    json
}
