//! The key to the drawings: only the symbols this experiment's drawings
//! use, each drawn as it appears and named, so nothing is told by colour
//! alone.

use crate::experiment::view::{Legend, Lines, Traffic};
use crate::markup::Markup;
use crate::sim::node::Role;
use yew::prelude::*;

/// One entry: the symbol's SVG body (in a 12×12 box) and its name.
fn item(out: &mut Markup, symbol: &'static str, name: &'static str) {
    out.raw("<li><svg viewBox=\"0 0 12 12\" aria-hidden=\"true\">").raw(symbol).raw("</svg>").raw(name).raw("</li>");
}

/// Each role's symbol and name, in the key's order.
const ROLES: [(Role, &str, &str); 4] = [
    (Role::Server, "<rect class=\"node server\" x=\"1\" y=\"1\" width=\"10\" height=\"10\" rx=\"1\"/>", "Server (square, S)"),
    (Role::Index, "<rect class=\"node index\" x=\"1\" y=\"1\" width=\"10\" height=\"10\" rx=\"1\"/>", "Index (square, I)"),
    (Role::Client, "<circle class=\"node client\" cx=\"6\" cy=\"6\" r=\"5\"/>", "Client"),
    (Role::Peer, "<circle class=\"node peer\" cx=\"6\" cy=\"6\" r=\"5\"/>", "Peer"),
];

/// Each kind of traffic's dot and name.
const TRAFFIC: [(Traffic, &str, &str); 3] = [
    (Traffic::Request, "<path class=\"packets request\" stroke-width=\"6\" d=\"M6 6h0\"/>", "Request or query"),
    (Traffic::Response, "<path class=\"packets response\" stroke-width=\"6\" d=\"M6 6h0\"/>", "Answer"),
    (Traffic::Data, "<path class=\"packets data\" stroke-width=\"6\" d=\"M6 6h0\"/>", "Data"),
];

pub fn legend(l: &Legend) -> Html {
    let mut out = Markup::from_static("<ul class=\"legend\" aria-label=\"Key to the drawings\">");
    for (role, symbol, name) in ROLES.iter().filter(|(r, ..)| l.roles.contains(r)) {
        let name = if *role == Role::Client { l.client.unwrap_or(name) } else { name };
        item(&mut out, symbol, name);
    }
    if l.offline {
        item(&mut out, "<g class=\"node down\"><circle cx=\"6\" cy=\"6\" r=\"5\"/><path class=\"cross\" d=\"M1 1L11 11M11 1L1 11\"/></g>", "Offline (crossed out)");
    }
    if l.selected {
        item(&mut out, "<circle class=\"node selected\" cx=\"6\" cy=\"6\" r=\"4\"/><circle class=\"ring\" cx=\"6\" cy=\"6\" r=\"5.5\"/>", "Selected (dashed ring)");
    }
    for (_, symbol, name) in TRAFFIC.iter().filter(|(t, ..)| l.traffic.contains(t)) {
        item(&mut out, symbol, name);
    }
    match l.lines {
        Some(lines @ Lines::Overlay) => item(&mut out, "<path class=\"edges\" d=\"M0 10L12 2\"/>", lines.label()),
        Some(lines @ Lines::Route) => item(&mut out, "<path class=\"edges route\" d=\"M0 10L12 2\"/>", lines.label()),
        None => {}
    }
    if l.meters {
        item(&mut out, "<path class=\"meters\" d=\"M0 6h12\"/>", "Meter: progress or load");
    }
    if l.queues {
        item(&mut out, "<path class=\"queue\" stroke-width=\"1.5\" d=\"M3 11h6M3 8h6M3 5h6M3 2h6\"/>", "Stack beside a node: requests waiting in its queue");
    }
    out.raw("</ul>");
    out.html()
}
