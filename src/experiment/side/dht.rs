//! Chord runs and their central-index twin (the dht bench) as a side.
//!
//! Lookups take no simulated time; the drawing gives each hop a short
//! stretch of the clock so a learner can follow a lookup round the ring.

use super::{Curve, SideSim};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::view::{Lines, LinkView, NetView, NodeView, Traffic};
use crate::sim::dht::{DhtSim, Finder, RecentLookup};
use crate::sim::fault::Faults;
use crate::sim::node::{NodeId, Role};
use crate::sim::stepping::Stepper;

/// Simulated seconds the drawing gives each hop of a lookup.
const HOP_DRAWN_S: f64 = 0.15;

/// Stands for the central index in a drawn hop.
const INDEX: u32 = u32::MAX;

impl SideSim for DhtSim {
    fn horizon_s(&self) -> f64 {
        self.scenario().duration_s
    }

    fn draw(&self, view: &mut NetView) {
        let index = self.scenario().finder == Finder::Index;
        // Through an index, the index is node 0 and ring place p is p + 1.
        let node = |place: u32| match (place, index) {
            (INDEX, _) => 0,
            (p, true) => p + 1,
            (p, false) => p,
        };
        let stored = self.stored();
        let most = stored.iter().copied().max().unwrap_or(0).max(1);
        let hub = index.then(|| (NodeView::new(0, Role::Index, self.is_up(NodeId(0))), 0.0));
        let peers = stored.iter().zip(0u32..).map(|(&keys, place)| {
            let up = self.is_up(NodeId(node(place)));
            (NodeView::new(node(place), Role::Peer, up), f64::from(keys) / f64::from(most))
        });
        view.set_nodes(hub.into_iter().chain(peers));
        // The newest lookup's route stays drawn: on the ring, the finger
        // jumps it took, each shorter than the one before.
        let route = self.recent_lookups().last().map(|l| l.route.clone()).unwrap_or_default();
        let edges: Vec<(u32, u32)> = if index {
            route.first().map(|&a| (0, node(a))).into_iter().collect()
        } else {
            route.windows(2).map(|w| (node(w[0]), node(w[1]))).collect()
        };
        view.set_edges(edges.into_iter());
        let now = self.now().as_secs_f64();
        view.set_moving(
            self.recent_lookups()
                .filter_map(|l| hops_now(l, now, index))
                .map(|(from, to, progress, traffic)| LinkView::new(NodeId(node(from)), NodeId(node(to)), progress, traffic)),
        );
    }

    fn measure(&self, m: &mut Metrics) {
        let r = self.report();
        if r.lookups == 0 {
            return;
        }
        m.set(Metric::HitRate, r.success_rate);
        m.set(Metric::MessagesPerSearch, r.mean_messages);
        if let Some(h) = r.mean_hops {
            m.set(Metric::HopsPerSearch, h);
        }
        if let Some(b) = self.busiest_share() {
            m.set(Metric::BusiestShare, b);
        }
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        if curve != Curve::HitRateSoFar {
            return Vec::new();
        }
        self.samples().iter().filter(|s| s.lookups > 0).map(|s| (s.t_s, s.succeeded as f64 / s.lookups as f64)).collect()
    }

    fn faults(&mut self) -> Option<&mut dyn Faults> {
        Some(self)
    }

    fn lines(&self) -> Option<Lines> {
        Some(Lines::Route)
    }

    fn traffic(&self) -> &'static [Traffic] {
        &[Traffic::Request, Traffic::Response]
    }
}

/// The hop of `lookup` on screen at `now`, as (from, to, progress,
/// traffic) in ring places; [`INDEX`] stands for the index.
fn hops_now(lookup: &RecentLookup, now: f64, index: bool) -> Option<(u32, u32, f64, Traffic)> {
    let age = now - lookup.at.as_secs_f64();
    if age < 0.0 {
        return None;
    }
    let step = (age / HOP_DRAWN_S).floor();
    let progress = age / HOP_DRAWN_S - step;
    let step = step as usize;
    let asker = *lookup.route.first()?;
    if index {
        // A question to the index, then its answer.
        return match step {
            0 => Some((asker, INDEX, progress, Traffic::Request)),
            1 => Some((INDEX, asker, progress, Traffic::Response)),
            _ => None,
        };
    }
    let from = *lookup.route.get(step)?;
    let to = *lookup.route.get(step + 1)?;
    Some((from, to, progress, Traffic::Request))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::time::SimTime;

    fn lookup(route: Vec<u32>) -> RecentLookup {
        RecentLookup { at: SimTime(1_000_000), route, found: true }
    }

    #[test]
    fn a_lookup_is_drawn_one_hop_at_a_time() {
        let l = lookup(vec![4, 9, 12]);
        assert_eq!(hops_now(&l, 0.5, false), None, "not yet asked");
        let (from, to, p, _) = hops_now(&l, 1.0 + HOP_DRAWN_S * 0.5, false).unwrap();
        assert_eq!((from, to), (4, 9));
        assert!((p - 0.5).abs() < 1e-9);
        assert_eq!(hops_now(&l, 1.0 + HOP_DRAWN_S * 1.5, false).map(|h| (h.0, h.1)), Some((9, 12)));
        assert_eq!(hops_now(&l, 1.0 + HOP_DRAWN_S * 2.5, false), None, "arrived");
        let asked = hops_now(&l, 1.0 + HOP_DRAWN_S * 0.5, true).unwrap();
        assert_eq!((asked.0, asked.1, asked.3), (4, INDEX, Traffic::Request), "to the index");
        let told = hops_now(&l, 1.0 + HOP_DRAWN_S * 1.5, true).unwrap();
        assert_eq!((told.0, told.1, told.3), (INDEX, 4, Traffic::Response), "and back");
    }

    #[test]
    fn the_ring_draws_its_newest_route_as_a_route() {
        use crate::sim::dht::DhtScenario;
        let mut ring = DhtSim::new(DhtScenario::default()).unwrap();
        ring.run_events(2_000);
        let mut view = NetView::default();
        ring.draw(&mut view);
        assert_eq!(ring.lines(), Some(Lines::Route));
        assert!(!view.edges.is_empty(), "a lookup has been made, and its hops are drawn");
    }
}
