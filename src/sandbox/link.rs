//! The share link: a sandbox setup in a short, versioned text that fits in
//! the URL (`#/sandbox?s=1;distribution;seed=7;receivers=50`). Decoding
//! accepts nothing it cannot fully check: a malformed, tampered or
//! oversized link is refused with a reason, and the caller opens the
//! default setup instead.

use crate::experiment::Param;
use crate::sandbox::setup::{SandboxSetup, Workload};
use std::fmt;

const VERSION: &str = "1";
/// Far longer than any real link (about 200 characters); refused unread.
pub const MAX_LEN: usize = 1024;

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
    let mut out = format!("{VERSION};{};seed={}", setup.workload.key(), setup.seed);
    for (param, _) in setup.workload.defaults() {
        if let Some(v) = setup.params.get(*param) {
            out.push_str(&format!(";{}={}", param.key(), v));
        }
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
    let workload = match parts.next() {
        Some(key) => Workload::from_key(key).ok_or_else(|| LinkError(format!("unknown workload \"{}\"", shorten(key))))?,
        None => return err("the link names no workload"),
    };
    let mut setup = SandboxSetup::new(workload);
    let mut seen_seed = false;
    let mut seen: Vec<Param> = Vec::new();
    for part in parts {
        let Some((key, value)) = part.split_once('=') else {
            return err(format!("\"{}\" is not a setting", shorten(part)));
        };
        if key == "seed" {
            if seen_seed {
                return err("the seed is given twice");
            }
            seen_seed = true;
            setup.seed = value.parse::<u64>().map_err(|_| LinkError("the seed must be a whole number".into()))?;
            continue;
        }
        let param = Param::from_key(key)
            .filter(|p| workload.defaults().iter().any(|(d, _)| d == p))
            .ok_or_else(|| LinkError(format!("\"{}\" is not a setting of {}", shorten(key), workload.label())))?;
        if seen.contains(&param) {
            return err(format!("{} is given twice", param.spec().label));
        }
        seen.push(param);
        let v = param.spec().parse(param, value).map_err(|e| LinkError(e.message))?;
        setup.params.set(param, v);
    }
    Ok(setup)
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
    use crate::experiment::Params;
    use proptest::prelude::*;

    #[test]
    fn round_trips_every_workload() {
        for w in Workload::ALL {
            let mut setup = SandboxSetup::new(w);
            setup.seed = 987_654_321;
            let (first, value) = w.defaults()[0];
            setup.params.set(first, first.spec().max.min(value + first.spec().step));
            assert_eq!(decode(&encode(&setup)), Ok(setup.clone()));
        }
    }

    #[test]
    fn a_short_link_fills_in_defaults() {
        let setup = decode("1;requests").unwrap();
        assert_eq!(setup, SandboxSetup::new(Workload::Requests));
        let setup = decode("1;search;ttl=5;seed=3").unwrap();
        assert_eq!(setup.params.get(Param::Ttl), Some(5.0));
        assert_eq!(setup.seed, 3);
    }

    #[test]
    fn every_malformed_link_is_refused_with_a_reason() {
        let long = format!("1;distribution{}", ";receivers=5".repeat(200));
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
        fn any_valid_setup_round_trips(w in 0usize..4, seed in any::<u64>(), pick in 0.0f64..1.0) {
            let workload = Workload::ALL[w];
            let mut params = Params::from_pairs(workload.defaults());
            for (p, _) in workload.defaults() {
                let spec = p.spec();
                let steps = ((spec.max - spec.min) / spec.step).floor();
                let v = spec.min + (pick * steps).floor() * spec.step;
                let v = if matches!(spec.kind, crate::experiment::ParamKind::Number) { v } else { v.round() };
                params.set(*p, v.min(spec.max));
            }
            let setup = SandboxSetup { workload, params, seed };
            prop_assert_eq!(decode(&encode(&setup)), Ok(setup));
        }
    }
}
