//! What the panel shows of the runs: each side's drawing (redrawn every
//! frame into the same buffers), and the metrics, chart and upload bars
//! (refreshed every few frames). The slower parts sit behind `Rc`s that are
//! replaced only when refreshed, so a view can tell in one comparison
//! whether they changed.

use crate::experiment::bench::{Bench, ChartSpec};
use crate::experiment::layout::{place, Point};
use crate::experiment::metric::Metrics;
use crate::experiment::pair::{Pair, Side};
use crate::experiment::param::Params;
use crate::experiment::side::{SideSim, Split};
use crate::experiment::view::NetView;
use crate::sim::node::Role;
use std::rc::Rc;

/// How a refresh measures: the live display's cheap figures, or the exact
/// ones a finished run reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Live,
    Exact,
}

#[derive(Clone, Debug, Default)]
pub struct Picture {
    pub views: Pair<NetView>,
    /// Where each side's nodes stand, by node id; placed once per build.
    pub layouts: Pair<Rc<Vec<Point>>>,
    pub metrics: Rc<Pair<Metrics>>,
    pub chart: Option<Rc<ChartSpec>>,
    /// Mbit uploaded per node on each side, the server first (file
    /// distribution only).
    pub uploads: Rc<Pair<Vec<f64>>>,
    /// Who pays for what, on each side, where the model says.
    pub splits: Rc<Pair<Option<Split>>>,
}

impl Picture {
    /// Draws both sides as they are now.
    pub fn draw(&mut self, runs: &Pair<Box<dyn SideSim>>) {
        for side in Side::BOTH {
            runs[side].draw(&mut self.views[side]);
            // What the lines stand for is the side's to say, once, for
            // every workload: no drawing sets it for itself.
            self.views[side].lines = runs[side].lines();
        }
    }

    /// Places the nodes afresh: roles are fixed for a run, so once a build.
    pub fn place(&mut self) {
        for side in Side::BOTH {
            let roles: Vec<Role> = self.views[side].nodes.iter().map(|n| n.role).collect();
            self.layouts[side] = Rc::new(place(&roles));
        }
    }

    /// Measures both sides, and redraws their chart and upload bars.
    pub fn measure(&mut self, bench: Bench, params: &Params, runs: &Pair<Box<dyn SideSim>>, how: Measure) {
        self.metrics = Rc::new(runs.map(|r| {
            let mut m = Metrics::default();
            match how {
                Measure::Live => r.measure_live(&mut m),
                Measure::Exact => r.measure(&mut m),
            }
            m
        }));
        self.chart = bench.chart(runs, params).map(Rc::new);
        self.uploads = Rc::new(runs.map(|r| r.uploads()));
        self.splits = Rc::new(runs.map(|r| r.split()));
    }

    /// Nothing to show (the setup was refused).
    pub fn clear(&mut self) {
        *self = Picture::default();
    }

    /// What both sides measured, as CSV: one row per metric, raw numbers
    /// (shares as 0..1, times in seconds or milliseconds as labelled).
    pub fn csv(&self, bench: Bench, labels: Pair<&str>) -> String {
        let mut out = format!("metric,{},{}\n", labels[Side::Central].replace(',', ";"), labels[Side::Distributed].replace(',', ";"));
        let cell = |v: Option<f64>| v.map_or(String::new(), crate::decimal::shortest);
        for m in bench.metrics {
            out.push_str(&format!(
                "{},{},{}\n",
                m.label().replace(',', ";"),
                cell(self.metrics[Side::Central].get(*m)),
                cell(self.metrics[Side::Distributed].get(*m))
            ));
        }
        out
    }
}
