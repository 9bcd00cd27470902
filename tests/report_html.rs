//! The HTML report: valid HTML, the same figures as the JSON report, and a
//! page that a real browser renders.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use scraper::{Html, Selector};
use serde_json::Value;
use stance::folds::{CvSummary, FoldScores};
use stance::metrics::Scored;
use stance::report::{html, json, Comparison, EvalOptions, Evaluation};

const TRICKY_TEXTS: [&str; 6] = [
    "<script>alert(\"pwned\")</script> We will never negotiate.",
    "Talks & compromise are 'possible' if x < 3 and y > 2.",
    "</td></tr></table><h1>broken?</h1>",
    "A quote: \"peace now\" — said the minister.\nSecond line.",
    "Ampersand entity &amp; stays literal, &lt; too.",
    "A very long statement about the borders, the prisoners, the ceasefire lines, the water rights, the refugees, and the timetable for the withdrawal of forces from the contested areas.",
];

/// 150 statements of three classes with noisy, mostly right probabilities.
fn scored(seed: u64) -> Scored {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let labels: Vec<String> = ["conciliatory", "maximalist", "neutral"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut truth = Vec::new();
    let mut probabilities = Vec::new();
    let mut texts = Vec::new();
    for i in 0..150 {
        let t = match rng.gen_range(0..10) {
            0..=2 => 0,
            3..=5 => 1,
            _ => 2,
        };
        let guess = if rng.gen_bool(0.72) {
            t
        } else {
            rng.gen_range(0..3)
        };
        let mut row: Vec<f64> = (0..3).map(|_| rng.gen_range(0.02..0.4)).collect();
        row[guess] += rng.gen_range(0.3..2.5);
        let sum: f64 = row.iter().sum();
        row.iter_mut().for_each(|p| *p /= sum);
        truth.push(t);
        probabilities.push(row);
        texts.push(format!("{} (#{i})", TRICKY_TEXTS[i % TRICKY_TEXTS.len()]));
    }
    Scored {
        labels,
        truth,
        probabilities,
        texts,
    }
}

fn evaluation() -> Evaluation {
    let main = scored(1);
    let mut other = scored(2);
    other.truth = main.truth.clone();
    let options = EvalOptions::default();
    let folds: Vec<FoldScores> = main
        .truth
        .chunks(30)
        .zip(main.probabilities.chunks(30))
        .zip(main.texts.chunks(30))
        .map(|((truth, probabilities), texts)| {
            FoldScores::from_scored(&Scored {
                labels: main.labels.clone(),
                truth: truth.to_vec(),
                probabilities: probabilities.to_vec(),
                texts: texts.to_vec(),
            })
            .unwrap()
        })
        .collect();
    Evaluation::from_scored(&main, &options)
        .unwrap()
        .with_model("models/<v2> & \"best\".json")
        .with_data("data/test.jsonl")
        .with_cv(CvSummary::from_folds(&folds))
        .with_compare(Comparison::from_scored("<built-in>", &main, &other, &options).unwrap())
}

fn render_both(evaluation: &Evaluation) -> (String, Value) {
    let mut page = Vec::new();
    html::render(evaluation, &mut page).unwrap();
    let mut json_text = Vec::new();
    json::render(evaluation, &mut json_text).unwrap();
    (
        String::from_utf8(page).unwrap(),
        serde_json::from_slice(&json_text).unwrap(),
    )
}

fn text_of(document: &Html, selector: &str) -> String {
    let selector = Selector::parse(selector).unwrap();
    let element = document
        .select(&selector)
        .next()
        .unwrap_or_else(|| panic!("no element {selector:?}"));
    element.text().collect::<String>().trim().to_string()
}

fn three(value: &Value) -> String {
    format!("{:.3}", value.as_f64().unwrap())
}

#[test]
fn html_parses_and_holds_the_json_figures() {
    let (page, json) = render_both(&evaluation());
    let document = Html::parse_document(&page);
    assert!(
        document.errors.is_empty(),
        "HTML parse errors: {:?}",
        document.errors
    );

    // No scripts, no external resources; the statements' markup is text.
    for tag in ["script", "link", "img", "iframe", "object"] {
        let selector = Selector::parse(tag).unwrap();
        assert_eq!(document.select(&selector).count(), 0, "<{tag}> in the page");
    }
    assert_eq!(
        document.select(&Selector::parse("h1").unwrap()).count(),
        1,
        "a statement's markup became an element"
    );

    // Headline figures.
    for (id, key) in [
        ("#accuracy", "/accuracy"),
        ("#macro-f1", "/macro_f1"),
        ("#kappa", "/kappa"),
        ("#micro-f1", "/micro_f1"),
        ("#weighted-f1", "/weighted_f1"),
        ("#baseline-accuracy", "/baseline/accuracy"),
        ("#baseline-macro-f1", "/baseline/macro_f1"),
        ("#brier", "/calibration/brier"),
        ("#ece", "/calibration/ece"),
        ("#accuracy-ci-lo", "/ci95/accuracy/0"),
        ("#accuracy-ci-hi", "/ci95/accuracy/1"),
        ("#macro-f1-ci-lo", "/ci95/macro_f1/0"),
        ("#macro-f1-ci-hi", "/ci95/macro_f1/1"),
        ("#cv-accuracy-mean", "/cv/accuracy_mean"),
        ("#cv-macro-f1-mean", "/cv/macro_f1_mean"),
        ("#compare-macro-f1", "/compare/macro_f1"),
        ("#compare-p", "/compare/p_value"),
    ] {
        assert_eq!(
            text_of(&document, id),
            three(json.pointer(key).unwrap()),
            "{id}"
        );
    }
    assert_eq!(text_of(&document, "#n"), json["n"].to_string());
    assert_eq!(
        text_of(&document, "#compare-diff"),
        format!("{:+.3}", json["compare"]["macro_f1_diff"].as_f64().unwrap())
    );

    // Every confusion cell.
    let matrix = json["confusion"]["matrix"].as_array().unwrap();
    let labels = json["confusion"]["labels"].as_array().unwrap();
    let mut cells = 0;
    for (i, row) in matrix.iter().enumerate() {
        for (j, count) in row.as_array().unwrap().iter().enumerate() {
            let shown = text_of(
                &document,
                &format!("#confusion-heatmap text.count[data-true=\"{i}\"][data-pred=\"{j}\"]"),
            );
            assert_eq!(shown, count.to_string(), "cell {i},{j}");
            cells += 1;
        }
    }
    assert_eq!(cells, labels.len() * labels.len());

    // Per-class table, in label order.
    for (i, label) in labels.iter().enumerate() {
        let scores = &json["per_class"][label.as_str().unwrap()];
        let row = format!("#per-class tr[data-class=\"{i}\"]");
        assert_eq!(
            text_of(&document, &format!("{row} td.label")),
            label.as_str().unwrap()
        );
        for key in ["precision", "recall", "f1"] {
            assert_eq!(
                text_of(&document, &format!("{row} td.{key}")),
                three(&scores[key])
            );
        }
        assert_eq!(
            text_of(&document, &format!("{row} td.support")),
            scores["support"].to_string()
        );
    }

    // Errors: same statements (unescaped by the parser), same order.
    let statement = Selector::parse("#error-table td.statement").unwrap();
    let shown: Vec<String> = document
        .select(&statement)
        .map(|e| e.text().collect::<String>())
        .collect();
    let expected: Vec<&str> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(expected.len(), 20);
    assert_eq!(shown, expected);
    let confidence = Selector::parse("#error-table td.confidence").unwrap();
    for (cell, error) in document
        .select(&confidence)
        .zip(json["errors"].as_array().unwrap())
    {
        assert_eq!(cell.text().collect::<String>(), three(&error["confidence"]));
    }

    // Calibration bins: one table row per bin, counts as in the JSON.
    let bin_rows = Selector::parse("#bins tbody tr").unwrap();
    let counts: Vec<String> = document
        .select(&bin_rows)
        .map(|row| row.text().collect::<Vec<_>>()[1].to_string())
        .collect();
    let expected_counts: Vec<String> = json["calibration"]["bins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["n"].to_string())
        .collect();
    assert_eq!(counts, expected_counts);

    // The model name is escaped in the title and the header.
    assert_eq!(
        text_of(&document, "title"),
        "Stance evaluation — models/<v2> & \"best\".json"
    );
}

/// Renders the report in headless Chromium and checks it produced a real
/// screenshot. Set `STANCE_KEEP_RENDER=<dir>` to keep the page and the
/// screenshot there, for a look.
#[test]
fn html_renders_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        println!("skipped: chromium not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let page_path = dir.path().join("report.html");
    let shot = dir.path().join("shot.png");
    let (page, _) = render_both(&evaluation());
    std::fs::write(&page_path, page).unwrap();

    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,1600")
        .arg(format!("file://{}", page_path.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(status.success(), "chromium failed: {status}");
    let size = std::fs::metadata(&shot).expect("no screenshot").len();
    // A blank 1200x1600 PNG is a few kB; a rendered report is far larger.
    assert!(size > 40_000, "screenshot only {size} bytes");
    if let Ok(keep) = std::env::var("STANCE_KEEP_RENDER") {
        let keep = Path::new(&keep);
        std::fs::copy(&page_path, keep.join("report.html")).unwrap();
        std::fs::copy(&shot, keep.join("shot.png")).unwrap();
    }
}
