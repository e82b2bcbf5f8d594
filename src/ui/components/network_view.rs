//! Draws one network: nodes by role and state (shape, label and colour
//! together, never colour alone), traffic moving along links, and each
//! node's meter.

use crate::experiment::layout::{along, node_radius, Point, MAX_DRAWN_NODES, SIZE};
use crate::experiment::view::{NetView, NodeView, Traffic};
use crate::sim::node::Role;
use yew::prelude::*;

/// What to draw and how it answers the learner.
pub struct Drawing<'a> {
    pub view: &'a NetView,
    /// Where each node stands, by node id (`Lab::layouts`).
    pub points: &'a [Point],
    /// Names the drawing for screen readers.
    pub label: &'a str,
    /// Skip moving traffic (prefers-reduced-motion).
    pub still: bool,
    pub id: String,
    /// The node chosen with a click or the arrow keys. When set, the nodes
    /// are a list to move through: only the chosen one is in the tab order.
    pub selected: Option<u32>,
    /// Called with a node's id when it is clicked or tapped.
    pub on_node: Option<Callback<u32>>,
    /// Keys pressed while a node has focus.
    pub on_key: Option<Callback<KeyboardEvent>>,
}

/// A plain function, not a component: every component type costs the
/// bundle its own copy of Yew's lifecycle code, and the layout is kept by
/// the lab, which knows when the nodes change.
pub fn network_view(props: Drawing) -> Html {
    let view = props.view;
    let summary = summary(view);
    // Hubs sit in the middle; it is the ring that gets crowded.
    let ring = view.nodes.iter().filter(|n| !n.role.is_hub()).count();
    if ring > MAX_DRAWN_NODES {
        return html! {
            <figure class="netview aggregate" id={props.id}>
                <p>{ summary }</p>
            </figure>
        };
    }
    let points = props.points;
    let r = node_radius(view.nodes.len());
    let at = |id: u32| {
        points.get(id as usize).copied().unwrap_or(Point {
            x: SIZE / 2.0,
            y: SIZE / 2.0,
        })
    };
    let edges = view.edges.iter().map(|(a, b)| {
        let (p, q) = (at(*a), at(*b));
        html! { <line class="edge" x1={fmt(p.x)} y1={fmt(p.y)} x2={fmt(q.x)} y2={fmt(q.y)} /> }
    });
    let moving = if props.still {
        Vec::new()
    } else {
        view.moving
            .iter()
            .take(400)
            .map(|m| {
                let p = along(at(m.from), at(m.to), m.progress);
                let class = match m.traffic {
                    Traffic::Request => "packet request",
                    Traffic::Response => "packet response",
                    Traffic::Data => "packet data",
                };
                html! { <circle class={class} cx={fmt(p.x)} cy={fmt(p.y)} r={fmt((r * 0.4).max(1.5))} /> }
            })
            .collect()
    };
    let selected = props.selected;
    let nodes = view.nodes.iter().map(|n| node(n, at(n.id), r, selected));
    // One listener for the whole drawing: the clicked node names itself in
    // a data attribute, so no closure is made per node per frame.
    let onclick = props.on_node.clone().map(|on_node| {
        Callback::from(move |e: MouseEvent| {
            let target = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
            let id = target
                .and_then(|t| t.closest("[data-node]").ok().flatten())
                .and_then(|g| g.get_attribute("data-node"))
                .and_then(|v| v.parse::<u32>().ok());
            if let Some(id) = id {
                on_node.emit(id);
            }
        })
    });
    let onkeydown = props.on_key.clone();
    html! {
        <figure class="netview" id={props.id}>
            <svg viewBox={format!("0 0 {SIZE} {SIZE}")} role={if selected.is_some() { "listbox" } else { "img" }}
                aria-label={format!("{}: {}", props.label, summary)}
                class={classes!(props.on_node.is_some().then_some("clickable"))} {onclick} {onkeydown}>
                <g class="edges" aria-hidden="true">{ for edges }</g>
                <g class="nodes" role="none">{ for nodes }</g>
                <g class="traffic" aria-hidden="true">{ for moving }</g>
            </svg>
        </figure>
    }
}

fn node(n: &NodeView, p: Point, r: f64, selected: Option<u32>) -> Html {
    let chosen = selected == Some(n.id);
    let class = classes!(
        "node",
        n.role.label(),
        (!n.up).then_some("down"),
        chosen.then_some("selected")
    );
    let name = n.name();
    // Shape carries the role: squares for hubs, circles for the rest.
    let hub = n.role.is_hub();
    let shape = if hub {
        let s = r * 2.6;
        html! { <rect x={fmt(p.x - s / 2.0)} y={fmt(p.y - s / 2.0)} width={fmt(s)} height={fmt(s)} rx="2" /> }
    } else {
        html! { <circle cx={fmt(p.x)} cy={fmt(p.y)} r={fmt(r)} /> }
    };
    let meter_w = if hub { r * 2.6 } else { r * 2.0 };
    let meter_y = p.y + if hub { r * 1.3 } else { r } + 1.5;
    let fill = if n.fill.is_finite() {
        n.fill.clamp(0.0, 1.0)
    } else {
        0.0
    };
    html! {
        <g {class} data-node={n.id.to_string()}
            role={selected.map(|_| "option")} aria-selected={selected.map(|_| chosen.to_string())}
            aria-label={selected.map(|_| name.clone())} tabindex={selected.map(|_| if chosen { "0" } else { "-1" })}>
            <title>{ name }</title>
            if chosen {
                <circle class="ring" cx={fmt(p.x)} cy={fmt(p.y)} r={fmt(r * 1.9 + 1.5)} />
            }
            { shape }
            if !n.up {
                <path class="cross" d={format!("M{} {}L{} {}M{} {}L{} {}", fmt(p.x - r), fmt(p.y - r), fmt(p.x + r), fmt(p.y + r), fmt(p.x + r), fmt(p.y - r), fmt(p.x - r), fmt(p.y + r))} />
            }
            <rect class="meter-bg" x={fmt(p.x - meter_w / 2.0)} y={fmt(meter_y)} width={fmt(meter_w)} height="2" />
            <rect class="meter" x={fmt(p.x - meter_w / 2.0)} y={fmt(meter_y)} width={fmt(meter_w * fill)} height="2" />
            if hub {
                <text class="hub-label" x={fmt(p.x)} y={fmt(p.y + 2.5)} text-anchor="middle">{ if n.role == Role::Server { "S" } else { "I" } }</text>
            }
            if !n.badge.is_empty() {
                <text class="badge" x={fmt(p.x)} y={fmt(p.y - r - 2.0)} text-anchor="middle">{ n.badge.clone() }</text>
            }
        </g>
    }
}

/// The drawing in words, for screen readers and the aggregate view.
fn summary(view: &NetView) -> String {
    let count = |role: Role| view.nodes.iter().filter(|n| n.role == role).count();
    let down = view.nodes.iter().filter(|n| !n.up).count();
    let mut parts = Vec::new();
    for (role, one, many) in [
        (Role::Server, "server", "servers"),
        (Role::Index, "index", "indexes"),
        (Role::Client, "client", "clients"),
        (Role::Peer, "peer", "peers"),
    ] {
        match count(role) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let mut s = parts.join(", ");
    if down > 0 {
        s.push_str(&format!("; {down} offline"));
    }
    s.push_str(&format!("; {} messages in flight", view.moving.len()));
    s
}

fn fmt(x: f64) -> String {
    format!("{x:.2}")
}
