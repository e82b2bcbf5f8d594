//! The access-link network model of Kurose & Ross: every node has an upload
//! and a download capacity, the core of the network is never the bottleneck,
//! and flows share those capacities max-min fairly.
//!
//! A sender serving several receivers shares its upload; a receiver's
//! download caps the sum of its incoming flows. Each flow crosses exactly two
//! constraints (its sender's upload link and its receiver's download link),
//! which is what makes the incremental recomputation (module `fill`) cheap.
//!
//! Rates are recomputed only when asked ([`Network::reallocate`]), so a
//! workload can start and stop many flows at one tick and pay for one
//! recomputation. Progress is kept lazily: a flow stores what was left when
//! its rate last changed, which is exact (no per-event sweep over all flows)
//! and makes the cost of an event independent of how many flows are idle
//! elsewhere.

mod audit;
mod fill;

use crate::sim::node::NodeId;
use crate::sim::time::{SimDuration, SimTime};

/// A flow's slot. Slots are reused after a flow ends, so a holder must not
/// keep one past [`Network::remove_flow`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlowId(pub u32);

/// Relative slack when deciding that a link is full or that a flow has the
/// largest rate on a link. Far above `f64` rounding, far below anything a
/// learner could see.
pub(crate) const EPS: f64 = 1e-9;

/// Margin below capacity for a link to count as one that can never fill;
/// far wider than the rounding in its running `demand`.
const NEVER_FULL: f64 = 1e-6;

impl Link {
    fn never_full(&self) -> bool {
        self.demand <= self.cap * (1.0 - NEVER_FULL)
    }
}

#[derive(Clone, Debug)]
struct Link {
    cap: f64,
    flows: Vec<u32>,
    /// Sum of current rates, kept up to date on every change (and recomputed
    /// exactly whenever the link is refilled, so rounding cannot pile up).
    sum: f64,
    /// Largest current rate; `None` after any flow on the link changed.
    max: Option<f64>,
    /// Sum over this link's flows of the capacity at their other end: no
    /// flow can go faster than that, so while this stays below `cap` the
    /// link can never fill, and it neither limits nor couples its flows.
    demand: f64,
    /// Some flow had this link as its bottleneck at the last refill: if the
    /// link changes, those flows must be refilled even if it can no longer
    /// fill.
    binding: bool,
    // Scratch for `fill`, stamped so it never needs clearing.
    in_region: u64,
    touched: u64,
    rem: f64,
    unfrozen: u32,
    /// This link's refilled flows sit at `phi_at[phi_start..phi_start+phi_len]`.
    phi_start: u32,
    phi_len: u32,
    new_sum: f64,
}

impl Link {
    fn new(cap: f64) -> Link {
        Link {
            cap,
            flows: Vec::new(),
            sum: 0.0,
            max: Some(0.0),
            demand: 0.0,
            binding: false,
            in_region: 0,
            touched: 0,
            rem: 0.0,
            unfrozen: 0,
            phi_start: 0,
            phi_len: 0,
            new_sum: 0.0,
        }
    }
}

#[derive(Clone, Debug)]
struct Flow {
    live: bool,
    src: u32,
    dst: u32,
    pos_src: u32,
    pos_dst: u32,
    rate: f64,
    /// Megabits left at `since`.
    remaining: f64,
    since: SimTime,
    tag: u32,
    // Scratch for `fill`.
    mark: u64,
    frozen: bool,
    frozen_at: u32,
    new_rate: f64,
}

/// One flow as seen from outside.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FlowView {
    pub id: FlowId,
    pub from: NodeId,
    pub to: NodeId,
    pub rate_mbps: f64,
    pub tag: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Network {
    links: Vec<Link>,
    flows: Vec<Flow>,
    free: Vec<u32>,
    live: u32,
    dirty: Vec<u32>,
    stamp: u64,
    changed: Vec<FlowId>,
    scratch: fill::Scratch,
    stats: NetStats,
}

/// Work done by reallocations, for benchmarks and for tests that the
/// incremental path really is taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NetStats {
    pub reallocations: u64,
    /// Fillings, counting each time a region had to grow and be refilled.
    pub fills: u64,
    /// Flows refilled, summed over all fillings.
    pub flows_refilled: u64,
    /// Flows looked at on the region's edge links, summed over all checks.
    pub edge_flows_checked: u64,
}

fn up_link(node: NodeId) -> u32 {
    node.0.saturating_mul(2)
}

fn down_link(node: NodeId) -> u32 {
    node.0.saturating_mul(2).saturating_add(1)
}

fn node_of(link: u32) -> NodeId {
    NodeId(link / 2)
}

fn elapsed_secs(since: SimTime, now: SimTime) -> f64 {
    now.since(since).as_secs_f64()
}

impl Network {
    /// One entry per node in each list, in Mbps. `None` unless both lists
    /// have the same length (below `u32::MAX / 2`) and every capacity is
    /// positive and finite: an infinite link would give flows infinite rates.
    pub fn new(up_mbps: &[f64], down_mbps: &[f64]) -> Option<Network> {
        if up_mbps.len() != down_mbps.len() || up_mbps.len() >= (u32::MAX / 2) as usize {
            return None;
        }
        let ok = |c: &f64| c.is_finite() && *c > 0.0;
        if !up_mbps.iter().all(ok) || !down_mbps.iter().all(ok) {
            return None;
        }
        let mut links = Vec::with_capacity(up_mbps.len() * 2);
        for (u, d) in up_mbps.iter().zip(down_mbps) {
            links.push(Link::new(*u));
            links.push(Link::new(*d));
        }
        Some(Network { links, ..Network::default() })
    }

    pub fn node_count(&self) -> u32 {
        (self.links.len() / 2) as u32
    }

    pub fn flow_count(&self) -> u32 {
        self.live
    }

    /// Starts a flow of `megabits` from `from` to `to`. It has no rate until
    /// the next [`Network::reallocate`]. `None` for an unknown node or a node
    /// sending to itself.
    pub fn add_flow(&mut self, now: SimTime, from: NodeId, to: NodeId, megabits: f64, tag: u32) -> Option<FlowId> {
        if from == to || from.0 >= self.node_count() || to.0 >= self.node_count() {
            return None;
        }
        let (src, dst) = (up_link(from), down_link(to));
        let pos_src = self.links.get(src as usize)?.flows.len() as u32;
        let pos_dst = self.links.get(dst as usize)?.flows.len() as u32;
        let flow = Flow {
            live: true,
            src,
            dst,
            pos_src,
            pos_dst,
            rate: 0.0,
            remaining: megabits,
            since: now,
            tag,
            mark: 0,
            frozen: false,
            frozen_at: 0,
            new_rate: 0.0,
        };
        let id = match self.free.pop() {
            Some(id) => {
                *self.flows.get_mut(id as usize)? = flow;
                id
            }
            None => {
                self.flows.push(flow);
                (self.flows.len() - 1) as u32
            }
        };
        let cap_of = |l: u32| self.links.get(l as usize).map_or(0.0, |x| x.cap);
        let (src_cap, dst_cap) = (cap_of(src), cap_of(dst));
        for (l, other_cap) in [(src, dst_cap), (dst, src_cap)] {
            if let Some(link) = self.links.get_mut(l as usize) {
                link.flows.push(id);
                link.max = None;
                link.demand += other_cap;
            }
            self.dirty.push(l);
        }
        self.live += 1;
        Some(FlowId(id))
    }

    /// Ends a flow (finished or abandoned). Its capacity is handed to others
    /// at the next [`Network::reallocate`].
    pub fn remove_flow(&mut self, id: FlowId) -> bool {
        let Some(flow) = self.flows.get_mut(id.0 as usize).filter(|f| f.live) else {
            return false;
        };
        flow.live = false;
        let rate = flow.rate;
        let ends = [(flow.src, flow.pos_src, flow.dst), (flow.dst, flow.pos_dst, flow.src)];
        for (l, pos, other) in ends {
            let other_cap = self.links.get(other as usize).map_or(0.0, |x| x.cap);
            if let Some(link) = self.links.get_mut(l as usize) {
                link.sum -= rate;
                link.demand -= other_cap;
                if link.flows.len() <= 1 {
                    // Empty: start again from exact zeros.
                    link.sum = 0.0;
                    link.demand = 0.0;
                }
            }
            self.unlink(l, pos);
            self.dirty.push(l);
        }
        self.free.push(id.0);
        self.live -= 1;
        true
    }

    fn unlink(&mut self, l: u32, pos: u32) {
        let Some(link) = self.links.get_mut(l as usize) else { return };
        link.max = None;
        if (pos as usize) >= link.flows.len() {
            return;
        }
        link.flows.swap_remove(pos as usize);
        // The last flow moved into `pos`: tell it where it now sits.
        if let Some(&moved) = link.flows.get(pos as usize) {
            if let Some(m) = self.flows.get_mut(moved as usize) {
                if m.src == l {
                    m.pos_src = pos;
                } else {
                    m.pos_dst = pos;
                }
            }
        }
    }

    /// Adds `megabits` to a live flow's payload (the next chunk on an open
    /// connection). The rate is unchanged, so no reallocation is needed; the
    /// caller reschedules the completion.
    pub fn extend_flow(&mut self, id: FlowId, now: SimTime, megabits: f64) -> bool {
        let Some(flow) = self.flows.get_mut(id.0 as usize).filter(|f| f.live) else {
            return false;
        };
        flow.remaining = flow.remaining - flow.rate * elapsed_secs(flow.since, now) + megabits;
        flow.since = now;
        true
    }

    /// Recomputes the max-min fair rates where flows started or ended since
    /// the last call, and returns the flows whose rate changed (each needs
    /// its completion rescheduled).
    pub fn reallocate(&mut self, now: SimTime) -> &[FlowId] {
        fill::reallocate(self, now);
        &self.changed
    }

    pub fn is_live(&self, id: FlowId) -> bool {
        self.flows.get(id.0 as usize).is_some_and(|f| f.live)
    }

    pub fn rate(&self, id: FlowId) -> f64 {
        self.flows.get(id.0 as usize).filter(|f| f.live).map_or(0.0, |f| f.rate)
    }

    pub fn tag(&self, id: FlowId) -> Option<u32> {
        self.flows.get(id.0 as usize).filter(|f| f.live).map(|f| f.tag)
    }

    /// Megabits still to send at `now` (negative by a rounding sliver once
    /// the completion tick has passed).
    pub fn remaining(&self, id: FlowId, now: SimTime) -> f64 {
        self.flows
            .get(id.0 as usize)
            .filter(|f| f.live)
            .map_or(0.0, |f| f.remaining - f.rate * elapsed_secs(f.since, now))
    }

    /// When the flow finishes at its current rate, rounded up to the next
    /// microsecond so it is never reported done early. `None` while it has
    /// no rate.
    pub fn completion_time(&self, id: FlowId) -> Option<SimTime> {
        let f = self.flows.get(id.0 as usize).filter(|f| f.live)?;
        if f.rate <= 0.0 || f.rate.is_nan() {
            return None;
        }
        Some(f.since + SimDuration::from_secs_f64_ceil(f.remaining / f.rate))
    }

    /// Total upload rate currently allocated at a node.
    pub fn up_rate(&self, node: NodeId) -> f64 {
        self.link_sum(up_link(node))
    }

    /// Total download rate currently allocated at a node.
    pub fn down_rate(&self, node: NodeId) -> f64 {
        self.link_sum(down_link(node))
    }

    pub fn up_capacity(&self, node: NodeId) -> f64 {
        self.links.get(up_link(node) as usize).map_or(0.0, |l| l.cap)
    }

    pub fn down_capacity(&self, node: NodeId) -> f64 {
        self.links.get(down_link(node) as usize).map_or(0.0, |l| l.cap)
    }

    fn link_sum(&self, l: u32) -> f64 {
        // Never below zero, not even as rounding's -0.0, which a chart
        // would print as "-0".
        self.links.get(l as usize).map_or(0.0, |link| if link.sum > 0.0 { link.sum } else { 0.0 })
    }

    /// Every live flow, in slot order.
    pub fn flows(&self) -> impl Iterator<Item = FlowView> + '_ {
        self.flows.iter().enumerate().filter(|(_, f)| f.live).map(|(i, f)| FlowView {
            id: FlowId(i as u32),
            from: node_of(f.src),
            to: node_of(f.dst),
            rate_mbps: f.rate,
            tag: f.tag,
        })
    }

    pub fn stats(&self) -> NetStats {
        self.stats
    }

    /// Checks the current allocation: no link over capacity, every flow has
    /// a positive rate, and every flow has a bottleneck (a full link on which
    /// no flow is faster), which is what max-min fair means. Tests call this
    /// after every event.
    pub fn audit(&self) -> Result<(), String> {
        audit::audit(self)
    }

    /// Max-min fair rates computed from scratch by a plain, independent
    /// progressive filling, in slot order. For tests of the incremental path.
    pub fn reference_rates(&self) -> Vec<(FlowId, f64)> {
        audit::reference_rates(self)
    }
}

#[cfg(test)]
mod tests;
