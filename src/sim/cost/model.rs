//! The `cost` lesson's money model: what each architecture costs per month
//! for N users, and who pays.
//!
//! Users' own devices and internet access are left out: every
//! architecture needs them. What differs is the server side (paid by an
//! operator) and what peers contribute (paid by the users themselves):
//! upload, disk, electricity for staying on, and administration.

use super::params::{check_users, CostParams, PeerAdmin};
use super::workgroup::{server_hours, swarm_hours, workgroup_hours};
use crate::sim::node::Architecture;
use crate::sim::validate::ValidationError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Payer {
    /// Whoever runs the server or index.
    Operator,
    /// The users, with their own machines, connections and time.
    Users,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CostItem {
    ServerHardware,
    Hosting,
    Bandwidth,
    Administration,
    PeerUpload,
    PeerStorage,
    PeerElectricity,
    PeerAdministration,
}

impl CostItem {
    pub fn label(self) -> &'static str {
        match self {
            CostItem::ServerHardware => "server hardware",
            CostItem::Hosting => "hosting",
            CostItem::Bandwidth => "bandwidth",
            CostItem::Administration => "administration",
            CostItem::PeerUpload => "peers' upload",
            CostItem::PeerStorage => "peers' disk",
            CostItem::PeerElectricity => "peers' electricity",
            CostItem::PeerAdministration => "peers' administration",
        }
    }

    /// Fixed by the item, so a breakdown cannot put a server on the users'
    /// bill or a peer's disk on the operator's.
    pub fn payer(self) -> Payer {
        match self {
            CostItem::ServerHardware | CostItem::Hosting | CostItem::Bandwidth | CostItem::Administration => {
                Payer::Operator
            }
            CostItem::PeerUpload | CostItem::PeerStorage | CostItem::PeerElectricity | CostItem::PeerAdministration => {
                Payer::Users
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostLine {
    pub item: CostItem,
    pub payer: Payer,
    pub monthly: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostBreakdown {
    pub architecture: Architecture,
    pub users: u32,
    /// Servers (client-server) or index machines (hybrid); 0 for
    /// peer-to-peer.
    pub servers: u32,
    pub lines: Vec<CostLine>,
    pub operator_monthly: f64,
    pub users_monthly: f64,
    pub total_monthly: f64,
    pub per_user_monthly: f64,
    /// Administration hours per month, operator's and users' together.
    pub admin_hours: f64,
}

/// Machines needed when each handles `per_machine` users.
fn machines(users: u32, per_machine: u32) -> u32 {
    users.div_ceil(per_machine.max(1))
}

pub fn breakdown(p: &CostParams, architecture: Architecture, users: u32) -> Result<CostBreakdown, ValidationError> {
    p.validate()?;
    let users = check_users(users)?;
    let n = f64::from(users);
    let traffic_gb = n * p.data_per_user_gb;
    let rate = p.admin_hourly_rate;
    let peers_own = |upload_gb: f64| {
        [
            (CostItem::PeerUpload, upload_gb * p.peer_upload_per_gb),
            (CostItem::PeerStorage, n * p.peer_storage_gb * p.storage_per_gb_month),
            (CostItem::PeerElectricity, n * p.peer_extra_kwh * p.electricity_per_kwh),
        ]
    };
    let (servers, admin_hours, items): (u32, f64, Vec<(CostItem, f64)>) = match architecture {
        Architecture::ClientServer => {
            let s = machines(users, p.users_per_server);
            let hours = server_hours(&p.admin, users, s);
            let items = vec![
                (CostItem::ServerHardware, f64::from(s) * p.server_hardware_per_month),
                (CostItem::Hosting, f64::from(s) * p.hosting_per_server_per_month),
                (CostItem::Bandwidth, traffic_gb * p.bandwidth_per_gb),
                (CostItem::Administration, hours * rate),
            ];
            (s, hours, items)
        }
        Architecture::PeerToPeer => {
            let hours = match p.peer_admin {
                PeerAdmin::Workgroup => workgroup_hours(&p.admin, users),
                PeerAdmin::SelfManaged => swarm_hours(&p.admin, users),
            };
            let mut items = peers_own(traffic_gb).to_vec();
            items.push((CostItem::PeerAdministration, hours * rate));
            (0, hours, items)
        }
        Architecture::Hybrid => {
            let s = machines(users, p.users_per_index);
            let operator_hours = server_hours(&p.admin, users, s);
            // The index holds the accounts, so peers only look after
            // themselves, however the peer-to-peer case is administered.
            let peer_hours = swarm_hours(&p.admin, users);
            let index_gb = traffic_gb * p.index_traffic_fraction;
            let mut items = vec![
                (CostItem::ServerHardware, f64::from(s) * p.server_hardware_per_month),
                (CostItem::Hosting, f64::from(s) * p.hosting_per_server_per_month),
                (CostItem::Bandwidth, index_gb * p.bandwidth_per_gb),
                (CostItem::Administration, operator_hours * rate),
            ];
            items.extend(peers_own(traffic_gb - index_gb));
            items.push((CostItem::PeerAdministration, peer_hours * rate));
            (s, operator_hours + peer_hours, items)
        }
    };
    let lines: Vec<CostLine> =
        items.into_iter().map(|(item, monthly)| CostLine { item, payer: item.payer(), monthly }).collect();
    let paid_by = |who: Payer| lines.iter().filter(|l| l.payer == who).map(|l| l.monthly).sum::<f64>();
    let (operator_monthly, users_monthly) = (paid_by(Payer::Operator), paid_by(Payer::Users));
    let total_monthly = operator_monthly + users_monthly;
    Ok(CostBreakdown {
        architecture,
        users,
        servers,
        lines,
        operator_monthly,
        users_monthly,
        total_monthly,
        per_user_monthly: total_monthly / n,
        admin_hours,
    })
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostComparison {
    pub users: u32,
    pub client_server: CostBreakdown,
    pub peer_to_peer: CostBreakdown,
    pub hybrid: CostBreakdown,
}

impl CostComparison {
    pub fn get(&self, a: Architecture) -> &CostBreakdown {
        match a {
            Architecture::ClientServer => &self.client_server,
            Architecture::PeerToPeer => &self.peer_to_peer,
            Architecture::Hybrid => &self.hybrid,
        }
    }

    /// The architecture with the lowest total (the first listed on a tie).
    pub fn cheapest(&self) -> Architecture {
        let mut best = Architecture::ClientServer;
        for a in Architecture::ALL {
            if self.get(a).total_monthly < self.get(best).total_monthly {
                best = a;
            }
        }
        best
    }
}

pub fn compare(p: &CostParams, users: u32) -> Result<CostComparison, ValidationError> {
    Ok(CostComparison {
        users,
        client_server: breakdown(p, Architecture::ClientServer, users)?,
        peer_to_peer: breakdown(p, Architecture::PeerToPeer, users)?,
        hybrid: breakdown(p, Architecture::Hybrid, users)?,
    })
}

/// Costs for each number of users asked for, for the lesson's chart.
pub fn cost_series(p: &CostParams, users: &[u32]) -> Result<Vec<CostComparison>, ValidationError> {
    users.iter().map(|&n| compare(p, n)).collect()
}

/// 1, 2, 5, 10, 20, 50, ... up to `max`, with `max` itself last: an even
/// spread on a log axis, in integers so every platform draws the same one.
pub fn one_two_five(max: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut decade: u32 = 1;
    'outer: loop {
        for step in [1u32, 2, 5] {
            let Some(n) = decade.checked_mul(step) else { break 'outer };
            if n >= max {
                break 'outer;
            }
            out.push(n);
        }
        match decade.checked_mul(10) {
            Some(d) => decade = d,
            None => break,
        }
    }
    if max > 0 {
        out.push(max);
    }
    out
}
