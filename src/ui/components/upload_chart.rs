//! Upload contributed per node: one bar per node, the server first, so the
//! share the peers carry shows at a glance (and in words for screen readers).

use yew::prelude::*;

const W: f64 = 300.0;
const H: f64 = 90.0;

pub fn upload_chart(label: &str, uploads: &[f64]) -> Html {
    let Some((&server, peers)) = uploads.split_first() else {
        return Html::default();
    };
    let total: f64 = uploads.iter().sum();
    let most = uploads.iter().copied().fold(0.0, f64::max);
    if total <= 0.0 || most <= 0.0 {
        return Html::default();
    }
    let from_peers: f64 = peers.iter().sum();
    let summary = format!(
        "{label}: the server uploaded {:.0} Mbit ({:.0}%), the {} others {:.0} Mbit together ({:.0}%)",
        server,
        100.0 * server / total,
        peers.len(),
        from_peers,
        100.0 * from_peers / total
    );
    let bar_w = W / uploads.len() as f64;
    let bars = uploads.iter().enumerate().map(|(i, &m)| {
        let h = (m / most * (H - 12.0)).max(0.0);
        let class = if i == 0 { "bar server" } else { "bar" };
        html! { <rect {class} x={format!("{:.2}", i as f64 * bar_w)} y={format!("{:.2}", H - h)} width={format!("{:.2}", (bar_w * 0.8).max(0.5))} height={format!("{h:.2}")} /> }
    });
    html! {
        <figure class="upload-chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={summary.clone()}>
                <text x="2" y="9">{ "S" }</text>
                { for bars }
            </svg>
            <figcaption>{ format!("Upload per node (server first, marked S). {summary}.") }</figcaption>
        </figure>
    }
}
