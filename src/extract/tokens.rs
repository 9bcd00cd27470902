//! Splits text into word and punctuation tokens with byte offsets.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and dots
    /// ("don’t", "Parsons-Soren", "U.S.", "5.93").
    Word,
    /// Any other visible character, one per token.
    Punct,
}

/// A token: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Characters that join two alphanumeric runs into one word.
fn is_connector(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | '-' | '‐' | '‑' | '.' | '&' | '·' | 'ʼ'
    )
}

/// Tokens of `text` in order. Whitespace is dropped; every other character
/// belongs to exactly one token.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0usize;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start: i,
                end: i + len,
                kind: Kind::Punct,
            });
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        let mut has_dot = false;
        while end < text.len() {
            let (next, next_len) = char_at(text, end);
            if next.is_alphanumeric() {
                end += next_len;
            } else if is_connector(next)
                && end + next_len < text.len()
                && char_at(text, end + next_len).0.is_alphanumeric()
            {
                // A connector belongs to the word only when a letter or digit follows.
                has_dot |= next == '.';
                end += next_len;
            } else {
                break;
            }
        }
        // "U.S." keeps its final dot: it is part of the abbreviation.
        if has_dot
            && text[end..].starts_with('.')
            && !text[start..end].contains(|c: char| c.is_ascii_digit())
        {
            end += 1;
        }
        tokens.push(Token {
            start,
            end,
            kind: Kind::Word,
        });
        i = end;
    }
    tokens
}

/// The char at byte `i` (a char boundary) and its length, ASCII first.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn keeps_inner_apostrophes_and_abbreviations() {
        assert_eq!(
            words("Ukraine’s U.S.-led don't, allies’ ’90s 5.93."),
            vec![
                "Ukraine’s",
                "U.S.",
                "-",
                "led",
                "don't",
                ",",
                "allies",
                "’",
                "’",
                "90s",
                "5.93",
                "."
            ]
        );
    }

    #[test]
    fn multibyte_punctuation_is_one_token() {
        assert_eq!(words("«Oui», dit-il"), vec!["«", "Oui", "»", ",", "dit-il"]);
    }
}
