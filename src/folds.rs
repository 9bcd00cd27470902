//! Cross-validation folds that keep each source document in one fold, and
//! the summary of per-fold scores.

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::metrics::{self, invalid, Scored};

/// Assigns each statement to one of `k` folds, returning its fold index
/// (`0..k`) in statement order.
///
/// * `labels`: true class index per statement.
/// * `groups`: source document per statement; statements of the same group
///   always share a fold; `None` makes the statement a group of its own.
///
/// Method (greedy, deterministic for a `seed`): the groups, in order of first
/// appearance, are shuffled with a ChaCha8 generator seeded with `seed`, then
/// stably sorted by size, largest first (so equal sizes keep the shuffled
/// order). Each group goes to the fold where it increases least the squared
/// distance `Σ_c (count_{f,c} − n_c / k)²` between the fold's label counts
/// and its fair share of every class; ties go to the fold with fewest
/// statements, then the lowest index. An empty fold is never worse than a
/// non-empty one, so the first `k` groups open the `k` folds and no fold is
/// empty.
///
/// Errors ([`crate::error::StanceError::InvalidParam`], named `folds`) when
/// `k < 2` or `k` exceeds the number of groups, and (named `groups`) when
/// `labels` and `groups` differ in length.
pub fn stratified_group_folds(
    labels: &[usize],
    groups: &[Option<String>],
    k: usize,
    seed: u64,
) -> Result<Vec<usize>> {
    if labels.len() != groups.len() {
        return Err(invalid(
            "groups",
            format!(
                "{} groups for {} labeled statements",
                groups.len(),
                labels.len()
            ),
        ));
    }
    if k < 2 {
        return Err(invalid(
            "folds",
            format!("{k} folds; at least 2 are needed"),
        ));
    }
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut index_of_group: HashMap<&str, usize> = HashMap::new();
    for (i, group) in groups.iter().enumerate() {
        match group {
            Some(name) => {
                let g = *index_of_group.entry(name.as_str()).or_insert_with(|| {
                    members.push(Vec::new());
                    members.len() - 1
                });
                members[g].push(i);
            }
            None => members.push(vec![i]),
        }
    }
    if k > members.len() {
        return Err(invalid(
            "folds",
            format!(
                "{k} folds but only {} source documents (groups) to spread over them",
                members.len()
            ),
        ));
    }

    let class_count = labels.iter().max().map_or(0, |&m| m + 1);
    let mut overall = vec![0usize; class_count];
    labels.iter().for_each(|&l| overall[l] += 1);
    let fair_share: Vec<f64> = overall.iter().map(|&c| c as f64 / k as f64).collect();

    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    members.shuffle(&mut rng);
    members.sort_by_key(|m| std::cmp::Reverse(m.len()));

    let mut fold_counts = vec![vec![0usize; class_count]; k];
    let mut fold_sizes = vec![0usize; k];
    let mut fold_of = vec![0usize; labels.len()];
    let mut group_counts = vec![0usize; class_count];
    for group in &members {
        group_counts.fill(0);
        group.iter().for_each(|&i| group_counts[labels[i]] += 1);
        let increase = |f: usize| -> f64 {
            (0..class_count)
                .map(|c| {
                    let before = fold_counts[f][c] as f64 - fair_share[c];
                    let after = before + group_counts[c] as f64;
                    after * after - before * before
                })
                .sum()
        };
        let best = (0..k)
            .map(|f| (increase(f), fold_sizes[f], f))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)))
            .map_or(0, |(_, _, f)| f);
        for &i in group {
            fold_of[i] = best;
            fold_counts[best][labels[i]] += 1;
        }
        fold_sizes[best] += group.len();
    }
    Ok(fold_of)
}

/// Accuracy and macro-F1 of one fold's held-out statements.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FoldScores {
    /// See [`metrics::accuracy`].
    pub accuracy: f64,
    /// See [`metrics::macro_f1`].
    pub macro_f1: f64,
}

impl FoldScores {
    /// Scores a fold's predictions (validated first; see [`Scored::validate`]).
    pub fn from_scored(scored: &Scored) -> Result<FoldScores> {
        scored.validate()?;
        let confusion =
            metrics::confusion_matrix(&scored.truth, &scored.predicted(), scored.class_count());
        Ok(FoldScores {
            accuracy: metrics::accuracy(&confusion),
            macro_f1: metrics::macro_f1(&confusion),
        })
    }
}

/// Mean and spread of the per-fold scores of a cross-validation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CvSummary {
    /// Number of folds.
    pub folds: usize,
    /// Mean of the per-fold macro-F1s.
    pub macro_f1_mean: f64,
    /// Sample standard deviation (divisor `folds − 1`) of the per-fold
    /// macro-F1s; 0 with fewer than two folds.
    pub macro_f1_sd: f64,
    /// Mean of the per-fold accuracies.
    pub accuracy_mean: f64,
    /// Sample standard deviation (divisor `folds − 1`) of the per-fold
    /// accuracies; 0 with fewer than two folds.
    pub accuracy_sd: f64,
}

impl CvSummary {
    /// Summarises per-fold scores; no folds give all zeros.
    pub fn from_folds(folds: &[FoldScores]) -> CvSummary {
        let accuracies: Vec<f64> = folds.iter().map(|f| f.accuracy).collect();
        let macro_f1s: Vec<f64> = folds.iter().map(|f| f.macro_f1).collect();
        let (accuracy_mean, accuracy_sd) = mean_and_sample_sd(&accuracies);
        let (macro_f1_mean, macro_f1_sd) = mean_and_sample_sd(&macro_f1s);
        CvSummary {
            folds: folds.len(),
            macro_f1_mean,
            macro_f1_sd,
            accuracy_mean,
            accuracy_sd,
        }
    }
}

/// Mean and sample standard deviation (divisor `m − 1`); `(0, 0)` for no
/// values, sd 0 for one value.
fn mean_and_sample_sd(values: &[f64]) -> (f64, f64) {
    let m = values.len();
    if m == 0 {
        return (0.0, 0.0);
    }
    let mean = values.iter().sum::<f64>() / m as f64;
    if m == 1 {
        return (mean, 0.0);
    }
    let squares: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    (mean, (squares / (m - 1) as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    /// 300 statements from 60 documents of 1–9 statements, plus 40 loose
    /// statements; three classes, unbalanced (about 50/30/20%).
    fn corpus(seed: u64) -> (Vec<usize>, Vec<Option<String>>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut labels = Vec::new();
        let mut groups = Vec::new();
        let draw = |rng: &mut ChaCha8Rng| match rng.gen_range(0..10) {
            0..=4 => 0,
            5..=7 => 1,
            _ => 2,
        };
        for doc in 0..60 {
            for _ in 0..rng.gen_range(1..10) {
                labels.push(draw(&mut rng));
                groups.push(Some(format!("doc{doc}")));
            }
        }
        for _ in 0..40 {
            labels.push(draw(&mut rng));
            groups.push(None);
        }
        (labels, groups)
    }

    #[test]
    fn folds_keep_groups_together_and_are_stratified() {
        let (labels, groups) = corpus(3);
        let k = 5;
        let folds = stratified_group_folds(&labels, &groups, k, 42).unwrap();
        assert_eq!(folds.len(), labels.len());
        // Groups never split.
        let mut fold_of_group: HashMap<&str, usize> = HashMap::new();
        for (g, &f) in groups.iter().zip(&folds) {
            if let Some(g) = g {
                assert_eq!(*fold_of_group.entry(g).or_insert(f), f, "group {g} split");
            }
        }
        // Every fold non-empty, sizes and class shares close to overall.
        let n = labels.len() as f64;
        for f in 0..k {
            let members: Vec<usize> = (0..labels.len()).filter(|&i| folds[i] == f).collect();
            assert!(!members.is_empty());
            let size = members.len() as f64;
            assert!(
                (size - n / k as f64).abs() <= 0.1 * n / k as f64,
                "fold {f} has {size}"
            );
            for c in 0..3 {
                let share = members.iter().filter(|&&i| labels[i] == c).count() as f64 / size;
                let overall = labels.iter().filter(|&&l| l == c).count() as f64 / n;
                assert!(
                    (share - overall).abs() < 0.05,
                    "fold {f} class {c}: {share} vs {overall}"
                );
            }
        }
    }

    #[test]
    fn folds_are_deterministic_for_a_seed() {
        let (labels, groups) = corpus(5);
        let a = stratified_group_folds(&labels, &groups, 4, 7).unwrap();
        let b = stratified_group_folds(&labels, &groups, 4, 7).unwrap();
        assert_eq!(a, b);
        let c = stratified_group_folds(&labels, &groups, 4, 8).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn every_fold_gets_a_group_when_k_equals_group_count() {
        // One big document and two small ones: three folds, one group each.
        let labels = vec![0, 1, 0, 1, 0, 1, 0, 2, 2];
        let groups: Vec<Option<String>> = ["a", "a", "a", "a", "a", "a", "a", "b", "c"]
            .iter()
            .map(|g| Some(g.to_string()))
            .collect();
        let folds = stratified_group_folds(&labels, &groups, 3, 1).unwrap();
        let mut used: Vec<usize> = folds.clone();
        used.sort();
        used.dedup();
        assert_eq!(used, vec![0, 1, 2]);
        assert!(folds[..7].iter().all(|&f| f == folds[0]));
    }

    #[test]
    fn bad_fold_counts_are_rejected() {
        let labels = vec![0, 1, 0];
        let groups = vec![Some("a".to_string()), Some("a".to_string()), None];
        assert!(stratified_group_folds(&labels, &groups, 1, 0).is_err());
        assert!(stratified_group_folds(&labels, &groups, 0, 0).is_err());
        assert!(stratified_group_folds(&labels, &groups, 3, 0).is_err());
        assert!(stratified_group_folds(&labels, &groups, 2, 0).is_ok());
        assert!(stratified_group_folds(&[], &[], 2, 0).is_err());
        assert!(stratified_group_folds(&labels, &groups[..2], 2, 0).is_err());
    }

    #[test]
    fn cv_summary_uses_sample_standard_deviation() {
        // accuracies 0.6, 0.8: mean 0.7, sd = sqrt((0.01 + 0.01)/1) = sqrt(0.02)
        // macro-F1 0.5, 0.5, 0.8 (three folds) checked separately below.
        let s = CvSummary::from_folds(&[
            FoldScores {
                accuracy: 0.6,
                macro_f1: 0.5,
            },
            FoldScores {
                accuracy: 0.8,
                macro_f1: 0.7,
            },
        ]);
        assert_eq!(s.folds, 2);
        assert!((s.accuracy_mean - 0.7).abs() < 1e-12);
        assert!((s.accuracy_sd - 0.02f64.sqrt()).abs() < 1e-12);
        assert!((s.macro_f1_mean - 0.6).abs() < 1e-12);
        assert!((s.macro_f1_sd - 0.02f64.sqrt()).abs() < 1e-12);
        // 0.5, 0.5, 0.8: mean 0.6; squares 0.01 + 0.01 + 0.04 = 0.06; sd = sqrt(0.03)
        let (mean, sd) = mean_and_sample_sd(&[0.5, 0.5, 0.8]);
        assert!((mean - 0.6).abs() < 1e-12 && (sd - 0.03f64.sqrt()).abs() < 1e-12);
        let one = CvSummary::from_folds(&[FoldScores {
            accuracy: 0.9,
            macro_f1: 0.8,
        }]);
        assert_eq!((one.accuracy_sd, one.macro_f1_sd), (0.0, 0.0));
        assert_eq!(CvSummary::from_folds(&[]).folds, 0);
    }
}
