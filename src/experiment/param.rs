//! The knobs a lesson's experiment exposes, with their ranges and units.
//! A lesson chooses which of them the learner sees; the rest keep the
//! bench's preset values.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Param {
    /// Nodes in each network (client-server: one server and N−1 clients).
    Nodes,
    /// How many hops a flooded search may travel.
    Ttl,
    /// Peers holding a copy of each item.
    Replication,
    /// Share of peers offline, in percent.
    OfflinePercent,
    /// Whether an update is pushed to every copy (1) or not (0).
    PushUpdates,
    /// Requests per second the server completes.
    ServerCapacity,
    /// People using the service.
    Users,
    /// Whether the server has failed (1) or runs (0).
    ServerFailed,
    /// Computers in the workgroup.
    Computers,
    /// The server's upload capacity.
    ServerUploadMbps,
    /// Nodes that must each receive the file.
    Receivers,
    /// Size of the file to distribute.
    FileMbit,
    /// Pieces the file is cut into.
    Chunks,
    /// Each peer's upload capacity.
    PeerUpMbps,
    /// Each peer's download capacity.
    PeerDownMbps,
    /// Clients (or peers) sending requests.
    Clients,
    /// Requests each client sends per second.
    RequestRate,
    /// Requests per second one peer completes.
    PeerCapacity,
    /// Peers in the overlay.
    Peers,
    /// Overlay links per peer, on average.
    MeanDegree,
    /// Mean time a peer stays online, and then offline.
    SessionS,
    /// Run the hybrid design (a central index or tracker, transfers peer
    /// to peer) in place of pure peer-to-peer.
    Hybrid,
    /// Hours each peer's owner spends a month keeping the software going.
    OwnerHours,
    /// Minutes a month one computer of a workgroup spends on the share and
    /// account it keeps for one other.
    PairMinutes,
    /// A second server, holding everything too, in client-server.
    SecondServer,
    /// A copy that comes back online checks its version number against a
    /// live copy's and fetches what it missed.
    CatchUp,
    /// Receivers arrive at random over this many seconds from the start.
    ArrivalWindowS,
    /// In hybrid, the tracker fails for good halfway through the arrivals.
    TrackerFails,
    /// How many of a swarm's receivers download and upload nothing. A
    /// count, not a share: a share of a crowd rounds to whole peers, and
    /// two shares that round alike would be the same run.
    FreeRiders,
    /// Peers come and go (a setting of the run, where a lesson needs it
    /// before the run starts).
    Churning,
}

/// How a parameter is edited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamKind {
    /// A whole number in a range.
    Count,
    /// A number in a range.
    Number,
    /// On or off.
    Switch,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub label: &'static str,
    /// Shown after the value; empty for plain counts.
    pub unit: &'static str,
    pub kind: ParamKind,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Param {
    pub const ALL: [Param; 30] = [
        Param::Nodes,
        Param::Ttl,
        Param::Replication,
        Param::OfflinePercent,
        Param::PushUpdates,
        Param::ServerCapacity,
        Param::Users,
        Param::ServerFailed,
        Param::Computers,
        Param::ServerUploadMbps,
        Param::Receivers,
        Param::FileMbit,
        Param::Chunks,
        Param::PeerUpMbps,
        Param::PeerDownMbps,
        Param::Clients,
        Param::RequestRate,
        Param::PeerCapacity,
        Param::Peers,
        Param::MeanDegree,
        Param::SessionS,
        Param::Hybrid,
        Param::OwnerHours,
        Param::PairMinutes,
        Param::SecondServer,
        Param::CatchUp,
        Param::ArrivalWindowS,
        Param::TrackerFails,
        Param::FreeRiders,
        Param::Churning,
    ];

    pub fn spec(self) -> ParamSpec {
        use ParamKind::*;
        let s = |label, unit, kind, min, max, step| ParamSpec { label, unit, kind, min, max, step };
        match self {
            Param::Nodes => s("Nodes", "", Count, 2.0, 40.0, 1.0),
            Param::Ttl => s("Search radius (TTL)", "hops", Count, 1.0, 7.0, 1.0),
            Param::Replication => s("Copies of each item", "", Count, 1.0, 10.0, 1.0),
            Param::OfflinePercent => s("Peers offline", "%", Number, 0.0, 50.0, 5.0),
            Param::PushUpdates => s("Send updates to every copy", "", Switch, 0.0, 1.0, 1.0),
            Param::ServerCapacity => s("Server capacity", "requests/s", Count, 50.0, 400.0, 1.0),
            Param::Users => s("Users", "", Count, 5.0, 1000.0, 1.0),
            // A plan for the run, not the server's state now: failing it by hand
            // mid-run leaves this off, so the label says when.
            Param::ServerFailed => s("Server fails for good a third of the way in", "", Switch, 0.0, 1.0, 1.0),
            Param::Computers => s("Computers", "", Count, 2.0, 50.0, 1.0),
            Param::ServerUploadMbps => s("Server upload", "Mbps", Number, 10.0, 5000.0, 10.0),
            Param::Receivers => s("Receivers", "", Count, 1.0, 300.0, 1.0),
            Param::FileMbit => s("File size", "Mbit", Number, 1.0, 100_000.0, 1.0),
            Param::Chunks => s("Chunks", "", Count, 1.0, 2000.0, 1.0),
            Param::PeerUpMbps => s("Peer upload", "Mbps", Number, 0.1, 1000.0, 0.1),
            Param::PeerDownMbps => s("Peer download", "Mbps", Number, 0.1, 10_000.0, 0.1),
            Param::Clients => s("Clients", "", Count, 1.0, 1000.0, 1.0),
            Param::RequestRate => s("Requests per client", "per second", Number, 0.1, 20.0, 0.1),
            Param::PeerCapacity => s("Peer capacity", "requests/s", Number, 1.0, 400.0, 0.01),
            // 500 peers flooding 7 hops is as much as a page simulates in good
            // time; a control should never offer a run it then refuses.
            Param::Peers => s("Peers", "", Count, 2.0, 500.0, 1.0),
            Param::MeanDegree => s("Links per peer", "", Number, 1.0, 20.0, 0.5),
            Param::SessionS => s("Mean time online (and offline)", "s", Number, 5.0, 3600.0, 5.0),
            Param::Hybrid => s("Hybrid instead of pure peer-to-peer", "", Switch, 0.0, 1.0, 1.0),
            Param::OwnerHours => s("Each owner's time", "hours a month", Number, 0.0, 2.0, 0.05),
            Param::PairMinutes => s("Time per pair of computers", "minutes a month", Number, 1.0, 60.0, 1.0),
            Param::SecondServer => s("A second server", "", Switch, 0.0, 1.0, 1.0),
            Param::CatchUp => s("Returning copies catch up", "", Switch, 0.0, 1.0, 1.0),
            Param::ArrivalWindowS => s("Receivers arrive over", "s", Number, 0.0, 600.0, 5.0),
            // A plan for the run, like the server's: failing the tracker by
            // hand mid-run leaves this off, so the label says when.
            Param::TrackerFails => s("Tracker fails for good halfway through the arrivals", "", Switch, 0.0, 1.0, 1.0),
            Param::FreeRiders => s("Free riders", "", Count, 0.0, 300.0, 1.0),
            Param::Churning => s("Peers come and go (churn)", "", Switch, 0.0, 1.0, 1.0),
        }
    }

    /// Stable short name for URLs and saved state.
    pub fn from_key(key: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            Param::Nodes => "nodes",
            Param::Ttl => "ttl",
            Param::Replication => "copies",
            Param::OfflinePercent => "offline",
            Param::PushUpdates => "push",
            Param::ServerCapacity => "capacity",
            Param::Users => "users",
            Param::ServerFailed => "fail",
            Param::Computers => "computers",
            Param::ServerUploadMbps => "upload",
            Param::Receivers => "receivers",
            Param::FileMbit => "file",
            Param::Chunks => "chunks",
            Param::PeerUpMbps => "peerup",
            Param::PeerDownMbps => "peerdown",
            Param::Clients => "clients",
            Param::RequestRate => "rate",
            Param::PeerCapacity => "peercap",
            Param::Peers => "peers",
            Param::MeanDegree => "degree",
            Param::SessionS => "session",
            Param::Hybrid => "hybrid",
            Param::OwnerHours => "owner",
            Param::PairMinutes => "pairmin",
            Param::SecondServer => "second",
            Param::CatchUp => "catchup",
            Param::ArrivalWindowS => "arrivals",
            Param::TrackerFails => "trackerfail",
            Param::FreeRiders => "freeriders",
            Param::Churning => "churning",
        }
    }
}

/// Why a value was refused, in words for the learner.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamError {
    pub param: Param,
    pub message: String,
}

impl ParamSpec {
    /// Checks a typed-in value: a number, in range, whole where it must be.
    pub fn check(&self, param: Param, value: f64) -> Result<f64, ParamError> {
        let err = |message: String| Err(ParamError { param, message });
        if !value.is_finite() {
            return err(format!("{} must be a number", self.label));
        }
        if value < self.min || value > self.max {
            return err(format!("{} must be between {} and {}", self.label, format_number(self.min), format_number(self.max)));
        }
        if matches!(self.kind, ParamKind::Count | ParamKind::Switch) && value.fract() != 0.0 {
            return err(format!("{} must be a whole number", self.label));
        }
        Ok(value)
    }

    /// Parses what a learner typed, then checks it.
    pub fn parse(&self, param: Param, text: &str) -> Result<f64, ParamError> {
        match crate::number::parse_decimal(text.trim()) {
            Some(v) => self.check(param, v),
            None => Err(ParamError { param, message: format!("{} must be a number", self.label) }),
        }
    }
}

/// A value as a control shows it: whole numbers without a decimal point.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        crate::decimal::shortest(x)
    }
}

/// A full set of values; missing ones fall back to a default given by the
/// caller, so an experiment always has something to run. An array indexed
/// by the parameter rather than a map: smaller code in the Wasm bundle, and
/// iteration is in the enum's order by construction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params([Option<f64>; Param::ALL.len()]);

impl Params {
    pub fn from_pairs(pairs: &[(Param, f64)]) -> Params {
        let mut p = Params::default();
        for (param, v) in pairs {
            p.set(*param, *v);
        }
        p
    }

    pub fn get(&self, param: Param) -> Option<f64> {
        self.0[param as usize]
    }

    /// The parameters that have a value, in the enum's order.
    pub fn iter(&self) -> impl Iterator<Item = (Param, f64)> + '_ {
        Param::ALL.into_iter().filter_map(|p| self.get(p).map(|v| (p, v)))
    }

    /// The value, clamped into its range; `fallback` when unset.
    pub fn value_or(&self, param: Param, fallback: f64) -> f64 {
        let spec = param.spec();
        let v = self.get(param).unwrap_or(fallback);
        // Not `clamp`, whose check of its bounds would bring float
        // formatting into the Wasm for a message no table can trigger.
        if v.is_finite() { v.max(spec.min).min(spec.max) } else { fallback }
    }

    pub fn count_or(&self, param: Param, fallback: u32) -> u32 {
        self.value_or(param, f64::from(fallback)).round() as u32
    }

    pub fn switch_or(&self, param: Param, fallback: bool) -> bool {
        self.value_or(param, if fallback { 1.0 } else { 0.0 }) >= 0.5
    }

    pub fn set(&mut self, param: Param, value: f64) {
        self.0[param as usize] = Some(value);
    }

    /// A copy with `changes` applied (a lesson's scripted solution).
    pub fn with(&self, changes: &[(Param, f64)]) -> Params {
        let mut p = self.clone();
        for (param, v) in changes {
            p.set(*param, *v);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_array_index_is_the_position_in_all() {
        for (i, p) in Param::ALL.into_iter().enumerate() {
            assert_eq!(p as usize, i);
        }
    }

    #[test]
    fn keys_are_unique_and_specs_sane() {
        let mut keys: Vec<_> = Param::ALL.iter().map(|p| p.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Param::ALL.len());
        for p in Param::ALL {
            let s = p.spec();
            assert!(s.min < s.max && s.step > 0.0, "{p:?}");
            assert!(!s.label.is_empty());
        }
    }

    #[test]
    fn typed_values_are_checked_with_reasons() {
        let spec = Param::Nodes.spec();
        assert_eq!(spec.parse(Param::Nodes, " 12 "), Ok(12.0));
        assert!(spec.parse(Param::Nodes, "abc").unwrap_err().message.contains("must be a number"));
        assert!(spec.parse(Param::Nodes, "1").unwrap_err().message.contains("between 2 and 40"));
        assert!(spec.parse(Param::Nodes, "2.5").unwrap_err().message.contains("whole number"));
        assert!(spec.parse(Param::Nodes, "NaN").is_err());
        assert!(spec.parse(Param::Nodes, "inf").is_err());
    }

    #[test]
    fn values_are_clamped_and_defaulted() {
        let p = Params::from_pairs(&[(Param::Nodes, 500.0), (Param::Ttl, f64::NAN)]);
        assert_eq!(p.count_or(Param::Nodes, 4), 40);
        assert_eq!(p.count_or(Param::Ttl, 3), 3);
        assert_eq!(p.count_or(Param::Replication, 2), 2);
        assert!(!p.switch_or(Param::PushUpdates, false));
        assert!(p.with(&[(Param::PushUpdates, 1.0)]).switch_or(Param::PushUpdates, false));
    }
}
