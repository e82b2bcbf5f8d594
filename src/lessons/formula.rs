//! The closed forms the lessons' prose may quote, by name, so the claims
//! ledger can check a worked example's arithmetic as well as a simulated
//! figure. Each takes named arguments; a missing one makes the claim fail
//! its test rather than pass by default.

use crate::sim::theory::{client_server_bound, p2p_bound};

/// The value of closed form `name` for these arguments, or why not.
pub fn evaluate(name: &str, args: &[(&str, f64)]) -> Result<f64, String> {
    let arg = |key: &str| {
        args.iter().find(|(k, _)| *k == key).map(|(_, v)| *v).ok_or_else(|| format!("{name} needs {key}"))
    };
    Ok(match name {
        // Chance that at least one of r copies is reachable, each up with
        // probability a, independently: 1 − (1 − a)^r.
        "item-availability" => 1.0 - (1.0 - arg("a")?).powf(arg("r")?),
        // Kurose & Ross: D_cs ≥ max(N·F/u_s, F/d_min).
        "cs-bound" => client_server_bound(arg("n")? as u32, arg("file")?, arg("us")?, arg("dmin")?),
        // Kurose & Ross: D_p2p ≥ max(F/u_s, F/d_min, N·F/(u_s + Σu_i)),
        // with every peer uploading `up`.
        "p2p-bound" => {
            let n = arg("n")?;
            p2p_bound(n as u32, arg("file")?, arg("us")?, n * arg("up")?, arg("dmin")?)
        }
        // M/M/1 mean time in the system: 1/(μ − λ), in milliseconds.
        "mm1-mean-ms" => {
            let (lambda, mu) = (arg("arrivals")?, arg("service")?);
            if lambda >= mu {
                return Err("an M/M/1 queue is stable only while arrivals < service".into());
            }
            1000.0 / (mu - lambda)
        }
        // M/M/1: time in the system is exponential with rate μ − λ, so its
        // 95th percentile is ln(20)/(μ − λ), about three times the mean.
        "mm1-p95-ms" => {
            let (lambda, mu) = (arg("arrivals")?, arg("service")?);
            if lambda >= mu {
                return Err("an M/M/1 queue is stable only while arrivals < service".into());
            }
            1000.0 * 20f64.ln() / (mu - lambda)
        }
        // Share of the time a repaired machine is up: MTBF/(MTBF + MTTR).
        "uptime" => {
            let (mtbf, mttr) = (arg("mtbf")?, arg("mttr")?);
            mtbf / (mtbf + mttr)
        }
        // Share entries a workgroup of n computers keeps: n(n − 1).
        "workgroup-entries" => {
            let n = arg("n")?;
            n * (n - 1.0)
        }
        // Plain arithmetic in a worked example.
        "product" => arg("a")? * arg("b")?,
        "quotient" => arg("a")? / arg("b")?,
        "sum" => arg("a")? + arg("b")?,
        "difference" => arg("a")? - arg("b")?,
        "power" => arg("a")?.powf(arg("b")?),
        "ln" => arg("a")?.ln(),
        _ => return Err(format!("no closed form named {name:?}")),
    })
}
