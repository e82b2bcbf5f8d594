//! Where to draw each node: a hub in the middle and the rest on a circle
//! (client-server, hybrid), or everyone on a circle (peer-to-peer). Pure
//! arithmetic, so it is tested natively and the drawing never shifts.

use crate::sim::node::Role;

/// The drawing's coordinate box: 0..SIZE on both axes.
pub const SIZE: f64 = 200.0;
const CENTRE: f64 = SIZE / 2.0;
pub const RING: f64 = SIZE * 0.40;
/// A hub's half-width: the same at any size, so the server does not
/// shrink as clients join.
pub const HUB_R: f64 = 7.0;
/// Per-node counts are printed only up to this many nodes: beyond, they
/// are too small to read and overlap.
pub const MAX_LABELLED_NODES: usize = 16;

/// Beyond this many nodes on the ring (hubs aside) a drawing shows an
/// aggregate instead of dots.
pub const MAX_DRAWN_NODES: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Positions for nodes with these roles, in the same order. Hubs (servers
/// and indexes) go in the middle; if there are several, they share a small
/// inner ring.
pub fn place(roles: &[Role]) -> Vec<Point> {
    let is_hub = |r: &Role| matches!(r, Role::Server | Role::Index);
    let hubs = roles.iter().filter(|r| is_hub(r)).count();
    let others = roles.len() - hubs;
    let mut hub_i = 0;
    let mut other_i = 0;
    roles
        .iter()
        .map(|role| {
            if is_hub(role) {
                let p = if hubs == 1 { Point { x: CENTRE, y: CENTRE } } else { on_circle(hub_i, hubs, RING * 0.3) };
                hub_i += 1;
                p
            } else {
                let p = on_circle(other_i, others, RING);
                other_i += 1;
                p
            }
        })
        .collect()
}

fn on_circle(i: usize, n: usize, radius: f64) -> Point {
    // Start at the top and go clockwise, like a clock face.
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n.max(1) as f64;
    let (sin, cos) = sin_cos(angle);
    Point { x: CENTRE + radius * cos, y: CENTRE + radius * sin }
}

/// Sine and cosine by their series, after bringing the angle into
/// [-π, π]: a drawing needs no more, and `f64::sin` would add the general
/// argument reduction (several kilobytes) to the Wasm bundle.
fn sin_cos(angle: f64) -> (f64, f64) {
    use std::f64::consts::{PI, TAU};
    let mut x = angle % TAU;
    if x > PI {
        x -= TAU;
    } else if x < -PI {
        x += TAU;
    }
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut s_term, mut c_term) = (x, 1.0);
    for k in 0..20 {
        sin += s_term;
        cos += c_term;
        let k = f64::from(k);
        s_term *= -x * x / ((2.0 * k + 2.0) * (2.0 * k + 3.0));
        c_term *= -x * x / ((2.0 * k + 1.0) * (2.0 * k + 2.0));
    }
    (sin, cos)
}

/// A node's radius, so a crowded ring stays readable.
pub fn node_radius(count: usize) -> f64 {
    match count {
        0..=12 => 9.0,
        13..=40 => 6.0,
        41..=100 => 4.0,
        _ => 2.5,
    }
}

/// The point a fraction of the way from `a` to `b`.
pub fn along(a: Point, b: Point, t: f64) -> Point {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    Point { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(p: Point) -> bool {
        (0.0..=SIZE).contains(&p.x) && (0.0..=SIZE).contains(&p.y)
    }

    #[test]
    fn server_in_the_middle_clients_around() {
        let mut roles = vec![Role::Server];
        roles.extend(std::iter::repeat_n(Role::Client, 7));
        let pts = place(&roles);
        assert_eq!(pts[0], Point { x: CENTRE, y: CENTRE });
        for p in &pts[1..] {
            let r = ((p.x - CENTRE).powi(2) + (p.y - CENTRE).powi(2)).sqrt();
            assert!((r - RING).abs() < 1e-9);
        }
    }

    #[test]
    fn every_node_fits_and_none_overlap() {
        for n in [1usize, 2, 3, 10, 40, 200] {
            let roles = vec![Role::Peer; n];
            let pts = place(&roles);
            let radius = node_radius(n);
            assert!(pts.iter().all(|p| inside(*p)));
            for i in 0..n {
                for j in i + 1..n {
                    let d = ((pts[i].x - pts[j].x).powi(2) + (pts[i].y - pts[j].y).powi(2)).sqrt();
                    assert!(d >= radius * 0.9, "n={n}: nodes {i} and {j} overlap");
                }
            }
        }
    }

    #[test]
    fn along_clamps() {
        let a = Point { x: 0.0, y: 0.0 };
        let b = Point { x: 10.0, y: 20.0 };
        assert_eq!(along(a, b, 0.5), Point { x: 5.0, y: 10.0 });
        assert_eq!(along(a, b, 7.0), b);
        assert_eq!(along(a, b, f64::NAN), a);
    }

    #[test]
    fn series_sine_and_cosine_match_the_library() {
        for i in -400..=400 {
            let a = f64::from(i) * 0.02;
            let (s, c) = sin_cos(a);
            assert!((s - a.sin()).abs() < 1e-12 && (c - a.cos()).abs() < 1e-12, "{a}");
        }
    }
}
