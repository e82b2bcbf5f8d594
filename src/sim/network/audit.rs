//! Independent checks of an allocation, for tests and for anyone who doubts
//! the incremental recomputation: capacities, and max-min fairness both by
//! its definition and against a plain from-scratch computation.

use super::{FlowId, Network};

/// Looser than the recomputation's own slack: the audit must not flag what
/// is only accumulated rounding.
const AUDIT_EPS: f64 = 1e-7;

pub(super) fn audit(net: &Network) -> Result<(), String> {
    let mut sums = Vec::with_capacity(net.links.len());
    for (l, link) in net.links.iter().enumerate() {
        let mut sum = 0.0;
        let mut max = 0.0f64;
        for &f in &link.flows {
            let flow = net.flows.get(f as usize).filter(|x| x.live).ok_or(format!("link {l} lists a dead flow {f}"))?;
            sum += flow.rate;
            max = max.max(flow.rate);
        }
        if sum > link.cap * (1.0 + AUDIT_EPS) {
            return Err(format!("link {l} carries {sum} Mbps over its capacity {}", link.cap));
        }
        sums.push((sum, max));
    }
    // Between a change and the next reallocation, capacities hold (ended
    // flows free capacity, new flows have no rate yet) but fairness is not
    // yet restored.
    if !net.dirty.is_empty() {
        return Ok(());
    }
    for (i, flow) in net.flows.iter().enumerate().filter(|(_, f)| f.live) {
        if !(flow.rate > 0.0 && flow.rate.is_finite()) {
            return Err(format!("flow {i} has rate {}", flow.rate));
        }
        let bottleneck = [flow.src, flow.dst].into_iter().any(|l| {
            let cap = net.links.get(l as usize).map_or(0.0, |x| x.cap);
            sums.get(l as usize)
                .is_some_and(|&(sum, max)| sum >= cap * (1.0 - AUDIT_EPS) && flow.rate >= max * (1.0 - AUDIT_EPS))
        });
        if !bottleneck {
            return Err(format!("flow {i} at {} Mbps has no bottleneck link", flow.rate));
        }
    }
    Ok(())
}

/// Textbook progressive filling over every flow: find the lowest fair share
/// of any link, freeze the flows there, repeat. Quadratic, which is fine for
/// tests.
pub(super) fn reference_rates(net: &Network) -> Vec<(FlowId, f64)> {
    let live: Vec<u32> = (0..net.flows.len() as u32).filter(|&i| net.flows[i as usize].live).collect();
    let mut rate = vec![0.0f64; net.flows.len()];
    let mut frozen = vec![false; net.flows.len()];
    let mut left = live.len();
    while left > 0 {
        let mut best: Option<(f64, usize)> = None;
        for (l, link) in net.links.iter().enumerate() {
            let mut rem = link.cap;
            let mut n = 0u32;
            for &f in &link.flows {
                if frozen[f as usize] {
                    rem -= rate[f as usize];
                } else {
                    n += 1;
                }
            }
            if n > 0 {
                let s = rem.max(0.0) / f64::from(n);
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, l));
                }
            }
        }
        let Some((level, l)) = best else { break };
        for &f in &net.links[l].flows {
            if !frozen[f as usize] {
                frozen[f as usize] = true;
                rate[f as usize] = level;
                left -= 1;
            }
        }
    }
    live.into_iter().map(|f| (FlowId(f), rate[f as usize])).collect()
}
