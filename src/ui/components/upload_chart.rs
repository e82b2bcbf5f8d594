//! Upload contributed per node: one bar per node, the server first, so the
//! share the peers carry shows at a glance (and in words for screen
//! readers). Written as markup (see `markup`).

use crate::markup::escape;
use std::fmt::Write;
use yew::prelude::*;

const W: f64 = 300.0;
const H: f64 = 90.0;

pub fn upload_chart(label: &str, uploads: &[f64]) -> Html {
    let Some((&server, peers)) = uploads.split_first() else { return Html::default() };
    let total: f64 = uploads.iter().sum();
    let most = uploads.iter().copied().fold(0.0, f64::max);
    if total <= 0.0 || most <= 0.0 {
        return Html::default();
    }
    let from_peers: f64 = peers.iter().sum();
    let summary = escape(&format!(
        "{label}: the server uploaded {:.0} Mbit ({:.0}%), the {} others {:.0} Mbit together ({:.0}%)",
        server,
        100.0 * server / total,
        peers.len(),
        from_peers,
        100.0 * from_peers / total
    ));
    let bar_w = W / uploads.len() as f64;
    let mut out = format!("<figure class=\"upload-chart\"><svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{summary}\"><text x=\"2\" y=\"9\">S</text>");
    for (i, &m) in uploads.iter().enumerate() {
        let h = (m / most * (H - 12.0)).max(0.0);
        let _ = write!(
            out,
            "<rect class=\"bar{}\" x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{h:.2}\"/>",
            if i == 0 { " server" } else { "" },
            i as f64 * bar_w,
            H - h,
            (bar_w * 0.8).max(0.5)
        );
    }
    let _ = write!(out, "</svg><figcaption>Upload per node (server first, marked S). {summary}.</figcaption></figure>");
    Html::from_html_unchecked(AttrValue::from(out))
}
