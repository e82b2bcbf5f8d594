use super::*;

const HOSTILE: [&str; 8] = [
    r#"<script>alert("x")</script>"#,
    r#"" onmouseover="alert(1)"#,
    "' onfocus='alert(1)",
    "javascript:alert(1)",
    "&lt;already escaped&gt; & more",
    "</p><img src=x onerror=alert(1)>",
    "a\"b'c<d>e&f",
    "<!-- --> <![CDATA[ ]]>",
];

#[test]
fn markup_characters_are_escaped() {
    assert_eq!(escape(r#"<a href="x">Hub & Mesh</a>"#), "&lt;a href=&quot;x&quot;&gt;Hub &amp; Mesh&lt;/a&gt;");
    assert_eq!(escape("it's"), "it&#39;s");
}

#[test]
fn hostile_text_never_becomes_markup_in_text_or_attributes() {
    for bad in HOSTILE {
        let mut m = Markup::new();
        m.raw("<p title=\"").text(bad).raw("\" data-x='").text(bad).raw("'>").text(bad).raw("</p>");
        let s = m.as_str();
        // Only the fixed markup opens tags and quotes attributes.
        assert_eq!(s.matches('<').count(), 2, "{bad:?}: only the <p> and </p> written here: {s}");
        assert_eq!(s.matches('>').count(), 2, "{bad:?}: {s}");
        assert_eq!(s.matches('"').count(), 2, "{bad:?}: the title's own quotes only: {s}");
        assert_eq!(s.matches('\'').count(), 2, "{bad:?}: data-x's own quotes only: {s}");
        // Every & starts one of the entities escaping wrote.
        for (i, _) in s.match_indices('&') {
            let rest = &s[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)),
                "{bad:?}: a bare & at {i}: {s}"
            );
        }
        // No element but the paragraph: "javascript:" and "src=x" stay text.
        assert!(!s.contains("<img") && !s.contains("<script") && !s.contains("<!"), "{s}");
    }
}

#[test]
fn from_text_escapes_and_from_static_keeps() {
    assert_eq!(Markup::from_text("<b>").as_str(), "&lt;b&gt;");
    assert_eq!(Markup::from_static("<b>").as_str(), "<b>");
    let mut whole = Markup::from_static("<i>");
    whole.markup(&Markup::from_text("a&b")).raw("</i>");
    assert_eq!(whole.into_string(), "<i>a&amp;b</i>");
}

#[test]
fn numbers_are_written_without_the_float_formatter() {
    for (x, d, want) in [
        (0.0, 2, "0.00"),
        (1.005, 2, "1.00"),
        (12.345, 1, "12.3"),
        (-0.04, 1, "0.0"),
        (-3.25, 2, "-3.25"),
        (199.999, 2, "200.00"),
        (7.0, 0, "7"),
        (0.05, 3, "0.050"),
        (f64::NAN, 2, "0.00"),
        (f64::INFINITY, 1, "0.0"),
        (1e300, 1, "900000000000000.0"),
    ] {
        assert_eq!(fixed(x, d), want, "{x} to {d}");
    }
    for i in 0..2000 {
        let x = f64::from(i) * 0.173 - 100.0;
        let ours: f64 = fixed(x, 2).parse().unwrap();
        assert!((ours - x).abs() <= 0.005 + 1e-9, "{x} -> {ours}");
    }
}
