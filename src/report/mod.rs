//! The evaluation report of one model on labeled statements, and its
//! renderers: [`table`] (terminal), [`json`], [`markdown`] and [`html`].
//!
//! [`Evaluation`] serializes to the JSON contract that other tools parse:
//!
//! ```text
//! {"model"?, "data"?,                       // only when set
//!  "n", "accuracy", "macro_f1",
//!  "per_class": {"<label>": {"precision","recall","f1","support"}},   // label order
//!  "confusion": {"labels": [...], "matrix": [[...]]},  // rows true, columns predicted
//!  "micro_f1", "weighted_f1", "kappa",
//!  "baseline": {"accuracy", "macro_f1"},
//!  "ci95": {"accuracy": [lo, hi], "macro_f1": [lo, hi]},
//!  "calibration": {"brier", "ece", "bins": [{"lo","hi","n","confidence","accuracy"}]},
//!  "errors": [{"text","label","predicted","confidence"}],
//!  "cv"?: {"folds","macro_f1_mean","macro_f1_sd","accuracy_mean","accuracy_sd"},
//!  "compare"?: {"model","macro_f1","macro_f1_diff","p_value"},
//!  "by_source"?: [{"source","n","accuracy","macro_f1",
//!                  "per_class": {"<label>": {"precision","recall","f1","support"}}}]}
//! ```
//!
//! The definitions of the figures are in [`crate::metrics`] and
//! [`crate::folds`]. Empty calibration bins have `null` confidence and
//! accuracy.

use std::fmt;
use std::io::{self, Write};
use std::path::Path;
use std::str::FromStr;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Result, StanceError};
use crate::folds::CvSummary;
use crate::metrics::{
    self, invalid, Baseline, BootstrapIntervals, Calibration, ClassScores, Mistake, Scored,
};

pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

/// How an [`Evaluation`] is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalOptions {
    /// Bootstrap resamples for the confidence intervals and the comparison.
    pub resamples: usize,
    /// Seed of the bootstrap's random generator.
    pub seed: u64,
    /// How many of the most confident mistakes to list.
    pub errors: usize,
    /// Number of equal-width confidence bins for calibration.
    pub bins: usize,
}

impl Default for EvalOptions {
    /// 1,000 resamples, seed 42, 20 errors, 10 bins.
    fn default() -> Self {
        EvalOptions {
            resamples: 1000,
            seed: 42,
            errors: 20,
            bins: 10,
        }
    }
}

/// Per-class scores keyed by class name, kept in class (column) order; a
/// JSON object whose keys come in that order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PerClass(pub Vec<(String, ClassScores)>);

impl PerClass {
    /// The scores of each class of a confusion matrix, named by `labels`
    /// (the matrix's class order).
    pub fn of(labels: &[String], confusion: &[Vec<usize>]) -> PerClass {
        PerClass(
            labels
                .iter()
                .cloned()
                .zip(metrics::per_class(confusion))
                .collect(),
        )
    }
}

impl Serialize for PerClass {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (label, scores) in &self.0 {
            map.serialize_entry(label, scores)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PerClass {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = PerClass;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from class name to scores")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<PerClass, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, ClassScores>()? {
                    entries.push(entry);
                }
                Ok(PerClass(entries))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// Confusion matrix with its class names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    /// Class names, the order of both rows and columns.
    pub labels: Vec<String>,
    /// `matrix[t][p]`: statements of true class `t` predicted as `p`.
    pub matrix: Vec<Vec<usize>>,
}

/// A second model scored on the same statements (`--compare`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The compared model (path or `<built-in>`).
    pub model: String,
    /// Its macro-F1.
    pub macro_f1: f64,
    /// Its macro-F1 minus the main model's (positive: it is better).
    pub macro_f1_diff: f64,
    /// Two-sided paired-bootstrap p-value (see [`metrics::PairedBootstrap`]).
    pub p_value: f64,
}

impl Comparison {
    /// Compares `other` (the model named `model`) with `main` by a paired
    /// bootstrap of macro-F1 (`options.resamples`, `options.seed`).
    ///
    /// Errors: either is malformed ([`Scored::validate`]), or they do not
    /// share the same class names and true classes (`InvalidParam`
    /// `compare`).
    pub fn from_scored(
        model: impl Into<String>,
        main: &Scored,
        other: &Scored,
        options: &EvalOptions,
    ) -> Result<Comparison> {
        main.validate()?;
        other.validate()?;
        if main.labels != other.labels {
            return Err(invalid(
                "compare",
                format!(
                    "the models have different classes: {:?} and {:?}",
                    main.labels, other.labels
                ),
            ));
        }
        if main.truth != other.truth {
            return Err(invalid(
                "compare",
                "the models were not scored on the same labeled statements".to_string(),
            ));
        }
        let k = main.class_count();
        let other_predicted = other.predicted();
        let paired = metrics::paired_bootstrap(
            &main.truth,
            &main.predicted(),
            &other_predicted,
            k,
            options.resamples,
            options.seed,
        );
        Ok(Comparison {
            model: model.into(),
            macro_f1: metrics::macro_f1(&metrics::confusion_matrix(
                &other.truth,
                &other_predicted,
                k,
            )),
            macro_f1_diff: paired.macro_f1_diff,
            p_value: paired.p_value,
        })
    }
}

/// The scores of the statements that come from one source corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceScores {
    /// The corpus: a record's `"source"` up to its first `:`
    /// (`reuters-21578`, `seed`), or [`NO_SOURCE`].
    pub source: String,
    /// Number of statements.
    pub n: usize,
    /// See [`metrics::accuracy`].
    pub accuracy: f64,
    /// See [`metrics::macro_f1`].
    pub macro_f1: f64,
    /// See [`metrics::per_class`].
    pub per_class: PerClass,
}

/// The corpus name of statements that have no `"source"`.
pub const NO_SOURCE: &str = "(no source)";

/// The corpus of a record's source: the part before its first `:`
/// (`"un-general-debate:USA_79_2024"` → `"un-general-debate"`).
pub fn corpus_of(source: Option<&str>) -> &str {
    match source {
        Some(s) => s.split(':').next().unwrap_or(s),
        None => NO_SOURCE,
    }
}

/// Everything the reports show about one model on one labeled data set.
/// Field order is the JSON key order (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The model: a path or `<built-in>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The labeled data file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Number of statements.
    pub n: usize,
    /// See [`metrics::accuracy`].
    pub accuracy: f64,
    /// See [`metrics::macro_f1`].
    pub macro_f1: f64,
    /// See [`metrics::per_class`].
    pub per_class: PerClass,
    /// See [`metrics::confusion_matrix`].
    pub confusion: Confusion,
    /// See [`metrics::micro_f1`].
    pub micro_f1: f64,
    /// See [`metrics::weighted_f1`].
    pub weighted_f1: f64,
    /// Cohen's kappa between truth and prediction ([`metrics::kappa`]).
    pub kappa: f64,
    /// See [`metrics::majority_baseline`].
    pub baseline: Baseline,
    /// See [`metrics::bootstrap_ci`].
    pub ci95: BootstrapIntervals,
    /// See [`metrics::calibration`].
    pub calibration: Calibration,
    /// See [`metrics::most_confident_mistakes`].
    pub errors: Vec<Mistake>,
    /// Cross-validation summary, when cross-validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv: Option<CvSummary>,
    /// Comparison with a second model, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<Comparison>,
    /// Scores per source corpus, in name order, when the data names sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_source: Vec<SourceScores>,
}

impl Evaluation {
    /// Computes every figure of the report from a model's predictions.
    ///
    /// Errors: malformed predictions ([`Scored::validate`]), or no
    /// statements at all (`InvalidParam` `data`), since a report of zeros
    /// would mislead.
    pub fn from_scored(scored: &Scored, options: &EvalOptions) -> Result<Evaluation> {
        scored.validate()?;
        if scored.is_empty() {
            return Err(invalid(
                "data",
                "no labeled statements to evaluate".to_string(),
            ));
        }
        let k = scored.class_count();
        let predicted = scored.predicted();
        let matrix = metrics::confusion_matrix(&scored.truth, &predicted, k);
        let per_class = PerClass::of(&scored.labels, &matrix);
        Ok(Evaluation {
            model: None,
            data: None,
            n: scored.len(),
            accuracy: metrics::accuracy(&matrix),
            macro_f1: metrics::macro_f1(&matrix),
            per_class,
            micro_f1: metrics::micro_f1(&matrix),
            weighted_f1: metrics::weighted_f1(&matrix),
            kappa: metrics::kappa(&matrix),
            baseline: metrics::majority_baseline(&scored.truth, k),
            ci95: metrics::bootstrap_ci(
                &scored.truth,
                &predicted,
                k,
                options.resamples,
                options.seed,
            ),
            calibration: metrics::calibration(&scored.truth, &scored.probabilities, options.bins),
            errors: metrics::most_confident_mistakes(scored, options.errors),
            confusion: Confusion {
                labels: scored.labels.clone(),
                matrix,
            },
            cv: None,
            compare: None,
            by_source: Vec::new(),
        })
    }

    /// Adds the scores per source corpus. `sources[i]` is the `"source"` of
    /// statement `i` of `scored`; nothing is added when no statement has one
    /// (a CSV file without a source column), since one group of all would
    /// only repeat the overall figures.
    ///
    /// Errors: `sources` and `scored` differ in length (`InvalidParam`
    /// `data`).
    pub fn with_sources(mut self, scored: &Scored, sources: &[Option<&str>]) -> Result<Self> {
        if sources.len() != scored.len() {
            return Err(invalid(
                "data",
                format!(
                    "{} sources for {} scored statements",
                    sources.len(),
                    scored.len()
                ),
            ));
        }
        if sources.iter().all(Option::is_none) {
            return Ok(self);
        }
        let predicted = scored.predicted();
        let mut groups: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
        for (i, source) in sources.iter().enumerate() {
            groups.entry(corpus_of(*source)).or_default().push(i);
        }
        let k = scored.class_count();
        self.by_source = groups
            .into_iter()
            .map(|(source, members)| {
                let truth: Vec<usize> = members.iter().map(|&i| scored.truth[i]).collect();
                let guess: Vec<usize> = members.iter().map(|&i| predicted[i]).collect();
                let matrix = metrics::confusion_matrix(&truth, &guess, k);
                SourceScores {
                    source: source.to_string(),
                    n: members.len(),
                    accuracy: metrics::accuracy(&matrix),
                    macro_f1: metrics::macro_f1(&matrix),
                    per_class: PerClass::of(&scored.labels, &matrix),
                }
            })
            .collect();
        Ok(self)
    }

    /// Names the model (a path or `<built-in>`).
    pub fn with_model(mut self, model: impl Into<String>) -> Self {
        self.model = Some(model.into());
        self
    }

    /// Names the labeled data file.
    pub fn with_data(mut self, data: impl Into<String>) -> Self {
        self.data = Some(data.into());
        self
    }

    /// Attaches a cross-validation summary.
    pub fn with_cv(mut self, cv: CvSummary) -> Self {
        self.cv = Some(cv);
        self
    }

    /// Attaches a comparison with a second model.
    pub fn with_compare(mut self, compare: Comparison) -> Self {
        self.compare = Some(compare);
        self
    }

    /// Name of the class the majority baseline predicts: the one with the
    /// largest support (ties: first in label order).
    pub fn baseline_label(&self) -> Option<&str> {
        let supports: Vec<usize> = self.per_class.0.iter().map(|(_, s)| s.support).collect();
        if supports.is_empty() {
            return None;
        }
        Some(
            self.per_class.0[metrics::argmax_count(&supports)]
                .0
                .as_str(),
        )
    }
}

/// An output format of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain-text terminal report ([`table::render`]).
    Table,
    /// Pretty JSON of the contract ([`json::render`]).
    Json,
    /// Markdown tables ([`markdown::render`]).
    Markdown,
    /// One self-contained HTML page ([`html::render`]).
    Html,
}

impl Format {
    /// The format a file name asks for by its extension (`.json`, `.md`,
    /// `.markdown`, `.html`, `.htm`, `.txt`), if any.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

impl FromStr for Format {
    type Err = StanceError;

    /// `table`, `json`, `markdown` (or `md`), `html`.
    fn from_str(s: &str) -> Result<Format> {
        match s.to_ascii_lowercase().as_str() {
            "table" | "text" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            _ => Err(invalid(
                "format",
                format!("{s:?} (expected table, json, markdown or html)"),
            )),
        }
    }
}

/// Writes `evaluation` to `out` in `format`.
pub fn render(evaluation: &Evaluation, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Table => table::render(evaluation, out),
        Format::Json => json::render(evaluation, out),
        Format::Markdown => markdown::render(evaluation, out),
        Format::Html => html::render(evaluation, out),
    }
}

/// A figure as every renderer prints it: three decimals.
pub(crate) fn fixed3(value: f64) -> String {
    format!("{value:.3}")
}

/// A figure that may be missing (empty calibration bin): three decimals or
/// a dash.
pub(crate) fn fixed3_or_dash(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), fixed3)
}

/// `text` on one line without control characters (they could move the
/// cursor or change colors in a terminal), cut to at most `max_chars`
/// characters with an ellipsis.
pub(crate) fn one_line(text: &str, max_chars: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let mut cut: String = flat.chars().take(max_chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small, varied report input: 12 statements, three classes, texts
    /// with characters that need escaping.
    pub(crate) fn sample_scored() -> Scored {
        let rows: [(usize, [f64; 3], &str); 12] = [
            (0, [0.80, 0.10, 0.10], "We will talk with them & listen."),
            (0, [0.55, 0.35, 0.10], "Negotiations <may> resume \"soon\"."),
            (0, [0.20, 0.70, 0.10], "Compromise is 'possible' if < 5 demands remain."),
            (0, [0.40, 0.20, 0.40], "Ties go to the lowest index."),
            (1, [0.05, 0.90, 0.05], "Never, not one inch."),
            (1, [0.10, 0.60, 0.30], "We demand total surrender."),
            (1, [0.97, 0.02, 0.01], "<script>alert('x')</script> all or nothing"),
            (2, [0.10, 0.10, 0.80], "The meeting is on Tuesday."),
            (2, [0.15, 0.15, 0.70], "Officials met in Geneva."),
            (2, [0.30, 0.45, 0.25], "A statement was issued.\nIt said nothing."),
            (2, [0.05, 0.05, 0.90], "Weather: sunny."),
            (2, [0.34, 0.33, 0.33], "A long statement that goes on and on about the talks, the ceasefire, the prisoners, the borders, and much more besides."),
        ];
        Scored {
            labels: vec!["conciliatory".into(), "maximalist".into(), "neutral".into()],
            truth: rows.iter().map(|r| r.0).collect(),
            probabilities: rows.iter().map(|r| r.1.to_vec()).collect(),
            texts: rows.iter().map(|r| r.2.to_string()).collect(),
        }
    }

    /// Sources of the sample's statements: six from Reuters (two
    /// documents), five from the UN debates, one without a source.
    pub(crate) const SAMPLE_SOURCES: [Option<&str>; 12] = [
        Some("reuters-21578:reuters-1"),
        Some("reuters-21578:reuters-1"),
        Some("reuters-21578:reuters-2"),
        Some("reuters-21578:reuters-2"),
        Some("reuters-21578:reuters-2"),
        Some("reuters-21578:reuters-2"),
        Some("un-general-debate:USA_79_2024"),
        Some("un-general-debate:USA_79_2024"),
        Some("un-general-debate:USA_79_2024"),
        Some("un-general-debate:FRA_79_2024"),
        Some("un-general-debate:FRA_79_2024"),
        None,
    ];

    pub(crate) fn sample_evaluation() -> Evaluation {
        let scored = sample_scored();
        let mut other = scored.clone();
        other.probabilities[2] = vec![0.6, 0.3, 0.1];
        let options = EvalOptions::default();
        Evaluation::from_scored(&scored, &options)
            .unwrap()
            .with_model("models/stance.json")
            .with_data("data/test.jsonl")
            .with_cv(CvSummary {
                folds: 5,
                macro_f1_mean: 0.61,
                macro_f1_sd: 0.04,
                accuracy_mean: 0.66,
                accuracy_sd: 0.03,
            })
            .with_compare(Comparison::from_scored("<built-in>", &scored, &other, &options).unwrap())
            .with_sources(&scored, &SAMPLE_SOURCES)
            .unwrap()
    }

    #[test]
    fn scores_per_source_match_hand_arithmetic() {
        let e = sample_evaluation();
        let names: Vec<&str> = e.by_source.iter().map(|g| g.source.as_str()).collect();
        assert_eq!(names, [NO_SOURCE, "reuters-21578", "un-general-debate"]);
        // (no source): truth 2, predicted 0 → accuracy 0, both F1 0.
        let none = &e.by_source[0];
        assert_eq!(none.n, 1);
        assert_eq!((none.accuracy, none.macro_f1), (0.0, 0.0));
        // Reuters: truth 0 0 0 0 1 1, predicted 0 0 1 0 1 1.
        // class 0: P 3/3, R 3/4, F1 6/7; class 1: P 2/3, R 2/2, F1 4/5;
        // class 2 nowhere, left out: macro (6/7 + 4/5) / 2 = 29/35.
        let reuters = &e.by_source[1];
        assert_eq!(reuters.n, 6);
        assert!((reuters.accuracy - 5.0 / 6.0).abs() < 1e-12);
        assert!((reuters.macro_f1 - 29.0 / 35.0).abs() < 1e-12);
        assert!((reuters.per_class.0[0].1.f1 - 6.0 / 7.0).abs() < 1e-12);
        // UN: truth 1 2 2 2 2, predicted 0 2 2 1 2. Class 0 predicted but
        // absent (F1 0), class 1 F1 0, class 2: P 3/3, R 3/4, F1 6/7;
        // macro (0 + 0 + 6/7) / 3 = 2/7.
        let un = &e.by_source[2];
        assert_eq!(un.n, 5);
        assert!((un.accuracy - 0.6).abs() < 1e-12);
        assert!((un.macro_f1 - 2.0 / 7.0).abs() < 1e-12);
        assert_eq!(un.per_class.0[2].1.support, 4);
        // The groups add up to the whole.
        assert_eq!(e.by_source.iter().map(|g| g.n).sum::<usize>(), e.n);
    }

    #[test]
    fn no_sources_add_no_breakdown_and_a_length_mismatch_is_an_error() {
        let scored = sample_scored();
        let e = Evaluation::from_scored(&scored, &EvalOptions::default()).unwrap();
        let none = e.clone().with_sources(&scored, &[None; 12]).unwrap();
        assert!(none.by_source.is_empty());
        assert!(e.with_sources(&scored, &SAMPLE_SOURCES[..11]).is_err());
        assert_eq!(corpus_of(Some("seed:news.txt")), "seed");
        assert_eq!(corpus_of(Some("bare")), "bare");
    }

    #[test]
    fn json_has_the_contract_keys_in_order() {
        let evaluation = sample_evaluation();
        let mut out = Vec::new();
        json::render(&evaluation, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let keys = [
            "\"model\"",
            "\"data\"",
            "\"n\"",
            "\"accuracy\"",
            "\"macro_f1\"",
            "\"per_class\"",
            "\"conciliatory\"",
            "\"maximalist\"",
            "\"neutral\"",
            "\"confusion\"",
            "\"micro_f1\"",
            "\"weighted_f1\"",
            "\"kappa\"",
            "\"baseline\"",
            "\"ci95\"",
            "\"calibration\"",
            "\"errors\"",
            "\"cv\"",
            "\"compare\"",
            "\"by_source\"",
        ];
        let mut from = 0;
        for key in keys {
            let at = text[from..]
                .find(key)
                .unwrap_or_else(|| panic!("{key} missing or out of order"));
            from += at + key.len();
        }
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let top: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = vec![
            "accuracy",
            "baseline",
            "by_source",
            "calibration",
            "ci95",
            "compare",
            "confusion",
            "cv",
            "data",
            "errors",
            "kappa",
            "macro_f1",
            "micro_f1",
            "model",
            "n",
            "per_class",
            "weighted_f1",
        ];
        expected.sort();
        assert_eq!(top, expected);
        assert_eq!(value["n"], 12);
        assert_eq!(value["calibration"]["bins"].as_array().unwrap().len(), 10);
        let bin = &value["calibration"]["bins"][0];
        assert!(bin["confidence"].is_null() && bin["n"] == 0);
        let per_class = &value["per_class"]["neutral"];
        for key in ["precision", "recall", "f1", "support"] {
            assert!(per_class.get(key).is_some(), "{key}");
        }
        assert_eq!(value["ci95"]["accuracy"].as_array().unwrap().len(), 2);
        for key in ["model", "macro_f1", "macro_f1_diff", "p_value"] {
            assert!(value["compare"].get(key).is_some(), "{key}");
        }
        for key in [
            "folds",
            "macro_f1_mean",
            "macro_f1_sd",
            "accuracy_mean",
            "accuracy_sd",
        ] {
            assert!(value["cv"].get(key).is_some(), "{key}");
        }
        // Round trip, including the class order of per_class.
        let back: Evaluation = serde_json::from_str(&text).unwrap();
        assert_eq!(back, evaluation);
    }

    #[test]
    fn optional_sections_are_left_out_when_absent() {
        let evaluation =
            Evaluation::from_scored(&sample_scored(), &EvalOptions::default()).unwrap();
        let value = serde_json::to_value(&evaluation).unwrap();
        for key in ["cv", "compare", "model", "data", "by_source"] {
            assert!(value.get(key).is_none(), "{key}");
        }
    }

    #[test]
    fn evaluation_figures_match_the_sample() {
        // Predictions: 0 0 1 0 | 1 1 0 | 2 2 1 2 0
        // Confusion [[3 1 0] [1 2 0] [1 1 3]]; accuracy 8/12
        let e = Evaluation::from_scored(&sample_scored(), &EvalOptions::default()).unwrap();
        assert_eq!(
            e.confusion.matrix,
            vec![vec![3, 1, 0], vec![1, 2, 0], vec![1, 1, 3]]
        );
        assert!((e.accuracy - 8.0 / 12.0).abs() < 1e-12);
        assert_eq!(e.errors.len(), 4);
        assert_eq!(e.errors[0].predicted, "conciliatory");
        assert!((e.errors[0].confidence - 0.97).abs() < 1e-12);
        assert_eq!(e.baseline_label(), Some("neutral"));
        // Baseline: always neutral, 5/12 right.
        assert!((e.baseline.accuracy - 5.0 / 12.0).abs() < 1e-12);
    }

    #[test]
    fn empty_or_malformed_input_is_an_error() {
        let empty = Scored {
            labels: vec!["a".into()],
            truth: vec![],
            probabilities: vec![],
            texts: vec![],
        };
        assert!(Evaluation::from_scored(&empty, &EvalOptions::default()).is_err());
        let mut bad = sample_scored();
        bad.truth[0] = 9;
        assert!(Evaluation::from_scored(&bad, &EvalOptions::default()).is_err());
        let mut other = sample_scored();
        other.truth.swap(0, 5);
        let options = EvalOptions::default();
        assert!(Comparison::from_scored("x", &sample_scored(), &other, &options).is_err());
    }

    #[test]
    fn a_single_right_statement_renders_in_every_format() {
        let scored = Scored {
            labels: vec!["a".into(), "b".into()],
            truth: vec![1],
            probabilities: vec![vec![0.25, 0.75]],
            texts: vec!["only one".into()],
        };
        let e = Evaluation::from_scored(&scored, &EvalOptions::default()).unwrap();
        assert_eq!((e.n, e.accuracy, e.macro_f1, e.kappa), (1, 1.0, 1.0, 0.0));
        assert_eq!(e.ci95.accuracy, [1.0, 1.0]);
        assert!(e.errors.is_empty());
        for format in [Format::Table, Format::Json, Format::Markdown, Format::Html] {
            let mut out = Vec::new();
            render(&e, format, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(
                text.contains("1.000") || format == Format::Json,
                "{format:?}"
            );
        }
    }

    #[test]
    fn formats_parse_from_names_and_extensions() {
        assert_eq!("md".parse::<Format>().unwrap(), Format::Markdown);
        assert_eq!("HTML".parse::<Format>().unwrap(), Format::Html);
        assert!("pdf".parse::<Format>().is_err());
        assert_eq!(
            Format::from_extension(Path::new("r.json")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_extension(Path::new("r")), None);
    }

    #[test]
    fn one_line_flattens_and_truncates() {
        assert_eq!(one_line("a\nb\t\x1b[31mc", 80), "a b [31mc");
        assert_eq!(one_line("abcdef", 4), "abc…");
        assert_eq!(one_line("abcd", 4), "abcd");
    }

    #[test]
    fn every_format_renders() {
        let evaluation = sample_evaluation();
        for format in [Format::Table, Format::Json, Format::Markdown, Format::Html] {
            let mut out = Vec::new();
            render(&evaluation, format, &mut out).unwrap();
            assert!(out.len() > 500, "{format:?}");
            // Every format shows the per-source rows: the UN group's
            // macro-F1 is 2/7.
            let text = String::from_utf8(out).unwrap();
            let un = text.find("un-general-debate").expect("a per-source row");
            let shown = if format == Format::Json {
                "0.2857"
            } else {
                "0.286"
            };
            assert!(text[un..].contains(shown), "{format:?}");
        }
    }
}
