//! A small SVG line chart with axes, ticks, a legend and an optional
//! marker, drawn from its markup (`experiment::chart_svg`).

use crate::experiment::chart_svg::figure;
use crate::experiment::ChartSpec;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct LineChartProps {
    pub spec: Rc<ChartSpec>,
}

/// Redrawn only when the lab measures anew: the spec is behind an `Rc`
/// that a refresh replaces.
impl PartialEq for LineChartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.spec, &other.spec)
    }
}

#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    figure(&props.spec).html()
}
