//! Finding data: one lookup at a central index against flooding with a
//! TTL across peers (the `focus` lesson, and the sandbox's lookup workload).

use super::SideSetup;
use crate::experiment::edits::NetworkEdits;
use crate::experiment::param::Param;
use crate::experiment::side::SideSim;
use crate::sim::lookup::{Link, LookupScenario, LookupSim};
use crate::sim::node::{Architecture, Population};
use crate::sim::validate::{Problem, ValidationError};

const DURATION_S: f64 = 30.0;

pub(super) fn build(s: &SideSetup) -> Result<Box<dyn SideSim>, ValidationError> {
    let peers = s.count(Param::Peers);
    let scenario = LookupScenario {
        architecture: s.arch,
        peers,
        replication: s.count(Param::Replication).min(peers),
        mean_degree: s.value(Param::MeanDegree).min(f64::from(peers.saturating_sub(1))),
        ttl: s.count(Param::Ttl),
        duration_s: DURATION_S,
        seed: s.seed,
        ..LookupScenario::default()
    };
    // Links are edited where queries flood along them.
    let scenario = if s.arch == Architecture::PeerToPeer { with_links(scenario, s.edits) } else { scenario };
    match LookupSim::new(scenario) {
        Ok(sim) => Ok(Box::new(sim)),
        // Told in the controls' words: the learner set the reach, not the
        // message count.
        Err(ValidationError { problem: Problem::TooMuchWork { expected, .. }, .. }) => Err(ValidationError::new(
            format!("{}, {} and {}", Param::Ttl.spec().label, Param::Peers.spec().label, Param::MeanDegree.spec().label),
            Problem::Invalid {
                reason: format!(
                    "a flood this wide would send about {} million messages, more than the page can simulate in good time; lower one of them",
                    crate::decimal::fixed(expected / 1e6, 0)
                ),
            },
        )),
        Err(e) => Err(e),
    }
}

/// The flooding overlay with the links connected and cut by hand.
fn with_links(mut scenario: LookupScenario, edits: &NetworkEdits) -> LookupScenario {
    for l in edits.links.iter().filter(|l| l.b < scenario.peers) {
        let link = Link { a: scenario.user_node(l.a), b: scenario.user_node(l.b) };
        if l.connected {
            scenario.extra_links.push(link);
        } else {
            scenario.removed_links.push(link);
        }
    }
    scenario
}

pub(super) fn facts() -> Vec<(&'static str, f64)> {
    vec![("duration-s", DURATION_S), ("hop-latency-ms", LookupScenario::default().hop_latency_ms)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::bench::LOOKUP;
    use crate::experiment::Params;

    #[test]
    fn every_network_the_lesson_controls_offer_runs() {
        // The widest flood at the most peers, with the links per peer the
        // lesson keeps: offered, so it must run.
        let params = Params::from_pairs(&[(Param::Peers, Param::Peers.spec().max), (Param::Ttl, Param::Ttl.spec().max)]);
        assert!(LOOKUP.outcome(&params, 1).is_ok());
    }

    #[test]
    fn a_flood_too_wide_to_simulate_is_refused_in_the_controls_words() {
        let params = Params::from_pairs(&[(Param::Peers, 500.0), (Param::Ttl, 7.0), (Param::MeanDegree, 20.0)]);
        let err = LOOKUP.outcome(&params, 1).expect_err("refused");
        let text = err.to_string();
        assert!(text.starts_with("Search radius (TTL), Peers and Links per peer: a flood this wide"), "{text}");
        assert!(text.contains("million messages"), "{text}");
    }
}
