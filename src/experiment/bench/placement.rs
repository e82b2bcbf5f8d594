//! Where data lives: copies, peers offline, updates (the `data` lesson).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::fault::ScheduledFault;
use crate::sim::lookup::{LookupScenario, LookupSim, Propagation};
use crate::sim::node::Population;
use crate::sim::validate::ValidationError;

const PEERS: u32 = 30;
const ITEMS: u32 = 60;
const DURATION_S: f64 = 90.0;
/// Who is offline changes this many times a run: peers go away and come
/// back, so a copy that was away can miss an update.
const SHIFTS: u32 = 3;
/// Reads each peer makes per second, and updates per second across all
/// items.
const QUERY_RATE: f64 = 0.5;
const UPDATE_RATE: f64 = 1.0;
/// How long a pushed update takes to reach a copy.
const PUSH_DELAY_MS: f64 = 50.0;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let offline = (s.value(Param::OfflinePercent) / 100.0 * f64::from(PEERS)).round() as u32;
    let base = LookupScenario {
        architecture: s.arch,
        peers: PEERS,
        items: ITEMS,
        replication: s.count(Param::Replication).min(PEERS),
        ttl: 7,
        query_rate: QUERY_RATE,
        update_rate: UPDATE_RATE,
        propagation: if s.switch(Param::PushUpdates) { Propagation::Push { delay_ms: PUSH_DELAY_MS } } else { Propagation::None },
        catch_up: s.switch(Param::CatchUp),
        duration_s: DURATION_S,
        seed: s.seed,
        ..LookupScenario::default()
    };
    let faults = shifts(offline).into_iter().map(|(at_s, peer, up)| {
        let node = base.user_node(peer).0;
        if up { ScheduledFault::revive(at_s, node) } else { ScheduledFault::fail(at_s, node) }
    });
    Ok(Box::new(LookupSim::new(LookupScenario { faults: faults.collect(), ..base })?))
}

/// Who goes offline and comes back, and when: `offline` peers at a time,
/// a new group each shift, the same peers on both sides (the server never
/// goes offline). Returns `(time, peer, comes back?)`.
fn shifts(offline: u32) -> Vec<(f64, u32, bool)> {
    // Stepping by a number prime to PEERS visits every peer once, spread
    // around the overlay rather than side by side.
    let group = |shift: u32| -> Vec<u32> { (0..offline).map(|i| ((shift * offline + i) * 7) % PEERS).collect() };
    let mut out: Vec<(f64, u32, bool)> = group(0).into_iter().map(|p| (0.0, p, false)).collect();
    for shift in 1..SHIFTS {
        let at_s = DURATION_S * f64::from(shift) / f64::from(SHIFTS);
        let (before, now) = (group(shift - 1), group(shift));
        out.extend(before.iter().filter(|p| !now.contains(p)).map(|p| (at_s, *p, true)));
        out.extend(now.iter().filter(|p| !before.contains(p)).map(|p| (at_s, *p, false)));
    }
    out
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    vec![
        ("peers", f64::from(PEERS)),
        ("items", f64::from(ITEMS)),
        ("duration-s", DURATION_S),
        ("query-rate", QUERY_RATE),
        ("update-rate", UPDATE_RATE),
        ("push-delay-ms", PUSH_DELAY_MS),
        ("shifts", f64::from(SHIFTS)),
        ("shift-s", DURATION_S / f64::from(SHIFTS)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shift_keeps_the_same_number_offline_and_brings_the_last_group_back() {
        for offline in [0, 6, 9, 15] {
            let events = shifts(offline);
            let mut down = vec![false; PEERS as usize];
            let mut at = 0.0;
            for (t, peer, up) in &events {
                if *t > at {
                    assert_eq!(down.iter().filter(|d| **d).count() as u32, offline, "before {t}");
                    at = *t;
                }
                assert_eq!(down[*peer as usize], *up, "peer {peer} at {t} changes state");
                down[*peer as usize] = !*up;
            }
            assert_eq!(down.iter().filter(|d| **d).count() as u32, offline);
            if offline > 0 && offline * SHIFTS <= PEERS {
                assert!(events.iter().any(|(_, _, up)| *up), "someone comes back");
            }
        }
    }
}
