//! The whole classifier as one value: analyzer, TF-IDF vectorizers, weights
//! and the training summary; fitted from labeled statements, saved to and
//! loaded from one versioned JSON model file.
//!
//! A statement's feature row is its text's TF-IDF row, followed (when the
//! model uses context) by the TF-IDF row of its *reporting clause* scaled by
//! `context_weight` in a separate feature space. The reporting clause is the
//! context with the statement's own words removed ("Zelenskyy has said the
//! revised plan could be" for the quote "workable"), so a short quote is
//! judged together with the clause that reports it (codebook rule 5) and the
//! statement's words are not counted twice. Then come the cue-lexicon
//! counts of the text and of the clause, and last (when `char_weight` is
//! above 0) the TF-IDF row of the text's character n-grams
//! ([`crate::analyze::char_grams`]), scaled by `char_weight`, and (when
//! `verb_weight` is above 0) the reporting clause's verbs
//! ([`crate::verbs`]), scaled by `verb_weight`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analyze::{char_grams, for_each_char_gram, Analyzer, AnalyzerParams};
use crate::cues::{codebook_lexicon, CueCategory, CueMatcher};
use crate::data::{LabeledData, LabeledStatement};
use crate::error::{Result, StanceError};
use crate::features::{FittedTfIdf, SparseRow, TfIdfParams};
use crate::label::Stance;
use crate::model::{argmax, LinearModel, LogisticParams};
use crate::verbs::FittedVerbs;

/// The model file format this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The value of the model file's `"format"` field.
pub const FORMAT_NAME: &str = "stance-model";

/// Everything that decides how a pipeline is trained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineParams {
    /// Text analysis.
    pub analyzer: AnalyzerParams,
    /// Vocabulary and weighting.
    pub features: TfIdfParams,
    /// Scale of the reporting-clause features; 0 leaves context out.
    pub context_weight: f64,
    /// Scale of the cue-lexicon features ([`crate::cues`]); 0 leaves them out.
    #[serde(default)]
    pub cue_weight: f64,
    /// Scale of the text's character n-gram features; 0 leaves them out.
    /// Their vocabulary follows `features` (min_df, max_features).
    #[serde(default)]
    pub char_weight: f64,
    /// Scale of the reporting clause's verb features ([`crate::verbs`]); 0
    /// leaves them out. Their vocabulary keeps verbs seen in `min_df`
    /// clauses.
    #[serde(default)]
    pub verb_weight: f64,
    /// The logistic regression.
    pub model: LogisticParams,
}

impl Default for PipelineParams {
    /// The settings chosen by 5-fold cross-validation on data/train.jsonl
    /// (`stance train --data data/train.jsonl --cv 5`; models/README.md):
    /// words and word pairs, reporting clause at 0.5, cue lexicon at 0.5,
    /// character 2- to 5-grams at 0.5, reporting-clause verbs at 1, alpha
    /// 0.3, prior balance, 25 iterations.
    fn default() -> Self {
        PipelineParams {
            analyzer: AnalyzerParams::default(),
            features: TfIdfParams::default(),
            context_weight: 0.5,
            cue_weight: 0.5,
            char_weight: 0.5,
            verb_weight: 1.0,
            model: LogisticParams::default().alpha(0.3),
        }
    }
}

/// Cross-validation figures kept in a model's training summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvScore {
    /// Number of folds.
    pub folds: usize,
    /// Mean macro-F1 over the folds.
    pub macro_f1_mean: f64,
    /// Sample standard deviation of the folds' macro-F1.
    pub macro_f1_sd: f64,
}

/// What a model was trained on, stored in the model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingSummary {
    /// Number of training statements.
    pub n: usize,
    /// Statements per label.
    pub class_counts: std::collections::BTreeMap<String, usize>,
    /// SHA-256 of the training file's bytes.
    pub data_sha256: String,
    /// The training file's name as given.
    pub data_file: String,
    /// Cross-validation score of the chosen settings, when cross-validated.
    pub cv: Option<CvScore>,
    /// Training day (UTC, `YYYY-MM-DD`), from `SOURCE_DATE_EPOCH` when set.
    pub date: String,
    /// Version of stance that trained it.
    pub stance_version: String,
    /// The settings it was trained with.
    pub params: PipelineParams,
}

/// A statement and, optionally, the context it was found in.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The statement.
    pub text: &'a str,
    /// Its sentence with the reporting clause, if known.
    pub context: Option<&'a str>,
}

impl<'a> From<&'a LabeledStatement> for Input<'a> {
    fn from(s: &'a LabeledStatement) -> Self {
        Input {
            text: &s.text,
            context: s.context.as_deref(),
        }
    }
}

/// The model's answer for one statement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// The most probable label.
    pub label: Stance,
    /// The probability of each label, in [`Stance::ALL`] order.
    pub probabilities: [f64; Stance::COUNT],
}

impl Prediction {
    /// The probability of the predicted label.
    pub fn confidence(&self) -> f64 {
        self.probabilities[self.label.index()]
    }
}

/// The features of statements, before the model: analyzer and vectorizers.
#[derive(Debug)]
pub struct Featurizer {
    analyzer: Analyzer,
    text: FittedTfIdf,
    context: Option<FittedTfIdf>,
    context_weight: f64,
    cues: Option<CueMatcher>,
    cue_weight: f64,
    chars: Option<FittedTfIdf>,
    char_weight: f64,
    verbs: Option<FittedVerbs>,
    verb_weight: f64,
}

impl Featurizer {
    /// Fits the vectorizers on training statements.
    pub fn fit(params: &PipelineParams, inputs: &[Input<'_>]) -> Result<Featurizer> {
        let analyzer = params.analyzer.clone().check()?;
        let tfidf = params.features.clone().check()?;
        for (name, weight) in [
            ("context-weight", params.context_weight),
            ("cue-weight", params.cue_weight),
            ("char-weight", params.char_weight),
            ("verb-weight", params.verb_weight),
        ] {
            if !is_weight(weight) {
                return Err(StanceError::InvalidParam {
                    name,
                    reason: format!("must be 0 or more, got {weight}"),
                });
            }
        }
        let text_terms: Vec<Vec<String>> = inputs.iter().map(|i| analyzer.terms(i.text)).collect();
        let text = tfidf.fit(&text_terms);
        let clause_words: Vec<Vec<String>> =
            if params.context_weight > 0.0 || params.verb_weight > 0.0 {
                inputs
                    .iter()
                    .map(|i| analyzer.words(&reporting_clause(i.text, i.context)))
                    .collect()
            } else {
                Vec::new()
            };
        let context = (params.context_weight > 0.0).then(|| {
            let terms: Vec<Vec<String>> = clause_words
                .iter()
                .map(|w| analyzer.terms_of_words(w))
                .collect();
            tfidf.fit(&terms)
        });
        let verbs = (params.verb_weight > 0.0)
            .then(|| FittedVerbs::fit(&clause_words, &analyzer, tfidf.min_df()));
        let cues =
            (params.cue_weight > 0.0).then(|| CueMatcher::new(codebook_lexicon(), &analyzer));
        let chars = (params.char_weight > 0.0).then(|| {
            let grams: Vec<Vec<String>> = inputs.iter().map(|i| char_grams(i.text)).collect();
            tfidf.fit(&grams)
        });
        Ok(Featurizer {
            analyzer,
            text,
            context,
            context_weight: params.context_weight,
            cues,
            cue_weight: params.cue_weight,
            chars,
            char_weight: params.char_weight,
            verbs,
            verb_weight: params.verb_weight,
        })
    }

    /// Total number of feature columns: text terms, reporting-clause terms,
    /// cue categories of the text and of the reporting clause, then the
    /// text's character n-grams, and the reporting clause's verbs.
    pub fn n_features(&self) -> usize {
        self.text.len()
            + self.context_len()
            + 2 * self.cues_len()
            + self.chars_len()
            + self.verbs_len()
    }

    fn verbs_len(&self) -> usize {
        self.verbs.as_ref().map_or(0, FittedVerbs::len)
    }

    fn cues_len(&self) -> usize {
        self.cues.as_ref().map_or(0, CueMatcher::len)
    }

    fn chars_len(&self) -> usize {
        self.chars.as_ref().map_or(0, FittedTfIdf::len)
    }

    fn context_len(&self) -> usize {
        self.context.as_ref().map_or(0, FittedTfIdf::len)
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The feature row of one statement.
    pub fn row(&self, input: Input<'_>) -> SparseRow {
        let words = self.analyzer.words(input.text);
        let mut row = self.text.transform(&self.analyzer.terms_of_words(&words));
        let clause_words = if self.context.is_some() || self.verbs.is_some() {
            self.analyzer
                .words(&reporting_clause(input.text, input.context))
        } else {
            Vec::new()
        };
        let mut offset = self.text.len() as u32;
        if let Some(context) = &self.context {
            if !clause_words.is_empty() {
                let context_row = context.transform(&self.analyzer.terms_of_words(&clause_words));
                row.append_scaled(&context_row, offset, self.context_weight);
            }
            offset += context.len() as u32;
        }
        if let Some(cues) = &self.cues {
            row.append_scaled(&cues.row(&words), offset, self.cue_weight);
            offset += cues.len() as u32;
            if self.context.is_some() {
                row.append_scaled(&cues.row(&clause_words), offset, self.cue_weight);
            }
            offset += cues.len() as u32;
        }
        if let Some(chars) = &self.chars {
            row.append_scaled(
                &chars.transform_each(|term| for_each_char_gram(input.text, term)),
                offset,
                self.char_weight,
            );
            offset += chars.len() as u32;
        }
        if let Some(verbs) = &self.verbs {
            row.append_scaled(&verbs.row(&clause_words), offset, self.verb_weight);
        }
        row
    }

    /// The name of a feature column: the term, prefixed `context:` for the
    /// reporting-clause features, `cue:` and `context cue:` for cue
    /// categories, `chars:` for character n-grams (quoted, as they hold
    /// spaces), `verb:` for the reporting clause's verbs.
    pub fn feature_name(&self, column: usize) -> String {
        if let Some(term) = self.text.vocabulary().get(column) {
            return term.clone();
        }
        let column = column - self.text.len();
        if let Some(term) = self
            .context
            .as_ref()
            .and_then(|c| c.vocabulary().get(column))
        {
            return format!("context:{term}");
        }
        let column = column - self.context_len();
        if let Some(cues) = &self.cues {
            if let Some(c) = cues.categories().get(column) {
                return format!("cue:{}", c.name);
            }
            if let Some(c) = cues.categories().get(column - cues.len()) {
                return format!("context cue:{}", c.name);
            }
        }
        let column = column - 2 * self.cues_len();
        if let Some(gram) = self.chars.as_ref().and_then(|c| c.vocabulary().get(column)) {
            return format!("chars:{gram:?}");
        }
        let column = column - self.chars_len();
        match self.verbs.as_ref().and_then(|v| v.vocabulary().get(column)) {
            Some(verb) => format!("verb:{verb}"),
            None => "?".into(),
        }
    }
}

/// The context with the first occurrence of the statement removed; empty
/// when there is no context or the context is just the statement.
pub fn reporting_clause(text: &str, context: Option<&str>) -> String {
    let Some(context) = context else {
        return String::new();
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return context.to_string();
    }
    if let Some(at) = context.find(trimmed) {
        let mut clause = String::with_capacity(context.len() - trimmed.len() + 1);
        clause.push_str(&context[..at]);
        clause.push(' ');
        clause.push_str(&context[at + trimmed.len()..]);
        return clause;
    }
    // The statement may have been joined over line breaks: compare with
    // white space folded.
    let folded_context = fold_whitespace(context);
    let folded_text = fold_whitespace(trimmed);
    match folded_context.find(&folded_text) {
        Some(at) => format!(
            "{} {}",
            &folded_context[..at],
            &folded_context[at + folded_text.len()..]
        ),
        None => context.to_string(),
    }
}

fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A trained classifier: statements in, labels and probabilities out.
#[derive(Debug)]
pub struct Pipeline {
    featurizer: Featurizer,
    model: LinearModel,
    summary: TrainingSummary,
}

impl Pipeline {
    /// Trains on labeled data with the given settings. `cv` is the
    /// cross-validation score to record, if the settings were cross-validated.
    pub fn fit(
        params: &PipelineParams,
        data: &LabeledData,
        cv: Option<CvScore>,
    ) -> Result<Pipeline> {
        if data.statements.is_empty() {
            return Err(StanceError::BadTrainingSet(format!(
                "{}: no labeled statements to train on",
                data.path.display()
            )));
        }
        let inputs: Vec<Input<'_>> = data.statements.iter().map(Input::from).collect();
        let labels = data.labels();
        let (featurizer, model) = fit_parts(params, &inputs, &labels).map_err(|e| match e {
            StanceError::BadTrainingSet(reason) => {
                StanceError::BadTrainingSet(format!("{}: {reason}", data.path.display()))
            }
            other => other,
        })?;
        let mut class_counts = std::collections::BTreeMap::new();
        for stance in Stance::ALL {
            class_counts.insert(
                stance.to_string(),
                labels.iter().filter(|&&l| l == stance).count(),
            );
        }
        let summary = TrainingSummary {
            n: labels.len(),
            class_counts,
            data_sha256: data.sha256.clone(),
            data_file: data.path.file_name().map_or_else(
                || data.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            cv,
            date: training_date(),
            stance_version: env!("CARGO_PKG_VERSION").to_string(),
            params: params.clone(),
        };
        Ok(Pipeline {
            featurizer,
            model,
            summary,
        })
    }

    /// Classifies one statement.
    pub fn predict(&self, input: Input<'_>) -> Prediction {
        let probabilities = self.model.probabilities(&self.featurizer.row(input));
        Prediction {
            label: argmax(&probabilities),
            probabilities,
        }
    }

    /// Predicts labeled statements, for the accuracy reports.
    pub fn score(&self, statements: &[LabeledStatement]) -> crate::metrics::Scored {
        let probabilities: Vec<_> = statements
            .iter()
            .map(|s| self.predict(Input::from(s)).probabilities)
            .collect();
        scored(statements.iter(), &probabilities)
    }

    /// The feature pipeline.
    pub fn featurizer(&self) -> &Featurizer {
        &self.featurizer
    }

    /// The weights.
    pub fn model(&self) -> &LinearModel {
        &self.model
    }

    /// What the model was trained on.
    pub fn summary(&self) -> &TrainingSummary {
        &self.summary
    }

    /// The model file's bytes: pretty JSON, then a newline.
    pub fn to_json(&self) -> Vec<u8> {
        let file = ModelFile {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            labels: Stance::names(),
            analyzer: self.featurizer.analyzer.params().clone(),
            text_features: self.featurizer.text.clone(),
            context_features: self.featurizer.context.clone(),
            context_weight: self.featurizer.context_weight,
            cues: self
                .featurizer
                .cues
                .as_ref()
                .map(|c| c.categories().to_vec()),
            cue_weight: self.featurizer.cue_weight,
            char_features: self.featurizer.chars.clone(),
            char_weight: self.featurizer.char_weight,
            verbs: self
                .featurizer
                .verbs
                .as_ref()
                .map(|v| v.vocabulary().to_vec()),
            verb_weight: self.featurizer.verb_weight,
            intercept: *self.model.intercept(),
            weights: self.model.weights().to_vec(),
            training: self.summary.clone(),
        };
        let mut bytes = serde_json::to_vec(&file).expect("a model serializes");
        bytes.push(b'\n');
        bytes
    }

    /// Writes the model file atomically: a temporary file in the same folder,
    /// then a rename, so a failure leaves any old file as it was.
    pub fn save(&self, path: &Path) -> Result<()> {
        let io_error = |source| StanceError::Io {
            path: path.to_path_buf(),
            source,
        };
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&folder).map_err(io_error)?;
        let mut temp = tempfile::NamedTempFile::new_in(&folder).map_err(io_error)?;
        std::io::Write::write_all(&mut temp, &self.to_json()).map_err(io_error)?;
        temp.as_file().sync_all().map_err(io_error)?;
        // A temporary file is private (0600); a model is an ordinary file:
        // keep the old file's permissions, or use the usual 0644.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let permissions = std::fs::metadata(path)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
            temp.as_file()
                .set_permissions(permissions)
                .map_err(io_error)?;
        }
        temp.persist(path).map_err(|e| io_error(e.error))?;
        Ok(())
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<Pipeline> {
        let bytes = crate::data::read_bytes(path)?;
        Pipeline::from_json(&bytes, path)
    }

    /// Reads a model from its JSON bytes; `origin` names it in errors. Checks
    /// the format and version before anything else, then every dimension.
    pub fn from_json(bytes: &[u8], origin: &Path) -> Result<Pipeline> {
        let bad = |reason: String| StanceError::BadModel {
            path: origin.to_path_buf(),
            reason,
        };
        let header: ModelHeader = serde_json::from_slice(bytes).map_err(|e| {
            bad(format!(
                "not a stance model file (invalid or truncated JSON: {e})"
            ))
        })?;
        if header.format.as_deref() != Some(FORMAT_NAME) {
            return Err(bad(
                "not a stance model file (no \"format\": \"stance-model\")".into(),
            ));
        }
        match header.version {
            Some(v) if v > FORMAT_VERSION => {
                return Err(bad(format!(
                    "model format version {v} is newer than this stance reads ({FORMAT_VERSION}); upgrade stance"
                )))
            }
            Some(v) if v >= 1 => {}
            other => return Err(bad(format!("unknown model format version {other:?}"))),
        }
        let file: ModelFile =
            serde_json::from_slice(bytes).map_err(|e| bad(format!("malformed model file: {e}")))?;
        if file.labels != Stance::names() {
            return Err(bad(format!(
                "labels {:?} differ from {:?}",
                file.labels,
                Stance::names()
            )));
        }
        let analyzer = file.analyzer.check().map_err(|e| bad(e.to_string()))?;
        for (name, weight) in [
            ("context_weight", file.context_weight),
            ("cue_weight", file.cue_weight),
            ("char_weight", file.char_weight),
            ("verb_weight", file.verb_weight),
        ] {
            if !is_weight(weight) {
                return Err(bad(format!("{name} {weight} is invalid")));
            }
        }
        let cues = file.cues.map(|c| CueMatcher::new(c, &analyzer));
        let featurizer = Featurizer {
            analyzer,
            text: file.text_features,
            context: file.context_features,
            context_weight: file.context_weight,
            cues,
            cue_weight: file.cue_weight,
            chars: file.char_features,
            char_weight: file.char_weight,
            verbs: file.verbs.map(FittedVerbs::from_vocabulary),
            verb_weight: file.verb_weight,
        };
        if featurizer.n_features() != file.weights.len() {
            return Err(bad(format!(
                "{} weight rows for {} features",
                file.weights.len(),
                featurizer.n_features()
            )));
        }
        let model = LinearModel::from_parts(file.weights, file.intercept).map_err(bad)?;
        Ok(Pipeline {
            featurizer,
            model,
            summary: file.training,
        })
    }
}

/// Labeled statements and their predicted probabilities, as the metrics
/// take them.
pub fn scored<'a>(
    statements: impl Iterator<Item = &'a LabeledStatement>,
    probabilities: &[[f64; Stance::COUNT]],
) -> crate::metrics::Scored {
    let (truth, texts) = statements
        .map(|s| (s.label.index(), s.text.clone()))
        .unzip();
    crate::metrics::Scored {
        labels: Stance::names(),
        truth,
        probabilities: probabilities.iter().map(|p| p.to_vec()).collect(),
        texts,
    }
}

/// Fits the featurizer and the model on statements (used by training and by
/// cross-validation on each fold).
pub fn fit_parts(
    params: &PipelineParams,
    inputs: &[Input<'_>],
    labels: &[Stance],
) -> Result<(Featurizer, LinearModel)> {
    let logistic = params.model.clone().check()?;
    let featurizer = Featurizer::fit(params, inputs)?;
    let rows: Vec<SparseRow> = inputs.iter().map(|&i| featurizer.row(i)).collect();
    let model = logistic.fit(&rows, labels, featurizer.n_features())?;
    Ok((featurizer, model))
}

/// The first fields read from a model file, to check its format and version
/// before the rest is parsed.
#[derive(Deserialize)]
struct ModelHeader {
    format: Option<String>,
    version: Option<u32>,
}

/// The model file, version 1.
#[derive(Serialize, Deserialize)]
struct ModelFile {
    format: String,
    version: u32,
    labels: Vec<String>,
    analyzer: AnalyzerParams,
    text_features: FittedTfIdf,
    context_features: Option<FittedTfIdf>,
    context_weight: f64,
    /// The cue lexicon, when the model uses it.
    #[serde(default)]
    cues: Option<Vec<CueCategory>>,
    #[serde(default)]
    cue_weight: f64,
    /// The character n-gram vectorizer, when the model uses it (absent from
    /// files written before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    char_features: Option<FittedTfIdf>,
    #[serde(default, skip_serializing_if = "is_zero")]
    char_weight: f64,
    /// The reporting-clause verbs, when the model uses them (absent from
    /// files written before they existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verbs: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "is_zero")]
    verb_weight: f64,
    intercept: [f64; Stance::COUNT],
    /// `weights[feature][label]`, in [`Featurizer::n_features`] column order.
    weights: Vec<[f64; Stance::COUNT]>,
    training: TrainingSummary,
}

/// Whether a feature block's scale is usable: finite and not negative.
fn is_weight(v: f64) -> bool {
    v.is_finite() && v >= 0.0
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

/// Today's date (UTC), or the date of `SOURCE_DATE_EPOCH` when it is set, so
/// that a model can be rebuilt byte for byte.
fn training_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map(|t| t.date().to_string())
        .unwrap_or_else(|_| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_clause_removes_the_statement() {
        let clause = reporting_clause(
            "workable.",
            Some("Zelenskyy has said the revised plan could be “workable.”"),
        );
        assert_eq!(clause, "Zelenskyy has said the revised plan could be “ ”");
        assert_eq!(reporting_clause("a b", Some("x a\n  b y")), "x   y");
        assert_eq!(reporting_clause("same", Some("same")), " ");
        assert_eq!(reporting_clause("t", None), "");
        assert_eq!(reporting_clause("zz", Some("other")), "other");
    }
}
