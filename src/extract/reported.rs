//! Reported (indirect) speech: a reporting verb and the clause it reports.
//!
//! Patterns, with the statement's text in brackets:
//! - `Zelenskyy has said repeatedly that [giving up territory is not an option]`
//! - `Rubio said [the session was productive]` (say/tell/add/write take a bare clause)
//! - `Trump suggested [he could eventually meet …]` (other verbs need "that",
//!   or a subject and a finite verb)
//! - `Bevz told The Associated Press on Tuesday that [Ukraine’s president …]`
//! - `Trump has made it clear that [NATO membership is off the table]`
//! - `Russia opposes [the presence of a Western peacekeeping force in Ukraine]`
//!   (verbs whose object is the stance: oppose, reject, welcome, call for …)
//! - `Rubio characterized [the talks as productive]`
//! - `…, saying that [he will stop only when …]` (for the main subject)
//! - `[Showers continued …], Comissaria Smith said in its weekly review.`
//!   and `[The meeting was productive], according to Peskov.`
//! - `According to Peskov, [the meeting was productive].`
//!
//! The clause ends at the sentence end, a semicolon, a clause that a comma
//! sets off (", which", ", while", ", saying"), or a coordinated verb of the
//! same subject (" and has noted that"). A clause that is only a direct quote
//! (fewer than three words outside quotation marks) gives no indirect
//! statement: the direct quote stands for it.

use super::doc::Doc;
use super::lexicon::CueClass;
use super::speaker::{is_pronoun, phrase_after, subject_before, NameBook};
use std::ops::Range;

/// Report verbs that may take a noun-phrase object as their content
/// ("stressed the importance of security guarantees").
const NP_OBJECT_REPORTS: &[&str] = &[
    "announced",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "emphasised",
    "emphasized",
    "emphasizes",
    "reiterated",
    "reiterates",
    "stressed",
    "stresses",
    "underlined",
    "underscored",
];

/// A reported statement found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct IndirectFinding {
    /// Token range of the reported clause.
    pub clause: Range<usize>,
    pub speaker: Option<String>,
    pub cue: String,
    /// The outer sentence that holds it.
    pub sentence: usize,
}

/// Every reported statement of `doc`, in order.
pub(crate) fn find_reported(doc: &Doc, names: &NameBook) -> Vec<IndirectFinding> {
    let mut out = Vec::new();
    for (si, s) in doc.outer.iter().enumerate() {
        let mut j = s.start;
        while j < s.end {
            // Only a reporting word or a trigger ("according", "made") opens one.
            if doc.cue(j).is_none() && !doc.has(j, &doc.lex.triggers) {
                j += 1;
                continue;
            }
            if let Some((f, next)) = reported_at(doc, names, si, s.clone(), j) {
                if keeps_own_words(doc, f.clause.clone()) {
                    out.push(f);
                }
                j = next.max(j + 1);
            } else {
                j += 1;
            }
        }
    }
    out
}

/// A reported statement cued by the word at token `j`, with the token to
/// continue scanning from.
fn reported_at(
    doc: &Doc,
    names: &NameBook,
    si: usize,
    s: Range<usize>,
    j: usize,
) -> Option<(IndirectFinding, usize)> {
    if doc.in_quote(j) || !doc.is_word(j) {
        return None;
    }
    let w = doc.word(j);
    let make = |clause: Range<usize>, np: Option<Range<usize>>, cue: String| {
        let speaker = np.and_then(|np| names.speaker(doc, np));
        let next = clause.end;
        Some((
            IndirectFinding {
                clause,
                speaker,
                cue,
                sentence: si,
            },
            next,
        ))
    };
    if w.eq_ignore_ascii_case("according") && j + 1 < s.end && doc.word(j + 1) == "to" {
        let np = phrase_after(doc, j + 2, s.end)?;
        if j > s.start && doc.is_punct(j - 1, ',') && rest_is_adjunct(doc, np.end, s.end) {
            // "[The meeting was productive], according to Peskov."
            let clause = trim_clause(doc, s.start..j - 1);
            return make(clause, Some(np), "according to".into());
        }
        if j == s.start && np.end < s.end && doc.is_punct(np.end, ',') {
            // "According to Peskov, [the meeting was productive]."
            let clause = trim_clause(doc, np.end + 1..clause_end(doc, np.end + 1, s.end));
            return make(clause, Some(np), "according to".into());
        }
        return None;
    }
    if !doc.is_lowercase(j) {
        return None;
    }
    // "made it clear that", "made clear that"
    if matches!(w, "made" | "makes" | "make") {
        let k = if doc.word_is(j + 1, "it") {
            j + 2
        } else {
            j + 1
        };
        if doc.word_is(k, "clear") && doc.word_is(k + 1, "that") {
            let np = subject_or_coordinated(doc, j, s.start)?;
            let start = k + 2;
            let clause = trim_clause(doc, start..clause_end(doc, start, s.end));
            let cue = doc.text[doc.span(j..k + 1)].to_string();
            return make(clause, Some(np), cue);
        }
        return None;
    }
    // "called for", "ruled out": object phrases.
    let phrase_object = match w {
        "called" | "calls" | "call" if doc.word_is(j + 1, "for") => Some(j + 2),
        "ruled" | "rules" | "rule" if doc.word_is(j + 1, "out") => Some(j + 2),
        _ => None,
    };
    if let Some(start) = phrase_object {
        let np = subject_or_coordinated(doc, j, s.start)?;
        let clause = trim_clause(doc, start..clause_end(doc, start, s.end));
        let cue = doc.text[doc.span(j..j + 2)].to_string();
        return make(clause, Some(np), cue);
    }
    let class = doc.cue(j)?;
    match class {
        CueClass::Say | CueClass::Report | CueClass::Manner => {
            let Some(np) = subject_or_coordinated(doc, j, s.start) else {
                // "[…], said Peskov."
                let inverted = j > s.start && doc.is_punct(j - 1, ',') && class != CueClass::Manner;
                let np = inverted
                    .then(|| phrase_after(doc, j + 1, s.end))
                    .flatten()?;
                if !rest_is_adjunct(doc, np.end, s.end) || !rest_starts_adjunct(doc, np.end, s.end)
                {
                    return None;
                }
                let clause = trim_clause(doc, s.start..j - 1);
                return make(clause, Some(np), w.to_string());
            };
            if let Some(start) = clause_start(doc, j, class, s.end) {
                let clause = trim_clause(doc, start..clause_end(doc, start, s.end));
                return make(clause, Some(np), w.to_string());
            }
            if NP_OBJECT_REPORTS.contains(&w)
                && j + 1 < s.end
                && doc.has(j + 1, &doc.lex.determiners)
            {
                let clause = trim_clause(doc, j + 1..clause_end(doc, j + 1, s.end));
                return make(clause, Some(np), w.to_string());
            }
            // "[…], Comissaria Smith said in its weekly review."
            if np.start > s.start
                && doc.is_punct(np.start - 1, ',')
                && rest_is_adjunct(doc, j + 1, s.end)
                && rest_starts_adjunct(doc, j + 1, s.end)
            {
                let clause = trim_clause(doc, s.start..np.start - 1);
                return make(clause, Some(np), w.to_string());
            }
            None
        }
        CueClass::Participle => {
            let joined = j > s.start
                && (doc.is_punct(j - 1, ',') || matches!(doc.word(j - 1), "and" | "but"));
            if !joined {
                return None;
            }
            let np = main_subject(doc, s.start, j)?;
            let start = clause_start(doc, j, CueClass::Report, s.end)?;
            let clause = trim_clause(doc, start..clause_end(doc, start, s.end));
            make(clause, Some(np), w.to_string())
        }
        CueClass::Object => {
            let np = subject_or_coordinated(doc, j, s.start)?;
            if j + 1 >= s.end || !doc.is_word(j + 1) {
                return None;
            }
            let clause = trim_clause(doc, j + 1..clause_end(doc, j + 1, s.end));
            make(clause, Some(np), w.to_string())
        }
        CueClass::Describe => {
            let np = subject_or_coordinated(doc, j, s.start)?;
            let end = clause_end(doc, j + 1, s.end);
            let has_as = (j + 1..end).any(|k| !doc.in_quote(k) && doc.word(k) == "as");
            if !has_as {
                return None;
            }
            make(trim_clause(doc, j + 1..end), Some(np), w.to_string())
        }
    }
}

/// The subject of the verb at `j`; for a second verb joined by "and" or
/// "but", the sentence's main subject ([`coordinated_subject`]).
fn subject_or_coordinated(doc: &Doc, j: usize, lo: usize) -> Option<Range<usize>> {
    subject_before(doc, j, lo).or_else(|| coordinated_subject(doc, j, lo))
}

/// For a verb at `j` joined to an earlier one by "and" or "but" ("has
/// maintained … and has noted that", "admitted “…” but insisted"), the main
/// subject of the sentence starting at `lo`; `None` for any other verb.
pub(crate) fn coordinated_subject(doc: &Doc, j: usize, lo: usize) -> Option<Range<usize>> {
    let mut k = j;
    while k > lo && doc.has(k - 1, &doc.lex.pre_verb) {
        k -= 1;
    }
    if k > lo && matches!(doc.word(k - 1), "and" | "but") {
        return subject_with_article(doc, lo, k - 1);
    }
    None
}

/// [`main_subject`] with the article it passes over put back ("The
/// chancellor … but denied" → "The chancellor"), so that a role or an
/// organisation ("The company") reads as one.
pub(crate) fn subject_with_article(doc: &Doc, lo: usize, before: usize) -> Option<Range<usize>> {
    let mut np = main_subject(doc, lo, before)?;
    let article =
        |i: usize| super::lexicon::with_lowercase(doc.word(i), |w| matches!(w, "the" | "a" | "an"));
    if np.start > lo && article(np.start - 1) {
        np.start -= 1;
    }
    Some(np)
}

/// The subject of the sentence starting at token `lo`, looking no further
/// than `before`: the subject of its first reporting verb, or else the noun
/// phrase that opens it (after an introductory "In contrast," or "But").
pub(crate) fn main_subject(doc: &Doc, lo: usize, before: usize) -> Option<Range<usize>> {
    for j in lo..before {
        if doc.in_quote(j) || !doc.is_lowercase(j) {
            continue;
        }
        if matches!(doc.cue(j), Some(CueClass::Say | CueClass::Report)) {
            if let Some(np) = subject_before(doc, j, lo) {
                return Some(np);
            }
            if j > lo && doc.in_quote(j - 1) {
                if let Some(np) = phrase_after(doc, j + 1, before) {
                    return Some(np);
                }
            }
        }
    }
    let mut i = lo;
    // An introductory phrase set off by a comma: "In contrast, …".
    if let Some(comma) = (lo..before.min(lo + 5)).find(|&k| doc.is_punct(k, ',')) {
        let intro = doc.has(lo, &doc.lex.function_words)
            || doc.word(lo).ends_with("ly")
            || doc.has(lo, &doc.lex.prepositions);
        if intro {
            i = comma + 1;
        }
    }
    while i < before
        && doc.is_word(i)
        && doc.has(i, &doc.lex.function_words)
        && !is_pronoun(doc.word(i))
    {
        i += 1;
    }
    let start = i;
    while i < before && i < start + 10 && doc.is_word(i) && !doc.in_quote(i) {
        let w = doc.word(i);
        let verbish = doc.is_lowercase(i)
            && (doc.has(i, &doc.lex.auxiliaries)
                || doc.has(i, &doc.lex.pre_verb)
                || doc.cue(i).is_some()
                || doc.has(i, &doc.lex.clause_words)
                || (w.ends_with("ed") && !doc.has(i, &doc.lex.ed_adjectives)));
        if verbish {
            break;
        }
        i += 1;
    }
    (i > start).then_some(start..i)
}

/// Whether `word` opens an indirect question ("when", "whether", …).
fn is_wh_word(word: &str) -> bool {
    matches!(
        word,
        "when" | "whether" | "if" | "what" | "how" | "why" | "where" | "who" | "which"
    )
}

/// Whether the verb at `j` is negated: "not", "n't" or "never" among the
/// auxiliaries and adverbs right before it ("did not say", "would never
/// say", "hasn't said").
fn is_negated(doc: &Doc, j: usize) -> bool {
    let mut k = j;
    while k > 0 && doc.is_word(k - 1) && (k + 4 > j) {
        let w = doc.word(k - 1);
        if matches!(w, "not" | "never" | "n't") || w.ends_with("n't") || w.ends_with("n’t") {
            return true;
        }
        if !(doc.has(k - 1, &doc.lex.auxiliaries) || doc.has(k - 1, &doc.lex.pre_verb)) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Where the clause reported by the verb at `j` starts, if it has one.
fn clause_start(doc: &Doc, j: usize, class: CueClass, hi: usize) -> Option<usize> {
    let mut i = j + 1;
    if i >= hi {
        return None;
    }
    let w = doc.word(j);
    let mut addressed = false;
    let tells = matches!(w, "told" | "tells" | "tell" | "telling");
    if tells {
        // Only a listener like "reporters" may be followed by a bare clause.
        addressed = doc.has(i, &doc.lex.addressees);
        if addressed {
            i += 1;
        } else if doc.is_capitalized(i) {
            while i < hi && (doc.is_capitalized(i) || doc.word(i) == "of") {
                i += 1;
            }
        } else if doc.has(i, &doc.lex.determiners) {
            i += 1;
            while i < hi && i < j + 5 && doc.is_lowercase(i) && doc.word(i) != "that" {
                i += 1;
            }
        } else {
            return None;
        }
    }
    // "that" a few words on: "said last week that", "told X on Tuesday that".
    for k in i..(i + 10).min(hi) {
        if doc.in_quote(k) || !doc.is_word(k) {
            break;
        }
        let word = doc.word(k);
        if word == "that" {
            return (k + 1 < hi).then_some(k + 1);
        }
        if doc.has(k, &doc.lex.auxiliaries) || doc.cue(k).is_some() {
            break;
        }
    }
    if class == CueClass::Manner {
        return None;
    }
    i = skip_adjuncts(doc, i, hi);
    if i >= hi {
        return None;
    }
    if doc.in_quote(i) {
        return Some(i); // the clause opens with a quote; see `keeps_own_words`
    }
    if !doc.is_word(i) {
        return None;
    }
    let first = doc.word(i);
    if doc.is_lowercase(i)
        && (doc.has(i, &doc.lex.prepositions)
            || matches!(first, "to" | "so" | "goodbye" | "nothing" | "no"))
    {
        return None;
    }
    // "did not say when the move would take place": nothing was said.
    if is_wh_word(first) && is_negated(doc, j) {
        return None;
    }
    if (class == CueClass::Say && !tells) || addressed {
        return Some(i);
    }
    // Other verbs: a subject, then a finite verb within a few words.
    let subject_like = is_pronoun(first)
        || first == "there"
        || doc.has(i, &doc.lex.determiners)
        || doc.is_capitalized(i);
    let finite = (i + 1..(i + 7).min(hi)).any(|k| {
        let v = doc.word(k);
        doc.is_lowercase(k)
            && (doc.has(k, &doc.lex.auxiliaries) || v.ends_with("n’t") || v.ends_with("n't"))
    }) || first.ends_with("’s") && is_pronoun(first.trim_end_matches("’s"));
    (subject_like && finite).then_some(i)
}

/// Skips time and manner words between a verb and its clause ("Sunday",
/// "last week", "on Tuesday", "repeatedly").
fn skip_adjuncts(doc: &Doc, mut i: usize, hi: usize) -> usize {
    loop {
        if i >= hi || !doc.is_word(i) || doc.in_quote(i) {
            return i;
        }
        let w = doc.word(i);
        if doc.has(i, &doc.lex.adjuncts)
            || (doc.is_lowercase(i) && w.len() > 4 && w.ends_with("ly"))
        {
            i += 1;
        } else if matches!(w, "last" | "this" | "next" | "on" | "late" | "early")
            && i + 1 < hi
            && doc.has(i + 1, &doc.lex.time_nouns)
        {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Where a reported clause starting at `start` ends (exclusive), before `hi`.
fn clause_end(doc: &Doc, start: usize, hi: usize) -> usize {
    let mut k = start;
    while k < hi {
        if doc.in_quote(k) {
            k += 1;
            continue;
        }
        if doc.is_punct(k, ';') || (doc.is_punct(k, ':') && k > start) {
            return k;
        }
        // `… could be "workable," while …`: the comma sat inside the quote.
        let after_quote = k > start && doc.in_quote(k - 1);
        if after_quote
            && doc.is_lowercase(k)
            && matches!(
                doc.word(k),
                "which" | "while" | "whereas" | "although" | "though"
            )
        {
            return k;
        }
        if doc.is_punct(k, ',') && k + 1 < hi && !doc.in_quote(k + 1) {
            let next = doc.word(k + 1);
            let sets_off = doc.is_lowercase(k + 1)
                && (matches!(
                    next,
                    "which"
                        | "while"
                        | "whereas"
                        | "although"
                        | "though"
                        | "as"
                        | "according"
                        | "even"
                ) || doc.cue(k + 1) == Some(CueClass::Participle));
            let participle = doc.is_lowercase(k + 1) && next.len() > 5 && next.ends_with("ing");
            if sets_off || participle || reporting_follows(doc, k + 1, hi, 4) {
                return k;
            }
            if matches!(next, "and" | "but") && reporting_follows(doc, k + 2, hi, 10) {
                return k;
            }
        }
        if doc.is_lowercase(k) && matches!(doc.word(k), "and" | "but") && k > start {
            let mut m = k + 1;
            let mut aux = false;
            while m < hi && (doc.has(m, &doc.lex.pre_verb) || doc.has(m, &doc.lex.auxiliaries)) {
                aux |= matches!(doc.word(m), "has" | "have" | "had");
                m += 1;
            }
            if m < hi && doc.is_lowercase(m) {
                let v = doc.word(m);
                let reports = matches!(
                    doc.cue(m),
                    Some(
                        CueClass::Say | CueClass::Report | CueClass::Object | CueClass::Participle
                    )
                );
                if reports || (aux && v.ends_with("ed")) {
                    return k;
                }
            }
        }
        k += 1;
    }
    hi
}

/// Whether a reporting verb of Say/Report class comes within `window`
/// tokens after `from` (a new attribution: ", he said", ", and Peskov confirmed").
fn reporting_follows(doc: &Doc, from: usize, hi: usize, window: usize) -> bool {
    (from..(from + window).min(hi)).any(|m| {
        !doc.in_quote(m)
            && doc.is_lowercase(m)
            && matches!(
                doc.cue(m),
                Some(CueClass::Say | CueClass::Report | CueClass::Describe | CueClass::Object)
            )
    })
}

/// Whether tokens `from..hi` are only adjuncts: "in its weekly review", "on Tuesday".
fn rest_is_adjunct(doc: &Doc, from: usize, hi: usize) -> bool {
    let words = (from..hi).filter(|&k| doc.is_word(k)).count();
    words <= 8
        && (from..hi).all(|k| {
            !doc.in_quote(k)
                && (!doc.is_word(k)
                    || !(doc.has(k, &doc.lex.auxiliaries)
                        || doc.word(k) == "that"
                        || doc.cue(k).is_some()))
        })
}

/// Whether tokens `from..hi` are empty (punctuation only) or open with a
/// preposition or time word ("in its weekly review", "on Tuesday").
fn rest_starts_adjunct(doc: &Doc, from: usize, hi: usize) -> bool {
    match (from..hi).find(|&k| doc.is_word(k)) {
        None => true,
        Some(k) => {
            let w = doc.word(k);
            doc.has(k, &doc.lex.prepositions)
                || doc.has(k, &doc.lex.adjuncts)
                || matches!(w, "late" | "last" | "early")
        }
    }
}

/// `clause` without punctuation at its ends (closing quote marks stay).
fn trim_clause(doc: &Doc, mut clause: Range<usize>) -> Range<usize> {
    let strip = |i: usize| {
        !doc.is_word(i)
            && !doc.in_quote(i)
            && [',', '.', ';', ':', '—', '–', '-']
                .iter()
                .any(|&c| doc.is_punct(i, c))
    };
    while clause.start < clause.end && strip(clause.start) {
        clause.start += 1;
    }
    while clause.end > clause.start && strip(clause.end - 1) {
        clause.end -= 1;
    }
    clause
}

/// Whether the clause has words of its own: at least two words, and at
/// least three outside quotation marks when it holds a quote (otherwise the
/// direct quote stands for it).
fn keeps_own_words(doc: &Doc, clause: Range<usize>) -> bool {
    let words = clause.clone().filter(|&k| doc.is_word(k)).count();
    let outside = clause
        .clone()
        .filter(|&k| doc.is_word(k) && !doc.in_quote(k) && doc.word(k) != "that")
        .count();
    let has_quote = clause.clone().any(|k| doc.in_quote(k));
    words >= 2 && (!has_quote || outside >= 3)
}
