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
    let with_chars = PipelineParams {
        char_weight: 0.5,
        ..PipelineParams::default()
    };
    let with_verbs = PipelineParams {
        verb_weight: 0.5,
        ..PipelineParams::default()
    };
    for params in [PipelineParams::default(), with_chars, with_verbs] {
        save_load_round_trip(&params);
    }
}

fn save_load_round_trip(params: &PipelineParams) {
    let data = sample();
    let pipeline = Pipeline::fit(params, &data, None).unwrap();
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

#[test]
fn explanation_contributions_add_up_to_the_prediction() {
    let data = sample();
    let params = PipelineParams {
        cue_weight: 1.0,
        char_weight: 0.5,
        verb_weight: 0.5,
        ..PipelineParams::default()
    };
    let pipeline = Pipeline::fit(&params, &data, None).unwrap();
    let input = Input {
        text: "We will never accept their demands, but we are ready to talk.",
        context: Some(
            "The minister said: We will never accept their demands, but we are ready to talk.",
        ),
    };
    let explanation = stance::inspect::explain(&pipeline, input);
    let intercept = [
        explanation.intercept.conciliatory,
        explanation.intercept.maximalist,
        explanation.intercept.neutral,
    ];
    let mut scores = [0.0; 3];
    for (k, stance) in stance::Stance::ALL.iter().enumerate() {
        scores[k] = intercept[k]
            + explanation.contributions[stance.as_str()]
                .iter()
                .map(|c| c.contribution)
                .sum::<f64>();
    }
    let probabilities = stance::model::softmax(scores);
    let predicted = pipeline.predict(input).probabilities;
    for k in 0..3 {
        assert!((probabilities[k] - predicted[k]).abs() < 1e-9);
    }
    assert!(explanation.contributions["maximalist"]
        .iter()
        .any(|c| c.term == "cue:refusal"));
    // Character n-grams are named by the gram, quoted.
    assert!(explanation.contributions["maximalist"]
        .iter()
        .chain(&explanation.contributions["conciliatory"])
        .any(|c| c.term == "chars:\" nev\""));
}

#[test]
fn inspect_lists_the_heaviest_terms_of_each_label() {
    let pipeline = Pipeline::fit(&PipelineParams::default(), &sample(), None).unwrap();
    let inspection = stance::inspect::inspect(&pipeline, 5);
    for label in ["conciliatory", "maximalist", "neutral"] {
        let terms = &inspection.top_terms[label];
        assert_eq!(terms.len(), 5);
        assert!(terms.windows(2).all(|w| w[0].weight >= w[1].weight));
    }
}
