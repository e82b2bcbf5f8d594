//! Writing a number as decimal text, the same in the browser and natively,
//! without core's float formatter: `format!("{x}")`, `{x:.1}` and `{x:?}`
//! of an `f64` bring Grisu, Dragon and their tables into the Wasm, 7,554
//! bytes of the gzipped app (299,949 with them, 292,395 without). The digits
//! here come from the exact binary value by integer arithmetic, so they
//! agree with std's to the byte (the tests compare them). The bundle report
//! fails if the formatter comes back.

/// `x` with `digits` decimals, as `format!("{x:.digits$}")` writes it: the
/// decimal nearest the exact binary value, a tie going to the even digit.
pub fn fixed(x: f64, digits: usize) -> String {
    write(x, digits, Tie::ToEven)
}

/// Where a value exactly halfway between two decimals goes. std's fixed
/// decimals take the even one; its shortest form rounds such a tie up.
#[derive(Clone, Copy, PartialEq)]
enum Tie {
    ToEven,
    Up,
}

fn write(x: f64, digits: usize, tie: Tie) -> String {
    render(x, &all_digits(x, digits, tie), digits)
}

/// Sign, digits and point, or what std writes for a value with no digits.
fn render(x: f64, text: &[u8], digits: usize) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let (int, frac) = text.split_at(text.len() - digits);
    let int = std::str::from_utf8(int).unwrap_or("0");
    let frac = std::str::from_utf8(frac).unwrap_or("");
    if digits == 0 { format!("{sign}{int}") } else { format!("{sign}{int}.{frac}") }
}

/// The digits of `|x|` rounded to `digits` decimals, with no point: at least
/// one before it. Empty for a value that is not finite.
fn all_digits(x: f64, digits: usize, tie: Tie) -> Vec<u8> {
    if !x.is_finite() {
        return Vec::new();
    }
    let (mantissa, exp) = parts(x.abs());
    // x = mantissa · 2^exp. With exp < 0 the fraction is `fraction / 2^shift`.
    let shift = exp.min(0).unsigned_abs() as usize;
    let mut whole = Big::from_u64(if shift >= 64 { 0 } else { mantissa >> shift });
    whole.shift_left(exp.max(0) as usize);
    let mut fraction = Big::from_u64(if shift >= 64 { mantissa } else { mantissa & ((1u64 << shift) - 1) });
    let mut text = whole.to_decimal();
    for _ in 0..digits {
        fraction.mul_small(10);
        text.push(b'0' + fraction.take_above(shift) as u8);
    }
    // Twice the rest against one: above half, a half, or below.
    fraction.mul_small(2);
    let above_half = fraction.take_above(shift) == 1;
    let last_odd = text.last().is_some_and(|d| (d - b'0') % 2 == 1);
    if above_half && (!fraction.is_zero() || last_odd || tie == Tie::Up) {
        round_up(&mut text);
    }
    text
}

/// `x` with the fewest decimals that read back as `x`: what `format!("{x}")`
/// writes for any `x` below 2^53 in size (above it every `f64` is whole,
/// and this writes its exact value where std may round off the last digits).
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return fixed(x, 0);
    }
    // Fewer decimals than zeros after the point write 0: start below the
    // first digit (x < 2^(exp + 53), and log10(2) > 0.30102).
    let (mantissa, exp) = parts(x.abs());
    let exp = if mantissa == 0 { 0 } else { exp };
    let start = (-(i64::from(exp) + 53) * 30_102 / 100_000 - 1).max(0) as usize;
    // Below a power of two the gap to the next value down is half the gap
    // up, so the nearest decimal may miss where the next one up reads back.
    let power_of_two = mantissa == 1 << 52;
    let reads_back = |s: &String| crate::number::parse_decimal(s) == Some(x);
    // 1074 decimals hold any f64 exactly, so the search always ends.
    for digits in start..=1074 {
        let mut text = all_digits(x, digits, Tie::Up);
        let nearest = render(x, &text, digits);
        if reads_back(&nearest) {
            return nearest;
        }
        if power_of_two {
            round_up(&mut text);
            let above = render(x, &text, digits);
            if reads_back(&above) {
                return above;
            }
        }
    }
    fixed(x, 1074)
}

/// Mantissa and binary exponent of a finite, non-negative `x`.
fn parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

fn round_up(text: &mut Vec<u8>) {
    for d in text.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return;
        }
    }
    text.insert(0, b'1');
}

/// An unsigned integer of any size, little-endian 32-bit limbs: just what
/// the digits above need.
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }

    fn shift_left(&mut self, bits: usize) {
        let (limbs, bits) = (bits / 32, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for l in &mut self.0 {
                let next = *l >> (32 - bits);
                *l = (*l << bits) | carry;
                carry = next;
            }
            self.0.push(carry);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for l in &mut self.0 {
            let v = u64::from(*l) * u64::from(k) + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// Removes and returns the bits from `bit` up, which callers keep below
    /// 2^32 (a digit, or one bit).
    fn take_above(&mut self, bit: usize) -> u32 {
        let (limb, offset) = (bit / 32, bit % 32);
        let mut high = 0u64;
        for (i, l) in self.0.iter_mut().enumerate().skip(limb) {
            let keep = if i == limb { (1u64 << offset) as u32 - 1 } else { 0 };
            let part = u64::from(*l & !keep);
            high |= if i == limb { part >> offset } else { part.checked_shl((32 * (i - limb) - offset) as u32).unwrap_or(0) };
            *l &= keep;
        }
        high as u32
    }

    /// Decimal digits, most significant first, at least one.
    fn to_decimal(&self) -> Vec<u8> {
        let mut limbs = self.0.clone();
        let mut groups = Vec::new();
        while limbs.iter().any(|&l| l != 0) {
            let mut rest = 0u64;
            for l in limbs.iter_mut().rev() {
                let v = (rest << 32) | u64::from(*l);
                *l = (v / 1_000_000_000) as u32;
                rest = v % 1_000_000_000;
            }
            groups.push(rest as u32);
        }
        let mut out = Vec::new();
        for (i, g) in groups.iter().rev().enumerate() {
            let mut chunk = [b'0'; 9];
            let mut g = *g;
            for c in chunk.iter_mut().rev() {
                *c = b'0' + (g % 10) as u8;
                g /= 10;
            }
            let skip = if i == 0 { chunk.iter().position(|&c| c != b'0').unwrap_or(8) } else { 0 };
            out.extend_from_slice(&chunk[skip..]);
        }
        if out.is_empty() {
            out.push(b'0');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic spread of doubles: every exponent, random mantissas,
    /// and the values rounding is most likely to get wrong.
    fn samples() -> Vec<f64> {
        let mut out = vec![0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e21, 1e-7, 123.456, 0.1, 0.2, 0.3, 1.0 / 3.0, 9.995, 99.95, 0.05];
        out.extend([f64::MIN_POSITIVE, 5e-324, f64::MAX, f64::EPSILON, 2f64.powi(53), 2f64.powi(53) - 1.0, 2f64.powi(64)]);
        // Powers of two, where the gap below is half the gap above.
        out.extend((-1074..1024).map(|k| 2f64.powi(k)));
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..4000 {
            let x = f64::from_bits(next() & !(0x7ffu64 << 52) | ((next() % 2046 + 1) << 52));
            out.push(x);
        }
        for _ in 0..4000 {
            // Values the app shows: a few decimals, near ties.
            let whole = (next() % 100_000) as f64;
            out.push(whole / 1000.0 + (next() % 3) as f64 * 5e-4);
        }
        out
    }

    #[test]
    fn fixed_writes_what_std_writes() {
        for x in samples() {
            for digits in [0, 1, 2, 3, 6, 17] {
                assert_eq!(fixed(x, digits), format!("{x:.digits$}"), "{:e} to {digits}", x);
            }
        }
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(fixed(f64::INFINITY, 0), "inf");
    }

    #[test]
    fn shortest_writes_what_std_writes_below_two_to_the_53() {
        for x in samples().into_iter().filter(|x| x.abs() < 2f64.powi(53)) {
            assert_eq!(shortest(x), format!("{x}"), "{:e}", x);
        }
    }

    #[test]
    fn shortest_reads_back_everywhere() {
        for x in samples() {
            assert_eq!(crate::number::parse_decimal(&shortest(x)), Some(x), "{:e}", x);
        }
        assert_eq!(shortest(1e23), "99999999999999991611392");
    }

    #[test]
    fn ties_go_to_the_even_digit() {
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(0.375, 2), "0.38");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(9.5, 0), "10");
        assert_eq!(fixed(-0.0, 1), "-0.0");
    }
}
