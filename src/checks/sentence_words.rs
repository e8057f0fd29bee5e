//! The sentences of a text, split as the article import splits them, and their words in lower
//! case with hyphenated words in pieces ("two-year-long" → "two", "year", "long").

use std::ops::Range;

use crate::article_import::{quotes, sentences, words};

/// One word, or one piece of a hyphenated word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Lower case, `’` as `'`, without a possessive `'s`.
    pub lower: String,
    pub range: Range<usize>,
    /// Joined to the piece before by a hyphen.
    pub hyphen_before: bool,
    /// Ended in `'s` (`year's`).
    pub possessive: bool,
}

/// The byte ranges of the sentences of `text`, in order (a sentence never ends inside a quote).
pub fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let paragraphs = sentences::paragraphs(text);
    let spans = quotes::find_quote_spans(text, &paragraphs);
    sentences::sentences(text, &paragraphs, &spans)
        .into_iter()
        .map(|sentence| sentence.range)
        .collect()
}

/// The words of `text[range]` as pieces.
pub fn pieces(text: &str, range: Range<usize>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for (token, token_range) in words::tokens(text, range, &[]) {
        if !matches!(token, words::Token::Word(_)) {
            continue;
        }
        let word = words::slice(text, token_range.clone());
        let mut bounds = Vec::new();
        let mut start = token_range.start;
        for (offset, c) in word.char_indices() {
            if matches!(c, '-' | '‑') {
                let at = token_range.start + offset;
                bounds.push(start..at);
                start = at + c.len_utf8();
            }
        }
        bounds.push(start..token_range.end);
        for (index, range) in bounds.into_iter().enumerate() {
            let lower = words::slice(text, range.clone())
                .to_lowercase()
                .replace('’', "'");
            let (lower, possessive) = match lower.strip_suffix("'s") {
                Some(stem) => (stem.to_owned(), true),
                None => (lower, false),
            };
            if !lower.is_empty() {
                pieces.push(Piece {
                    lower,
                    range,
                    hyphen_before: index > 0,
                    possessive,
                });
            }
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_words_come_apart_and_possessives_are_marked() {
        let text = "A nearly two-year-long war and last year’s plan.";
        let found = pieces(text, 0..text.len());
        let lower: Vec<&str> = found.iter().map(|p| p.lower.as_str()).collect();
        assert_eq!(
            lower,
            [
                "a", "nearly", "two", "year", "long", "war", "and", "last", "year", "plan"
            ]
        );
        assert!(found[3].hyphen_before && !found[2].hyphen_before);
        assert!(found[8].possessive);
        assert_eq!(&text[found[8].range.clone()], "year’s");
    }

    #[test]
    fn sentences_are_those_of_the_article_import() {
        let text = "One war. “Two sentences. In a quote,” he said.\nNext line";
        assert_eq!(sentence_ranges(text).len(), 3);
    }
}
