//! Statement extraction: direct quotes and reported speech, with who said them.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`sentences`]: paragraphs and sentences, robust to hard-wrapped text.
//! 2. `tokens`: words and punctuation with byte offsets.
//! 3. `marks`: quotation marks paired into quotes (apostrophes, stray and
//!    unbalanced marks, nesting and quotes over several paragraphs handled).
//! 4. `speaker`: the people the article names, and speaker noun phrases
//!    turned into speaker strings (titles stripped, surnames and pronouns
//!    resolved).
//! 5. `attribution`: which quotes are statements, and their speakers.
//! 6. `reported`: reported speech without quotation marks.
//!
//! No model and no network: rules and the word lists in `lexicon`.
//!
//! ```
//! use stance::extract::Extractor;
//! use stance::statement::StatementKind;
//!
//! let article = "“We are ready to talk,” Kremlin spokesman Dmitry Peskov said. \
//!                Peskov said the talks would resume on Monday.";
//! let found = Extractor::new().extract(article);
//! assert_eq!(found[0].text, "We are ready to talk,");
//! assert_eq!(found[0].speaker.as_deref(), Some("Dmitry Peskov"));
//! assert_eq!(found[1].kind, StatementKind::Indirect);
//! assert_eq!(found[1].text, "the talks would resume on Monday");
//! ```

mod attribution;
mod doc;
mod lexicon;
mod marks;
mod reported;
mod sentences;
mod speaker;
mod tokens;

pub use sentences::sentence_spans;

use crate::statement::{Statement, StatementKind};
use doc::Doc;
use lexicon::Lexicon;
use speaker::NameBook;

/// Finds statements in news articles.
///
/// Holds the word lists; build it once and reuse it for many articles.
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor with the built-in English word lists.
    pub fn new() -> Self {
        Extractor {
            lexicon: Lexicon::new(),
        }
    }

    /// Every statement in the article, in order of appearance: direct quotes
    /// and reported speech.
    ///
    /// Offsets are byte offsets into `article`. The text of a statement is
    /// `article[start..end]` with every line break (and the indentation
    /// around it) folded to one space, so `text == article[start..end]`
    /// whenever the span holds no line break. A direct quote over several
    /// paragraphs has its paragraphs joined with one space and its
    /// continuation marks dropped; `start..end` covers the whole run. The
    /// context (the sentences holding the statement and its attribution) is
    /// folded the same way.
    pub fn extract(&self, article: &str) -> Vec<Statement> {
        let doc = Doc::new(article, &self.lexicon);
        let names = NameBook::read(&doc);
        let mut statements = Vec::new();
        for found in attribution::attribute_quotes(&doc, &names) {
            let q = &doc.quotes[found.quote];
            let (start, end) = (q.text_start(), q.text_end());
            let mut around = q.open..q.end;
            if let Some(a) = &found.attribution {
                around = around.start.min(a.start)..around.end.max(a.end);
            }
            statements.push(Statement {
                text: found.text,
                speaker: found.speaker,
                kind: StatementKind::Direct,
                start,
                end,
                context: fold_breaks(&article[doc.context_span(around)]),
                cue: found.cue,
            });
        }
        for found in reported::find_reported(&doc, &names) {
            let span = doc.span(found.clause.clone());
            let sentence = doc.span(doc.outer[found.sentence].clone());
            statements.push(Statement {
                text: fold_breaks(&article[span.clone()]),
                speaker: found.speaker,
                kind: StatementKind::Indirect,
                start: span.start,
                end: span.end,
                context: fold_breaks(&article[sentence]),
                cue: Some(found.cue),
            });
        }
        statements.sort_by_key(|s| (s.start, s.end));
        statements.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
        statements
    }
}

/// `text` with every run of whitespace that holds a line break folded to
/// one space (other whitespace is kept as it is).
pub(crate) fn fold_breaks(text: &str) -> String {
    let bytes = text.as_bytes();
    let Some(first) = tokens::find_any(bytes, 0, [b'\n', b'\r']) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    // `copied`: bytes of `text` before it are already in `out`.
    let mut copied = 0usize;
    let mut at = first;
    loop {
        // The whitespace run around the break at `at`.
        let mut run_start = at;
        while let Some(c) = text[copied..run_start].chars().next_back() {
            if !c.is_whitespace() {
                break;
            }
            run_start -= c.len_utf8();
        }
        let mut run_end = at;
        while let Some(c) = text[run_end..].chars().next() {
            if !c.is_whitespace() {
                break;
            }
            run_end += c.len_utf8();
        }
        out.push_str(&text[copied..run_start]);
        if run_end < text.len() {
            out.push(' ');
        }
        copied = run_end;
        match tokens::find_any(bytes, copied, [b'\n', b'\r']) {
            Some(p) => at = p,
            None => break,
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_line_breaks_only() {
        assert_eq!(fold_breaks("a  b\n    c\n\nd"), "a  b c d");
        assert_eq!(fold_breaks("no break"), "no break");
    }

    #[test]
    fn hard_wrapped_quote_is_one_statement_with_folded_text() {
        let article = concat!(
            "    The union said its members would stay out until the port\n",
            "authority improved its offer, officials said on Monday.\n",
            "    \"We are not against new cranes. We are against losing\n",
            "600 jobs without warning,\" union president Colm Danaher\n",
            "told a rally outside the main gate of the port on Monday.\n",
        );
        let found = Extractor::new().extract(article);
        let quote = found
            .iter()
            .find(|s| s.kind == StatementKind::Direct)
            .unwrap();
        assert_eq!(
            quote.text,
            "We are not against new cranes. We are against losing 600 jobs without warning,"
        );
        assert_eq!(quote.speaker.as_deref(), Some("Colm Danaher"));
        assert_eq!(quote.cue.as_deref(), Some("told"));
        assert!(article[quote.start..quote.end].contains('\n'));
    }

    #[test]
    fn indirect_statement_is_not_duplicated_by_its_quote() {
        let found = Extractor::new()
            .extract("Putin said that “nobody will be allowed to threaten Russia.”");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, StatementKind::Direct);
    }

    #[test]
    fn reuters_trailing_attribution_gives_the_clause_before_the_comma() {
        let article = concat!(
            "Showers continued throughout the week in the Bahia cocoa\n",
            "zone, alleviating the drought since early January and\n",
            "improving prospects for the coming temporao harvest,\n",
            "Comissaria Smith said in its weekly review.\n",
        );
        let found = Extractor::new().extract(article);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].text,
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the \
             drought since early January and improving prospects for the coming temporao harvest"
        );
        assert_eq!(found[0].speaker.as_deref(), Some("Comissaria Smith"));
    }

    /// (kind, text, speaker, cue) of every statement of `article`.
    fn found(article: &str) -> Vec<(StatementKind, String, Option<String>, Option<String>)> {
        Extractor::new()
            .extract(article)
            .into_iter()
            .map(|s| (s.kind, s.text, s.speaker, s.cue))
            .collect()
    }

    #[test]
    fn a_second_verb_joined_by_but_or_and_speaks_for_the_first_subject() {
        let got = found(
            "Dr Brian Gibbons admitted \"big challenges\" but insisted the \"essentials\" were in place.",
        );
        let speakers: Vec<_> = got.iter().map(|g| (g.1.as_str(), g.2.as_deref())).collect();
        assert!(speakers.contains(&("big challenges", Some("Brian Gibbons"))));
        assert!(speakers.contains(&("essentials", Some("Brian Gibbons"))));
        assert!(speakers.contains(&("the \"essentials\" were in place", Some("Brian Gibbons"))));
        // The article stays with the subject.
        let got = found("The Fed held rates but noted that future increases would be measured.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2.as_deref(), Some("The Fed"));
        assert_eq!(got[0].3.as_deref(), Some("noted"));
    }

    #[test]
    fn wire_company_tags_are_tickers_or_names() {
        let speaker = |article: &str| found(article)[0].2.clone();
        // A ticker after the name.
        assert_eq!(
            speaker("Alcan Australia Ltd <AL.S> said it will make a bid.").as_deref(),
            Some("Alcan Australia Ltd")
        );
        // The tag is the name.
        assert_eq!(
            speaker("Dutch steel concern <Hoogovens Groep BV> said it had reached agreement.")
                .as_deref(),
            Some("Hoogovens Groep BV")
        );
        assert_eq!(
            speaker("Sweden's <AB Leo> said it had signed a letter of intent.").as_deref(),
            Some("AB Leo")
        );
        // A person of a tagged firm speaks, with or without a verb before the quote.
        assert_eq!(
            speaker("Neale Goldston-Morris of Sydney broker <Bain and Co Ltd> said the move was sensible.")
                .as_deref(),
            Some("Neale Goldston-Morris")
        );
        let got = found(
            "\"It sounds like a good deal,\" Stuart McKibbin of <A.C. Goode and Co> told Reuters.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Stuart McKibbin"));
        assert_eq!(got[0].3.as_deref(), Some("told"));
    }

    #[test]
    fn a_negated_verb_before_a_question_reports_nothing() {
        let got = found(
            "It said it expects to file an amendment but did not say when the filing would be made.",
        );
        let texts: Vec<_> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(texts, ["it expects to file an amendment"]);
        assert!(found("He would not say whether he would resign.").is_empty());
        // A negated verb with content of its own still reports it.
        assert_eq!(
            found("He has not ruled out talks with the rebels.").len(),
            1
        );
    }

    #[test]
    fn a_quote_that_ends_its_sentence_is_not_attributed_by_the_next() {
        let got = found(concat!(
            "Ms Sturgeon said she would not \"lose any sleep over it\". Peter Misselbrook, ",
            "a partner of Tods Murray said the MSP had been considering retirement.",
        ));
        let quote = got.iter().find(|g| g.0 == StatementKind::Direct).unwrap();
        assert_eq!(quote.1, "lose any sleep over it");
        assert_eq!(quote.2.as_deref(), Some("Sturgeon"));
        // A comma after the quote still leads to its attribution.
        let got = found("\"We will not sign,\" Peter Misselbrook said.");
        assert_eq!(got[0].2.as_deref(), Some("Peter Misselbrook"));
    }

    #[test]
    fn a_bracket_that_opens_the_article_is_no_aside() {
        // Once read one token before the article's start and panicked.
        for article in [
            "(Reuters) said the talks failed.",
            "<Reuters> said the talks failed.",
        ] {
            let got = found(article);
            assert!(
                got.iter().all(|g| g.1 == "the talks failed"),
                "{article}: {got:?}"
            );
        }
    }
}
