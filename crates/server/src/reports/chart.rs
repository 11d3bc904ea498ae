//! Charts drawn on the server as inline SVG: no script, no inline styles (the CSP forbids
//! them), colours from the stylesheet's `.chart*` classes. Each chart is an image with a
//! title; the page puts a table with the same numbers next to it for screen readers and
//! for reading exact values.

use ambasada_core::Locale;
use std::fmt::Write;

/// One line of a line chart: a value per x label (a non-finite value leaves a gap).
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
    /// The colour class, `chart-s1` to `chart-s4`.
    pub class: &'static str,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = WIDTH - 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 226.0;
/// The rough width of a character of the 12px axis font, in viewBox units.
const CHAR_WIDTH: f64 = 7.0;

/// Escapes text for SVG (XML) content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as an axis or a bar shows it: at most the decimals it needs (up to two), a
/// decimal comma in Polish, no grouping. Non-finite values show as empty.
pub fn format_value(locale: Locale, v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if s == "-0" {
        s = "0".to_owned();
    }
    if locale == Locale::Pl { s.replace('.', ",") } else { s }
}

/// Round ticks covering `lo..=hi`: a step of 1, 2, 2.5 or 5 × 10ⁿ, giving 4 to 6 ticks.
pub fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let hi = if hi > lo { hi } else { lo + 1.0 };
    let span = hi - lo;
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = mag
        * [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .find(|s| norm <= *s + 1e-9)
            .unwrap_or(10.0);
    let start = (lo / step + 1e-9).floor() as i64;
    let end = (hi / step - 1e-9).ceil().max(start as f64 + 1.0) as i64;
    (start..=end).map(|i| i as f64 * step).collect()
}

fn svg_open(out: &mut String, id: &str, title: &str, class: &str, height: f64) {
    let id = escape(id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {class}\" id=\"{id}\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title\">\
         <title id=\"{id}-title\">{}</title>",
        escape(title)
    );
}

/// A line chart, in the English number format; see [`line_chart_in`].
pub fn line_chart(id: &str, title: &str, x_labels: &[String], series: &[Series]) -> String {
    line_chart_in(Locale::En, id, title, x_labels, series)
}

/// A line chart of several series over the same x labels: a y axis with round ticks and
/// grid lines, x labels thinned so they do not overlap, a point per value (with a
/// tooltip title) and a legend. Without data it is an empty frame.
pub fn line_chart_in(locale: Locale, id: &str, title: &str, x_labels: &[String], series: &[Series]) -> String {
    let n = x_labels
        .len()
        .max(series.iter().map(|s| s.values.len()).max().unwrap_or(0));
    let finite = || {
        series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .filter(|v| v.is_finite())
    };
    let has_data = finite().next().is_some();
    let lo = finite().fold(0.0, f64::min);
    let hi = finite().fold(0.0, f64::max);
    let ticks = if has_data { ticks(lo, hi) } else { Vec::new() };
    let (t_lo, t_hi) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let y = |v: f64| BOTTOM - (v - t_lo) / (t_hi - t_lo) * (BOTTOM - TOP);
    let x = |i: usize| {
        if n <= 1 {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + i as f64 * (RIGHT - LEFT) / (n - 1) as f64
        }
    };
    let mut out = String::with_capacity(4096);
    svg_open(&mut out, id, title, "chart-line-chart", HEIGHT);
    out.push_str("<g class=\"chart-axis\">");
    for t in &ticks {
        let ty = y(*t);
        let _ = write!(
            out,
            "<line class=\"chart-grid\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\"/>\
             <text class=\"chart-tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            ty + 4.0,
            escape(&format_value(locale, *t))
        );
    }
    let _ = write!(
        out,
        "<line class=\"chart-frame\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{BOTTOM}\"/>\
         <line class=\"chart-frame\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{BOTTOM}\" y2=\"{BOTTOM}\"/>"
    );
    let every = label_step(x_labels, n);
    for (i, label) in x_labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let _ = write!(
            out,
            "<text class=\"chart-tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x(i),
            BOTTOM + 18.0,
            escape(label)
        );
    }
    out.push_str("</g>");
    if has_data {
        for s in series {
            draw_series(&mut out, locale, s, x_labels, &x, &y);
        }
    }
    legend(&mut out, series);
    out.push_str("</svg>");
    out
}

/// Shows every `step`-th x label so that labels do not overlap.
fn label_step(labels: &[String], n: usize) -> usize {
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let fit = ((RIGHT - LEFT) / (longest * CHAR_WIDTH + 10.0)).floor().max(1.0) as usize;
    n.div_ceil(fit).max(1)
}

fn draw_series(
    out: &mut String,
    locale: Locale,
    s: &Series,
    labels: &[String],
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
) {
    let class = escape(s.class);
    let mut d = String::new();
    let mut pen_down = false;
    for (i, v) in s.values.iter().enumerate() {
        if v.is_finite() {
            let _ = write!(d, "{}{:.1} {:.1} ", if pen_down { "L" } else { "M" }, x(i), y(*v));
        }
        pen_down = v.is_finite();
    }
    if !d.is_empty() {
        let _ = write!(out, "<path class=\"chart-line {class}\" d=\"{}\"/>", d.trim_end());
    }
    for (i, v) in s.values.iter().enumerate().filter(|(_, v)| v.is_finite()) {
        let at = labels.get(i).map(String::as_str).unwrap_or("");
        let _ = write!(
            out,
            "<circle class=\"chart-point {class}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\"><title>{}: {} – {}</title></circle>",
            x(i),
            y(*v),
            escape(&s.label),
            escape(at),
            escape(&format_value(locale, *v))
        );
    }
}

fn legend(out: &mut String, series: &[Series]) {
    out.push_str("<g class=\"chart-legend\">");
    let mut lx = LEFT;
    let ly = HEIGHT - 22.0;
    for s in series {
        let _ = write!(
            out,
            "<rect class=\"chart-swatch {}\" x=\"{lx:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" rx=\"2\"/>\
             <text class=\"chart-legend-label\" x=\"{:.1}\" y=\"{ly:.1}\">{}</text>",
            escape(s.class),
            ly - 10.0,
            lx + 18.0,
            escape(&s.label)
        );
        lx += 18.0 + s.label.chars().count() as f64 * CHAR_WIDTH + 24.0;
    }
    out.push_str("</g>");
}

/// A bar chart, in the English number format; see [`bar_chart_in`].
pub fn bar_chart(id: &str, title: &str, rows: &[(String, f64)]) -> String {
    bar_chart_in(Locale::En, id, title, rows)
}

const ROW: f64 = 28.0;
const LABEL_END: f64 = 232.0;
const BAR_START: f64 = 240.0;
const BAR_END: f64 = WIDTH - 64.0;
const LABEL_CHARS: usize = 32;

/// Horizontal bars, one row per `(label, value)` with the label on the left and the value
/// after the bar; long labels are shortened (the full label is the row's tooltip).
/// Negative or non-finite values draw no bar.
pub fn bar_chart_in(locale: Locale, id: &str, title: &str, rows: &[(String, f64)]) -> String {
    let height = (rows.len() as f64 * ROW + 16.0).max(40.0);
    let max = rows.iter().map(|r| r.1).filter(|v| v.is_finite()).fold(0.0, f64::max);
    let mut out = String::with_capacity(256 + rows.len() * 320);
    svg_open(&mut out, id, title, "chart-bar-chart", height);
    let _ = write!(
        out,
        "<line class=\"chart-frame\" x1=\"{BAR_START}\" x2=\"{BAR_START}\" y1=\"4\" y2=\"{:.1}\"/>",
        height - 4.0
    );
    for (i, (label, value)) in rows.iter().enumerate() {
        let top = 8.0 + i as f64 * ROW;
        let v = if value.is_finite() { value.max(0.0) } else { 0.0 };
        let w = if max > 0.0 {
            v / max * (BAR_END - BAR_START)
        } else {
            0.0
        };
        let short = shorten(label, LABEL_CHARS);
        let _ = write!(
            out,
            "<g class=\"chart-row\"><title>{}: {}</title>\
             <text class=\"chart-label\" x=\"{LABEL_END}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"chart-bar chart-s1\" x=\"{BAR_START}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"2\"/>\
             <text class=\"chart-value\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            escape(label),
            escape(&format_value(locale, *value)),
            top + 16.0,
            escape(&short),
            top + 3.0,
            ROW - 8.0,
            BAR_START + w + 6.0,
            top + 16.0,
            escape(&format_value(locale, *value))
        );
    }
    out.push_str("</svg>");
    out
}

/// The text cut to `max` characters with an ellipsis when longer.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("2026-W{i:02}")).collect()
    }

    fn numbers_in(svg: &str) -> Vec<f64> {
        let mut out = Vec::new();
        for attr in [
            "x=\"", "y=\"", "x1=\"", "x2=\"", "y1=\"", "y2=\"", "cx=\"", "cy=\"", "width=\"",
        ] {
            for part in svg.split(attr).skip(1) {
                if let Some(v) = part.split('"').next().and_then(|v| v.parse::<f64>().ok()) {
                    out.push(v);
                }
            }
        }
        out
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(ticks(0.0, 7.0), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(ticks(0.0, 100.0), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(ticks(0.0, 101.0), vec![0.0, 50.0, 100.0, 150.0]);
        assert_eq!(ticks(0.0, 0.0), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(ticks(0.0, 0.3), vec![0.0, 0.1, 0.2, 0.30000000000000004]);
        assert_eq!(ticks(-3.0, 5.0), vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
        assert_eq!(ticks(0.0, 12_345.0), vec![0.0, 5000.0, 10_000.0, 15_000.0]);
        for (lo, hi) in [(0.0, 1.0), (0.0, 3.0), (0.0, 9.0), (0.0, 1e6 + 1.0), (0.0, 0.07)] {
            let t = ticks(lo, hi);
            assert!((3..=6).contains(&t.len()), "{lo}..{hi}: {t:?}");
            assert!(t[0] <= lo && *t.last().unwrap() >= hi);
        }
    }

    #[test]
    fn values_format_per_language() {
        assert_eq!(format_value(Locale::Pl, 0.25), "0,25");
        assert_eq!(format_value(Locale::En, 0.25), "0.25");
        assert_eq!(format_value(Locale::En, 0.30000000000000004), "0.3");
        assert_eq!(format_value(Locale::Pl, 1500.0), "1500");
        assert_eq!(format_value(Locale::Pl, -0.0001), "0");
        assert_eq!(format_value(Locale::En, f64::NAN), "");
    }

    #[test]
    fn a_line_chart_is_an_accessible_svg_image() {
        let series = [
            Series {
                label: "Clicks".into(),
                values: vec![1.0, 5.0, 3.0],
                class: "chart-s1",
            },
            Series {
                label: "Shares <&>".into(),
                values: vec![2.0, f64::NAN, 1.0],
                class: "chart-s2",
            },
        ];
        let svg = line_chart("c1", "Clicks & \"shares\"", &labels(3), &series);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title\""));
        assert!(svg.contains("<title id=\"c1-title\">Clicks &amp; &quot;shares&quot;</title>"));
        assert!(svg.contains("Shares &lt;&amp;&gt;"));
        assert!(!svg.contains("style="));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        // Five points, the gap left out; one path per series.
        assert_eq!(svg.matches("<circle").count(), 5);
        assert_eq!(svg.matches("<path").count(), 2);
        assert!(svg.contains("chart-line chart-s2"));
        // Ticks 0..6 by 2 for a maximum of 5; the legend names both series.
        assert!(svg.contains(">6</text>") && svg.contains(">0</text>"));
        assert_eq!(svg.matches("chart-swatch").count(), 2);
        assert!(
            numbers_in(&svg)
                .iter()
                .all(|v| v.is_finite() && (0.0..=WIDTH).contains(v))
        );
    }

    #[test]
    fn gaps_break_the_line() {
        let series = [Series {
            label: "a".into(),
            values: vec![1.0, f64::NAN, 2.0, 3.0],
            class: "chart-s1",
        }];
        let svg = line_chart("g", "t", &labels(4), &series);
        let d = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('L').count(), 1);
    }

    #[test]
    fn crowded_x_labels_are_thinned() {
        let svg = line_chart(
            "w",
            "t",
            &labels(53),
            &[Series {
                label: "a".into(),
                values: vec![1.0; 53],
                class: "chart-s1",
            }],
        );
        let shown = svg.matches("text-anchor=\"middle\"").count();
        assert!((5..=20).contains(&shown), "{shown}");
        assert!(svg.contains(">2026-W01<"));
        let few = line_chart("m", "t", &labels(3), &[]);
        assert_eq!(few.matches("text-anchor=\"middle\"").count(), 3);
    }

    #[test]
    fn empty_charts_are_empty_frames() {
        for svg in [
            line_chart("e", "Empty", &[], &[]),
            line_chart(
                "e",
                "Empty",
                &labels(2),
                &[Series {
                    label: "a".into(),
                    values: vec![],
                    class: "chart-s1",
                }],
            ),
            line_chart(
                "e",
                "Empty",
                &[],
                &[Series {
                    label: "a".into(),
                    values: vec![f64::NAN],
                    class: "chart-s1",
                }],
            ),
            bar_chart("e", "Empty", &[]),
            bar_chart("e", "Zeros", &[("a".into(), 0.0), ("b".into(), f64::INFINITY)]),
        ] {
            assert!(svg.contains("chart-frame"));
            assert!(!svg.contains("<circle") && !svg.contains("<path"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert!(numbers_in(&svg).iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let rows = vec![
            ("Anna <b>".to_owned(), 10.0),
            ("Bartek".to_owned(), 2.5),
            ("x".repeat(50), -1.0),
        ];
        let svg = bar_chart_in(Locale::Pl, "b", "Top", &rows);
        assert!(svg.contains("aria-labelledby=\"b-title\""));
        assert!(svg.contains("Anna &lt;b&gt;"));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains(&format!("width=\"{:.1}\"", BAR_END - BAR_START)));
        assert!(svg.contains(&format!("width=\"{:.1}\"", (BAR_END - BAR_START) / 4.0)));
        assert!(svg.contains("width=\"0.0\""));
        assert!(svg.contains(">2,5</text>"));
        assert!(svg.contains(&format!(">{}…</text>", "x".repeat(31))));
        assert!(!svg.contains("style="));
    }
}
