//! Extraction measured on real news it was not written for: the direct quotes
//! and reported clauses of data/*.jsonl (labeled by annotators from BBC,
//! Reuters, AG News and the seed articles) must come out of `Extractor` on
//! their source documents. The sources are read in place from ../shared; the
//! test says it is skipped when ../shared is absent.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use stance::extract::Extractor;

fn shared() -> Option<PathBuf> {
    let candidates = [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from(std::env::var("STANCE_SHARED").unwrap_or_default()),
    ];
    candidates.into_iter().find(|p| p.join("corpora").is_dir())
}

/// Lowercase, quotes and dashes folded, white space collapsed, outer
/// punctuation trimmed: how a harness compares two spans of text.
fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| ",.;:\"' ".contains(c))
        .to_lowercase()
}

#[test]
fn corpus_statements_come_out_of_their_articles() {
    let Some(shared) = shared() else {
        println!("skipped: ../shared/corpora not found");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wanted: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for file in ["data/train.jsonl", "data/test.jsonl"] {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            println!("skipped: {file} not found");
            return;
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let r: serde_json::Value = serde_json::from_str(line).unwrap();
            let kind = r["kind"].as_str().unwrap_or("").to_string();
            if kind == "direct" || kind == "indirect" {
                let source = r["source"].as_str().unwrap().to_string();
                wanted
                    .entry(source)
                    .or_default()
                    .push((kind, r["text"].as_str().unwrap().to_string()));
            }
        }
    }
    let mut articles: HashMap<String, String> = HashMap::new();
    for corpus in ["bbc-fulltext", "reuters-21578", "ag-news"] {
        let folder = shared.join("corpora").join(corpus);
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "jsonl") {
                for line in std::fs::read_to_string(&path).unwrap().lines() {
                    let d: serde_json::Value = serde_json::from_str(line).unwrap();
                    let key = format!("{corpus}:{}", d["id"].as_str().unwrap());
                    if wanted.contains_key(&key) {
                        articles.insert(key, d["text"].as_str().unwrap().to_string());
                    }
                }
            }
        }
    }
    for entry in std::fs::read_dir(shared.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let key = format!("seed:{}", path.file_name().unwrap().to_string_lossy());
        articles.insert(key, std::fs::read_to_string(&path).unwrap());
    }
    let extractor = Extractor::new();
    let (mut direct, mut direct_exact, mut indirect, mut indirect_found) = (0, 0, 0, 0);
    for (source, statements) in &wanted {
        let Some(article) = articles.get(source) else {
            continue;
        };
        let found: Vec<String> = extractor
            .extract(article)
            .iter()
            .map(|s| norm(&s.text))
            .collect();
        let exact: HashSet<&String> = found.iter().collect();
        for (kind, text) in statements {
            let t = norm(text);
            if kind == "direct" {
                direct += 1;
                direct_exact += exact.contains(&t) as usize;
            } else {
                indirect += 1;
                // The reported clause, or a span that holds it or lies in it.
                indirect_found += found
                    .iter()
                    .any(|f| *f == t || f.contains(&t) || (f.len() > 20 && t.contains(f.as_str())))
                    as usize;
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "direct quotes found with their exact text: {direct_exact}/{direct} ({:.1}%); \
         reported clauses found: {indirect_found}/{indirect} ({:.1}%)",
        pct(direct_exact, direct),
        pct(indirect_found, indirect)
    );
    assert!(
        direct > 100 && indirect > 100,
        "the corpus holds news statements"
    );
    assert!(pct(direct_exact, direct) >= 90.0);
    assert!(pct(indirect_found, indirect) >= 85.0);
}
