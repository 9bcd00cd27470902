//! The report as one self-contained HTML page: inline CSS and inline SVG
//! charts, no JavaScript, nothing fetched from the network. It reads on
//! screen and prints (A4 or Letter) without clipped content.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{fixed3, fixed3_or_dash, Evaluation};
use crate::metrics::CalibrationBin;

/// Escapes text for HTML content and for attribute values in double or
/// single quotes.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

const STYLE: &str = r#"
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #1d4e89; --paper: #fff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f3f5f8; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 28px 40px; }
header h1 { font-size: 26px; margin: 0 0 6px; letter-spacing: -0.01em; }
.meta { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
.meta code { color: var(--ink); background: #e4e9f0; padding: 1px 5px; border-radius: 4px; font-size: 13px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px 20px; margin: 18px 0; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 14px; margin: 16px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(175px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card.primary { border-color: #9fb3c8; background: #f0f4f8; }
.card .name { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.card .value { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.2; }
.card .ci, .card .hint { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.figure-row { display: flex; flex-wrap: wrap; gap: 20px 32px; align-items: flex-start; }
.figure-row > * { flex: 1 1 300px; min-width: 0; }
.figure-row > figure { flex: 1 1 300px; }
/* A table never shrinks below its narrowest layout, so the row wraps before
   a table could be squeezed under the chart. */
.figure-row > .side-table { flex: 1 1 0; min-width: min-content; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; border-bottom: 2px solid #bcccdc; }
.num { text-align: right; white-space: nowrap; }
th.num { white-space: normal; }
.label { white-space: nowrap; }
.statement { overflow-wrap: anywhere; white-space: pre-wrap; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: inherit; }
.note { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
footer { color: var(--muted); font-size: 13px; }
footer h2 { color: var(--ink); }
table.compact { width: auto; min-width: 60%; }
footer dt { font-weight: 600; color: var(--ink); }
footer dd { margin: 0 0 6px; }
@media print {
  @page { margin: 14mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0 2px; }
  header { margin-bottom: 12pt; }
  .cards { grid-template-columns: repeat(3, 1fr); gap: 8px; }
  section { border: none; border-radius: 0; padding: 0; margin: 0 0 16pt; break-inside: avoid; }
  section.flows { break-inside: auto; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .card, svg, figure { break-inside: avoid; }
  .card .value { font-size: 20pt; }
}
"#;

/// Writes `evaluation` as one self-contained HTML page: headline figures
/// with 95% intervals, per-class table and P/R/F1 bars, a confusion-matrix
/// heat map, a reliability diagram with its bins, cross-validation and
/// comparison (when present) and the most confident mistakes. Figures are
/// printed with three decimals, as in the other formats; all text is
/// escaped.
pub fn render(evaluation: &Evaluation, out: &mut impl Write) -> io::Result<()> {
    let page = page(evaluation).map_err(|_| io::Error::other("formatting the HTML report"))?;
    out.write_all(page.as_bytes())
}

fn page(e: &Evaluation) -> Result<String, std::fmt::Error> {
    let mut h = String::with_capacity(64 * 1024);
    let title = match &e.model {
        Some(model) => format!("Stance evaluation — {model}"),
        None => "Stance evaluation".to_string(),
    };
    writeln!(h, "<!DOCTYPE html>")?;
    writeln!(h, "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(h, "<title>{}</title>", escape(&title))?;
    writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>\n<main>")?;

    header(&mut h, e)?;
    headline(&mut h, e)?;
    per_class(&mut h, e)?;
    confusion(&mut h, e)?;
    by_source(&mut h, e)?;
    calibration(&mut h, e)?;
    cross_validation(&mut h, e)?;
    comparison(&mut h, e)?;
    errors(&mut h, e)?;
    definitions(&mut h)?;

    writeln!(h, "</main>\n</body>\n</html>")?;
    Ok(h)
}

fn header(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    writeln!(
        h,
        "<header>\n<h1>Stance evaluation</h1>\n<p class=\"meta\">"
    )?;
    if let Some(model) = &e.model {
        write!(h, "Model <code>{}</code> · ", escape(model))?;
    }
    if let Some(data) = &e.data {
        write!(h, "Data <code>{}</code> · ", escape(data))?;
    }
    writeln!(
        h,
        "<span id=\"n\">{}</span> labeled statements, {} classes</p>\n</header>",
        e.n,
        e.confusion.labels.len()
    )
}

fn card(
    h: &mut String,
    id: &str,
    name: &str,
    value: f64,
    note: &str,
    primary: bool,
) -> std::fmt::Result {
    writeln!(
        h,
        "<div class=\"card{}\"><div class=\"name\">{name}</div><div class=\"value\" id=\"{id}\">{}</div>{note}</div>",
        if primary { " primary" } else { "" },
        fixed3(value)
    )
}

fn headline(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    writeln!(
        h,
        "<section id=\"overview\">\n<h2>Headline figures</h2>\n<div class=\"cards\">"
    )?;
    let interval = |id: &str, ci: [f64; 2]| {
        format!(
            "<div class=\"ci\">95% CI <span id=\"{id}-lo\">{}</span> – <span id=\"{id}-hi\">{}</span></div>",
            fixed3(ci[0]),
            fixed3(ci[1])
        )
    };
    card(
        h,
        "accuracy",
        "Accuracy",
        e.accuracy,
        &interval("accuracy-ci", e.ci95.accuracy),
        true,
    )?;
    card(
        h,
        "macro-f1",
        "Macro-F1",
        e.macro_f1,
        &interval("macro-f1-ci", e.ci95.macro_f1),
        true,
    )?;
    card(
        h,
        "kappa",
        "Cohen's kappa",
        e.kappa,
        "<div class=\"hint\">beyond chance</div>",
        false,
    )?;
    card(h, "micro-f1", "Micro-F1", e.micro_f1, "", false)?;
    card(h, "weighted-f1", "Weighted-F1", e.weighted_f1, "", false)?;
    let always = e
        .baseline_label()
        .map(|l| format!("<div class=\"hint\">always “{}”</div>", escape(l)))
        .unwrap_or_default();
    card(
        h,
        "baseline-accuracy",
        "Baseline accuracy",
        e.baseline.accuracy,
        &always,
        false,
    )?;
    card(
        h,
        "baseline-macro-f1",
        "Baseline macro-F1",
        e.baseline.macro_f1,
        &always,
        false,
    )?;
    card(
        h,
        "brier",
        "Brier score",
        e.calibration.brier,
        "<div class=\"hint\">0 best, 2 worst</div>",
        false,
    )?;
    card(
        h,
        "ece",
        "Calibration error",
        e.calibration.ece,
        "<div class=\"hint\">ECE, lower is better</div>",
        false,
    )?;
    writeln!(h, "</div>\n</section>")
}

const PRECISION_COLOR: &str = "#4c78a8";
const RECALL_COLOR: &str = "#f58518";
const F1_COLOR: &str = "#54a24b";

/// Rough width in pixels of `text` at a 13px sans-serif font; enough to
/// keep labels clear of the chart.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 7.6
}

fn per_class(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    writeln!(
        h,
        "<section id=\"classes\">\n<h2>Per class</h2>\n<div class=\"figure-row\">"
    )?;
    writeln!(h, "<div class=\"side-table\">\n<table id=\"per-class\">\n<thead><tr><th>Class</th><th class=\"num\">Precision</th><th class=\"num\">Recall</th><th class=\"num\">F1</th><th class=\"num\">Support</th></tr></thead>\n<tbody>")?;
    for (i, (label, s)) in e.per_class.0.iter().enumerate() {
        writeln!(
            h,
            "<tr data-class=\"{i}\"><td class=\"label\">{}</td><td class=\"num precision\">{}</td><td class=\"num recall\">{}</td><td class=\"num f1\">{}</td><td class=\"num support\">{}</td></tr>",
            escape(label),
            fixed3(s.precision),
            fixed3(s.recall),
            fixed3(s.f1),
            s.support
        )?;
    }
    writeln!(h, "</tbody>\n</table>\n</div>")?;

    // Grouped horizontal bars: one group per class, P / R / F1 on 0..1.
    let label_width = e
        .per_class
        .0
        .iter()
        .map(|(l, _)| text_width(l))
        .fold(60.0, f64::max)
        + 12.0;
    let scale = 300.0;
    let (bar, gap, group_gap, top) = (11.0, 3.0, 16.0, 34.0);
    let group = 3.0 * bar + 2.0 * gap;
    let width = label_width + scale + 50.0;
    let height = top + e.per_class.0.len() as f64 * (group + group_gap) + 18.0;
    writeln!(
        h,
        "<figure style=\"margin:0\"><svg id=\"class-bars\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-label=\"Precision, recall and F1 per class\">"
    )?;
    for (i, (name, color)) in [
        ("precision", PRECISION_COLOR),
        ("recall", RECALL_COLOR),
        ("F1", F1_COLOR),
    ]
    .iter()
    .enumerate()
    {
        let x = label_width + i as f64 * 95.0;
        writeln!(
            h,
            "<rect x=\"{x:.1}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"16\" font-size=\"12\" fill=\"#52606d\">{name}</text>",
            x + 17.0
        )?;
    }
    let axis_bottom = height - 18.0;
    for tick in 0..=4 {
        let value = tick as f64 / 4.0;
        let x = label_width + value * scale;
        writeln!(
            h,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{axis_bottom:.1}\" stroke=\"#d9e2ec\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#52606d\" text-anchor=\"middle\">{value:.2}</text>",
            top - 6.0,
            axis_bottom + 13.0
        )?;
    }
    for (c, (label, s)) in e.per_class.0.iter().enumerate() {
        let y0 = top + c as f64 * (group + group_gap);
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1f2933\">{}</text>",
            label_width - 8.0,
            y0 + group / 2.0 + 4.5,
            escape(label)
        )?;
        for (i, (value, color)) in [
            (s.precision, PRECISION_COLOR),
            (s.recall, RECALL_COLOR),
            (s.f1, F1_COLOR),
        ]
        .iter()
        .enumerate()
        {
            let y = y0 + i as f64 * (bar + gap);
            let length = value.clamp(0.0, 1.0) * scale;
            writeln!(
                h,
                "<rect x=\"{label_width:.1}\" y=\"{y:.1}\" width=\"{length:.1}\" height=\"{bar}\" fill=\"{color}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10.5\" fill=\"#1f2933\">{}</text>",
                label_width + length + 4.0,
                y + bar - 1.5,
                fixed3(*value)
            )?;
        }
    }
    writeln!(h, "</svg></figure>\n</div>\n</section>")
}

/// Colour of a heat-map cell for a share `t` in `0..=1` of its row: from
/// near-white to the accent blue.
fn heat(t: f64) -> String {
    let t = t.clamp(0.0, 1.0);
    let (from, to) = ((244.0, 247.0, 251.0), (29.0, 78.0, 137.0));
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(from.0, to.0),
        mix(from.1, to.1),
        mix(from.2, to.2)
    )
}

fn confusion(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    let labels = &e.confusion.labels;
    let k = labels.len();
    writeln!(h, "<section id=\"confusion\">\n<h2>Confusion matrix</h2>")?;
    let label_width = labels.iter().map(|l| text_width(l)).fold(40.0, f64::max);
    let cell_w = (label_width + 16.0).max(96.0);
    let cell_h = 62.0;
    let left = label_width + 46.0;
    let top = 58.0;
    let width = left + k as f64 * cell_w + 10.0;
    let height = top + k as f64 * cell_h + 10.0;
    writeln!(
        h,
        "<figure style=\"margin:0\"><svg id=\"confusion-heatmap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-label=\"Confusion matrix: rows true class, columns predicted class\">"
    )?;
    writeln!(
        h,
        "<text x=\"{:.1}\" y=\"16\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#52606d\">predicted class →</text>",
        left + k as f64 * cell_w / 2.0
    )?;
    let middle = top + k as f64 * cell_h / 2.0;
    writeln!(
        h,
        "<text x=\"16\" y=\"{middle:.1}\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#52606d\" transform=\"rotate(-90 16 {middle:.1})\">true class →</text>"
    )?;
    for (j, label) in labels.iter().enumerate() {
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1f2933\">{}</text>",
            left + (j as f64 + 0.5) * cell_w,
            top - 10.0,
            escape(label)
        )?;
    }
    for (i, (label, row)) in labels.iter().zip(&e.confusion.matrix).enumerate() {
        let y = top + i as f64 * cell_h;
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1f2933\">{}</text>",
            left - 8.0,
            y + cell_h / 2.0 + 4.5,
            escape(label)
        )?;
        let row_total: usize = row.iter().sum();
        for (j, &count) in row.iter().enumerate() {
            let share = if row_total == 0 {
                0.0
            } else {
                count as f64 / row_total as f64
            };
            let x = left + j as f64 * cell_w;
            let ink = if share > 0.5 { "#ffffff" } else { "#1f2933" };
            let predicted = labels.get(j).map(String::as_str).unwrap_or("");
            writeln!(
                h,
                "<g><title>true {}, predicted {}: {count} ({:.1}% of true {})</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{cell_w:.1}\" height=\"{cell_h:.1}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
                escape(label),
                escape(predicted),
                share * 100.0,
                escape(label),
                heat(share)
            )?;
            writeln!(
                h,
                "<text class=\"count\" data-true=\"{i}\" data-pred=\"{j}\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"18\" font-weight=\"650\" text-anchor=\"middle\" fill=\"{ink}\">{count}</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{ink}\">{:.0}%</text></g>",
                x + cell_w / 2.0,
                y + cell_h / 2.0 + 2.0,
                x + cell_w / 2.0,
                y + cell_h / 2.0 + 18.0,
                share * 100.0
            )?;
        }
    }
    // Outline the diagonal (correct predictions).
    for i in 0..k {
        writeln!(
            h,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#1f2933\" stroke-width=\"1.5\"/>",
            left + i as f64 * cell_w + 1.0,
            top + i as f64 * cell_h + 1.0,
            cell_w - 2.0,
            cell_h - 2.0
        )?;
    }
    writeln!(h, "</svg></figure>")?;
    writeln!(
        h,
        "<p class=\"note\">Rows are the true classes, columns the predicted ones; the outlined diagonal holds the correct predictions. Each cell shows its count and its share of the row (the recall of the row's class on the diagonal); colour follows that share.</p>\n</section>"
    )
}

fn calibration(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    let cal = &e.calibration;
    writeln!(
        h,
        "<section id=\"calibration\">\n<h2>Calibration</h2>\n<div class=\"figure-row\">"
    )?;
    reliability_diagram(h, &cal.bins)?;
    writeln!(h, "<div class=\"side-table\">\n<table id=\"bins\">\n<thead><tr><th>Confidence</th><th class=\"num\">Statements</th><th class=\"num\">Mean confidence</th><th class=\"num\">Accuracy</th></tr></thead>\n<tbody>")?;
    for bin in &cal.bins {
        writeln!(
            h,
            "<tr><td class=\"label\">{:.2} – {:.2}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            bin.lo,
            bin.hi,
            bin.n,
            fixed3_or_dash(bin.confidence),
            fixed3_or_dash(bin.accuracy)
        )?;
    }
    writeln!(h, "</tbody>\n</table>")?;
    writeln!(
        h,
        "<p class=\"note\">Brier score <strong id=\"brier-detail\">{}</strong>, expected calibration error <strong id=\"ece-detail\">{}</strong>. A model is well calibrated when, among statements predicted with confidence <em>c</em>, a share <em>c</em> is right: the bars then reach the diagonal. Bars below it mean over-confidence.</p>\n</div>\n</div>\n</section>",
        fixed3(cal.brier),
        fixed3(cal.ece)
    )
}

fn reliability_diagram(h: &mut String, bins: &[CalibrationBin]) -> std::fmt::Result {
    let (left, top, size) = (52.0, 30.0, 300.0);
    let width = left + size + 20.0;
    let height = top + size + 60.0;
    let x = |v: f64| left + v.clamp(0.0, 1.0) * size;
    let y = |v: f64| top + (1.0 - v.clamp(0.0, 1.0)) * size;
    writeln!(
        h,
        "<figure style=\"margin:0\"><svg id=\"reliability\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-label=\"Reliability diagram: accuracy against confidence per bin\">"
    )?;
    // Legend.
    writeln!(
        h,
        "<rect x=\"{left}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{PRECISION_COLOR}\"/><text x=\"{}\" y=\"18\" font-size=\"12\" fill=\"#52606d\">accuracy</text><line x1=\"{}\" y1=\"14\" x2=\"{}\" y2=\"14\" stroke=\"#d62728\" stroke-width=\"3\"/><text x=\"{}\" y=\"18\" font-size=\"12\" fill=\"#52606d\">mean confidence</text>",
        left + 17.0,
        left + 90.0,
        left + 108.0,
        left + 113.0
    )?;
    for tick in 0..=5 {
        let v = tick as f64 / 5.0;
        writeln!(
            h,
            "<line x1=\"{left}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#e4e9f0\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"#52606d\">{v:.1}</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#52606d\">{v:.1}</text>",
            y(v),
            x(1.0),
            y(v),
            left - 6.0,
            y(v) + 4.0,
            x(v),
            top + size + 16.0
        )?;
    }
    for bin in bins {
        if let (Some(accuracy), Some(confidence)) = (bin.accuracy, bin.confidence) {
            let (x0, x1) = (x(bin.lo) + 1.5, x(bin.hi) - 1.5);
            writeln!(
                h,
                "<g><title>confidence {:.2}–{:.2}: {} statements, mean confidence {}, accuracy {}</title><rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{PRECISION_COLOR}\" fill-opacity=\"0.85\"/><line x1=\"{x0:.1}\" y1=\"{:.1}\" x2=\"{x1:.1}\" y2=\"{:.1}\" stroke=\"#d62728\" stroke-width=\"3\"/></g>",
                bin.lo,
                bin.hi,
                bin.n,
                fixed3(confidence),
                fixed3(accuracy),
                y(accuracy),
                x1 - x0,
                y(0.0) - y(accuracy),
                y(confidence),
                y(confidence)
            )?;
        }
    }
    // Statements per bin, in a row of their own under the axis labels so
    // they never collide with the bars or the confidence marks.
    writeln!(
        h,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\" fill=\"#52606d\">n</text>",
        left - 6.0,
        top + size + 30.0
    )?;
    for bin in bins {
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>",
            (x(bin.lo) + x(bin.hi)) / 2.0,
            top + size + 30.0,
            bin.n
        )?;
    }
    writeln!(
        h,
        "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#52606d\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\"/>",
        x(0.0),
        y(0.0),
        x(1.0),
        y(1.0)
    )?;
    writeln!(
        h,
        "<rect x=\"{left}\" y=\"{top}\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#9fb3c8\"/>"
    )?;
    writeln!(
        h,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1f2933\">confidence (largest probability)</text>",
        left + size / 2.0,
        top + size + 50.0
    )?;
    let middle = top + size / 2.0;
    writeln!(
        h,
        "<text x=\"14\" y=\"{middle:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1f2933\" transform=\"rotate(-90 14 {middle:.1})\">accuracy</text>"
    )?;
    writeln!(h, "</svg></figure>")
}

fn by_source(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    if e.by_source.is_empty() {
        return Ok(());
    }
    writeln!(h, "<section id=\"by-source\">\n<h2>By source</h2>")?;
    write!(h, "<table class=\"compact\" id=\"source-table\">\n<thead><tr><th>Source</th><th class=\"num\">Statements</th><th class=\"num\">Accuracy</th><th class=\"num\">Macro-F1</th>")?;
    for label in &e.confusion.labels {
        write!(h, "<th class=\"num\">F1 {}</th>", escape(label))?;
    }
    writeln!(h, "</tr></thead>\n<tbody>")?;
    for g in &e.by_source {
        write!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            escape(&g.source),
            g.n,
            fixed3(g.accuracy),
            fixed3(g.macro_f1)
        )?;
        for (_, scores) in &g.per_class.0 {
            write!(h, "<td class=\"num\">{}</td>", fixed3(scores.f1))?;
        }
        writeln!(h, "</tr>")?;
    }
    writeln!(
        h,
        "</tbody>\n</table>\n<p class=\"note\">The statements of each source corpus (a record's source up to its first colon), scored alone. Small groups give rough figures.</p>\n</section>"
    )
}

fn cross_validation(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    let Some(cv) = &e.cv else { return Ok(()) };
    writeln!(h, "<section id=\"cv\">\n<h2>Cross-validation</h2>")?;
    writeln!(h, "<table class=\"compact\">\n<thead><tr><th>Measure</th><th class=\"num\">Mean</th><th class=\"num\">Standard deviation</th></tr></thead>\n<tbody>")?;
    writeln!(
        h,
        "<tr><td>Accuracy</td><td class=\"num\" id=\"cv-accuracy-mean\">{}</td><td class=\"num\">{}</td></tr>",
        fixed3(cv.accuracy_mean),
        fixed3(cv.accuracy_sd)
    )?;
    writeln!(
        h,
        "<tr><td>Macro-F1</td><td class=\"num\" id=\"cv-macro-f1-mean\">{}</td><td class=\"num\">{}</td></tr>",
        fixed3(cv.macro_f1_mean),
        fixed3(cv.macro_f1_sd)
    )?;
    writeln!(
        h,
        "</tbody>\n</table>\n<p class=\"note\">Over <span id=\"cv-folds\">{}</span> folds that keep each source document in one fold; standard deviation with divisor folds − 1.</p>\n</section>",
        cv.folds
    )
}

fn comparison(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    let Some(c) = &e.compare else { return Ok(()) };
    writeln!(h, "<section id=\"compare\">\n<h2>Comparison</h2>")?;
    writeln!(h, "<table class=\"compact\">\n<thead><tr><th>Compared model</th><th class=\"num\">Its macro-F1</th><th class=\"num\">Difference</th><th class=\"num\">p-value</th></tr></thead>\n<tbody>")?;
    writeln!(
        h,
        "<tr><td class=\"statement\">{}</td><td class=\"num\" id=\"compare-macro-f1\">{}</td><td class=\"num\" id=\"compare-diff\">{:+.3}</td><td class=\"num\" id=\"compare-p\">{}</td></tr>",
        escape(&c.model),
        fixed3(c.macro_f1),
        c.macro_f1_diff,
        fixed3(c.p_value)
    )?;
    writeln!(
        h,
        "</tbody>\n</table>\n<p class=\"note\">Difference = the compared model's macro-F1 minus this model's (positive: the compared model is better). Two-sided p-value of a paired bootstrap: both models scored on the same resamples.</p>\n</section>"
    )
}

fn errors(h: &mut String, e: &Evaluation) -> std::fmt::Result {
    writeln!(
        h,
        "<section id=\"errors\" class=\"flows\">\n<h2>Most confident mistakes</h2>"
    )?;
    if e.errors.is_empty() {
        return writeln!(h, "<p>No mistakes.</p>\n</section>");
    }
    writeln!(h, "<table id=\"error-table\">\n<thead><tr><th class=\"num\">#</th><th class=\"num\">Confidence</th><th>True</th><th>Predicted</th><th>Statement</th></tr></thead>\n<tbody>")?;
    for (i, m) in e.errors.iter().enumerate() {
        writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td class=\"num confidence\">{}</td><td class=\"label\">{}</td><td class=\"label\">{}</td><td class=\"statement\">{}</td></tr>",
            i + 1,
            fixed3(m.confidence),
            escape(&m.label),
            escape(&m.predicted),
            escape(&m.text)
        )?;
    }
    writeln!(h, "</tbody>\n</table>\n</section>")
}

fn definitions(h: &mut String) -> std::fmt::Result {
    writeln!(
        h,
        r#"<section id="definitions" class="flows"><footer>
<h2>Definitions</h2>
<dl>
<dt>Accuracy</dt><dd>Share of statements whose predicted class (largest probability) is the true one.</dd>
<dt>Precision, recall, F1</dt><dd>Per class: correct predictions of the class over all its predictions (precision) and over all its true statements (recall); F1 is their harmonic mean. An undefined ratio is shown as 0.</dd>
<dt>Macro-, micro-, weighted-F1</dt><dd>Mean F1 over the classes present in the truth or the predictions; F1 of pooled counts (equal to accuracy here); mean F1 weighted by support.</dd>
<dt>Cohen's kappa</dt><dd>(observed agreement − chance agreement) / (1 − chance agreement), chance from the true and predicted class frequencies.</dd>
<dt>Baseline</dt><dd>Always predicting the most frequent true class.</dd>
<dt>95% CI</dt><dd>Percentile bootstrap: 2.5th and 97.5th percentile over resamples of the statements (fixed seed).</dd>
<dt>Brier score</dt><dd>Mean over statements of the summed squared differences between the probabilities and the one-hot true class (0 best, 2 worst).</dd>
<dt>Calibration error (ECE)</dt><dd>Over 10 equal-width confidence bins, the statement-weighted mean of |accuracy − mean confidence|.</dd>
</dl>
</footer></section>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_evaluation;

    #[test]
    fn escape_handles_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn page_is_self_contained_and_escaped() {
        let mut out = Vec::new();
        render(&sample_evaluation(), &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(!page.contains("<script"));
        for m in page.match_indices("http") {
            assert!(
                page[m.0..].starts_with("http://www.w3.org/2000/svg"),
                "external reference"
            );
        }
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(page.contains("@media print"));
        assert_eq!(page.matches("<svg").count(), 3);
    }

    #[test]
    fn heat_runs_from_light_to_accent() {
        assert_eq!(heat(0.0), "#f4f7fb");
        assert_eq!(heat(1.0), "#1d4e89");
    }
}
