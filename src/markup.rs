//! Text into HTML. Pages with much fixed text are written as HTML strings
//! rather than `html!` trees: the strings compress far better in the Wasm
//! bundle than the code that builds the same elements one by one.

/// Text made safe to stand inside HTML, attributes included.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(super::escape(r#"<a href="x">Hub & Mesh</a>"#), "&lt;a href=&quot;x&quot;&gt;Hub &amp; Mesh&lt;/a&gt;");
    }
}
