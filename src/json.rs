//! A small JSON reader and writer for saved progress and the messages of
//! the course-site protocol: enough for objects, arrays, strings, numbers,
//! booleans and null, with a depth limit so that a tampered value cannot
//! exhaust the stack. The shape of the data is checked by its users
//! (`progress::store`, `embed::protocol`), not here.
//!
//! Kept rather than serde_json for the bundle: serde_json's reader and
//! writer in its place grew the app from 257,810 to 272,494 bytes gzipped
//! (+14.7 KB, measured 2026-11-30 with `node scripts/bundle-report.mjs`),
//! about a twentieth of the app's budget. The native side (the command
//! line, the tests) uses serde_json.

use std::fmt::Write;

/// Nesting deeper than this is refused (progress is three levels deep).
const MAX_DEPTH: u32 = 32;
/// Longer input is refused before parsing (progress is well under 4 KB).
pub const MAX_LEN: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => {
                if n.is_finite() {
                    out.push_str(&crate::decimal::shortest(*n));
                } else {
                    out.push_str("null");
                }
            }
            Value::String(s) => write_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Object(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Where and why parsing stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub at: usize,
    pub reason: &'static str,
}

pub fn parse(text: &str) -> Result<Value, ParseError> {
    parse_up_to(text, MAX_LEN)
}

/// `parse`, refusing input longer than `max_len` bytes.
pub fn parse_up_to(text: &str, max_len: usize) -> Result<Value, ParseError> {
    if text.len() > max_len {
        return Err(ParseError { at: 0, reason: "too long" });
    }
    let mut p = Parser { bytes: text.as_bytes(), pos: 0 };
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return Err(p.error("unexpected text after the value"));
    }
    Ok(v)
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, reason: &'static str) -> ParseError {
        ParseError { at: self.pos, reason }
    }

    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("unknown word"))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_ws();
        match self.bytes.get(self.pos) {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'[') => self.sequence(b']', "expected , or ]", |p| p.value(depth + 1)).map(Value::Array),
            Some(b'{') => self.sequence(b'}', "expected , or }", |p| p.field(depth + 1)).map(Value::Object),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    /// An array's items or an object's fields: skips the opening bracket,
    /// then reads `element`s separated by commas up to `close`.
    fn sequence<T>(
        &mut self,
        close: u8,
        unclosed: &'static str,
        mut element: impl FnMut(&mut Self) -> Result<T, ParseError>,
    ) -> Result<Vec<T>, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        if self.eat(close) {
            return Ok(items);
        }
        loop {
            items.push(element(self)?);
            if self.eat(close) {
                return Ok(items);
            }
            if !self.eat(b',') {
                return Err(self.error(unclosed));
            }
        }
    }

    /// One `"name": value` of an object, the value at `depth`.
    fn field(&mut self, depth: u32) -> Result<(String, Value), ParseError> {
        self.skip_ws();
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a field name"));
        }
        let key = self.string()?;
        if !self.eat(b':') {
            return Err(self.error("expected :"));
        }
        Ok((key, self.value(depth)?))
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        while matches!(self.bytes.get(self.pos), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.pos += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.pos])
            .ok()
            .and_then(crate::number::parse_decimal)
            .filter(|n| n.is_finite())
            .map(Value::Number)
            .ok_or_else(|| self.error("bad number"))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        // Caller has checked the opening quote.
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while !matches!(self.bytes.get(self.pos), None | Some(b'"' | b'\\')) {
                self.pos += 1;
            }
            // Slicing at ASCII quote or backslash keeps UTF-8 boundaries.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.pos]).map_err(|_| self.error("bad text"))?);
            match self.bytes.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                _ => {
                    let escaped = self.bytes.get(self.pos + 1).copied();
                    self.pos += 2;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(b'r') => out.push('\r'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'u') => {
                            let hex = self.bytes.get(self.pos..self.pos + 4).ok_or_else(|| self.error("bad escape"))?;
                            let code = std::str::from_utf8(hex)
                                .ok()
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                                .ok_or_else(|| self.error("bad escape"))?;
                            self.pos += 4;
                            // Surrogate pairs never occur in progress; refuse rather than guess.
                            out.push(char::from_u32(code).ok_or_else(|| self.error("bad escape"))?);
                        }
                        _ => return Err(self.error("bad escape")),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: &Value) -> Value {
        let mut s = String::new();
        v.write(&mut s);
        parse(&s).unwrap()
    }

    #[test]
    fn reads_what_it_writes() {
        let v = Value::Object(vec![
            ("version".into(), Value::Number(1.0)),
            ("name".into(), Value::String("quote \" slash \\ tab\t é 🙂".into())),
            ("list".into(), Value::Array(vec![Value::Bool(true), Value::Null, Value::Number(-2.5e3)])),
            ("empty".into(), Value::Object(vec![])),
        ]);
        assert_eq!(round_trip(&v), v);
    }

    #[test]
    fn reads_ordinary_json() {
        let v = parse(" { \"a\" : [1, 2.5, -3e2] , \"b\":{\"c\":\"\\u00e9\\n\"} } ").unwrap();
        assert_eq!(v.get("a"), Some(&Value::Array(vec![Value::Number(1.0), Value::Number(2.5), Value::Number(-300.0)])));
        assert_eq!(v.get("b").and_then(|b| b.get("c")), Some(&Value::String("é\n".into())));
    }

    #[test]
    fn refuses_broken_input_without_panicking() {
        for bad in [
            "", "{", "}", "[1,", "[1 2]", "{\"a\" 1}", "{a:1}", "\"open", "tru", "nul", "1e999", "-", "01x",
            "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "[]]", "{\"a\":1,}", "\u{0}",
        ] {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn broken_lists_and_objects_say_where_and_what() {
        let refusal = |text: &str| parse(text).map(|_| ()).unwrap_err();
        assert_eq!(refusal("[1 2]"), ParseError { at: 3, reason: "expected , or ]" });
        assert_eq!(refusal("{\"a\":1 \"b\":2}"), ParseError { at: 7, reason: "expected , or }" });
        assert_eq!(refusal("{a:1}"), ParseError { at: 1, reason: "expected a field name" });
        assert_eq!(refusal("{\"a\" 1}"), ParseError { at: 5, reason: "expected :" });
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(1_000);
        assert_eq!(parse(&deep).unwrap_err().reason, "nested too deeply");
        let long = format!("\"{}\"", "x".repeat(MAX_LEN));
        assert_eq!(parse(&long).unwrap_err().reason, "too long");
    }
}
