//! Administration of a workgroup, with and without a server (the
//! `network-size` lesson): a closed-form model.

use super::SideSetup;
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::param::Param;
use crate::experiment::side::{ModelSide, SideSim};
use crate::sim::cost::{self, AdminParams, CostParams};
use crate::sim::validate::ValidationError;

/// Its chart runs from 2 computers to this many.
const MAX_COMPUTERS: u32 = 50;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let with_server = s.central();
    let computers = s.count(Param::Computers);
    let defaults = CostParams::default().admin;
    let admin = AdminParams { pair_hours_per_month: s.value(Param::PairMinutes) / 60.0, ..defaults };
    let hours = |n: u32| if with_server { cost::server_hours(&admin, n, 1) } else { cost::workgroup_hours(&admin, n) };
    let mut metrics = Metrics::default();
    metrics.set(Metric::AdminHours, hours(computers));
    if let Some(n) = cost::admin_crossover(&admin) {
        metrics.set(Metric::Crossover, f64::from(n));
    }
    let series = (2..=MAX_COMPUTERS).map(|n| (f64::from(n), hours(n))).collect();
    Ok(Box::new(ModelSide { metrics, series, view: ModelSide::sketch(with_server, computers, !with_server), split: None }))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    let a = CostParams::default().admin;
    vec![
        ("account-hours-per-month", a.account_hours_per_month),
        ("server-hours-per-month", a.server_hours_per_month),
    ]
}
