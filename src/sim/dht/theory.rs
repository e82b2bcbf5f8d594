//! What Chord's analysis predicts, to set beside the simulated lookups.

/// Stoica et al. (2001), Theorem 2 and §6: with correct fingers a lookup
/// takes ½·log2 N hops on average, counting hops as this module does (to
/// the node that can answer). Each forward halves the distance left, and
/// about half the bits need a forward. libm, not std: the same bits
/// natively and in Wasm.
pub fn chord_mean_hops(peers: u32) -> f64 {
    if peers == 0 {
        return 0.0;
    }
    0.5 * libm::log2(f64::from(peers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_the_bits_of_n() {
        assert_eq!(chord_mean_hops(4_096), 6.0);
        assert_eq!(chord_mean_hops(64), 3.0);
        assert_eq!(chord_mean_hops(1), 0.0);
        assert_eq!(chord_mean_hops(0), 0.0);
    }
}
