//! Scores direct-quote extraction on the peer cases in
//! `../shared/peer-cases/quote-extraction.jsonl`, read in place.
//!
//! Matching follows the cases' README: quote text compared with whitespace
//! collapsed and trimmed (leniently also without leading/trailing `, . ; :`);
//! speakers compared case-insensitively without a leading the/a/an, a match
//! when one is a token suffix of the other; `null` matches only `null`.
//! Only direct quotes are scored (convention 9). STRETCH cases are reported
//! apart and not gated; OPTIONAL (non-English) cases are reported apart too,
//! since the extractor targets English copy.
//!
//! Gate: at least 95% of expected quotes found, extra quotes at most 5% of
//! those returned, speaker right for at least 90% of the found quotes.

use stance::extract::Extractor;
use stance::statement::StatementKind;
use std::path::PathBuf;

/// The shared folder: `CARGO_MANIFEST_DIR/../shared`, else `$STANCE_SHARED`.
fn shared_dir() -> Option<PathBuf> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if beside.is_dir() {
        return Some(beside);
    }
    std::env::var_os("STANCE_SHARED")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lenient(s: &str) -> String {
    collapse(s)
        .trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':') || c.is_whitespace())
        .to_string()
}

fn speaker_key(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut words: Vec<String> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    words
}

fn speaker_matches(got: Option<&str>, want: Option<&str>) -> bool {
    match (got, want) {
        (None, None) => true,
        (Some(g), Some(w)) => {
            let (g, w) = (speaker_key(g), speaker_key(w));
            !g.is_empty() && !w.is_empty() && (g.ends_with(&w) || w.ends_with(&g))
        }
        _ => false,
    }
}

#[derive(Default, Debug)]
struct Score {
    expected: usize,
    returned: usize,
    found: usize,
    speaker_right: usize,
}

impl Score {
    fn pct(n: usize, d: usize) -> f64 {
        if d == 0 {
            100.0
        } else {
            100.0 * n as f64 / d as f64
        }
    }
    fn found_pct(&self) -> f64 {
        Self::pct(self.found, self.expected)
    }
    fn extra_pct(&self) -> f64 {
        Self::pct(self.returned - self.found.min(self.returned), self.returned).min(100.0)
            * if self.returned == 0 { 0.0 } else { 1.0 }
    }
    fn speaker_pct(&self) -> f64 {
        Self::pct(self.speaker_right, self.found)
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name}: found {}/{} ({:.1}%), extra {}/{} ({:.1}%), speaker {}/{} ({:.1}%)",
            self.found,
            self.expected,
            self.found_pct(),
            self.returned - self.found.min(self.returned),
            self.returned,
            self.extra_pct(),
            self.speaker_right,
            self.found,
            self.speaker_pct()
        )
    }
}

#[test]
fn peer_cases_meet_the_gate() {
    let Some(shared) = shared_dir() else {
        println!("skipped: ../shared/peer-cases not found");
        return;
    };
    let path = shared.join("peer-cases/quote-extraction.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("skipped: ../shared/peer-cases not found");
        return;
    };
    let verbose = std::env::var_os("STANCE_VERBOSE").is_some();
    let extractor = Extractor::new();
    let (mut core, mut stretch, mut optional) =
        (Score::default(), Score::default(), Score::default());
    for (line_no, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSON case");
        let text = case["text"].as_str().expect("text");
        let note = case["note"].as_str().unwrap_or("");
        let score = if note.contains("STRETCH") {
            &mut stretch
        } else if note.contains("OPTIONAL") {
            &mut optional
        } else {
            &mut core
        };
        let got: Vec<_> = extractor
            .extract(text)
            .into_iter()
            .filter(|s| s.kind == StatementKind::Direct)
            .collect();
        let want = case["quotes"].as_array().cloned().unwrap_or_default();
        score.expected += want.len();
        score.returned += got.len();
        let mut used = vec![false; got.len()];
        for w in &want {
            let wt = w["text"].as_str().unwrap_or("");
            let ws = w["speaker"].as_str();
            let hit = got.iter().enumerate().position(|(i, g)| {
                !used[i] && (collapse(&g.text) == collapse(wt) || lenient(&g.text) == lenient(wt))
            });
            match hit {
                Some(i) => {
                    used[i] = true;
                    score.found += 1;
                    if speaker_matches(got[i].speaker.as_deref(), ws) {
                        score.speaker_right += 1;
                    } else if verbose {
                        println!(
                            "case {}: speaker {:?}, want {:?} for {wt:?}",
                            line_no + 1,
                            got[i].speaker,
                            ws
                        );
                    }
                }
                None if verbose => println!("case {}: missed {wt:?}", line_no + 1),
                None => {}
            }
        }
        if verbose {
            for (g, _) in got.iter().zip(&used).filter(|(_, u)| !**u) {
                println!("case {}: extra {:?} ({:?})", line_no + 1, g.text, g.speaker);
            }
        }
    }
    println!("{}", core.line("peer cases"));
    println!("{}", stretch.line("STRETCH (not gated)"));
    println!("{}", optional.line("OPTIONAL non-English (not gated)"));
    assert!(core.found_pct() >= 95.0, "{}", core.line("found below 95%"));
    assert!(core.extra_pct() <= 5.0, "{}", core.line("extra above 5%"));
    assert!(
        core.speaker_pct() >= 90.0,
        "{}",
        core.line("speaker below 90%")
    );
}
