//! The stepping interface every workload offers, so the UI can run a slice
//! of a simulation per animation frame and draw in between.

use crate::sim::time::SimTime;

pub trait Stepper {
    /// The simulated clock: the time of the last event processed.
    fn now(&self) -> SimTime;

    /// When the next event is due, or `None` when nothing is left to do.
    fn next_event_time(&self) -> Option<SimTime>;

    /// Processes exactly one event; false when there was none.
    fn step(&mut self) -> bool;

    /// Events processed since the run started.
    fn events_processed(&self) -> u64;

    /// True once the workload has reached its end (all transfers done, the
    /// configured duration elapsed, ...).
    fn is_finished(&self) -> bool {
        self.next_event_time().is_none()
    }

    /// Processes events up to a budget; returns how many ran. The UI calls
    /// this with a budget per frame, so no frame is ever blocked for long.
    fn run_events(&mut self, budget: u64) -> u64 {
        let mut done = 0;
        while done < budget && self.step() {
            done += 1;
        }
        done
    }

    /// Processes every event due at or before `limit`, but at most `budget`
    /// of them; returns how many ran.
    fn run_until(&mut self, limit: SimTime, budget: u64) -> u64 {
        let mut done = 0;
        while done < budget {
            match self.next_event_time() {
                Some(t) if t <= limit => {
                    if !self.step() {
                        break;
                    }
                    done += 1;
                }
                _ => break,
            }
        }
        done
    }

    /// Runs to the end, but at most `budget` events (a guard, never a hang).
    fn run_to_end(&mut self, budget: u64) -> u64 {
        self.run_events(budget)
    }
}

/// The `Stepper` of a workload whose events are independent of one another:
/// pop the earliest, move the clock to it, count it, hand it to the
/// workload's `handle`. Needs the fields `now`, `events` (an `EventQueue`)
/// and `processed`, and a method `handle(&mut self, event)`.
macro_rules! queue_stepper {
    ($sim:ty) => {
        impl $crate::sim::stepping::Stepper for $sim {
            fn now(&self) -> $crate::sim::time::SimTime {
                self.now
            }

            fn next_event_time(&self) -> Option<$crate::sim::time::SimTime> {
                self.events.peek_time()
            }

            // Never inlined, so the browser optimises it early in a run:
            // see `DistributionSim::step`.
            #[inline(never)]
            fn step(&mut self) -> bool {
                let Some((at, event)) = self.events.pop() else { return false };
                self.now = at;
                self.processed += 1;
                self.handle(event);
                true
            }

            fn events_processed(&self) -> u64 {
                self.processed
            }
        }
    };
}
pub(crate) use queue_stepper;
