//! `simulate bench`: how fast the simulator runs, as figures (never pass or
//! fail). Wall-clock time is read here, in the command line, never in the
//! simulation core.

use super::{emit, CliError};
use crate::sim::distribution::{event_budget, spread_rates, DistributionScenario, DistributionSim};
use crate::sim::node::Architecture;
use crate::sim::stepping::Stepper;
use std::io::Write;
use std::time::Instant;

const SIZES: [u32; 4] = [10, 100, 1_000, 5_000];

pub(super) fn run(rest: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    if let Some(extra) = rest.first() {
        return Err(CliError::new(format!("bench takes no arguments (got '{extra}')")));
    }
    emit(out, "file distribution: 100 Mbit in 100 chunks, server 100 Mbps up, peers 10 Mbps up / 100 Mbps down\n")?;
    emit(out, "arch           peers     events   wall_ms   events_per_s   sim_s      ratio  wall_growth\n")?;
    for arch in [Architecture::ClientServer, Architecture::PeerToPeer] {
        let mut previous: Option<(u32, f64)> = None;
        for n in SIZES {
            let sc = DistributionScenario::homogeneous(arch, n, 100.0, 100.0, 10.0, 100.0);
            let mut sim = DistributionSim::new(sc.clone()).map_err(|e| CliError::new(e.to_string()))?;
            let started = Instant::now();
            sim.run_to_end(event_budget(&sc));
            let wall = started.elapsed().as_secs_f64();
            let report = sim.report();
            let growth = match previous {
                Some((pn, pw)) if pw > 0.0 && wall > 0.0 => {
                    let k = (wall / pw).ln() / (f64::from(n) / f64::from(pn)).ln();
                    format!("x{:.1} (~N^{k:.2})", wall / pw)
                }
                _ => "-".to_string(),
            };
            previous = Some((n, wall));
            emit(
                out,
                &format!(
                    "{:<14} {:>5} {:>10} {:>9.1} {:>14.0} {:>7.3} {:>10.4}  {growth}\n",
                    arch.slug(),
                    n,
                    report.events,
                    wall * 1e3,
                    report.events as f64 / wall.max(1e-9),
                    report.completion_time_s,
                    report.ratio,
                ),
            )?;
        }
    }
    bench_heterogeneous(out)?;
    bench_requests(out)?;
    bench_measurement(out)?;
    bench_dht(out)?;
    bench_speed_cases(out)
}

/// The cases also timed in the browser (scripts/wasm-speed.sh reads these
/// lines): the first run, and the fastest of several once warm.
fn bench_speed_cases(out: &mut dyn Write) -> Result<(), CliError> {
    use crate::sim::distribution::speed::{measure_all, SPEED_RUNS};
    emit(out, &format!("\nspeed cases, first run and fastest of {SPEED_RUNS}: arch peers events first_ms best_ms events_per_s\n"))?;
    let origin = Instant::now();
    let now_ms = move || origin.elapsed().as_secs_f64() * 1e3;
    for speed in measure_all(&now_ms).map_err(CliError::new)? {
        emit(out, &format!("{}\n", speed.line()))?;
    }
    Ok(())
}

/// The costliest case we know for the incremental rate recomputation: uneven
/// uploads and downloads that bind, so flows are coupled across the mesh.
fn bench_heterogeneous(out: &mut dyn Write) -> Result<(), CliError> {
    let n = 1_000;
    let mut sc = DistributionScenario::homogeneous(Architecture::PeerToPeer, n, 100.0, 30.0, 10.0, 20.0);
    sc.peer_up_mbps = spread_rates(n, 5.0, 20.0, 1);
    sc.peer_down_mbps = spread_rates(n, 10.0, 40.0, 2);
    let mut sim = DistributionSim::new(sc.clone()).map_err(|e| CliError::new(e.to_string()))?;
    let started = Instant::now();
    sim.run_to_end(event_budget(&sc));
    let wall = started.elapsed().as_secs_f64();
    let r = sim.report();
    let stats = sim.network().stats();
    emit(
        out,
        &format!(
            "
peer-to-peer, 1000 peers, uploads 5-20 Mbps, downloads 10-40 Mbps, server 30 Mbps:
  {} events in {:.1} ms ({:.0} events/s), ratio {:.4}; {} rate recomputations refilling {:.1} flows on average
",
            r.events,
            wall * 1e3,
            r.events as f64 / wall.max(1e-9),
            r.ratio,
            stats.reallocations,
            stats.flows_refilled as f64 / (stats.fills.max(1)) as f64,
        ),
    )
}

/// Request/response at 1,000 clients, from [`crate::sim::service`].
fn bench_requests(out: &mut dyn Write) -> Result<(), CliError> {
    use crate::sim::service::{ServiceScenario, ServiceSim};
    let mut sim = ServiceSim::new(ServiceScenario::busy_server(1_000)).map_err(|e| CliError::new(e.to_string()))?;
    let started = Instant::now();
    sim.run_to_end(u64::MAX);
    let wall = started.elapsed().as_secs_f64();
    let events = sim.events_processed();
    emit(
        out,
        &format!(
            "\nrequest/response, client-server, 1000 clients: {events} events in {:.1} ms ({:.0} events/s)\n",
            wall * 1e3,
            events as f64 / wall.max(1e-9)
        ),
    )
}

/// What the experiment panel pays to measure a long run while it plays:
/// 1,000 clients at 2 requests/s each against a server of 2,500/s for 600
/// simulated seconds, measured every 10 simulated seconds, live (what the
/// panel calls every few frames) and exactly (what a finished run
/// reports). The live cost must not grow with the run.
fn bench_measurement(out: &mut dyn Write) -> Result<(), CliError> {
    use crate::experiment::{Metrics, SideSim};
    use crate::sim::service::{ServiceScenario, ServiceSim};
    use crate::sim::time::{SimDuration, SimTime};
    let scenario = ServiceScenario {
        users: 1_000,
        request_rate: 2.0,
        service_rate: 2_500.0,
        queue_capacity: 10_000,
        duration_s: 600.0,
        ..ServiceScenario::default()
    };
    let mut sim = ServiceSim::new(scenario).map_err(|e| CliError::new(e.to_string()))?;
    // (at 10 s, at 600 s, total) in ms, live and exact.
    let mut live = (0.0, 0.0, 0.0);
    let mut exact = (0.0, 0.0, 0.0);
    let mut count = 0u32;
    let time = |f: &dyn Fn(&mut Metrics)| {
        let started = Instant::now();
        f(&mut Metrics::default());
        started.elapsed().as_secs_f64() * 1e3
    };
    let mut t = 10.0;
    while t <= 600.0 {
        sim.run_until(SimTime::ZERO + SimDuration::from_secs_f64_ceil(t), u64::MAX);
        let l = time(&|m| sim.measure_live(m));
        let e = time(&|m| sim.measure(m));
        if count == 0 {
            (live.0, exact.0) = (l, e);
        }
        (live.1, exact.1) = (l, e);
        (live.2, exact.2) = (live.2 + l, exact.2 + e);
        count += 1;
        t += 10.0;
    }
    let n = f64::from(count);
    emit(
        out,
        &format!(
            "\nmeasuring a run as it plays (1000 clients x 2 requests/s, 600 s, every 10 s, {} requests):\n  \
             live:  {:.3} ms at 10 s, {:.3} ms at 600 s, {:.3} ms on average\n  \
             exact: {:.3} ms at 10 s, {:.3} ms at 600 s, {:.3} ms on average\n",
            sim.counters().completed,
            live.0,
            live.1,
            live.2 / n,
            exact.0,
            exact.1,
            exact.2 / n
        ),
    )
}

/// Chord lookups on a ring nobody leaves, from [`crate::sim::dht`]: what
/// building the ring (ids, successor lists, 32 fingers a node, keys) costs,
/// and how fast lookups route through it.
fn bench_dht(out: &mut dyn Write) -> Result<(), CliError> {
    use crate::sim::dht::{DhtScenario, DhtSim};
    const PEERS: u32 = 4_096;
    const LOOKUPS: u32 = 10_000;
    let started = Instant::now();
    let mut sim = DhtSim::new(DhtScenario::stable(PEERS).with_lookups(0.0, 0.0)).map_err(|e| CliError::new(e.to_string()))?;
    let setup = started.elapsed().as_secs_f64();
    let started = Instant::now();
    sim.lookups_now(LOOKUPS);
    let wall = started.elapsed().as_secs_f64();
    let r = sim.report();
    emit(
        out,
        &format!(
            "\nChord DHT, {PEERS} nodes, {} keys, no churn: ring built in {:.1} ms; \
             {LOOKUPS} lookups in {:.1} ms ({:.0} lookups/s), {:.2} hops on average (1/2 log2 N = {:.1}), {:.1}% found\n",
            sim.scenario().keys,
            setup * 1e3,
            wall * 1e3,
            f64::from(LOOKUPS) / wall.max(1e-9),
            r.mean_hops.unwrap_or(0.0),
            r.theory_hops,
            r.success_rate * 100.0,
        ),
    )
}

