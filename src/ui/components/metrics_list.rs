//! The metrics under one side's drawing, each with its value in words and
//! a stable key for tests.

use crate::experiment::{Bench, Metric, Metrics, Pair, Side};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct MetricsListProps {
    pub bench: Bench,
    pub metrics: Rc<Pair<Metrics>>,
    pub side: Side,
    /// Readouts a lesson keeps off the page (its task asks for them).
    pub hidden: &'static [Metric],
}

/// Redrawn only when the lab measures anew: the figures are behind an
/// `Rc` that a refresh replaces.
impl PartialEq for MetricsListProps {
    fn eq(&self, other: &Self) -> bool {
        self.bench == other.bench
            && self.side == other.side
            && self.hidden == other.hidden
            && Rc::ptr_eq(&self.metrics, &other.metrics)
    }
}

#[component]
pub fn MetricsList(props: &MetricsListProps) -> Html {
    let measured = &props.metrics[props.side];
    let rows = props.bench.metrics.iter().filter(|m| !props.hidden.contains(m)).map(|m| {
        let value = measured.get(*m).map_or_else(|| "—".to_owned(), |v| m.format(v));
        html! {
            <div class="metric">
                <dt>{ m.label() }<span class="window">{ format!(" ({})", m.window()) }</span></dt>
                <dd data-metric={m.key()}>{ value }</dd>
            </div>
        }
    });
    html! { <dl class="metrics">{ for rows }</dl> }
}
