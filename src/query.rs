//! An address's query (`a=1&b=2`, with or without its `?`): finding a
//! value by its key, and percent-encoding, as RFC 3986 has it (`+` is a
//! plus, not a space). One reader for every page that takes settings from
//! its address: an embed's origin, a shared sandbox, a shared record.

/// The raw value of `key` in a query, if the query names it.
pub fn value<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
}

/// The query of a hash route (`#/certificate?r=1` gives `r=1`), if any.
pub fn of_hash(hash: &str) -> Option<&str> {
    hash.split_once('?').map(|(_, query)| query)
}

/// Every byte but letters, digits, `-`, `_` and `~` as `%XX`: safe anywhere
/// in an address, and inside a query's values.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decoding into text; `None` for a broken escape or bytes that
/// are not UTF-8. Other characters are taken as they are, since some
/// browsers hand over an address already decoded.
pub fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = tail.get(..2).filter(|h| h.iter().all(u8::is_ascii_hexdigit))?;
            bytes.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_their_whole_key() {
        assert_eq!(value("?origin=https://a.example&showme=off", "origin"), Some("https://a.example"));
        assert_eq!(value("r=1;role=-.-.-", "r"), Some("1;role=-.-.-"));
        assert_eq!(value("rr=1&r=2", "r"), Some("2"), "not a key that merely starts alike");
        assert_eq!(value("r", "r"), None);
        assert_eq!(value("", "r"), None);
        assert_eq!(of_hash("#/certificate?r=1"), Some("r=1"));
        assert_eq!(of_hash("#/certificate"), None);
    }

    #[test]
    fn encoding_round_trips_and_broken_escapes_are_refused() {
        for text in ["Zoë O'Neil; <b>&", "a+b c", "%41", "", "\u{202e}x"] {
            let encoded = percent_encode(text);
            assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_~%".contains(&b)), "{encoded}");
            assert_eq!(percent_decode(&encoded).as_deref(), Some(text));
        }
        assert_eq!(percent_decode("a+b").as_deref(), Some("a+b"), "a plus is a plus");
        assert_eq!(percent_decode("Zoë O'Neil").as_deref(), Some("Zoë O'Neil"), "already decoded");
        for broken in ["%", "%4", "%G0", "%+A", "%E2%28"] {
            assert_eq!(percent_decode(broken), None, "{broken}");
        }
    }
}
