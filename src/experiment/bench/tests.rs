//! The table itself: keys, defaults and sizes that agree, every bench
//! built and measured at its defaults, and a toy workload that proves a
//! workload is one entry.

use super::*;
use crate::experiment::lab::{EditMsg, Lab, TransportMsg};
use crate::sandbox::{decode, encode, SandboxSetup};

#[test]
fn keys_and_aliases_are_unique_and_find_their_bench() {
    let mut names: Vec<&str> = TABLE.iter().flat_map(|b| std::iter::once(b.key).chain(b.aliases.iter().copied())).collect();
    let all = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all, "a name used twice");
    for b in TABLE {
        assert_eq!(BenchSpec::from_key(b.key), Some(*b));
        for a in b.aliases {
            assert_eq!(BenchSpec::from_key(a), Some(*b), "alias {a}");
        }
    }
    assert_eq!(BenchSpec::from_key("mesh"), None);
}

#[test]
fn defaults_sizes_and_settings_are_valid_controls() {
    for b in TABLE {
        for (p, v) in b.params {
            assert!(p.spec().check(*p, *v).is_ok(), "{b:?} {p:?} = {v}");
        }
        if let Some(size) = b.size {
            assert!(b.reads(size), "{b:?} reads its size parameter");
        }
        if let Some(sizes) = b.sandbox_sizes {
            let size = b.size.expect("a sandbox bench has a size");
            for v in sizes {
                assert!(size.spec().check(size, v).is_ok(), "{b:?} {v}");
            }
        }
        assert_eq!(b.supports_hybrid(), b.reads(Param::Hybrid), "{b:?}: the hybrid switch and its heading go together");
        if b.rates_editable() {
            assert!(b.reads(Param::PeerUpMbps) && b.reads(Param::PeerDownMbps), "{b:?}");
        }
        if b.capacity_editable() {
            assert!(b.reads(Param::PeerCapacity), "{b:?}");
        }
    }
}

#[test]
fn every_bench_runs_at_its_defaults_and_measures_what_it_shows() {
    for b in TABLE {
        let outcome = b.outcome(&Params::default(), 1).unwrap_or_else(|e| panic!("{b:?}: {e}"));
        for m in b.metrics {
            assert!(
                outcome.central.get(*m).is_some() || outcome.distributed.get(*m).is_some(),
                "{b:?} measures {m:?}"
            );
        }
        let runs = b.start(&Params::default(), 1).unwrap();
        assert_eq!(b.chart(&runs, &Params::default()).is_some(), b.chart.is_some());
    }
}

#[test]
fn a_default_lives_in_the_table_alone() {
    // The sandbox starts at the table's defaults, and a lesson that sets
    // nothing runs the same numbers.
    for b in BenchSpec::in_sandbox() {
        assert_eq!(SandboxSetup::new(b).params, b.defaults());
        assert_eq!(b.outcome(&Params::default(), 3), b.outcome(&b.defaults(), 3).map(|o| Outcome { params: Params::default(), ..o }));
    }
}

#[test]
fn a_toy_workload_is_one_entry_and_runs_everywhere() {
    let toy = BenchSpec::from_key("toy").expect("the toy is in the table");
    assert!(BenchSpec::in_sandbox().any(|b| b == toy), "the sandbox lists it");
    // A share link carries it like any other.
    let mut setup = SandboxSetup::new(toy);
    setup.params.set(Param::Peers, 5.0);
    assert_eq!(decode(&encode(&setup)), Ok(setup.clone()));
    // The Lab plays it to the end and reports.
    let (mut lab, _) = Lab::new(toy, setup.params.clone(), 1, true);
    assert_eq!(lab.view(Side::Distributed).nodes.len(), 5);
    assert_eq!(lab.view(Side::Central).nodes.len(), 6, "a server and five clients");
    lab.update(TransportMsg::Play.into());
    let outcome = (0..10_000).find_map(|_| lab.update(TransportMsg::Frame { dt_s: 0.05 }.into()).outcome).expect("it finishes");
    assert_eq!(outcome.distributed.get(Metric::HitRate), Some(1.0));
    lab.update(EditMsg::AddNode.into());
    assert_eq!(lab.view(Side::Distributed).nodes.len(), 6, "built node by node too");
}

#[test]
fn the_cost_chart_shows_where_the_lines_meet_not_the_few_user_cost() {
    use crate::experiment::bench::COST;
    use crate::experiment::{Param, Params};
    let params = Params::from_pairs(&[(Param::Users, 10.0), (Param::OwnerHours, 0.2)]);
    let runs = COST.start(&params, 1).unwrap();
    let chart = COST.chart(&runs, &params).unwrap();
    let top = chart.y_max.expect("the cost chart is zoomed");
    let ends: Vec<f64> = chart.series.iter().map(|s| s.points.last().unwrap().1).collect();
    let first_cs = chart.series[0].points[0].1;
    assert!(ends.iter().all(|e| *e <= top), "both lines end on the chart: {ends:?} under {top}");
    assert!(first_cs > top, "client-server's few-user cost is off the top: {first_cs} against {top}");
    // The lines meet within the sizes drawn closely (every 5 users).
    let near = |x: f64| chart.series.iter().all(|s| s.points.iter().any(|p| (p.0 - x).abs() <= 5.0));
    assert!(near(156.0) && near(251.0));
}

#[test]
fn the_workgroup_chart_shows_where_the_lines_meet_at_every_time_per_pair() {
    use crate::experiment::bench::WORKGROUP;
    use crate::experiment::{Metric, Param, Params, Side};
    for minutes in [1.0, 15.0, 30.0, 60.0] {
        let params = Params::from_pairs(&[(Param::Computers, 4.0), (Param::PairMinutes, minutes)]);
        let runs = WORKGROUP.start(&params, 1).unwrap();
        let chart = WORKGROUP.chart(&runs, &params).unwrap();
        let top = chart.y_max.expect("zoomed");
        let crossover = WORKGROUP.measure(runs[Side::Central].as_ref()).get(Metric::Crossover).unwrap();
        let at = |s: usize| chart.series[s].points.iter().find(|p| p.0 == crossover).unwrap().1;
        assert!(at(0) < top && at(1) < top, "{minutes} min: the crossover at {crossover} is on the chart");
    }
}
