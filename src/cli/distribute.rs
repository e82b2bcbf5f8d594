//! `simulate distribute`: one file-distribution run, as text or JSON.

use super::args::{self, Flags};
use super::{emit, CliError};
use crate::sim::distribution::{self as dist, DistributionReport, DistributionScenario, Policy};
use crate::sim::node::Architecture;
use crate::sim::validate::{check_count, check_range, ValidationError};
use serde::Serialize;
use std::io::Write;

/// Flags describing the file and the links, shared with `sweep`.
pub(super) const SCENARIO_FLAGS: [&str; 7] =
    ["--file-mbit", "--server-up-mbps", "--peer-up-mbps", "--peer-down-mbps", "--chunks", "--seed", "--latency-ms"];

/// The flag a learner typed for a scenario field, so the message points at
/// the command line rather than at a form.
fn flag_for(field: &str, peers_flag: &'static str) -> &'static str {
    match field {
        dist::FIELD_PEERS => peers_flag,
        dist::FIELD_FILE => "--file-mbit",
        dist::FIELD_CHUNKS => "--chunks",
        dist::FIELD_SERVER_UP => "--server-up-mbps",
        dist::FIELD_PEER_UP => "--peer-up-mbps",
        dist::FIELD_PEER_DOWN => "--peer-down-mbps",
        dist::FIELD_LATENCY => "--latency-ms",
        _ => "scenario",
    }
}

pub(super) fn invalid(e: &ValidationError, peers_flag: &'static str) -> CliError {
    CliError::new(format!("{}: {e}", flag_for(&e.field, peers_flag)))
}

/// Reads the receiver count from `flag`, checked against the cap before it
/// is narrowed, so `--peers 99999999999` is a range error, not a wrap.
pub(super) fn peer_count(flags: &Flags, flag: &'static str) -> Result<u32, CliError> {
    let n = flags.whole(flag)?.ok_or_else(|| CliError::new(format!("missing {flag}")))?;
    let n = check_count(dist::FIELD_PEERS, n, 1, u64::from(dist::MAX_PEERS)).map_err(|e| invalid(&e, flag))?;
    u32::try_from(n).map_err(|_| CliError::new(format!("{flag} is too large")))
}

/// Builds a scenario for `peers` receivers. A single rate applies to every
/// peer; with `take_prefix` (sweep), a longer list is cut to its first
/// `peers` values.
pub(super) fn scenario(
    flags: &Flags,
    arch: Architecture,
    peers: u32,
    take_prefix: bool,
) -> Result<DistributionScenario, CliError> {
    let needed = |name: &str| flags.number(name)?.ok_or_else(|| CliError::new(format!("missing {name}")));
    let file_mbit = needed("--file-mbit")?;
    let server_up_mbps = needed("--server-up-mbps")?;
    let rates = |name: &str| -> Result<Vec<f64>, CliError> {
        let list = flags.rates(name)?.ok_or_else(|| CliError::new(format!("missing {name}")))?;
        Ok(match list.as_slice() {
            [one] => vec![*one; peers as usize],
            _ if take_prefix && list.len() >= peers as usize => list.into_iter().take(peers as usize).collect(),
            _ => list,
        })
    };
    let peer_up_mbps = rates("--peer-up-mbps")?;
    let peer_down_mbps = rates("--peer-down-mbps")?;
    let chunks = match flags.whole("--chunks")? {
        Some(k) => u32::try_from(k).unwrap_or(u32::MAX),
        None => 100,
    };
    Ok(DistributionScenario {
        arch,
        peers,
        file_mbit,
        chunks,
        server_up_mbps,
        peer_up_mbps,
        peer_down_mbps,
        clients: Vec::new(),
        latency_ms: flags.number("--latency-ms")?.unwrap_or(0.0),
        seed: flags.whole("--seed")?.unwrap_or(1),
        policy: Policy::Altruistic,
        arrival_window_s: 0.0,
        tracker_fails_at_s: None,
    })
}

#[derive(Serialize)]
struct JsonOut<'a> {
    #[serde(flatten)]
    report: &'a DistributionReport,
    server_up_mbps: f64,
    latency_ms: f64,
    policy: &'static str,
    /// How many receivers were made free riders.
    free_riders: u32,
}

pub(super) fn run(rest: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let mut valued = vec!["--arch", "--peers", "--policy", "--free-riders"];
    valued.extend(SCENARIO_FLAGS);
    let flags = args::parse(rest, &valued, &["--json"])?;
    let arch_name = flags.required("--arch")?;
    let arch = Architecture::from_slug(arch_name).ok_or_else(|| {
        CliError::new(format!("--arch must be client-server, peer-to-peer or hybrid (got '{arch_name}')"))
    })?;
    let policy = match flags.raw("--policy") {
        None => Policy::Altruistic,
        Some(name) => Policy::from_slug(name).ok_or_else(|| {
            CliError::new(format!("--policy must be altruistic or tit-for-tat (got '{name}')"))
        })?,
    };
    let share = flags.number("--free-riders")?.unwrap_or(0.0);
    let share = check_range(dist::FIELD_FREE_RIDERS, share, 0.0, 1.0)
        .map_err(|e| CliError::new(format!("--free-riders: {e}")))?;
    let peers = peer_count(&flags, "--peers")?;
    let sc = scenario(&flags, arch, peers, false)?.with_policy(policy).with_free_riders(share);
    let report = dist::run(&sc).map_err(|e| invalid(&e, "--peers"))?;
    if flags.switch("--json") {
        let json = JsonOut {
            report: &report,
            server_up_mbps: sc.server_up_mbps,
            latency_ms: sc.latency_ms,
            policy: sc.policy.slug(),
            free_riders: sc.clients.len() as u32,
        };
        let text = serde_json::to_string(&json).map_err(|e| CliError::new(format!("could not write JSON: {e}")))?;
        emit(out, &(text + "\n"))
    } else {
        emit(out, &summary(&sc, &report))
    }
}

fn summary(sc: &DistributionScenario, r: &DistributionReport) -> String {
    let mut done: Vec<f64> = r.peer_completion_s.iter().flatten().copied().collect();
    done.sort_by(f64::total_cmp);
    let first = done.first().copied().unwrap_or(0.0);
    let median = done.get(done.len() / 2).copied().unwrap_or(0.0);
    let receivers = if sc.arch == Architecture::ClientServer { "clients" } else { "peers" };
    let peer_total: f64 = r.peer_upload_mbit.iter().sum();
    let mut s = format!(
        "{}: {} {receivers}, {} Mbit file in {} chunks, seed {}\n",
        sc.arch.label(),
        sc.peers,
        sc.file_mbit,
        sc.chunks,
        sc.seed
    );
    if !r.finished {
        s.push_str("  NOT FINISHED: the run hit its event budget\n");
    }
    s.push_str(&format!("  distribution time  {:.6} s\n", r.completion_time_s));
    s.push_str(&format!(
        "  lower bound        {:.6} s  (Kurose-Ross; simulated / bound = {:.4})\n",
        r.lower_bound_s, r.ratio
    ));
    s.push_str(&format!(
        "  {receivers} done         first {first:.6} s, median {median:.6} s, last {:.6} s\n",
        r.completion_time_s
    ));
    s.push_str(&format!(
        "  server uploaded    {:.3} Mbit ({:.2} copies of the file)\n",
        r.server_upload_mbit,
        r.server_upload_mbit / sc.file_mbit
    ));
    s.push_str(&format!("  peers uploaded     {peer_total:.3} Mbit in total\n"));
    // Only when asked for, so the plain run's summary reads as it always did.
    if sc.policy != Policy::Altruistic || !sc.clients.is_empty() {
        let mean = |m: Option<f64>| m.map_or("-".to_string(), |m| format!("{m:.6} s"));
        s.push_str(&format!(
            "  policy             {}; free riders {} of {}\n",
            sc.policy.slug(),
            sc.clients.len(),
            sc.peers
        ));
        s.push_str(&format!(
            "  mean completion    contributors {}, free riders {}\n",
            mean(r.contributor_mean_s),
            mean(r.free_rider_mean_s)
        ));
    }
    s.push_str(&format!("  events             {}\n", r.events));
    s
}

#[cfg(test)]
mod tests {
    use crate::cli::tests::run_str;

    const GOOD: &str = "distribute --arch peer-to-peer --peers 5 --file-mbit 10 --server-up-mbps 10 --peer-up-mbps 2 --peer-down-mbps 20";

    #[test]
    fn a_good_run_prints_a_summary_and_json() {
        let text = run_str(GOOD).unwrap();
        assert!(text.contains("Peer-to-peer: 5 peers"), "{text}");
        assert!(text.contains("lower bound"));
        let json: serde_json::Value = serde_json::from_str(&run_str(&format!("{GOOD} --json")).unwrap()).unwrap();
        assert_eq!(json["peers"], 5);
        assert_eq!(json["arch"], "peer-to-peer");
        assert_eq!(json["peer_completion_s"].as_array().map(Vec::len), Some(5));
        let t = json["completion_time_s"].as_f64().unwrap();
        assert!(t >= json["lower_bound_s"].as_f64().unwrap());
    }

    #[test]
    fn lists_must_match_the_peer_count() {
        let ok = GOOD.replace("--peer-up-mbps 2", "--peer-up-mbps 1,2,3,4,5");
        assert!(run_str(&ok).is_ok());
        let bad = GOOD.replace("--peer-up-mbps 2", "--peer-up-mbps 1,2,3");
        let e = run_str(&bad).unwrap_err().to_string();
        assert_eq!(e, "--peer-up-mbps: peer upload (Mbps) must list exactly 5 values (got 3)");
    }

    #[test]
    fn bad_values_name_the_flag() {
        let cases = [
            ("--file-mbit 10", "--file-mbit 0", "--file-mbit: file size (Mbit) must be between"),
            ("--file-mbit 10", "--file-mbit NaN", "--file-mbit: file size (Mbit) must be a finite number"),
            ("--file-mbit 10", "--file-mbit inf", "--file-mbit: file size (Mbit) must be a finite number"),
            ("--server-up-mbps 10", "--server-up-mbps -4", "--server-up-mbps: server upload (Mbps) must be"),
            ("--peer-down-mbps 20", "--peer-down-mbps 20,x", "--peer-down-mbps expects a number, got 'x'"),
            ("--peers 5", "--peers 5001", "--peers: number of peers must be a whole number from 1 to 5000"),
            ("--peers 5", "--peers 0", "--peers: number of peers must be"),
            ("--peers 5", "--peers 99999999999999", "--peers: number of peers"),
            ("--peers 5", "--peers 2.5", "--peers expects a whole number"),
            ("--arch peer-to-peer", "--arch mesh", "--arch must be client-server, peer-to-peer or hybrid"),
            ("--arch peer-to-peer", "", "missing --arch"),
            ("--peer-up-mbps 2", "--peer-up-mbps", "--peer-up-mbps needs a value"),
            ("--peer-up-mbps 2", "", "missing --peer-up-mbps"),
            ("--peer-up-mbps 2", "--peer-up-mbps 2 7", "unexpected argument '7'"),
        ];
        for (from, to, want) in cases {
            let line = GOOD.replace(from, to);
            let e = run_str(&line).unwrap_err().to_string();
            assert!(e.starts_with(want), "{line}\n  gave: {e}\n  want: {want}");
        }
        let e = run_str(&format!("{GOOD} --chunks 0")).unwrap_err().to_string();
        assert!(e.starts_with("--chunks: number of chunks"), "{e}");
        let e = run_str(&format!("{GOOD} --latency-ms -1")).unwrap_err().to_string();
        assert!(e.starts_with("--latency-ms: latency (ms)"), "{e}");
        let e = run_str(&format!("{GOOD} --verbose")).unwrap_err().to_string();
        assert!(e.starts_with("unknown flag '--verbose'"), "{e}");
        let e = run_str(&format!("{GOOD} --seed")).unwrap_err().to_string();
        assert_eq!(e, "--seed needs a value");
    }

    #[test]
    fn policy_and_free_riders_change_the_run_and_show_in_json() {
        let plain: serde_json::Value = serde_json::from_str(&run_str(&format!("{GOOD} --json")).unwrap()).unwrap();
        assert_eq!(plain["policy"], "altruistic");
        assert_eq!(plain["free_riders"], 0);
        assert!(plain["free_rider_mean_s"].is_null());
        assert!(plain["contributor_mean_s"].as_f64().is_some());
        let line = format!("{GOOD} --chunks 20 --policy tit-for-tat --free-riders 0.4 --json");
        let json: serde_json::Value = serde_json::from_str(&run_str(&line).unwrap()).unwrap();
        assert_eq!(json["policy"], "tit-for-tat");
        assert_eq!(json["free_riders"], 2);
        let riders = json["free_rider_mean_s"].as_f64().unwrap();
        let others = json["contributor_mean_s"].as_f64().unwrap();
        assert!(riders > 0.0 && others > 0.0);
        let ups = json["peer_upload_mbit"].as_array().unwrap();
        assert_eq!(ups.iter().filter(|u| u.as_f64() == Some(0.0)).count(), 2, "two receivers upload nothing");
        assert!(json["completion_time_s"].as_f64().unwrap() >= json["lower_bound_s"].as_f64().unwrap());
        let text = run_str(&line.replace(" --json", "")).unwrap();
        assert!(text.contains("policy             tit-for-tat; free riders 2 of 5"), "{text}");
        assert!(text.contains("mean completion    contributors"), "{text}");
        assert!(!run_str(GOOD).unwrap().contains("policy"), "a plain run reads as before");
    }

    #[test]
    fn bad_policy_and_free_riders_name_the_flag() {
        let cases = [
            ("--policy greedy", "--policy must be altruistic or tit-for-tat (got 'greedy')"),
            ("--policy", "--policy needs a value"),
            ("--free-riders 1.5", "--free-riders: share of free riders must be between 0 and 1 (got 1.5)"),
            ("--free-riders -0.1", "--free-riders: share of free riders must be between 0 and 1 (got -0.1)"),
            ("--free-riders NaN", "--free-riders: share of free riders must be a finite number"),
            ("--free-riders some", "--free-riders expects a number, got 'some'"),
            ("--free-riders", "--free-riders needs a value"),
        ];
        for (extra, want) in cases {
            let e = run_str(&format!("{GOOD} {extra}")).unwrap_err().to_string();
            assert_eq!(e, want, "{extra}");
        }
    }
}
