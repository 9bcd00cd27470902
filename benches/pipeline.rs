//! Speed of the model stages on real labeled statements (data/train.jsonl):
//! analysis + features for 1,000 statements, predicting 1,000 statements,
//! and training on 2,000 statements (f32 dense batch, as `stance train` does).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stance::data::LabeledData;
use stance::label::Stance;
use stance::model::{Balance, LogisticParams};
use stance::pipeline::{fit_parts, Featurizer, Input, PipelineParams};

fn statements() -> Vec<stance::data::LabeledStatement> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/train.jsonl");
    LabeledData::read(&path)
        .expect("data/train.jsonl")
        .statements
}

fn inputs(statements: &[stance::data::LabeledStatement], n: usize) -> Vec<Input<'_>> {
    statements.iter().cycle().take(n).map(Input::from).collect()
}

fn features(c: &mut Criterion) {
    let all = statements();
    let params = PipelineParams::default();
    let featurizer = Featurizer::fit(&params, &inputs(&all, all.len())).unwrap();
    let batch = inputs(&all, 1000);
    let mut group = c.benchmark_group("features");
    group.throughput(Throughput::Elements(1000));
    group.bench_function("analyze+tfidf 1000 statements", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|&i| featurizer.row(i).nnz())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn predict(c: &mut Criterion) {
    let all = statements();
    let labels: Vec<Stance> = all.iter().map(|s| s.label).collect();
    let params = PipelineParams::default();
    let (featurizer, model) = fit_parts(&params, &inputs(&all, all.len()), &labels).unwrap();
    let rows: Vec<_> = inputs(&all, 1000)
        .into_iter()
        .map(|i| featurizer.row(i))
        .collect();
    let batch = inputs(&all, 1000);
    let mut group = c.benchmark_group("predict");
    group.throughput(Throughput::Elements(1000));
    group.bench_function("sparse dot 1000 rows", |b| {
        b.iter(|| rows.iter().map(|r| model.probabilities(r)[0]).sum::<f64>())
    });
    group.bench_function("end to end 1000 statements", |b| {
        b.iter(|| {
            batch
                .iter()
                .map(|&i| model.probabilities(&featurizer.row(i))[0])
                .sum::<f64>()
        })
    });
    group.finish();
}

fn train(c: &mut Criterion) {
    use linfa::prelude::*;
    use linfa_logistic::MultiLogisticRegression;

    let all = statements();
    let train: Vec<_> = all.iter().cycle().take(2000).cloned().collect();
    let batch: Vec<Input<'_>> = train.iter().map(Input::from).collect();
    let labels: Vec<Stance> = train.iter().map(|s| s.label).collect();
    let mut group = c.benchmark_group("train 2000 statements");
    group.sample_size(10);
    // The whole fit as `stance train` runs it, at several iteration counts.
    for (iterations, balance) in [
        (25, Balance::Prior),
        (50, Balance::Prior),
        (100, Balance::Prior),
        (50, Balance::Oversample),
    ] {
        let params = PipelineParams {
            model: LogisticParams::new()
                .max_iterations(iterations)
                .balance(balance),
            ..PipelineParams::default()
        };
        group.bench_with_input(
            BenchmarkId::new(
                format!("stance f32 {iterations} iterations"),
                balance.as_str(),
            ),
            &params,
            |b, params| b.iter(|| fit_parts(params, &batch, &labels).unwrap().1.n_features()),
        );
    }
    // linfa alone on the same dense batch: f32 (what stance uses) against f64.
    let params = PipelineParams::default();
    let featurizer = Featurizer::fit(&params, &batch).unwrap();
    let rows: Vec<_> = batch.iter().map(|&i| featurizer.row(i)).collect();
    let x32 = stance::model::dense_batch(rows.iter(), rows.len(), featurizer.n_features()).unwrap();
    let x64 = x32.mapv(f64::from);
    let y: ndarray::Array1<usize> = labels.iter().map(|l| l.index()).collect();
    let d32 = Dataset::new(x32, y.clone());
    let d64 = Dataset::new(x64, y);
    group.bench_function("linfa f32 50 iterations", |b| {
        b.iter(|| {
            MultiLogisticRegression::<f32>::default()
                .alpha(1.0)
                .max_iterations(50)
                .fit(&d32)
                .unwrap()
                .params()
                .len()
        })
    });
    group.bench_function("linfa f64 50 iterations", |b| {
        b.iter(|| {
            MultiLogisticRegression::<f64>::default()
                .alpha(1.0)
                .max_iterations(50)
                .fit(&d64)
                .unwrap()
                .params()
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, features, predict, train);
criterion_main!(benches);
