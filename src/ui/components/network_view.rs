//! Draws one network: nodes by role and state (shape, label and colour
//! together, never colour alone), traffic moving along links, and each
//! node's meter. The nodes and the standing links are components of their
//! own that redraw only when they change; what moves every frame (meters,
//! traffic) is a handful of paths, one attribute each per frame.

use crate::experiment::layout::{along, node_radius, Point, HUB_R, MAX_DRAWN_NODES, MAX_LABELLED_NODES, RING, SIZE};
use crate::experiment::view::{Lines, NetView, NodeView, Traffic};
use crate::markup::{push_fixed, Markup};
use crate::sim::node::Role;
use std::rc::Rc;
use yew::prelude::*;

/// What to draw and how it answers the learner.
pub struct Drawing<'a> {
    pub view: &'a NetView,
    /// Where each node stands, by node id (`Picture::layouts`).
    pub points: &'a Rc<Vec<Point>>,
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

/// At most this many moving dots are drawn; more would only blur.
const MAX_MOVING: usize = 400;

fn at(points: &[Point], id: u32) -> Point {
    points.get(id as usize).copied().unwrap_or(Point { x: SIZE / 2.0, y: SIZE / 2.0 })
}

/// Where a node's meter sits: its left end, its width, its height on the page.
fn meter(p: Point, r: f64, hub: bool) -> (f64, f64, f64) {
    let w = if hub { r * 2.6 } else { r * 2.0 };
    let y = p.y + if hub { r * 1.3 } else { r } + 1.5;
    (p.x - w / 2.0, w, y)
}

/// A plain function, not a component: it has no state of its own, and its
/// layers are components where skipping a redraw pays.
pub fn network_view(props: Drawing) -> Html {
    let view = props.view;
    let summary = summary(view);
    // Hubs sit in the middle; it is the ring that gets crowded.
    let ring = view.nodes.iter().filter(|n| !n.role.is_hub()).count();
    if ring > MAX_DRAWN_NODES {
        return html! {
            <figure class="netview aggregate" id={props.id}>{ aggregate(view, props.label, &summary).html() }</figure>
        };
    }
    let points = props.points;
    let r = node_radius(view.nodes.len());
    // One listener for the whole drawing: the clicked node names itself in
    // a data attribute, so no closure is made per node per frame.
    let onclick = props.on_node.clone().map(|on_node| {
        Callback::from(move |e: MouseEvent| {
            let target = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
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
    let selected = props.selected;
    html! {
        <figure class="netview" id={props.id}>
            <svg viewBox={format!("0 0 {} {}", SIZE as i64, SIZE as i64)} role={if selected.is_some() { "listbox" } else { "img" }}
                aria-label={format!("{}: {}", props.label, summary)}
                class={classes!(props.on_node.is_some().then_some("clickable"))} {onclick} {onkeydown}>
                <EdgeLayer edges={view.edges.clone()} points={points.clone()} route={view.lines == Some(Lines::Route)} />
                <NodeLayer nodes={view.nodes.clone()} points={points.clone()} {r} {selected} />
                <path class="meters" aria-hidden="true" d={meters(view, points, r)} />
                if !view.queues.is_empty() {
                    <g class="queues" aria-hidden="true">{ queues(view, points, r) }</g>
                }
                if !props.still {
                    <g class="traffic" aria-hidden="true">{ traffic(view, points, r) }</g>
                }
            </svg>
        </figure>
    }
}

/// Every meter's filled part as one path of short thick lines.
fn meters(view: &NetView, points: &[Point], r: f64) -> String {
    let mut d = String::new();
    for (n, fill) in view.nodes.iter().zip(&view.fills) {
        let fill = if fill.is_finite() { fill.clamp(0.0, 1.0) } else { 0.0 };
        if fill <= 0.0 {
            continue;
        }
        let hub = n.role.is_hub();
        let (x, w, y) = meter(at(points, n.id), if hub { HUB_R } else { r }, hub);
        d.push('M');
        push_fixed(&mut d, x, 2);
        d.push(' ');
        push_fixed(&mut d, y + 1.0, 2);
        d.push('h');
        push_fixed(&mut d, w * fill, 2);
    }
    d
}

/// Requests drawn one tick each, stacked beside a node, at most this many;
/// a longer queue also shows its length.
const MAX_QUEUE_TICKS: u32 = 10;

/// Each node's queue as a stack of ticks beside it (one path for all), and
/// the length of any queue too long to stack.
fn queues(view: &NetView, points: &[Point], r: f64) -> Html {
    let mut d = String::new();
    let mut long = Vec::new();
    let gap = (r * 0.45).max(1.4);
    for (n, &q) in view.nodes.iter().zip(&view.queues) {
        if q == 0 {
            continue;
        }
        let p = at(points, n.id);
        let (r, x) = if n.role.is_hub() { (HUB_R, p.x + HUB_R * 1.6) } else { (r, p.x + r * 1.25) };
        for i in 0..q.min(MAX_QUEUE_TICKS) {
            d.push('M');
            push_fixed(&mut d, x, 2);
            d.push(' ');
            push_fixed(&mut d, p.y + r - f64::from(i) * gap, 2);
            d.push('h');
            push_fixed(&mut d, r * 0.9, 2);
        }
        if q > MAX_QUEUE_TICKS {
            let top = p.y + r - f64::from(MAX_QUEUE_TICKS) * gap;
            long.push(html! { <text class="queue-length" x={fmt(x)} y={fmt(top - 1.0)}>{ q.to_string() }</text> });
        }
    }
    html! { <><path class="queue" stroke-width={fmt((gap * 0.6).max(0.8))} {d} />{ for long }</> }
}

/// Moving traffic, one path per kind: each dot a zero-length line with a
/// round cap, so hundreds of dots cost one attribute.
fn traffic(view: &NetView, points: &[Point], r: f64) -> Html {
    let width = (r * 0.8).max(3.0);
    let dots = |kind: Traffic| {
        let mut d = String::new();
        for m in view.moving.iter().filter(|m| m.traffic == kind).take(MAX_MOVING) {
            let p = along(at(points, m.from), at(points, m.to), m.progress);
            d.push('M');
            push_fixed(&mut d, p.x, 1);
            d.push(' ');
            push_fixed(&mut d, p.y, 1);
            d.push_str("h0");
        }
        d
    };
    let kinds = [(Traffic::Request, "packets request"), (Traffic::Response, "packets response"), (Traffic::Data, "packets data")];
    kinds
        .into_iter()
        .map(|(kind, class)| html! { <path {class} stroke-width={fmt(width)} d={dots(kind)} /> })
        .collect()
}

#[derive(Properties, PartialEq)]
struct EdgeLayerProps {
    edges: Rc<Vec<(u32, u32)>>,
    points: Rc<Vec<Point>>,
    /// A lookup's route, drawn boldly, rather than faint overlay links.
    route: bool,
}

/// The standing overlay links, as one path: they change only when a link
/// is made or cut.
#[component]
fn EdgeLayer(props: &EdgeLayerProps) -> Html {
    let mut d = String::new();
    for &(a, b) in props.edges.iter() {
        let (p, q) = (at(&props.points, a), at(&props.points, b));
        d.push('M');
        push_fixed(&mut d, p.x, 2);
        d.push(' ');
        push_fixed(&mut d, p.y, 2);
        d.push('L');
        push_fixed(&mut d, q.x, 2);
        d.push(' ');
        push_fixed(&mut d, q.y, 2);
    }
    let class = if props.route { "edges route" } else { "edges" };
    html! { <path {class} aria-hidden="true" data-links={props.edges.len().to_string()} {d} /> }
}

#[derive(Properties, PartialEq)]
struct NodeLayerProps {
    nodes: Rc<Vec<NodeView>>,
    points: Rc<Vec<Point>>,
    r: f64,
    selected: Option<u32>,
}

/// The nodes: redrawn only when one fails, revives, answers, is selected,
/// or the network changes.
#[component]
fn NodeLayer(props: &NodeLayerProps) -> Html {
    let labelled = props.nodes.len() <= MAX_LABELLED_NODES;
    let nodes = props.nodes.iter().map(|n| node(n, at(&props.points, n.id), props.r, props.selected, labelled));
    html! { <g class="nodes" role="none">{ for nodes }</g> }
}

fn node(n: &NodeView, p: Point, r: f64, selected: Option<u32>, labelled: bool) -> Html {
    let chosen = selected == Some(n.id);
    let r = if n.role.is_hub() { HUB_R } else { r };
    let class = classes!("node", n.role.label(), (!n.up).then_some("down"), chosen.then_some("selected"));
    let name = n.name();
    // Shape carries the role: squares for hubs, circles for the rest.
    let hub = n.role.is_hub();
    let shape = if hub {
        let s = r * 2.6;
        html! { <rect x={fmt(p.x - s / 2.0)} y={fmt(p.y - s / 2.0)} width={fmt(s)} height={fmt(s)} rx="2" /> }
    } else {
        html! { <circle cx={fmt(p.x)} cy={fmt(p.y)} r={fmt(r)} /> }
    };
    let (mx, mw, my) = meter(p, r, hub);
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
            <rect class="meter-bg" x={fmt(mx)} y={fmt(my)} width={fmt(mw)} height="2" />
            if hub {
                <text class="hub-label" x={fmt(p.x)} y={fmt(p.y + 2.5)} text-anchor="middle">{ if n.role == Role::Server { "S" } else { "I" } }</text>
            }
            if let Some(count) = n.badge.filter(|_| labelled) {
                <text class="badge" x={fmt(p.x)} y={fmt(p.y - r - 2.0)} text-anchor="middle">{ count.to_string() }</text>
            }
        </g>
    }
}

/// Too many nodes to draw one by one: the hubs as they are, the rest as a
/// ring whose share of offline nodes is marked, and what is moving as
/// flows whose width grows with how much is in flight. Written as markup,
/// which costs the bundle far less than elements built one by one.
fn aggregate(view: &NetView, label: &str, summary: &str) -> Markup {
    let c = SIZE / 2.0;
    let others: Vec<&NodeView> = view.nodes.iter().filter(|n| !n.role.is_hub()).collect();
    let role = others.first().map_or("peer", |n| n.role.label());
    let down = others.iter().filter(|n| !n.up).count();
    let circumference = 2.0 * std::f64::consts::PI * RING;
    let mut out = Markup::from_static("<svg viewBox=\"0 0 ");
    out.int(SIZE as i64).raw(" ").int(SIZE as i64).raw("\" role=\"img\" aria-label=\"");
    out.text(label).raw(": ").text(summary).raw("\">");
    let circle = |out: &mut Markup, class: &str, r: f64| {
        out.raw("<circle class=\"").text(class).raw("\" cx=\"").num(c, 1).raw("\" cy=\"").num(c, 1).raw("\" r=\"").num(r, 1).raw("\"");
    };
    circle(&mut out, &format!("ring-band {role}"), RING);
    out.raw("/>");
    if down > 0 {
        circle(&mut out, "ring-band down", RING);
        let share = circumference * down as f64 / others.len().max(1) as f64;
        out.raw(" stroke-dasharray=\"").num(share, 1).raw(" ").num(circumference, 1).raw("\"/>");
    }
    let hubs = view.nodes.iter().filter(|n| n.role.is_hub()).count();
    let kinds = [(Traffic::Request, "flow packets request"), (Traffic::Response, "flow packets response"), (Traffic::Data, "flow packets data")];
    for (i, (kind, class)) in kinds.into_iter().enumerate() {
        let count = view.moving.iter().filter(|m| m.traffic == kind).count();
        if count == 0 {
            continue;
        }
        let width = 1.5 + 2.5 * (1.0 + count as f64).log10();
        if hubs == 0 {
            // Among peers: a band inside the ring.
            circle(&mut out, class, RING - 12.0 - 6.0 * i as f64);
        } else {
            // To and from the hub: spokes side by side.
            let x = c + 14.0 * (i as f64 - 1.0);
            out.raw("<line class=\"").raw(class).raw("\" x1=\"").num(x, 1).raw("\" y1=\"").num(c - RING + 10.0, 1);
            out.raw("\" x2=\"").num(x, 1).raw("\" y2=\"").num(c - HUB_R * 1.3, 1).raw("\"");
        }
        out.raw(" stroke-width=\"").num(width, 1).raw("\"/>");
    }
    if hubs > 0 {
        let s = HUB_R * 2.6;
        out.raw("<g class=\"node server\"><rect x=\"").num(c - s / 2.0, 1).raw("\" y=\"").num(c - s / 2.0, 1);
        out.raw("\" width=\"").num(s, 1).raw("\" height=\"").num(s, 1).raw("\" rx=\"2\"/></g>");
    }
    out.raw("<text class=\"aggregate-label\" x=\"").num(c, 1).raw("\" y=\"").num(c + RING + 16.0, 1).raw("\" text-anchor=\"middle\">");
    out.int(others.len() as i64).raw(" ").text(role).raw("s");
    if down > 0 {
        out.raw(", ").int(down as i64).raw(" offline");
    }
    out.raw("</text></svg>");
    out
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
    if !view.queues.is_empty() {
        s.push_str(&format!("; {} requests waiting in queues", view.waiting()));
    }
    s
}

/// A coordinate to two places, without the general float formatter: a
/// frame writes thousands of them.
fn fmt(x: f64) -> String {
    crate::markup::fixed(x, 2)
}
