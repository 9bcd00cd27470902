//! The two seed articles of `../shared/seeds`, read in place: the direct
//! quotes of the first (000_…) and the main reported statements of both
//! must come out with their speakers.
//!
//! Decisions checked here:
//! - “red lines” (a scare quote with no speech verb) is not a statement.
//! - “irreversible” *is* a statement of "NATO’s 32 member countries": a
//!   partial quote governed by "said" with a subject (peer-case convention 8
//!   and codebook rule 5, which names this very fragment); the speaker is an
//!   unnamed collective and stays as written.

use stance::extract::Extractor;
use stance::statement::{Statement, StatementKind};
use std::path::PathBuf;

/// The seed article whose file name starts with `prefix`, if the shared
/// folder is there (`CARGO_MANIFEST_DIR/../shared`, else `$STANCE_SHARED`).
fn seed(prefix: &str) -> Option<String> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let shared = if beside.is_dir() {
        beside
    } else {
        PathBuf::from(std::env::var_os("STANCE_SHARED")?)
    };
    let dir = std::fs::read_dir(shared.join("seeds")).ok()?;
    let path = dir.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
    })?;
    std::fs::read_to_string(path).ok()
}

fn find<'a>(found: &'a [Statement], kind: StatementKind, text: &str) -> Option<&'a Statement> {
    found
        .iter()
        .find(|s| s.kind == kind && s.text.contains(text))
}

fn assert_statement(found: &[Statement], kind: StatementKind, text: &str, speaker: &str) {
    let Some(s) = find(found, kind, text) else {
        panic!("no {kind:?} statement containing {text:?}");
    };
    assert_eq!(s.speaker.as_deref(), Some(speaker), "speaker of {text:?}");
}

/// Every span is the article's own text.
fn assert_spans(article: &str, found: &[Statement]) {
    for s in found {
        let span = &article[s.start..s.end];
        if !span.contains('\n') {
            assert_eq!(span, s.text);
        }
    }
}

#[test]
fn first_seed_direct_quotes_and_reported_speech() {
    let Some(article) = seed("000_") else {
        println!("skipped: ../shared/seeds not found");
        return;
    };
    let found = Extractor::new().extract(&article);
    assert_spans(&article, &found);
    let direct = StatementKind::Direct;
    for (text, speaker) in [
        ("workable", "Volodymyr Zelenskyy"),
        ("basis", "Vladimir Putin"),
        ("there’s a good chance we can make a deal.", "Donald Trump"),
        (
            "If they don’t withdraw, we’ll achieve this by force. That’s all,",
            "Vladimir Putin",
        ),
        (
            "could form the basis for future agreements,",
            "Vladimir Putin",
        ),
        ("a serious discussion.", "Vladimir Putin"),
        ("irreversible", "NATO’s 32 member countries"),
        (
            "Russia really wants Ukraine to make mistakes.",
            "Volodymyr Zelenskyy",
        ),
        (
            "Our work continues, our struggle continues.",
            "Volodymyr Zelenskyy",
        ),
        ("window of opportunity for reform.", "Valeriia Radchenko"),
        ("feels more confident than ever", "Tatiana Stanovaya"),
        ("If the Americans can help move things", "Tatiana Stanovaya"),
    ] {
        assert_statement(&found, direct, text, speaker);
    }
    assert!(
        found.iter().all(|s| s.text != "red lines"),
        "the scare quote “red lines” is not a statement"
    );
    let indirect = StatementKind::Indirect;
    assert_statement(
        &found,
        indirect,
        "giving up territory is not an option",
        "Volodymyr Zelenskyy",
    );
    assert_statement(
        &found,
        indirect,
        "NATO membership is off the table",
        "Donald Trump",
    );
    assert_statement(
        &found,
        indirect,
        "the session was productive but more work remains",
        "Marco Rubio",
    );
    assert_statement(
        &found,
        indirect,
        "he will fight as a long as it takes",
        "Vladimir Putin",
    );
    assert_statement(
        &found,
        indirect,
        "he would send his envoy Steve Witkoff to Russia",
        "Donald Trump",
    );
    let giving_up = find(&found, indirect, "giving up territory").unwrap();
    assert_eq!(giving_up.cue.as_deref(), Some("said"));
    assert_eq!(
        giving_up.context,
        "Zelenskyy has said repeatedly that giving up territory is not an option."
    );
}

#[test]
fn second_seed_reported_speech() {
    let Some(article) = seed("003_") else {
        println!("skipped: ../shared/seeds not found");
        return;
    };
    let found = Extractor::new().extract(&article);
    assert_spans(&article, &found);
    let indirect = StatementKind::Indirect;
    assert_statement(
        &found,
        indirect,
        "he intends to continue military operations until Ukraine withdraws",
        "Vladimir Putin",
    );
    assert_statement(
        &found,
        indirect,
        "the presence of a Western peacekeeping force",
        "Russia",
    );
    assert_statement(&found, indirect, "more work is needed", "Marco Rubio");
    assert_statement(&found, indirect, "the talks as productive", "Marco Rubio");
    assert_statement(
        &found,
        indirect,
        "his envoy, Steve Witkoff, will travel to Russia",
        "Donald Trump",
    );
    assert_statement(
        &found,
        indirect,
        "NATO membership is crucial for Ukraine’s security",
        "Volodymyr Zelenskyy",
    );
    assert_statement(
        &found,
        indirect,
        "NATO membership is vital",
        "Volodymyr Zelenskyy",
    );
    let direct = StatementKind::Direct;
    assert_statement(&found, direct, "workable", "Volodymyr Zelenskyy");
    assert_statement(&found, direct, "basis", "Vladimir Putin");
    assert_statement(
        &found,
        direct,
        "there's a good chance we can make a deal.",
        "Donald Trump",
    );
    assert!(found.iter().all(|s| s.text != "red lines"));
}
