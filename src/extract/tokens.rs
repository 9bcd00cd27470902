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

/// A 1 in every byte, and a 1 in every byte's high bit: the masks of the
/// eight-bytes-at-a-time scans below.
const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `bytes[i..i + 8]` as one little-endian word.
#[inline]
fn word_at(bytes: &[u8], i: usize) -> u64 {
    let mut chunk = [0u8; 8];
    chunk.copy_from_slice(&bytes[i..i + 8]);
    u64::from_le_bytes(chunk)
}

/// The first index at or after `from` where `hay` holds one of the bytes
/// of `set`, eight bytes at a time.
#[inline]
pub(crate) fn find_any<const N: usize>(hay: &[u8], from: usize, set: [u8; N]) -> Option<usize> {
    let mut i = from;
    while i + 8 <= hay.len() {
        let x = word_at(hay, i);
        let mut found = 0u64;
        for b in set {
            let y = x ^ (LO * u64::from(b));
            // A zero byte of `y` sets its high bit; false hits only lie above a true one.
            found |= y.wrapping_sub(LO) & !y & HI;
        }
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    (i..hay.len()).find(|&k| set.contains(&hay[k]))
}

/// How many ASCII letters and digits start `bytes[from..]`, eight bytes at a time.
#[inline]
fn ascii_alnum_run(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let x = word_at(bytes, i);
        // Per byte, for ASCII bytes (no carry crosses a byte below the first
        // non-ASCII one, and the run stops there): the high bit of `v + (0x80 - lo)`
        // is set when `v >= lo`.
        let folded = x | (LO * 0x20);
        let letter = folded.wrapping_add(LO * (0x80 - u64::from(b'a')))
            & !folded.wrapping_add(LO * (0x80 - u64::from(b'z') - 1));
        let digit = x.wrapping_add(LO * (0x80 - u64::from(b'0')))
            & !x.wrapping_add(LO * (0x80 - u64::from(b'9') - 1));
        let alnum = (letter | digit) & !x & HI;
        let stop = !alnum & HI;
        if stop != 0 {
            return i - from + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i - from
}

/// The class of an ASCII byte: whitespace, letter or digit, connector, or
/// other punctuation.
const WS: u8 = 0;
const ALNUM: u8 = 1;
const CONNECTOR: u8 = 2;
const PUNCT: u8 = 3;

/// Classes of the ASCII bytes.
static ASCII_CLASS: [u8; 128] = {
    let mut table = [PUNCT; 128];
    let mut b = 0u8;
    while b < 128 {
        let c = b as char;
        table[b as usize] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            // `char::is_whitespace` for ASCII (U+000B and U+000C included).
            WS
        } else if matches!(b, b'\'' | b'-' | b'.' | b'&') {
            CONNECTOR
        } else {
            PUNCT
        };
        b += 1;
    }
    table
};

/// The class of the char at byte `i` (a char boundary) and its length.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (ASCII_CLASS[b as usize], 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = if c.is_whitespace() {
        WS
    } else if c.is_alphanumeric() {
        ALNUM
    } else if is_connector(c) {
        CONNECTOR
    } else {
        PUNCT
    };
    (class, c.len_utf8())
}

/// Tokens of `text` in order. Whitespace is dropped; every other character
/// belongs to exactly one token.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut tokens = Vec::with_capacity(n / 5);
    let mut i = 0usize;
    while i < n {
        let (class, len) = class_at(text, i);
        if class == WS {
            i += len;
            continue;
        }
        if class != ALNUM {
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
        while end < n {
            // ASCII letters and digits first.
            end += ascii_alnum_run(bytes, end);
            if end >= n {
                break;
            }
            let b = bytes[end];
            let (next, next_len) = class_at(text, end);
            if next == ALNUM {
                end += next_len;
            } else if next == CONNECTOR
                && end + next_len < n
                && class_at(text, end + next_len).0 == ALNUM
            {
                // A connector belongs to the word only when a letter or digit follows.
                has_dot |= b == b'.';
                end += next_len;
            } else {
                break;
            }
        }
        // "U.S." keeps its final dot: it is part of the abbreviation.
        if has_dot
            && end < n
            && bytes[end] == b'.'
            && !bytes[start..end].iter().any(u8::is_ascii_digit)
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
    fn alnum_runs_match_a_byte_scan() {
        for b in 0u8..=255 {
            for pos in 0..12 {
                let mut bytes = vec![b'a'; 12];
                bytes[pos] = b;
                let want = bytes
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(ascii_alnum_run(&bytes, 0), want, "byte {b} at {pos}");
            }
        }
        assert_eq!(ascii_alnum_run(b"Zz09 x", 0), 4);
        assert_eq!(ascii_alnum_run(b"x@[`{/:", 1), 0);
    }

    #[test]
    fn multibyte_punctuation_is_one_token() {
        assert_eq!(words("«Oui», dit-il"), vec!["«", "Oui", "»", ",", "dit-il"]);
    }
}
