//! Hand-rolled `--flag value` parsing: the command line needs a handful of
//! flags, not a dependency, and every mistake must become one readable line.

use super::CliError;
use std::collections::BTreeMap;

/// Flags given on the command line. Each flag may appear once.
#[derive(Debug, Default)]
pub struct Flags {
    values: BTreeMap<String, String>,
    switches: Vec<String>,
}

/// Parses `args` (after the subcommand) against the flags that take a value
/// and the switches that take none.
pub fn parse(args: &[String], valued: &[&str], switches: &[&str]) -> Result<Flags, CliError> {
    let mut flags = Flags::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let name = arg.as_str();
        if switches.contains(&name) {
            if flags.switches.iter().any(|s| s == name) {
                return Err(CliError::new(format!("{name} given twice")));
            }
            flags.switches.push(name.to_string());
        } else if valued.contains(&name) {
            // `--a --b` is a forgotten value, not the value "--b"; a single
            // dash may start a (negative) number, which the range check
            // then reports by name.
            let Some(value) = it.next().filter(|v| !v.starts_with("--")) else {
                return Err(CliError::new(format!("{name} needs a value")));
            };
            if flags.values.insert(name.to_string(), value.clone()).is_some() {
                return Err(CliError::new(format!("{name} given twice")));
            }
        } else if name.starts_with('-') {
            return Err(CliError::new(format!("unknown flag '{name}'; see `simulate --help`")));
        } else {
            return Err(CliError::new(format!("unexpected argument '{name}'; see `simulate --help`")));
        }
    }
    Ok(flags)
}

impl Flags {
    pub fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    pub fn raw(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn required(&self, name: &str) -> Result<&str, CliError> {
        self.raw(name).ok_or_else(|| CliError::new(format!("missing {name}")))
    }

    /// Any real number, NaN and infinity included: ranges are the
    /// scenario's business, so the message names the field a learner knows.
    pub fn number(&self, name: &str) -> Result<Option<f64>, CliError> {
        self.raw(name).map(|v| number(name, v)).transpose()
    }

    pub fn whole(&self, name: &str) -> Result<Option<u64>, CliError> {
        self.raw(name)
            .map(|v| {
                v.trim().parse::<u64>().map_err(|_| CliError::new(format!("{name} expects a whole number, got '{v}'")))
            })
            .transpose()
    }

    /// One number for everyone, or a comma-separated list with one per peer.
    pub fn rates(&self, name: &str) -> Result<Option<Vec<f64>>, CliError> {
        self.raw(name).map(|v| v.split(',').map(|x| number(name, x)).collect()).transpose()
    }
}

fn number(name: &str, v: &str) -> Result<f64, CliError> {
    v.trim().parse::<f64>().map_err(|_| CliError::new(format!("{name} expects a number, got '{v}'")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn values_and_switches() {
        let f = parse(&args("--peers 10 --json --rate 1,2.5"), &["--peers", "--rate"], &["--json"]).unwrap();
        assert!(f.switch("--json"));
        assert_eq!(f.whole("--peers").unwrap(), Some(10));
        assert_eq!(f.rates("--rate").unwrap(), Some(vec![1.0, 2.5]));
        assert_eq!(f.number("--missing").unwrap(), None);
    }

    #[test]
    fn mistakes_are_named() {
        let e = |s: &str| parse(&args(s), &["--peers"], &["--json"]).unwrap_err().to_string();
        assert_eq!(e("--peers"), "--peers needs a value");
        assert_eq!(e("--peers --json"), "--peers needs a value");
        assert!(e("--bogus 3").contains("unknown flag '--bogus'"));
        assert!(e("stray").contains("unexpected argument 'stray'"));
        assert_eq!(e("--peers 1 --peers 2"), "--peers given twice");
        assert_eq!(e("--json --json"), "--json given twice");
        let f = parse(&args("--peers -3"), &["--peers"], &[]).unwrap();
        assert_eq!(f.whole("--peers").unwrap_err().to_string(), "--peers expects a whole number, got '-3'");
        let f = parse(&args("--peers 1,x"), &["--peers"], &[]).unwrap();
        assert!(f.rates("--peers").unwrap_err().to_string().contains("got 'x'"));
    }
}
