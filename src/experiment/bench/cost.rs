//! Who pays, as the number of users grows (the `cost` lesson): a
//! closed-form model.

use super::SideSetup;
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::param::Param;
use crate::experiment::side::{ModelSide, Part, SideSim, Split};
use crate::sim::cost::{self, AdminParams, CostParams, Payer, PeerAdmin};
use crate::sim::node::Architecture;
use crate::sim::validate::ValidationError;

/// The sizes its chart sweeps: closely where the lines meet (tens to a
/// few hundred users), then coarsely.
fn chart_users() -> impl Iterator<Item = u32> {
    (1..=60).map(|i| i * 5).chain((7..=20).map(|i| i * 50))
}

/// The cost model's assumptions here: the stated defaults, with peers that
/// look after themselves (a file-sharing swarm) rather than a hand-run
/// workgroup, each owner spending `owner_hours` a month keeping the sharing
/// software going (the learner's control).
pub fn lesson_cost_params(owner_hours: f64) -> CostParams {
    let defaults = CostParams::default();
    CostParams {
        peer_admin: PeerAdmin::SelfManaged,
        admin: AdminParams { self_hours_per_peer_month: owner_hours, ..defaults.admin },
        ..defaults
    }
}

/// The fewest users, up to the control's maximum, at which client-server
/// costs each user no more than peer-to-peer.
fn cheaper_from(p: &CostParams) -> Result<Option<u32>, ValidationError> {
    let most = Param::Users.spec().max as u32;
    for n in 1..=most {
        let cs = cost::breakdown(p, Architecture::ClientServer, n)?.per_user_monthly;
        let p2p = cost::breakdown(p, Architecture::PeerToPeer, n)?.per_user_monthly;
        if cs <= p2p {
            return Ok(Some(n));
        }
    }
    Ok(None)
}

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let p = lesson_cost_params(s.value(Param::OwnerHours));
    let users = s.count(Param::Users);
    let b = cost::breakdown(&p, s.arch, users)?;
    let mut metrics = Metrics::default();
    metrics.set(Metric::CostPerUser, b.per_user_monthly);
    metrics.set(Metric::TotalCost, b.total_monthly);
    if b.total_monthly > 0.0 {
        metrics.set(Metric::OperatorShare, b.operator_monthly / b.total_monthly);
    }
    if let Some(n) = cheaper_from(&p)? {
        metrics.set(Metric::CheaperFrom, f64::from(n));
    }
    let mut series = Vec::new();
    for n in chart_users() {
        series.push((f64::from(n), cost::breakdown(&p, s.arch, n)?.per_user_monthly));
    }
    let per_user = 1.0 / f64::from(users.max(1));
    let split = Split {
        title: "Who pays, per user per month",
        parts: b
            .lines
            .iter()
            .filter(|l| l.monthly > 0.0)
            .map(|l| Part { label: l.item.label(), by_operator: l.payer == Payer::Operator, amount: l.monthly * per_user })
            .collect(),
    };
    let view = ModelSide::sketch(s.central(), users, false);
    Ok(Box::new(ModelSide { metrics, series, view, split: Some(split) }))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    let p = lesson_cost_params(0.0);
    vec![
        ("users-per-server", f64::from(p.users_per_server)),
        ("admin-hourly-rate", p.admin_hourly_rate),
        ("data-per-user-gb", p.data_per_user_gb),
    ]
}
