//! Reading a decimal number from text, the same in the browser and
//! natively. Both platforms round correctly, so a number reads to the same
//! bits on both; the browser build asks the JavaScript engine, because
//! Rust's own parser brings its code and tables of powers into the Wasm:
//! 13,666 bytes of the gzipped Wasm (290,602 before, 276,936 after).

/// A plain decimal: an optional sign, digits with at most one point, and an
/// optional exponent (`-1.5`, `.5`, `2e3`). Nothing else: no spaces, no
/// `inf` or `NaN`, no hexadecimal.
pub fn parse_decimal(text: &str) -> Option<f64> {
    is_decimal(text).then(|| platform(text)).flatten()
}

fn is_decimal(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        i += usize::from(matches!(b.get(i), Some(b'+' | b'-')));
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(not(target_arch = "wasm32"))]
fn platform(text: &str) -> Option<f64> {
    text.parse().ok()
}

// ECMAScript asks for correct rounding up to 20 significant digits and
// allows an approximation beyond; the engines round correctly in full
// (tests/number_cases.txt holds cases of 30 digits and more), and the lessons'
// numbers have far fewer.
#[cfg(target_arch = "wasm32")]
fn platform(text: &str) -> Option<f64> {
    let x = js_sys::parse_float(text);
    (!x.is_nan()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_decimals_as_std_does() {
        for s in ["0", "-0", "+3", "1.5", ".5", "5.", "2e3", "2E-3", "-1.25e+2", "0.1", "123456789.123456789", "1e400"] {
            assert_eq!(parse_decimal(s).map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{s}");
        }
    }

    /// The same table runs in the browser (tests/web_app.rs), where the
    /// engine's parser reads it.
    #[test]
    fn reads_each_case_to_its_bits() {
        for line in include_str!("../tests/number_cases.txt").lines().filter(|l| !l.starts_with('#')) {
            let (text, bits) = line.split_once(' ').unwrap();
            assert_eq!(parse_decimal(text).map(f64::to_bits), u64::from_str_radix(bits, 16).ok(), "{text}");
        }
    }

    #[test]
    fn refuses_anything_else() {
        for s in ["", "+", "-", ".", "e3", "1e", "1e+", "1.2.3", " 1", "1 ", "inf", "NaN", "infinity", "0x10", "1_000", "1,5", "--1", "1e3.5", "١"] {
            assert_eq!(parse_decimal(s), None, "{s:?}");
        }
    }
}
