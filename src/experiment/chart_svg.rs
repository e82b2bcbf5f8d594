//! A chart as SVG markup: axes, ticks, one line per series (dashed for a
//! bound), point marks so two lines differ by more than colour, an optional
//! marker, and a legend. The page shows this markup and a download saves
//! it, so both are the same drawing; a string also costs the Wasm bundle
//! far less than building the elements one by one.

use crate::experiment::bench::ChartSpec;
use crate::experiment::chart::{tick_label, Scale};
use crate::markup::escape;
use std::fmt::Write;

const W: f64 = 320.0;
const H: f64 = 180.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 30.0;

/// Colours and dashes a saved file needs, since it has no page stylesheet.
const FILE_STYLE: &str = "<style>text{font:9px sans-serif;fill:#4a5360}.axes line,.tick line{stroke:#4a5360}\
    .tick line.grid{stroke:#e3e8ef}.series{fill:none;stroke-width:2}.series-0{stroke:#8a3b00}\
    .series-1{stroke:#0b6b3a}.series-2{stroke:#8a3b00}.series-3{stroke:#0b6b3a}.mark{fill:#fff;stroke-width:1.5}\
    .mark.series-0,.mark.series-2{stroke:#8a3b00}.mark.series-1,.mark.series-3{stroke:#0b6b3a}\
    .dashed{stroke-dasharray:5 3}.marker{stroke:#b45309;stroke-dasharray:2 2}</style>";

/// The drawing itself: an `<svg>` element, `xmlns` and styles included
/// when it is to stand alone as a file.
pub fn svg(spec: &ChartSpec, standalone: bool) -> String {
    let xs = Scale::covering(spec.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)), true);
    let ys = Scale::covering(spec.series.iter().flat_map(|s| s.points.iter().map(|p| p.1)), true);
    let px = |x: f64| LEFT + xs.unit(x) * (W - LEFT - RIGHT);
    let py = |y: f64| H - BOTTOM - ys.unit(y) * (H - TOP - BOTTOM);
    let (base, right) = (H - BOTTOM, W - RIGHT);
    let mut out = format!(
        "<svg {}viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\">{}<g class=\"axes\"><line x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{base}\"/>\
         <line x1=\"{LEFT}\" x2=\"{right}\" y1=\"{base}\" y2=\"{base}\"/></g>",
        if standalone { "xmlns=\"http://www.w3.org/2000/svg\" " } else { "" },
        escape(&format!("{}: {} against {}", spec.title, spec.y_label, spec.x_label)),
        if standalone { FILE_STYLE } else { "" },
    );
    for t in ys.ticks(4) {
        let y = py(t);
        let _ = write!(
            out,
            "<g class=\"tick\"><line class=\"grid\" x1=\"{LEFT}\" x2=\"{right}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text></g>",
            LEFT - 4.0,
            y + 3.0,
            tick_label(t)
        );
    }
    for t in xs.ticks(5) {
        let x = px(t);
        let _ = write!(
            out,
            "<g class=\"tick\"><line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{base}\" y2=\"{}\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            base + 4.0,
            base + 14.0,
            tick_label(t)
        );
    }
    for (i, s) in spec.series.iter().enumerate() {
        let points: Vec<(f64, f64)> = s.points.iter().filter(|p| p.0.is_finite() && p.1.is_finite()).map(|p| (px(p.0), py(p.1))).collect();
        let d: String = points.iter().enumerate().map(|(j, (x, y))| format!("{}{x:.1} {y:.1}", if j == 0 { "M" } else { "L" })).collect();
        let _ = write!(out, "<g><path class=\"series series-{i}{}\" d=\"{d}\"/>", if s.dashed { " dashed" } else { "" });
        // Solid lines also carry point shapes (squares, then circles).
        if !s.dashed && points.len() <= 60 {
            for (x, y) in points {
                let _ = if i % 2 == 0 {
                    write!(out, "<rect class=\"mark series-{i}\" x=\"{:.1}\" y=\"{:.1}\" width=\"5\" height=\"5\"/>", x - 2.5, y - 2.5)
                } else {
                    write!(out, "<circle class=\"mark series-{i}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2.8\"/>")
                };
            }
        }
        out.push_str("</g>");
    }
    if let Some(x) = spec.marker_x {
        let x = px(x);
        let _ = write!(out, "<line class=\"marker\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP}\" y2=\"{base}\"/>");
    }
    let _ = write!(
        out,
        "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></svg>",
        (LEFT + right) / 2.0,
        H - 2.0,
        escape(&spec.x_label)
    );
    out
}

/// The chart as the page shows it: a captioned figure with the drawing,
/// the y axis's name and a legend.
pub fn figure(spec: &ChartSpec) -> String {
    let mut out = format!("<figure class=\"chart\"><figcaption>{}</figcaption>{}<p class=\"chart-y\">{}</p><ul class=\"chart-legend\">", escape(&spec.title), svg(spec, false), escape(&spec.y_label));
    for (i, s) in spec.series.iter().enumerate() {
        let _ = write!(
            out,
            "<li><svg viewBox=\"0 0 20 6\" aria-hidden=\"true\"><path class=\"series series-{i}{}\" d=\"M0 3L20 3\"/></svg>{}</li>",
            if s.dashed { " dashed" } else { "" },
            escape(&s.label)
        );
    }
    out.push_str("</ul></figure>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiment::chart::Series;

    fn spec() -> ChartSpec {
        ChartSpec {
            title: "Time <to> send".into(),
            x_label: "receivers".into(),
            y_label: "seconds".into(),
            series: vec![
                Series { label: "Client-server".into(), points: vec![(1.0, 8.0), (10.0, 80.0)], dashed: false },
                Series { label: "bound".into(), points: vec![(1.0, 8.0), (10.0, 80.0)], dashed: true },
            ],
            marker_x: Some(5.0),
        }
    }

    #[test]
    fn the_figure_has_lines_marks_ticks_marker_and_legend() {
        let html = figure(&spec());
        assert!(html.starts_with("<figure class=\"chart\"><figcaption>Time &lt;to&gt; send</figcaption><svg viewBox"), "{html}");
        assert_eq!(html.matches("<path class=\"series series-").count(), 4, "two lines and two legend swatches");
        assert!(html.contains("class=\"series series-1 dashed\""));
        assert_eq!(html.matches("<rect class=\"mark series-0\"").count(), 2, "the measured line has its points marked");
        assert_eq!(html.matches("class=\"marker\"").count(), 1);
        assert!(html.contains(">80</text>"), "a y tick reaches the top value");
        assert!(!html.contains("xmlns"), "inline SVG needs no namespace");
    }

    #[test]
    fn a_saved_file_stands_alone() {
        let file = svg(&spec(), true);
        assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 180\""));
        assert!(file.contains("<style>") && file.ends_with("</svg>"));
    }
}
