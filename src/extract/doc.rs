//! The analysed article shared by the extraction stages: tokens, paragraphs,
//! sentences and quotes, with per-token lookups.

use super::lexicon::{CueClass, Lexicon, WordSet};
use super::marks::{MarkPairer, Quote};
use super::sentences::{paragraph_spans, sentences_of};
use super::tokens::{tokenize, Kind, Token};
use std::ops::Range;

/// Marks a token outside every quote.
const OUTSIDE: u32 = u32::MAX;

/// An article split into the units the extractor reasons about.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Range<usize>>,
    /// Plain sentences (byte ranges), as `sentence_spans` gives them.
    pub sentences: Vec<Range<usize>>,
    /// Outermost quotes, in order.
    pub quotes: Vec<Quote>,
    /// Sentences whose breaks inside quotes are removed (token ranges), so a
    /// quote and its attribution share one.
    pub outer: Vec<Range<usize>>,
    /// Per token: what the stages look up about it.
    info: Vec<TokenInfo>,
}

/// What is known about one token, kept together for locality.
#[derive(Debug, Clone, Copy)]
struct TokenInfo {
    /// Its quote (marks included) or `OUTSIDE`.
    quote_of: u32,
    /// Its outer sentence.
    outer_of: u32,
    /// Its paragraph.
    para_of: u32,
    /// The bits of the word lists that hold it.
    bits: u32,
    /// Its reporting class.
    cue: Option<CueClass>,
    /// The case of its first letter.
    case: Case,
}

/// The case of a token's first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    /// Punctuation, digits, letters without case.
    Other,
}

impl<'a> Doc<'a> {
    /// Analyses `text`.
    pub(crate) fn new(text: &'a str, lex: &'a Lexicon) -> Self {
        let tokens = tokenize(text);
        let paragraphs = paragraph_spans(text);
        let sentences = sentences_of(text, &paragraphs);
        let quotes = MarkPairer::new(text, lex).pair(&paragraphs);
        let (quote_of, outer_of, para_of) = (OUTSIDE, OUTSIDE, OUTSIDE);
        let mut info = Vec::with_capacity(tokens.len());
        for t in &tokens {
            if t.kind == Kind::Punct {
                info.push(TokenInfo {
                    quote_of,
                    outer_of,
                    para_of,
                    bits: 0,
                    cue: None,
                    case: Case::Other,
                });
                continue;
            }
            let word = &text[t.start..t.end];
            let (bits, cue) = lex.lookup(word);
            let first = word.as_bytes()[0];
            let case = if first < 0x80 {
                if first.is_ascii_uppercase() {
                    Case::Upper
                } else if first.is_ascii_lowercase() {
                    Case::Lower
                } else {
                    Case::Other
                }
            } else {
                match word.chars().next() {
                    Some(c) if c.is_uppercase() => Case::Upper,
                    Some(c) if c.is_lowercase() => Case::Lower,
                    _ => Case::Other,
                }
            };
            info.push(TokenInfo {
                quote_of,
                outer_of,
                para_of,
                bits,
                cue,
                case,
            });
        }
        assign(
            &tokens,
            &mut info,
            quotes.iter().map(|q| q.open..q.end),
            |t| &mut t.quote_of,
        );
        assign(&tokens, &mut info, paragraphs.iter().cloned(), |t| {
            &mut t.para_of
        });
        let outer_bytes = merge_inside_quotes(&sentences, &quotes);
        assign(&tokens, &mut info, outer_bytes.iter().cloned(), |t| {
            &mut t.outer_of
        });
        let mut outer: Vec<Range<usize>> = vec![0..0; outer_bytes.len()];
        for (i, t) in info.iter().enumerate() {
            if let Some(r) = outer.get_mut(t.outer_of as usize) {
                if r.end == 0 {
                    *r = i..i + 1;
                } else {
                    r.end = i + 1;
                }
            }
        }
        Doc {
            info,
            text,
            lex,
            tokens,
            paragraphs,
            sentences,
            quotes,
            outer,
        }
    }

    /// The text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Whether token `i` is in the word list `set` (ignoring case).
    #[inline]
    pub fn has(&self, i: usize, set: &WordSet) -> bool {
        self.info[i].bits & set.bit() != 0
    }

    /// Whether token `i`, without a possessive "’s", is in the word list `set`.
    #[inline]
    pub fn has_stem(&self, i: usize, set: &WordSet) -> bool {
        let w = self.word(i);
        let stem = super::speaker::strip_possessive(w);
        if stem.len() == w.len() {
            self.has(i, set)
        } else {
            set.contains(stem)
        }
    }

    /// The reporting class of token `i`, if it is a reporting word.
    #[inline]
    pub fn cue(&self, i: usize) -> Option<CueClass> {
        self.info[i].cue
    }

    /// Whether token `i` exists and is the word `w`.
    #[inline]
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        i < self.tokens.len() && self.word(i) == w
    }

    /// Whether token `i` is a word (not punctuation).
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Word
    }

    /// Whether token `i` is the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        let t = self.tokens[i];
        if t.kind != Kind::Punct {
            return false;
        }
        if c.is_ascii() {
            // An ASCII first byte is the whole first char.
            return self.text.as_bytes()[t.start] == c as u8;
        }
        self.text[t.start..t.end].starts_with(c)
    }

    /// Whether token `i` is a word starting with a capital letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.info[i].case == Case::Upper
    }

    /// Whether token `i` is a word starting with a lowercase letter.
    #[inline]
    pub fn is_lowercase(&self, i: usize) -> bool {
        self.info[i].case == Case::Lower
    }

    /// Whether token `i` is inside a quote (its marks included).
    #[inline]
    pub fn in_quote(&self, i: usize) -> bool {
        self.info[i].quote_of != OUTSIDE
    }

    /// The quote that holds token `i`.
    #[inline]
    pub fn quote_index(&self, i: usize) -> Option<usize> {
        let q = self.info[i].quote_of;
        (q != OUTSIDE).then_some(q as usize)
    }

    /// The outer sentence of token `i`.
    #[inline]
    pub fn outer_of(&self, i: usize) -> usize {
        self.info[i].outer_of as usize
    }

    /// The first token of token `i`'s outer sentence.
    #[inline]
    pub fn sentence_start(&self, i: usize) -> usize {
        self.outer.get(self.outer_of(i)).map_or(i, |s| s.start)
    }

    /// Whether token `i` lies in a paragraph all in capitals: a headline
    /// ([`super::sentences::is_heading`]).
    pub fn in_heading(&self, i: usize) -> bool {
        self.paragraphs
            .get(self.para_of(i))
            .is_some_and(|p| super::sentences::is_heading(&self.text[p.clone()]))
    }

    /// The paragraph of token `i`.
    #[inline]
    pub fn para_of(&self, i: usize) -> usize {
        self.info[i].para_of as usize
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// The byte range of tokens `range` (empty ranges give an empty span).
    pub fn span(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end {
            let at = self
                .tokens
                .get(range.start)
                .map_or(self.text.len(), |t| t.start);
            return at..at;
        }
        self.tokens[range.start].start..self.tokens[range.end - 1].end
    }

    /// The plain sentences that overlap the byte range `bytes`, as one range.
    pub fn context_span(&self, bytes: Range<usize>) -> Range<usize> {
        let first = self.sentences.partition_point(|s| s.end <= bytes.start);
        let last = self
            .sentences
            .partition_point(|s| s.start < bytes.end.max(bytes.start + 1));
        if first >= last {
            return bytes;
        }
        self.sentences[first].start.min(bytes.start)..self.sentences[last - 1].end.max(bytes.end)
    }
}

/// Sets, in the field `field` of each token's info, the index of the range
/// (from sorted, disjoint `ranges`) that holds it (tokens outside every
/// range keep `OUTSIDE`).
fn assign(
    tokens: &[Token],
    info: &mut [TokenInfo],
    ranges: impl Iterator<Item = Range<usize>>,
    field: impl Fn(&mut TokenInfo) -> &mut u32,
) {
    let mut i = 0;
    for (k, r) in ranges.enumerate() {
        while i < tokens.len() && tokens[i].start < r.start {
            i += 1;
        }
        while i < tokens.len() && tokens[i].start < r.end {
            *field(&mut info[i]) = k as u32;
            i += 1;
        }
    }
}

/// Sentences with the breaks that fall inside a quote removed.
fn merge_inside_quotes(sentences: &[Range<usize>], quotes: &[Quote]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut q = 0;
    for s in sentences {
        if let Some(last) = out.last_mut() {
            // Does a quote start before the break and end after it?
            while q < quotes.len() && quotes[q].end <= last.end {
                q += 1;
            }
            if q < quotes.len() && quotes[q].open < last.end && quotes[q].end > s.start {
                last.end = s.end;
                continue;
            }
        }
        out.push(s.clone());
    }
    out
}
