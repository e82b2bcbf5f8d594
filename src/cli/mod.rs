//! The `simulate` command line: parsing and commands live here, in the
//! library, so they can be tested natively; `src/bin/simulate.rs` only maps
//! the outcome to an exit code.
//!
//! Every mistake becomes a `CliError`, printed as one line starting with
//! `error:`; nothing here panics on any input.

mod args;
mod bench;
mod distribute;
mod lookup;
mod sweep;

use std::fmt;
use std::io::Write;

/// A problem with the command line, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CliError(String);

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        // One line, always: the message is shown after `error: `.
        CliError(message.into().replace(['\n', '\r'], " "))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const HELP: &str = "\
simulate: the Hub & Mesh network simulator on the command line.

USAGE
  simulate distribute --arch ARCH --peers N --file-mbit F --server-up-mbps US
                      --peer-up-mbps U --peer-down-mbps D
                      [--chunks K] [--seed S] [--latency-ms L]
                      [--policy P] [--free-riders FRACTION] [--json]
  simulate sweep --max-peers N --file-mbit F --server-up-mbps US
                 --peer-up-mbps U --peer-down-mbps D
                 [--chunks K] [--seed S] [--latency-ms L] [--step S]
  simulate lookup --overlay central|flooding|dht --peers N [--lookups L]
                  [--degree D] [--ttl T] [--copies R] [--churn-session-s S]
                  [--seed S] [--json]
  simulate bench
  simulate help | --help

DISTRIBUTE
  Sends a file of F megabits from a server to N receivers and reports when
  each receiver had all of it, next to the Kurose-Ross lower bound.
  --arch            client-server | peer-to-peer | hybrid
                    (hybrid: a tracker introduces the peers, one round trip,
                    then chunks move peer to peer)
  --peers           receivers, 1 to 5000
  --file-mbit       file size in megabits, 0.001 to 1000000
  --server-up-mbps  server upload in Mbps, 0.001 to 1000000
  --peer-up-mbps    peer upload in Mbps: one value for every peer, or a
                    comma-separated list of exactly N values (unused by
                    client-server clients, but still checked)
  --peer-down-mbps  peer download in Mbps: one value or a list of N values
  --chunks          chunks the file is cut into, 1 to 2000 (default 100)
  --seed            seed of the run's random generator (default 1); the same
                    seed always gives the same run
  --latency-ms      paid once when a connection opens, 0 to 10000 (default 0)
  --policy          how swarm peers choose whom to upload to (default
                    altruistic): altruistic (whoever is least far along) or
                    tit-for-tat (BitTorrent's choking: each peer uploads to
                    the 3 peers that uploaded most to it over the last 20 s,
                    chosen again every 10 s, plus 1 random peer moved every
                    30 s; the server chokes nobody and serves receivers
                    drawn at random). Client-server ignores it.
  --free-riders     fraction of the receivers, 0 to 1 (default 0), that only
                    download and upload nothing; which ones follows the seed
  --json            print one JSON object: arch, peers, chunks, seed,
                    policy, free_riders, completion_time_s, lower_bound_s,
                    ratio, peer_completion_s, contributor_mean_s and
                    free_rider_mean_s (mean completion of each group, null
                    when it is empty), server_upload_mbit, peer_upload_mbit,
                    events, completion_curve, ...

SWEEP
  Prints CSV for handouts, one row per N from 1 to --max-peers (every
  --step peers, default 1):
    n,client_server_s,client_server_bound_s,peer_to_peer_s,peer_to_peer_bound_s
  Peer rates take one value, or a list of --max-peers values of which the
  first n are used for n peers.

LOOKUP
  Finds items L times (default 1000), each from a random peer that is up,
  through one of three overlays, measured the same way for all three:
    central   ask the index: one step, and it names a peer with a copy
    flooding  ask the neighbours, who ask theirs, up to T hops (default 3),
              over a random overlay of mean degree D (default 4)
    dht       route round a Chord ring: each node forwards with its own
              finger table; about 1/2 log2 N hops
  --peers            peers (central and flooding 1 to 5000; dht 2 to 10000)
  --copies           peers holding each item (default 1); on the ring, the
                     key's successor and the next R - 1
  --churn-session-s  peers come and go: up and down times drawn with this
                     mean (seconds), so about half are up; 1 to 1000000
  --json             print one JSON object: overlay, peers, lookups,
                     success_rate (0 to 1), mean_hops (overlay hops from the
                     asker to the node that can answer, over successful
                     lookups), mean_messages (everything sent for one
                     lookup: queries, forwards, timeouts, answers), seed

BENCH
  Wall time and events per second of file distribution for N = 10, 100,
  1000 and 5000 peers at 100 chunks, client-server and peer-to-peer, and how
  the time grows with N. Figures, not pass or fail.

EXIT CODES
  0 success, 2 bad input (one line on stderr starting with `error:`).
";

/// Runs the command line `args` (without the program name), writing results
/// to `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return emit(out, HELP);
    }
    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::new("no command given; try `simulate --help`"));
    };
    match command.as_str() {
        "help" => emit(out, HELP),
        "distribute" => distribute::run(rest, out),
        "sweep" => sweep::run(rest, out),
        "lookup" => lookup::run(rest, out),
        "bench" => bench::run(rest, out),
        other => Err(CliError::new(format!("unknown command '{other}'; try `simulate --help`"))),
    }
}

/// Writes output, ignoring a closed pipe (`simulate ... | head`): the reader
/// has gone, which is not the user's mistake.
pub(crate) fn emit(out: &mut dyn Write, text: &str) -> Result<(), CliError> {
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn run_str(line: &str) -> Result<String, CliError> {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        let mut out = Vec::new();
        run(&args, &mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn help_and_unknown_commands() {
        assert!(run_str("--help").unwrap().contains("--peer-down-mbps"));
        assert_eq!(run_str("help").unwrap(), HELP);
        assert!(run_str("distribute --peers 3 --help").unwrap().starts_with("simulate:"));
        assert!(run_str("").unwrap_err().to_string().contains("no command"));
        assert!(run_str("frobnicate").unwrap_err().to_string().contains("unknown command 'frobnicate'"));
    }

    #[test]
    fn errors_are_one_line() {
        assert_eq!(CliError::new("a\nb").to_string(), "a b");
    }
}
