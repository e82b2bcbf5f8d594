//! Lesson text into markup: `*emphasis*`, `` `a formula` `` and `{key}`
//! filled from the claims ledger; everything else escaped. A key the
//! ledger lacks shows as written (a native test makes sure none does).

use crate::lessons::text::{Claim, LessonText, Show};
use crate::decimal::fixed;
use crate::markup::Markup;

/// A claim's value as the text shows it.
pub fn show(claim: &Claim) -> String {
    let v = claim.value;
    match Show::from_name(&claim.show) {
        Some(Show::Percent) => format!("{}%", fixed(v * 100.0, 0)),
        Some(Show::PercentTenth) => format!("{}%", fixed(v * 100.0, 1)),
        Some(Show::Whole) => thousands(v),
        Some(Show::Tenths) => fixed(v, 1),
        Some(Show::Hundredths) => fixed(v, 2),
        Some(Show::Money) => format!("${}", fixed(v, 2)),
        None => fixed(v, 2),
    }
}

/// A whole number with commas between thousands ("40,000").
fn thousands(v: f64) -> String {
    let digits = fixed(v.abs(), 0);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < -0.5 {
        out.insert(0, '-');
    }
    out
}

impl Show {
    pub fn from_name(name: &str) -> Option<Show> {
        Some(match name {
            "percent" => Show::Percent,
            "percent-tenth" => Show::PercentTenth,
            "whole" => Show::Whole,
            "tenths" => Show::Tenths,
            "hundredths" => Show::Hundredths,
            "money" => Show::Money,
            _ => return None,
        })
    }
}

/// The pieces of a text: plain runs, emphasis, formulas and placeholders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Emphasis(&'a str),
    Formula(&'a str),
    Value(&'a str),
    /// A glossary term at its first use: `[swarm]`.
    Term(&'a str),
}

/// Splits a text into its pieces. An opening mark without its closing one
/// is plain text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = rest.find(['*', '`', '{', '[']);
        let Some(at) = next else {
            out.push(Piece::Plain(rest));
            break;
        };
        let (mark, close) = match rest.as_bytes()[at] {
            b'*' => ('*', '*'),
            b'`' => ('`', '`'),
            b'[' => ('[', ']'),
            _ => ('{', '}'),
        };
        let body_start = at + 1;
        let Some(len) = rest[body_start..].find(close) else {
            out.push(Piece::Plain(rest));
            break;
        };
        if at > 0 {
            out.push(Piece::Plain(&rest[..at]));
        }
        let body = &rest[body_start..body_start + len];
        out.push(match mark {
            '*' => Piece::Emphasis(body),
            '`' => Piece::Formula(body),
            '[' => Piece::Term(body),
            _ => Piece::Value(body),
        });
        rest = &rest[body_start + len + 1..];
    }
    out
}

fn value_text(key: &str, ledger: &[Claim]) -> String {
    ledger.iter().find(|c| c.key == key).map_or_else(|| format!("{{{key}}}"), show)
}

/// The text as markup, its numbers and terms from its lesson's words.
pub fn render(text: &str, words: &LessonText) -> Markup {
    render_terms(text, words, true)
}

/// The same, each term marked as the app marks it but without its
/// definition: for the page painted before the app loads, which the app
/// replaces (the definitions of every lesson would weigh on every visit).
pub fn render_marked(text: &str, words: &LessonText) -> Markup {
    render_terms(text, words, false)
}

fn render_terms(text: &str, words: &LessonText, define: bool) -> Markup {
    render_with(text, "<code class=\"formula\">", |out, piece| {
        match piece {
            Piece::Value(k) => out.text(&value_text(k, &words.ledger)),
            Piece::Term(word) if define => defined(out, word, words),
            Piece::Term(word) if words.term(word).is_some() => out.raw("<span class=\"term\"><dfn>").text(word).raw("</dfn></span>"),
            Piece::Term(word) | Piece::Plain(word) | Piece::Emphasis(word) | Piece::Formula(word) => out.text(word),
        };
    })
}

/// Plain runs, emphasis and formulas (opened with `code`) as markup; `mark`
/// writes the values and terms.
fn render_with(text: &str, code: &'static str, mut mark: impl FnMut(&mut Markup, Piece)) -> Markup {
    let mut out = Markup::new();
    for piece in pieces(text) {
        match piece {
            Piece::Plain(s) => out.text(s),
            Piece::Emphasis(s) => out.raw("<em>").text(s).raw("</em>"),
            Piece::Formula(s) => out.raw(code).text(s).raw("</code>"),
            other => {
                mark(&mut out, other);
                &mut out
            }
        };
    }
    out
}

/// A term with its definition, shown on hover or keyboard focus and read
/// by screen readers as the word's description. A term is marked once a
/// lesson (a test keeps it so), so its id is unique on the page.
fn defined<'m>(out: &'m mut Markup, word: &str, words: &LessonText) -> &'m mut Markup {
    let Some(t) = words.term(word) else { return out.text(word) };
    out.raw("<span class=\"term\"><dfn tabindex=\"0\" aria-describedby=\"term-").text(&t.id).raw("\">").text(word);
    out.raw("</dfn><span class=\"term-def\" role=\"tooltip\" id=\"term-").text(&t.id).raw("\"><b>").text(&t.word);
    out.raw("</b>: ").text(&t.definition).raw("</span></span>")
}

/// Text that has no ledger or glossary of its own (the teach page's
/// guide): emphasis and code; a `{...}` or `[...]` stays as written.
pub fn render_guide(text: &str) -> Markup {
    render_with(text, "<code>", |out, piece| {
        match piece {
            Piece::Value(s) => out.raw("{").text(s).raw("}"),
            Piece::Term(s) => out.raw("[").text(s).raw("]"),
            Piece::Plain(s) | Piece::Emphasis(s) | Piece::Formula(s) => out.text(s),
        };
    })
}

/// The text as plain words (for labels and announcements): marks dropped,
/// values filled.
pub fn plain(text: &str, words: &LessonText) -> String {
    pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Plain(s) | Piece::Emphasis(s) | Piece::Formula(s) | Piece::Term(s) => s.to_owned(),
            Piece::Value(k) => value_text(k, &words.ledger),
        })
        .collect()
}
