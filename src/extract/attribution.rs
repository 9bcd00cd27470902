//! Direct quotes: which quotes are statements, and who made each one.
//!
//! A quote is a statement when
//! 1. an attribution follows it: `“…,” Peskov said`, `“…,” said Peskov`,
//!    `“…,” according to Peskov`, `“…” -Commissioner Starks`;
//! 2. a reporting verb with a subject governs it from earlier in its
//!    sentence: `Putin said: “…”`, `Zelenskyy said the plan could be
//!    “workable”` (a partial quote, even of one word);
//! 3. a colon introduces it: `Yermak was blunt: „…“`, or a paragraph ending
//!    in `:` comes before it;
//! 4. an earlier quote of the same sentence is a statement (the second half
//!    of `“…,” he said, “…”`, or a second fragment under the same verb);
//! 5. it runs over several paragraphs (scare quotes never do), or
//!    it stands as a sentence of its own (opens its sentence and ends with
//!    sentence punctuation, or runs to the sentence end with four words or
//!    more): a *floating* quote, which takes the speaker of the previous
//!    quote when that one is at most two paragraphs back.
//!
//! Everything else — scare quotes (“red lines”), nicknames, titles of works
//! (every word capitalised) — is not a statement. A quoted title is rejected
//! even under a speech verb.

use super::doc::Doc;
use super::lexicon::CueClass;
use super::marks::Quote;
use super::speaker::{phrase_after, subject_before, NameBook};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A quote found to be a statement.
#[derive(Debug, Clone)]
pub(crate) struct DirectFinding {
    /// Index of the quote in `doc.quotes`.
    pub quote: usize,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// Byte range of the attribution words, when there are any.
    pub attribution: Option<Range<usize>>,
    /// The quote's words (see [`quote_text`]).
    pub text: String,
}

/// An attribution found next to a quote.
struct Found {
    speaker: Option<String>,
    cue: Option<String>,
    span: Range<usize>,
}

/// Decides, for every quote of `doc`, whether it is a statement and who made it.
pub(crate) fn attribute_quotes(doc: &Doc, names: &NameBook) -> Vec<DirectFinding> {
    let mut out: Vec<DirectFinding> = Vec::new();
    // (speaker, paragraph, outer sentence) of the last statement.
    let mut last: Option<(Option<String>, usize, usize)> = None;
    for (k, q) in doc.quotes.iter().enumerate() {
        let open_tok = doc.token_at(q.open);
        if open_tok >= doc.tokens.len() {
            continue;
        }
        let sentence = doc.outer_of(open_tok);
        let para = doc.para_of(open_tok);
        let sent_lo = doc.sentence_start(open_tok);
        // Words between the previous quote of the sentence and this one.
        let lo = (sent_lo..open_tok)
            .rev()
            .find(|&i| doc.in_quote(i))
            .map_or(sent_lo, |i| i + 1);
        let same_sentence_as_last = last.as_ref().is_some_and(|l| l.2 == sentence) && lo > sent_lo;
        let clause_start = starts_clause(doc, lo, open_tok, sent_lo);
        let text = quote_text(doc, q);
        let title = !clause_start && looks_like_title(&text);

        let found = after_quote(doc, q, &text, names)
            .map(|f| (f, true))
            .or_else(|| before_quote(doc, names, lo, open_tok).map(|f| (f, false)))
            .or_else(|| colon_intro(doc, names, q, lo, open_tok).map(|f| (f, false)));
        let finding = match found {
            Some((f, after)) if after || !title => Some(DirectFinding {
                quote: k,
                speaker: f.speaker,
                cue: f.cue,
                attribution: Some(f.span),
                text,
            }),
            Some(_) => None,
            None if same_sentence_as_last && !title && text.unicode_words().nth(1).is_some() => {
                Some(DirectFinding {
                    quote: k,
                    speaker: last.as_ref().and_then(|l| l.0.clone()),
                    cue: None,
                    attribution: None,
                    text,
                })
            }
            None if (clause_start && stands_alone(doc, q, &text, open_tok))
                || q.segments.len() > 1 =>
            {
                Some(DirectFinding {
                    quote: k,
                    speaker: last
                        .as_ref()
                        .filter(|l| l.1 + 2 >= para)
                        .and_then(|l| l.0.clone()),
                    cue: None,
                    attribution: None,
                    text,
                })
            }
            None => None,
        };
        if let Some(f) = finding {
            let close_tok = doc
                .token_at(q.end)
                .saturating_sub(1)
                .min(doc.tokens.len() - 1);
            last = Some((
                f.speaker.clone(),
                doc.para_of(close_tok),
                doc.outer_of(close_tok),
            ));
            out.push(f);
        }
    }
    out
}

/// The quote's words, paragraphs joined with a space.
pub(crate) fn quote_text(doc: &Doc, q: &Quote) -> String {
    if let [one] = q.segments.as_slice() {
        return super::fold_breaks(&doc.text[one.clone()]);
    }
    q.segments
        .iter()
        .map(|s| super::fold_breaks(&doc.text[s.clone()]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the quote opens its sentence or clause: no words before it in
/// the sentence, or a colon or dash right before it.
fn starts_clause(doc: &Doc, lo: usize, open_tok: usize, sent_lo: usize) -> bool {
    if lo == sent_lo && !(sent_lo..open_tok).any(|i| doc.is_word(i)) {
        return true;
    }
    open_tok > 0
        && open_tok > sent_lo
        && [':', '-', '—', '–']
            .iter()
            .any(|&c| doc.is_punct(open_tok - 1, c))
}

/// Whether a quote that opens its clause reads as a sentence of its own.
fn stands_alone(doc: &Doc, q: &Quote, text: &str, open_tok: usize) -> bool {
    let trimmed = text.trim_end_matches(['’', '\'', '"', '”', ')', ' ']);
    if trimmed.ends_with(['.', '!', '?', '…', ',']) {
        return !looks_like_title(text) || trimmed.split_whitespace().count() == 1;
    }
    // No end punctuation: enough words, and nothing but punctuation after it
    // in its sentence.
    let end_tok = doc.token_at(q.end);
    let sentence = doc.outer_of(open_tok);
    let rest_is_empty = (end_tok..doc.tokens.len())
        .take_while(|&i| doc.outer_of(i) == sentence)
        .all(|i| !doc.is_word(i));
    text.unicode_words().count() >= 4 && rest_is_empty && !looks_like_title(text)
}

/// Whether `text` reads as a title or name: every word capitalised, apart
/// from short function words ("One Hundred Years of Solitude", “Shorty.”).
pub(crate) fn looks_like_title(text: &str) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "de", "for", "from", "in", "nor", "of", "on", "or",
        "the", "to", "vs", "with",
    ];
    let mut capitalised = 0;
    for word in text.unicode_words() {
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if !(first.is_numeric() || MINOR.contains(&word)) {
            return false;
        }
    }
    capitalised > 0
}

/// An attribution right after the closing mark: `, Peskov said`,
/// `, said Peskov`, `, according to Peskov`, ` -Commissioner Starks`.
fn after_quote(doc: &Doc, q: &Quote, inner: &str, names: &NameBook) -> Option<Found> {
    let n = doc.tokens.len();
    let first = doc.token_at(q.end);
    if first >= n || q.end == 0 {
        return None;
    }
    let para = doc.para_of(doc.token_at(q.end - 1).min(n - 1));
    let mut i = first;
    while i < n && doc.is_punct(i, ',') {
        i += 1;
    }
    if i >= n || doc.para_of(i) != para || doc.in_quote(i) {
        return None;
    }
    // “… over it”. Peter Misselbrook said …: the sentence ended after the
    // quote; the next one's verb reports something else.
    if ['.', '!', '?', ';'].iter().any(|&c| doc.is_punct(i, c)) {
        return None;
    }
    let ends_sentence = inner.trim_end_matches(['’', '\'', '"', '”']).ends_with('.');
    if ends_sentence && i == first && doc.is_capitalized(i) {
        return None; // a new sentence starts after the quote
    }
    let hi = (i + 14).min(n);
    let same_para_hi = (i..hi)
        .take_while(|&j| doc.para_of(j) == para)
        .last()
        .map_or(i, |j| j + 1);
    // Dash attribution: “…” -Commissioner Geoffrey Starks
    if i == first
        && ['-', '—', '–'].iter().any(|&c| doc.is_punct(i, c))
        && i + 1 < same_para_hi
        && doc.is_capitalized(i + 1)
    {
        let np = phrase_after(doc, i + 1, same_para_hi)?;
        let span = doc.span(i..np.end);
        return Some(Found {
            speaker: names.speaker(doc, np),
            cue: None,
            span,
        });
    }
    if is_according_to(doc, i, same_para_hi) {
        return according_to(doc, names, i, same_para_hi);
    }
    let attributes = |j: usize| {
        doc.is_lowercase(j)
            && matches!(
                doc.cue(j),
                Some(CueClass::Say | CueClass::Report | CueClass::Manner)
            )
    };
    // Inverted: “…,” said Peskov.
    if attributes(i) {
        let np = phrase_after(doc, i + 1, same_para_hi)?;
        return Some(Found {
            speaker: names.speaker(doc, np.clone()),
            cue: Some(doc.word(i).to_string()),
            span: doc.span(i..np.end),
        });
    }
    // Subject first: “…,” Tatiana Stanovaya of the … Center wrote.
    let mut commas = 0;
    for j in i + 1..same_para_hi {
        // Commas set off an appositive: "Orlan's trade minister, Corentin Malvaux, told".
        if doc.is_punct(j, ',') && commas < 2 {
            commas += 1;
            continue;
        }
        // Words, initials' periods, and a wire company tag ("<A.C. Goode and Co>").
        let tag = doc.is_punct(j, '<') || doc.is_punct(j, '>') || doc.word(j) == "&";
        if doc.in_quote(j)
            || !(doc.is_word(j)
                || doc.is_punct(j, '.') && j > i && doc.word(j - 1).len() == 1
                || tag)
        {
            return None;
        }
        if attributes(j) {
            let np = subject_before(doc, j, i)?;
            if np.start < i || (commas == 0 && np.start != i) {
                return None;
            }
            return Some(Found {
                speaker: names.speaker(doc, np),
                cue: Some(doc.word(j).to_string()),
                span: doc.span(i..j + 1),
            });
        }
        if doc.is_lowercase(j)
            && (doc.has(j, &doc.lex.clause_words)
                || doc.has(j, &doc.lex.auxiliaries) && !doc.has(j, &doc.lex.pre_verb))
        {
            return None;
        }
    }
    None
}

/// Whether words `i` and `i + 1` (before `hi`) are "according to".
fn is_according_to(doc: &Doc, i: usize, hi: usize) -> bool {
    doc.word(i) == "according" && i + 1 < hi && doc.word(i + 1) == "to"
}

/// The attribution "according to X" starting at word `i`, with X the noun
/// phrase before `hi`; `None` when no phrase follows.
fn according_to(doc: &Doc, names: &NameBook, i: usize, hi: usize) -> Option<Found> {
    let np = phrase_after(doc, i + 2, hi)?;
    Some(Found {
        speaker: names.speaker(doc, np.clone()),
        cue: Some("according to".into()),
        span: doc.span(i..np.end),
    })
}

/// A reporting verb earlier in the sentence (after any previous quote) that
/// governs the quote: `Putin said: “…”`, `Zelenskyy said the plan could be
/// “workable”`, `“…,” Peskov said, “…”`.
fn before_quote(doc: &Doc, names: &NameBook, lo: usize, open_tok: usize) -> Option<Found> {
    for j in (lo..open_tok).rev() {
        if doc.in_quote(j) || !doc.is_word(j) {
            continue;
        }
        if is_according_to(doc, j, open_tok) {
            return according_to(doc, names, j, open_tok);
        }
        if !doc.is_lowercase(j) {
            continue;
        }
        let sentence_start = || doc.sentence_start(j);
        let np = match doc.cue(j) {
            Some(CueClass::Say | CueClass::Report | CueClass::Manner) => subject_before(doc, j, lo)
                // "Gibbons admitted “big challenges” but insisted the “essentials” …"
                .or_else(|| super::reported::coordinated_subject(doc, j, sentence_start()))
                .or_else(|| phrase_after(doc, j + 1, open_tok)),
            Some(CueClass::Describe) => subject_before(doc, j, lo),
            Some(CueClass::Participle) if j > lo && doc.is_punct(j - 1, ',') => {
                super::reported::main_subject(doc, sentence_start(), j)
            }
            _ => continue,
        }?;
        let span = doc.span(np.start.min(j)..(j + 1).max(np.end));
        return Some(Found {
            speaker: names.speaker(doc, np),
            cue: Some(doc.word(j).to_string()),
            span,
        });
    }
    None
}

/// A colon introduction without a reporting verb: `Yermak was blunt: „…“`,
/// or a paragraph ending in `:` right before a quote that opens a paragraph
/// (`And from Chairwoman Rosenworcel:`). The speaker is the last person
/// named there, or the subject of a reporting verb there.
fn colon_intro(
    doc: &Doc,
    names: &NameBook,
    q: &Quote,
    lo: usize,
    open_tok: usize,
) -> Option<Found> {
    let colon_here = open_tok > lo && doc.is_punct(open_tok - 1, ':');
    let (from, to) = if colon_here {
        (lo, open_tok - 1)
    } else {
        // The quote opens its paragraph and the previous paragraph ends in ':'.
        let para = doc.para_of(open_tok);
        let opens_para = doc.paragraphs.get(para).is_some_and(|p| p.start == q.open);
        if !opens_para || para == 0 || open_tok == 0 || !doc.is_punct(open_tok - 1, ':') {
            return None;
        }
        let prev = &doc.paragraphs[para - 1];
        (doc.token_at(prev.start), open_tok - 1)
    };
    // A reporting verb in the introduction.
    if let Some(found) = before_quote(doc, names, from, to) {
        return Some(found);
    }
    // Otherwise the last capitalised run before the colon.
    let mut end = to;
    while end > from && !doc.is_capitalized(end - 1) {
        end -= 1;
    }
    let mut start = end;
    while start > from && (doc.is_capitalized(start - 1) || doc.is_punct(start - 1, '.')) {
        start -= 1;
    }
    if start == end || (end - start == 1 && doc.has(start, &doc.lex.function_words)) {
        return None;
    }
    let speaker = names.speaker(doc, start..end)?;
    Some(Found {
        speaker: Some(speaker),
        cue: None,
        span: doc.span(from..to + 1),
    })
}
