//! The `simulate` binary as a user runs it: exit codes, one-line errors,
//! JSON that parses.

use std::process::{Command, Output};

fn simulate(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_simulate")).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("could not start simulate: {e}"),
    }
}

const GOOD: [&str; 13] = [
    "distribute",
    "--arch",
    "peer-to-peer",
    "--peers",
    "20",
    "--file-mbit",
    "50",
    "--server-up-mbps",
    "40",
    "--peer-up-mbps",
    "5",
    "--peer-down-mbps",
    "25",
];

fn with(replace: &[(&str, &str)], extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = GOOD.iter().map(|s| s.to_string()).collect();
    for (flag, value) in replace {
        if let Some(i) = args.iter().position(|a| a == flag) {
            args[i + 1] = value.to_string();
        }
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

#[test]
fn a_good_json_run() {
    let args = with(&[], &["--json", "--chunks", "50", "--seed", "3"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = simulate(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "one JSON object on one line");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let completion = json["completion_time_s"].as_f64().unwrap();
    let bound = json["lower_bound_s"].as_f64().unwrap();
    assert!(completion >= bound * (1.0 - 1e-9) && completion <= bound * 1.15);
    // max(50/40, 50/25, 20·50/(40+100)) = 7.142857... s
    assert!((bound - 1000.0 / 140.0).abs() < 1e-9);
    assert_eq!(json["peer_completion_s"].as_array().map(Vec::len), Some(20));
    assert!(json["server_upload_mbit"].as_f64().unwrap() >= 50.0 - 1e-9);
    assert!(json["events"].as_u64().unwrap() >= 20 * 50);
    assert_eq!(json["arch"], "peer-to-peer");
    assert_eq!(json["chunks"], 50);
    assert_eq!(json["seed"], 3);
    assert_eq!(json["peer_upload_mbit"].as_array().map(Vec::len), Some(20));
    // Same seed, same output.
    assert_eq!(simulate(&args).stdout, out.stdout);
}

#[test]
fn a_readable_summary_without_json() {
    let args = with(&[("--arch", "client-server")], &[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = simulate(&args);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Client-server: 20 clients"), "{text}");
    assert!(text.contains("lower bound"));
    // 20 · 50 / 40 = 25 s.
    assert!(text.contains("25.0000"), "{text}");
}

#[test]
fn help_documents_every_flag() {
    for args in [&["--help"][..], &["help"][..]] {
        let out = simulate(args);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        for flag in [
            "--arch",
            "--peers",
            "--file-mbit",
            "--server-up-mbps",
            "--peer-up-mbps",
            "--peer-down-mbps",
            "--chunks",
            "--seed",
            "--latency-ms",
            "--json",
            "sweep",
            "bench",
            "--max-peers",
        ] {
            assert!(text.contains(flag), "help lacks {flag}");
        }
    }
}

#[test]
fn sweep_prints_csv() {
    let out = simulate(&[
        "sweep",
        "--max-peers",
        "3",
        "--file-mbit",
        "10",
        "--server-up-mbps",
        "10",
        "--peer-up-mbps",
        "2",
        "--peer-down-mbps",
        "20",
        "--chunks",
        "20",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    // The same columns as the sandbox's sweep export: one definition.
    assert_eq!(lines[0], "n,client_server_s,client_server_bound_s,peer_to_peer_s,peer_to_peer_bound_s");
    for (i, line) in lines[1..].iter().enumerate() {
        let cols: Vec<f64> = line.split(',').map(|c| c.parse().unwrap()).collect();
        assert_eq!(cols.len(), 5);
        assert_eq!(cols[0], (i + 1) as f64);
        assert!(cols[1] >= cols[2] * (1.0 - 1e-9) && cols[3] >= cols[4] * (1.0 - 1e-9), "{line}");
    }
    assert_eq!(lines.len(), 4);
}

#[test]
fn bad_input_is_one_line_and_exit_code_two() {
    let cases: Vec<(Vec<String>, &str)> = vec![
        (with(&[("--peers", "0")], &[]), "--peers"),
        (with(&[("--peers", "5001")], &[]), "--peers"),
        (with(&[("--peers", "-4")], &[]), "--peers"),
        (with(&[("--file-mbit", "0")], &[]), "--file-mbit"),
        (with(&[("--file-mbit", "NaN")], &[]), "--file-mbit"),
        (with(&[("--file-mbit", "inf")], &[]), "--file-mbit"),
        (with(&[("--server-up-mbps", "-1")], &[]), "--server-up-mbps"),
        (with(&[("--peer-up-mbps", "1,2,3")], &[]), "--peer-up-mbps"),
        (with(&[("--peer-down-mbps", "abc")], &[]), "--peer-down-mbps"),
        (with(&[("--arch", "mesh")], &[]), "--arch"),
        (with(&[], &["--chunks", "0"]), "--chunks"),
        (with(&[], &["--latency-ms", "-5"]), "--latency-ms"),
        (with(&[], &["--frobnicate", "1"]), "--frobnicate"),
        (with(&[], &["--seed"]), "--seed"),
        (vec!["distribute".into(), "--peers".into(), "3".into()], "missing"),
        (vec!["teleport".into()], "teleport"),
        (vec![], "command"),
        (vec!["bench".into(), "now".into()], "bench"),
    ];
    for (args, mention) in cases {
        let out = simulate(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(mention), "{args:?}: {err}");
        assert!(!err.contains("panicked"));
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
