//! The classifier: TF-IDF rows in, label probabilities out.
//!
//! Training goes through linfa-logistic's multinomial logistic regression
//! (L-BFGS on a dense `f32` batch: linfa has no sparse input). The fitted
//! weights are then kept as plain arrays, and prediction is a sparse dot
//! product of a row with them followed by a softmax, which gives the same
//! probabilities as linfa's `predict_probabilities` without building dense
//! matrices (see the test `sparse_prediction_agrees_with_linfa`).

use linfa::prelude::*;
use linfa_logistic::{MultiFittedLogisticRegression, MultiLogisticRegression};
use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StanceError};
use crate::features::SparseRow;
use crate::label::Stance;

/// How unequal class sizes are handled in training.
///
/// linfa-logistic ignores sample weights, so weighting is done around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Balance {
    /// Train on the data as it is.
    None,
    /// After training, shift each intercept by `ln(1/K) - ln(prior)`, which
    /// removes the class priors the intercepts learned (as if classes were equal).
    Prior,
    /// Repeat the rows of smaller classes until every class has as many rows
    /// as the largest; the same effect as sklearn's balanced class weights,
    /// at the cost of a larger training batch.
    Oversample,
}

impl Balance {
    /// The name used on the command line and in model files.
    pub fn as_str(self) -> &'static str {
        match self {
            Balance::None => "none",
            Balance::Prior => "prior",
            Balance::Oversample => "oversample",
        }
    }
}

/// Settings of the logistic regression; [`LogisticParams::check`] validates them.
///
/// Defaults: `alpha` 1.0, 25 iterations, [`Balance::Prior`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticParams {
    alpha: f64,
    max_iterations: u64,
    balance: Balance,
}

impl Default for LogisticParams {
    fn default() -> Self {
        LogisticParams {
            alpha: 1.0,
            max_iterations: 25,
            balance: Balance::Prior,
        }
    }
}

/// [`LogisticParams`] that passed [`LogisticParams::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidLogisticParams(LogisticParams);

impl LogisticParams {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// L2 penalty on the summed log-loss (scikit-learn's `C` is `1/alpha`); > 0.
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }

    /// L-BFGS iterations (every fit runs all of them; see the README).
    pub fn max_iterations(mut self, n: u64) -> Self {
        self.max_iterations = n;
        self
    }

    /// How class imbalance is handled.
    pub fn balance(mut self, balance: Balance) -> Self {
        self.balance = balance;
        self
    }

    /// The penalty.
    pub fn get_alpha(&self) -> f64 {
        self.alpha
    }

    /// The balance method.
    pub fn get_balance(&self) -> Balance {
        self.balance
    }

    /// Validates the settings.
    pub fn check(self) -> Result<ValidLogisticParams> {
        if !(self.alpha.is_finite() && self.alpha > 0.0) {
            return Err(StanceError::InvalidParam {
                name: "alpha",
                reason: format!("must be a positive number, got {}", self.alpha),
            });
        }
        if !(1..=10_000).contains(&self.max_iterations) {
            return Err(StanceError::InvalidParam {
                name: "max-iter",
                reason: format!("must be 1 to 10000, got {}", self.max_iterations),
            });
        }
        Ok(ValidLogisticParams(self))
    }
}

impl ValidLogisticParams {
    /// The validated settings.
    pub fn params(&self) -> &LogisticParams {
        &self.0
    }

    /// Fits the model on `rows` (each with columns below `n_features`) and
    /// their labels. Needs at least two distinct labels.
    pub fn fit(
        &self,
        rows: &[SparseRow],
        labels: &[Stance],
        n_features: usize,
    ) -> Result<LinearModel> {
        let (fitted, classes) = self.fit_linfa(rows, labels, n_features)?;
        let mut model = LinearModel::from_linfa(&fitted, &classes, n_features);
        if self.0.balance == Balance::Prior {
            model.remove_priors(labels);
        }
        Ok(model)
    }

    /// Runs linfa and returns its fitted model with its class order.
    fn fit_linfa(
        &self,
        rows: &[SparseRow],
        labels: &[Stance],
        n_features: usize,
    ) -> Result<(MultiFittedLogisticRegression<f32, usize>, Vec<Stance>)> {
        if rows.len() != labels.len() {
            return Err(StanceError::BadTrainingSet(format!(
                "{} feature rows but {} labels",
                rows.len(),
                labels.len()
            )));
        }
        let mut counts = [0usize; Stance::COUNT];
        labels.iter().for_each(|l| counts[l.index()] += 1);
        if counts.iter().filter(|&&c| c > 0).count() < 2 {
            return Err(StanceError::BadTrainingSet(
                "the training set needs statements of at least two labels".into(),
            ));
        }
        let order = match self.0.balance {
            Balance::Oversample => oversampled_order(labels),
            _ => (0..rows.len()).collect(),
        };
        let x = dense_batch(order.iter().map(|&i| &rows[i]), order.len(), n_features)?;
        let y: Array1<usize> = order.iter().map(|&i| labels[i].index()).collect();
        let dataset = Dataset::new(x, y);
        let fitted = MultiLogisticRegression::<f32>::default()
            .alpha(self.0.alpha as f32)
            .max_iterations(self.0.max_iterations)
            .fit(&dataset)
            .map_err(|e| StanceError::Fit(e.to_string()))?;
        let classes = fitted
            .classes()
            .iter()
            .map(|&c| Stance::from_index(c).expect("classes come from Stance indices"))
            .collect();
        Ok((fitted, classes))
    }
}

/// Row order that repeats each class's rows (cyclically, in their original
/// order) until every class has as many rows as the largest one.
fn oversampled_order(labels: &[Stance]) -> Vec<usize> {
    let mut by_class: Vec<Vec<usize>> = vec![Vec::new(); Stance::COUNT];
    for (i, l) in labels.iter().enumerate() {
        by_class[l.index()].push(i);
    }
    let largest = by_class.iter().map(Vec::len).max().unwrap_or(0);
    let mut order = Vec::with_capacity(largest * Stance::COUNT);
    for rows in by_class.iter().filter(|r| !r.is_empty()) {
        order.extend(rows.iter().cycle().take(largest));
    }
    order.sort_unstable();
    order
}

/// A dense `f32` matrix of sparse rows, as linfa needs it.
pub fn dense_batch<'a>(
    rows: impl Iterator<Item = &'a SparseRow>,
    n_rows: usize,
    n_features: usize,
) -> Result<Array2<f32>> {
    let mut x = Array2::<f32>::zeros((n_rows, n_features));
    for (r, row) in rows.enumerate() {
        for (&i, &v) in row.indices.iter().zip(&row.values) {
            let i = i as usize;
            if i >= n_features {
                return Err(StanceError::BadTrainingSet(format!(
                    "feature column {i} outside the {n_features} columns"
                )));
            }
            x[[r, i]] = v as f32;
        }
    }
    Ok(x)
}

/// Fitted weights: one column per label, in [`Stance::ALL`] order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearModel {
    /// `weights[feature][label]`.
    weights: Vec<[f64; Stance::COUNT]>,
    /// One intercept per label.
    intercept: [f64; Stance::COUNT],
}

/// Intercept given to a label that was absent from training, so that its
/// probability is practically zero without being `-inf` (which JSON cannot hold).
const ABSENT_CLASS_INTERCEPT: f64 = -50.0;

impl LinearModel {
    /// Builds a model from weights (`n_features` rows of one value per label)
    /// and intercepts; fails on a value that is not finite.
    pub fn from_parts(
        weights: Vec<[f64; Stance::COUNT]>,
        intercept: [f64; Stance::COUNT],
    ) -> std::result::Result<Self, String> {
        if weights
            .iter()
            .flatten()
            .chain(&intercept)
            .any(|v| !v.is_finite())
        {
            return Err("a weight or intercept is not a finite number".into());
        }
        Ok(LinearModel { weights, intercept })
    }

    /// Copies linfa's weights into label order; labels linfa never saw get
    /// zero weights and a very low intercept.
    fn from_linfa(
        fitted: &MultiFittedLogisticRegression<f32, usize>,
        classes: &[Stance],
        n_features: usize,
    ) -> Self {
        let params = fitted.params();
        let mut weights = vec![[0.0; Stance::COUNT]; n_features];
        let mut intercept = [ABSENT_CLASS_INTERCEPT; Stance::COUNT];
        for (column, stance) in classes.iter().enumerate() {
            let label = stance.index();
            for (feature, w) in weights.iter_mut().enumerate() {
                w[label] = f64::from(params[[feature, column]]);
            }
            intercept[label] = f64::from(fitted.intercept()[column]);
        }
        LinearModel { weights, intercept }
    }

    /// Shifts intercepts by `ln(1/K) - ln(prior)` of each label seen in training.
    fn remove_priors(&mut self, labels: &[Stance]) {
        let mut counts = [0usize; Stance::COUNT];
        labels.iter().for_each(|l| counts[l.index()] += 1);
        let present = counts.iter().filter(|&&c| c > 0).count() as f64;
        let n = labels.len() as f64;
        for (b, &c) in self.intercept.iter_mut().zip(&counts) {
            if c > 0 {
                *b += (1.0 / present).ln() - (c as f64 / n).ln();
            }
        }
    }

    /// Number of feature columns.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// `weights[feature][label]`.
    pub fn weights(&self) -> &[[f64; Stance::COUNT]] {
        &self.weights
    }

    /// One intercept per label.
    pub fn intercept(&self) -> &[f64; Stance::COUNT] {
        &self.intercept
    }

    /// The linear score of each label for a row (before the softmax).
    /// Columns past the model's features are ignored.
    pub fn scores(&self, row: &SparseRow) -> [f64; Stance::COUNT] {
        let mut scores = self.intercept;
        for (&i, &v) in row.indices.iter().zip(&row.values) {
            if let Some(w) = self.weights.get(i as usize) {
                for (s, wk) in scores.iter_mut().zip(w) {
                    *s += v * wk;
                }
            }
        }
        scores
    }

    /// The probability of each label for a row.
    pub fn probabilities(&self, row: &SparseRow) -> [f64; Stance::COUNT] {
        softmax(self.scores(row))
    }
}

/// `exp(s_k) / sum_j exp(s_j)`, computed after subtracting the maximum so it
/// never overflows.
pub fn softmax<const K: usize>(scores: [f64; K]) -> [f64; K] {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut out = scores.map(|s| (s - max).exp());
    let total: f64 = out.iter().sum();
    out.iter_mut().for_each(|p| *p /= total);
    out
}

/// The label with the highest probability (the first on a tie).
pub fn argmax(probabilities: &[f64; Stance::COUNT]) -> Stance {
    let mut best = 0;
    for (i, p) in probabilities.iter().enumerate() {
        if *p > probabilities[best] {
            best = i;
        }
    }
    Stance::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(entries: &[(u32, f64)]) -> SparseRow {
        SparseRow {
            indices: entries.iter().map(|e| e.0).collect(),
            values: entries.iter().map(|e| e.1).collect(),
        }
    }

    #[test]
    fn softmax_matches_hand_computed_values() {
        // e^0 / (e^0 + e^1 + e^2) = 1 / (1 + 2.71828 + 7.38906) = 0.0900306
        let p = softmax([0.0, 1.0, 2.0]);
        assert!((p[0] - 0.090_030_57).abs() < 1e-8);
        assert!((p[1] - 0.244_728_47).abs() < 1e-8);
        assert!((p[2] - 0.665_240_96).abs() < 1e-8);
        // Large scores do not overflow.
        let p = softmax([1000.0, 1000.0, 0.0]);
        assert!((p[0] - 0.5).abs() < 1e-12 && p[2] < 1e-300);
    }

    #[test]
    fn scores_are_a_sparse_dot_plus_intercept() {
        let model =
            LinearModel::from_parts(vec![[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]], [0.1, 0.2, 0.3])
                .unwrap();
        let s = model.scores(&row(&[(0, 2.0), (1, 1.0), (7, 9.0)]));
        // 0.1 + 2*1 + 1*0.5 = 2.6; 0.2 + 0 + 2 = 2.2; 0.3 - 2 + 0 = -1.7
        assert!(
            (s[0] - 2.6).abs() < 1e-12 && (s[1] - 2.2).abs() < 1e-12 && (s[2] + 1.7).abs() < 1e-12
        );
        assert_eq!(
            argmax(&model.probabilities(&row(&[(0, 2.0)]))),
            Stance::Conciliatory
        );
    }

    #[test]
    fn oversampling_equalises_class_counts() {
        use Stance::*;
        let order = oversampled_order(&[Neutral, Neutral, Neutral, Maximalist]);
        assert_eq!(order, [0, 1, 2, 3, 3, 3]);
    }

    fn toy() -> (Vec<SparseRow>, Vec<Stance>) {
        use Stance::*;
        let rows = vec![
            row(&[(0, 1.0)]),
            row(&[(0, 0.8), (3, 0.6)]),
            row(&[(1, 1.0)]),
            row(&[(1, 0.6), (3, 0.8)]),
            row(&[(2, 1.0)]),
            row(&[(2, 0.6), (3, 0.8)]),
            row(&[(2, 1.0)]),
        ];
        let labels = vec![
            Conciliatory,
            Conciliatory,
            Maximalist,
            Maximalist,
            Neutral,
            Neutral,
            Neutral,
        ];
        (rows, labels)
    }

    #[test]
    fn learns_a_separable_toy_problem() {
        let (rows, labels) = toy();
        let model = LogisticParams::new()
            .alpha(0.1)
            .check()
            .unwrap()
            .fit(&rows, &labels, 4)
            .unwrap();
        for (r, l) in rows.iter().zip(&labels) {
            assert_eq!(argmax(&model.probabilities(r)), *l);
        }
    }

    #[test]
    fn sparse_prediction_agrees_with_linfa() {
        let (rows, labels) = toy();
        let params = LogisticParams::new()
            .balance(Balance::None)
            .check()
            .unwrap();
        let (fitted, classes) = params.fit_linfa(&rows, &labels, 4).unwrap();
        let model = LinearModel::from_linfa(&fitted, &classes, 4);
        let dense = dense_batch(rows.iter(), rows.len(), 4).unwrap();
        let linfa_probabilities = fitted.predict_probabilities(&dense);
        let linfa_labels = fitted.predict(&dense);
        for (r, row) in rows.iter().enumerate() {
            let ours = model.probabilities(row);
            for (c, stance) in classes.iter().enumerate() {
                let theirs = f64::from(linfa_probabilities[[r, c]]);
                assert!((ours[stance.index()] - theirs).abs() < 1e-5, "row {r}");
            }
            assert_eq!(argmax(&ours).index(), linfa_labels[r]);
        }
    }

    #[test]
    fn a_missing_label_gets_a_negligible_probability() {
        use Stance::*;
        let rows = vec![row(&[(0, 1.0)]), row(&[(1, 1.0)])];
        let model = LogisticParams::new()
            .check()
            .unwrap()
            .fit(&rows, &[Neutral, Maximalist], 2)
            .unwrap();
        assert!(model.probabilities(&rows[0])[Conciliatory.index()] < 1e-15);
    }

    #[test]
    fn rejects_one_class_and_bad_settings() {
        let rows = vec![row(&[(0, 1.0)])];
        let err = LogisticParams::new()
            .check()
            .unwrap()
            .fit(&rows, &[Stance::Neutral], 1);
        assert!(matches!(err, Err(StanceError::BadTrainingSet(_))));
        assert!(LogisticParams::new().alpha(0.0).check().is_err());
        assert!(LogisticParams::new().alpha(f64::NAN).check().is_err());
        assert!(LogisticParams::new().max_iterations(0).check().is_err());
    }

    #[test]
    fn prior_balance_shifts_intercepts_by_log_priors() {
        use Stance::*;
        let mut model = LinearModel::from_parts(vec![], [0.0; 3]).unwrap();
        model.remove_priors(&[Neutral, Neutral, Neutral, Maximalist]);
        // K = 2 present labels: shift = ln(1/2) - ln(prior).
        assert!((model.intercept()[1] - ((0.5f64).ln() - (0.25f64).ln())).abs() < 1e-12);
        assert!((model.intercept()[2] - ((0.5f64).ln() - (0.75f64).ln())).abs() < 1e-12);
        assert_eq!(model.intercept()[0], 0.0);
    }
}
