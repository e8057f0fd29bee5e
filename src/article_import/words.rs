//! Words and punctuation of a stretch of text, with byte ranges, skipping quoted passages.

use std::ops::Range;

/// One piece of a sentence as the attribution and date rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// Letters and digits, with inner apostrophes, hyphens and dots (`Ukraine's`, `al-Assad`, `U.S`).
    Word(Range<usize>),
    /// `,`
    Comma,
    /// `.`, `!`, `?`, `;`, `:` or `…`
    Stop,
    /// A dash standing between words (`-`, `–`, `—` with space around).
    Dash,
    /// Any other mark (brackets, slashes, `#`, `$`).
    Other,
    /// A quoted passage, by index into the quotes of the article; its words are not tokens.
    Quote(usize),
}

/// A quoted passage to leave out of the tokens: its byte range (marks included) and its index.
#[derive(Clone, Debug)]
pub struct Hole {
    pub range: Range<usize>,
    pub index: usize,
}

/// The tokens of `text[range]`, with each hole (sorted by start) replaced by one [`Token::Quote`].
pub fn tokens(text: &str, range: Range<usize>, holes: &[Hole]) -> Vec<(Token, Range<usize>)> {
    let mut tokens = Vec::new();
    // Holes are sorted and do not overlap, so their ends are sorted too.
    let first = holes.partition_point(|hole| hole.range.end <= range.start);
    let mut holes = holes
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|hole| hole.range.start < range.end)
        .peekable();
    let end = range.end.min(text.len());
    let mut at = range.start;
    while at < end {
        if let Some(hole) = holes.peek()
            && hole.range.start <= at
        {
            tokens.push((Token::Quote(hole.index), hole.range.clone()));
            at = at.max(hole.range.end);
            holes.next();
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let next = at + c.len_utf8();
        if c.is_alphanumeric() {
            let word_end = word_end(text, at, end);
            tokens.push((Token::Word(at..word_end), at..word_end));
            at = word_end;
            continue;
        }
        let token = match c {
            ',' => Some(Token::Comma),
            '.' | '!' | '?' | ';' | ':' | '…' => Some(Token::Stop),
            '-' | '–' | '—' | '―' => Some(Token::Dash),
            c if c.is_whitespace() => None,
            _ => Some(Token::Other),
        };
        if let Some(token) = token {
            tokens.push((token, at..next));
        }
        at = next;
    }
    tokens
}

/// Where the word starting at `start` ends: inner `'`, `’`, `-` and `.` join letters on both sides.
pub fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let mut end = start;
    let mut chars = text
        .get(start..limit)
        .unwrap_or("")
        .char_indices()
        .peekable();
    while let Some((offset, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = start + offset + c.len_utf8();
            continue;
        }
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '‑');
        let followed_by_letter = chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if joins && followed_by_letter {
            continue;
        }
        break;
    }
    end
}

/// The text of a byte range, or `""` when the range is not on character boundaries.
pub fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or("")
}

/// Sentences longer than this are shortened in the text kept with quotes and dates (their byte
/// range stays exact); real sentences are far shorter, pasted junk can be a megabyte long.
pub const MAX_EXCERPT_BYTES: usize = 4000;

/// The text of `range`, shortened to [`MAX_EXCERPT_BYTES`] at a character boundary with "…".
pub fn excerpt(text: &str, range: Range<usize>) -> String {
    let whole = slice(text, range);
    if whole.len() <= MAX_EXCERPT_BYTES {
        return whole.to_owned();
    }
    let mut end = MAX_EXCERPT_BYTES;
    while end > 0 && !whole.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", whole.get(..end).unwrap_or(""))
}

/// The part of `range` within `radius` bytes of `around`, widened to character boundaries.
pub fn window(
    text: &str,
    range: Range<usize>,
    around: Range<usize>,
    radius: usize,
) -> Range<usize> {
    let mut start = around.start.saturating_sub(radius).max(range.start);
    let mut end = around
        .end
        .saturating_add(radius)
        .min(range.end)
        .min(text.len());
    while start > range.start && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < range.end.min(text.len()) && !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The words of `text` joined by single plain spaces (no-break spaces and line breaks included),
/// for names and roles, which are not verbatim quotations.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `true` when the word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a trailing possessive `'s` / `’s` / `'`.
pub fn without_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// `true` when only spaces (no line break, no punctuation) stand between two byte offsets.
pub fn only_spaces_between(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && text
            .get(from..to)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && !is_line_break(c)))
}

/// `true` for a character that ends a line: `\n`, or `\r` (alone it ends the lines of old Mac
/// text and of some exports; before `\n` it is part of a Windows line ending).
pub fn is_line_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// How many lines end in `text`: `\r\n`, `\n` and a lone `\r` each end one.
pub fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    let lone_returns = memchr::memchr_iter(b'\r', bytes)
        .filter(|&at| bytes.get(at + 1) != Some(&b'\n'))
        .count();
    memchr::memchr_iter(b'\n', bytes).count() + lone_returns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, 0..text.len(), &[])
            .into_iter()
            .filter_map(|(token, range)| matches!(token, Token::Word(_)).then(|| &text[range]))
            .collect()
    }

    #[test]
    fn windows_unix_and_old_mac_line_endings_each_end_one_line() {
        assert_eq!(line_breaks("a\r\nb\nc\rd"), 3);
        assert_eq!(line_breaks(" \r\r\n "), 2);
        assert_eq!(line_breaks("no break"), 0);
    }

    #[test]
    fn apostrophes_and_hyphens_inside_words_keep_the_word_whole() {
        assert_eq!(
            words("Ukraine's al-Assad don’t U.S. leaders' level"),
            ["Ukraine's", "al-Assad", "don’t", "U.S", "leaders", "level"]
        );
    }

    #[test]
    fn a_quoted_passage_becomes_one_token() {
        let text = "\"Yes,\" Jane Roe said.";
        let holes = [Hole {
            range: 0..6,
            index: 7,
        }];
        let kinds: Vec<Token> = tokens(text, 0..text.len(), &holes)
            .into_iter()
            .map(|(token, _)| token)
            .collect();
        assert_eq!(
            kinds,
            [
                Token::Quote(7),
                Token::Word(7..11),
                Token::Word(12..15),
                Token::Word(16..20),
                Token::Stop
            ]
        );
    }

    #[test]
    fn possessives_are_stripped_from_names() {
        assert_eq!(without_possessive("Putin's"), "Putin");
        assert_eq!(without_possessive("Kremlin’s"), "Kremlin");
        assert_eq!(without_possessive("Roe"), "Roe");
    }
}
