//! `simulate sweep`: distribution time against the number of receivers, for
//! both designs and their bounds, as CSV a teacher can chart.

use super::args;
use super::distribute::{invalid, peer_count, scenario, SCENARIO_FLAGS};
use super::{emit, CliError};
use crate::sim::distribution as dist;
use crate::sim::node::Architecture;
use std::io::Write;

pub use crate::experiment::bench::distribution::SWEEP_CSV_HEADER as HEADER;

pub(super) fn run(rest: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let mut valued = vec!["--max-peers", "--step"];
    valued.extend(SCENARIO_FLAGS);
    let flags = args::parse(rest, &valued, &[])?;
    let max = peer_count(&flags, "--max-peers")?;
    let step = match flags.whole("--step")? {
        Some(s) if s >= 1 => u32::try_from(s).unwrap_or(u32::MAX),
        Some(_) => return Err(CliError::new("--step must be at least 1")),
        None => 1,
    };
    // Check the whole range before printing anything, so a bad flag never
    // leaves half a table behind.
    scenario(&flags, Architecture::ClientServer, max, true)?.validate().map_err(|e| invalid(&e, "--max-peers"))?;
    emit(out, &format!("{HEADER}\n"))?;
    let mut n = 1u32;
    while n <= max {
        let cs = scenario(&flags, Architecture::ClientServer, n, true)?;
        let p2p = cs.clone().with_arch(Architecture::PeerToPeer);
        let a = dist::run(&cs).map_err(|e| invalid(&e, "--max-peers"))?;
        let b = dist::run(&p2p).map_err(|e| invalid(&e, "--max-peers"))?;
        emit(
            out,
            &format!(
                "{n},{:.6},{:.6},{:.6},{:.6}\n",
                a.completion_time_s, a.lower_bound_s, b.completion_time_s, b.lower_bound_s
            ),
        )?;
        n = match n.checked_add(step) {
            Some(next) => next,
            None => break,
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::cli::tests::run_str;

    #[test]
    fn prints_one_row_per_n() {
        let csv = run_str(
            "sweep --max-peers 4 --file-mbit 10 --server-up-mbps 10 --peer-up-mbps 2 --peer-down-mbps 20 --chunks 20",
        )
        .unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], super::HEADER);
        assert_eq!(lines.len(), 5);
        for (i, line) in lines[1..].iter().enumerate() {
            let cols: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
            assert_eq!(cols[0] as usize, i + 1);
            assert!(cols[1] >= cols[2] * (1.0 - 1e-9) && cols[3] >= cols[4] * (1.0 - 1e-9), "{line}");
        }
        // Client-server with N = 4: 4 · 10 / 10 = 4 s.
        assert!((lines[4].split(',').nth(1).unwrap().parse::<f64>().unwrap() - 4.0).abs() < 1e-3);
    }

    #[test]
    fn lists_cover_the_largest_n_and_steps_skip() {
        let csv = run_str("sweep --max-peers 5 --step 2 --file-mbit 10 --server-up-mbps 10 --peer-up-mbps 1,2,3,4,5 --peer-down-mbps 20")
            .unwrap();
        let ns: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
        assert_eq!(ns, ["1", "3", "5"]);
        let e =
            run_str("sweep --max-peers 5 --file-mbit 10 --server-up-mbps 10 --peer-up-mbps 1,2 --peer-down-mbps 20")
                .unwrap_err()
                .to_string();
        assert!(e.starts_with("--peer-up-mbps: peer upload (Mbps) must list exactly 5 values"), "{e}");
        assert!(run_str("sweep --max-peers 0 --file-mbit 1 --server-up-mbps 1 --peer-up-mbps 1 --peer-down-mbps 1")
            .unwrap_err()
            .to_string()
            .starts_with("--max-peers: number of peers"));
        assert!(run_str(
            "sweep --max-peers 3 --step 0 --file-mbit 1 --server-up-mbps 1 --peer-up-mbps 1 --peer-down-mbps 1"
        )
        .is_err());
    }
}
