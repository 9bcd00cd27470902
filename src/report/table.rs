//! The report as plain text for a terminal: aligned columns, no colors.

use std::io::{self, Write};

use super::{fixed3, fixed3_or_dash, one_line, Evaluation};

/// Longest statement excerpt in the errors list, in characters.
const EXCERPT_CHARS: usize = 80;

/// Writes `evaluation` as a plain-text report: overall figures with their
/// 95% intervals, the baseline, a per-class table, the confusion matrix,
/// scores per source corpus (when known), calibration, cross-validation and comparison (when present) and the most
/// confident mistakes (statements flattened to one line, cut to 80
/// characters, control characters removed).
pub fn render(evaluation: &Evaluation, out: &mut impl Write) -> io::Result<()> {
    let e = evaluation;
    let labels = &e.confusion.labels;
    let label_width = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(10);

    writeln!(out, "Stance evaluation")?;
    if let Some(model) = &e.model {
        writeln!(out, "  model  {}", one_line(model, 200))?;
    }
    if let Some(data) = &e.data {
        writeln!(out, "  data   {}", one_line(data, 200))?;
    }
    writeln!(out, "  n      {} statements", e.n)?;
    writeln!(out)?;

    writeln!(out, "{:<22}{:>7}   95% CI", "Overall", "value")?;
    let interval = |ci: [f64; 2]| format!("[{}, {}]", fixed3(ci[0]), fixed3(ci[1]));
    writeln!(
        out,
        "  {:<20}{:>7}   {}",
        "accuracy",
        fixed3(e.accuracy),
        interval(e.ci95.accuracy)
    )?;
    writeln!(
        out,
        "  {:<20}{:>7}   {}",
        "macro-F1",
        fixed3(e.macro_f1),
        interval(e.ci95.macro_f1)
    )?;
    for (name, value) in [
        ("micro-F1", e.micro_f1),
        ("weighted-F1", e.weighted_f1),
        ("Cohen's kappa", e.kappa),
    ] {
        writeln!(out, "  {:<20}{:>7}", name, fixed3(value))?;
    }
    let baseline_class = e
        .baseline_label()
        .map(|l| one_line(l, 40))
        .unwrap_or_default();
    writeln!(
        out,
        "  {:<20}{:>7}   (always {baseline_class:?})",
        "baseline accuracy",
        fixed3(e.baseline.accuracy)
    )?;
    writeln!(
        out,
        "  {:<20}{:>7}",
        "baseline macro-F1",
        fixed3(e.baseline.macro_f1)
    )?;
    writeln!(out)?;

    writeln!(
        out,
        "{:<w$}  {:>9}  {:>7}  {:>7}  {:>7}",
        "Per class",
        "precision",
        "recall",
        "F1",
        "support",
        w = label_width + 2
    )?;
    for (label, s) in &e.per_class.0 {
        writeln!(
            out,
            "  {:<label_width$}  {:>9}  {:>7}  {:>7}  {:>7}",
            one_line(label, 200),
            fixed3(s.precision),
            fixed3(s.recall),
            fixed3(s.f1),
            s.support
        )?;
    }
    writeln!(out)?;

    writeln!(
        out,
        "Confusion matrix (rows: true class, columns: predicted)"
    )?;
    let cell_width = label_width.max(6);
    write!(out, "  {:<label_width$}", "")?;
    for label in labels {
        write!(out, "  {:>cell_width$}", one_line(label, 200))?;
    }
    writeln!(out)?;
    for (label, row) in labels.iter().zip(&e.confusion.matrix) {
        write!(out, "  {:<label_width$}", one_line(label, 200))?;
        for count in row {
            write!(out, "  {count:>cell_width$}")?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;

    if !e.by_source.is_empty() {
        let source_width = e
            .by_source
            .iter()
            .map(|g| g.source.chars().count())
            .max()
            .unwrap_or(0)
            .max(9);
        write!(
            out,
            "{:<w$}  {:>6}  {:>8}  {:>8}",
            "By source",
            "n",
            "accuracy",
            "macro-F1",
            w = source_width + 2
        )?;
        let f1_width = label_width + 3;
        for label in labels {
            write!(
                out,
                "  {:>f1_width$}",
                format!("F1 {}", one_line(label, 200))
            )?;
        }
        writeln!(out)?;
        for g in &e.by_source {
            write!(
                out,
                "  {:<source_width$}  {:>6}  {:>8}  {:>8}",
                one_line(&g.source, 200),
                g.n,
                fixed3(g.accuracy),
                fixed3(g.macro_f1)
            )?;
            for (_, scores) in &g.per_class.0 {
                write!(out, "  {:>f1_width$}", fixed3(scores.f1))?;
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }

    let cal = &e.calibration;
    writeln!(out, "Calibration")?;
    writeln!(
        out,
        "  {:<20}{:>7}   (mean squared error of the probabilities; 0 best, 2 worst)",
        "Brier score",
        fixed3(cal.brier)
    )?;
    writeln!(
        out,
        "  {:<20}{:>7}   (expected calibration error, {} bins)",
        "ECE",
        fixed3(cal.ece),
        cal.bins.len()
    )?;
    writeln!(
        out,
        "  {:<13}  {:>6}  {:>10}  {:>8}",
        "confidence", "n", "mean conf.", "accuracy"
    )?;
    for bin in cal.bins.iter().filter(|b| b.n > 0) {
        writeln!(
            out,
            "  {:<13}  {:>6}  {:>10}  {:>8}",
            format!("{:.2}–{:.2}", bin.lo, bin.hi),
            bin.n,
            fixed3_or_dash(bin.confidence),
            fixed3_or_dash(bin.accuracy)
        )?;
    }
    let empty = cal.bins.iter().filter(|b| b.n == 0).count();
    if empty > 0 {
        writeln!(out, "  ({empty} empty bins not shown)")?;
    }

    if let Some(cv) = &e.cv {
        writeln!(out)?;
        writeln!(
            out,
            "Cross-validation ({} folds; mean ± sample sd)",
            cv.folds
        )?;
        writeln!(
            out,
            "  {:<20}{:>7} ± {}",
            "accuracy",
            fixed3(cv.accuracy_mean),
            fixed3(cv.accuracy_sd)
        )?;
        writeln!(
            out,
            "  {:<20}{:>7} ± {}",
            "macro-F1",
            fixed3(cv.macro_f1_mean),
            fixed3(cv.macro_f1_sd)
        )?;
    }

    if let Some(c) = &e.compare {
        writeln!(out)?;
        writeln!(out, "Comparison with {}", one_line(&c.model, 200))?;
        writeln!(out, "  {:<20}{:>7}", "its macro-F1", fixed3(c.macro_f1))?;
        writeln!(
            out,
            "  {:<20}{:>7}   (its macro-F1 minus this model's)",
            "difference",
            format!("{:+.3}", c.macro_f1_diff)
        )?;
        writeln!(
            out,
            "  {:<20}{:>7}   (two-sided paired bootstrap)",
            "p-value",
            fixed3(c.p_value)
        )?;
    }

    writeln!(out)?;
    if e.errors.is_empty() {
        writeln!(out, "No mistakes.")?;
        return Ok(());
    }
    writeln!(out, "Most confident mistakes")?;
    writeln!(
        out,
        "  {:>3}  {:>5}  {:<label_width$}  {:<label_width$}  statement",
        "#", "conf.", "true", "predicted"
    )?;
    for (i, m) in e.errors.iter().enumerate() {
        writeln!(
            out,
            "  {:>3}  {:>5}  {:<label_width$}  {:<label_width$}  {}",
            i + 1,
            fixed3(m.confidence),
            one_line(&m.label, 200),
            one_line(&m.predicted, 200),
            one_line(&m.text, EXCERPT_CHARS)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_evaluation;

    fn rendered() -> String {
        let mut out = Vec::new();
        render(&sample_evaluation(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn shows_the_figures_aligned() {
        let text = rendered();
        let e = sample_evaluation();
        let accuracy_line = text
            .lines()
            .find(|l| l.trim_start().starts_with("accuracy"))
            .unwrap();
        assert!(
            accuracy_line.contains(&fixed3(e.accuracy)),
            "{accuracy_line}"
        );
        assert!(accuracy_line.contains(&format!("[{}, ", fixed3(e.ci95.accuracy[0]))));
        assert!(text.contains("(always \"neutral\")"));
        // Per-class rows: label then the four columns, equally wide lines.
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| {
                ["  conciliatory  ", "  maximalist  ", "  neutral  "]
                    .iter()
                    .any(|p| l.starts_with(p))
            })
            .collect();
        // three per-class rows + three confusion rows
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0].chars().count(), rows[2].chars().count());
        assert!(
            rows[3].ends_with(&format!("{:>12}  {:>12}  {:>12}", 3, 1, 0)),
            "{}",
            rows[3]
        );
        assert!(text.contains("Cross-validation (5 folds"));
        assert!(text.contains("Comparison with <built-in>"));
    }

    #[test]
    fn errors_are_one_line_and_truncated() {
        let text = rendered();
        let errors: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.starts_with("Most confident"))
            .skip(2)
            .collect();
        assert_eq!(errors.len(), 4);
        assert!(errors[0].contains("<script>alert('x')</script> all or nothing"));
        let long = errors
            .iter()
            .find(|l| l.contains("A long statement"))
            .unwrap();
        assert!(long.ends_with('…'));
        let excerpt = &long[long.find("A long").unwrap()..];
        assert_eq!(excerpt.chars().count(), EXCERPT_CHARS);
        assert!(errors
            .iter()
            .any(|l| l.contains("A statement was issued. It said nothing.")));
    }
}
