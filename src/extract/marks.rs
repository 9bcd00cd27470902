//! Pairs quotation marks into quotes.
//!
//! Input: the article and its paragraphs. Output: every outermost quote, in
//! order, with the byte ranges of its words. Pairing is directional (an
//! opener is only closed by a mark that can close it) and starts afresh in
//! every paragraph, so a stray or unbalanced mark never shifts the pairing
//! of the rest of the article:
//!
//! - `“…”`, `"…"`, `„…“`, `„…”`, `«…»`, `»…«`, `‹…›`, `‘…’`, `'…'`, `‚…‘`;
//!   a curly opener may be closed by a straight `"`.
//! - Straight and single marks take their role from what surrounds them: a
//!   mark with a space (or an opening bracket or dash) before and a word
//!   after opens, one with a word before and a space or punctuation after
//!   closes, one between two letters is an apostrophe (`don’t`, `dog‘s`),
//!   one with spaces on both sides is stray.
//! - A single mark only closes a single quote that is open: a word-final
//!   apostrophe (`allies’`, `Jones'`) with none open is left alone, and an
//!   elision at word start (`’90s`, `'im`) never opens one.
//! - A double quote still open at the end of its paragraph continues when the
//!   next paragraph opens with a mark (the convention for quotes of several
//!   paragraphs), and closes at the paragraph end otherwise. A single quote
//!   left open is dropped.

use super::lexicon::Lexicon;
use std::ops::Range;

/// The family of a quote's marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `"`, `“`, `”`, `„`.
    Double,
    /// `'`, `‘`, `’`, `‚`.
    Single,
    /// `«`, `»`.
    Guillemet,
    /// `‹`, `›`.
    SingleGuillemet,
}

/// An outermost quote found in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// One past the closing mark, or the end of the paragraph where an
    /// unclosed quote was closed.
    pub end: usize,
    /// The quote's words, one trimmed range per paragraph, without marks.
    pub segments: Vec<Range<usize>>,
    /// Whether a closing mark ended the quote.
    pub closed: bool,
    /// The family of the opening mark.
    pub family: Family,
}

impl Quote {
    /// Byte offset of the first word of the quote.
    pub fn text_start(&self) -> usize {
        self.segments.first().map_or(self.open, |s| s.start)
    }

    /// Byte offset one past the last word of the quote.
    pub fn text_end(&self) -> usize {
        self.segments.last().map_or(self.open, |s| s.end)
    }
}

/// Which marks close an opener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
    Low,
    RightDouble,
    Guillemet,
    ReversedGuillemet,
    SingleCurly,
    SingleStraight,
    SingleLow,
    SingleGuillemet,
    ReversedSingleGuillemet,
}

impl Style {
    fn family(self) -> Family {
        match self {
            Style::Curly | Style::Straight | Style::Low | Style::RightDouble => Family::Double,
            Style::Guillemet | Style::ReversedGuillemet => Family::Guillemet,
            Style::SingleCurly | Style::SingleStraight | Style::SingleLow => Family::Single,
            Style::SingleGuillemet | Style::ReversedSingleGuillemet => Family::SingleGuillemet,
        }
    }

    /// Whether `c` may close an opener of this style.
    fn closed_by(self, c: char) -> bool {
        match self {
            Style::Curly | Style::Straight | Style::RightDouble => matches!(c, '”' | '"'),
            Style::Low => matches!(c, '“' | '”' | '"'),
            Style::Guillemet => c == '»',
            Style::ReversedGuillemet => c == '«',
            Style::SingleCurly | Style::SingleStraight => matches!(c, '’' | '\''),
            Style::SingleLow => matches!(c, '‘' | '’'),
            Style::SingleGuillemet => c == '›',
            Style::ReversedSingleGuillemet => c == '‹',
        }
    }
}

/// Where a mark stands relative to the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Space (or an opener) before, a word after: `␣“Word`.
    Opening,
    /// A word before, space or punctuation after: `word”␣`.
    Closing,
    /// Letters on both sides: an apostrophe.
    Inner,
    /// Whitespace (or nothing) on both sides: stray.
    Stray,
    /// Punctuation on both sides, e.g. `(“,`.
    Ambiguous,
}

fn is_left_boundary(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '“'
                        | '„'
                        | '«'
                        | '‘'
                        | '‚'
                        | '‹'
                        | '"'
                        | '\''
                )
        }
    }
}

fn is_right_boundary(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '(' | '[' | '{')),
    }
}

fn shape_of(prev: Option<char>, next: Option<char>) -> Shape {
    let left = is_left_boundary(prev);
    let right = is_right_boundary(next);
    match (left, right) {
        (true, false) => Shape::Opening,
        (false, true) => Shape::Closing,
        (false, false) => Shape::Inner,
        (true, true) => {
            let blank = |c: Option<char>| c.is_none_or(char::is_whitespace);
            if blank(prev) && blank(next) {
                Shape::Stray
            } else {
                Shape::Ambiguous
            }
        }
    }
}

/// An opener waiting for its closer.
#[derive(Debug, Clone, Copy)]
struct Open {
    pos: usize,
    style: Style,
}

/// The outermost quote being built, possibly over several paragraphs.
#[derive(Debug)]
struct Outer {
    open: Open,
    segment_start: usize,
    segments: Vec<Range<usize>>,
}

/// Pairs quote marks, paragraph by paragraph.
pub(crate) struct MarkPairer<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    quotes: Vec<Quote>,
}

impl<'a> MarkPairer<'a> {
    /// A pairer over `text`, using `lexicon` for elisions.
    pub(crate) fn new(text: &'a str, lexicon: &'a Lexicon) -> Self {
        MarkPairer {
            text,
            lexicon,
            quotes: Vec::new(),
        }
    }

    /// Every outermost quote of the paragraphs, in order.
    pub(crate) fn pair(mut self, paragraphs: &[Range<usize>]) -> Vec<Quote> {
        let mut carried: Option<Outer> = None;
        for para in paragraphs {
            let mut stack: Vec<Open> = Vec::new();
            let mut outer: Option<Outer> = None;
            let mut skip_until = para.start;
            if let Some(mut prev) = carried.take() {
                match self.continuation_mark(para, prev.open.style.family()) {
                    Some(len) => {
                        prev.segment_start = para.start + len;
                        skip_until = para.start + len;
                        stack.push(prev.open);
                        outer = Some(prev);
                    }
                    None => self.emit(prev, None),
                }
            }
            let body = &self.text[para.clone()];
            // Every mark starts with one of these bytes: scan bytes, decode only there.
            let bytes = body.as_bytes();
            let mut next = 0usize;
            while let Some(i) = super::tokens::find_any(bytes, next, [b'"', b'\'', 0xC2, 0xE2]) {
                next = i + 1;
                let Some(c) = body[i..].chars().next() else {
                    continue;
                };
                let pos = para.start + i;
                if pos < skip_until || !is_mark(c) {
                    continue;
                }
                let prev_char = body[..i].chars().next_back();
                let after = &body[i + c.len_utf8()..];
                let shape = shape_of(prev_char, after.chars().next());
                self.step(c, pos, shape, after, &mut stack, &mut outer);
            }
            // The paragraph ends with a quote still open.
            if let Some(mut o) = outer.take() {
                if matches!(o.open.style.family(), Family::Double | Family::Guillemet) {
                    push_segment(self.text, &mut o.segments, o.segment_start..para.end);
                    carried = Some(o);
                }
            }
        }
        if let Some(o) = carried {
            self.emit(o, None);
        }
        self.quotes
    }

    /// The byte length of the mark that opens `para`, when it continues a
    /// quote of `family`.
    fn continuation_mark(&self, para: &Range<usize>, family: Family) -> Option<usize> {
        let first = self.text[para.clone()].chars().next()?;
        let fits = match family {
            Family::Double => matches!(first, '"' | '“' | '„' | '”'),
            Family::Guillemet => matches!(first, '«' | '»'),
            _ => false,
        };
        fits.then(|| first.len_utf8())
    }

    /// Handles one mark.
    fn step(
        &mut self,
        c: char,
        pos: usize,
        shape: Shape,
        after: &str,
        stack: &mut Vec<Open>,
        outer: &mut Option<Outer>,
    ) {
        let len = c.len_utf8();
        let closable = stack.iter().rposition(|o| o.style.closed_by(c));
        let action = match c {
            '"' => match (shape, closable) {
                (Shape::Stray, _) => Action::Ignore,
                (Shape::Opening, Some(k)) if stack[k].style != Style::Straight => {
                    Action::Push(Style::Straight)
                }
                (_, Some(k)) => Action::Close(k),
                (Shape::Closing, None) => Action::Ignore,
                (_, None) => Action::Push(Style::Straight),
            },
            '“' => match closable {
                Some(k) => Action::Close(k),
                None => {
                    let misdirected = stack
                        .iter()
                        .rposition(|o| matches!(o.style, Style::Curly | Style::Straight));
                    match (shape, misdirected) {
                        (Shape::Closing, Some(k)) => Action::Close(k),
                        (Shape::Closing | Shape::Stray, None) => Action::Ignore,
                        _ => Action::Push(Style::Curly),
                    }
                }
            },
            '”' => match (closable, shape) {
                (Some(k), _) => Action::Close(k),
                (None, Shape::Opening) => Action::Push(Style::RightDouble),
                _ => Action::Ignore,
            },
            '„' => match shape {
                Shape::Opening | Shape::Inner | Shape::Ambiguous => Action::Push(Style::Low),
                _ => Action::Ignore,
            },
            '«' => match closable {
                Some(k) => Action::Close(k),
                None => Action::Push(Style::Guillemet),
            },
            '»' => match (closable, shape) {
                (Some(k), _) => Action::Close(k),
                (None, Shape::Opening) => Action::Push(Style::ReversedGuillemet),
                _ => Action::Ignore,
            },
            '‹' => match closable {
                Some(k) => Action::Close(k),
                None => Action::Push(Style::SingleGuillemet),
            },
            '›' => match (closable, shape) {
                (Some(k), _) => Action::Close(k),
                (None, Shape::Opening) => Action::Push(Style::ReversedSingleGuillemet),
                _ => Action::Ignore,
            },
            _ => self.single_mark(c, shape, after, closable),
        };
        match action {
            Action::Ignore => {}
            Action::Push(style) => {
                let open = Open { pos, style };
                if stack.is_empty() {
                    *outer = Some(Outer {
                        open,
                        segment_start: pos + len,
                        segments: Vec::new(),
                    });
                }
                stack.push(open);
            }
            Action::Close(k) => {
                stack.truncate(k);
                if k == 0 {
                    if let Some(mut o) = outer.take() {
                        push_segment(self.text, &mut o.segments, o.segment_start..pos);
                        self.emit(o, Some(pos + len));
                    }
                }
            }
        }
    }

    /// The role of a single mark: `'`, `‘`, `’`, `‚`, `‛`.
    fn single_mark(&self, c: char, shape: Shape, after: &str, closable: Option<usize>) -> Action {
        match shape {
            Shape::Inner | Shape::Stray => Action::Ignore,
            Shape::Closing => closable.map_or(Action::Ignore, Action::Close),
            Shape::Opening | Shape::Ambiguous => {
                if let (Shape::Ambiguous, Some(k)) = (shape, closable) {
                    return Action::Close(k);
                }
                if self.is_elision(after) {
                    return Action::Ignore;
                }
                match c {
                    '‚' => Action::Push(Style::SingleLow),
                    '\'' => Action::Push(Style::SingleStraight),
                    _ => Action::Push(Style::SingleCurly),
                }
            }
        }
    }

    /// Whether an apostrophe followed by `after` writes an elision ("’90s", "'em").
    fn is_elision(&self, after: &str) -> bool {
        let word: &str = after
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word.starts_with(|ch: char| ch.is_ascii_digit()) {
            return word.len() <= 4; // ’90s, '24
        }
        self.lexicon.elisions.contains(word)
    }

    fn emit(&mut self, outer: Outer, close_end: Option<usize>) {
        if outer.segments.is_empty() {
            return;
        }
        let end =
            close_end.unwrap_or_else(|| outer.segments.last().map_or(outer.open.pos, |s| s.end));
        self.quotes.push(Quote {
            open: outer.open.pos,
            end,
            segments: outer.segments,
            closed: close_end.is_some(),
            family: outer.open.style.family(),
        });
    }
}

#[derive(Debug, Clone, Copy)]
enum Action {
    Ignore,
    Push(Style),
    Close(usize),
}

/// Whether `c` can be a quotation mark.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '\'' | '‘' | '’' | '‚' | '‛'
    )
}

/// Appends `range` trimmed of whitespace, when anything is left.
fn push_segment(text: &str, segments: &mut Vec<Range<usize>>, range: Range<usize>) {
    if range.start >= range.end {
        return;
    }
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = range.start + lead;
        segments.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::paragraph_spans;

    fn quotes(text: &str) -> Vec<String> {
        let lex = Lexicon::new();
        MarkPairer::new(text, &lex)
            .pair(&paragraph_spans(text))
            .iter()
            .map(|q| {
                q.segments
                    .iter()
                    .map(|s| &text[s.clone()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_guillemets() {
        assert_eq!(
            quotes("“Hello,” he said, “how are you?”"),
            vec!["Hello,", "how are you?"]
        );
        assert_eq!(
            quotes("Burton said, \"I love cats!\""),
            vec!["I love cats!"]
        );
        assert_eq!(quotes("«Nous verrons», dit-il."), vec!["Nous verrons"]);
        assert_eq!(quotes("« Nous verrons », dit-il."), vec!["Nous verrons"]);
    }

    #[test]
    fn low_nine_quotes_close_with_left_or_right_marks() {
        assert_eq!(
            quotes("„No ceasefire“, Yermak said. Later, Peskov replied: “Both ways.”"),
            vec!["No ceasefire", "Both ways."]
        );
        assert_eq!(quotes("„Nie ma zgody”, powiedział."), vec!["Nie ma zgody"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("Ukraine’s allies’ ‘coalition of the willing’ met in the ’90s."),
            vec!["coalition of the willing"]
        );
        assert_eq!(
            quotes("\"Where are the horses' carrots?\" he asked. \"I don't see 'im!\""),
            vec!["Where are the horses' carrots?", "I don't see 'im!"]
        );
        assert_eq!(
            quotes("“Where is the dog‘s ball?”"),
            vec!["where is the dog‘s ball?".replace('w', "W")]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quotes("“Putin told me: ‘We will never give up Crimea,’” Trump said."),
            vec!["Putin told me: ‘We will never give up Crimea,’"]
        );
        assert_eq!(
            quotes("“I thought, ’It’s just seven. Maybe they’ll back off.’” he said"),
            vec!["I thought, ’It’s just seven. Maybe they’ll back off.’"]
        );
    }

    #[test]
    fn stray_marks_do_not_shift_pairing() {
        assert_eq!(
            quotes("Talks resumed on Monday \" in Geneva.\n\n“We have the text,” Peskov said."),
            vec!["We have the text,"]
        );
        assert_eq!(
            quotes("“We are studying it,” Peskov said.” The talks go on. “Yes.”"),
            vec!["We are studying it,", "Yes."]
        );
        assert_eq!(
            quotes(
                "'uneasy' on Gilmer street\"\nPolice said.\n\"Detectives are on it,\" police said."
            ),
            vec!["uneasy", "Detectives are on it,"]
        );
    }

    #[test]
    fn quote_continues_over_paragraphs_and_closes_at_paragraph_end() {
        assert_eq!(
            quotes("Putin said:\n\n“First, withdraw.\n\n“Second, no NATO.\n\n“Or else.”"),
            vec!["First, withdraw. Second, no NATO. Or else."]
        );
        assert_eq!(
            quotes("Peskov said: “The talks will continue.\n\nThe delegations left."),
            vec!["The talks will continue."]
        );
    }

    #[test]
    fn curly_opener_may_close_with_straight_mark() {
        assert_eq!(
            quotes("from her:\n\n“Anna brings experience\""),
            vec!["Anna brings experience"]
        );
    }
}
