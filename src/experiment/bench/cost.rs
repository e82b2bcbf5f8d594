//! Who pays, as the number of users grows (the `cost` lesson): a
//! closed-form model.

use super::{BenchSpec, ChartText, SideSetup};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::param::Param;
use crate::experiment::side::{ModelSide, SideSim};
use crate::sim::cost::{self, AdminParams, CostParams, PeerAdmin};
use crate::sim::validate::ValidationError;

/// The sizes its chart sweeps.
const USERS: [u32; 12] = [5, 10, 20, 50, 100, 200, 300, 400, 500, 600, 800, 1000];

pub const SPEC: BenchSpec = BenchSpec {
    facts,
    chart: Some(ChartText::model("Cost per user per month as users grow", "users", "cost per user ($)", Param::Users)),
    animated: false,
    ..BenchSpec::new(
        "cost",
        "Who pays",
        &[Metric::CostPerUser, Metric::TotalCost, Metric::OperatorShare],
        &[(Param::Users, 10.0)],
        build,
    )
};

/// The cost lesson's assumptions: the stated defaults, with peers that look
/// after themselves (a file-sharing swarm) rather than a hand-run workgroup,
/// each owner spending 12 minutes a month keeping the sharing software
/// running, the same order as the server's 6 minutes per account.
pub fn lesson_cost_params() -> CostParams {
    let defaults = CostParams::default();
    CostParams {
        peer_admin: PeerAdmin::SelfManaged,
        admin: AdminParams { self_hours_per_peer_month: 0.2, ..defaults.admin },
        ..defaults
    }
}

fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let p = lesson_cost_params();
    let users = s.count(Param::Users);
    let b = cost::breakdown(&p, s.arch, users)?;
    let mut metrics = Metrics::default();
    metrics.set(Metric::CostPerUser, b.per_user_monthly);
    metrics.set(Metric::TotalCost, b.total_monthly);
    if b.total_monthly > 0.0 {
        metrics.set(Metric::OperatorShare, b.operator_monthly / b.total_monthly);
    }
    let mut series = Vec::new();
    for n in USERS {
        series.push((f64::from(n), cost::breakdown(&p, s.arch, n)?.per_user_monthly));
    }
    Ok(Box::new(ModelSide { metrics, series, view: ModelSide::sketch(s.central(), users, false) }))
}

fn facts() -> Vec<(&'static str, f64)> {
    let p = lesson_cost_params();
    vec![
        ("users-per-server", f64::from(p.users_per_server)),
        ("admin-hourly-rate", p.admin_hourly_rate),
        ("data-per-user-gb", p.data_per_user_gb),
        ("owner-hours-per-month", p.admin.self_hours_per_peer_month),
    ]
}
