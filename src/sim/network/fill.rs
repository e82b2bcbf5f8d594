//! Max-min fair rates by progressive filling, recomputed only over the part
//! of the network an event disturbed.
//!
//! Why not recompute everything: a swarm of 1,000 peers has thousands of
//! flows and a chunk starts or ends on almost every event, so a global
//! recomputation per event would dominate the run. Why not "just the
//! connected component": in a mesh where peers both send and receive, the
//! flows form one giant component, so that saves nothing.
//!
//! Instead:
//! 1. The region R starts as the links whose flows changed.
//! 2. Every flow on an R link is refilled (progressive filling) against the
//!    capacity its links have left after the flows outside the region, whose
//!    rates are held fixed.
//! 3. The result is max-min fair if every flow still has a bottleneck (a full
//!    link on which no flow is faster). Flows away from the region are
//!    untouched, so only the links at the region's edge need checking, and
//!    each flow crosses just two links, so each check is constant work.
//! 4. If a check fails, that edge link joins R and we refill. R only grows,
//!    so this ends; at worst it covers the component, which is the global
//!    answer.
//!
//! Links that can never fill (their capacity exceeds what all their flows
//! could take, like a server far faster than its clients' downloads) are
//! left out entirely: they limit no flow and couple none, so a server with
//! thousands of connections costs nothing per event.
//!
//! Work per refill is proportional to the refilled flows, not to the degree
//! of the links they touch, except at edge links that are full, whose flows
//! must be looked at to confirm they keep their bottleneck.
//!
//! Indexing below relies on the network's invariants: every flow on a link's
//! list is live, and every link a flow names exists.

use super::{elapsed_secs, FlowId, Link, Network, EPS};
use crate::sim::time::SimTime;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// The level at which a link would fill; ordered by level, then by link so
/// that ties resolve the same way on every platform.
#[derive(Clone, Copy, Debug)]
struct Share {
    level: f64,
    link: u32,
}

impl PartialEq for Share {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Share {}
impl PartialOrd for Share {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Share {
    fn cmp(&self, other: &Self) -> Ordering {
        self.level.total_cmp(&other.level).then(self.link.cmp(&other.link))
    }
}

/// Buffers kept between calls so a recomputation allocates nothing once the
/// run has warmed up.
#[derive(Clone, Debug, Default)]
pub(super) struct Scratch {
    region: Vec<u32>,
    touched: Vec<u32>,
    phi: Vec<u32>,
    /// Refilled flows grouped by touched link (see `Link::phi_start`).
    phi_at: Vec<u32>,
    grow: Vec<u32>,
    heap: BinaryHeap<Reverse<Share>>,
}

fn share(link: &Link) -> f64 {
    link.rem.max(0.0) / f64::from(link.unfrozen.max(1))
}

fn full(sum: f64, cap: f64) -> bool {
    sum >= cap * (1.0 - EPS)
}

fn fastest(rate: f64, max: f64) -> bool {
    rate >= max * (1.0 - EPS)
}

pub(super) fn reallocate(net: &mut Network, now: SimTime) {
    net.changed.clear();
    if net.dirty.is_empty() {
        return;
    }
    let mut s = std::mem::take(&mut net.scratch);
    net.stamp += 1;
    let region_stamp = net.stamp;
    s.region.clear();
    for l in std::mem::take(&mut net.dirty) {
        if let Some(link) = net.links.get_mut(l as usize) {
            if link.in_region != region_stamp && (link.binding || !link.never_full()) {
                link.in_region = region_stamp;
                s.region.push(l);
            }
        }
    }
    if s.region.is_empty() {
        net.scratch = s;
        return;
    }
    net.stats.reallocations += 1;
    let attempt = loop {
        net.stamp += 1;
        let attempt = net.stamp;
        collect(net, &mut s, attempt, region_stamp);
        net.stats.fills += 1;
        net.stats.flows_refilled += s.phi.len() as u64;
        fill(net, &mut s, attempt);
        if !find_violations(net, &mut s, attempt, region_stamp) {
            break attempt;
        }
        for i in 0..s.grow.len() {
            let l = s.grow[i];
            net.links[l as usize].in_region = region_stamp;
            s.region.push(l);
        }
    };
    commit(net, &s, attempt, region_stamp, now);
    net.scratch = s;
}

/// Gathers the flows to refill (all flows on region links), the links they
/// cross that could fill, each link's capacity left after the fixed flows,
/// and each link's refilled flows.
fn collect(net: &mut Network, s: &mut Scratch, attempt: u64, region_stamp: u64) {
    let Network { links, flows, .. } = net;
    s.phi.clear();
    s.touched.clear();
    for &l in &s.region {
        let link = &mut links[l as usize];
        link.touched = attempt;
        s.touched.push(l);
        for &f in &link.flows {
            let flow = &mut flows[f as usize];
            if flow.mark != attempt {
                flow.mark = attempt;
                flow.frozen = false;
                s.phi.push(f);
            }
        }
    }
    for &f in &s.phi {
        let flow = &flows[f as usize];
        for l in [flow.src, flow.dst] {
            let link = &mut links[l as usize];
            if link.touched != attempt && !link.never_full() {
                link.touched = attempt;
                s.touched.push(l);
            }
        }
    }
    for &l in &s.touched {
        let link = &mut links[l as usize];
        // Region links refill all their flows; edge links keep what their
        // fixed flows use, which is the running sum minus the refilled ones.
        link.rem = if link.in_region == region_stamp { link.cap } else { link.cap - link.sum };
        link.unfrozen = 0;
        link.phi_len = 0;
    }
    for &f in &s.phi {
        let flow = &flows[f as usize];
        for l in [flow.src, flow.dst] {
            let link = &mut links[l as usize];
            if link.touched == attempt {
                if link.in_region != region_stamp {
                    link.rem += flow.rate;
                }
                link.unfrozen += 1;
            }
        }
    }
    let mut start = 0u32;
    for &l in &s.touched {
        let link = &mut links[l as usize];
        link.phi_start = start;
        start += link.unfrozen;
    }
    s.phi_at.clear();
    s.phi_at.resize(start as usize, 0);
    for &f in &s.phi {
        let flow = &flows[f as usize];
        for l in [flow.src, flow.dst] {
            let link = &mut links[l as usize];
            if link.touched == attempt {
                s.phi_at[(link.phi_start + link.phi_len) as usize] = f;
                link.phi_len += 1;
            }
        }
    }
}

fn phi_of(link: &Link) -> std::ops::Range<usize> {
    link.phi_start as usize..(link.phi_start + link.phi_len) as usize
}

/// Progressive filling: raise every unfrozen flow together; the link that
/// fills first freezes its flows at that level. Levels only rise, so a heap
/// with stale entries skipped is enough.
fn fill(net: &mut Network, s: &mut Scratch, attempt: u64) {
    let Network { links, flows, .. } = net;
    s.heap.clear();
    for &l in &s.touched {
        let link = &links[l as usize];
        if link.unfrozen > 0 {
            s.heap.push(Reverse(Share { level: share(link), link: l }));
        }
    }
    while let Some(Reverse(top)) = s.heap.pop() {
        let l = top.link as usize;
        if links[l].unfrozen == 0 || share(&links[l]).to_bits() != top.level.to_bits() {
            continue;
        }
        let level = top.level;
        for i in phi_of(&links[l]) {
            let f = s.phi_at[i] as usize;
            let flow = &mut flows[f];
            if flow.frozen {
                continue;
            }
            flow.frozen = true;
            flow.frozen_at = top.link;
            flow.new_rate = level;
            let other = if flow.src == top.link { flow.dst } else { flow.src };
            let o = &mut links[other as usize];
            if o.touched != attempt {
                continue;
            }
            o.rem -= level;
            o.unfrozen = o.unfrozen.saturating_sub(1);
            if o.unfrozen > 0 {
                s.heap.push(Reverse(Share { level: share(o), link: other }));
            }
        }
        links[l].unfrozen = 0;
    }
}

/// Largest current rate on a link, cached until a flow on it changes.
fn max_rate(net: &mut Network, l: u32) -> f64 {
    let Network { links, flows, .. } = net;
    let link = &mut links[l as usize];
    if let Some(max) = link.max {
        return max;
    }
    let max = link.flows.iter().map(|&f| flows[f as usize].rate).fold(0.0, f64::max);
    link.max = Some(max);
    max
}

/// Largest rate on a link with the refilled flows at their new rates.
fn new_max_rate(net: &Network, l: u32, attempt: u64) -> f64 {
    net.links[l as usize]
        .flows
        .iter()
        .map(|&f| {
            let flow = &net.flows[f as usize];
            if flow.mark == attempt {
                flow.new_rate
            } else {
                flow.rate
            }
        })
        .fold(0.0, f64::max)
}

/// Checks the edge of the region; fills `s.grow` with the edge links whose
/// flows lost their bottleneck. True when there are any.
fn find_violations(net: &mut Network, s: &mut Scratch, attempt: u64, region_stamp: u64) -> bool {
    s.grow.clear();
    {
        let Network { links, flows, .. } = &mut *net;
        for &l in &s.touched {
            let link = &mut links[l as usize];
            link.new_sum = link.sum;
        }
        for &f in &s.phi {
            let flow = &flows[f as usize];
            for l in [flow.src, flow.dst] {
                let link = &mut links[l as usize];
                if link.touched == attempt && link.in_region != region_stamp {
                    link.new_sum += flow.new_rate - flow.rate;
                }
            }
        }
    }
    for i in 0..s.touched.len() {
        let l = s.touched[i];
        if net.links[l as usize].in_region == region_stamp {
            continue;
        }
        if !edge_link_holds(net, s, l, attempt) {
            s.grow.push(l);
        }
    }
    !s.grow.is_empty()
}

fn edge_link_holds(net: &mut Network, s: &Scratch, l: u32, attempt: u64) -> bool {
    let (cap, sum_before, sum_after) = {
        let link = &net.links[l as usize];
        (link.cap, link.sum, link.new_sum)
    };
    let here = full(sum_after, cap);
    if !here && !full(sum_before, cap) {
        // No flow had its bottleneck here, and none has now, unless the
        // filling froze one here by a rounding hair.
        return !s.phi_at[phi_of(&net.links[l as usize])].iter().any(|&f| net.flows[f as usize].frozen_at == l);
    }
    let max = new_max_rate(net, l, attempt);
    for j in 0..net.links[l as usize].flows.len() {
        let f = net.links[l as usize].flows[j] as usize;
        let flow = &net.flows[f];
        if flow.mark == attempt {
            // A refilled flow frozen here must be the fastest on this link,
            // including the fixed flows the filling could not slow down.
            if flow.frozen_at == l && !(here && fastest(flow.new_rate, max)) {
                return false;
            }
            continue;
        }
        let rate = flow.rate;
        if here && fastest(rate, max) {
            continue;
        }
        // Not bottlenecked here: it must still be at its other end.
        let m = if flow.src == l { flow.dst } else { flow.src };
        let other = &net.links[m as usize];
        if other.never_full() {
            return false;
        }
        let holds = if other.touched == attempt {
            // Also on the edge: judge it by its refilled rates.
            full(other.new_sum, other.cap) && fastest(rate, new_max_rate(net, m, attempt))
        } else {
            full(other.sum, other.cap) && fastest(rate, max_rate(net, m))
        };
        if !holds {
            return false;
        }
    }
    true
}

fn commit(net: &mut Network, s: &Scratch, attempt: u64, region_stamp: u64, now: SimTime) {
    let Network { links, flows, changed, .. } = net;
    for &f in &s.phi {
        let flow = &mut flows[f as usize];
        if flow.mark != attempt || flow.new_rate.to_bits() == flow.rate.to_bits() {
            continue;
        }
        let delta = flow.new_rate - flow.rate;
        flow.remaining -= flow.rate * elapsed_secs(flow.since, now);
        flow.since = now;
        flow.rate = flow.new_rate;
        for l in [flow.src, flow.dst] {
            let link = &mut links[l as usize];
            link.sum += delta;
            link.max = None;
        }
        changed.push(FlowId(f));
    }
    for &l in &s.touched {
        let link = &mut links[l as usize];
        if link.in_region == region_stamp {
            link.sum = link.flows.iter().map(|&f| flows[f as usize].rate).sum();
        }
        // At a max-min allocation a full link is the bottleneck of its
        // fastest flows, and a link that is not full is nobody's.
        link.binding = full(link.sum, link.cap);
    }
}
