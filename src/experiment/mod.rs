//! The experiment bench shared by the lessons and the sandbox: the table of
//! benches (a workload each), the trait a side's simulation offers, and
//! the Lab that runs two sides in an experiment panel. Pure Rust like the
//! core it drives, so it is tested natively.

pub mod bench;
pub mod chart;
pub mod chart_svg;
pub mod edits;
pub mod goal;
pub mod lab;
pub mod layout;
pub mod metric;
pub mod pair;
pub mod param;
pub mod side;
pub mod view;

pub use bench::{Bench, BenchSpec, ChartSpec};
pub use edits::{EditError, NetworkEdits};
pub use goal::{Cmp, Goal, Outcome};
pub use metric::{Metric, Metrics};
pub use pair::{Pair, Side};
pub use param::{Param, ParamKind, ParamSpec, Params};
pub use side::SideSim;

/// What a finished run or sweep can be saved as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The figures, one row per metric or per N.
    Csv,
    /// The chart, as drawn.
    Svg,
}

impl Export {
    /// The file name's extension and the file's media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Export::Csv => ("csv", "text/csv"),
            Export::Svg => ("svg", "image/svg+xml"),
        }
    }
}
