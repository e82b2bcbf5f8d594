//! The `postMessage` protocol between an embedded lesson and its parent
//! page. Every message is a plain object with `source: "hub-and-mesh"`, the
//! protocol `version`, a `type` and the `slug` of the lesson (or
//! `"sandbox"`). Nothing is sent until the page's address names the parent's
//! origin (`?origin=https://course.example.org`), or `?origin=*` when the
//! teacher asks for any parent; commands from the parent are obeyed only
//! from that exact origin, and only once checked.

use crate::json::{parse, Value};

pub const SOURCE: &str = "hub-and-mesh";
/// Bumped when a message changes shape or meaning; listeners can check it.
/// Version 2: `quiz-complete` is sent once, with the first attempt's score,
/// and `lesson-complete` says whether "Show me" helped.
pub const PROTOCOL_VERSION: u32 = 2;
/// Longer inbound messages are ignored unread.
pub const MAX_INBOUND_LEN: usize = 2048;

/// Where messages may go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetOrigin {
    /// Exactly this origin (`scheme://host[:port]`); the only one whose
    /// commands are obeyed.
    Exact(String),
    /// Any parent at all, because the teacher wrote `origin=*`. Commands are
    /// then ignored: there is no origin to check them against.
    Any,
}

impl TargetOrigin {
    /// The `targetOrigin` argument of `postMessage`.
    pub fn as_target(&self) -> &str {
        match self {
            TargetOrigin::Exact(o) => o,
            TargetOrigin::Any => "*",
        }
    }

    /// Whether a message that came from `origin` may be obeyed.
    pub fn trusts(&self, origin: &str) -> bool {
        matches!(self, TargetOrigin::Exact(o) if o == origin)
    }

    /// Checks a teacher-written origin: `*`, or http(s), a host and an
    /// optional port, with no path (a trailing `/` is dropped).
    pub fn parse(text: &str) -> Result<TargetOrigin, String> {
        let text = text.trim();
        if text == "*" {
            return Ok(TargetOrigin::Any);
        }
        let text = text.strip_suffix('/').unwrap_or(text);
        let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) else {
            return Err(format!("\"{}\" is not an origin like https://course.example.org", short(text)));
        };
        // An IPv6 host stands in brackets; any other host is letters,
        // digits, dots and hyphens. A port may follow, after a colon.
        let (host, port) = match rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
            Some((v6, after)) => {
                let ok = !v6.is_empty() && v6.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
                if !ok {
                    return Err("the origin's IPv6 address is not valid".into());
                }
                (&rest[..v6.len() + 2], if after.is_empty() { None } else { Some(after.strip_prefix(':').unwrap_or("x")) })
            }
            None => match rest.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (rest, None),
            },
        };
        let host_ok = host.starts_with('[')
            || (!host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'));
        if !host_ok {
            return Err("the origin has no host, or one with characters a host cannot have (no path, please)".into());
        }
        let https = text.starts_with("https://");
        let port = match port {
            None => None,
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err("the origin's port must be a number from 1 to 65535".into()),
            },
        };
        // Browsers leave the scheme's own port out of an origin.
        let port = port.filter(|&n| n != if https { 443 } else { 80 });
        let scheme = if https { "https" } else { "http" };
        let host = host.to_ascii_lowercase();
        Ok(TargetOrigin::Exact(match port {
            Some(n) => format!("{scheme}://{host}:{n}"),
            None => format!("{scheme}://{host}"),
        }))
    }
}

/// The origin named by a page's query string (`location.search`, with or
/// without its `?`): `None` when it names none, so nothing is sent.
pub fn origin_from_query(search: &str) -> Result<Option<TargetOrigin>, String> {
    let Some(raw) = crate::query::value(search, "origin") else {
        return Ok(None);
    };
    let decoded = crate::query::percent_decode(raw).ok_or("the origin in the address is not properly encoded")?;
    TargetOrigin::parse(&decoded).map(Some)
}

/// In an embed's query, hides "Show me", for assessed use.
const SHOW_ME_OFF: &str = "showme=off";

/// Whether an embed's query (`location.search`) hides "Show me".
pub fn hides_show_me(search: &str) -> bool {
    search.trim_start_matches('?').split('&').any(|kv| kv == SHOW_ME_OFF)
}


/// What the app tells its parent page.
#[derive(Clone, Debug, PartialEq)]
pub enum Outbound {
    /// The app has loaded and listens.
    Ready,
    /// The content's height in CSS pixels, so the frame can fit it.
    Resize { height: u32 },
    /// The lesson's experiment task was reached.
    TaskComplete,
    /// Every question has a first answer: how many of those first answers
    /// were right, of how many questions. Later tries never change it.
    QuizComplete { score: u32, total: u32 },
    /// Task done and every answer right; `helped` when "Show me" set the
    /// task's solution.
    LessonComplete { helped: bool },
}

impl Outbound {
    pub fn kind(&self) -> &'static str {
        match self {
            Outbound::Ready => "ready",
            Outbound::Resize { .. } => "resize",
            Outbound::TaskComplete => "task-complete",
            Outbound::QuizComplete { .. } => "quiz-complete",
            Outbound::LessonComplete { .. } => "lesson-complete",
        }
    }

    /// The message as JSON text, for the bridge to post as an object.
    pub fn to_json(&self, slug: &str) -> String {
        let s = |v: &str| Value::String(v.to_owned());
        let n = |v: u32| Value::Number(f64::from(v));
        let mut fields = vec![
            ("source".to_owned(), s(SOURCE)),
            ("version".to_owned(), n(PROTOCOL_VERSION)),
            ("type".to_owned(), s(self.kind())),
            ("slug".to_owned(), s(slug)),
        ];
        match self {
            Outbound::Resize { height } => fields.push(("height".into(), n(*height))),
            Outbound::QuizComplete { score, total } => {
                fields.push(("score".into(), n(*score)));
                fields.push(("total".into(), n(*total)));
            }
            Outbound::LessonComplete { helped } => fields.push(("helped".into(), Value::Bool(*helped))),
            _ => {}
        }
        let mut out = String::new();
        Value::Object(fields).write(&mut out);
        out
    }
}

/// What a parent page may ask of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inbound {
    /// Forget this lesson's progress and start it again.
    Reset,
    /// Say `ready` again (for a listener attached late).
    Ping,
}

/// Reads a message from the parent, given as JSON text: an object whose
/// `type` is `reset` or `ping` (a `source`, if given, must not be ours: an
/// echo of our own message is not a command). Anything else is refused.
pub fn parse_inbound(text: &str) -> Result<Inbound, String> {
    if text.len() > MAX_INBOUND_LEN {
        return Err("the message is too long".into());
    }
    let value = parse(text).map_err(|_| "the message is not JSON".to_owned())?;
    if !matches!(value, Value::Object(_)) {
        return Err("the message is not an object".into());
    }
    if let Some(Value::String(source)) = value.get("source") {
        if source == SOURCE {
            return Err("the message is one of ours".into());
        }
    }
    match value.get("type") {
        Some(Value::String(t)) if t == "reset" => Ok(Inbound::Reset),
        Some(Value::String(t)) if t == "ping" => Ok(Inbound::Ping),
        Some(Value::String(t)) => Err(format!("unknown message type \"{}\"", short(t))),
        _ => Err("the message has no type".into()),
    }
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked_before_anything_is_sent() {
        assert_eq!(origin_from_query(""), Ok(None));
        assert_eq!(origin_from_query("?lang=en"), Ok(None));
        assert_eq!(origin_from_query("?origin=*"), Ok(Some(TargetOrigin::Any)));
        assert_eq!(
            origin_from_query("?x=1&origin=https%3A%2F%2FMoodle.Example.org%2F"),
            Ok(Some(TargetOrigin::Exact("https://moodle.example.org".into())))
        );
        for (given, origin) in [
            ("https://a.example:443", "https://a.example"),
            ("http://a.example:80", "http://a.example"),
            ("http://a.example:443", "http://a.example:443"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("https://[::1]", "https://[::1]"),
        ] {
            assert_eq!(TargetOrigin::parse(given), Ok(TargetOrigin::Exact(origin.into())), "{given}");
        }
        assert_eq!(
            origin_from_query("origin=http://127.0.0.1:8081"),
            Ok(Some(TargetOrigin::Exact("http://127.0.0.1:8081".into())))
        );
        for bad in [
            "?origin=",
            "?origin=moodle.example.org",
            "?origin=javascript://x",
            "?origin=https://a.example/course/7",
            "?origin=https://a.example:99999",
            "?origin=https://a.example:0",
            "?origin=https://",
            "?origin=%E0%A4%A",
            "?origin=%zz",
            "?origin=https://a:b:80",
            "?origin=https://[zz]",
            "?origin=https://[::1]x",
        ] {
            assert!(origin_from_query(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn show_me_is_hidden_only_when_the_query_says_exactly_so() {
        assert!(hides_show_me("?showme=off") && hides_show_me("?origin=https%3A%2F%2Fa.example&showme=off") && hides_show_me("showme=off"));
        assert!(!hides_show_me("") && !hides_show_me("?showme=offish") && !hides_show_me("?showme=on") && !hides_show_me("?x=showme=off"));
    }

    #[test]
    fn only_the_named_origin_is_trusted() {
        let exact = TargetOrigin::Exact("https://a.example".into());
        assert!(exact.trusts("https://a.example"));
        assert!(!exact.trusts("https://a.example.invalid"));
        assert!(!exact.trusts("null"));
        assert!(!TargetOrigin::Any.trusts("https://a.example"), "with * no command is obeyed");
        assert_eq!(TargetOrigin::Any.as_target(), "*");
    }

    #[test]
    fn messages_carry_source_version_type_and_slug() {
        assert_eq!(
            Outbound::LessonComplete { helped: false }.to_json("role"),
            r#"{"source":"hub-and-mesh","version":2,"type":"lesson-complete","slug":"role","helped":false}"#
        );
        assert!(Outbound::LessonComplete { helped: true }.to_json("role").ends_with(r#""helped":true}"#));
        assert_eq!(
            Outbound::QuizComplete { score: 2, total: 3 }.to_json("data"),
            r#"{"source":"hub-and-mesh","version":2,"type":"quiz-complete","slug":"data","score":2,"total":3}"#
        );
        assert!(Outbound::Resize { height: 812 }.to_json("sandbox").ends_with(r#""slug":"sandbox","height":812}"#));
    }

    #[test]
    fn inbound_messages_are_validated() {
        assert_eq!(parse_inbound(r#"{"type":"reset"}"#), Ok(Inbound::Reset));
        assert_eq!(parse_inbound(r#"{"type":"ping","source":"my-course"}"#), Ok(Inbound::Ping));
        for bad in [
            "",
            "reset",
            r#""reset""#,
            "[1,2]",
            "{}",
            r#"{"type":5}"#,
            r#"{"type":"format-disk"}"#,
            r#"{"type":"reset","source":"hub-and-mesh"}"#,
            &format!(r#"{{"type":"reset","pad":"{}"}}"#, "x".repeat(3000)),
            &"[".repeat(5000),
        ] {
            assert!(parse_inbound(bad).is_err(), "{bad:.40}");
        }
    }
}
