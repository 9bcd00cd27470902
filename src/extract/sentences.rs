//! Paragraph and sentence spans, robust to hard-wrapped wire copy.
//!
//! A text is *hard-wrapped* when its lines were broken at a fixed width (as in
//! Reuters-21578: about 60 characters, paragraphs indented with 4 spaces).
//! There a single newline is only a line wrap, and a paragraph ends at a
//! blank line or before an indented line. In text that is not hard-wrapped
//! (one paragraph per line, as web copy is usually saved) every newline ends
//! a paragraph.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence (lowercase,
/// without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr", "etc",
    "feb", "fig", "ft", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "maj", "mar", "mr",
    "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept",
    "sgt", "sr", "st", "vs",
];

/// One line of a text: `text[start..end]` without its line break (and any
/// carriage returns before it).
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    /// Whether the line is only whitespace.
    blank: bool,
    /// Characters in the line without trailing whitespace.
    width: usize,
    /// Whether the line is a headline ([`is_heading`]).
    heading: bool,
}

/// The lines of `text`, as `str::split_inclusive('\n')` gives them.
fn lines_of(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 48 + 1);
    let mut start = 0usize;
    while start < bytes.len() {
        let next = super::tokens::find_any(bytes, start, [b'\n']).map_or(bytes.len(), |p| p + 1);
        let mut end = next;
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        let line = &text[start..end];
        let kept = line.trim_end();
        lines.push(Line {
            start,
            end,
            blank: kept.trim_start().is_empty(),
            width: char_count(kept),
            heading: is_heading(line),
        });
        start = next;
    }
    lines
}

/// `s.chars().count()`, without decoding ASCII.
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a line was hard-wrapped at a fixed width.
///
/// Looks at the lines that a wrap would join: those followed by a line that
/// is neither blank nor indented, headlines left out. At least three, none
/// longer than 100 characters, and most of them between 40 and 90
/// characters.
#[cfg(test)]
pub(crate) fn is_hard_wrapped(text: &str) -> bool {
    hard_wrapped(text, &lines_of(text))
}

fn hard_wrapped(text: &str, lines: &[Line]) -> bool {
    let mut joined = 0usize;
    let mut in_width = 0usize;
    for (k, line) in lines.iter().enumerate() {
        let len = line.width;
        if len > 100 {
            return false;
        }
        // A headline, or a line before an indented one, ends a paragraph:
        // neither is a wrap, so neither says anything about the width.
        let wraps_into_next = lines.get(k + 1).is_some_and(|next| {
            !next.blank && !text[next.start..next.end].starts_with([' ', '\t'])
        });
        if len > 0 && wraps_into_next && !line.heading {
            joined += 1;
            if (40..=90).contains(&len) {
                in_width += 1;
            }
        }
    }
    joined >= 3 && in_width * 10 >= joined * 7
}

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding
/// whitespace, in order, never empty.
pub(crate) fn paragraph_spans(text: &str) -> Vec<Range<usize>> {
    let lines = lines_of(text);
    let wrapped = hard_wrapped(text, &lines);
    let indents = |l: &Line| {
        let line = &text[l.start..l.end];
        (line.starts_with("  ") || line.starts_with('\t')) && !l.blank
    };
    let indented_style = wrapped && lines.iter().any(indents);
    let longest = if wrapped {
        lines.iter().map(|l| l.width).max().unwrap_or(0)
    } else {
        0
    };
    let mut spans = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut para_end = 0usize;
    let mut prev_line: Option<&Line> = None;
    let mut prev_heading = false;
    for l in &lines {
        let line = &text[l.start..l.end];
        if l.blank {
            close(&mut spans, &mut para_start, para_end);
            prev_line = None;
            prev_heading = false;
            continue;
        }
        // A wire headline ("IRAN REPORTS OFFENSIVE") is a paragraph of its
        // own even when only a line wrap separates it from the story.
        let heading = wrapped && l.heading;
        let breaks_here = para_start.is_some() && {
            if !wrapped || heading || prev_heading {
                true
            } else if indented_style {
                line.starts_with(' ') || line.starts_with('\t')
            } else {
                // Blank-line style: a short line ending a sentence also ends the paragraph.
                prev_line.is_some_and(|p| {
                    let prev = text[p.start..p.end].trim_end();
                    prev.ends_with(['.', '!', '?', '"', '”', ':']) && p.width * 10 < longest * 7
                })
            }
        };
        if breaks_here {
            close(&mut spans, &mut para_start, para_end);
        }
        if para_start.is_none() {
            let lead = line.len() - line.trim_start().len();
            para_start = Some(l.start + lead);
        }
        para_end = l.start + line.trim_end().len();
        prev_line = Some(l);
        prev_heading = heading;
    }
    close(&mut spans, &mut para_start, para_end);
    spans
}

/// Whether a line (or paragraph) is a headline: at least two words of
/// letters and no lowercase letter at all.
pub(crate) fn is_heading(line: &str) -> bool {
    !line.chars().any(char::is_lowercase)
        && line
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count()
            >= 2
}

fn close(spans: &mut Vec<Range<usize>>, start: &mut Option<usize>, end: usize) {
    if let Some(s) = start.take() {
        if end > s {
            spans.push(s..end);
        }
    }
}

/// Byte ranges of the sentences of a text, in order; robust to hard-wrapped
/// lines (a single newline inside a paragraph is not a break; a blank line,
/// or a line that is clearly a new paragraph — e.g. indented, as in Reuters —
/// is). Never splits after abbreviations like "U.S.", "Mr.", "Gen.", "Jan.",
/// initials "C.", or inside decimals.
///
/// Each range is trimmed of whitespace, non-empty and lies on char
/// boundaries; a sentence never crosses a paragraph break. A sentence ends
/// after `.`, `!`, `?` or `…` (and any closing quotes or brackets after them)
/// when the next word starts with a capital, a digit or an opening mark.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    sentences_of(text, &paragraph_spans(text))
}

/// The sentences of the given paragraphs of `text`, in order.
pub(crate) fn sentences_of(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut spans = Vec::with_capacity(text.len() / 80);
    for para in paragraphs {
        split_paragraph(text, para.clone(), &mut spans);
    }
    spans
}

/// Sentences of one paragraph, appended to `out`.
fn split_paragraph(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let body = &text[para.clone()];
    let bytes = body.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        // Scan bytes for a terminal: '.', '!', '?' or the lead byte of '…'.
        match super::tokens::find_any(bytes, i, [b'.', b'!', b'?', 0xE2]) {
            Some(at) => i = at,
            None => break,
        }
        let c = body[i..].chars().next().unwrap_or(' ');
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        // Take the whole run of terminal and closing characters.
        let mut end = i + c.len_utf8();
        for n in body[end..].chars() {
            if matches!(
                n,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | '»' | ')' | ']' | '“'
            ) {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        let at = i;
        i = end;
        let rest = &body[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue; // no whitespace after: "5.93", "U.S.-led", or the paragraph end
        }
        let next = after_space.chars().next().unwrap_or(' ');
        let starts_new = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(
                next,
                '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '[' | '—' | '-'
            );
        if !starts_new || (c == '.' && is_abbreviation(&body[start..at], next.is_uppercase())) {
            continue;
        }
        push_trimmed(para.start + start, para.start + end, text, out);
        start = end;
    }
    push_trimmed(para.start + start, para.end, text, out);
}

/// Whether the word that ends `before` (the text before a period) is an
/// abbreviation, an initial or a dotted acronym.
fn is_abbreviation(before: &str, next_word_capitalised: bool) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '-' | '—'))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_uppercase() {
        // An initial ("Heather C. Briccetti") when a name follows; "on X." ends.
        return next_word_capitalised;
    }
    if word.contains('.') {
        return true; // "U.S.", "a.m."
    }
    super::lexicon::with_lowercase(word, |lower| ABBREVIATIONS.binary_search(&lower).is_ok())
}

fn push_trimmed(start: usize, end: usize, text: &str, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        let text = "Mr. Smith met Gen. Jones in the U.S. on Jan. 5. Heather C. Briccetti said output rose 5.93 pct. Then it fell.";
        assert_eq!(
            sentences(text),
            vec![
                "Mr. Smith met Gen. Jones in the U.S. on Jan. 5.",
                "Heather C. Briccetti said output rose 5.93 pct.",
                "Then it fell."
            ]
        );
    }

    #[test]
    fn splits_after_closing_quotes_but_not_before_lowercase() {
        let text = "“Who will pay?” he asked. “We will.” Talks go on.";
        assert_eq!(
            sentences(text),
            vec!["“Who will pay?” he asked.", "“We will.”", "Talks go on."]
        );
    }

    #[test]
    fn hard_wrapped_reuters_text_joins_lines_and_breaks_at_indents() {
        let text = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nComissaria Smith said in its weekly review.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos, the U.S. said. Again it seems\nthat cocoa was included.\n";
        assert!(is_hard_wrapped(text));
        let got = sentences(text);
        assert_eq!(got.len(), 4, "{got:#?}");
        assert!(got[0].starts_with("Showers") && got[0].ends_with("weekly review."));
        assert_eq!(
            got[1],
            "The dry period means the temporao will be late this year."
        );
        assert!(got[2].starts_with("Arrivals") && got[2].ends_with("the U.S. said."));
        assert_eq!(got[3], "Again it seems\nthat cocoa was included.");
        assert_eq!(paragraph_spans(text).len(), 3);
    }

    #[test]
    fn a_wire_headline_is_its_own_paragraph_in_wrapped_text() {
        let text = "IRAN REPORTS OFFENSIVE AS IRAQ THREATENS RAIDS\nIranian troops are fighting on two widely separated fronts in a\nnew offensive in the mountains of Kurdistan, the agency said\nlate on Tuesday in a report from the front.\n    The U.S. said it was watching the fighting in the north.\n";
        let got = sentences(text);
        assert_eq!(got[0], "IRAN REPORTS OFFENSIVE AS IRAQ THREATENS RAIDS");
        assert!(got[1].starts_with("Iranian troops"), "{got:?}");
        // A capitalised name inside a wrapped line is not a headline.
        assert!(!is_heading("U.S."));
        assert!(!is_heading(
            "said the U.S. Trade Representative, Clayton Yeutter."
        ));
        assert!(is_heading("U.S. SEES NO NEW COFFEE AGREEMENT TALKS SOON"));
    }

    #[test]
    fn a_short_wire_item_under_a_headline_is_still_hard_wrapped() {
        // Few lines, a headline and a short first line: the wrap is seen on
        // the lines that a wrap joins, and the name runs across it.
        let text = "ACME <ACM> EXTENDS EXCHANGE OFFER\nAcme Community\nHealthcare Inc said it is extending its exchange offer to April\n8 at 1700 EST.\n    The offer is for Acme's 30 mln dlr principal amount of\n14-1/2 pct subordinated notes due 2000 and its 35 mln dlrs\nprincipal amount 14-3/8 pct subordinated debt due 1995.\n";
        assert!(is_hard_wrapped(text));
        let got = sentences(text);
        assert_eq!(got[0], "ACME <ACM> EXTENDS EXCHANGE OFFER");
        assert!(
            got[1].starts_with("Acme Community\nHealthcare Inc said"),
            "{got:?}"
        );
    }

    #[test]
    fn one_paragraph_per_line_when_not_wrapped() {
        let text = "A long first line that runs past the hundred character mark so that it cannot possibly be a wrapped line.\nSecond paragraph here";
        assert!(!is_hard_wrapped(text));
        assert_eq!(paragraph_spans(text).len(), 2);
        assert_eq!(sentences(text).len(), 2);
    }

    #[test]
    fn empty_and_blank_text_give_nothing() {
        assert!(sentence_spans("").is_empty());
        assert!(sentence_spans(" \n\n \t").is_empty());
    }
}
