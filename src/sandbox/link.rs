//! The share link: a sandbox setup in a short, versioned text that fits in
//! the URL (`#/sandbox?s=1;distribution;seed=7;receivers=50`). Decoding
//! accepts nothing it cannot fully check: a malformed, tampered or
//! oversized link is refused with a reason, and the caller opens the
//! default setup instead.
//!
//! Nodes changed by hand follow the parameters: `node=3:20:50` (receiver 3
//! uploads at 20 and downloads at 50 Mbps; an upload of 0 makes it a
//! download-only client), `link=2-7` and `cut=2-7` (an overlay link
//! connected or cut), `cap=4:80` (peer 4 serves 80 requests/s) and
//! `client=5` (peer 5 only asks).
//!
//! The keys of format 1 are frozen. A workload renamed since is still read
//! by its old key (`requests` for `service`, `search` for `lookup`).

use crate::experiment::bench::BenchSpec;
use crate::experiment::edits::LinkEdit;
use crate::experiment::Param;
use crate::decimal::shortest;
use crate::sandbox::setup::SandboxSetup;
use std::fmt;

const VERSION: &str = "1";
/// Far longer than any real link (about 200 characters, a few thousand
/// with many nodes changed by hand); refused unread.
pub const MAX_LEN: usize = 12_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError(pub String);

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(reason: impl Into<String>) -> Result<T, LinkError> {
    Err(LinkError(reason.into()))
}

pub fn encode(setup: &SandboxSetup) -> String {
    let bench = setup.bench;
    let mut out = format!("{VERSION};{};seed={}", bench.key, setup.seed);
    for (param, _) in bench.params {
        if let Some(v) = setup.params.get(*param) {
            out.push_str(&format!(";{}={}", param.key(), shortest(v)));
        }
    }
    // What the run would drop (nodes since removed, clients covering every
    // peer) is left out.
    let mut edits = setup.edits.clone();
    edits.truncate(bench.size.map_or(0, |p| bench.complete(&setup.params).count_or(p, 0)), bench.needs_a_peer());
    // Where a receiver's speeds are set, a download-only client is written
    // with an upload of 0 (format 1's spelling), its download beside it.
    let speeds = bench.rates_editable();
    for r in &edits.rates {
        let up = if edits.is_client(r.user) { 0.0 } else { r.up_mbps };
        out.push_str(&format!(";node={}:{}:{}", r.user, shortest(up), shortest(r.down_mbps)));
    }
    for &c in &edits.clients {
        if !speeds {
            out.push_str(&format!(";client={c}"));
        } else if edits.rates_of(c).is_none() {
            let (_, down) = bench.receiver_rates(&setup.params, &edits, c);
            out.push_str(&format!(";node={c}:0:{}", shortest(down)));
        }
    }
    for c in &edits.capacities {
        out.push_str(&format!(";cap={}:{}", c.user, shortest(c.per_s)));
    }
    for l in &edits.links {
        out.push_str(&format!(";{}={}-{}", if l.connected { "link" } else { "cut" }, l.a, l.b));
    }
    out
}

pub fn decode(text: &str) -> Result<SandboxSetup, LinkError> {
    if text.len() > MAX_LEN {
        return err("the link is too long");
    }
    let mut parts = text.split(';');
    match parts.next() {
        Some(VERSION) => {}
        Some(v) if v.chars().all(|c| c.is_ascii_digit()) && !v.is_empty() => {
            return err(format!("the link was made by a newer version (format {v})"))
        }
        _ => return err("the link does not start with a format version"),
    }
    let bench = match parts.next() {
        Some(key) => BenchSpec::from_key(key)
            .filter(|b| b.in_sandbox)
            .ok_or_else(|| LinkError(format!("unknown workload \"{}\"", shorten(key))))?,
        None => return err("the link names no workload"),
    };
    let mut setup = SandboxSetup::new(bench);
    let mut seen_seed = false;
    let mut seen: Vec<Param> = Vec::new();
    for part in parts {
        let Some((key, value)) = part.split_once('=') else {
            return err(format!("\"{}\" is not a setting", shorten(part)));
        };
        if matches!(key, "node" | "link" | "cut" | "cap" | "client") {
            edit(&mut setup, key, value)?;
            continue;
        }
        if key == "seed" {
            if seen_seed {
                return err("the seed is given twice");
            }
            seen_seed = true;
            setup.seed = value
                .parse::<u64>()
                .map_err(|_| LinkError("the seed must be a whole number".into()))?;
            continue;
        }
        let param = Param::from_key(key)
            .filter(|p| bench.reads(*p))
            .ok_or_else(|| LinkError(format!("\"{}\" is not a setting of {}", shorten(key), bench.label)))?;
        if seen.contains(&param) {
            return err(format!("{} is given twice", param.spec().label));
        }
        seen.push(param);
        let v = param
            .spec()
            .parse(param, value)
            .map_err(|e| LinkError(e.message))?;
        setup.params.set(param, v);
    }
    // Checked once the network's size is known, wherever it was given.
    let users = bench.size.map_or(0, |p| setup.params.count_or(p, 0));
    let beyond = setup
        .edits
        .rates
        .iter()
        .map(|r| r.user)
        .chain(setup.edits.links.iter().map(|l| l.b))
        .chain(setup.edits.capacities.iter().map(|c| c.user))
        .chain(setup.edits.clients.iter().copied())
        .find(|&u| u >= users);
    if let Some(u) = beyond {
        return err(format!(
            "node {u} is changed, but the network has only {users} (numbered from 0)"
        ));
    }
    if bench.needs_a_peer() && !setup.edits.clients.is_empty() && setup.edits.clients.len() as u32 >= users {
        return err(crate::experiment::EditError::LastPeer.to_string());
    }
    Ok(setup)
}

/// One hand-made change: `node=user:up:down`, `link=a-b` or `cut=a-b`.
fn edit(setup: &mut SandboxSetup, key: &str, value: &str) -> Result<(), LinkError> {
    let bench = setup.bench;
    let refused = |e: crate::experiment::EditError| LinkError(e.to_string());
    let index = |s: &str| {
        s.parse::<u32>()
            .map_err(|_| LinkError(format!("\"{}\" is not a node number", shorten(s))))
    };
    if key == "node" {
        if !bench.rates_editable() {
            return err(format!("link speeds per node are not a setting of {}", bench.label));
        }
        let mut parts = value.split(':');
        let (Some(user), Some(up), Some(down), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return err("a node's speeds are written node=number:upload:download");
        };
        let user = index(user)?;
        if setup.edits.rates_of(user).is_some() {
            return err(format!("node {user}'s speeds are given twice"));
        }
        let down = Param::PeerDownMbps.spec().parse(Param::PeerDownMbps, down).map_err(|e| LinkError(e.message))?;
        // An upload of 0 is the one below the controls' range: the role of
        // a download-only client, who keeps the workload's upload should
        // it become a peer again.
        if up == "0" {
            let (peer_up, _) = bench.receiver_rates(&setup.params, &setup.edits, user);
            setup.edits.set_client(user, true).map_err(refused)?;
            return setup.edits.set_rates(user, peer_up, down).map_err(refused);
        }
        let up = Param::PeerUpMbps.spec().parse(Param::PeerUpMbps, up).map_err(|e| LinkError(e.message))?;
        return setup.edits.set_rates(user, up, down).map_err(refused);
    }
    if key == "client" {
        if bench.role_words().is_none() || bench.rates_editable() {
            return err(format!("peers that only ask are not a setting of {}", bench.label));
        }
        let user = index(value)?;
        if setup.edits.clients.contains(&user) {
            return err(format!("peer {user} is named a client twice"));
        }
        return setup.edits.set_client(user, true).map_err(refused);
    }
    if key == "cap" {
        if !bench.capacity_editable() {
            return err(format!("a peer's own capacity is not a setting of {}", bench.label));
        }
        let Some((user, per_s)) = value.split_once(':') else {
            return err("a peer's capacity is written cap=number:requests-per-second");
        };
        let user = index(user)?;
        if setup.edits.capacity_of(user).is_some() {
            return err(format!("peer {user}'s capacity is given twice"));
        }
        let per_s = Param::PeerCapacity.spec().parse(Param::PeerCapacity, per_s).map_err(|e| LinkError(e.message))?;
        return setup.edits.set_capacity(user, per_s).map_err(refused);
    }
    if !bench.per_node.contains(&crate::experiment::bench::NodeSetting::Links) {
        return err(format!("overlay links are not a setting of {}", bench.label));
    }
    let Some((a, b)) = value.split_once('-') else {
        return err("a link is written link=a-b or cut=a-b");
    };
    let edit = LinkEdit::new(index(a)?, index(b)?, key == "link");
    if edit.a == edit.b {
        return err("a peer cannot be linked to itself");
    }
    if setup
        .edits
        .links
        .iter()
        .any(|l| (l.a, l.b) == (edit.a, edit.b))
    {
        return err(format!("the link {}-{} is given twice", edit.a, edit.b));
    }
    setup.edits.set_link(edit.a, edit.b, edit.connected).map_err(refused)
}

/// Quotes at most a few characters of what the learner cannot see anyway.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(24).collect();
    if s.chars().count() > 24 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::bench::{DISTRIBUTION, LOOKUP, SERVICE};

    use proptest::prelude::*;

    fn workloads() -> Vec<crate::experiment::Bench> {
        BenchSpec::in_sandbox().collect()
    }

    #[test]
    fn round_trips_every_workload() {
        for w in workloads() {
            let mut setup = SandboxSetup::new(w);
            setup.seed = 987_654_321;
            let (first, value) = w.params[0];
            setup
                .params
                .set(first, first.spec().max.min(value + first.spec().step));
            assert_eq!(decode(&encode(&setup)), Ok(setup.clone()));
        }
    }

    #[test]
    fn hand_made_nodes_and_links_round_trip() {
        let mut setup = SandboxSetup::new(DISTRIBUTION);
        setup.edits.set_rates(4, 2.5, 100.0).unwrap();
        setup.edits.set_rates(0, 50.0, 0.5).unwrap();
        setup.edits.set_rates(2, 10.0, 8.0).unwrap();
        setup.edits.set_client(2, true).unwrap();
        let text = encode(&setup);
        assert!(text.ends_with(";node=4:2.5:100;node=0:50:0.5;node=2:0:8"), "{text}");
        assert_eq!(decode(&text), Ok(setup));
        let mut setup = SandboxSetup::new(SERVICE);
        setup.edits.set_capacity(7, 12.5).unwrap();
        setup.edits.set_client(3, true).unwrap();
        let text = encode(&setup);
        assert!(text.ends_with(";client=3;cap=7:12.5"), "{text}");
        assert_eq!(decode(&text), Ok(setup));
        let mut setup = SandboxSetup::new(LOOKUP);
        setup.edits.set_link(9, 1, true).unwrap();
        setup.edits.set_link(2, 3, false).unwrap();
        let text = encode(&setup);
        assert!(text.ends_with(";link=1-9;cut=2-3"), "{text}");
        assert_eq!(decode(&text), Ok(setup.clone()));
        // Shrunk below an edited peer: the link still opens, without it.
        setup.params.set(Param::Peers, 5.0);
        let text = encode(&setup);
        assert!(text.ends_with(";cut=2-3"), "{text}");
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn the_longest_link_the_app_can_write_still_opens() {
        let mut setup = SandboxSetup::new(DISTRIBUTION);
        setup.params.set(Param::Receivers, 300.0);
        for user in 0..crate::experiment::edits::MAX_EDITS as u32 {
            setup.edits.set_rates(user, 999.999, 9999.999).unwrap();
        }
        let text = encode(&setup);
        assert!(text.len() <= MAX_LEN, "{} characters", text.len());
        assert_eq!(decode(&text), Ok(setup));
    }

    #[test]
    fn renamed_workloads_open_by_their_old_keys() {
        // Format 1 wrote `requests` and `search`; links made then still open,
        // and are written with today's names.
        let old = decode("1;requests;seed=4;clients=12;client=3").unwrap();
        assert_eq!((old.bench, old.params.get(Param::Clients), old.edits.clients.clone()), (SERVICE, Some(12.0), vec![3]));
        assert!(encode(&old).starts_with("1;service;seed=4;"));
        let old = decode("1;search;peers=20;cut=2-3").unwrap();
        assert_eq!((old.bench, old.params.get(Param::Peers), old.edits.links.len()), (LOOKUP, Some(20.0), 1));
        assert!(encode(&old).starts_with("1;lookup;"));
    }

    #[test]
    fn a_download_only_client_is_written_as_an_upload_of_zero() {
        // Format 1's spelling of the role: a role, not a speed, once read.
        let setup = decode("1;distribution;receivers=5;node=3:0:20").unwrap();
        assert!(setup.edits.is_client(3));
        assert_eq!(setup.edits.rates_of(3).map(|r| (r.up_mbps, r.down_mbps)), Some((10.0, 20.0)));
        assert_eq!(decode(&encode(&setup)), Ok(setup.clone()));
        // A client whose speeds were never set is written with the
        // workload's download.
        let mut plain = SandboxSetup::new(DISTRIBUTION);
        plain.edits.set_client(1, true).unwrap();
        assert!(encode(&plain).ends_with(";node=1:0:50"), "{}", encode(&plain));
        assert!(decode(&encode(&plain)).unwrap().edits.is_client(1));
    }

    #[test]
    fn a_short_link_fills_in_defaults() {
        let setup = decode("1;requests").unwrap();
        assert_eq!(setup, SandboxSetup::new(SERVICE));
        let setup = decode("1;search;ttl=5;seed=3").unwrap();
        assert_eq!(setup.params.get(Param::Ttl), Some(5.0));
        assert_eq!(setup.seed, 3);
    }

    #[test]
    fn every_malformed_link_is_refused_with_a_reason() {
        let long = format!("1;distribution{}", ";receivers=5".repeat(1100));
        for (bad, reason) in [
            ("", "format version"),
            ("x;distribution", "format version"),
            ("2;distribution", "newer version"),
            ("1", "no workload"),
            ("1;mesh", "unknown workload"),
            ("1;distribution;receivers", "not a setting"),
            ("1;distribution;ttl=3", "not a setting of File distribution"),
            ("1;distribution;receivers=0", "between 1 and 300"),
            ("1;distribution;receivers=2.5", "whole number"),
            ("1;distribution;receivers=NaN", "must be a number"),
            ("1;distribution;receivers=inf", "must be a number"),
            ("1;distribution;receivers=1e400", "must be a number"),
            ("1;distribution;receivers=5;receivers=6", "given twice"),
            ("1;distribution;seed=-1", "seed"),
            ("1;distribution;seed=1;seed=2", "twice"),
            ("1;distribution;seed=99999999999999999999999", "seed"),
            (long.as_str(), "too long"),
            ("1;distribution;node=3:20", "node=number:upload:download"),
            ("1;distribution;node=x:20:50", "not a node number"),
            ("1;distribution;node=3:0.01:50", "between"),
            ("1;distribution;node=3:20:50;node=3:20:50", "twice"),
            ("1;distribution;receivers=5;node=5:20:50", "only 5"),
            (
                "1;distribution;link=1-2",
                "not a setting of File distribution",
            ),
            ("1;search;node=1:2:3", "not a setting of Finding data"),
            ("1;search;link=4-4", "itself"),
            ("1;search;link=1-2;cut=2-1", "twice"),
            ("1;search;link=1+2", "link=a-b"),
            ("1;search;peers=10;cut=3-10", "only 10"),
            ("1;requests;cap=3", "cap=number"),
            ("1;requests;client=x", "not a node number"),
            ("1;requests;client=2;client=2", "twice"),
            ("1;requests;clients=4;client=4", "only 4"),
            ("1;requests;clients=2;client=0;client=1", "at least one peer"),
            ("1;distribution;client=1", "not a setting of File distribution"),
            ("1;requests;cap=3:0", "between"),
            ("1;requests;cap=3:80;cap=3:90", "twice"),
            ("1;requests;clients=5;cap=5:80", "only 5"),
            ("1;search;cap=1:80", "not a setting of Finding data"),
        ] {
            let e = decode(bad).expect_err(bad);
            assert!(e.0.contains(reason), "{bad:?}: {e}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_decoded_or_refused_never_a_panic(s in ".{0,300}") {
            let _ = decode(&s);
        }

        #[test]
        fn any_valid_setup_round_trips(w in 0usize..64, seed in any::<u64>(), pick in 0.0f64..1.0) {
            let all = workloads();
            let bench = all[w % all.len()];
            let mut params = bench.defaults();
            for (p, _) in bench.params {
                let spec = p.spec();
                let steps = ((spec.max - spec.min) / spec.step).floor();
                let v = spec.min + (pick * steps).floor() * spec.step;
                let v = if matches!(spec.kind, crate::experiment::ParamKind::Number) { v } else { v.round() };
                params.set(*p, v.min(spec.max));
            }
            let setup = SandboxSetup { bench, params, edits: Default::default(), seed };
            prop_assert_eq!(decode(&encode(&setup)), Ok(setup));
        }
    }
}
