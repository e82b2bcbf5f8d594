//! Lookup runs (the lookup and placement benches) as a side.

use super::{Curve, SideSim};
use crate::experiment::metric::{Metric, Metrics};
use crate::experiment::view::{Lines, LinkView, NetView, Traffic};
use crate::sim::fault::Faults;
use crate::sim::lookup::{LookupMessageKind, LookupSim, Propagation};

impl SideSim for LookupSim {
    fn horizon_s(&self) -> f64 {
        self.scenario().duration_s
    }

    fn draw(&self, view: &mut NetView) {
        let snap = self.snapshot();
        super::holders(view, snap.nodes.iter().map(|n| (n.id, n.role, n.up, n.items_held)));
        view.set_edges(self.links().iter().map(|l| (l.a.0, l.b.0)));
        view.set_moving(snap.messages.iter().map(|m| {
            let traffic = match m.kind {
                LookupMessageKind::Query => Traffic::Request,
                LookupMessageKind::Answer => Traffic::Response,
                LookupMessageKind::Push => Traffic::Data,
            };
            LinkView::new(m.from, m.to, m.progress, traffic)
        }));
    }

    fn measure(&self, m: &mut Metrics) {
        let report = self.report();
        if report.counters.hits + report.counters.misses > 0 {
            m.set(Metric::HitRate, report.hit_rate);
            m.set(Metric::MessagesPerSearch, report.mean_messages_per_query);
            m.set(Metric::StaleReads, report.stale_read_fraction);
        }
        if report.elapsed_s > 0.0 {
            // Search traffic, questions and answers, as MessagesPerSearch
            // counts it (pushed updates are another matter).
            let search = report.counters.query_messages + report.counters.answer_messages;
            m.set(Metric::MessagesPerSecond, search as f64 / report.elapsed_s);
        }
        // Averaged over the run: peers come and go, and a reader asks at
        // any moment, not only at the end.
        let items = self.scenario().items.max(1);
        let now = f64::from(report.items_available) / f64::from(items);
        let samples = report.series.len() as f64;
        let mean = if samples > 0.0 { report.series.iter().map(|s| s.items_available).sum::<f64>() / samples } else { now };
        m.set(Metric::ItemsAvailable, mean);
    }

    fn curve(&self, curve: Curve) -> Vec<(f64, f64)> {
        let report = self.report();
        match curve {
            Curve::StaleShare => report.series.iter().filter(|s| s.hits > 0).map(|s| (s.t_s, s.stale_fraction)).collect(),
            Curve::HitRateSoFar => {
                let (mut done, mut hits) = (0u64, 0u64);
                report
                    .series
                    .iter()
                    .filter_map(|s| {
                        done += s.finished;
                        hits += s.hits;
                        (done > 0).then(|| (s.t_s, hits as f64 / done as f64))
                    })
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    fn faults(&mut self) -> Option<&mut dyn Faults> {
        Some(self)
    }

    fn lines(&self) -> Option<Lines> {
        (self.scenario().architecture == crate::sim::node::Architecture::PeerToPeer).then_some(Lines::Overlay)
    }

    fn traffic(&self) -> &'static [Traffic] {
        match self.scenario().propagation {
            Propagation::Push { .. } => &[Traffic::Request, Traffic::Response, Traffic::Data],
            Propagation::None => &[Traffic::Request, Traffic::Response],
        }
    }
}
