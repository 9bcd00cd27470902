//! Properties of extraction on arbitrary input: no panic, spans on char
//! boundaries and in range, and the text of a span without line breaks is the
//! article's own text.

use proptest::prelude::*;
use stance::extract::{sentence_spans, Extractor};

/// Pieces that exercise the extractor's rules: marks, apostrophes, line
/// breaks, indentation, names, reporting verbs, brackets and wire company
/// tags, multibyte characters.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "„",
        "«",
        "»",
        "‹",
        "›",
        "'",
        "‘",
        "’",
        "‚",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\n    ",
        ".",
        ",",
        ":",
        ";",
        "?",
        "!",
        "—",
        "-",
        "said",
        "told",
        "according to",
        "that",
        "he",
        "she",
        "Peskov",
        "Dmitry Peskov",
        "Kremlin spokesman",
        "the",
        "U.S.",
        "Mr.",
        "C.",
        "5.93",
        "don’t",
        "allies’",
        "’90s",
        "Zelenskyy’s",
        "wrote on X",
        "é",
        "中文",
        "🙂",
        "We are ready",
        "and",
        "of the",
        "Ukraine",
        "saying",
        "opposes",
        "made it clear",
        "(",
        ")",
        "<",
        ">",
        "(Reuters)",
        "<CSRA.S>",
        "<A.C. Goode and Co>",
        "but",
        "did not say",
        "when",
        "the minister",
        "Analysts",
    ])
}

fn article() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat()),
        any::<String>(),
        "[\"'“”‘’«» a-zA-Z.,\n]{0,200}",
    ]
}

fn check(article: &str) -> Result<(), TestCaseError> {
    let extractor = Extractor::new();
    for s in extractor.extract(article) {
        prop_assert!(s.start <= s.end && s.end <= article.len(), "{:?}", s);
        prop_assert!(article.is_char_boundary(s.start) && article.is_char_boundary(s.end));
        let span = &article[s.start..s.end];
        if !span.contains(['\n', '\r']) {
            prop_assert_eq!(span, s.text.as_str());
        }
    }
    let mut last_end = 0;
    for r in sentence_spans(article) {
        prop_assert!(r.start < r.end && r.end <= article.len());
        prop_assert!(r.start >= last_end, "sentences overlap or are out of order");
        prop_assert!(article.is_char_boundary(r.start) && article.is_char_boundary(r.end));
        last_end = r.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extraction_never_panics_and_spans_are_sound(article in article()) {
        check(&article)?;
    }
}

#[test]
fn edge_cases() {
    for article in [
        "",
        "\"",
        "“",
        "'",
        "\n\n\n",
        "“”",
        "« »",
        "said",
        ", said",
        "Mark Serwotka, from the union said",
        "(Reuters) said",
        "’",
        "a.\n    b",
        "\u{0}“x”",
    ] {
        check(article).unwrap();
    }
}
