//! What the lookup run shows: the snapshot for drawing and the report.

use crate::sim::node::Population;
use super::*;

impl LookupSim {
    pub fn snapshot(&self) -> LookupSnapshot {
        let nodes = self
            .s
            .node_ids()
            .map(|id| LookupNodeView {
                id,
                role: self.s.role(id),
                up: self.is_up(id),
                items_held: self.items_held(id),
                stale_copies: self.stale_copies_on(id),
            })
            .collect();
        let messages = self
            .messages
            .oldest(MAX_DRAWN_MESSAGES)
            .map(|m| LookupMessageView {
                kind: match m.payload {
                    Payload::Flood { .. } | Payload::Ask { .. } => LookupMessageKind::Query,
                    Payload::HitReply { .. } | Payload::Answer { .. } => LookupMessageKind::Answer,
                    Payload::Push { .. } => LookupMessageKind::Push,
                },
                from: m.from,
                to: m.to,
                progress: progress(m.sent_at, m.arrive_at, self.now),
            })
            .collect();
        LookupSnapshot {
            now_s: self.now.as_secs_f64(),
            nodes,
            messages,
            counters: self.counters,
            items_available: self.items_available(),
        }
    }

    pub fn report(&self) -> LookupReport {
        let c = self.counters;
        let finished = self.outcomes.len() as u64;
        let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let remote_hits: Vec<u32> = self.outcomes.iter().filter_map(|o| o.hops_to_hit.filter(|h| *h > 0)).collect();
        let floods: Vec<u32> =
            self.outcomes.iter().filter(|o| o.reached > 0 && !o.local()).map(|o| o.reached).collect();
        let mean = |v: &[u32]| {
            (!v.is_empty()).then(|| v.iter().map(|x| f64::from(*x)).sum::<f64>() / v.len() as f64)
        };
        let nodes = self
            .s
            .node_ids()
            .map(|id| LookupNodeStats {
                id,
                role: self.s.role(id),
                messages_handled: self.handled.get(id.index()).copied().unwrap_or(0),
                items_held: self.items_held(id),
                stale_copies: self.stale_copies_on(id),
            })
            .collect();
        LookupReport {
            architecture: self.s.architecture,
            elapsed_s: self.now.as_secs_f64(),
            counters: c,
            hit_rate: ratio(c.hits, c.hits + c.misses),
            stale_read_fraction: ratio(c.stale_reads, c.hits),
            mean_messages_per_query: ratio(self.outcomes.iter().map(|o| u64::from(o.messages())).sum(), finished),
            max_messages_per_query: self.outcomes.iter().map(QueryOutcome::messages).max().unwrap_or(0),
            mean_hops_to_hit: mean(&remote_hits),
            mean_peers_reached: mean(&floods),
            items_available: self.items_available(),
            nodes,
            series: self.series.clone(),
            theory: self.theory(&floods),
            events: self.processed,
        }
    }

    fn items_held(&self, node: NodeId) -> u32 {
        self.held.get(node.index()).map_or(0, |h| h.len() as u32)
    }

    /// Copies on `node` older than the item's latest version.
    fn stale_copies_on(&self, node: NodeId) -> u32 {
        self.stale_copies.get(node.index()).copied().unwrap_or(0)
    }

    pub(super) fn theory(&self, floods: &[u32]) -> LookupTheory {
        if self.s.architecture != Architecture::PeerToPeer {
            return LookupTheory {
                messages_per_query_bound: f64::from(CENTRAL_MESSAGES_PER_LOOKUP),
                expected_hit_rate: None,
            };
        }
        let (n, r) = (self.s.peers, self.s.replication);
        // The asker holds a copy with chance r/n; otherwise the flood's other
        // m − 1 peers are drawn from the other n − 1.
        let expected_hit_rate = (!floods.is_empty()).then(|| {
            let own = f64::from(r) / f64::from(n);
            let found = floods
                .iter()
                .map(|m| hit_probability(n.saturating_sub(1), r, m.saturating_sub(1)))
                .sum::<f64>()
                / floods.len() as f64;
            own + (1.0 - own) * found
        });
        LookupTheory {
            messages_per_query_bound: flood_message_bound(f64::from(self.overlay.max_degree()), self.s.ttl),
            expected_hit_rate,
        }
    }
}
