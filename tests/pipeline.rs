//! Library tests of the whole pipeline on real labeled statements.

use std::path::Path;

use stance::data::LabeledData;
use stance::pipeline::{Input, Pipeline, PipelineParams};

fn sample() -> LabeledData {
    LabeledData::read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/labeled-sample.jsonl"),
    )
    .unwrap()
}

#[test]
fn train_save_load_gives_identical_probabilities() {
    let data = sample();
    let pipeline = Pipeline::fit(&PipelineParams::default(), &data, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("model.json");
    pipeline.save(&path).unwrap();
    let loaded = Pipeline::load(&path).unwrap();
    for statement in &data.statements {
        let input = Input::from(statement);
        assert_eq!(
            pipeline.predict(input),
            loaded.predict(input),
            "{}",
            statement.text
        );
    }
    // Saving the loaded model writes the same bytes.
    assert_eq!(loaded.to_json(), std::fs::read(&path).unwrap());
    assert_eq!(loaded.summary().data_sha256, data.sha256);
    assert_eq!(loaded.summary().n, data.statements.len());
}

#[test]
fn context_changes_the_prediction_of_a_short_quote() {
    let data = sample();
    let pipeline = Pipeline::fit(&PipelineParams::default(), &data, None).unwrap();
    let bare = pipeline.predict(Input {
        text: "workable",
        context: None,
    });
    let reported = pipeline.predict(Input {
        text: "workable",
        context: Some("The president said he rejected the plan and that no talks were possible, calling it “workable”"),
    });
    assert_ne!(bare.probabilities, reported.probabilities);
}

#[test]
fn the_builtin_model_loads_and_classifies() {
    let classifier = stance::classify::Classifier::builtin().unwrap();
    let summary = classifier.pipeline().summary();
    assert!(summary.n > 0);
    assert_eq!(summary.data_sha256.len(), 64);
    let p = classifier.pipeline().predict(Input {
        text: "We will never negotiate.",
        context: None,
    });
    assert!((p.probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-9);
}
