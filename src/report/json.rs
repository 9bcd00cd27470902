//! The report as pretty-printed JSON (the contract of [`super::Evaluation`]).

use std::io::{self, Write};

use super::Evaluation;

/// Writes `evaluation` as pretty JSON followed by a newline.
pub fn render(evaluation: &Evaluation, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, evaluation)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_evaluation;

    #[test]
    fn renders_parseable_pretty_json() {
        let evaluation = sample_evaluation();
        let mut out = Vec::new();
        render(&evaluation, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\n  \"model\""));
        assert!(text.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        // Full precision, not the three decimals of the other formats.
        assert_eq!(value["accuracy"].as_f64().unwrap(), evaluation.accuracy);
        assert_eq!(value["errors"][0]["text"], evaluation.errors[0].text);
    }
}
