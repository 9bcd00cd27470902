//! TF-IDF features: terms in, sparse L2-normalised rows out.
//!
//! Fitted on training statements: a term enters the vocabulary when at least
//! `min_df` statements hold it; when more than `max_features` terms qualify,
//! the most frequent (over the whole training set) are kept, ties broken
//! alphabetically. Weights: sublinear tf (`1 + ln tf`), smooth idf
//! (`ln((1 + n) / (1 + df)) + 1`), then each row scaled to unit length.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{Result, StanceError};

/// A statement's feature row: sorted, distinct column indices and their values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseRow {
    /// Column indices, strictly increasing.
    pub indices: Vec<u32>,
    /// The value of each column in `indices`.
    pub values: Vec<f64>,
}

impl SparseRow {
    /// Number of stored entries.
    pub fn nnz(&self) -> usize {
        self.indices.len()
    }

    /// Appends `other`, with its columns shifted by `offset` and its values
    /// multiplied by `scale`. `offset` must exceed every column already held.
    pub fn append_scaled(&mut self, other: &SparseRow, offset: u32, scale: f64) {
        for (&i, &v) in other.indices.iter().zip(&other.values) {
            self.indices.push(i + offset);
            self.values.push(v * scale);
        }
    }
}

/// Settings of a TF-IDF vectorizer; [`TfIdfParams::check`] validates them.
///
/// Defaults: `min_df` 2, `max_features` 20,000, sublinear tf on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TfIdfParams {
    min_df: usize,
    max_features: usize,
    sublinear_tf: bool,
}

impl Default for TfIdfParams {
    fn default() -> Self {
        TfIdfParams {
            min_df: 2,
            max_features: 20_000,
            sublinear_tf: true,
        }
    }
}

/// [`TfIdfParams`] that passed [`TfIdfParams::check`]; only these can be fitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTfIdfParams(TfIdfParams);

impl TfIdfParams {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Fewest training statements a term must occur in (at least 1).
    pub fn min_df(mut self, n: usize) -> Self {
        self.min_df = n;
        self
    }

    /// Largest vocabulary (at least 1).
    pub fn max_features(mut self, n: usize) -> Self {
        self.max_features = n;
        self
    }

    /// Whether term counts are damped to `1 + ln tf`.
    pub fn sublinear_tf(mut self, on: bool) -> Self {
        self.sublinear_tf = on;
        self
    }

    /// Validates the settings.
    pub fn check(self) -> Result<ValidTfIdfParams> {
        if self.min_df == 0 {
            return Err(StanceError::InvalidParam {
                name: "min-df",
                reason: "must be at least 1".into(),
            });
        }
        if self.max_features == 0 {
            return Err(StanceError::InvalidParam {
                name: "max-features",
                reason: "must be at least 1".into(),
            });
        }
        Ok(ValidTfIdfParams(self))
    }
}

impl ValidTfIdfParams {
    /// Fewest training statements a term must occur in.
    pub fn min_df(&self) -> usize {
        self.0.min_df
    }

    /// Learns the vocabulary and idf from the terms of each training statement.
    ///
    /// An empty training set gives an empty vocabulary.
    pub fn fit<S: AsRef<str>>(&self, documents: &[Vec<S>]) -> FittedTfIdf {
        let params = &self.0;
        let mut document_frequency: HashMap<&str, (usize, usize)> = HashMap::new();
        for terms in documents {
            let mut seen: Vec<&str> = terms.iter().map(AsRef::as_ref).collect();
            for term in &seen {
                document_frequency.entry(term).or_default().1 += 1;
            }
            seen.sort_unstable();
            seen.dedup();
            for term in seen {
                document_frequency.entry(term).or_default().0 += 1;
            }
        }
        let mut kept: Vec<(&str, usize, usize)> = document_frequency
            .into_iter()
            .filter(|(_, (df, _))| *df >= params.min_df)
            .map(|(term, (df, total))| (term, df, total))
            .collect();
        if kept.len() > params.max_features {
            kept.sort_unstable_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(b.0)));
            kept.truncate(params.max_features);
        }
        kept.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let n = documents.len() as f64;
        let vocabulary: Vec<String> = kept.iter().map(|(t, _, _)| t.to_string()).collect();
        let idf = kept
            .iter()
            .map(|&(_, df, _)| ((1.0 + n) / (1.0 + df as f64)).ln() + 1.0)
            .collect();
        FittedTfIdf::from_parts(vocabulary, idf, params.sublinear_tf)
            .expect("vocabulary and idf are built with equal lengths")
    }
}

/// A fitted vectorizer: vocabulary (column order) and idf of each column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "FittedTfIdfFile", into = "FittedTfIdfFile")]
pub struct FittedTfIdf {
    vocabulary: Vec<String>,
    idf: Vec<f64>,
    sublinear_tf: bool,
    index: HashMap<String, u32>,
}

/// How a [`FittedTfIdf`] is stored in a model file.
#[derive(Serialize, Deserialize)]
struct FittedTfIdfFile {
    sublinear_tf: bool,
    vocabulary: Vec<String>,
    idf: Vec<f64>,
}

impl TryFrom<FittedTfIdfFile> for FittedTfIdf {
    type Error = String;
    fn try_from(file: FittedTfIdfFile) -> std::result::Result<Self, String> {
        FittedTfIdf::from_parts(file.vocabulary, file.idf, file.sublinear_tf)
    }
}

impl From<FittedTfIdf> for FittedTfIdfFile {
    fn from(fitted: FittedTfIdf) -> Self {
        FittedTfIdfFile {
            sublinear_tf: fitted.sublinear_tf,
            vocabulary: fitted.vocabulary,
            idf: fitted.idf,
        }
    }
}

impl FittedTfIdf {
    /// Rebuilds a vectorizer from its vocabulary and idf; fails when their
    /// lengths differ, a term repeats, or an idf is not a positive number.
    pub fn from_parts(
        vocabulary: Vec<String>,
        idf: Vec<f64>,
        sublinear_tf: bool,
    ) -> std::result::Result<Self, String> {
        if vocabulary.len() != idf.len() {
            return Err(format!(
                "vocabulary has {} terms but idf has {} values",
                vocabulary.len(),
                idf.len()
            ));
        }
        if vocabulary.len() > u32::MAX as usize {
            return Err("vocabulary too large".into());
        }
        if let Some(bad) = idf.iter().find(|v| !(v.is_finite() && **v > 0.0)) {
            return Err(format!("idf value {bad} is not a positive number"));
        }
        let mut index = HashMap::with_capacity(vocabulary.len());
        for (i, term) in vocabulary.iter().enumerate() {
            if index.insert(term.clone(), i as u32).is_some() {
                return Err(format!("term {term:?} appears twice in the vocabulary"));
            }
        }
        Ok(FittedTfIdf {
            vocabulary,
            idf,
            sublinear_tf,
            index,
        })
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Whether the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.vocabulary.is_empty()
    }

    /// The terms, in column order.
    pub fn vocabulary(&self) -> &[String] {
        &self.vocabulary
    }

    /// The idf of each column.
    pub fn idf(&self) -> &[f64] {
        &self.idf
    }

    /// The TF-IDF row of one statement's terms; terms outside the vocabulary
    /// are ignored, and a statement with none gives an empty row.
    pub fn transform<S: AsRef<str>>(&self, terms: &[S]) -> SparseRow {
        self.transform_each(|term| terms.iter().for_each(|t| term(t.as_ref())))
    }

    /// [`FittedTfIdf::transform`] of the terms that `terms` passes, one by
    /// one, to the function it is given; for terms made on the fly
    /// ([`crate::analyze::for_each_char_gram`]).
    pub fn transform_each(&self, terms: impl FnOnce(&mut dyn FnMut(&str))) -> SparseRow {
        let mut counts: Vec<(u32, u32)> = Vec::new();
        terms(&mut |t| {
            if let Some(&i) = self.index.get(t) {
                counts.push((i, 1));
            }
        });
        counts.sort_unstable_by_key(|&(i, _)| i);
        counts.dedup_by(|next, kept| {
            if next.0 == kept.0 {
                kept.1 += next.1;
                true
            } else {
                false
            }
        });
        let mut row = SparseRow {
            indices: Vec::with_capacity(counts.len()),
            values: Vec::with_capacity(counts.len()),
        };
        for (i, count) in counts {
            let tf = if self.sublinear_tf {
                1.0 + f64::from(count).ln()
            } else {
                f64::from(count)
            };
            row.indices.push(i);
            row.values.push(tf * self.idf[i as usize]);
        }
        let norm = row.values.iter().map(|v| v * v).sum::<f64>().sqrt();
        if norm > 0.0 {
            row.values.iter_mut().for_each(|v| *v /= norm);
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Vec<&'static str>> {
        vec![
            vec!["talk", "peace"],
            vec!["talk", "war", "war"],
            vec!["war"],
        ]
    }

    #[test]
    fn smooth_idf_matches_hand_computed_values() {
        let fitted = TfIdfParams::new().min_df(1).check().unwrap().fit(&docs());
        assert_eq!(fitted.vocabulary(), ["peace", "talk", "war"]);
        // n = 3; df(peace) = 1, df(talk) = 2, df(war) = 2.
        let expected = [(4.0f64 / 2.0).ln() + 1.0, (4.0f64 / 3.0).ln() + 1.0];
        assert!((fitted.idf()[0] - expected[0]).abs() < 1e-12);
        assert!((fitted.idf()[1] - expected[1]).abs() < 1e-12);
        assert!((fitted.idf()[2] - expected[1]).abs() < 1e-12);
    }

    #[test]
    fn rows_use_sublinear_tf_and_unit_length() {
        let fitted = TfIdfParams::new().min_df(1).check().unwrap().fit(&docs());
        let row = fitted.transform(&["war", "talk", "war", "unknown"]);
        assert_eq!(row.indices, [1, 2]);
        // talk: tf 1 -> 1 * idf; war: tf 2 -> (1 + ln 2) * idf; same idf 1.2877.
        let idf = (4.0f64 / 3.0).ln() + 1.0;
        let (a, b) = (idf, (1.0 + 2f64.ln()) * idf);
        let norm = (a * a + b * b).sqrt();
        assert!((row.values[0] - a / norm).abs() < 1e-12);
        assert!((row.values[1] - b / norm).abs() < 1e-12);
        assert!((row.values.iter().map(|v| v * v).sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn min_df_and_max_features_prune_the_vocabulary() {
        let fitted = TfIdfParams::new().min_df(2).check().unwrap().fit(&docs());
        assert_eq!(fitted.vocabulary(), ["talk", "war"]);
        // war occurs 3 times in all, talk twice: war is kept.
        let fitted = TfIdfParams::new()
            .min_df(1)
            .max_features(1)
            .check()
            .unwrap()
            .fit(&docs());
        assert_eq!(fitted.vocabulary(), ["war"]);
    }

    #[test]
    fn unknown_terms_give_an_empty_row() {
        let fitted = TfIdfParams::new().min_df(1).check().unwrap().fit(&docs());
        assert_eq!(fitted.transform(&["ceasefire"]), SparseRow::default());
    }

    #[test]
    fn rejects_zero_settings_and_bad_parts() {
        assert!(TfIdfParams::new().min_df(0).check().is_err());
        assert!(TfIdfParams::new().max_features(0).check().is_err());
        assert!(FittedTfIdf::from_parts(vec!["a".into()], vec![], true).is_err());
        assert!(
            FittedTfIdf::from_parts(vec!["a".into(), "a".into()], vec![1.0, 1.0], true).is_err()
        );
        assert!(FittedTfIdf::from_parts(vec!["a".into()], vec![f64::NAN], true).is_err());
    }

    #[test]
    fn serde_round_trip_keeps_the_index() {
        let fitted = TfIdfParams::new().min_df(1).check().unwrap().fit(&docs());
        let json = serde_json::to_string(&fitted).unwrap();
        let back: FittedTfIdf = serde_json::from_str(&json).unwrap();
        assert_eq!(back, fitted);
        assert_eq!(back.transform(&["war"]), fitted.transform(&["war"]));
    }
}
