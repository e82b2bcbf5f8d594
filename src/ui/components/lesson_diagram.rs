//! The two shapes side by side: a hub with clients around it, and a mesh of
//! equal peers. Drawn once; the caption says what to look for in this lesson.

use yew::prelude::*;

const SPOKES: [(f64, f64); 6] = [(60.0, 18.0), (96.0, 39.0), (96.0, 81.0), (60.0, 102.0), (24.0, 81.0), (24.0, 39.0)];

pub fn lesson_diagram(caption: &'static str) -> Html {
    let star_links = SPOKES.iter().map(|(x, y)| html! { <line x1="60" y1="60" x2={x.to_string()} y2={y.to_string()} /> });
    let clients = SPOKES.iter().map(|(x, y)| html! { <circle class="node client" cx={x.to_string()} cy={y.to_string()} r="8" /> });
    let peers: Vec<(f64, f64)> = SPOKES.iter().map(|(x, y)| (x + 140.0, *y)).collect();
    let mesh_links = peers.iter().enumerate().flat_map(|(i, a)| {
        peers.iter().skip(i + 1).map(move |b| html! { <line x1={a.0.to_string()} y1={a.1.to_string()} x2={b.0.to_string()} y2={b.1.to_string()} /> })
    });
    let peer_dots = peers.iter().map(|(x, y)| html! { <circle class="node peer" cx={x.to_string()} cy={y.to_string()} r="8" /> });
    html! {
        <figure class="diagram">
            <svg viewBox="0 0 260 140" role="img" aria-label={caption}>
                <g class="links">{ for star_links }{ for mesh_links }</g>
                <rect class="node server" x="49" y="49" width="22" height="22" rx="3" />
                <text class="hub-label" x="60" y="64" text-anchor="middle">{ "S" }</text>
                { for clients }
                { for peer_dots }
                <text class="diagram-label" x="60" y="132" text-anchor="middle">{ "Client-server" }</text>
                <text class="diagram-label" x="200" y="132" text-anchor="middle">{ "Peer-to-peer" }</text>
            </svg>
            <figcaption>{ caption }</figcaption>
        </figure>
    }
}
