//! The experiment bench shared by the lessons and the sandbox: parameters
//! in, two networks run side by side, drawable views and named metrics out.
//! Pure Rust like the core it drives, so it is tested natively.

pub mod bench;
pub mod chart;
pub mod chart_svg;
pub mod edits;
pub mod goal;
pub mod lab;
pub mod layout;
pub mod metric;
pub mod param;
pub mod side;
pub mod view;

pub use bench::{Bench, ChartSpec};
pub use edits::NetworkEdits;
pub use goal::{Cmp, Goal, Outcome, Side};
pub use metric::{Metric, Metrics};
pub use param::{Param, ParamKind, ParamSpec, Params};
pub use side::SideRun;
