//! Cost and administration models: the `cost` lesson (who pays for what)
//! and the `network-size` lesson (why workgroups stay small).
//!
//! Not a simulation: a documented parameter model. Every figure comes
//! from [`CostParams`], whose defaults are stated on each field, so a
//! learner can change any assumption and watch the conclusion move.

pub mod model;
pub mod params;
pub mod workgroup;

#[cfg(test)]
mod tests;

pub use model::{breakdown, compare, cost_series, one_two_five, CostBreakdown, CostComparison, CostItem, CostLine, Payer};
pub use params::{AdminParams, CostParams, PeerAdmin, MAX_USERS};
pub use workgroup::{
    admin_comparison, admin_crossover, admin_crossover_root, admin_series, server_hours, swarm_hours,
    workgroup_hours, AdminComparison,
};
