//! The model built into the binary is the one the README describes: trained
//! on the committed data/train.jsonl, with its cross-validation score on
//! record. (If the corpus changes and the model is not rebuilt, this fails.)

use std::path::Path;

use stance::classify::Classifier;
use stance::data::LabeledData;
use stance::label::Stance;

#[test]
fn builtin_model_was_trained_on_the_committed_training_file() {
    let train =
        LabeledData::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/train.jsonl")).unwrap();
    let classifier = Classifier::builtin().unwrap();
    let summary = classifier.pipeline().summary();
    assert_eq!(
        summary.data_sha256, train.sha256,
        "rebuild models/default.json"
    );
    assert_eq!(summary.n, train.statements.len());
    let labels = train.labels();
    for stance in Stance::ALL {
        let count = labels.iter().filter(|&&l| l == stance).count();
        assert_eq!(summary.class_counts[&stance.to_string()], count, "{stance}");
    }
    let cv = summary
        .cv
        .as_ref()
        .expect("the built-in model records its CV score");
    assert!(cv.folds >= 2 && cv.macro_f1_mean > 0.0 && cv.macro_f1_mean <= 1.0);
}
