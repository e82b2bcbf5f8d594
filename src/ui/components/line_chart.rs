//! A small SVG line chart with axes, ticks, a legend and an optional marker.

use crate::experiment::chart::{tick_label, Scale};
use crate::experiment::ChartSpec;
use yew::prelude::*;

const W: f64 = 320.0;
const H: f64 = 180.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 30.0;

pub fn line_chart(props: &ChartSpec) -> Html {
    let xs = Scale::covering(props.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)), true);
    let ys = Scale::covering(props.series.iter().flat_map(|s| s.points.iter().map(|p| p.1)), true);
    let px = |x: f64| LEFT + xs.unit(x) * (W - LEFT - RIGHT);
    let py = |y: f64| H - BOTTOM - ys.unit(y) * (H - TOP - BOTTOM);
    let lines = props.series.iter().enumerate().map(|(i, s)| {
        let d: String = s
            .points
            .iter()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .enumerate()
            .map(|(j, p)| format!("{}{:.1} {:.1}", if j == 0 { "M" } else { "L" }, px(p.0), py(p.1)))
            .collect();
        let class = classes!("series", format!("series-{i}"), s.dashed.then_some("dashed"));
        // Solid lines also carry point shapes (squares, then circles), so
        // two of them differ by more than colour.
        let marks = if s.dashed || s.points.len() > 60 {
            Vec::new()
        } else {
            s.points
                .iter()
                .filter(|p| p.0.is_finite() && p.1.is_finite())
                .map(|p| {
                    let (x, y) = (px(p.0), py(p.1));
                    if i % 2 == 0 {
                        html! { <rect class={classes!("mark", format!("series-{i}"))} x={format!("{:.1}", x - 2.5)} y={format!("{:.1}", y - 2.5)} width="5" height="5" /> }
                    } else {
                        html! { <circle class={classes!("mark", format!("series-{i}"))} cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="2.8" /> }
                    }
                })
                .collect()
        };
        html! { <g><path {class} d={d} />{ for marks }</g> }
    });
    let xticks = xs.ticks(5).into_iter().map(|t| {
        html! {
            <g class="tick">
                <line x1={format!("{:.1}", px(t))} x2={format!("{:.1}", px(t))} y1={format!("{}", H - BOTTOM)} y2={format!("{}", H - BOTTOM + 4.0)} />
                <text x={format!("{:.1}", px(t))} y={format!("{}", H - BOTTOM + 14.0)} text-anchor="middle">{ tick_label(t) }</text>
            </g>
        }
    });
    let yticks = ys.ticks(4).into_iter().map(|t| {
        html! {
            <g class="tick">
                <line class="grid" x1={format!("{LEFT}")} x2={format!("{}", W - RIGHT)} y1={format!("{:.1}", py(t))} y2={format!("{:.1}", py(t))} />
                <text x={format!("{}", LEFT - 4.0)} y={format!("{:.1}", py(t) + 3.0)} text-anchor="end">{ tick_label(t) }</text>
            </g>
        }
    });
    let marker = props.marker_x.map(|x| {
        html! { <line class="marker" x1={format!("{:.1}", px(x))} x2={format!("{:.1}", px(x))} y1={format!("{TOP}")} y2={format!("{}", H - BOTTOM)} /> }
    });
    let legend = props.series.iter().enumerate().map(|(i, s)| {
        html! {
            <li>
                <svg viewBox="0 0 20 6" aria-hidden="true"><path class={classes!("series", format!("series-{i}"), s.dashed.then_some("dashed"))} d="M0 3L20 3" /></svg>
                { s.label.clone() }
            </li>
        }
    });
    html! {
        <figure class="chart">
            <figcaption>{ props.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("{}: {} against {}", props.title, props.y_label, props.x_label)}>
                <g class="axes">
                    <line x1={format!("{LEFT}")} x2={format!("{LEFT}")} y1={format!("{TOP}")} y2={format!("{}", H - BOTTOM)} />
                    <line x1={format!("{LEFT}")} x2={format!("{}", W - RIGHT)} y1={format!("{}", H - BOTTOM)} y2={format!("{}", H - BOTTOM)} />
                </g>
                { for yticks }
                { for xticks }
                { for lines }
                { for marker }
                <text class="axis-label" x={format!("{}", (LEFT + W - RIGHT) / 2.0)} y={format!("{}", H - 2.0)} text-anchor="middle">{ props.x_label.clone() }</text>
            </svg>
            <p class="chart-y">{ props.y_label.clone() }</p>
            <ul class="chart-legend">{ for legend }</ul>
        </figure>
    }
}
