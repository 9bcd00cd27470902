//! Accuracy figures of a classifier: pure functions, no I/O.
//!
//! Everything here works on class *indices* `0..k`, where `k` is the number
//! of class names (the columns of the probability matrix). The definitions
//! follow scikit-learn's, so the figures can be checked against it:
//!
//! * **confusion matrix** `C[t][p]`: number of statements whose true class is
//!   `t` and whose predicted class is `p` (rows = truth, columns = prediction).
//! * **predicted class**: the argmax of a probability row; ties go to the
//!   lowest index.
//! * **accuracy**: `trace(C) / n`.
//! * **precision** of class `c`: `C[c][c] / Σ_t C[t][c]` (column sum), 0 when
//!   the class is never predicted.
//! * **recall** of class `c`: `C[c][c] / Σ_p C[c][p]` (row sum = support), 0
//!   when the class never occurs in the truth.
//! * **F1** of class `c`: `2PR / (P + R)`, 0 when `P + R = 0`.
//! * **macro-F1**: the mean of the per-class F1 over the classes that occur in
//!   the truth *or* in the predictions (scikit-learn's default label set); a
//!   class that occurs in neither has no F1 and is left out of the mean.
//! * **micro-F1**: F1 of the pooled counts; for single-label classification
//!   it equals accuracy (pooled precision = pooled recall = trace / n).
//! * **weighted-F1**: `Σ_c F1_c · support_c / n`.
//! * **Cohen's kappa**: `(p_o − p_e) / (1 − p_e)` with `p_o = trace / n` and
//!   `p_e = Σ_c (row_c / n)(col_c / n)`; defined as 0 when `p_e = 1` (both
//!   label vectors use one and the same class throughout, so no agreement
//!   beyond chance can be shown) and when `n = 0`.
//!
//! Empty input (`n = 0`) never panics: counts are 0 and every ratio is 0.
//! [`Scored::validate`] rejects malformed predictions before they are scored.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StanceError};

/// Largest amount by which a probability row may miss summing to 1.
const ROW_SUM_TOLERANCE: f64 = 1e-6;

/// Predictions of one model on labeled statements.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Class names, in column order, e.g. `["conciliatory","maximalist","neutral"]`.
    pub labels: Vec<String>,
    /// True class index per statement.
    pub truth: Vec<usize>,
    /// `n x k` class probabilities; each row sums to 1.
    pub probabilities: Vec<Vec<f64>>,
    /// Statement text (for the errors list).
    pub texts: Vec<String>,
}

impl Scored {
    /// Number of statements.
    pub fn len(&self) -> usize {
        self.truth.len()
    }

    /// Whether there are no statements.
    pub fn is_empty(&self) -> bool {
        self.truth.is_empty()
    }

    /// Number of classes.
    pub fn class_count(&self) -> usize {
        self.labels.len()
    }

    /// Predicted class per statement (see [`predicted_classes`]).
    pub fn predicted(&self) -> Vec<usize> {
        predicted_classes(&self.probabilities)
    }

    /// Checks that the predictions are well formed: at least one class,
    /// `truth`, `probabilities` and `texts` of equal length, every true index
    /// below `k`, every row of length `k` with finite, non-negative values
    /// summing to 1 (within 1e-6).
    ///
    /// Errors are [`StanceError::InvalidParam`] naming the offending field.
    pub fn validate(&self) -> Result<()> {
        let k = self.labels.len();
        let n = self.truth.len();
        if k == 0 {
            return Err(invalid("labels", "no class names".to_string()));
        }
        if self.probabilities.len() != n {
            return Err(invalid(
                "probabilities",
                format!("{} rows for {n} statements", self.probabilities.len()),
            ));
        }
        if self.texts.len() != n {
            return Err(invalid(
                "texts",
                format!("{} texts for {n} statements", self.texts.len()),
            ));
        }
        if let Some((i, &t)) = self.truth.iter().enumerate().find(|(_, &t)| t >= k) {
            return Err(invalid(
                "truth",
                format!("statement {i} has class index {t}, but there are only {k} classes"),
            ));
        }
        for (i, row) in self.probabilities.iter().enumerate() {
            if row.len() != k {
                return Err(invalid(
                    "probabilities",
                    format!("row {i} has {} values for {k} classes", row.len()),
                ));
            }
            if row.iter().any(|p| !p.is_finite() || *p < 0.0) {
                return Err(invalid(
                    "probabilities",
                    format!("row {i} has a negative or non-finite value: {row:?}"),
                ));
            }
            let sum: f64 = row.iter().sum();
            if (sum - 1.0).abs() > ROW_SUM_TOLERANCE {
                return Err(invalid(
                    "probabilities",
                    format!("row {i} sums to {sum}, not 1"),
                ));
            }
        }
        Ok(())
    }
}

pub(crate) fn invalid(name: &'static str, reason: String) -> StanceError {
    StanceError::InvalidParam { name, reason }
}

/// Index of the largest value of `row`; ties go to the lowest index; an
/// empty row gives 0.
pub fn argmax(row: &[f64]) -> usize {
    let mut best = 0;
    for (i, &p) in row.iter().enumerate() {
        if p > row[best] {
            best = i;
        }
    }
    best
}

/// Predicted class per probability row: its [`argmax`].
pub fn predicted_classes(probabilities: &[Vec<f64>]) -> Vec<usize> {
    probabilities.iter().map(|row| argmax(row)).collect()
}

/// Confidence per probability row: its largest value (0 for an empty row).
pub fn confidences(probabilities: &[Vec<f64>]) -> Vec<f64> {
    probabilities
        .iter()
        .map(|row| row.iter().copied().fold(0.0, f64::max))
        .collect()
}

/// `k x k` confusion matrix: `C[t][p]` counts statements of true class `t`
/// predicted as `p`. Pairs with an index `>= k` are ignored (callers
/// validate first); extra elements of the longer slice are ignored.
pub fn confusion_matrix(truth: &[usize], predicted: &[usize], k: usize) -> Vec<Vec<usize>> {
    let mut matrix = vec![vec![0; k]; k];
    for (&t, &p) in truth.iter().zip(predicted) {
        if t < k && p < k {
            matrix[t][p] += 1;
        }
    }
    matrix
}

/// Total number of statements in a confusion matrix.
pub fn total(confusion: &[Vec<usize>]) -> usize {
    confusion.iter().map(|row| row.iter().sum::<usize>()).sum()
}

fn trace(confusion: &[Vec<usize>]) -> usize {
    confusion
        .iter()
        .enumerate()
        .map(|(i, row)| row.get(i).copied().unwrap_or(0))
        .sum()
}

fn column_sum(confusion: &[Vec<usize>], c: usize) -> usize {
    confusion
        .iter()
        .map(|row| row.get(c).copied().unwrap_or(0))
        .sum()
}

fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        numerator / denominator
    }
}

/// Accuracy: `trace(C) / n`; 0 when `n = 0`.
pub fn accuracy(confusion: &[Vec<usize>]) -> f64 {
    ratio(trace(confusion) as f64, total(confusion) as f64)
}

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClassScores {
    /// `C[c][c] / column sum`; 0 when the class is never predicted.
    pub precision: f64,
    /// `C[c][c] / row sum`; 0 when the class never occurs in the truth.
    pub recall: f64,
    /// `2PR / (P + R)`; 0 when `P + R = 0`.
    pub f1: f64,
    /// Number of statements whose true class is this one (row sum).
    pub support: usize,
}

/// Precision, recall, F1 and support of each class, in class order.
/// Undefined ratios are 0 (see [`ClassScores`]).
pub fn per_class(confusion: &[Vec<usize>]) -> Vec<ClassScores> {
    (0..confusion.len())
        .map(|c| {
            let hits = confusion[c].get(c).copied().unwrap_or(0) as f64;
            let support: usize = confusion[c].iter().sum();
            let predicted = column_sum(confusion, c);
            let precision = ratio(hits, predicted as f64);
            let recall = ratio(hits, support as f64);
            let f1 = ratio(2.0 * precision * recall, precision + recall);
            ClassScores {
                precision,
                recall,
                f1,
                support,
            }
        })
        .collect()
}

/// Macro-F1: mean per-class F1 over the classes that occur in the truth or
/// in the predictions (a class with support 0 that is never predicted is
/// left out); 0 when `n = 0`.
pub fn macro_f1(confusion: &[Vec<usize>]) -> f64 {
    let scores = per_class(confusion);
    let mut sum = 0.0;
    let mut present = 0usize;
    for (c, s) in scores.iter().enumerate() {
        if s.support > 0 || column_sum(confusion, c) > 0 {
            sum += s.f1;
            present += 1;
        }
    }
    ratio(sum, present as f64)
}

/// Micro-F1: F1 of the counts pooled over all classes. With one label per
/// statement, pooled precision and recall are both `trace / n`, so this
/// equals [`accuracy`]; 0 when `n = 0`.
pub fn micro_f1(confusion: &[Vec<usize>]) -> f64 {
    let hits = trace(confusion) as f64;
    let n = total(confusion) as f64;
    // Pooled false positives and false negatives are both n - hits.
    let precision = ratio(hits, n);
    let recall = ratio(hits, n);
    ratio(2.0 * precision * recall, precision + recall)
}

/// Weighted-F1: `Σ_c F1_c · support_c / n`; 0 when `n = 0`.
pub fn weighted_f1(confusion: &[Vec<usize>]) -> f64 {
    let n = total(confusion) as f64;
    let weighted: f64 = per_class(confusion)
        .iter()
        .map(|s| s.f1 * s.support as f64)
        .sum();
    ratio(weighted, n)
}

/// Cohen's kappa of a confusion (or agreement) matrix:
/// `(p_o − p_e) / (1 − p_e)`, `p_o = trace / n`,
/// `p_e = Σ_c (row_c / n)(col_c / n)`. Returns 0 when `n = 0` or `p_e = 1`.
pub fn kappa(confusion: &[Vec<usize>]) -> f64 {
    let n = total(confusion) as f64;
    if n == 0.0 {
        return 0.0;
    }
    let observed = trace(confusion) as f64 / n;
    let expected: f64 = (0..confusion.len())
        .map(|c| {
            let row: usize = confusion[c].iter().sum();
            (row as f64 / n) * (column_sum(confusion, c) as f64 / n)
        })
        .sum();
    if (1.0 - expected).abs() < 1e-12 {
        return 0.0;
    }
    (observed - expected) / (1.0 - expected)
}

/// Cohen's kappa between two label vectors over classes `0..k`, e.g. two
/// annotators, or the truth and a model's predictions. See [`kappa`]; the
/// vectors are paired up to the shorter length and indices `>= k` ignored.
pub fn cohen_kappa(a: &[usize], b: &[usize], k: usize) -> f64 {
    kappa(&confusion_matrix(a, b, k))
}

/// Accuracy and macro-F1 of always predicting the most frequent true class
/// (see [`majority_class`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Its share of the statements; 0 when `n = 0`.
    pub accuracy: f64,
    /// Macro-F1 of the constant prediction (see [`macro_f1`]).
    pub macro_f1: f64,
}

/// The most frequent class of `truth` over `0..k` (ties: lowest index; 0
/// for no statements).
pub fn majority_class(truth: &[usize], k: usize) -> usize {
    let mut counts = vec![0usize; k];
    for &t in truth {
        if t < k {
            counts[t] += 1;
        }
    }
    argmax_count(&counts)
}

/// The majority-class baseline of the true classes `truth` over `0..k`:
/// every statement predicted as [`majority_class`].
pub fn majority_baseline(truth: &[usize], k: usize) -> Baseline {
    let constant = vec![majority_class(truth, k); truth.len()];
    let confusion = confusion_matrix(truth, &constant, k);
    Baseline {
        accuracy: accuracy(&confusion),
        macro_f1: macro_f1(&confusion),
    }
}

/// Index of the largest count; ties go to the lowest index.
pub(crate) fn argmax_count(counts: &[usize]) -> usize {
    let mut best = 0;
    for (i, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = i;
        }
    }
    best
}

/// The `q`-quantile (`0 ≤ q ≤ 1`) of sorted values, by linear interpolation
/// between closest ranks (numpy's default): position `q·(m−1)`. 0 for no
/// values.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        m => {
            let position = q.clamp(0.0, 1.0) * (m - 1) as f64;
            let below = position.floor() as usize;
            let above = (below + 1).min(m - 1);
            let fraction = position - below as f64;
            sorted[below] + (sorted[above] - sorted[below]) * fraction
        }
    }
}

/// Percentile-bootstrap 95% confidence intervals.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BootstrapIntervals {
    /// `[2.5th, 97.5th]` percentile of the resampled accuracies.
    pub accuracy: [f64; 2],
    /// `[2.5th, 97.5th]` percentile of the resampled macro-F1s.
    pub macro_f1: [f64; 2],
}

/// Draws `resamples` bootstrap samples of statement indices `0..n` (each `n`
/// indices with replacement) from a ChaCha8 generator seeded with `seed`, and
/// hands each sample's confusion matrices (one per prediction vector) to
/// `visit`. The sampling depends only on `n`, `resamples` and `seed`, so two
/// models scored on the same data see the same samples.
fn for_each_resample(
    truth: &[usize],
    predictions: &[&[usize]],
    k: usize,
    resamples: usize,
    seed: u64,
    mut visit: impl FnMut(&[Vec<Vec<usize>>]),
) {
    let n = truth.len();
    if n == 0 {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut matrices = vec![vec![vec![0usize; k]; k]; predictions.len()];
    for _ in 0..resamples {
        for matrix in &mut matrices {
            matrix.iter_mut().for_each(|row| row.fill(0));
        }
        for _ in 0..n {
            let i = rng.gen_range(0..n);
            let t = truth[i];
            for (matrix, predicted) in matrices.iter_mut().zip(predictions) {
                let p = predicted[i];
                if t < k && p < k {
                    matrix[t][p] += 1;
                }
            }
        }
        visit(&matrices);
    }
}

/// 95% confidence intervals of accuracy and macro-F1 by the percentile
/// bootstrap: `resamples` samples of the `n` statements drawn with
/// replacement (ChaCha8 seeded with `seed`, so the result is deterministic),
/// each scored; the interval is the 2.5th and 97.5th percentile of the
/// scores ([`quantile`]). `predicted` must be as long as `truth`. With
/// `n = 0` or `resamples = 0` both intervals are `[0, 0]`.
pub fn bootstrap_ci(
    truth: &[usize],
    predicted: &[usize],
    k: usize,
    resamples: usize,
    seed: u64,
) -> BootstrapIntervals {
    let mut accuracies = Vec::with_capacity(resamples);
    let mut macro_f1s = Vec::with_capacity(resamples);
    for_each_resample(truth, &[predicted], k, resamples, seed, |matrices| {
        accuracies.push(accuracy(&matrices[0]));
        macro_f1s.push(macro_f1(&matrices[0]));
    });
    BootstrapIntervals {
        accuracy: percentile_interval(accuracies),
        macro_f1: percentile_interval(macro_f1s),
    }
}

fn percentile_interval(mut values: Vec<f64>) -> [f64; 2] {
    values.sort_by(f64::total_cmp);
    [quantile(&values, 0.025), quantile(&values, 0.975)]
}

/// Result of a paired bootstrap between two models on the same statements.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PairedBootstrap {
    /// Macro-F1 of the compared model minus macro-F1 of the main model, on
    /// all statements (positive: the compared model is better).
    pub macro_f1_diff: f64,
    /// Two-sided bootstrap p-value: `min(1, 2·min(P(d ≤ 0), P(d ≥ 0)))`,
    /// where `d` is the difference on a resample and `P` the share of
    /// resamples. 1 when there are no resamples or no statements.
    pub p_value: f64,
}

/// Paired bootstrap of macro-F1 between a main model's predictions and a
/// compared model's predictions on the same true classes: both are scored on
/// the same `resamples` samples (ChaCha8 seeded with `seed`). See
/// [`PairedBootstrap`] for what comes out. Both prediction vectors must be as
/// long as `truth`.
pub fn paired_bootstrap(
    truth: &[usize],
    predicted_main: &[usize],
    predicted_compare: &[usize],
    k: usize,
    resamples: usize,
    seed: u64,
) -> PairedBootstrap {
    let macro_f1_diff = macro_f1(&confusion_matrix(truth, predicted_compare, k))
        - macro_f1(&confusion_matrix(truth, predicted_main, k));
    let mut not_above_zero = 0usize;
    let mut not_below_zero = 0usize;
    let mut drawn = 0usize;
    for_each_resample(
        truth,
        &[predicted_main, predicted_compare],
        k,
        resamples,
        seed,
        |matrices| {
            let diff = macro_f1(&matrices[1]) - macro_f1(&matrices[0]);
            drawn += 1;
            if diff <= 0.0 {
                not_above_zero += 1;
            }
            if diff >= 0.0 {
                not_below_zero += 1;
            }
        },
    );
    let p_value = if drawn == 0 {
        1.0
    } else {
        let tail = not_above_zero.min(not_below_zero) as f64 / drawn as f64;
        (2.0 * tail).min(1.0)
    };
    PairedBootstrap {
        macro_f1_diff,
        p_value,
    }
}

/// Multiclass Brier score: the mean over statements of
/// `Σ_c (p_c − y_c)²`, where `y` is the one-hot true class. Ranges from 0
/// (certain and right) to 2 (certain and wrong); 0 when `n = 0`.
pub fn brier_score(truth: &[usize], probabilities: &[Vec<f64>]) -> f64 {
    let n = truth.len().min(probabilities.len());
    let sum: f64 = truth
        .iter()
        .zip(probabilities)
        .map(|(&t, row)| {
            row.iter()
                .enumerate()
                .map(|(c, &p)| {
                    let y = if c == t { 1.0 } else { 0.0 };
                    (p - y) * (p - y)
                })
                .sum::<f64>()
        })
        .sum();
    ratio(sum, n as f64)
}

/// One confidence bin of a reliability diagram.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBin {
    /// Lower edge (inclusive).
    pub lo: f64,
    /// Upper edge (exclusive, except for the last bin, which includes 1).
    pub hi: f64,
    /// Number of statements whose confidence falls in the bin.
    pub n: usize,
    /// Mean confidence of those statements; `None` (JSON null) when `n = 0`.
    pub confidence: Option<f64>,
    /// Share of them predicted correctly; `None` (JSON null) when `n = 0`.
    pub accuracy: Option<f64>,
}

/// Calibration of the predicted probabilities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// See [`brier_score`].
    pub brier: f64,
    /// Expected calibration error: `Σ_b (n_b / n) · |accuracy_b − confidence_b|`
    /// over the non-empty bins; 0 when `n = 0`.
    pub ece: f64,
    /// The bins, lowest first.
    pub bins: Vec<CalibrationBin>,
}

/// Brier score, expected calibration error and reliability bins.
///
/// The confidence of a statement is its largest probability; it is correct
/// when the argmax is the true class. Bin `i` of `bin_count` equal-width bins
/// holds confidences in `[i/B, (i+1)/B)`; the last bin also holds 1. Empty
/// bins are kept, with `n = 0` and no confidence or accuracy. `bin_count = 0`
/// gives no bins and an ECE of 0.
pub fn calibration(truth: &[usize], probabilities: &[Vec<f64>], bin_count: usize) -> Calibration {
    let mut counts = vec![0usize; bin_count];
    let mut confidence_sums = vec![0.0; bin_count];
    let mut hits = vec![0usize; bin_count];
    let mut n = 0usize;
    if bin_count > 0 {
        for (&t, row) in truth.iter().zip(probabilities) {
            let confidence = row.iter().copied().fold(0.0, f64::max);
            let bin = ((confidence * bin_count as f64).floor() as usize).min(bin_count - 1);
            counts[bin] += 1;
            confidence_sums[bin] += confidence;
            if argmax(row) == t {
                hits[bin] += 1;
            }
            n += 1;
        }
    }
    let mut ece = 0.0;
    let bins = (0..bin_count)
        .map(|b| {
            let (confidence, accuracy) = if counts[b] == 0 {
                (None, None)
            } else {
                let confidence = confidence_sums[b] / counts[b] as f64;
                let accuracy = hits[b] as f64 / counts[b] as f64;
                ece += counts[b] as f64 / n as f64 * (accuracy - confidence).abs();
                (Some(confidence), Some(accuracy))
            };
            CalibrationBin {
                lo: b as f64 / bin_count as f64,
                hi: (b + 1) as f64 / bin_count as f64,
                n: counts[b],
                confidence,
                accuracy,
            }
        })
        .collect();
    Calibration {
        brier: brier_score(truth, probabilities),
        ece,
        bins,
    }
}

/// A wrongly labeled statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    /// The statement.
    pub text: String,
    /// Its true class name.
    pub label: String,
    /// The predicted class name.
    pub predicted: String,
    /// The probability of the predicted class.
    pub confidence: f64,
}

/// The `limit` most confident mistakes of `scored`: statements whose
/// predicted class is not the true one, by confidence, highest first (ties:
/// earlier statement first). Expects a validated [`Scored`]; statements with
/// an out-of-range class are skipped.
pub fn most_confident_mistakes(scored: &Scored, limit: usize) -> Vec<Mistake> {
    let predicted = scored.predicted();
    let confidence = confidences(&scored.probabilities);
    let mut wrong: Vec<usize> = (0..scored.truth.len().min(predicted.len()))
        .filter(|&i| predicted[i] != scored.truth[i])
        .filter(|&i| scored.truth[i] < scored.labels.len() && predicted[i] < scored.labels.len())
        .collect();
    // A stable sort keeps equally confident mistakes in statement order.
    wrong.sort_by(|&a, &b| confidence[b].total_cmp(&confidence[a]));
    wrong
        .into_iter()
        .take(limit)
        .map(|i| Mistake {
            text: scored.texts.get(i).cloned().unwrap_or_default(),
            label: scored.labels[scored.truth[i]].clone(),
            predicted: scored.labels[predicted[i]].clone(),
            confidence: confidence[i],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    macro_rules! assert_close {
        ($a:expr, $b:expr) => {{
            let (a, b) = ($a as f64, $b as f64);
            assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
        }};
    }

    /// Ten statements, three classes.
    ///
    /// truth:     0 0 0 0 1 1 1 2 2 2
    /// predicted: 0 0 0 1 1 1 2 2 2 0
    ///
    /// Confusion (rows truth, columns predicted):
    ///   [3 1 0]
    ///   [0 2 1]
    ///   [1 0 2]
    fn example() -> (Vec<usize>, Vec<usize>) {
        (
            vec![0, 0, 0, 0, 1, 1, 1, 2, 2, 2],
            vec![0, 0, 0, 1, 1, 1, 2, 2, 2, 0],
        )
    }

    #[test]
    fn confusion_matrix_counts_truth_by_prediction() {
        let (truth, predicted) = example();
        let m = confusion_matrix(&truth, &predicted, 3);
        assert_eq!(m, vec![vec![3, 1, 0], vec![0, 2, 1], vec![1, 0, 2]]);
        assert_eq!(total(&m), 10);
    }

    #[test]
    fn scores_of_the_example_match_hand_arithmetic() {
        let (truth, predicted) = example();
        let m = confusion_matrix(&truth, &predicted, 3);
        // accuracy = (3 + 2 + 2) / 10
        assert_close!(accuracy(&m), 0.7);
        let s = per_class(&m);
        // class 0: P = 3/(3+0+1) = 3/4, R = 3/4, F1 = 3/4
        assert_close!(s[0].precision, 0.75);
        assert_close!(s[0].recall, 0.75);
        assert_close!(s[0].f1, 0.75);
        assert_eq!(s[0].support, 4);
        // class 1: P = 2/(1+2+0) = 2/3, R = 2/3, F1 = 2/3
        assert_close!(s[1].precision, 2.0 / 3.0);
        assert_close!(s[1].recall, 2.0 / 3.0);
        assert_close!(s[1].f1, 2.0 / 3.0);
        // class 2: P = 2/(0+1+2) = 2/3, R = 2/3, F1 = 2/3
        assert_close!(s[2].f1, 2.0 / 3.0);
        assert_eq!(s[2].support, 3);
        // macro = (3/4 + 2/3 + 2/3) / 3 = (9/12 + 16/12) / 3 = 25/36
        assert_close!(macro_f1(&m), 25.0 / 36.0);
        // micro = accuracy
        assert_close!(micro_f1(&m), 0.7);
        // weighted = (3/4·4 + 2/3·3 + 2/3·3) / 10 = (3 + 2 + 2) / 10
        assert_close!(weighted_f1(&m), 0.7);
        // kappa: p_o = 0.7; rows 4,3,3; columns 4,3,3;
        // p_e = (16 + 9 + 9) / 100 = 0.34; κ = 0.36 / 0.66 = 6/11
        assert_close!(kappa(&m), 6.0 / 11.0);
        assert_close!(cohen_kappa(&truth, &predicted, 3), 6.0 / 11.0);
    }

    #[test]
    fn unequal_f1_weights_differ_from_macro() {
        // truth 0 0 0 1, predicted 0 0 1 1 → [[2 1] [0 1]]
        // class 0: P = 1, R = 2/3, F1 = 2·(2/3)/(5/3) = 4/5
        // class 1: P = 1/2, R = 1, F1 = 2·(1/2)/(3/2) = 2/3
        // macro = (4/5 + 2/3)/2 = 11/15; weighted = (4/5·3 + 2/3·1)/4 = (12/5 + 2/3)/4 = 46/60 = 23/30
        let m = confusion_matrix(&[0, 0, 0, 1], &[0, 0, 1, 1], 2);
        assert_close!(per_class(&m)[0].f1, 0.8);
        assert_close!(macro_f1(&m), 11.0 / 15.0);
        assert_close!(weighted_f1(&m), 23.0 / 30.0);
        assert_close!(micro_f1(&m), 0.75);
        // kappa: p_o = 3/4, rows 3,1, columns 2,2 → p_e = (6 + 2)/16 = 1/2; κ = (1/4)/(1/2) = 1/2
        assert_close!(kappa(&m), 0.5);
    }

    #[test]
    fn class_never_predicted_has_zero_precision_and_counts_in_macro() {
        // truth 0 0 1 1 2, predicted 0 0 1 1 1 → class 2 never predicted.
        // class 2: P = 0 (no predictions), R = 0/1 = 0, F1 = 0
        // class 1: P = 2/3, R = 1, F1 = 2·(2/3)/(5/3) = 4/5
        // macro = (1 + 4/5 + 0)/3 = 3/5
        let m = confusion_matrix(&[0, 0, 1, 1, 2], &[0, 0, 1, 1, 1], 3);
        let s = per_class(&m);
        assert_eq!(
            s[2],
            ClassScores {
                precision: 0.0,
                recall: 0.0,
                f1: 0.0,
                support: 1
            }
        );
        assert_close!(s[1].f1, 0.8);
        assert_close!(macro_f1(&m), 0.6);
    }

    #[test]
    fn class_absent_from_truth_and_predictions_is_left_out_of_macro() {
        // truth 0 1 1, predicted 0 1 0, class 2 nowhere.
        // class 0: P = 1/2, R = 1, F1 = 2/3; class 1: P = 1, R = 1/2, F1 = 2/3
        // macro over classes {0, 1} = 2/3 (class 2 would drag it to 4/9)
        let m = confusion_matrix(&[0, 1, 1], &[0, 1, 0], 3);
        assert_eq!(per_class(&m)[2].support, 0);
        assert_close!(macro_f1(&m), 2.0 / 3.0);
        // weighted = (2/3·1 + 2/3·2)/3 = 2/3
        assert_close!(weighted_f1(&m), 2.0 / 3.0);
    }

    #[test]
    fn class_absent_from_truth_but_predicted_counts_as_zero() {
        // truth 0 0, predicted 0 1: class 1 has support 0 but one prediction.
        // class 0: P = 1, R = 1/2, F1 = 2/3; class 1: P = 0, R = 0 (no support), F1 = 0
        // macro = (2/3 + 0)/2 = 1/3; weighted = 2/3·2/2 = 2/3
        let m = confusion_matrix(&[0, 0], &[0, 1], 2);
        assert_close!(macro_f1(&m), 1.0 / 3.0);
        assert_close!(weighted_f1(&m), 2.0 / 3.0);
        // kappa: p_o = 1/2; rows 2,0; columns 1,1 → p_e = (2·1)/4 = 1/2; κ = 0
        assert_close!(kappa(&m), 0.0);
    }

    #[test]
    fn single_statement_and_empty_input_give_defined_values() {
        let m = confusion_matrix(&[1], &[1], 3);
        assert_close!(accuracy(&m), 1.0);
        assert_close!(macro_f1(&m), 1.0);
        assert_close!(weighted_f1(&m), 1.0);
        // p_e = 1 → kappa defined as 0
        assert_close!(kappa(&m), 0.0);
        let wrong = confusion_matrix(&[1], &[0], 3);
        assert_close!(accuracy(&wrong), 0.0);
        assert_close!(macro_f1(&wrong), 0.0);

        let empty = confusion_matrix(&[], &[], 3);
        assert_close!(accuracy(&empty), 0.0);
        assert_close!(macro_f1(&empty), 0.0);
        assert_close!(micro_f1(&empty), 0.0);
        assert_close!(weighted_f1(&empty), 0.0);
        assert_close!(kappa(&empty), 0.0);
        assert_close!(brier_score(&[], &[]), 0.0);
        let cal = calibration(&[], &[], 10);
        assert_eq!(cal.bins.len(), 10);
        assert!(cal.bins.iter().all(|b| b.n == 0 && b.accuracy.is_none()));
        assert_close!(cal.ece, 0.0);
        assert_eq!(majority_baseline(&[], 3).accuracy, 0.0);
        let ci = bootstrap_ci(&[], &[], 3, 100, 1);
        assert_eq!(ci.accuracy, [0.0, 0.0]);
        assert_eq!(paired_bootstrap(&[], &[], &[], 3, 100, 1).p_value, 1.0);
        assert!(per_class(&[]).is_empty());
    }

    #[test]
    fn cohen_kappa_between_annotators() {
        // Classic 2x2 example: a = yes yes no no yes, b = yes no no no yes
        // (yes = 0, no = 1). Agreement matrix [[2 1] [0 2]], n = 5.
        // p_o = 4/5; rows 3,2; columns 2,3 → p_e = (6 + 6)/25 = 12/25
        // κ = (20/25 − 12/25)/(13/25) = 8/13
        assert_close!(
            cohen_kappa(&[0, 0, 1, 1, 0], &[0, 1, 1, 1, 0], 2),
            8.0 / 13.0
        );
        // Perfect disagreement on a balanced pair: p_o = 0, p_e = 1/2 → κ = −1
        assert_close!(cohen_kappa(&[0, 1], &[1, 0], 2), -1.0);
    }

    #[test]
    fn majority_baseline_predicts_the_most_frequent_true_class() {
        // truth 0 0 0 0 1 1 1 2 2 2: class 0 has 4 → accuracy 0.4.
        // Constant 0: class 0 P = 4/10, R = 1, F1 = 2·0.4/1.4 = 4/7; classes 1, 2 F1 = 0
        // macro = (4/7)/3 = 4/21
        let (truth, _) = example();
        let b = majority_baseline(&truth, 3);
        assert_eq!(majority_class(&truth, 3), 0);
        assert_close!(b.accuracy, 0.4);
        assert_close!(b.macro_f1, 4.0 / 21.0);
        // Ties go to the lowest index.
        assert_eq!(majority_class(&[2, 1, 2, 1], 3), 1);
    }

    #[test]
    fn argmax_ties_go_to_lowest_index() {
        assert_eq!(argmax(&[0.4, 0.4, 0.2]), 0);
        assert_eq!(argmax(&[0.2, 0.4, 0.4]), 1);
        assert_eq!(argmax(&[]), 0);
    }

    #[test]
    fn brier_score_and_ece_match_hand_arithmetic() {
        // Four statements, two classes.
        //   row        truth  (p−y)² sum                 conf  correct
        //   [0.9 0.1]  0      0.01 + 0.01 = 0.02         0.9   yes
        //   [0.6 0.4]  1      0.36 + 0.36 = 0.72         0.6   no
        //   [0.3 0.7]  1      0.09 + 0.09 = 0.18         0.7   yes
        //   [0.5 0.5]  0      0.25 + 0.25 = 0.50         0.5   yes (tie → 0)
        // Brier = (0.02 + 0.72 + 0.18 + 0.50)/4 = 1.42/4 = 0.355
        // Bins: [0.5,0.6): conf .5 acc 1; [0.6,0.7): conf .6 acc 0;
        //       [0.7,0.8): conf .7 acc 1; [0.9,1]: conf .9 acc 1
        // ECE = (0.5 + 0.6 + 0.3 + 0.1)/4 = 1.5/4 = 0.375
        let truth = [0, 1, 1, 0];
        let probabilities = vec![
            vec![0.9, 0.1],
            vec![0.6, 0.4],
            vec![0.3, 0.7],
            vec![0.5, 0.5],
        ];
        assert!((brier_score(&truth, &probabilities) - 0.355).abs() < 1e-12);
        let cal = calibration(&truth, &probabilities, 10);
        assert!((cal.ece - 0.375).abs() < 1e-12);
        assert_eq!(cal.bins.len(), 10);
        let counts: Vec<usize> = cal.bins.iter().map(|b| b.n).collect();
        assert_eq!(counts, vec![0, 0, 0, 0, 0, 1, 1, 1, 0, 1]);
        assert_eq!(cal.bins[6].accuracy, Some(0.0));
        assert_eq!(cal.bins[6].confidence, Some(0.6));
        assert_eq!(cal.bins[3].confidence, None);
        assert_close!(cal.bins[9].lo, 0.9);
        assert_close!(cal.bins[9].hi, 1.0);
        // Certain and wrong: Brier 2.
        assert_close!(brier_score(&[1], &[vec![1.0, 0.0]]), 2.0);
        // A confidence of exactly 1 lands in the last bin.
        assert_eq!(calibration(&[0], &[vec![1.0, 0.0]], 10).bins[9].n, 1);
    }

    fn scored_example() -> Scored {
        Scored {
            labels: vec!["a".into(), "b".into(), "c".into()],
            truth: vec![0, 1, 2, 0, 1],
            probabilities: vec![
                vec![0.2, 0.7, 0.1],   // wrong, 0.7
                vec![0.1, 0.8, 0.1],   // right
                vec![0.9, 0.05, 0.05], // wrong, 0.9
                vec![0.3, 0.3, 0.4],   // wrong, 0.4
                vec![0.1, 0.2, 0.7],   // wrong, 0.7 (later than statement 0)
            ],
            texts: (0..5).map(|i| format!("s{i}")).collect(),
        }
    }

    #[test]
    fn mistakes_are_sorted_by_confidence_then_statement_order() {
        let mistakes = most_confident_mistakes(&scored_example(), 3);
        let texts: Vec<&str> = mistakes.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["s2", "s0", "s4"]);
        assert_eq!(mistakes[0].label, "c");
        assert_eq!(mistakes[0].predicted, "a");
        assert_close!(mistakes[0].confidence, 0.9);
        assert_eq!(most_confident_mistakes(&scored_example(), 20).len(), 4);
    }

    #[test]
    fn validate_rejects_malformed_predictions() {
        assert!(scored_example().validate().is_ok());
        let mut s = scored_example();
        s.truth[0] = 3;
        assert!(s.validate().is_err());
        let mut s = scored_example();
        s.probabilities[1] = vec![0.5, 0.5];
        assert!(s.validate().is_err());
        let mut s = scored_example();
        s.probabilities[1] = vec![0.5, 0.6, 0.1];
        assert!(s.validate().is_err());
        let mut s = scored_example();
        s.probabilities[1] = vec![f64::NAN, 0.5, 0.5];
        assert!(s.validate().is_err());
        let mut s = scored_example();
        s.texts.pop();
        assert!(s.validate().is_err());
        let mut s = scored_example();
        s.labels.clear();
        assert!(s.validate().is_err());
    }

    #[test]
    fn quantile_interpolates_linearly() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_close!(quantile(&v, 0.0), 1.0);
        assert_close!(quantile(&v, 0.5), 3.0);
        // position 0.975·4 = 3.9 → 4 + 0.9·1
        assert_close!(quantile(&v, 0.975), 4.9);
        assert_close!(quantile(&[7.0], 0.3), 7.0);
    }

    /// 60 statements, 3 classes, about 70% right.
    fn noisy(seed: u64) -> (Vec<usize>, Vec<usize>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let truth: Vec<usize> = (0..60).map(|_| rng.gen_range(0..3)).collect();
        let predicted = truth
            .iter()
            .map(|&t| {
                if rng.gen_bool(0.7) {
                    t
                } else {
                    rng.gen_range(0..3)
                }
            })
            .collect();
        (truth, predicted)
    }

    #[test]
    fn bootstrap_is_deterministic_and_brackets_the_estimate() {
        let (truth, predicted) = noisy(7);
        let a = bootstrap_ci(&truth, &predicted, 3, 1000, 42);
        let b = bootstrap_ci(&truth, &predicted, 3, 1000, 42);
        assert_eq!(a, b);
        let m = confusion_matrix(&truth, &predicted, 3);
        let (acc, f1) = (accuracy(&m), macro_f1(&m));
        assert!(a.accuracy[0] < acc && acc < a.accuracy[1], "{a:?} vs {acc}");
        assert!(a.macro_f1[0] < f1 && f1 < a.macro_f1[1], "{a:?} vs {f1}");
        // Not degenerate: a real width, within [0, 1].
        assert!(a.accuracy[1] - a.accuracy[0] > 0.05);
        assert!(a.accuracy[0] >= 0.0 && a.accuracy[1] <= 1.0);
        let other_seed = bootstrap_ci(&truth, &predicted, 3, 1000, 43);
        assert_ne!(a, other_seed);
    }

    #[test]
    fn paired_bootstrap_is_deterministic_and_sensible() {
        let (truth, main) = noisy(11);
        let a = paired_bootstrap(&truth, &main, &truth, 3, 1000, 42);
        let b = paired_bootstrap(&truth, &main, &truth, 3, 1000, 42);
        assert_eq!(a, b);
        // Comparing with a perfect model: positive difference, tiny p-value.
        let m = confusion_matrix(&truth, &main, 3);
        assert_close!(a.macro_f1_diff, 1.0 - macro_f1(&m));
        assert!(a.macro_f1_diff > 0.0);
        assert!(a.p_value < 0.01, "{a:?}");
        // A model against itself: difference 0 on every resample, p = 1.
        let same = paired_bootstrap(&truth, &main, &main, 3, 1000, 42);
        assert_eq!(same.macro_f1_diff, 0.0);
        assert_eq!(same.p_value, 1.0);
        // Order matters: the sign flips, the p-value does not.
        let flipped = paired_bootstrap(&truth, &truth, &main, 3, 1000, 42);
        assert_close!(flipped.macro_f1_diff, -a.macro_f1_diff);
        assert_close!(flipped.p_value, a.p_value);
    }

    /// Cross-check against linfa 0.8.1's ConfusionMatrix.
    ///
    /// linfa counts `matrix[(self_index, argument_index)]` and derives
    /// precision from the first index, so to get precision = TP / predicted
    /// the *truth* must be `self` and the predictions the argument (with the
    /// documented `prediction.confusion_matrix(truth)` order linfa's
    /// precision and recall come out swapped). Its classes are the sorted
    /// labels present in either vector, reversed when there are exactly two,
    /// so every case here has all `k ≥ 3` classes in the truth. linfa
    /// computes in f32, hence the tolerance.
    #[test]
    fn agrees_with_linfa_confusion_matrix() {
        use linfa::prelude::ToConfusionMatrix;
        use ndarray::Array1;
        for seed in 0..8u64 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let k = rng.gen_range(3..6);
            let n = rng.gen_range(20..200);
            let mut truth: Vec<usize> = (0..n).map(|_| rng.gen_range(0..k)).collect();
            truth[..k].iter_mut().enumerate().for_each(|(i, t)| *t = i);
            let predicted: Vec<usize> = truth
                .iter()
                .map(|&t| {
                    if rng.gen_bool(0.6) {
                        t
                    } else {
                        rng.gen_range(0..k)
                    }
                })
                .collect();
            let ours = confusion_matrix(&truth, &predicted, k);
            let theirs = Array1::from(truth.clone())
                .confusion_matrix(Array1::from(predicted.clone()))
                .unwrap();
            assert!((accuracy(&ours) - theirs.accuracy() as f64).abs() < 1e-5);
            for (c, (mine, binary)) in per_class(&ours)
                .iter()
                .zip(theirs.split_one_vs_all())
                .enumerate()
            {
                let (p, r, f) = (binary.precision(), binary.recall(), binary.f1_score());
                // linfa gives NaN where we define 0 (class never predicted).
                let same = |ours: f64, theirs: f32| {
                    (theirs.is_nan() && ours == 0.0) || (ours - theirs as f64).abs() < 1e-5
                };
                assert!(
                    same(mine.precision, p),
                    "seed {seed} class {c}: {mine:?} vs P {p}"
                );
                assert!(
                    same(mine.recall, r),
                    "seed {seed} class {c}: {mine:?} vs R {r}"
                );
                assert!(
                    same(mine.f1, f),
                    "seed {seed} class {c}: {mine:?} vs F1 {f}"
                );
            }
        }
    }
}
