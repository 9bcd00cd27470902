//! Reporting-verb features: which verb reports a statement, and whether it
//! is negated. "Iran rejected the offer", "Iran offered talks", "Iran did
//! not rule out talks" differ most in the verb of their reporting clause;
//! the clause's TF-IDF row holds that verb among the speaker's name and
//! time words, while here it is a feature of its own.
//!
//! Input: the analyzed words of a statement's reporting clause (stemmed,
//! negation scope marked with [`crate::analyze::NEGATION_MARK`], as
//! [`Analyzer::words`] gives them). Output: one binary column per verb term
//! seen in at least `min_df` training clauses ("reject", "¬rule"). Words
//! are matched by stem, so a noun with a verb's stem ("the offer") counts
//! too. The fitted vocabulary is stored in the model file, so classifying
//! needs no verb list.

use std::collections::{HashMap, HashSet};

use crate::analyze::{Analyzer, NEGATION_MARK};
use crate::features::SparseRow;

/// Verbs that report speech or take a stance toward what they report, in
/// the forms whose stems differ ("say", "said"). Stemming covers the other
/// inflections ("rejects", "rejected", "rejecting").
#[rustfmt::skip]
pub const REPORTING_VERBS: &[&str] = &[
    // Saying and telling.
    "say", "said", "tell", "told", "add", "write", "wrote", "state", "declare", "announce",
    "explain", "note", "comment", "remark", "reply", "respond", "answer", "report", "testify",
    "tweet", "recall", "mention", "disclose", "reveal", "confirm", "acknowledge", "admit",
    "concede", "indicate", "hint", "imply", "suggest", "predict", "estimate", "expect", "believe",
    "think", "feel", "hope", "fear", "worry", "doubt", "ask", "question", "wonder",
    // Insisting and arguing.
    "argue", "claim", "assert", "insist", "maintain", "contend", "stress", "emphasise",
    "emphasize", "underline", "reiterate", "repeat", "affirm", "assure", "pledge", "promise",
    "vow", "swear", "boast", "complain", "protest", "object", "deny", "dispute", "counter",
    "retort", "charge", "accuse", "allege", "blame", "criticise", "criticize", "condemn",
    "denounce", "attack", "dismiss", "deride", "mock",
    // Refusing and threatening.
    "reject", "refuse", "decline", "rebuff", "spurn", "oppose", "resist", "veto", "block", "rule",
    "warn", "threaten", "caution", "demand", "urge", "call", "press", "challenge", "defy",
    // Offering and accepting.
    "offer", "propose", "invite", "welcome", "accept", "agree", "endorse", "support", "back",
    "praise", "hail", "applaud", "approve", "compromise", "negotiate", "appeal", "plead", "seek",
    // Describing.
    "describe", "term", "label", "brand", "characterise", "characterize",
];

/// The verb features' fitted vocabulary (a model file stores the list).
#[derive(Debug, Clone, PartialEq)]
pub struct FittedVerbs {
    /// Verb terms, sorted; a term's index is its column.
    vocabulary: Vec<String>,
    index: HashMap<String, u32>,
}

impl FittedVerbs {
    /// Keeps every verb term (a word of a clause whose stem, negation mark
    /// aside, is a [`REPORTING_VERBS`] stem) that occurs in at least
    /// `min_df` of `clauses`.
    pub fn fit(clauses: &[Vec<String>], analyzer: &Analyzer, min_df: usize) -> FittedVerbs {
        let stems: HashSet<String> = REPORTING_VERBS
            .iter()
            .flat_map(|v| analyzer.words(v))
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for clause in clauses {
            let mut seen: Vec<&str> = clause
                .iter()
                .filter(|w| stems.contains(w.trim_start_matches(NEGATION_MARK)))
                .map(String::as_str)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                *df.entry(w).or_default() += 1;
            }
        }
        let mut vocabulary: Vec<String> = df
            .into_iter()
            .filter(|&(_, n)| n >= min_df.max(1))
            .map(|(w, _)| w.to_string())
            .collect();
        vocabulary.sort_unstable();
        FittedVerbs::from_vocabulary(vocabulary)
    }

    /// The vectorizer of a stored vocabulary.
    pub fn from_vocabulary(vocabulary: Vec<String>) -> FittedVerbs {
        let index = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        FittedVerbs { vocabulary, index }
    }

    /// The row of a clause's analyzed words: 1 for each vocabulary verb in it.
    pub fn row(&self, clause_words: &[String]) -> SparseRow {
        let mut columns: Vec<u32> = clause_words
            .iter()
            .filter_map(|w| self.index.get(w).copied())
            .collect();
        columns.sort_unstable();
        columns.dedup();
        SparseRow {
            values: vec![1.0; columns.len()],
            indices: columns,
        }
    }

    /// The verb terms, in column order.
    pub fn vocabulary(&self) -> &[String] {
        &self.vocabulary
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Whether no verb was kept.
    pub fn is_empty(&self) -> bool {
        self.vocabulary.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::AnalyzerParams;

    fn analyzer() -> Analyzer {
        AnalyzerParams::new().check().unwrap()
    }

    #[test]
    fn keeps_verbs_seen_in_min_df_clauses_with_their_negation() {
        let a = analyzer();
        let clauses: Vec<Vec<String>> = [
            "Iran rejected the offer",
            "Iraq rejects any talks",
            "Syria did not rule out talks",
            "Egypt did not rule it out",
            "Jordan offered help",
        ]
        .iter()
        .map(|c| a.words(c))
        .collect();
        let verbs = FittedVerbs::fit(&clauses, &a, 2);
        // "reject" and "¬rule" twice; "offer" twice too, as the noun of "the
        // offer" has the verb's stem; "talks" is no verb.
        assert_eq!(verbs.vocabulary(), ["offer", "reject", "¬rule"]);
        let row = verbs.row(&a.words("Egypt flatly rejected and rejected it"));
        assert_eq!(row.indices, [1]);
        assert_eq!(row.values, [1.0]);
        assert!(verbs.row(&a.words("they ruled it out")).indices.is_empty());
    }
}
