//! The `network-size` lesson's workgroup model: administration effort with
//! and without a server.
//!
//! Without a server every peer keeps a share and an account for every other
//! peer: N(N − 1) pairs, each costing `pair_hours_per_month`. With a server
//! each user has one central account (`account_hours_per_month` each) and
//! the server itself costs `server_hours_per_month`. A workgroup is small,
//! so one server is assumed here; the money model ([`super::model`]) adds
//! servers as users grow.

use super::params::{check_users, AdminParams, MAX_USERS};
use crate::sim::validate::ValidationError;
use serde::{Deserialize, Serialize};

/// Hours per month for a workgroup of `users` peers: a·N(N − 1).
pub fn workgroup_hours(admin: &AdminParams, users: u32) -> f64 {
    let n = f64::from(users);
    admin.pair_hours_per_month * n * (n - 1.0).max(0.0)
}

/// Hours per month with `servers` servers: b·N + F·servers.
pub fn server_hours(admin: &AdminParams, users: u32, servers: u32) -> f64 {
    admin.account_hours_per_month * f64::from(users) + admin.server_hours_per_month * f64::from(servers)
}

/// Hours per month for a swarm, where each peer looks after itself.
pub fn swarm_hours(admin: &AdminParams, users: u32) -> f64 {
    admin.self_hours_per_peer_month * f64::from(users)
}

/// Where the two effort curves cross: the positive root of
/// a·N² − (a + b)·N − F = 0, that is
/// N* = ((a + b) + √((a + b)² + 4aF)) / 2a.
/// `None` when peers never cost more (a = 0).
pub fn admin_crossover_root(admin: &AdminParams) -> Option<f64> {
    let (a, b, f) = (admin.pair_hours_per_month, admin.account_hours_per_month, admin.server_hours_per_month);
    if a.is_nan() || a <= 0.0 {
        return None;
    }
    let s = a + b;
    Some((s + (s * s + 4.0 * a * f).sqrt()) / (2.0 * a))
}

/// The smallest workgroup for which a server takes strictly less
/// administration than managing every peer pairwise; `None` if that never
/// happens within the model's range.
pub fn admin_crossover(admin: &AdminParams) -> Option<u32> {
    let root = admin_crossover_root(admin)?;
    if root.is_nan() || root >= MAX_USERS as f64 {
        return None;
    }
    let server_wins = |n: u32| server_hours(admin, n, 1) < workgroup_hours(admin, n);
    // Strictly cheaper just past the root; at the root itself they tie.
    let mut n = (root.floor() as u32).saturating_add(1).max(2);
    // Correct any last-bit rounding of the square root.
    while n > 2 && server_wins(n - 1) {
        n -= 1;
    }
    while !server_wins(n) {
        if u64::from(n) >= MAX_USERS {
            return None;
        }
        n += 1;
    }
    Some(n)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminComparison {
    pub users: u32,
    /// Peer-to-peer workgroup, N(N − 1) pairs.
    pub workgroup_hours: f64,
    /// One server: N accounts plus the server's own upkeep.
    pub server_hours: f64,
}

pub fn admin_comparison(admin: &AdminParams, users: u32) -> Result<AdminComparison, ValidationError> {
    admin.validate()?;
    let users = check_users(users)?;
    Ok(AdminComparison {
        users,
        workgroup_hours: workgroup_hours(admin, users),
        server_hours: server_hours(admin, users, 1),
    })
}

/// Effort for each workgroup size asked for, for the lesson's chart.
pub fn admin_series(admin: &AdminParams, users: &[u32]) -> Result<Vec<AdminComparison>, ValidationError> {
    users.iter().map(|&n| admin_comparison(admin, n)).collect()
}
