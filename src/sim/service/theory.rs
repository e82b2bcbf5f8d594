//! Queueing theory beside the simulated queues: Poisson arrivals,
//! exponential service, first come first served.
//!
//! The formulas assume an unlimited waiting room; with a finite queue the
//! simulation drops what the formulas would keep, so they agree only while
//! drops are rare ([`mm1k_blocking`] says how rare).

use super::scenario::ServiceScenario;
use crate::sim::node::Architecture;
use serde::{Deserialize, Serialize};

/// Utilisation ρ = λ / (c·μ): the fraction of time a worker is busy.
pub fn utilisation(lambda: f64, mu: f64, workers: u32) -> f64 {
    let capacity = mu * f64::from(workers.max(1));
    if capacity > 0.0 {
        lambda / capacity
    } else {
        f64::INFINITY
    }
}

/// M/M/1 mean time in the system (waiting plus service), W = 1 / (μ − λ).
/// `None` when the queue grows without bound (λ ≥ μ).
pub fn mm1_mean_response(lambda: f64, mu: f64) -> Option<f64> {
    (lambda >= 0.0 && mu > lambda).then(|| 1.0 / (mu - lambda))
}

/// In M/M/1 the time in the system is exponential with rate μ − λ, so its
/// q-quantile is −ln(1 − q) / (μ − λ): p95 is about three mean times.
pub fn mm1_response_quantile(lambda: f64, mu: f64, q: f64) -> Option<f64> {
    if !(0.0..1.0).contains(&q) {
        return None;
    }
    mm1_mean_response(lambda, mu).map(|w| -(1.0 - q).ln() * w)
}

/// Erlang's C formula: the chance an arrival waits in M/M/c.
pub fn erlang_c(lambda: f64, mu: f64, workers: u32) -> Option<f64> {
    let c = workers.max(1);
    let rho = utilisation(lambda, mu, c);
    if !(lambda >= 0.0 && rho < 1.0) {
        return None;
    }
    let a = lambda / mu;
    // term = a^k / k!, built up step by step so nothing overflows.
    let mut term = 1.0;
    let mut below_c = 0.0;
    for k in 0..c {
        below_c += term;
        term *= a / f64::from(k + 1);
    }
    let waiting = term / (1.0 - rho);
    Some(waiting / (below_c + waiting))
}

/// M/M/c mean time in the system: C(c, a) / (cμ − λ) + 1/μ. With one worker
/// this is the M/M/1 formula.
pub fn mmc_mean_response(lambda: f64, mu: f64, workers: u32) -> Option<f64> {
    let c = f64::from(workers.max(1));
    erlang_c(lambda, mu, workers).map(|p| p / (c * mu - lambda) + 1.0 / mu)
}

/// M/M/1/K: the chance an arrival finds the system full, with `k` places in
/// all (one in service plus `k − 1` waiting).
pub fn mm1k_blocking(lambda: f64, mu: f64, k: u32) -> f64 {
    let rho = lambda / mu;
    let k = f64::from(k);
    if (rho - 1.0).abs() < 1e-12 {
        return 1.0 / (k + 1.0);
    }
    (1.0 - rho) * rho.powf(k) / (1.0 - rho.powf(k + 1.0))
}

/// What theory predicts for one serving node of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuePrediction {
    /// Requests reaching one serving node per second.
    pub arrival_rate: f64,
    pub utilisation: f64,
    /// Waiting plus service at the serving node; `None` when overloaded.
    pub mean_response_s: Option<f64>,
    /// Adds the fixed network latency of every hop.
    pub mean_latency_s: Option<f64>,
    /// Exact for one worker (M/M/1); `None` otherwise or when overloaded.
    pub p95_response_s: Option<f64>,
}

/// The closed form for a scenario. For peer-to-peer it assumes the load
/// spreads evenly over the peers that serve; random placement makes some
/// busier than others. It describes a peer at the workload's service rate,
/// whatever single peers were given.
pub fn predict(s: &ServiceScenario) -> QueuePrediction {
    let users = f64::from(s.users);
    let (arrival_rate, workers) = match s.architecture {
        Architecture::ClientServer => (users * s.request_rate, s.workers),
        Architecture::PeerToPeer | Architecture::Hybrid => {
            // A serving peer holds r of every S copies' places and never asks
            // for what it holds; a peer that only asks holds nothing. So
            // n·λ·(1 − r/S)·S/n + C·λ = λ·(n − r) requests leave, spread over
            // S serving peers.
            let serving = s.serving_peers().len().max(1) as f64;
            let remote = (users - f64::from(s.replication)).max(0.0);
            (s.request_rate * remote / serving, 1)
        }
    };
    let mean_response_s = mmc_mean_response(arrival_rate, s.service_rate, workers);
    let network = f64::from(s.hops_per_request()) * s.hop_latency_ms / 1_000.0;
    let p95_response_s = if workers == 1 {
        mm1_response_quantile(arrival_rate, s.service_rate, 0.95)
    } else {
        None
    };
    QueuePrediction {
        arrival_rate,
        utilisation: utilisation(arrival_rate, s.service_rate, workers),
        mean_response_s,
        mean_latency_s: mean_response_s.map(|w| w + network),
        p95_response_s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mm1_textbook_values() {
        assert_eq!(mm1_mean_response(8.0, 10.0), Some(0.5));
        assert_eq!(mm1_mean_response(10.0, 10.0), None);
        assert!((utilisation(8.0, 10.0, 1) - 0.8).abs() < 1e-12);
        let p95 = mm1_response_quantile(8.0, 10.0, 0.95).unwrap_or(0.0);
        assert!((p95 - 0.5 * 20f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn one_worker_erlang_c_is_mm1() {
        // With c = 1 an arrival waits exactly when the server is busy: ρ.
        assert!((erlang_c(6.0, 10.0, 1).unwrap_or(0.0) - 0.6).abs() < 1e-12);
        let w = mmc_mean_response(6.0, 10.0, 1).unwrap_or(0.0);
        assert!((w - 0.25).abs() < 1e-12);
    }

    #[test]
    fn two_workers_match_the_closed_form() {
        // M/M/2: C = 2ρ² / (1 + ρ), W = 1 / (μ(1 − ρ²)).
        let (lambda, mu) = (12.0, 10.0);
        let rho = 0.6;
        let c = erlang_c(lambda, mu, 2).unwrap_or(0.0);
        assert!((c - 2.0 * rho * rho / (1.0 + rho)).abs() < 1e-12);
        let w = mmc_mean_response(lambda, mu, 2).unwrap_or(0.0);
        assert!((w - 1.0 / (mu * (1.0 - rho * rho))).abs() < 1e-12);
    }

    #[test]
    fn blocking_shrinks_with_a_bigger_waiting_room() {
        assert!((mm1k_blocking(5.0, 10.0, 1) - 1.0 / 3.0).abs() < 1e-12);
        assert!(mm1k_blocking(5.0, 10.0, 10) < mm1k_blocking(5.0, 10.0, 2));
        assert!((mm1k_blocking(10.0, 10.0, 4) - 0.2).abs() < 1e-12);
    }
}
