//! Closed forms for searching: how many messages a flood can send, and how
//! likely it is to find an item.

/// At most this many query messages for a flood with the given TTL over a
/// graph whose nodes have at most `degree` links: Σ_{h=1}^{ttl} d(d−1)^(h−1).
/// The origin sends d; every node reached at depth h < TTL forwards to its
/// other d − 1 links. Equality holds on a tree where every inner node has
/// degree d (no cycles, so no duplicates).
pub fn flood_message_bound(degree: f64, ttl: u32) -> f64 {
    let d = degree.max(0.0);
    let mut level = d;
    let mut total = 0.0;
    for _ in 0..ttl {
        total += level;
        level *= (d - 1.0).max(0.0);
    }
    total
}

/// The chance that `reached` distinct peers out of `peers` include at least
/// one of `replicas` copies placed uniformly at random:
/// 1 − C(n − m, r) / C(n, r).
pub fn hit_probability(peers: u32, replicas: u32, reached: u32) -> f64 {
    let (n, r, m) = (u64::from(peers), u64::from(replicas), u64::from(reached.min(peers)));
    if r == 0 || n == 0 {
        return 0.0;
    }
    if n - m < r {
        return 1.0;
    }
    // C(n − m, r) / C(n, r) = Π_{i<r} (n − m − i) / (n − i), no big numbers.
    let miss: f64 = (0..r).map(|i| (n - m - i) as f64 / (n - i) as f64).product();
    1.0 - miss
}

/// A central index or store answers every lookup with a query and a reply.
pub const CENTRAL_MESSAGES_PER_LOOKUP: u32 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flood_bound_counts_a_tree() {
        // d = 3, TTL 3: 3 + 6 + 12.
        assert_eq!(flood_message_bound(3.0, 3), 21.0);
        assert_eq!(flood_message_bound(4.0, 1), 4.0);
        // A chain (d = 2) sends one message per hop.
        assert_eq!(flood_message_bound(2.0, 5), 10.0);
        assert_eq!(flood_message_bound(1.0, 5), 1.0);
        assert_eq!(flood_message_bound(0.0, 5), 0.0);
    }

    #[test]
    fn hit_probability_edges_and_a_hand_computed_value() {
        assert_eq!(hit_probability(10, 1, 0), 0.0);
        assert_eq!(hit_probability(10, 3, 10), 1.0);
        assert_eq!(hit_probability(10, 3, 8), 1.0);
        assert!((hit_probability(10, 1, 4) - 0.4).abs() < 1e-12);
        // C(6,2)/C(10,2) = 15/45.
        assert!((hit_probability(10, 2, 4) - (1.0 - 15.0 / 45.0)).abs() < 1e-12);
        assert_eq!(hit_probability(10, 0, 4), 0.0);
    }
}
