//! The two shapes side by side: a hub with clients around it, and a mesh of
//! equal peers. Drawn once; the caption says what to look for in this
//! lesson. Written as markup (see `markup`).

use crate::markup::escape;

const SPOKES: [(u32, u32); 6] = [(60, 18), (96, 39), (96, 81), (60, 102), (24, 81), (24, 39)];

pub fn lesson_diagram(caption: &str) -> String {
    let caption = escape(caption);
    let line = |a: (u32, u32), b: (u32, u32)| format!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", a.0, a.1, b.0, b.1);
    let dot = |class: &str, p: (u32, u32)| format!("<circle class=\"node {class}\" cx=\"{}\" cy=\"{}\" r=\"8\"/>", p.0, p.1);
    let peers: Vec<(u32, u32)> = SPOKES.iter().map(|&(x, y)| (x + 140, y)).collect();
    let mut links: String = SPOKES.iter().map(|&p| line((60, 60), p)).collect();
    for (i, &a) in peers.iter().enumerate() {
        for &b in &peers[i + 1..] {
            links.push_str(&line(a, b));
        }
    }
    let clients: String = SPOKES.iter().map(|&p| dot("client", p)).collect();
    let peer_dots: String = peers.iter().map(|&p| dot("peer", p)).collect();
    format!(
        "<figure class=\"diagram\"><svg viewBox=\"0 0 260 140\" role=\"img\" aria-label=\"{caption}\"><g class=\"links\">{links}</g>\
         <rect class=\"node server\" x=\"49\" y=\"49\" width=\"22\" height=\"22\" rx=\"3\"/>\
         <text class=\"hub-label\" x=\"60\" y=\"64\" text-anchor=\"middle\">S</text>{clients}{peer_dots}\
         <text class=\"diagram-label\" x=\"60\" y=\"132\" text-anchor=\"middle\">Client-server</text>\
         <text class=\"diagram-label\" x=\"200\" y=\"132\" text-anchor=\"middle\">Peer-to-peer</text></svg>\
         <figcaption>{caption}</figcaption></figure>"
    )
}
