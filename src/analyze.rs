//! Text analysis: a statement's text in, the terms the model counts out.
//!
//! Stages, in order: fold typographic apostrophes and quotes to ASCII,
//! lowercase, split into words by Unicode word boundaries (UAX #29), expand
//! contractions ("don't" -> "do not"), mark negation scope, stem with the
//! Snowball English stemmer, and join word n-grams.
//!
//! Negation scope: every word after a negator (`not`, `no`, `never`, ...) up to
//! the next clause punctuation (`, . ; : ! ?` or a dash) carries the prefix
//! [`NEGATION_MARK`], so "not an option" yields `¬option` where "an option"
//! yields `option`. The negator itself stays unmarked.

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::error::{Result, StanceError};

/// Prefix of a word inside a negation scope. It is not a letter, so no word
/// of the input can carry it by itself.
pub const NEGATION_MARK: char = '¬';

/// Words that open a negation scope.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without",
    "cannot",
];

/// Settings of an [`Analyzer`], checked by [`AnalyzerParams::check`].
///
/// Defaults: n-grams 1..=2, negation marks on, stemming on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzerParams {
    ngram_max: usize,
    negation: bool,
    stem: bool,
}

impl Default for AnalyzerParams {
    fn default() -> Self {
        AnalyzerParams {
            ngram_max: 2,
            negation: true,
            stem: true,
        }
    }
}

impl AnalyzerParams {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Longest word n-gram counted (1 = single words only; 1 to 4).
    pub fn ngram_max(mut self, n: usize) -> Self {
        self.ngram_max = n;
        self
    }

    /// Whether words in a negation scope are marked.
    pub fn negation(mut self, on: bool) -> Self {
        self.negation = on;
        self
    }

    /// Whether words are stemmed.
    pub fn stem(mut self, on: bool) -> Self {
        self.stem = on;
        self
    }

    /// The longest n-gram.
    pub fn get_ngram_max(&self) -> usize {
        self.ngram_max
    }

    /// Validates the settings and builds the analyzer.
    pub fn check(self) -> Result<Analyzer> {
        if !(1..=4).contains(&self.ngram_max) {
            return Err(StanceError::InvalidParam {
                name: "ngram-max",
                reason: format!("must be 1 to 4, got {}", self.ngram_max),
            });
        }
        let stemmer = self.stem.then(|| Stemmer::create(Algorithm::English));
        Ok(Analyzer {
            params: self,
            stemmer,
        })
    }
}

/// Turns text into words and terms; built by [`AnalyzerParams::check`].
pub struct Analyzer {
    params: AnalyzerParams,
    stemmer: Option<Stemmer>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("params", &self.params)
            .finish()
    }
}

impl Analyzer {
    /// The settings this analyzer was built from.
    pub fn params(&self) -> &AnalyzerParams {
        &self.params
    }

    /// The words of `text` after folding, lowercasing, contraction expansion,
    /// negation marking and stemming, in order.
    ///
    /// ```
    /// let analyzer = stance::analyze::AnalyzerParams::new().check().unwrap();
    /// assert_eq!(analyzer.words("It isn't an option, they said."),
    ///            ["it", "is", "not", "¬an", "¬option", "they", "said"]);
    /// ```
    pub fn words(&self, text: &str) -> Vec<String> {
        let normalized: String = text.chars().map(fold_typography).collect();
        let lowered = normalized.to_lowercase();
        let mut words = Vec::new();
        let mut negated = false;
        for piece in lowered.split_word_bounds() {
            if !piece.chars().any(char::is_alphanumeric) {
                if piece.chars().any(is_clause_break) {
                    negated = false;
                }
                continue;
            }
            for word in expand_contraction(piece) {
                let is_negator = NEGATORS.contains(&word);
                let stemmed = match &self.stemmer {
                    Some(stemmer) => stemmer.stem(word).into_owned(),
                    None => word.to_string(),
                };
                if negated && !is_negator {
                    let mut marked = String::with_capacity(stemmed.len() + 2);
                    marked.push(NEGATION_MARK);
                    marked.push_str(&stemmed);
                    words.push(marked);
                } else {
                    words.push(stemmed);
                }
                if is_negator && self.params.negation {
                    negated = true;
                }
            }
        }
        words
    }

    /// The terms of `text`: its words and every word n-gram up to
    /// `ngram_max`, n-grams joined with one space.
    ///
    /// ```
    /// let analyzer = stance::analyze::AnalyzerParams::new().stem(false).check().unwrap();
    /// assert_eq!(analyzer.terms("Talks resume"), ["talks", "resume", "talks resume"]);
    /// ```
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.terms_of_words(&self.words(text))
    }

    /// The terms of words already produced by [`Analyzer::words`].
    pub fn terms_of_words(&self, words: &[String]) -> Vec<String> {
        let mut terms = Vec::with_capacity(words.len() * self.params.ngram_max);
        terms.extend(words.iter().cloned());
        for n in 2..=self.params.ngram_max {
            for window in words.windows(n) {
                terms.push(window.join(" "));
            }
        }
        terms
    }
}

/// Shortest character n-gram counted by [`char_grams`].
pub const CHAR_GRAM_MIN: usize = 2;
/// Longest character n-gram counted by [`char_grams`].
pub const CHAR_GRAM_MAX: usize = 5;

/// The character n-grams of `text`, [`CHAR_GRAM_MIN`] to [`CHAR_GRAM_MAX`]
/// characters long, taken inside each white-space-separated word padded with
/// one space on each side (punctuation stays with its word). A padded word
/// shorter than `n` counts once, whole. Text is folded and lowercased as for
/// words, but neither stemmed nor negation-marked.
///
/// Why: they catch word forms and compounds the vocabulary splits or misses
/// ("unacceptable", "non-negotiable", "retaliat-"), and cross-validation
/// shows they earn their place (models/README.md).
///
/// ```
/// let grams = stance::analyze::char_grams("No!");
/// assert_eq!(grams, [" n", "no", "o!", "! ", " no", "no!", "o! ", " no!", "no! ", " no! "]);
/// ```
pub fn char_grams(text: &str) -> Vec<String> {
    let mut grams = Vec::new();
    for_each_char_gram(text, |gram| grams.push(gram.to_string()));
    grams
}

/// Calls `f` with each of [`char_grams`]'s grams, in the same order, without
/// allocating one string per gram (classification calls this for every
/// statement).
pub fn for_each_char_gram(text: &str, mut f: impl FnMut(&str)) {
    let normalized: String = text.chars().map(fold_typography).collect();
    let lowered = normalized.to_lowercase();
    let mut padded = String::new();
    // Byte offset of each char of `padded`, and its end.
    let mut bounds: Vec<usize> = Vec::new();
    for word in lowered.split_whitespace() {
        padded.clear();
        padded.push(' ');
        padded.push_str(word);
        padded.push(' ');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(at, _)| at));
        bounds.push(padded.len());
        let chars = bounds.len() - 1;
        for n in CHAR_GRAM_MIN..=CHAR_GRAM_MAX {
            if chars <= n {
                f(&padded);
                break;
            }
            for start in 0..=chars - n {
                f(&padded[bounds[start]..bounds[start + n]]);
            }
        }
    }
}

/// Typographic apostrophes to `'` and quotation marks to `"`.
fn fold_typography(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        _ => c,
    }
}

/// Punctuation that ends a negation scope.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | '\u{2014}' | '\u{2013}' | '(' | ')'
    )
}

/// Splits a lowercase word with a contraction into its words:
/// "don't" -> ["do", "not"], "won't" -> ["will", "not"], "we'll" -> ["we", "will"],
/// "russia's" -> ["russia"]. Any other word is returned as it is.
fn expand_contraction(word: &str) -> Vec<&str> {
    match word {
        "won't" => return vec!["will", "not"],
        "can't" | "cannot" => return vec!["can", "not"],
        "shan't" => return vec!["shall", "not"],
        "ain't" => return vec!["is", "not"],
        "let's" => return vec!["let", "us"],
        _ => {}
    }
    if let Some(base) = word.strip_suffix("n't") {
        if !base.is_empty() {
            return vec![base, "not"];
        }
    }
    const SUFFIXES: &[(&str, &str)] = &[
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'m", "am"),
        ("'d", "would"),
    ];
    for (suffix, expansion) in SUFFIXES {
        if let Some(base) = word.strip_suffix(suffix) {
            if !base.is_empty() {
                return vec![base, expansion];
            }
        }
    }
    // Possessive or "is": dropped either way, so "Russia's" counts as "Russia".
    if let Some(base) = word.strip_suffix("'s") {
        if !base.is_empty() {
            return vec![base];
        }
    }
    vec![word.trim_matches('\'')]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Analyzer {
        AnalyzerParams::new().stem(false).check().unwrap()
    }

    #[test]
    fn folds_case_and_typographic_apostrophes() {
        assert_eq!(plain().words("Don’t"), ["do", "not"]);
        assert_eq!(plain().words("DON'T"), ["do", "not"]);
        assert_eq!(plain().words("Ukraine’s plan"), ["ukraine", "plan"]);
    }

    #[test]
    fn expands_contractions_consistently() {
        assert_eq!(
            plain().words("won't. can't. we'll. I'm"),
            ["will", "not", "can", "not", "we", "will", "i", "am"]
        );
        assert_eq!(plain().words("they're"), ["they", "are"]);
        assert_eq!(plain().words("cannot"), ["can", "not"]);
    }

    #[test]
    fn negation_scope_runs_to_clause_punctuation() {
        let words = plain().words("Giving up territory is not an option, he said");
        assert_eq!(
            words,
            [
                "giving",
                "up",
                "territory",
                "is",
                "not",
                "¬an",
                "¬option",
                "he",
                "said"
            ]
        );
        // A dash closes the scope too.
        assert_eq!(
            plain().words("no deal — talks go on"),
            ["no", "¬deal", "talks", "go", "on"]
        );
    }

    #[test]
    fn negation_marks_can_be_turned_off() {
        let analyzer = AnalyzerParams::new()
            .stem(false)
            .negation(false)
            .check()
            .unwrap();
        assert_eq!(analyzer.words("not an option"), ["not", "an", "option"]);
    }

    #[test]
    fn stems_with_snowball_english() {
        let analyzer = AnalyzerParams::new().check().unwrap();
        assert_eq!(
            analyzer.words("negotiations rejected"),
            ["negoti", "reject"]
        );
        assert_eq!(analyzer.words("never negotiating"), ["never", "¬negoti"]);
    }

    #[test]
    fn terms_hold_ngrams_up_to_the_maximum() {
        let analyzer = AnalyzerParams::new()
            .stem(false)
            .ngram_max(3)
            .check()
            .unwrap();
        assert_eq!(
            analyzer.terms("we will talk"),
            ["we", "will", "talk", "we will", "will talk", "we will talk"]
        );
        assert!(analyzer.terms("").is_empty());
        assert!(analyzer.terms(" ,.!? ").is_empty());
    }

    #[test]
    fn char_grams_stay_inside_padded_words() {
        // " a " is 3 characters: its 2-grams, then itself once for n = 3..5.
        assert_eq!(char_grams("A"), [" a", "a ", " a "]);
        // "Ok" pads to " ok " (4): 2-grams, 3-grams, then the word once.
        assert_eq!(char_grams("Ok"), [" o", "ok", "k ", " ok", "ok ", " ok "]);
        // Words are separate: no gram spans "a b".
        let grams = char_grams("a b");
        assert!(!grams.iter().any(|g| g.contains("a b")));
        assert_eq!(grams.len(), 6);
        // Typographic apostrophes fold, as for words.
        assert_eq!(char_grams("I’d")[1], "i'");
        assert!(char_grams("  \n ").is_empty());
    }

    #[test]
    fn rejects_bad_ngram_range() {
        assert!(AnalyzerParams::new().ngram_max(0).check().is_err());
        assert!(AnalyzerParams::new().ngram_max(5).check().is_err());
    }
}
