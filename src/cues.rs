//! A stance-cue lexicon built from the codebook's rules: hand-made features
//! that say whether a statement holds words of openness, positive appraisal,
//! de-escalation, refusal, threat, or insistence on total victory.
//!
//! Each category is a list of phrases. Phrases are run through the same
//! [`Analyzer`] as the statements, so stemming and negation scope apply to
//! both: "not accept" becomes `not ¬accept` and matches "we will never
//! accept", but "accept" does not match "do not accept". A category's feature
//! is `1 + ln(matches)` when it matches at all, else absent, scaled by the
//! pipeline's `cue_weight`. The lexicon is stored in the model file, so a
//! model keeps the cues it was trained with.

use serde::{Deserialize, Serialize};

use crate::analyze::Analyzer;
use crate::features::SparseRow;

/// One category of cues and its phrases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueCategory {
    /// The category's name, shown by `inspect` and `explain` as `cue:<name>`.
    pub name: String,
    /// Its phrases, as plain text.
    pub phrases: Vec<String>,
}

/// The codebook's cues (data/CODEBOOK.md names the rule behind each one).
pub fn codebook_lexicon() -> Vec<CueCategory> {
    let category = |name: &str, phrases: &[&str]| CueCategory {
        name: name.to_string(),
        phrases: phrases.iter().map(|p| p.to_string()).collect(),
    };
    vec![
        // Conciliatory: openness to talks or compromise.
        category(
            "openness",
            &[
                "ready to",
                "willing to",
                "prepared to",
                "open to",
                "dialogue",
                "negotiate",
                "negotiations",
                "talks",
                "sit down",
                "compromise",
                "flexible",
                "flexibility",
                "mediation",
                "good offices",
                "reconciliation",
            ],
        ),
        // Conciliatory: positive appraisal, optimism that a deal is near.
        category(
            "appraisal",
            &[
                "productive",
                "constructive",
                "workable",
                "positive",
                "welcome",
                "welcomes",
                "encouraging",
                "progress",
                "breakthrough",
                "good chance",
                "basis for",
                "step forward",
                "optimistic",
                "hopeful",
                "agreement",
                "deal",
            ],
        ),
        // Conciliatory: calls for restraint, de-escalation, ceasefire, peaceful means.
        category(
            "de-escalation",
            &[
                "ceasefire",
                "cease-fire",
                "truce",
                "restraint",
                "de-escalation",
                "de-escalate",
                "peaceful solution",
                "peaceful settlement",
                "political solution",
                "diplomatic solution",
                "peaceful means",
                "calm",
                "end the violence",
            ],
        ),
        // Conciliatory: concessions and acknowledging the other side.
        category(
            "concession",
            &[
                "concession",
                "concessions",
                "agreed to",
                "accept the",
                "offer",
                "meet halfway",
                "legitimate concerns",
                "understand their",
                "mutually acceptable",
                "both sides",
            ],
        ),
        // Maximalist: refusals, rejections, red lines.
        category(
            "refusal",
            &[
                "reject",
                "rejects",
                "rejected",
                "refuse",
                "refuses",
                "rule out",
                "ruled out",
                "never accept",
                "not accept",
                "will not accept",
                "unacceptable",
                "non-negotiable",
                "red line",
                "red lines",
                "off the table",
                "not an option",
                "no compromise",
                "not negotiate",
                "never negotiate",
                "not tolerate",
                "never allow",
                "not allow",
                "never recognize",
                "not recognize",
                "no concessions",
            ],
        ),
        // Maximalist: ultimatums and threats of force or punishment.
        category(
            "threat",
            &[
                "by force",
                "retaliate",
                "retaliation",
                "retaliatory",
                "punish",
                "destroy",
                "countermeasures",
                "ultimatum",
                "or else",
                "will respond",
                "pay a price",
                "consequences",
                "strike back",
                "military action",
                "sanctions",
            ],
        ),
        // Maximalist: total victory, holding out, conditions amounting to capitulation.
        category(
            "total-victory",
            &[
                "to the end",
                "as long as it takes",
                "until",
                "victory",
                "surrender",
                "capitulation",
                "unconditional",
                "unconditionally",
                "all occupied",
                "withdraw from all",
                "complete withdrawal",
                "never give up",
                "fight on",
                "not one inch",
                "in full",
            ],
        ),
    ]
}

/// A lexicon ready to match: each phrase as analyzed words, indexed by its
/// first word so that matching a statement costs one lookup per word.
#[derive(Debug, Clone)]
pub struct CueMatcher {
    categories: Vec<CueCategory>,
    /// First word -> (category column, whole phrase).
    by_first_word: std::collections::HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl CueMatcher {
    /// Analyzes every phrase with `analyzer`; empty phrases are dropped.
    pub fn new(categories: Vec<CueCategory>, analyzer: &Analyzer) -> CueMatcher {
        let patterns: Vec<Vec<Vec<String>>> = categories
            .iter()
            .map(|c| {
                let mut analyzed: Vec<Vec<String>> = c
                    .phrases
                    .iter()
                    .map(|p| analyzer.words(p))
                    .filter(|w| !w.is_empty())
                    .collect();
                // "reject" and "rejected" stem alike: count such a match once.
                analyzed.sort();
                analyzed.dedup();
                analyzed
            })
            .collect();
        let mut by_first_word: std::collections::HashMap<String, Vec<(usize, Vec<String>)>> =
            std::collections::HashMap::new();
        for (column, phrases) in patterns.into_iter().enumerate() {
            for phrase in phrases {
                by_first_word
                    .entry(phrase[0].clone())
                    .or_default()
                    .push((column, phrase));
            }
        }
        CueMatcher {
            categories,
            by_first_word,
        }
    }

    /// The categories, in column order.
    pub fn categories(&self) -> &[CueCategory] {
        &self.categories
    }

    /// Number of columns (one per category).
    pub fn len(&self) -> usize {
        self.categories.len()
    }

    /// Whether there are no categories.
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
    }

    /// The cue row of analyzed words: column = category, value
    /// `1 + ln(matches)` for every category that matches.
    pub fn row(&self, words: &[String]) -> SparseRow {
        let mut matches = vec![0usize; self.categories.len()];
        for (i, word) in words.iter().enumerate() {
            if let Some(phrases) = self.by_first_word.get(word) {
                for (column, phrase) in phrases {
                    if words[i..].starts_with(phrase) {
                        matches[*column] += 1;
                    }
                }
            }
        }
        let mut row = SparseRow::default();
        for (column, &count) in matches.iter().enumerate() {
            if count > 0 {
                row.indices.push(column as u32);
                row.values.push(1.0 + (count as f64).ln());
            }
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::AnalyzerParams;

    fn matcher() -> (CueMatcher, Analyzer) {
        let analyzer = AnalyzerParams::new().check().unwrap();
        (CueMatcher::new(codebook_lexicon(), &analyzer), analyzer)
    }

    fn categories_of(text: &str) -> Vec<String> {
        let (m, a) = matcher();
        let row = m.row(&a.words(text));
        row.indices
            .iter()
            .map(|&i| m.categories()[i as usize].name.clone())
            .collect()
    }

    #[test]
    fn negation_decides_between_openness_and_refusal() {
        assert_eq!(
            categories_of("We will never accept their demands"),
            ["refusal"]
        );
        assert_eq!(
            categories_of("Giving up territory is not an option"),
            ["refusal"]
        );
        assert_eq!(
            categories_of("We are ready to sit down with them"),
            ["openness"]
        );
        // "ready to" inside a negation scope is not openness.
        assert!(categories_of("We are not ready to talk about it").is_empty());
    }

    #[test]
    fn stems_match_inflections_and_counts_are_damped() {
        assert_eq!(categories_of("They rejected the proposal"), ["refusal"]);
        let (m, a) = matcher();
        let row = m.row(&a.words("We reject it. We reject it again."));
        // two matches: 1 + ln 2
        assert!((row.values[0] - (1.0 + 2f64.ln())).abs() < 1e-12);
        assert_eq!(categories_of("we will achieve this by force"), ["threat"]);
    }

    #[test]
    fn plain_facts_match_nothing() {
        assert!(categories_of("Putin will meet Witkoff on Tuesday afternoon").is_empty());
    }
}
