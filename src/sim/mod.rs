//! The simulation core: a deterministic discrete-event network simulator.
//!
//! Pure Rust: nothing here touches the DOM or the clock, so it builds and
//! tests natively and runs unchanged in the browser.
//!
//! # Ordering guarantees
//!
//! - Time is an integer number of microseconds ([`time::SimTime`]).
//! - Events are processed in time order; events at the same tick are
//!   processed in the order they were scheduled ([`queue::EventQueue`]).
//! - Every random draw comes from the run's one seeded [`rng::Rng`], so the
//!   same scenario and seed give the same run, natively and in Wasm.

pub mod node;
pub mod queue;
pub mod rng;
pub mod time;
pub mod stepping;
pub mod validate;
pub mod fault;
pub mod service;
pub mod network;
pub mod theory;
pub mod lookup;
pub mod distribution;
pub mod churn;
pub mod cost;
pub mod golden;
pub mod histogram;
pub mod sorting;
pub mod dht;
#[cfg(test)]
pub(crate) mod testing;
