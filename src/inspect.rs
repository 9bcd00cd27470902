//! Looking inside a model: its heaviest terms per label (`stance inspect`) and
//! the terms that pushed one statement toward each label (`stance explain`).
//!
//! Weights are shown *centred*: for each feature, the mean of its weights
//! over the labels is subtracted. Adding the same number to every label's
//! score leaves the softmax unchanged, so only these differences move a
//! prediction; a centred weight > 0 pushes toward the label, < 0 away from it.
//! A statement's centred contributions plus the centred intercepts sum to its
//! centred scores, whose softmax is the prediction.

use std::io::{self, Write};

use serde::Serialize;

use crate::classify::{LabelFields, Probabilities};
use crate::label::Stance;
use crate::pipeline::{Input, Pipeline, TrainingSummary};

/// A term and its centred weight for one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermWeight {
    /// The term (n-gram; `context:` marks reporting-clause features; `¬` a negated word).
    pub term: String,
    /// Its centred weight.
    pub weight: f64,
}

/// What `inspect` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    /// The training summary stored in the model.
    pub training: TrainingSummary,
    /// Number of text and context features.
    pub n_features: usize,
    /// The heaviest terms of each label, heaviest first.
    pub top_terms: std::collections::BTreeMap<String, Vec<TermWeight>>,
}

fn centred(weights: &[f64; Stance::COUNT]) -> [f64; Stance::COUNT] {
    let mean = weights.iter().sum::<f64>() / Stance::COUNT as f64;
    weights.map(|w| w - mean)
}

/// The training summary and the `n` heaviest terms of each label.
pub fn inspect(pipeline: &Pipeline, n: usize) -> Inspection {
    let weights = pipeline.model().weights();
    let mut top_terms = std::collections::BTreeMap::new();
    for stance in Stance::ALL {
        let mut ranked: Vec<(usize, f64)> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| (i, centred(w)[stance.index()]))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let terms = ranked
            .into_iter()
            .take(n)
            .map(|(i, weight)| TermWeight {
                term: pipeline.featurizer().feature_name(i),
                weight,
            })
            .collect();
        top_terms.insert(stance.to_string(), terms);
    }
    Inspection {
        training: pipeline.summary().clone(),
        n_features: pipeline.featurizer().n_features(),
        top_terms,
    }
}

/// One term's part in a prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The feature's name.
    pub term: String,
    /// Its TF-IDF value in the statement.
    pub value: f64,
    /// `value` times the centred weight for the label.
    pub contribution: f64,
}

/// What `explain` shows for one statement.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The statement.
    pub text: String,
    /// The prediction.
    #[serde(flatten)]
    pub prediction: LabelFields,
    /// The centred intercept of each label.
    pub intercept: Probabilities,
    /// For each label, the terms that pushed toward it (largest first), then
    /// those that pushed away from it (most negative last).
    pub contributions: std::collections::BTreeMap<String, Vec<Contribution>>,
}

/// The terms that pushed a statement toward and away from each label.
pub fn explain(pipeline: &Pipeline, input: Input<'_>) -> Explanation {
    let row = pipeline.featurizer().row(input);
    let weights = pipeline.model().weights();
    let prediction = pipeline.predict(input);
    let mut contributions = std::collections::BTreeMap::new();
    for stance in Stance::ALL {
        let mut terms: Vec<Contribution> = row
            .indices
            .iter()
            .zip(&row.values)
            .map(|(&i, &value)| Contribution {
                term: pipeline.featurizer().feature_name(i as usize),
                value,
                contribution: value * centred(&weights[i as usize])[stance.index()],
            })
            .filter(|c| c.contribution != 0.0)
            .collect();
        terms.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then_with(|| a.term.cmp(&b.term))
        });
        contributions.insert(stance.to_string(), terms);
    }
    let b = centred(pipeline.model().intercept());
    Explanation {
        text: input.text.to_string(),
        prediction: prediction.into(),
        intercept: Probabilities {
            conciliatory: b[0],
            maximalist: b[1],
            neutral: b[2],
        },
        contributions,
    }
}

/// Writes an inspection as text for the terminal.
pub fn write_inspection(out: &mut impl Write, inspection: &Inspection) -> io::Result<()> {
    let t = &inspection.training;
    writeln!(
        out,
        "model trained by stance {} on {}",
        t.stance_version, t.date
    )?;
    writeln!(
        out,
        "data: {} ({} statements), sha256 {}",
        t.data_file, t.n, t.data_sha256
    )?;
    let counts: Vec<String> = t
        .class_counts
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    writeln!(out, "labels: {}", counts.join(", "))?;
    match &t.cv {
        Some(cv) => writeln!(
            out,
            "cross-validated macro-F1: {:.4} +/- {:.4} ({} folds)",
            cv.macro_f1_mean, cv.macro_f1_sd, cv.folds
        )?,
        None => writeln!(
            out,
            "cross-validated macro-F1: not recorded (trained without --cv)"
        )?,
    }
    writeln!(
        out,
        "settings: {}",
        serde_json::to_string(&t.params).unwrap_or_default()
    )?;
    writeln!(out, "features: {}", inspection.n_features)?;
    for (label, terms) in &inspection.top_terms {
        writeln!(out, "\nheaviest terms for {label}:")?;
        for term in terms {
            writeln!(out, "  {:>8.4}  {}", term.weight, term.term)?;
        }
    }
    Ok(())
}

/// Writes an explanation as text: the `n` strongest terms each way per label.
pub fn write_explanation(
    out: &mut impl Write,
    explanation: &Explanation,
    n: usize,
) -> io::Result<()> {
    let p = &explanation.prediction;
    writeln!(out, "{}", explanation.text)?;
    writeln!(
        out,
        "=> {} ({:.2}): conciliatory {:.2}, maximalist {:.2}, neutral {:.2}",
        p.label,
        p.confidence,
        p.probabilities.conciliatory,
        p.probabilities.maximalist,
        p.probabilities.neutral
    )?;
    for (label, terms) in &explanation.contributions {
        writeln!(out, "\n{label}:")?;
        let toward: Vec<_> = terms
            .iter()
            .filter(|c| c.contribution > 0.0)
            .take(n)
            .collect();
        let away: Vec<_> = terms
            .iter()
            .rev()
            .filter(|c| c.contribution < 0.0)
            .take(n)
            .collect();
        for c in toward {
            writeln!(out, "  +{:.4}  {}", c.contribution, c.term)?;
        }
        for c in away {
            writeln!(out, "  {:.4}  {}", c.contribution, c.term)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centring_subtracts_the_mean() {
        assert_eq!(centred(&[3.0, 0.0, 0.0]), [2.0, -1.0, -1.0]);
    }
}
