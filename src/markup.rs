//! Markup that is safe by construction. Pages with much fixed text, the
//! charts and the comparison table are written as HTML strings rather than
//! `html!` trees: the strings compress far better in the Wasm bundle than
//! the code that builds the same elements one by one. A `Markup` is built
//! only from `'static` strings written in the source, escaped text and
//! numbers, so nothing a learner typed, a link carried or saved progress
//! held can become markup. This is the one place such a string becomes the
//! page's HTML.

/// Text made safe to stand inside HTML, attributes included (either quote).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    /// Markup written in the source, as it stands.
    pub fn from_static(s: &'static str) -> Markup {
        Markup(s.to_owned())
    }

    /// Text, escaped.
    pub fn from_text(s: &str) -> Markup {
        Markup(escape(s))
    }

    /// Appends markup written in the source.
    pub fn raw(&mut self, s: &'static str) -> &mut Markup {
        self.0.push_str(s);
        self
    }

    /// Appends text, escaped.
    pub fn text(&mut self, s: &str) -> &mut Markup {
        escape_into(&mut self.0, s);
        self
    }

    /// Appends other markup.
    pub fn markup(&mut self, m: &Markup) -> &mut Markup {
        self.0.push_str(&m.0);
        self
    }

    /// Appends a number with `decimals` places (up to 3).
    pub fn num(&mut self, x: f64, decimals: u32) -> &mut Markup {
        push_fixed(&mut self.0, x, decimals);
        self
    }

    /// Appends a whole number.
    pub fn int(&mut self, x: i64) -> &mut Markup {
        self.0.push_str(&x.to_string());
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// `x` with a fixed number of decimals (at most 3), by integer arithmetic
/// on the scaled value: for drawing, which writes thousands of coordinates
/// a frame, where a last digit off at an exact half does not show. Text a
/// learner reads goes through `decimal::fixed`, exact. Non-finite values
/// print as 0, which keeps an attribute well formed.
pub fn push_fixed(out: &mut String, x: f64, decimals: u32) {
    let decimals = decimals.min(3);
    let scale = 10i64.pow(decimals);
    let scaled = if x.is_finite() { (x * scale as f64).round() } else { 0.0 };
    // Far beyond any drawing; clamped so the cast cannot wrap.
    let scaled = scaled.clamp(-9.0e15, 9.0e15) as i64;
    if scaled < 0 {
        out.push('-');
    }
    let abs = scaled.unsigned_abs();
    out.push_str(&(abs / scale as u64).to_string());
    if decimals > 0 {
        out.push('.');
        let frac = (abs % scale as u64).to_string();
        for _ in frac.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
}

/// `x` with a fixed number of decimals, as a new string.
pub fn fixed(x: f64, decimals: u32) -> String {
    let mut s = String::new();
    push_fixed(&mut s, x, decimals);
    s
}

#[cfg(target_arch = "wasm32")]
impl Markup {
    /// The markup as part of a Yew tree.
    pub fn html(self) -> yew::Html {
        yew::Html::from_html_unchecked(yew::AttrValue::from(self.0))
    }
}

#[cfg(test)]
mod tests;
