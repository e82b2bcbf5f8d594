//! The two shapes side by side: a hub with clients around it, and a mesh of
//! equal peers. Drawn once; the caption says what to look for in this
//! lesson. Written as markup (see `markup`).

use crate::markup::Markup;

const SPOKES: [(u32, u32); 6] = [(60, 18), (96, 39), (96, 81), (60, 102), (24, 81), (24, 39)];

pub fn lesson_diagram(caption: &str) -> Markup {
    let mut out = Markup::from_static("<figure class=\"diagram\"><svg viewBox=\"0 0 260 140\" role=\"img\" aria-label=\"");
    out.text(caption).raw("\"><g class=\"links\">");
    let line = |out: &mut Markup, a: (u32, u32), b: (u32, u32)| {
        out.raw("<line x1=\"").int(a.0.into()).raw("\" y1=\"").int(a.1.into()).raw("\" x2=\"").int(b.0.into());
        out.raw("\" y2=\"").int(b.1.into()).raw("\"/>");
    };
    let dot = |out: &mut Markup, class: &'static str, p: (u32, u32)| {
        out.raw("<circle class=\"node ").raw(class).raw("\" cx=\"").int(p.0.into()).raw("\" cy=\"").int(p.1.into());
        out.raw("\" r=\"8\"/>");
    };
    let peers: Vec<(u32, u32)> = SPOKES.iter().map(|&(x, y)| (x + 140, y)).collect();
    for &p in &SPOKES {
        line(&mut out, (60, 60), p);
    }
    for (i, &a) in peers.iter().enumerate() {
        for &b in &peers[i + 1..] {
            line(&mut out, a, b);
        }
    }
    out.raw("</g><rect class=\"node server\" x=\"49\" y=\"49\" width=\"22\" height=\"22\" rx=\"3\"/>\
        <text class=\"hub-label\" x=\"60\" y=\"64\" text-anchor=\"middle\">S</text>");
    for &p in &SPOKES {
        dot(&mut out, "client", p);
    }
    for &p in &peers {
        dot(&mut out, "peer", p);
    }
    out.raw("<text class=\"diagram-label\" x=\"60\" y=\"132\" text-anchor=\"middle\">Client-server</text>\
        <text class=\"diagram-label\" x=\"200\" y=\"132\" text-anchor=\"middle\">Peer-to-peer</text></svg><figcaption>");
    out.text(caption).raw("</figcaption></figure>");
    out
}
