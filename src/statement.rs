//! A statement found in an article: what was said, by whom, and where.

use serde::{Deserialize, Serialize};

/// How a statement was found in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Words between quotation marks.
    Direct,
    /// A clause reported by a speech verb, without quotation marks.
    Indirect,
    /// A whole sentence (used when statements are not extracted).
    Sentence,
    /// A statement given on its own (`classify --statement`).
    Statement,
}

impl StatementKind {
    /// The name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Sentence => "sentence",
            StatementKind::Statement => "statement",
        }
    }
}

/// One statement with its evidence in the article.
///
/// `start..end` are byte offsets into the article text; for a direct quote
/// that fits in one paragraph `&article[start..end] == text`. A quote that
/// runs over several paragraphs has its paragraphs joined with one space in
/// `text`, and `start..end` covers the whole run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The statement's words (for a direct quote, without the marks).
    pub text: String,
    /// Who made it, as named in the article, or `None` when unknown.
    pub speaker: Option<String>,
    /// How it was found.
    pub kind: StatementKind,
    /// Byte offset of the first byte of `text` in the article.
    pub start: usize,
    /// Byte offset one past the last byte of `text` in the article.
    pub end: usize,
    /// The sentence or sentences that hold the statement and its attribution.
    pub context: String,
    /// The reporting verb or phrase ("said", "according to", "told").
    pub cue: Option<String>,
}
