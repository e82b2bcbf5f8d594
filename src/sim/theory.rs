//! Closed forms shown beside simulated results.
//!
//! Both are the minimum distribution times of Kurose & Ross, *Computer
//! Networking: A Top-Down Approach*, chapter 2 ("Scalability of P2P
//! Architectures"). They assume the access links are the only bottleneck and
//! that a file can be split into arbitrarily small pieces, so a simulation
//! that moves whole chunks can match them but never beat them.
//!
//! Units: file sizes in megabits, rates in megabits per second, results in
//! seconds. Scenarios are validated before these are called; a zero rate
//! would give infinity here, never a panic.

/// Minimum client-server distribution time,
/// `D_cs = max(N·F / u_s, F / d_min)`:
/// the server must upload `N` copies of the file, and the slowest client must
/// download one.
pub fn client_server_bound(n: u32, file_mbit: f64, server_up_mbps: f64, d_min_mbps: f64) -> f64 {
    let n = f64::from(n);
    (n * file_mbit / server_up_mbps).max(file_mbit / d_min_mbps)
}

/// Minimum peer-to-peer distribution time,
/// `D_p2p = max(F / u_s, F / d_min, N·F / (u_s + Σ u_i))`:
/// the server must upload at least one copy, the slowest peer must download
/// one, and the `N` copies must be uploaded by the server and the peers
/// together.
pub fn p2p_bound(n: u32, file_mbit: f64, server_up_mbps: f64, sum_peer_up_mbps: f64, d_min_mbps: f64) -> f64 {
    let n = f64::from(n);
    (file_mbit / server_up_mbps).max(file_mbit / d_min_mbps).max(n * file_mbit / (server_up_mbps + sum_peer_up_mbps))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn client_server_by_hand() {
        // Kurose & Ross problem setting: F = 15 Gbit, u_s = 30 Mbps,
        // d_i = 2 Mbps. N = 10: max(10·15000/30, 15000/2) = max(5000, 7500).
        assert!(close(client_server_bound(10, 15_000.0, 30.0, 2.0), 7_500.0));
        // N = 1000: the server binds, 1000·15000/30 = 500,000 s.
        assert!(close(client_server_bound(1000, 15_000.0, 30.0, 2.0), 500_000.0));
        // Grows linearly in N once the server binds.
        let a = client_server_bound(100, 1.0, 1.0, 1e6);
        let b = client_server_bound(200, 1.0, 1.0, 1e6);
        assert!(close(b, 2.0 * a));
    }

    #[test]
    fn p2p_by_hand() {
        // Same file, u = 700 kbps for each of 10 peers:
        // max(15000/30, 15000/2, 10·15000/(30 + 7)) = max(500, 7500, 4054.05..).
        assert!(close(p2p_bound(10, 15_000.0, 30.0, 7.0, 2.0), 7_500.0));
        // 1000 peers at 700 kbps: 1000·15000/(30 + 700) = 20547.945...
        assert!(close(p2p_bound(1000, 15_000.0, 30.0, 700.0, 2.0), 15_000_000.0 / 730.0));
        // One peer with a fast link: only the server's upload binds.
        assert!(close(p2p_bound(1, 10.0, 2.0, 1.0, 100.0), 5.0));
        // Textbook figure: u_s = 10u, F/u = 1 hour; N = 30 gives 30/40 hour.
        assert!(close(p2p_bound(30, 3_600.0, 10.0, 30.0, 1e6), 2_700.0));
    }

    #[test]
    fn p2p_never_exceeds_client_server() {
        for n in 1..200 {
            let cs = client_server_bound(n, 50.0, 20.0, 5.0);
            let p2p = p2p_bound(n, 50.0, 20.0, 2.0 * f64::from(n), 5.0);
            assert!(p2p <= cs, "n = {n}");
        }
    }
}
