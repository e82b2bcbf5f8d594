//! `simulate lookup`: how peers find data through a central index, by
//! flooding, or on a Chord ring, measured the same way for all three.
//!
//! Every overlay gets the same lookups: `L` of them, evenly spaced over
//! `L / LOOKUPS_PER_S` seconds, each from a random peer that is up for a
//! random item. With churn, every peer (never the index) alternates up and
//! down times drawn from an exponential of the session mean, as in the
//! DHT simulator, so about half are up at any moment.
//!
//! - `hops`: overlay hops from the asker to the node that can answer (the
//!   holder; for the index and for Chord, the node that knows where the
//!   key lives); 0 when the asker can answer itself. Averaged over
//!   successful lookups.
//! - `messages`: everything sent for one lookup (queries, forwards,
//!   timeouts, answers), averaged over all lookups.

use super::args::{self, Flags};
use super::{emit, CliError};
use crate::sim::dht::scenario::MAX_SUCCESSORS;
use crate::sim::dht::{DhtScenario, DhtSim};
use crate::sim::fault::Faults;
use crate::sim::lookup::{LookupScenario, LookupSim};
use crate::sim::node::{Architecture, NodeId, Population};
use crate::sim::rng::Rng;
use crate::sim::stepping::Stepper;
use crate::sim::time::{SimDuration, SimTime};
use crate::sim::validate::ValidationError;
use serde::Serialize;
use std::io::Write;

/// Lookups per second across the network: sets the clock against which
/// churn happens.
const LOOKUPS_PER_S: f64 = 10.0;

/// How a lookup finds where the data is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overlay {
    /// Ask the index (node 0): one step, and it names a peer with a copy.
    Central,
    /// Ask the neighbours, who ask theirs, up to the TTL.
    Flooding,
    /// Route round a Chord ring.
    Dht,
}

impl Overlay {
    fn parse(text: &str) -> Result<Overlay, CliError> {
        match text {
            "central" => Ok(Overlay::Central),
            "flooding" => Ok(Overlay::Flooding),
            "dht" => Ok(Overlay::Dht),
            _ => Err(CliError::new("--overlay must be central, flooding or dht")),
        }
    }
}

/// What the command prints as JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LookupSummary {
    pub overlay: Overlay,
    pub peers: u32,
    pub lookups: u64,
    /// From 0 to 1.
    pub success_rate: f64,
    /// `None` (null) when no lookup succeeded.
    pub mean_hops: Option<f64>,
    pub mean_messages: f64,
    pub seed: u64,
}

/// The settings every overlay shares.
struct Setup {
    overlay: Overlay,
    peers: u32,
    lookups: u32,
    degree: f64,
    ttl: u32,
    copies: u32,
    session_s: Option<f64>,
    seed: u64,
}

pub(super) fn run(rest: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let flags = args::parse(
        rest,
        &["--overlay", "--peers", "--lookups", "--degree", "--ttl", "--copies", "--churn-session-s", "--seed"],
        &["--json"],
    )?;
    let setup = setup(&flags)?;
    let summary = match setup.overlay {
        Overlay::Dht => dht(&setup),
        Overlay::Central | Overlay::Flooding => indexed_or_flooded(&setup),
    }
    .map_err(|e| CliError::new(format!("{}: {e}", flag_for(&e.field))))?;
    if flags.switch("--json") {
        let json = serde_json::to_string_pretty(&summary).map_err(|e| CliError::new(e.to_string()))?;
        return emit(out, &format!("{json}\n"));
    }
    emit(out, &text(&summary))
}

fn setup(flags: &Flags) -> Result<Setup, CliError> {
    let overlay = Overlay::parse(flags.required("--overlay")?)?;
    let whole = |name: &str, default: u64| -> Result<u32, CliError> {
        let v = flags.whole(name)?.unwrap_or(default);
        u32::try_from(v).map_err(|_| CliError::new(format!("{name} is too large")))
    };
    let peers = flags.whole("--peers")?.ok_or_else(|| CliError::new("missing --peers"))?;
    let peers = u32::try_from(peers).map_err(|_| CliError::new("--peers is too large"))?;
    let lookups = whole("--lookups", 1_000)?;
    if !(1..=100_000).contains(&lookups) {
        return Err(CliError::new(format!("--lookups must be a whole number from 1 to 100000 (got {lookups})")));
    }
    let session_s = flags.number("--churn-session-s")?;
    if let Some(s) = session_s {
        if !(1.0..=1e6).contains(&s) {
            return Err(CliError::new(format!("--churn-session-s must be between 1 and 1000000 seconds (got {s})")));
        }
    }
    Ok(Setup {
        overlay,
        peers,
        lookups,
        degree: flags.number("--degree")?.unwrap_or(4.0),
        ttl: whole("--ttl", 3)?,
        copies: whole("--copies", 1)?,
        session_s,
        seed: flags.whole("--seed")?.unwrap_or(1),
    })
}

/// The flag a learner typed for a scenario field.
fn flag_for(field: &str) -> &'static str {
    match field {
        "clients or peers" | "peers" | "number of peers" => "--peers",
        "links per peer (mean)" => "--degree",
        "query TTL (hops)" => "--ttl",
        "copies of each item" | "copies of each key" => "--copies",
        "mean session (s)" => "--churn-session-s",
        "search messages" => "--lookups, --degree and --ttl",
        _ => "scenario",
    }
}

/// When the `i`-th lookup is asked, and how long the run lasts.
fn spacing(setup: &Setup) -> (f64, f64) {
    let gap = 1.0 / LOOKUPS_PER_S;
    (gap, f64::from(setup.lookups) * gap)
}

fn at(s: f64) -> SimTime {
    SimTime::ZERO + SimDuration::from_secs_f64_ceil(s)
}

/// Up and down times for one peer: when it toggles, up to `end_s`.
fn sessions(rng: &mut Rng, mean_s: f64, end_s: f64) -> Vec<f64> {
    let mut toggles = Vec::new();
    let mut t = rng.exponential(mean_s);
    while t < end_s {
        toggles.push(t);
        t += rng.exponential(mean_s).max(1e-3);
    }
    toggles
}

fn dht(setup: &Setup) -> Result<LookupSummary, ValidationError> {
    let (gap, duration) = spacing(setup);
    let mut scenario = DhtScenario::stable(setup.peers)
        .with_seed(setup.seed)
        .with_copies(setup.copies)
        // Copies sit on successors, so the list must reach them all.
        .with_successors(setup.copies.clamp(DhtScenario::default().successors, MAX_SUCCESSORS as u32))
        .with_lookups(0.0, duration + gap);
    if let Some(s) = setup.session_s {
        scenario = scenario.with_churn(s);
    }
    let mut sim = DhtSim::new(scenario)?;
    for i in 0..setup.lookups {
        sim.run_until(at(f64::from(i) * gap), u64::MAX);
        sim.lookups_now(1);
    }
    let r = sim.report();
    Ok(LookupSummary {
        overlay: Overlay::Dht,
        peers: setup.peers,
        lookups: r.lookups,
        success_rate: r.success_rate,
        mean_hops: r.mean_hops,
        mean_messages: r.mean_messages,
        seed: setup.seed,
    })
}

fn indexed_or_flooded(setup: &Setup) -> Result<LookupSummary, ValidationError> {
    let (gap, duration) = spacing(setup);
    let architecture = if setup.overlay == Overlay::Central { Architecture::Hybrid } else { Architecture::PeerToPeer };
    let scenario = LookupScenario {
        architecture,
        peers: setup.peers,
        replication: setup.copies,
        mean_degree: setup.degree,
        ttl: setup.ttl,
        query_rate: 0.0,
        // Long enough for the last flood to come home.
        duration_s: duration + 60.0,
        sample_interval_s: duration + 60.0,
        seed: setup.seed,
        ..LookupScenario::default()
    };
    // The lookups start by hand below, not at the scenario's rate, so its
    // work check would count none: check them as the rate that starts as
    // many, which bounds their floods' messages as a page's are.
    let per_peer_s = f64::from(setup.lookups) / (f64::from(setup.peers.max(1)) * scenario.duration_s);
    LookupScenario { query_rate: per_peer_s, ..scenario.clone() }.validate()?;
    let peers: Vec<NodeId> = (0..setup.peers).map(|u| scenario.user_node(u)).collect();
    let items = scenario.items;
    let mut sim = LookupSim::new(scenario)?;
    let [mut asks, mut churn] = Rng::streams(setup.seed ^ 0x6c6f_6f6b);
    // Every toggle of every peer, in time order (ties by peer, so the
    // order is the same everywhere).
    let mut toggles: Vec<(SimTime, NodeId)> = match setup.session_s {
        Some(mean) => peers.iter().flat_map(|&p| sessions(&mut churn, mean, duration).into_iter().map(move |t| (at(t), p))).collect(),
        None => Vec::new(),
    };
    toggles.sort_unstable_by_key(|&(t, p)| (t, p.0));
    let mut next_toggle = toggles.into_iter().peekable();
    for i in 0..setup.lookups {
        let t = at(f64::from(i) * gap);
        while let Some((when, peer)) = next_toggle.next_if(|(when, _)| *when <= t) {
            sim.run_until(when, u64::MAX);
            sim.toggle_node(peer)?;
        }
        sim.run_until(t, u64::MAX);
        let up: Vec<NodeId> = peers.iter().copied().filter(|&p| sim.is_up(p)).collect();
        let Some(&origin) = up.get(asks.below(up.len() as u32) as usize) else { continue };
        sim.start_query(origin, asks.below(items))?;
    }
    sim.run_to_end(u64::MAX);
    let outcomes = sim.outcomes();
    let hits: Vec<u32> = outcomes.iter().filter_map(|o| o.hops_to_hit).collect();
    let lookups = outcomes.len() as u64;
    let messages: u64 = outcomes.iter().map(|o| u64::from(o.messages())).sum();
    Ok(LookupSummary {
        overlay: setup.overlay,
        peers: setup.peers,
        lookups,
        success_rate: if lookups == 0 { 0.0 } else { hits.len() as f64 / lookups as f64 },
        mean_hops: (!hits.is_empty()).then(|| hits.iter().map(|&h| f64::from(h)).sum::<f64>() / hits.len() as f64),
        mean_messages: if lookups == 0 { 0.0 } else { messages as f64 / lookups as f64 },
        seed: setup.seed,
    })
}

fn text(s: &LookupSummary) -> String {
    let name = match s.overlay {
        Overlay::Central => "Central index",
        Overlay::Flooding => "Flooding",
        Overlay::Dht => "Chord DHT",
    };
    let hops = s.mean_hops.map_or_else(|| "none found".to_owned(), |h| format!("{h:.3}"));
    format!(
        "{name}: {} peers, {} lookups (seed {})\n  found              {:.1}%\n  mean hops          {hops}  (over lookups that found it)\n  mean messages      {:.3}  (per lookup, everything sent)\n",
        s.peers,
        s.lookups,
        s.seed,
        s.success_rate * 100.0,
        s.mean_messages
    )
}

#[cfg(test)]
mod tests;
