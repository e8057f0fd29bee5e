//! Paragraphs (non-empty lines) and sentences of an article; a sentence never ends inside a quote.

use std::ops::Range;

use super::quotes::QuoteSpan;

/// One sentence: its byte range (trimmed) and the paragraph it starts in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
}

/// Words whose trailing dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr", "no", "vs",
    "prof", "sgt", "capt", "maj", "adm", "rev", "fr", "u.s", "u.n", "u.k", "e.g", "i.e", "etc",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The non-empty lines of `text`, trimmed, as byte ranges. Articles pasted from the web keep one
/// paragraph per line, with or without blank lines between. Lines end at `\n`, `\r\n` or a
/// lone `\r` (see [`super::words::is_line_break`]).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut line_start = 0;
    // The `\n` of a `\r\n` is a piece of its own, blank, so skipped.
    for line in text.split_inclusive(['\n', '\r']) {
        let start_trimmed = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = line_start + start_trimmed;
            paragraphs.push(start..start + trimmed.len());
        }
        line_start += line.len();
    }
    paragraphs
}

/// The sentences of every paragraph, in order. A quote that runs over several paragraphs makes
/// them one stretch of text; boundaries inside quotes are ignored.
pub fn sentences(text: &str, paragraphs: &[Range<usize>], quotes: &[QuoteSpan]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut quote_index = 0;
    let mut paragraph_index = 0;
    while paragraph_index < paragraphs.len() {
        let Some(first) = paragraphs.get(paragraph_index) else {
            break;
        };
        let mut block = first.clone();
        let mut last_paragraph = paragraph_index;
        // Join the following paragraphs a quote runs into.
        while quote_index < quotes.len() {
            let Some(quote) = quotes.get(quote_index) else {
                break;
            };
            if quote.outer.start >= block.end {
                break;
            }
            if quote.outer.end > block.end {
                while let Some(next) = paragraphs.get(last_paragraph + 1) {
                    if next.start >= quote.outer.end {
                        break;
                    }
                    last_paragraph += 1;
                    block.end = next.end;
                }
            }
            quote_index += 1;
        }
        // Quotes are sorted and do not overlap.
        let first_quote = quotes.partition_point(|q| q.outer.end <= block.start);
        let inside: Vec<Range<usize>> = quotes
            .get(first_quote..)
            .unwrap_or_default()
            .iter()
            .take_while(|q| q.outer.start < block.end)
            .map(|q| q.outer.clone())
            .collect();
        for range in split_block(text, block, &inside) {
            sentences.push(Sentence {
                range,
                paragraph: paragraph_index,
            });
        }
        paragraph_index = last_paragraph + 1;
    }
    sentences
}

/// Splits one block of text at sentence ends outside the quote ranges `inside`.
fn split_block(text: &str, block: Range<usize>, inside: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = block.start;
    let Some(block_text) = text.get(block.clone()) else {
        return vec![block];
    };
    let mut chars = block_text.char_indices().peekable();
    let mut next_quote = 0;
    while let Some((offset, c)) = chars.next() {
        let at = block.start + offset;
        while inside.get(next_quote).is_some_and(|q| q.end <= at) {
            next_quote += 1;
        }
        if let Some(quote) = inside.get(next_quote).filter(|q| q.start <= at) {
            // A quote ending in . ? ! ends the sentence when a new sentence follows it.
            if at + c.len_utf8() == quote.end {
                let ends_in_stop = text
                    .get(quote.start..quote.end)
                    .and_then(|q| q.trim_end_matches(is_quote_mark).chars().next_back())
                    .is_some_and(|c| matches!(c, '.' | '!' | '?'));
                if ends_in_stop && next_starts_sentence(text, quote.end, block.end) {
                    push_trimmed(text, start..quote.end, &mut ranges);
                    start = quote.end;
                }
            }
            continue;
        }
        let is_stop = matches!(c, '.' | '!' | '?' | '…');
        if !is_stop
            || chars
                .peek()
                .is_some_and(|(_, next)| matches!(next, '.' | '!' | '?'))
        {
            continue;
        }
        if c == '.' && is_abbreviation(block_text, offset) {
            continue;
        }
        let end = at + c.len_utf8();
        if next_starts_sentence(text, end, block.end) {
            push_trimmed(text, start..end, &mut ranges);
            start = end;
        }
    }
    push_trimmed(text, start..block.end, &mut ranges);
    ranges
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '“' | '‘')
}

/// After whitespace, a capital, a digit or an opening quote starts the next sentence.
fn next_starts_sentence(text: &str, from: usize, limit: usize) -> bool {
    let rest = text.get(from..limit).unwrap_or("");
    let mut chars = rest.chars();
    if !chars.next().is_some_and(char::is_whitespace) {
        return false;
    }
    let next = rest.trim_start().chars().next();
    next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_quote_mark(c))
}

fn is_abbreviation(block_text: &str, dot_offset: usize) -> bool {
    let before = block_text.get(..dot_offset).unwrap_or("");
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .take(12)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    is_initial || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, ranges: &mut Vec<Range<usize>>) {
    let Some(piece) = text.get(range.clone()) else {
        return;
    };
    let leading = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = range.start + leading;
        ranges.push(start..start + trimmed.len());
    }
}

/// The index of the sentence that contains byte `at`, if any.
pub fn sentence_at(sentences: &[Sentence], at: usize) -> Option<usize> {
    let index = sentences.partition_point(|s| s.range.end <= at);
    sentences
        .get(index)
        .is_some_and(|s| s.range.start <= at)
        .then_some(index)
}

#[cfg(test)]
mod tests {
    use super::super::quotes::find_quote_spans;
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let paragraphs = paragraphs(text);
        let quotes = find_quote_spans(text, &paragraphs);
        sentences(text, &paragraphs, &quotes)
            .into_iter()
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn paragraphs_are_the_non_empty_lines_trimmed() {
        let text = "  One.\n\n Two \r\nThree";
        let found: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["One.", "Two", "Three"]);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_paragraph() {
        let text = "One\rTwo\r\rThree";
        let found: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["One", "Two", "Three"]);
    }

    #[test]
    fn sentences_end_at_stops_followed_by_a_capital() {
        assert_eq!(
            split("Roe met Doe. They talked. it went on."),
            ["Roe met Doe.", "They talked. it went on."]
        );
    }

    #[test]
    fn a_stop_inside_a_quote_does_not_end_the_sentence() {
        assert_eq!(
            split("\"It is over. We go,\" Roe said. Then she left."),
            ["\"It is over. We go,\" Roe said.", "Then she left."]
        );
    }

    #[test]
    fn a_quote_ending_in_a_stop_ends_its_sentence_before_a_new_one() {
        assert_eq!(
            split("Roe said: “We go.” Doe stayed."),
            ["Roe said: “We go.”", "Doe stayed."]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Roe met J. Doe in the U.S. Army base. Done."),
            ["Mr. Roe met J. Doe in the U.S. Army base.", "Done."]
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_one_sentence() {
        let text = "\"One part.\n\n\"Other part,\" Roe said.\nNext.";
        assert_eq!(
            split(text),
            ["\"One part.\n\n\"Other part,\" Roe said.", "Next."]
        );
    }
}
