//! Free riders in a swarm, and BitTorrent's tit-for-tat: the same peers,
//! the same free riders, scheduled altruistically or by choking (the
//! `incentives` lesson, and the sandbox's swarm workload).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::distribution::{DistributionScenario, DistributionSim, Policy};
use crate::sim::node::Architecture;
use crate::sim::validate::{Problem, ValidationError};

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let receivers = s.count(Param::Receivers);
    let riders = s.count(Param::FreeRiders);
    if riders > receivers {
        let reason = format!("there are only {receivers} receivers to free ride");
        return Err(ValidationError::new(Param::FreeRiders.spec().label, Problem::Invalid { reason }));
    }
    let policy = if s.central() { Policy::Altruistic } else { Policy::TitForTat };
    let mut scenario = DistributionScenario::homogeneous(
        // Both sides are swarms: only the policy differs.
        Architecture::PeerToPeer,
        receivers,
        s.value(Param::FileMbit),
        s.value(Param::ServerUploadMbps),
        s.value(Param::PeerUpMbps),
        s.value(Param::PeerDownMbps),
    )
    .with_seed(s.seed)
    .with_policy(policy)
    .with_free_rider_count(riders);
    // Free riders set by hand join those drawn, on both sides alike.
    for &c in s.edits.clients.iter().filter(|&&c| c < receivers) {
        if let Err(at) = scenario.clients.binary_search(&c) {
            scenario.clients.insert(at, c);
        }
    }
    Ok(Box::new(DistributionSim::new(scenario)?))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    use crate::sim::distribution::{OPTIMISTIC_S, RATE_WINDOW_S, RECHOKE_S, REGULAR_SLOTS};
    vec![
        ("regular-slots", REGULAR_SLOTS as f64),
        ("rate-window-s", RATE_WINDOW_S as f64),
        ("rechoke-s", RECHOKE_S as f64),
        ("optimistic-s", OPTIMISTIC_S as f64),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::bench::INCENTIVES;
    use crate::experiment::{Metric, Params};

    #[test]
    fn tit_for_tat_makes_free_riders_wait_and_altruism_carries_them() {
        let o = INCENTIVES.outcome(&Params::default(), 1).unwrap();
        let ratio = |m: &crate::experiment::metric::Metrics| {
            m.get(Metric::FreeRiderMeanS).unwrap() / m.get(Metric::ContributorMeanS).unwrap()
        };
        assert!(ratio(&o.distributed) >= 1.3, "tit-for-tat: {}", ratio(&o.distributed));
        assert!(ratio(&o.central) <= 1.15, "altruistic: {}", ratio(&o.central));
        assert_eq!(o.central.get(Metric::HaveFile), Some(1.0));
        assert_eq!(o.distributed.get(Metric::HaveFile), Some(1.0));
    }

    /// The incentives lesson's nuance: with half the swarm free riding,
    /// tit-for-tat's free riders finish no later than the altruistic
    /// swarm's (its early finishers seed everyone).
    #[test]
    fn with_half_free_riding_tit_for_tat_does_not_hold_the_free_riders_back() {
        let p = Params::from_pairs(&[(Param::Receivers, 50.0), (Param::FreeRiders, 25.0)]);
        let o = INCENTIVES.outcome(&p, 2024).unwrap();
        let (tft, alt) = (o.distributed.get(Metric::FreeRiderMeanS).unwrap(), o.central.get(Metric::FreeRiderMeanS).unwrap());
        assert!(tft <= alt, "tit-for-tat {tft} s, altruistic {alt} s");
    }

    #[test]
    fn more_free_riders_than_receivers_is_refused_with_a_reason() {
        let p = Params::from_pairs(&[(Param::Receivers, 5.0), (Param::FreeRiders, 6.0)]);
        let why = INCENTIVES.outcome(&p, 1).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(why.contains("only 5 receivers"), "{why}");
        let all = Params::from_pairs(&[(Param::Receivers, 5.0), (Param::FreeRiders, 5.0)]);
        assert!(INCENTIVES.outcome(&all, 1).is_ok(), "every receiver may free ride");
    }

    #[test]
    fn without_free_riders_there_is_no_free_rider_time() {
        let o = INCENTIVES.outcome(&Params::from_pairs(&[(Param::FreeRiders, 0.0)]), 1).unwrap();
        assert_eq!(o.distributed.get(Metric::FreeRiderMeanS), None);
        assert!(o.distributed.get(Metric::ContributorMeanS).is_some());
    }
}
