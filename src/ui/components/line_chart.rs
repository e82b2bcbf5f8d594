//! A small SVG line chart with axes, ticks, a legend and an optional
//! marker, drawn from its markup (`experiment::chart_svg`).

use crate::experiment::chart_svg::figure;
use crate::experiment::ChartSpec;
use yew::prelude::*;

pub fn line_chart(spec: &ChartSpec) -> Html {
    Html::from_html_unchecked(AttrValue::from(figure(spec)))
}
