//! Upload contributed per node: one bar per node, the server first, so the
//! share the peers carry shows at a glance (and in words for screen
//! readers). Written as markup (see `markup`).

use crate::experiment::{Pair, Side};
use crate::decimal::fixed;
use crate::markup::Markup;
use std::rc::Rc;
use yew::prelude::*;

const W: f64 = 300.0;
const H: f64 = 90.0;

#[derive(Properties)]
pub struct UploadChartProps {
    pub label: &'static str,
    pub uploads: Rc<Pair<Vec<f64>>>,
    pub side: Side,
}

/// Redrawn only when the lab measures anew: its bars are behind an `Rc`
/// that a refresh replaces.
impl PartialEq for UploadChartProps {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label && self.side == other.side && Rc::ptr_eq(&self.uploads, &other.uploads)
    }
}

#[component]
pub fn UploadChart(props: &UploadChartProps) -> Html {
    // One scale for both panels, so equal heights mean equal megabits.
    let tallest = props.uploads.iter().flat_map(|u| u.iter().copied()).fold(0.0, f64::max);
    upload_markup(props.label, &props.uploads[props.side], tallest).map_or_else(Html::default, Markup::html)
}

/// The bars and their caption; `None` when nothing was uploaded.
pub fn upload_markup(label: &str, uploads: &[f64], tallest: f64) -> Option<Markup> {
    let (&server, peers) = uploads.split_first()?;
    let total: f64 = uploads.iter().sum();
    let most = uploads.iter().copied().fold(tallest, f64::max);
    if total <= 0.0 || most <= 0.0 {
        return None;
    }
    let from_peers: f64 = peers.iter().sum();
    let others = match peers.len() {
        1 => "the one other node".to_owned(),
        n => format!("the {n} others together"),
    };
    let summary = format!(
        "{label}: the server uploaded {} Mbit ({}%), {others} {} Mbit ({}%)",
        fixed(server, 0),
        fixed(100.0 * server / total, 0),
        fixed(from_peers, 0),
        fixed(100.0 * from_peers / total, 0)
    );
    let bar_w = W / uploads.len() as f64;
    let mut out = Markup::from_static("<figure class=\"upload-chart\"><svg viewBox=\"0 0 300 90\" role=\"img\" aria-label=\"");
    out.text(&summary).raw("\"><text x=\"2\" y=\"9\">S</text>");
    for (i, &m) in uploads.iter().enumerate() {
        let h = (m / most * (H - 12.0)).max(0.0);
        out.raw(if i == 0 { "<rect class=\"bar server\" x=\"" } else { "<rect class=\"bar\" x=\"" }).num(i as f64 * bar_w, 2);
        out.raw("\" y=\"").num(H - h, 2).raw("\" width=\"").num((bar_w * 0.8).max(0.5), 2).raw("\" height=\"").num(h, 2).raw("\"/>");
    }
    out.raw("</svg><figcaption>Upload per node (server first, marked S). ").text(&summary).raw(".</figcaption></figure>");
    Some(out)
}
