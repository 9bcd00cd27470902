//! Cross-validation of training settings, and the search over settings that
//! `stance train --cv K` runs.
//!
//! Folds are stratified by label and grouped by source document
//! ([`crate::folds::stratified_group_folds`]), so statements of one article
//! or speech never sit on both sides of a split; the seed fixes them.

use crate::data::LabeledStatement;
use crate::error::{Result, StanceError};
use crate::folds::{stratified_group_folds, CvSummary, FoldScores};
use crate::label::Stance;
use crate::metrics::Scored;
use crate::model::Balance;
use crate::pipeline::{fit_parts, scored, Input, PipelineParams};

/// The outcome of cross-validating one group of settings.
#[derive(Debug, Clone)]
pub struct CrossValidation {
    /// Scores of each fold's held-out statements.
    pub fold_scores: Vec<FoldScores>,
    /// Mean and sd over the folds.
    pub summary: CvSummary,
    /// Each statement's probabilities from the model that did not see it.
    pub out_of_fold: Vec<[f64; Stance::COUNT]>,
}

impl CrossValidation {
    /// The out-of-fold predictions as [`Scored`], for a full report.
    pub fn scored(&self, statements: &[LabeledStatement]) -> Scored {
        scored(statements.iter(), &self.out_of_fold)
    }
}

/// Trains on K-1 folds and predicts the held-out one, K times.
pub fn cross_validate(
    params: &PipelineParams,
    statements: &[LabeledStatement],
    k: usize,
    seed: u64,
) -> Result<CrossValidation> {
    let labels: Vec<usize> = statements.iter().map(|s| s.label.index()).collect();
    let groups: Vec<Option<String>> = statements.iter().map(|s| s.source.clone()).collect();
    let fold_of = stratified_group_folds(&labels, &groups, k, seed)?;
    // Folds are independent: run them on every core. Each fold's result is
    // computed alone and collected in fold order, so the output does not
    // depend on the number of threads.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(k);
    let results: Vec<Result<FoldResult>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let fold_of = &fold_of;
                scope.spawn(move || {
                    (t..k)
                        .step_by(threads)
                        .map(|fold| (fold, run_fold(params, statements, fold_of, fold)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<(usize, Result<FoldResult>)> = workers
            .into_iter()
            .flat_map(|w| w.join().expect("a cross-validation thread panicked"))
            .collect();
        all.sort_by_key(|(fold, _)| *fold);
        all.into_iter().map(|(_, r)| r).collect()
    });
    let mut out_of_fold = vec![[0.0; Stance::COUNT]; statements.len()];
    let mut fold_scores = Vec::with_capacity(k);
    for result in results {
        let fold = result?;
        for (&i, p) in fold.held_out.iter().zip(&fold.probabilities) {
            out_of_fold[i] = *p;
        }
        fold_scores.push(fold.scores);
    }
    let summary = CvSummary::from_folds(&fold_scores);
    Ok(CrossValidation {
        fold_scores,
        summary,
        out_of_fold,
    })
}

/// One fold's held-out statements, their probabilities and scores.
struct FoldResult {
    held_out: Vec<usize>,
    probabilities: Vec<[f64; Stance::COUNT]>,
    scores: FoldScores,
}

/// Trains on every fold but `fold` and predicts `fold`.
fn run_fold(
    params: &PipelineParams,
    statements: &[LabeledStatement],
    fold_of: &[usize],
    fold: usize,
) -> Result<FoldResult> {
    let (held_out, training): (Vec<usize>, Vec<usize>) =
        (0..statements.len()).partition(|&i| fold_of[i] == fold);
    let inputs: Vec<Input<'_>> = training
        .iter()
        .map(|&i| Input::from(&statements[i]))
        .collect();
    let train_labels: Vec<Stance> = training.iter().map(|&i| statements[i].label).collect();
    let (featurizer, model) = fit_parts(params, &inputs, &train_labels).map_err(|e| match e {
        StanceError::BadTrainingSet(reason) => {
            StanceError::BadTrainingSet(format!("cross-validation fold {}: {reason}", fold + 1))
        }
        other => other,
    })?;
    let probabilities: Vec<[f64; Stance::COUNT]> = held_out
        .iter()
        .map(|&i| model.probabilities(&featurizer.row(Input::from(&statements[i]))))
        .collect();
    let scores = FoldScores::from_scored(&scored(
        held_out.iter().map(|&i| &statements[i]),
        &probabilities,
    ))?;
    Ok(FoldResult {
        held_out,
        probabilities,
        scores,
    })
}

/// The values tried for each setting; a setting fixed by the user has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// L2 penalties.
    pub alpha: Vec<f64>,
    /// Longest n-grams.
    pub ngram_max: Vec<usize>,
    /// Reporting-clause weights.
    pub context_weight: Vec<f64>,
    /// Cue-lexicon weights.
    pub cue_weight: Vec<f64>,
    /// Character n-gram weights.
    pub char_weight: Vec<f64>,
    /// Reporting-clause verb weights.
    pub verb_weight: Vec<f64>,
    /// Imbalance handling.
    pub balance: Vec<Balance>,
}

impl Default for Grid {
    /// The search `train --cv` runs when no setting is fixed.
    fn default() -> Self {
        Grid {
            alpha: vec![0.1, 0.3, 1.0],
            ngram_max: vec![1, 2],
            context_weight: vec![0.0, 0.5],
            cue_weight: vec![0.0, 0.5],
            char_weight: vec![0.0, 0.5],
            verb_weight: vec![0.0, 1.0],
            balance: vec![Balance::Prior],
        }
    }
}

impl Grid {
    /// Every combination, applied to `base`, in a fixed order.
    pub fn settings(&self, base: &PipelineParams) -> Vec<PipelineParams> {
        let mut all = Vec::new();
        for &ngram_max in &self.ngram_max {
            for &context_weight in &self.context_weight {
                for &cue_weight in &self.cue_weight {
                    for &char_weight in &self.char_weight {
                        for &verb_weight in &self.verb_weight {
                            for &balance in &self.balance {
                                for &alpha in &self.alpha {
                                    let mut p = base.clone();
                                    p.analyzer = p.analyzer.ngram_max(ngram_max);
                                    p.context_weight = context_weight;
                                    p.cue_weight = cue_weight;
                                    p.char_weight = char_weight;
                                    p.verb_weight = verb_weight;
                                    p.model = p.model.balance(balance).alpha(alpha);
                                    all.push(p);
                                }
                            }
                        }
                    }
                }
            }
        }
        all
    }
}

/// One setting tried by [`search`], with its cross-validation summary.
#[derive(Debug, Clone)]
pub struct Trial {
    /// The settings.
    pub params: PipelineParams,
    /// Their cross-validated scores.
    pub summary: CvSummary,
}

/// Cross-validates every setting of the grid and returns all trials and the
/// index of the best (highest mean macro-F1; the first on a tie).
/// `on_trial` is called after each setting, for progress output.
pub fn search(
    base: &PipelineParams,
    grid: &Grid,
    statements: &[LabeledStatement],
    k: usize,
    seed: u64,
    mut on_trial: impl FnMut(&Trial),
) -> Result<(Vec<Trial>, usize)> {
    let mut trials = Vec::new();
    let mut best = 0;
    for params in grid.settings(base) {
        let summary = cross_validate(&params, statements, k, seed)?.summary;
        let trial = Trial { params, summary };
        on_trial(&trial);
        if trial.summary.macro_f1_mean
            > trials
                .get(best)
                .map_or(f64::NEG_INFINITY, |t: &Trial| t.summary.macro_f1_mean)
        {
            best = trials.len();
        }
        trials.push(trial);
    }
    Ok((trials, best))
}
