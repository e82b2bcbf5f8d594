//! An index or tracker with peer-to-peer transfer: receivers arriving over
//! time fetch a file from a server (client-server) or join a swarm through
//! a tracker (hybrid), which may fail (the `hybrid` lesson, and the
//! sandbox's tracker workload).

use super::SideSetup;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::distribution::{DistributionScenario, DistributionSim};
use crate::sim::node::Architecture;
use crate::sim::validate::ValidationError;

const CHUNKS: u32 = 100;
/// A tracker round trip takes two of these.
const LATENCY_MS: f64 = 50.0;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let arch = if s.central() { Architecture::ClientServer } else { Architecture::Hybrid };
    let window = s.value(Param::ArrivalWindowS);
    let scenario = DistributionScenario {
        tracker_fails_at_s: s.switch(Param::TrackerFails).then_some(window / 2.0),
        ..DistributionScenario::homogeneous(
            arch,
            s.count(Param::Receivers),
            s.value(Param::FileMbit),
            s.value(Param::ServerUploadMbps),
            s.value(Param::PeerUpMbps),
            s.value(Param::PeerDownMbps),
        )
        .with_chunks(CHUNKS)
        .with_latency_ms(LATENCY_MS)
        .with_arrivals_over(window)
        .with_seed(s.seed)
    };
    Ok(Box::new(DistributionSim::new(scenario)?))
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    vec![("chunks", f64::from(CHUNKS)), ("latency-ms", LATENCY_MS)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::bench::HYBRID;
    use crate::experiment::{Metric, Params};

    #[test]
    fn peers_take_the_load_off_the_server_and_a_failed_tracker_turns_newcomers_away() {
        let o = HYBRID.outcome(&Params::default(), 1).unwrap();
        let (cs, hybrid) = (o.central.get(Metric::ServerSentMbit).unwrap(), o.distributed.get(Metric::ServerSentMbit).unwrap());
        assert_eq!(cs, 30.0 * 200.0, "the server sends every copy");
        assert!(hybrid < cs / 3.0, "{hybrid} of {cs}");
        assert_eq!(o.distributed.get(Metric::HaveFile), Some(1.0));
        assert_eq!(o.distributed.get(Metric::JoinsRefused), Some(0.0));

        let failing = Params::from_pairs(&[(Param::TrackerFails, 1.0)]);
        let o = HYBRID.outcome(&failing, 1).unwrap();
        assert!(o.distributed.get(Metric::JoinsRefused).unwrap() > 0.0);
        let have = o.distributed.get(Metric::HaveFile).unwrap();
        assert!(have > 0.2 && have < 0.8, "about half had joined: {have}");
        assert_eq!(o.central.get(Metric::HaveFile), Some(1.0), "client-server has no tracker to lose");
    }
}
