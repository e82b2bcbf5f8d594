//! The cost model's parameters, each with a stated default.
//!
//! Money is per month, in one currency unit; the defaults are plausible US
//! dollar figures for a small organisation around 2024. They are meant to
//! be argued with: every one is a field the lessons and the sandbox expose.

use crate::sim::validate::{check_count, check_range, ValidationError};
use serde::{Deserialize, Serialize};

/// The cost model covers organisations up to a million users.
pub const MAX_USERS: u64 = 1_000_000;

/// Administration effort, in hours per month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminParams {
    /// Workgroup: time one peer spends per month keeping a share and an
    /// account for one other peer (passwords, permissions, "why can't I
    /// see your folder"). Default 0.25 h.
    pub pair_hours_per_month: f64,
    /// Server: time per user per month for the one central account.
    /// Default 0.1 h.
    pub account_hours_per_month: f64,
    /// Server: fixed time per server per month, whatever the number of
    /// users: patches, backups, monitoring. Default 20 h (about an hour
    /// a working day).
    pub server_hours_per_month: f64,
    /// A peer in a swarm looks after nobody but itself: updating its
    /// client, freeing disk. Default 0.1 h.
    pub self_hours_per_peer_month: f64,
}

impl Default for AdminParams {
    /// Chosen so that a server becomes the cheaper way to administer a
    /// workgroup at 10 computers: the textbook's "fewer than 10".
    fn default() -> Self {
        AdminParams {
            pair_hours_per_month: 0.25,
            account_hours_per_month: 0.1,
            server_hours_per_month: 20.0,
            self_hours_per_peer_month: 0.1,
        }
    }
}

impl AdminParams {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_range("admin hours per pair of peers (per month)", self.pair_hours_per_month, 0.0, 100.0)?;
        check_range("admin hours per server account (per month)", self.account_hours_per_month, 0.0, 100.0)?;
        check_range("admin hours per server (per month)", self.server_hours_per_month, 0.0, 744.0)?;
        check_range("upkeep hours per swarm peer (per month)", self.self_hours_per_peer_month, 0.0, 100.0)?;
        Ok(())
    }
}

/// How peers are administered without a server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeerAdmin {
    /// An office or home workgroup: every peer keeps shares and accounts
    /// for every other peer, so effort grows like N(N − 1).
    Workgroup,
    /// A file-sharing swarm (BitTorrent): nobody manages anyone; each peer
    /// only looks after itself, so effort grows like N.
    SelfManaged,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostParams {
    /// A small-business server (about 3,000) written off over 36 months.
    /// Default 85.
    pub server_hardware_per_month: f64,
    /// Power, cooling and rack space (or a colocation slot) per server.
    /// Default 60.
    pub hosting_per_server_per_month: f64,
    /// Users one server handles before another is needed. Default 250.
    pub users_per_server: u32,
    /// Users one hybrid index (tracker, directory) handles: it serves
    /// only "who has it?" questions. Default 25,000.
    pub users_per_index: u32,
    /// Data each user fetches per month (GB). Default 20.
    pub data_per_user_gb: f64,
    /// What the operator pays to send one GB (transit, cloud egress).
    /// Default 0.05.
    pub bandwidth_per_gb: f64,
    /// Share of the traffic a hybrid index carries (lookups only).
    /// Default 0.01.
    pub index_traffic_fraction: f64,
    /// Cost of an hour of administration, whoever does it. Default 50.
    pub admin_hourly_rate: f64,
    pub admin: AdminParams,
    pub peer_admin: PeerAdmin,
    /// What uploading one GB costs a peer: a share of a flat-rate plan and
    /// of its slower connection. Default 0.01.
    pub peer_upload_per_gb: f64,
    /// Disk each peer gives to shared data (GB). Default 50.
    pub peer_storage_gb: f64,
    /// Disk cost per GB per month. Default 0.02.
    pub storage_per_gb_month: f64,
    /// Extra electricity a peer uses by staying on to serve others (kWh per
    /// month). Default 7.2: 20 W for an extra 12 hours a day.
    pub peer_extra_kwh: f64,
    /// Default 0.30.
    pub electricity_per_kwh: f64,
}

impl Default for CostParams {
    fn default() -> Self {
        CostParams {
            server_hardware_per_month: 85.0,
            hosting_per_server_per_month: 60.0,
            users_per_server: 250,
            users_per_index: 25_000,
            data_per_user_gb: 20.0,
            bandwidth_per_gb: 0.05,
            index_traffic_fraction: 0.01,
            admin_hourly_rate: 50.0,
            admin: AdminParams::default(),
            peer_admin: PeerAdmin::Workgroup,
            peer_upload_per_gb: 0.01,
            peer_storage_gb: 50.0,
            storage_per_gb_month: 0.02,
            peer_extra_kwh: 7.2,
            electricity_per_kwh: 0.30,
        }
    }
}

impl CostParams {
    pub fn validate(&self) -> Result<(), ValidationError> {
        check_range("server hardware (per month)", self.server_hardware_per_month, 0.0, 1_000_000.0)?;
        check_range("hosting per server (per month)", self.hosting_per_server_per_month, 0.0, 1_000_000.0)?;
        check_count("users per server", u64::from(self.users_per_server), 1, MAX_USERS)?;
        check_count("users per index", u64::from(self.users_per_index), 1, MAX_USERS)?;
        check_range("data per user (GB per month)", self.data_per_user_gb, 0.0, 100_000.0)?;
        check_range("bandwidth price (per GB)", self.bandwidth_per_gb, 0.0, 100.0)?;
        check_range("index share of traffic", self.index_traffic_fraction, 0.0, 1.0)?;
        check_range("admin hourly rate", self.admin_hourly_rate, 0.0, 10_000.0)?;
        self.admin.validate()?;
        check_range("peer upload cost (per GB)", self.peer_upload_per_gb, 0.0, 100.0)?;
        check_range("disk each peer shares (GB)", self.peer_storage_gb, 0.0, 100_000.0)?;
        check_range("disk price (per GB per month)", self.storage_per_gb_month, 0.0, 100.0)?;
        check_range("extra electricity per peer (kWh per month)", self.peer_extra_kwh, 0.0, 10_000.0)?;
        check_range("electricity price (per kWh)", self.electricity_per_kwh, 0.0, 100.0)?;
        Ok(())
    }
}

/// The number of users a cost is asked for.
pub fn check_users(users: u32) -> Result<u32, ValidationError> {
    check_count("users", u64::from(users), 1, MAX_USERS).map(|_| users)
}
