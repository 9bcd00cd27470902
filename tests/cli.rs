//! Tests that run the built `stance` binary: every subcommand, every format,
//! and every kind of bad input (one clear line on stderr, exit code 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stance(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the stance binary runs")
}

fn stance_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_stance"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A failure: exit code 2, one line on stderr that holds `needle`, no panic.
fn assert_fails_with(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains(needle), "expected {needle:?} in {err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

const ARTICLE: &str = "examples/articles/ceasefire-talks.txt";
/// Real labeled statements (a sample of data/train.jsonl).
const SAMPLE: &str = "tests/fixtures/labeled-sample.jsonl";

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs `stance` with `args`, asserts success, and parses stdout as JSON.
fn ok_json(args: &[&str]) -> serde_json::Value {
    let o = stance(args);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// Trains a quick model on the labeled sample and writes it to `model`.
fn train_small_model(model: &Path) {
    let o = stance(&[
        "train",
        "--data",
        SAMPLE,
        "--out",
        s(model),
        "--max-iter",
        "5",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn cli_definition_is_consistent() {
    let o = stance(&["--help"]);
    assert!(o.status.success());
    for sub in ["extract", "classify", "train", "evaluate"] {
        assert!(stdout(&o).contains(sub));
    }
}

#[test]
fn classify_statement_json_has_the_contract_fields() {
    let v = ok_json(&[
        "classify",
        "--statement",
        "We are ready to sit down with them.",
        "--format",
        "json",
    ]);
    let r = &v[0];
    assert_eq!(r["article"], serde_json::Value::Null);
    assert_eq!(r["index"], 0);
    assert_eq!(r["kind"], "statement");
    assert_eq!(r["start"], serde_json::Value::Null);
    assert_eq!(r["end"], serde_json::Value::Null);
    let p = &r["probabilities"];
    let total: f64 = ["conciliatory", "maximalist", "neutral"]
        .iter()
        .map(|k| p[k].as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-9);
    let label = r["label"].as_str().unwrap();
    assert_eq!(r["confidence"], p[label]);
}

#[test]
fn classify_article_in_every_format() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE)).unwrap();
    let o = stance(&["classify", ARTICLE, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 5, "an article with many statements");
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["article"], ARTICLE);
        assert_eq!(r["index"], i);
        let (start, end) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= text.len());
        assert!(["direct", "indirect"].contains(&r["kind"].as_str().unwrap()));
        assert!(["conciliatory", "maximalist", "neutral"].contains(&r["label"].as_str().unwrap()));
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&stance(&["classify", ARTICLE, "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), records.len());
    let csv = stdout(&stance(&["classify", ARTICLE, "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), records.len());
    let table = stdout(&stance(&["classify", ARTICLE]));
    assert!(table.contains("LABEL") && table.contains(ARTICLE));
}

#[test]
fn classify_sentences_and_stdin() {
    let o = stance_stdin(
        &["classify", "--sentences", "-", "--format", "jsonl"],
        b"The talks resumed on Monday. Both sides said they were ready to compromise.",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["kind"], "sentence");
    assert_eq!(lines[0]["article"], "-");
    assert_eq!(lines[1]["start"], 29);
}

#[test]
fn extract_lists_statements_with_speakers() {
    let o = stance(&["extract", ARTICLE, "--format", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let records: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records
        .iter()
        .any(|r| r["kind"] == "direct" && r["speaker"].is_string()));
    assert!(records
        .iter()
        .all(|r| r.get("label").is_none() && r.get("cue").is_some()));
    for format in ["table", "json", "csv"] {
        assert!(stance(&["extract", ARTICLE, "--format", format])
            .status
            .success());
    }
}

#[test]
fn train_evaluate_and_classify_with_the_trained_model() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    let o = stance(&[
        "train",
        "--data",
        SAMPLE,
        "--out",
        s(&model),
        "--max-iter",
        "20",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(model.exists());
    let report = ok_json(&[
        "evaluate",
        "--data",
        SAMPLE,
        "--model",
        s(&model),
        "--format",
        "json",
    ]);
    let n = report["n"].as_u64().unwrap();
    assert!(n > 50);
    let matrix = report["confusion"]["matrix"].as_array().unwrap();
    let total: u64 = matrix
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|c| c.as_u64().unwrap())
        .sum();
    assert_eq!(total, n);
    assert_eq!(
        report["confusion"]["labels"],
        serde_json::json!(["conciliatory", "maximalist", "neutral"])
    );
    for label in ["conciliatory", "maximalist", "neutral"] {
        for key in ["precision", "recall", "f1", "support"] {
            assert!(report["per_class"][label][key].is_number());
        }
    }
    // Training accuracy of a fitted model is well above chance.
    assert!(report["accuracy"].as_f64().unwrap() > 0.6);
    let o = stance(&["classify", "--model", s(&model), "--statement", "x"]);
    assert!(o.status.success());
    let table = stdout(&stance(&[
        "evaluate",
        "--data",
        SAMPLE,
        "--model",
        s(&model),
    ]));
    assert!(table.contains("macro"));
}

#[test]
fn train_cv_prints_every_setting_and_the_choice() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    let o = stance(&[
        "train",
        "--data",
        SAMPLE,
        "--out",
        s(&model),
        "--cv",
        "3",
        "--max-iter",
        "10",
        "--ngram-max",
        "1",
        "--balance",
        "prior",
        "--context-weight",
        "0",
        "--cue-weight",
        "0",
        "--char-weight",
        "0",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // Three alphas times clause verbs off and on.
    assert_eq!(
        out.lines().filter(|l| l.starts_with("ngram_max=1")).count(),
        6,
        "{out}"
    );
    assert!(out.contains("chosen:"));
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&model).unwrap()).unwrap();
    assert_eq!(file["training"]["cv"]["folds"], 3);
}

#[test]
fn csv_training_data_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "d.csv",
        b"text,label\n\"We are ready to talk\",conciliatory\n\"We will never give up an inch\",maximalist\n\"The meeting is on Tuesday\",neutral\n",
    );
    let model = dir.path().join("m.json");
    let o = stance(&[
        "train",
        "--data",
        s(&data),
        "--out",
        s(&model),
        "--min-df",
        "1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn bad_inputs_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let missing = d.join("missing.txt");
    assert_fails_with(&stance(&["classify", s(&missing)]), "missing.txt");
    assert_fails_with(&stance(&["extract", s(d)]), "directory");
    let latin1 = write(d, "latin1.txt", b"Caf\xe9 talks\n");
    assert_fails_with(&stance(&["classify", s(&latin1)]), "latin1.txt");
    assert_fails_with(&stance(&["extract", s(&latin1)]), "UTF-8");

    let malformed = write(
        d,
        "bad.jsonl",
        b"{\"text\": \"a\", \"label\": \"neutral\"}\n{not json\n",
    );
    assert_fails_with(
        &stance(&[
            "train",
            "--data",
            s(&malformed),
            "--out",
            s(&d.join("m.json")),
        ]),
        "bad.jsonl:2",
    );
    let unknown = write(
        d,
        "unknown.jsonl",
        b"{\"text\": \"a\", \"label\": \"hawkish\"}\n",
    );
    assert_fails_with(
        &stance(&["evaluate", "--data", s(&unknown)]),
        "unknown.jsonl:1",
    );
    let empty = write(d, "empty.jsonl", b"\n");
    assert_fails_with(
        &stance(&["train", "--data", s(&empty), "--out", s(&d.join("m.json"))]),
        "empty.jsonl",
    );
    let one_class = write(
        d,
        "one.jsonl",
        b"{\"text\": \"a b\", \"label\": \"neutral\"}\n{\"text\": \"a c\", \"label\": \"neutral\"}\n",
    );
    assert_fails_with(
        &stance(&[
            "train",
            "--data",
            s(&one_class),
            "--out",
            s(&d.join("m.json")),
        ]),
        "at least two labels",
    );
}

#[test]
fn bad_models_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let garbage = write(d, "garbage.json", b"this is not json");
    assert_fails_with(
        &stance(&["classify", "--model", s(&garbage), "--statement", "x"]),
        "garbage.json",
    );
    // A real model, truncated.
    let model = d.join("m.json");
    train_small_model(&model);
    let bytes = std::fs::read(&model).unwrap();
    let truncated = write(d, "truncated.json", &bytes[..bytes.len() / 2]);
    assert_fails_with(
        &stance(&["classify", "--model", s(&truncated), "--statement", "x"]),
        "truncated.json",
    );
    // The same model claiming a newer format.
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    value["version"] = serde_json::json!(99);
    let newer = write(d, "newer.json", &serde_json::to_vec(&value).unwrap());
    assert_fails_with(
        &stance(&["classify", "--model", s(&newer), "--statement", "x"]),
        "newer",
    );
    // Weights that do not match the vocabulary.
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    value["weights"].as_array_mut().unwrap().pop();
    let short = write(d, "short.json", &serde_json::to_vec(&value).unwrap());
    assert_fails_with(
        &stance(&["evaluate", "--data", SAMPLE, "--model", s(&short)]),
        "weight rows",
    );
}

#[test]
fn a_failed_training_run_leaves_the_old_model_intact() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    train_small_model(&model);
    let before = std::fs::read(&model).unwrap();
    let bad = write(
        dir.path(),
        "bad.jsonl",
        b"{\"text\": \"a\", \"label\": \"neutral\"}\n{\"text\": 3}\n",
    );
    assert_fails_with(
        &stance(&["train", "--data", s(&bad), "--out", s(&model)]),
        "bad.jsonl:2",
    );
    let one = write(
        dir.path(),
        "one.jsonl",
        b"{\"text\": \"a\", \"label\": \"neutral\"}\n",
    );
    assert_fails_with(
        &stance(&["train", "--data", s(&one), "--out", s(&model)]),
        "labels",
    );
    assert_eq!(std::fs::read(&model).unwrap(), before);
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn training_is_reproducible_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    for out in [&a, &b] {
        let o = Command::new(env!("CARGO_BIN_EXE_stance"))
            .args([
                "train",
                "--data",
                SAMPLE,
                "--out",
                s(out),
                "--max-iter",
                "20",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("SOURCE_DATE_EPOCH", "1767225600")
            .output()
            .unwrap();
        assert!(o.status.success());
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&a).unwrap()).unwrap();
    assert_eq!(file["training"]["date"], "2026-01-01");
}

#[test]
fn evaluate_reports_uncertainty_calibration_cv_and_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    train_small_model(&a);
    let o = stance(&[
        "train",
        "--data",
        SAMPLE,
        "--out",
        s(&b),
        "--max-iter",
        "5",
        "--ngram-max",
        "1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let compare = || {
        stance(&[
            "evaluate",
            "--data",
            SAMPLE,
            "--model",
            s(&a),
            "--compare",
            s(&b),
            "--format",
            "json",
        ])
    };
    let o = compare();
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in ["micro_f1", "weighted_f1", "kappa"] {
        assert!(r[key].is_number(), "{key}");
    }
    let ci = &r["ci95"]["macro_f1"];
    assert!(ci[0].as_f64().unwrap() <= r["macro_f1"].as_f64().unwrap());
    assert!(ci[1].as_f64().unwrap() >= r["macro_f1"].as_f64().unwrap());
    assert_eq!(r["calibration"]["bins"].as_array().unwrap().len(), 10);
    assert!(r["baseline"]["accuracy"].is_number());
    assert!(r["errors"].as_array().unwrap().len() <= 20);
    let p = r["compare"]["p_value"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    // The bootstrap has a fixed seed: the same report twice.
    assert_eq!(stdout(&compare()), stdout(&o));
    // One row per source corpus of the sample, in name order, adding up
    // to the whole.
    let groups = r["by_source"].as_array().unwrap();
    let names: Vec<&str> = groups
        .iter()
        .map(|g| g["source"].as_str().unwrap())
        .collect();
    let mut corpora: Vec<String> = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"]
                .as_str()
                .unwrap()
                .split(':')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    corpora.sort();
    corpora.dedup();
    assert_eq!(names, corpora);
    let total: u64 = groups.iter().map(|g| g["n"].as_u64().unwrap()).sum();
    assert_eq!(total, r["n"].as_u64().unwrap());

    let r = ok_json(&[
        "evaluate",
        "--data",
        SAMPLE,
        "--cv",
        "3",
        "--max-iter",
        "5",
        "--format",
        "json",
    ]);
    assert_eq!(r["cv"]["folds"], 3);
    assert!(r["cv"]["macro_f1_sd"].is_number());
    assert_eq!(r["n"], 180);
}

#[test]
fn evaluate_writes_markdown_and_html_reports() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    train_small_model(&model);
    let html = dir.path().join("report.html");
    let o = stance(&[
        "evaluate",
        "--data",
        SAMPLE,
        "--model",
        s(&model),
        "--out",
        s(&html),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
    assert!(!page.contains("<script"));
    let o = stance(&[
        "evaluate",
        "--data",
        SAMPLE,
        "--model",
        s(&model),
        "--format",
        "markdown",
    ]);
    assert!(stdout(&o).contains("| conciliatory |"));
}

#[test]
fn inspect_and_explain_look_inside_a_model() {
    let r = ok_json(&["inspect", "--format", "json"]);
    assert_eq!(r["training"]["data_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(r["top_terms"]["maximalist"].as_array().unwrap().len(), 20);
    let r = ok_json(&[
        "explain",
        "--statement",
        "We will never accept these terms.",
        "--format",
        "json",
    ]);
    assert!(r["contributions"]["maximalist"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["term"] == "never"));
    assert!(stdout(&stance(&[
        "explain",
        "--statement",
        "We are ready to talk."
    ]))
    .contains("=>"));
}
