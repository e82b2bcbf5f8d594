//! Finding data with no index: a Chord ring against a central index over
//! the same peers, keys, copies and churn (the `dht` lesson, and the
//! sandbox's DHT workload).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::dht::scenario::MAX_SUCCESSORS;
use crate::sim::dht::{DhtScenario, DhtSim, Finder};
use crate::sim::validate::ValidationError;

const DURATION_S: f64 = 120.0;
const LOOKUPS_PER_S: f64 = 5.0;
const KEYS: u32 = 200;
/// How often each node repairs its tables (Chord's stabilise).
const STABILISE_S: f64 = 5.0;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let peers = s.count(Param::Peers);
    // Never more copies than nodes; the ring keeps as many as the control
    // offers (a test holds the two together).
    let copies = s.count(Param::Replication).clamp(1, peers);
    let scenario = DhtScenario {
        peers,
        keys: KEYS,
        lookups_per_s: LOOKUPS_PER_S,
        duration_s: DURATION_S,
        copies,
        successors: copies.clamp(DhtScenario::default().successors, MAX_SUCCESSORS as u32),
        stabilise_s: STABILISE_S,
        churn_session_s: Some(s.value(Param::SessionS)),
        churn_paused: !s.switch(Param::Churning),
        finder: if s.central() { Finder::Index } else { Finder::Ring },
        seed: s.seed,
    };
    Ok(Box::new(DhtSim::new(scenario)?))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    vec![
        ("duration-s", DURATION_S),
        ("lookups-per-s", LOOKUPS_PER_S),
        ("keys", f64::from(KEYS)),
        ("stabilise-s", STABILISE_S),
        ("finger-entries", 32.0),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::bench::DHT;
    use crate::experiment::{Metric, Params};
    use crate::sim::dht::scenario::MAX_COPIES;

    #[test]
    fn the_index_answers_in_one_step_and_the_ring_in_about_half_log2_n() {
        let o = DHT.outcome(&Params::default(), 1).unwrap();
        assert_eq!(o.central.get(Metric::HitRate), Some(1.0));
        assert_eq!(o.distributed.get(Metric::HitRate), Some(1.0), "nobody leaves until churn is on");
        let hops = o.distributed.get(Metric::HopsPerSearch).unwrap();
        // One ring of 64 can sit a tenth or more off the mean over rings.
        assert!((hops - 3.0).abs() < 0.45, "64 peers: about 3 hops ({hops})");
        assert!(o.central.get(Metric::HopsPerSearch).unwrap() <= 1.0);
        assert!(o.central.get(Metric::BusiestShare).unwrap() > 0.9, "the index answers nearly everything");
        assert!(o.distributed.get(Metric::BusiestShare).unwrap() < 0.1, "on the ring no node answers much");
    }

    #[test]
    fn every_size_the_controls_offer_runs() {
        assert!(MAX_COPIES as f64 >= Param::Replication.spec().max, "the ring keeps as many copies as the control offers");
        for peers in [Param::Peers.spec().min, Param::Peers.spec().max] {
            for copies in [Param::Replication.spec().min, Param::Replication.spec().max] {
                let params = Params::from_pairs(&[(Param::Peers, peers), (Param::Replication, copies)]);
                assert!(DHT.outcome(&params, 1).is_ok(), "{peers} peers, {copies} copies");
            }
        }
    }

    #[test]
    fn churn_is_a_setting_a_lesson_can_start_with() {
        let churning = Params::from_pairs(&[(Param::Churning, 1.0), (Param::Replication, 1.0)]);
        let o = DHT.outcome(&churning, 1).unwrap();
        assert!(o.distributed.get(Metric::HitRate).unwrap() < 0.95, "peers leave, and with one copy keys go with them");
        assert!(o.central.get(Metric::HitRate).unwrap() < 0.95, "the index cannot find what has gone either");
    }

    /// The dht lesson: under churn, the index finds nearly the same share
    /// as the ring (the misses are lost keys, not lost lookups), and the
    /// ring's successful lookups take fewer hops, with fewer peers online.
    #[test]
    fn under_churn_the_misses_are_lost_keys_and_the_ring_is_shorter() {
        let still = DHT.outcome(&Params::default(), 2024).unwrap();
        for copies in 1..=3 {
            let p = Params::from_pairs(&[(Param::Churning, 1.0), (Param::Replication, f64::from(copies))]);
            let o = DHT.outcome(&p, 2024).unwrap();
            let (index, ring) = (o.central.get(Metric::HitRate).unwrap(), o.distributed.get(Metric::HitRate).unwrap());
            assert!((index - ring).abs() <= 0.01, "{copies} copies: index {index}, ring {ring}");
            assert!(ring < 0.95, "{copies} copies: churn loses keys");
            let hops = |o: &crate::experiment::Outcome| o.distributed.get(Metric::HopsPerSearch).unwrap();
            assert!(hops(&o) < hops(&still), "{copies} copies: {} hops under churn, {} without", hops(&o), hops(&still));
        }
    }
}
