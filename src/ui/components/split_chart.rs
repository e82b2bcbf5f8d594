//! Who pays for what on one side: a bar split between the operator and
//! the users (solid and striped, and labelled, so colour is not the only
//! signal), and the bill line by line.

use crate::experiment::{Metric, Pair, Side};
use crate::experiment::side::Split;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct SplitChartProps {
    pub label: &'static str,
    pub splits: Rc<Pair<Option<Split>>>,
    pub side: Side,
}

/// Redrawn only when the lab measures anew.
impl PartialEq for SplitChartProps {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label && self.side == other.side && Rc::ptr_eq(&self.splits, &other.splits)
    }
}

#[component]
pub fn SplitChart(props: &SplitChartProps) -> Html {
    let Some(split) = &props.splits[props.side] else { return Html::default() };
    let money = |x: f64| Metric::CostPerUser.format(x);
    let total: f64 = split.parts.iter().map(|p| p.amount).sum();
    if total <= 0.0 {
        return Html::default();
    }
    let operator: f64 = split.parts.iter().filter(|p| p.by_operator).map(|p| p.amount).sum();
    // Whole percentages, which print as integers (a rounded -0 as 0).
    let op = (operator / total * 100.0).round().clamp(0.0, 100.0) as i64;
    let us = 100 - op;
    let stripes = format!("stripes-{}", props.side.key());
    let rows = split.parts.iter().map(|p| {
        html! {
            <tr>
                <td>{ p.label }</td>
                <td>{ if p.by_operator { "the operator" } else { "the users" } }</td>
                <td class="num">{ money(p.amount) }</td>
            </tr>
        }
    });
    html! {
        <figure class="split">
            <figcaption>{ format!("{}: {} in all ({}: {op}% by the operator, {us}% by the users)", split.title, money(total), props.label) }</figcaption>
            // Geometry, not inline styles: the app runs under a strict CSP.
            <svg class="split-bar" viewBox="0 0 100 14" aria-hidden="true">
                <defs>
                    <pattern id={stripes.clone()} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="users-ground" width="3" height="3" />
                        <line class="users-stripe" x1="0" y1="0" x2="0" y2="3" />
                    </pattern>
                </defs>
                <rect class="operator" x="0" y="0" width={op.to_string()} height="8" />
                <rect class="users" x={op.to_string()} y="0" width={us.to_string()} height="8" fill={format!("url(#{stripes})")} />
                <text x="0" y="13.5">{ format!("operator {op}%") }</text>
                <text x="100" y="13.5" text-anchor="end">{ format!("users {us}%") }</text>
            </svg>
            <table class="bill">
                <thead><tr><th scope="col">{ "What" }</th><th scope="col">{ "Who pays" }</th><th scope="col" class="num">{ "Per user" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </figure>
    }
}
