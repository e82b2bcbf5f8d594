//! Progress as a short code to type on another device, with no file: a few
//! bits a lesson (what was reached, and each prediction and answer by its
//! option's position), a checksum, in Crockford's base 32 (no I, L, O or U
//! to misread), in groups of five. The run's measured value beside the
//! prediction is left out; a file keeps it.
//!
//! Positions name options, so a code is read only by a build whose lessons
//! list the same options in the same order: the checksum covers every id,
//! and a code from a build that differs is refused, never misread.

use crate::lessons::text::{prediction_ids, quiz_ids};
use crate::lessons::LessonSlug;
use crate::progress::model::{LessonProgress, Progress};
use crate::progress::transfer::{fnv1a, Refused};

/// The code's own format; a code of another is refused.
const FORMAT: u32 = 1;
const CHECK_BITS: u32 = 20;
const OPTION_BITS: u32 = 3;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The longest code accepted, separators included.
const MAX_LEN: usize = 200;

struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

struct Reader<'a> {
    bits: &'a [bool],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, width: u32) -> Option<u32> {
        let mut value = 0;
        for _ in 0..width {
            value = value << 1 | u32::from(*self.bits.get(self.at)?);
            self.at += 1;
        }
        Some(value)
    }
}

/// FNV-1a over every option id of this build and the payload, cut to the
/// checksum's width.
fn check(payload: &[u8]) -> u32 {
    let mut all = Vec::new();
    for slug in LessonSlug::ALL {
        let mut add = |id: &str| {
            all.extend_from_slice(id.as_bytes());
            all.push(0);
        };
        prediction_ids(slug).iter().for_each(|id| add(id));
        for (q, options) in quiz_ids(slug) {
            add(q);
            options.iter().for_each(|id| add(id));
        }
    }
    all.extend_from_slice(payload);
    fnv1a(all) & ((1 << CHECK_BITS) - 1)
}

/// An option's position plus one, or 0 for none (or one this build lacks).
fn position(ids: &[&str], id: Option<&str>) -> u32 {
    id.and_then(|id| ids.iter().position(|x| *x == id)).map_or(0, |i| i as u32 + 1)
}

fn flags(l: &LessonProgress) -> [bool; 5] {
    [l.started, l.revealed, l.task_done, l.helped, l.completed]
}

fn payload(progress: &Progress) -> Bits {
    let mut bits = Bits { bytes: Vec::new(), len: 0 };
    bits.push(FORMAT, 4);
    for slug in LessonSlug::ALL {
        let l = progress.lesson(slug);
        for flag in flags(l) {
            bits.push(u32::from(flag), 1);
        }
        bits.push(position(prediction_ids(slug), l.prediction.as_deref()), OPTION_BITS);
        for (q, options) in quiz_ids(slug) {
            bits.push(position(options, l.first_answer(q)), OPTION_BITS);
            bits.push(position(options, l.answer(q)), OPTION_BITS);
        }
    }
    bits
}

/// The code for this progress.
pub fn encode(progress: &Progress) -> String {
    let mut bits = payload(progress);
    bits.push(check(&bits.bytes), CHECK_BITS);
    let total = bits.len.div_ceil(5) * 5;
    let mut chars = String::new();
    for start in (0..total).step_by(5) {
        let mut v = 0;
        for i in start..start + 5 {
            let bit = i < bits.len && bits.bytes[i / 8] & (0x80 >> (i % 8)) != 0;
            v = v << 1 | usize::from(bit);
        }
        if start > 0 && start % 25 == 0 {
            chars.push('-');
        }
        chars.push(ALPHABET[v] as char);
    }
    chars
}

/// The progress a code carries. Refuses, with the reason, a code that is
/// mistyped, too long, or made by a build whose lessons differ.
pub fn decode(code: &str) -> Result<Progress, Refused> {
    if code.len() > MAX_LEN {
        return Err(Refused("it is longer than any progress code".into()));
    }
    let mut bits = Vec::new();
    for c in code.chars().filter(|c| !matches!(c, '-' | ' ' | '\n' | '\t')) {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let Some(v) = ALPHABET.iter().position(|&a| a as char == c) else {
            return Err(Refused("a progress code holds only letters and digits (and hyphens between groups)".into()));
        };
        bits.extend((0..5).rev().map(|i| v >> i & 1 == 1));
    }
    let mistyped = || Refused("the code is mistyped, or comes from another version of Hub & Mesh: check it and try again".into());
    let mut r = Reader { bits: &bits, at: 0 };
    if r.take(4).ok_or_else(mistyped)? != FORMAT {
        return Err(mistyped());
    }
    let mut progress = Progress::default();
    for slug in LessonSlug::ALL {
        let l = progress.lesson_mut(slug);
        let mut flag = || r.take(1).map(|b| b == 1).ok_or_else(mistyped);
        (l.started, l.revealed, l.task_done, l.helped, l.completed) = (flag()?, flag()?, flag()?, flag()?, flag()?);
        let option = |ids: &'static [&'static str], at: u32| -> Result<Option<&'static str>, Refused> {
            match at {
                0 => Ok(None),
                n => ids.get(n as usize - 1).copied().map(Some).ok_or_else(mistyped),
            }
        };
        l.prediction = option(prediction_ids(slug), r.take(OPTION_BITS).ok_or_else(mistyped)?)?.map(str::to_owned);
        for (q, options) in quiz_ids(slug) {
            let first = option(options, r.take(OPTION_BITS).ok_or_else(mistyped)?)?;
            let latest = option(options, r.take(OPTION_BITS).ok_or_else(mistyped)?)?;
            if let Some(first) = first {
                l.set_answer(q, first);
            }
            if let Some(latest) = latest {
                l.set_answer(q, latest);
            }
        }
    }
    let end = r.at;
    let payload = payload(&progress);
    let sum = r.take(CHECK_BITS).ok_or_else(mistyped)?;
    // What is left is the last character's padding, which must be zeros.
    if end != payload.len || sum != check(&payload.bytes) || bits[r.at..].iter().any(|&b| b) || bits.len() - r.at >= 5 {
        return Err(mistyped());
    }
    Ok(progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Action;

    fn played() -> Progress {
        let mut p = Progress::default();
        for slug in LessonSlug::ALL {
            let prediction = prediction_ids(slug)[slug.position() as usize % prediction_ids(slug).len()];
            p.apply(Action::Predicted { slug, option: prediction.to_owned() });
            p.apply(Action::Revealed { slug, observed: None });
            if slug.position() % 2 == 0 {
                p.apply(Action::Helped(slug));
                p.apply(Action::TaskDone(slug));
            }
            for (q, options) in quiz_ids(slug) {
                p.apply(Action::Answered { slug, question: (*q).to_owned(), option: options[options.len() - 1].to_owned() });
                p.apply(Action::Answered { slug, question: (*q).to_owned(), option: options[0].to_owned() });
            }
        }
        p
    }

    #[test]
    fn a_code_carries_every_lesson_in_under_two_hundred_characters() {
        for p in [Progress::default(), played()] {
            let code = encode(&p);
            assert!(code.len() <= MAX_LEN, "{} characters: {code}", code.len());
            assert_eq!(decode(&code), Ok(p.clone()));
            assert_eq!(decode(&code.to_lowercase().replace('-', " ")), Ok(p), "case and separators do not matter");
        }
    }

    #[test]
    fn a_mistyped_tampered_or_long_code_is_refused() {
        let code = encode(&played());
        let mut refused = 0;
        // Every single-character change is caught.
        for (i, c) in code.char_indices().filter(|(_, c)| *c != '-') {
            let other = if c == 'Z' { 'Y' } else { ALPHABET[ALPHABET.iter().position(|&a| a as char == c).unwrap() + 1] as char };
            let typo: String = code.chars().enumerate().map(|(j, d)| if j == i { other } else { d }).collect();
            refused += usize::from(decode(&typo).is_err());
        }
        assert_eq!(refused, code.chars().filter(|c| *c != '-').count());
        assert!(decode(&code[..code.len() - 3]).is_err(), "cut short");
        assert!(decode(&format!("{code}0")).is_err(), "too long by a character");
        assert!(decode("").is_err());
        assert!(decode(&"0".repeat(MAX_LEN + 1)).unwrap_err().0.contains("longer than any progress code"));
        assert!(decode("HM!-?").unwrap_err().0.contains("only letters and digits"));
    }
}
