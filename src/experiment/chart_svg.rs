//! A chart as SVG markup: axes, ticks, one line per series (dashed for a
//! bound), point marks so two lines differ by more than colour, an optional
//! marker, and a legend. The page shows this markup and a download saves
//! it, so both are the same drawing; a string also costs the Wasm bundle
//! far less than building the elements one by one.

use crate::experiment::bench::ChartSpec;
use crate::experiment::chart::{tick_label, Scale};
use crate::markup::Markup;

const W: f64 = 320.0;
const H: f64 = 200.0;
/// Room for the y axis's title and tick labels.
const LEFT: f64 = 58.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 38.0;

/// Colours and dashes a saved file needs, since it has no page stylesheet.
const FILE_STYLE: &str = "<style>text{font:11px sans-serif;fill:#4a5360}.axes line,.tick line{stroke:#4a5360}\
    .tick line.grid{stroke:#e3e8ef}.series{fill:none;stroke-width:2}.series-0{stroke:#8a3b00}\
    .series-1{stroke:#0b6b3a}.series-2{stroke:#8a3b00}.series-3{stroke:#0b6b3a}.mark{fill:#fff;stroke-width:1.5}\
    .mark.series-0,.mark.series-2{stroke:#8a3b00}.mark.series-1,.mark.series-3{stroke:#0b6b3a}\
    .dashed{stroke-dasharray:5 3}.marker{stroke:#b45309;stroke-dasharray:2 2}.failing{fill:#9b1c1c;fill-opacity:.15}</style>";

/// The drawing itself: an `<svg>` element, `xmlns` and styles included
/// when it is to stand alone as a file.
pub fn svg(spec: &ChartSpec, standalone: bool) -> Markup {
    let xs = Scale::covering(spec.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).chain(spec.x_max), true);
    let cap = spec.y_max.unwrap_or(f64::INFINITY);
    let ys = Scale::covering(spec.series.iter().flat_map(|s| s.points.iter().map(move |p| p.1.min(cap))).chain(spec.y_reach), true);
    let px = |x: f64| LEFT + xs.unit(x) * (W - LEFT - RIGHT);
    let py = |y: f64| H - BOTTOM - ys.unit(y) * (H - TOP - BOTTOM);
    let (base, right) = (H - BOTTOM, W - RIGHT);
    let mut out = Markup::from_static("<svg ");
    if standalone {
        out.raw("xmlns=\"http://www.w3.org/2000/svg\" ");
    }
    out.raw("viewBox=\"0 0 ").int(W as i64).raw(" ").int(H as i64).raw("\" role=\"img\" aria-label=\"")
        .text(&format!("{}: {} against {}", spec.title, spec.y_label, spec.x_label))
        .raw("\">");
    if standalone {
        out.raw(FILE_STYLE);
    }
    let line = |out: &mut Markup, class: &'static str, (x1, x2, y1, y2): (f64, f64, f64, f64)| {
        out.raw("<line").raw(class).raw(" x1=\"").num(x1, 1).raw("\" x2=\"").num(x2, 1);
        out.raw("\" y1=\"").num(y1, 1).raw("\" y2=\"").num(y2, 1).raw("\"/>");
    };
    out.raw("<g class=\"axes\">");
    line(&mut out, "", (LEFT, LEFT, TOP, base));
    line(&mut out, "", (LEFT, right, base, base));
    out.raw("</g>");
    for t in ys.ticks(4) {
        let y = py(t);
        out.raw("<g class=\"tick\">");
        line(&mut out, " class=\"grid\"", (LEFT, right, y, y));
        out.raw("<text x=\"").num(LEFT - 4.0, 1).raw("\" y=\"").num(y + 4.0, 1).raw("\" text-anchor=\"end\">");
        out.text(&tick_label(t)).raw("</text></g>");
    }
    for t in xs.ticks(5) {
        let x = px(t);
        out.raw("<g class=\"tick\">");
        line(&mut out, "", (x, x, base, base + 4.0));
        out.raw("<text x=\"").num(x, 1).raw("\" y=\"").num(base + 15.0, 1).raw("\" text-anchor=\"middle\">");
        out.text(&tick_label(t)).raw("</text></g>");
    }
    // An unbounded value (+∞: no answer time covers enough requests) is
    // a shaded stretch, not a point: from the sample before to this one.
    for s in &spec.series {
        for (j, p) in s.points.iter().enumerate().filter(|(_, p)| p.1 == f64::INFINITY) {
            let from = if j == 0 { p.0 } else { s.points[j - 1].0 };
            let (x0, x1) = (px(from), px(p.0));
            out.raw("<rect class=\"failing\" x=\"").num(x0, 1).raw("\" y=\"").num(TOP, 1);
            out.raw("\" width=\"").num((x1 - x0).max(1.0), 1).raw("\" height=\"").num(base - TOP, 1).raw("\"/>");
        }
    }
    for (i, s) in spec.series.iter().enumerate() {
        let data: Vec<(f64, f64)> = s.points.iter().copied().filter(|p| p.0.is_finite() && p.1.is_finite()).collect();
        out.raw("<g><path class=\"series series-").int(i as i64).raw(if s.dashed { " dashed" } else { "" }).raw("\" d=\"");
        for (pen, (x, y)) in within(&data, cap) {
            out.raw(if pen { "L" } else { "M" }).num(px(x), 1).raw(" ").num(py(y), 1);
        }
        out.raw("\"/>");
        // Solid lines also carry point shapes (squares, then circles).
        let marks: Vec<(f64, f64)> = data.iter().filter(|p| p.1 <= cap).map(|p| (px(p.0), py(p.1))).collect();
        if !s.dashed && data.len() <= 60 {
            for (x, y) in marks {
                out.raw(if i % 2 == 0 { "<rect class=\"mark series-" } else { "<circle class=\"mark series-" }).int(i as i64);
                if i % 2 == 0 {
                    out.raw("\" x=\"").num(x - 2.5, 1).raw("\" y=\"").num(y - 2.5, 1).raw("\" width=\"5\" height=\"5\"/>");
                } else {
                    out.raw("\" cx=\"").num(x, 1).raw("\" cy=\"").num(y, 1).raw("\" r=\"2.8\"/>");
                }
            }
        }
        out.raw("</g>");
    }
    if let Some(x) = spec.marker_x {
        let x = px(x);
        line(&mut out, " class=\"marker\"", (x, x, TOP, base));
    }
    // Each axis's title sits on its axis: the y title turned along it.
    out.raw("<text class=\"axis-label\" x=\"").num((LEFT + right) / 2.0, 1).raw("\" y=\"").num(H - 4.0, 1);
    out.raw("\" text-anchor=\"middle\">").text(&spec.x_label).raw("</text>");
    let mid = (TOP + base) / 2.0;
    out.raw("<text class=\"axis-label\" x=\"12\" y=\"").num(mid, 1).raw("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ").num(mid, 1);
    out.raw(")\">").text(&spec.y_label).raw("</text></svg>");
    out
}

/// A line's points up to `cap`, each with whether the pen is down on the
/// way to it: a stretch above the cap is cut where it crosses the top.
fn within(points: &[(f64, f64)], cap: f64) -> Vec<(bool, (f64, f64))> {
    let cross = |a: (f64, f64), b: (f64, f64)| (a.0 + (b.0 - a.0) * (cap - a.1) / (b.1 - a.1), cap);
    let mut out = Vec::new();
    for (j, &b) in points.iter().enumerate() {
        let a = if j == 0 { None } else { Some(points[j - 1]) };
        match a {
            Some(a) if a.1 <= cap && b.1 <= cap => out.push((true, b)),
            Some(a) if a.1 <= cap => out.push((true, cross(a, b))),
            Some(a) if b.1 <= cap => {
                out.push((false, cross(a, b)));
                out.push((true, b));
            }
            Some(_) => {}
            None if b.1 <= cap => out.push((false, b)),
            None => {}
        }
    }
    out
}

/// The chart as the page shows it: a captioned figure with the drawing,
/// the y axis's name and a legend.
pub fn figure(spec: &ChartSpec) -> Markup {
    let mut out = Markup::from_static("<figure class=\"chart\"><figcaption>");
    out.text(&spec.title).raw("</figcaption>");
    // Nothing to draw yet: say how to get something, not an empty 0..1.
    if spec.series.iter().all(|s| s.points.len() < 2) {
        out.raw("<p class=\"chart-empty\">Press Play: the chart fills in as the run goes.</p></figure>");
        return out;
    }
    out.markup(&svg(spec, false));
    out.raw("<ul class=\"chart-legend\">");
    for (i, s) in spec.series.iter().enumerate() {
        out.raw("<li><svg viewBox=\"0 0 20 6\" aria-hidden=\"true\"><path class=\"series series-").int(i as i64);
        out.raw(if s.dashed { " dashed" } else { "" }).raw("\" d=\"M0 3L20 3\"/></svg>").text(&s.label).raw("</li>");
    }
    for s in spec.series.iter().filter(|s| s.points.iter().any(|p| p.1 == f64::INFINITY)) {
        out.raw("<li><svg viewBox=\"0 0 20 6\" aria-hidden=\"true\"><rect class=\"failing\" width=\"20\" height=\"6\"/></svg>");
        out.raw("Shaded: ").text(&s.label).raw(" left more than 1 request in 20 unanswered</li>");
    }
    out.raw("</ul></figure>");
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
            y_max: None,
            x_max: None,
            y_reach: None,
        }
    }

    #[test]
    fn the_figure_has_lines_marks_ticks_marker_and_legend() {
        let html = figure(&spec()).into_string();
        assert!(html.starts_with("<figure class=\"chart\"><figcaption>Time &lt;to&gt; send</figcaption><svg viewBox"), "{html}");
        assert_eq!(html.matches("<path class=\"series series-").count(), 4, "two lines and two legend swatches");
        assert!(html.contains("class=\"series series-1 dashed\""));
        assert_eq!(html.matches("<rect class=\"mark series-0\"").count(), 2, "the measured line has its points marked");
        assert_eq!(html.matches("class=\"marker\"").count(), 1);
        assert!(html.contains(">80</text>"), "a y tick reaches the top value");
        assert!(!html.contains("xmlns"), "inline SVG needs no namespace");
    }

    #[test]
    fn a_share_chart_reaches_one_however_low_its_lines_are() {
        let mut s = spec();
        s.series[0].points = vec![(0.0, 0.0), (10.0, 0.04)];
        s.series[1].points = vec![(0.0, 0.0), (10.0, 0.02)];
        assert!(!figure(&s).into_string().contains(">1</text>"), "without a reach the axis fits the lines");
        s.y_reach = Some(1.0);
        assert!(figure(&s).into_string().contains(">1</text>"), "with it, the axis runs to one");
    }

    #[test]
    fn a_line_above_the_top_is_cut_where_it_crosses() {
        // From 40 down to 10 and up to 30, under a top of 20.
        let cut = within(&[(0.0, 40.0), (2.0, 10.0), (4.0, 30.0)], 20.0);
        assert_eq!(cut, [(false, (4.0 / 3.0, 20.0)), (true, (2.0, 10.0)), (true, (3.0, 20.0))]);
        let mut s = spec();
        s.y_max = Some(40.0);
        let html = figure(&s).into_string();
        assert!(html.contains(">40</text>") && !html.contains(">80</text>"), "the axis stops at the cap: {html}");
        assert_eq!(html.matches("<rect class=\"mark series-0\"").count(), 1, "only the point under the cap is marked");
    }

    #[test]
    fn an_empty_chart_says_press_play_and_a_full_one_covers_the_clock() {
        let mut empty = spec();
        empty.series.iter_mut().for_each(|s| s.points.truncate(1));
        let html = figure(&empty).into_string();
        assert!(html.contains("Press Play") && !html.contains("<svg"), "{html}");
        let mut long = spec();
        long.x_max = Some(40.0);
        assert!(figure(&long).into_string().contains(">40</text>"), "the x axis reaches the run's end");
        assert!(svg(&spec(), false).into_string().contains("rotate(-90"), "the y title runs along its axis");
    }

    #[test]
    fn an_unbounded_stretch_is_shaded_and_named() {
        let mut s = spec();
        s.series[0].points = vec![(1.0, 8.0), (2.0, f64::INFINITY), (3.0, f64::INFINITY), (4.0, 9.0)];
        let html = figure(&s).into_string();
        assert_eq!(html.matches("<rect class=\"failing\" x=").count(), 2, "one shaded stretch per unbounded point");
        assert!(html.contains(&format!("Shaded: {} left more than 1 request in 20 unanswered", s.series[0].label)), "and the key says whose shading it is: {html}");
        assert!(!figure(&spec()).into_string().contains("unanswered"), "no key entry without shading");
    }

    #[test]
    fn a_saved_file_stands_alone() {
        let file = svg(&spec(), true).into_string();
        assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 200\""));
        assert!(file.contains("<style>") && file.ends_with("</svg>"));
    }
}
