//! The report as Markdown tables (GitHub-flavoured).

use std::io::{self, Write};

use super::{fixed3, fixed3_or_dash, one_line, Evaluation};

/// Escapes text for a Markdown table cell: one line, no raw HTML, and
/// Markdown punctuation (including the cell separator `|`) backslashed.
fn cell(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in one_line(text, usize::MAX).chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ => escaped.push(c),
        }
    }
    escaped
}

/// A table's header and alignment rows: the fixed leading columns, then
/// one right-aligned column per label, named `prefix` + label.
fn label_header(
    out: &mut impl Write,
    lead: &str,
    lead_align: &str,
    prefix: &str,
    labels: &[String],
) -> io::Result<()> {
    write!(out, "{lead}")?;
    for label in labels {
        write!(out, " {prefix}{} |", cell(label))?;
    }
    writeln!(out)?;
    write!(out, "{lead_align}")?;
    for _ in labels {
        write!(out, "---:|")?;
    }
    writeln!(out)
}

/// Writes `evaluation` as Markdown: the same figures as the other formats
/// (three decimals), statements in full but on one line and escaped.
pub fn render(evaluation: &Evaluation, out: &mut impl Write) -> io::Result<()> {
    let e = evaluation;
    writeln!(out, "# Stance evaluation")?;
    writeln!(out)?;
    if let Some(model) = &e.model {
        writeln!(out, "- **Model:** {}", cell(model))?;
    }
    if let Some(data) = &e.data {
        writeln!(out, "- **Data:** {}", cell(data))?;
    }
    writeln!(out, "- **Statements:** {}", e.n)?;
    writeln!(out)?;

    writeln!(out, "## Overall")?;
    writeln!(out)?;
    writeln!(out, "| Measure | Value | 95% CI |")?;
    writeln!(out, "|---|---:|---|")?;
    let interval = |ci: [f64; 2]| format!("{} – {}", fixed3(ci[0]), fixed3(ci[1]));
    writeln!(
        out,
        "| Accuracy | {} | {} |",
        fixed3(e.accuracy),
        interval(e.ci95.accuracy)
    )?;
    writeln!(
        out,
        "| Macro-F1 | {} | {} |",
        fixed3(e.macro_f1),
        interval(e.ci95.macro_f1)
    )?;
    writeln!(out, "| Micro-F1 | {} | |", fixed3(e.micro_f1))?;
    writeln!(out, "| Weighted-F1 | {} | |", fixed3(e.weighted_f1))?;
    writeln!(out, "| Cohen's kappa | {} | |", fixed3(e.kappa))?;
    let baseline_class = e.baseline_label().map(cell).unwrap_or_default();
    writeln!(
        out,
        "| Baseline accuracy (always {baseline_class}) | {} | |",
        fixed3(e.baseline.accuracy)
    )?;
    writeln!(
        out,
        "| Baseline macro-F1 (always {baseline_class}) | {} | |",
        fixed3(e.baseline.macro_f1)
    )?;
    writeln!(out)?;

    writeln!(out, "## Per class")?;
    writeln!(out)?;
    writeln!(out, "| Class | Precision | Recall | F1 | Support |")?;
    writeln!(out, "|---|---:|---:|---:|---:|")?;
    for (label, s) in &e.per_class.0 {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(label),
            fixed3(s.precision),
            fixed3(s.recall),
            fixed3(s.f1),
            s.support
        )?;
    }
    writeln!(out)?;

    writeln!(out, "## Confusion matrix")?;
    writeln!(out)?;
    writeln!(out, "Rows: true class; columns: predicted class.")?;
    writeln!(out)?;
    label_header(
        out,
        "| true \\ predicted |",
        "|---|",
        "",
        &e.confusion.labels,
    )?;
    for (label, row) in e.confusion.labels.iter().zip(&e.confusion.matrix) {
        write!(out, "| **{}** |", cell(label))?;
        for count in row {
            write!(out, " {count} |")?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;

    if !e.by_source.is_empty() {
        writeln!(out, "## By source")?;
        writeln!(out)?;
        label_header(
            out,
            "| Source | Statements | Accuracy | Macro-F1 |",
            "|---|---:|---:|---:|",
            "F1 ",
            &e.confusion.labels,
        )?;
        for g in &e.by_source {
            write!(
                out,
                "| {} | {} | {} | {} |",
                cell(&g.source),
                g.n,
                fixed3(g.accuracy),
                fixed3(g.macro_f1)
            )?;
            for (_, scores) in &g.per_class.0 {
                write!(out, " {} |", fixed3(scores.f1))?;
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }

    let cal = &e.calibration;
    writeln!(out, "## Calibration")?;
    writeln!(out)?;
    writeln!(
        out,
        "Brier score **{}** (0 best, 2 worst); expected calibration error **{}** over {} bins.",
        fixed3(cal.brier),
        fixed3(cal.ece),
        cal.bins.len()
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| Confidence | Statements | Mean confidence | Accuracy |"
    )?;
    writeln!(out, "|---|---:|---:|---:|")?;
    for bin in &cal.bins {
        writeln!(
            out,
            "| {:.2}–{:.2} | {} | {} | {} |",
            bin.lo,
            bin.hi,
            bin.n,
            fixed3_or_dash(bin.confidence),
            fixed3_or_dash(bin.accuracy)
        )?;
    }

    if let Some(cv) = &e.cv {
        writeln!(out)?;
        writeln!(out, "## Cross-validation")?;
        writeln!(out)?;
        writeln!(out, "{} folds; mean ± sample standard deviation.", cv.folds)?;
        writeln!(out)?;
        writeln!(out, "| Measure | Mean | SD |")?;
        writeln!(out, "|---|---:|---:|")?;
        writeln!(
            out,
            "| Accuracy | {} | {} |",
            fixed3(cv.accuracy_mean),
            fixed3(cv.accuracy_sd)
        )?;
        writeln!(
            out,
            "| Macro-F1 | {} | {} |",
            fixed3(cv.macro_f1_mean),
            fixed3(cv.macro_f1_sd)
        )?;
    }

    if let Some(c) = &e.compare {
        writeln!(out)?;
        writeln!(out, "## Comparison")?;
        writeln!(out)?;
        writeln!(
            out,
            "| Compared model | Macro-F1 | Difference (it − this) | p-value |"
        )?;
        writeln!(out, "|---|---:|---:|---:|")?;
        writeln!(
            out,
            "| {} | {} | {:+.3} | {} |",
            cell(&c.model),
            fixed3(c.macro_f1),
            c.macro_f1_diff,
            fixed3(c.p_value)
        )?;
        writeln!(out)?;
        writeln!(out, "Two-sided paired bootstrap over the same resamples.")?;
    }

    writeln!(out)?;
    writeln!(out, "## Most confident mistakes")?;
    writeln!(out)?;
    if e.errors.is_empty() {
        writeln!(out, "No mistakes.")?;
        return Ok(());
    }
    writeln!(out, "| # | Confidence | True | Predicted | Statement |")?;
    writeln!(out, "|---:|---:|---|---|---|")?;
    for (i, m) in e.errors.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            fixed3(m.confidence),
            cell(&m.label),
            cell(&m.predicted),
            cell(&m.text)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_evaluation;

    #[test]
    fn tables_hold_the_figures_and_escape_text() {
        let e = sample_evaluation();
        let mut out = Vec::new();
        render(&e, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(&format!("| Accuracy | {} |", fixed3(e.accuracy))));
        assert!(text.contains(&format!("| Macro-F1 | {} |", fixed3(e.macro_f1))));
        assert!(text.contains("| **conciliatory** | 3 | 1 | 0 |"));
        assert!(text.contains("&lt;script&gt;alert('x')&lt;/script&gt; all or nothing"));
        assert!(!text.contains("<script>"));
        // Every table row has the same number of unescaped separators as its header.
        for line in text
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains("all or nothing"))
        {
            let separators = line.matches(" |").count();
            assert_eq!(separators, 5, "{line}");
        }
        assert!(text.contains("It said nothing."));
        assert!(!text.contains("issued.\nIt"));
    }

    #[test]
    fn cell_escapes_pipes_and_markup() {
        assert_eq!(cell("a|b *c* <d>\n_e_"), "a\\|b \\*c\\* &lt;d&gt; \\_e\\_");
    }
}
