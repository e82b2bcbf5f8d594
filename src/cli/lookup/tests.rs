use crate::cli::tests::run_str;
use crate::sim::dht::theory::chord_mean_hops;

fn json(line: &str) -> serde_json::Value {
    serde_json::from_str(&run_str(&format!("lookup {line} --json")).unwrap()).unwrap()
}

fn f(v: &serde_json::Value, field: &str) -> f64 {
    v[field].as_f64().unwrap_or_else(|| panic!("{field} in {v}"))
}

#[test]
fn the_three_overlays_report_the_same_fields() {
    for overlay in ["central", "flooding", "dht"] {
        let v = json(&format!("--overlay {overlay} --peers 64 --lookups 200"));
        assert_eq!(v["overlay"], overlay);
        assert_eq!(v["peers"], 64);
        assert_eq!(v["lookups"], 200, "{overlay}: every lookup asked is counted");
        for field in ["success_rate", "mean_hops", "mean_messages"] {
            assert!(v[field].is_number(), "{overlay}: {field} in {v}");
        }
    }
}

#[test]
fn an_index_is_one_step_a_ring_about_half_log2_n_and_a_flood_costs_most() {
    let central = json("--overlay central --peers 256 --lookups 500");
    let dht = json("--overlay dht --peers 256 --lookups 500");
    let flood = json("--overlay flooding --peers 256 --lookups 500 --ttl 4");
    assert_eq!(f(&central, "success_rate"), 1.0);
    assert_eq!(f(&dht, "success_rate"), 1.0, "no churn: every key is found");
    // A peer holding the item itself answers in 0 hops: 1 copy of 100
    // items among 256 peers makes that rare.
    assert!(f(&central, "mean_hops") > 0.95 && f(&central, "mean_hops") <= 1.0, "{central}");
    let theory = chord_mean_hops(256);
    assert!((f(&dht, "mean_hops") - theory).abs() <= 0.1 * theory, "{dht} against {theory}");
    assert!(f(&flood, "mean_messages") > 5.0 * f(&dht, "mean_messages"), "{flood} vs {dht}");
    assert!(f(&dht, "mean_messages") > f(&central, "mean_messages"));
}

#[test]
fn flooding_messages_grow_with_n_and_with_ttl() {
    let m = |peers: u32, ttl: u32| f(&json(&format!("--overlay flooding --peers {peers} --lookups 300 --ttl {ttl}")), "mean_messages");
    assert!(m(400, 4) > m(100, 4), "more peers, more messages");
    assert!(m(400, 5) > m(400, 3), "a longer reach, more messages");
}

#[test]
fn churn_costs_every_overlay_something() {
    for overlay in ["flooding", "dht"] {
        let calm = json(&format!("--overlay {overlay} --peers 200 --lookups 1000 --copies 2"));
        let churn = json(&format!("--overlay {overlay} --peers 200 --lookups 1000 --copies 2 --churn-session-s 30"));
        assert!(f(&churn, "success_rate") < f(&calm, "success_rate"), "{overlay}: {churn} vs {calm}");
    }
}

#[test]
fn same_seed_same_figures() {
    let line = "--overlay dht --peers 100 --lookups 300 --churn-session-s 60 --seed 7";
    assert_eq!(json(line), json(line));
    assert_ne!(json(line)["mean_messages"], json(&line.replace("--seed 7", "--seed 8"))["mean_messages"]);
}

#[test]
fn text_output_names_the_overlay() {
    let text = run_str("lookup --overlay dht --peers 64 --lookups 50").unwrap();
    assert!(text.starts_with("Chord DHT: 64 peers, 50 lookups"), "{text}");
    assert!(text.contains("mean hops"));
}

#[test]
fn bad_input_names_the_flag() {
    let cases = [
        ("lookup --peers 10", "missing --overlay"),
        ("lookup --overlay ring --peers 10", "--overlay must be central, flooding or dht"),
        ("lookup --overlay dht", "missing --peers"),
        ("lookup --overlay dht --peers 1", "--peers: peers must be"),
        ("lookup --overlay flooding --peers 0", "--peers: clients or peers must be"),
        ("lookup --overlay dht --peers 99999999999", "--peers is too large"),
        ("lookup --overlay flooding --peers 10 --degree 40", "--degree: links per peer (mean) must be"),
        ("lookup --overlay flooding --peers 10 --ttl 0", "--ttl: query TTL (hops) must be"),
        ("lookup --overlay dht --peers 10 --copies 0", "--copies: copies of each key must be"),
        ("lookup --overlay central --peers 10 --copies 11", "--copies: copies of each item must be"),
        ("lookup --overlay dht --peers 10 --lookups 0", "--lookups must be a whole number from 1 to 100000"),
        ("lookup --overlay dht --peers 10 --churn-session-s 0", "--churn-session-s must be between 1"),
        ("lookup --overlay dht --peers 10 --churn-session-s NaN", "--churn-session-s must be between 1"),
        ("lookup --overlay dht --peers 10 --bogus 1", "unknown flag '--bogus'"),
    ];
    for (line, want) in cases {
        let e = run_str(line).unwrap_err().to_string();
        assert!(e.starts_with(want), "{line}\n  gave: {e}\n  want: {want}");
    }
}

#[test]
fn a_flood_too_large_to_finish_is_refused_by_its_work_at_once() {
    // 100,000 lookups each flooding 5,000 peers 50 links wide: hours of work.
    let err = run_str("lookup --overlay flooding --peers 5000 --degree 50 --ttl 10 --lookups 100000").unwrap_err().to_string();
    assert!(err.starts_with("--lookups, --degree and --ttl: search messages: this run would need about"), "{err}");
    // A smaller flood, and a central index with as many peers, still run.
    assert!(run_str("lookup --overlay flooding --peers 500 --degree 4 --ttl 3 --lookups 1000").is_ok());
    assert!(run_str("lookup --overlay central --peers 5000 --lookups 5000").is_ok());
}
