//! Articles and single statements in, labeled statement records out.

use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::extract::{sentence_spans, Extractor};
use crate::label::Stance;
use crate::pipeline::{Input, Pipeline, Prediction};
use crate::statement::{Statement, StatementKind};

/// The model built into the binary (models/default.json at build time).
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../models/default.json");

/// How an article is cut into statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segmentation {
    /// Direct quotes and reported speech, with speakers ([`Extractor`]).
    Statements,
    /// Every sentence is a statement with no speaker (kind "sentence").
    Sentences,
}

/// The probability of each label, as written in every output format.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Probabilities {
    /// P(conciliatory).
    pub conciliatory: f64,
    /// P(maximalist).
    pub maximalist: f64,
    /// P(neutral).
    pub neutral: f64,
}

/// The label fields of a classified statement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelFields {
    /// The most probable label.
    pub label: Stance,
    /// Its probability.
    pub confidence: f64,
    /// Every label's probability.
    pub probabilities: Probabilities,
}

impl From<Prediction> for LabelFields {
    fn from(p: Prediction) -> Self {
        LabelFields {
            label: p.label,
            confidence: p.confidence(),
            probabilities: Probabilities {
                conciliatory: p.probabilities[Stance::Conciliatory.index()],
                maximalist: p.probabilities[Stance::Maximalist.index()],
                neutral: p.probabilities[Stance::Neutral.index()],
            },
        }
    }
}

/// One output record: a statement, where it was found, and (for `classify`)
/// its label. Field names are a stable contract read by other tools.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRecord {
    /// The article's path, `-` for stdin, `None` for `--statement`.
    pub article: Option<String>,
    /// 0-based position among the article's statements.
    pub index: usize,
    /// The statement.
    pub text: String,
    /// Who made it.
    pub speaker: Option<String>,
    /// How it was found.
    pub kind: StatementKind,
    /// Byte offset of the statement in the article.
    pub start: Option<usize>,
    /// Byte offset one past its end.
    pub end: Option<usize>,
    /// The sentence(s) holding the statement and its attribution.
    pub context: Option<String>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// The label fields, absent for `extract`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub stance: Option<LabelFields>,
}

impl StatementRecord {
    /// A record for a statement found in an article, without a label.
    pub fn found(article: &str, index: usize, statement: Statement) -> StatementRecord {
        StatementRecord {
            article: Some(article.to_string()),
            index,
            text: statement.text,
            speaker: statement.speaker,
            kind: statement.kind,
            start: Some(statement.start),
            end: Some(statement.end),
            context: Some(statement.context),
            cue: statement.cue,
            stance: None,
        }
    }
}

/// Statements of an article.
pub fn statements(
    article: &str,
    segmentation: Segmentation,
    extractor: &Extractor,
) -> Vec<Statement> {
    match segmentation {
        Segmentation::Statements => extractor.extract(article),
        Segmentation::Sentences => sentence_spans(article)
            .into_iter()
            .map(|span| {
                let text = article[span.clone()].to_string();
                Statement {
                    context: text.clone(),
                    text,
                    speaker: None,
                    kind: StatementKind::Sentence,
                    start: span.start,
                    end: span.end,
                    cue: None,
                }
            })
            .collect(),
    }
}

/// A model with an extractor: labels statements and articles.
#[derive(Debug)]
pub struct Classifier {
    pipeline: Pipeline,
    extractor: Extractor,
}

impl Classifier {
    /// A classifier with the model built into the binary.
    pub fn builtin() -> Result<Classifier> {
        Ok(Classifier::new(Pipeline::from_json(
            BUILTIN_MODEL,
            Path::new("<built-in model>"),
        )?))
    }

    /// A classifier with a given model.
    pub fn new(pipeline: Pipeline) -> Classifier {
        Classifier {
            pipeline,
            extractor: Extractor::new(),
        }
    }

    /// The model.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Labels one statement given on its own.
    pub fn classify_statement(&self, text: &str) -> StatementRecord {
        let prediction = self.pipeline.predict(Input {
            text,
            context: None,
        });
        StatementRecord {
            article: None,
            index: 0,
            text: text.to_string(),
            speaker: None,
            kind: StatementKind::Statement,
            start: None,
            end: None,
            context: None,
            cue: None,
            stance: Some(prediction.into()),
        }
    }

    /// Finds the statements of an article and labels each one.
    pub fn classify_article(
        &self,
        name: &str,
        article: &str,
        segmentation: Segmentation,
    ) -> Vec<StatementRecord> {
        statements(article, segmentation, &self.extractor)
            .into_iter()
            .enumerate()
            .map(|(index, statement)| {
                let prediction = self.pipeline.predict(Input {
                    text: &statement.text,
                    context: Some(&statement.context),
                });
                let mut record = StatementRecord::found(name, index, statement);
                record.stance = Some(prediction.into());
                record
            })
            .collect()
    }
}
