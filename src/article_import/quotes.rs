//! Quoted passages in “…”, "…", ‘…’ and '…', German „…“ and guillemets «…» (French « … »
//! with its inner spaces, Ukrainian and Russian «…»), told apart from apostrophes (don't,
//! Ukraine's), including quotes that run over several paragraphs.

use std::ops::Range;

use super::words::{Hole, line_breaks};

/// Which marks enclose a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteMarks {
    /// “…”
    CurlyDouble,
    /// "…"
    StraightDouble,
    /// ‘…’
    CurlySingle,
    /// '…'
    StraightSingle,
    /// «…», « … »
    Guillemets,
}

/// One quoted passage of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    pub marks: QuoteMarks,
    /// From the opening mark to just after the closing mark.
    pub outer: Range<usize>,
    /// The quoted words, one range per paragraph the quote runs over.
    pub pieces: Vec<Range<usize>>,
}

/// The quoted passages as holes in the words of the text: their whole ranges, numbered in order.
pub fn holes(spans: &[QuoteSpan]) -> Vec<Hole> {
    spans
        .iter()
        .enumerate()
        .map(|(index, span)| Hole {
            range: span.outer.clone(),
            index,
        })
        .collect()
}

impl QuoteSpan {
    /// The quoted words verbatim; paragraphs of a long quote are separated by a blank line,
    /// hard-wrapped lines are joined by a space.
    pub fn text(&self, text: &str) -> String {
        let mut joined = String::new();
        for (index, piece) in self.pieces.iter().enumerate() {
            if index > 0 {
                let reopened = text
                    .get(..piece.start)
                    .and_then(|before| before.chars().next_back())
                    .is_some_and(|c| matches!(c, '“' | '„' | '"' | '‘' | '\'' | '«'));
                joined.push_str(if reopened { "\n\n" } else { " " });
            }
            let words = text.get(piece.clone()).unwrap_or("");
            // French « … » sets its words off with (non-breaking) spaces, not part of them.
            joined.push_str(
                if self.pieces.len() > 1 || self.marks == QuoteMarks::Guillemets {
                    words.trim()
                } else {
                    words
                },
            );
        }
        joined
    }
}

/// How many following paragraphs an unclosed quote may run into before it is taken as a stray mark.
const MAX_CONTINUATION_PARAGRAPHS: usize = 6;

/// Every quoted passage of `text`, in order; `paragraphs` are the non-empty lines (see
/// [`super::sentences::paragraphs`]). Quotes inside quotes are part of the outer one.
pub fn find_quote_spans(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuoteSpan> {
    let marks = MarkIndex::new(text);
    let mut spans = Vec::new();
    let mut resume_at = 0;
    for (paragraph_index, paragraph) in paragraphs.iter().enumerate() {
        let mut at = paragraph.start.max(resume_at);
        while at < paragraph.end {
            let Some((open_at, style)) = marks.next_opener(at, paragraph.end) else {
                break;
            };
            let content_start = open_at + mark_len(text, open_at);
            match close_quote(
                text,
                &marks,
                style,
                content_start,
                paragraphs,
                paragraph_index,
            ) {
                Some((pieces, close_end)) => {
                    spans.push(QuoteSpan {
                        marks: style,
                        outer: open_at..close_end,
                        pieces,
                    });
                    at = close_end;
                    resume_at = close_end;
                }
                None => at = content_start,
            }
        }
    }
    spans
}

/// Finds where a quote opened at `content_start` closes, in its paragraph or the next ones.
fn close_quote(
    text: &str,
    marks: &MarkIndex,
    style: QuoteMarks,
    content_start: usize,
    paragraphs: &[Range<usize>],
    paragraph_index: usize,
) -> Option<(Vec<Range<usize>>, usize)> {
    let mut pieces = Vec::new();
    let mut piece_start = content_start;
    let mut paragraph_end = paragraphs.get(paragraph_index)?.end;
    for next_index in paragraph_index + 1..=paragraph_index + MAX_CONTINUATION_PARAGRAPHS + 1 {
        if let Some(close_at) = marks.closer(style, piece_start, paragraph_end) {
            pieces.push(piece_start..close_at);
            let close_end = close_at + mark_len(text, close_at);
            return has_letters(text, &pieces).then_some((pieces, close_end));
        }
        pieces.push(piece_start..paragraph_end);
        let next = paragraphs.get(next_index)?;
        let reopens = marks.opener_at(next.start) == Some(style);
        if reopens {
            // The convention for long quotes: each paragraph reopens, only the last one closes.
            piece_start = next.start + mark_len(text, next.start);
        } else {
            // A hard-wrapped line: allowed only with no blank line between and no new quote
            // opening before the first closing mark.
            let adjacent = text
                .get(paragraph_end..next.start)
                .is_some_and(|gap| line_breaks(gap) == 1);
            let close = marks.closer(style, next.start, next.end)?;
            let reopened_first = marks.opens_within(style, next.start, close);
            if !adjacent || reopened_first {
                return None;
            }
            piece_start = next.start;
        }
        paragraph_end = next.end;
    }
    None
}

fn has_letters(text: &str, pieces: &[Range<usize>]) -> bool {
    pieces.iter().any(|piece| {
        text.get(piece.clone())
            .is_some_and(|words| words.chars().any(char::is_alphanumeric))
    })
}

fn mark_len(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

/// What a mark at some position can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    at: usize,
    style: QuoteMarks,
    can_open: bool,
    can_close: bool,
    /// `leaders' level`: looks like a plural possessive, closes only if nothing better does.
    possessive_like: bool,
}

/// All quote marks of the text, classified once, with sorted position lists per family so that
/// finding a closer is a binary search (any input stays O(n log n)).
struct MarkIndex {
    marks: Vec<Mark>,
    curly_double_closers: Vec<usize>,
    straight_double_closers: Vec<usize>,
    /// Straight double marks that can only open: a quote searching a closer stops there.
    straight_double_openers_only: Vec<usize>,
    single_closers: Vec<usize>,
    single_possessive_closers: Vec<usize>,
    guillemet_closers: Vec<usize>,
}

/// The first position in sorted `positions` within `from..to`.
fn first_within(positions: &[usize], from: usize, to: usize) -> Option<usize> {
    let index = positions.partition_point(|&at| at < from);
    positions.get(index).copied().filter(|&at| at < to)
}

impl MarkIndex {
    fn new(text: &str) -> Self {
        let mut index = Self {
            marks: Vec::new(),
            curly_double_closers: Vec::new(),
            straight_double_closers: Vec::new(),
            straight_double_openers_only: Vec::new(),
            single_closers: Vec::new(),
            single_possessive_closers: Vec::new(),
            guillemet_closers: Vec::new(),
        };
        let mut previous: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            if let Some(mark) = classify(c, at, previous, next, text) {
                index.add(mark);
            }
            previous = Some(c);
        }
        index
    }

    fn add(&mut self, mark: Mark) {
        use QuoteMarks::*;
        match (mark.style, mark.can_close) {
            (CurlyDouble, true) => self.curly_double_closers.push(mark.at),
            (StraightDouble, true) => self.straight_double_closers.push(mark.at),
            (StraightDouble, false) => self.straight_double_openers_only.push(mark.at),
            (CurlySingle | StraightSingle, true) if mark.possessive_like => {
                self.single_possessive_closers.push(mark.at);
            }
            (CurlySingle | StraightSingle, true) => self.single_closers.push(mark.at),
            (Guillemets, true) => self.guillemet_closers.push(mark.at),
            _ => {}
        }
        self.marks.push(mark);
    }

    fn first_from(&self, at: usize) -> usize {
        self.marks.partition_point(|mark| mark.at < at)
    }

    /// The first mark in `from..to` that opens a quote.
    fn next_opener(&self, from: usize, to: usize) -> Option<(usize, QuoteMarks)> {
        self.marks
            .get(self.first_from(from)..)
            .unwrap_or_default()
            .iter()
            .take_while(|mark| mark.at < to)
            .find(|mark| mark.can_open)
            .map(|mark| (mark.at, mark.style))
    }

    fn opener_at(&self, at: usize) -> Option<QuoteMarks> {
        let mark = self.marks.get(self.first_from(at))?;
        (mark.at == at && mark.can_open).then_some(mark.style)
    }

    /// `true` when a quote of `style` opens somewhere in `from..to`.
    fn opens_within(&self, style: QuoteMarks, from: usize, to: usize) -> bool {
        // Openers are rare enough in a line that a scan is cheap, but bound it all the same.
        self.marks
            .get(self.first_from(from)..)
            .unwrap_or_default()
            .iter()
            .take_while(|mark| mark.at < to)
            .take(64)
            .any(|mark| mark.can_open && same_family(mark.style, style))
    }

    /// Where a quote of `style` whose words start at `from` closes before `to`, if it does.
    fn closer(&self, style: QuoteMarks, from: usize, to: usize) -> Option<usize> {
        match style {
            QuoteMarks::CurlyDouble => first_within(&self.curly_double_closers, from, to),
            QuoteMarks::StraightDouble => {
                let close = first_within(&self.straight_double_closers, from, to)?;
                // A straight mark that can only open, before it: the quote was a stray mark.
                match first_within(&self.straight_double_openers_only, from, close) {
                    Some(_) => None,
                    None => Some(close),
                }
            }
            QuoteMarks::CurlySingle | QuoteMarks::StraightSingle => {
                first_within(&self.single_closers, from, to)
                    .or_else(|| first_within(&self.single_possessive_closers, from, to))
            }
            QuoteMarks::Guillemets => first_within(&self.guillemet_closers, from, to),
        }
    }
}

/// Straight and curly single quotes get mixed in pasted text (‘…' or '…’); doubles likewise.
fn same_family(mark: QuoteMarks, style: QuoteMarks) -> bool {
    use QuoteMarks::*;
    match style {
        CurlyDouble => mark == CurlyDouble,
        StraightDouble => mark == StraightDouble,
        CurlySingle | StraightSingle => matches!(mark, CurlySingle | StraightSingle),
        Guillemets => mark == Guillemets,
    }
}

fn classify(
    c: char,
    at: usize,
    previous: Option<char>,
    next: Option<char>,
    text: &str,
) -> Option<Mark> {
    let after_space = previous.is_none_or(|p| p.is_whitespace() || is_opening_punctuation(p));
    let before_space = next.is_none_or(|n| n.is_whitespace() || is_closing_punctuation(n));
    let next_is_word = next.is_some_and(|n| n.is_alphanumeric() || is_opening_punctuation(n));
    let previous_is_word = previous.is_some_and(|p| !p.is_whitespace());
    let (style, can_open, can_close) = match c {
        // “ also closes a German „…“ quote: after a word, before a space or punctuation.
        '“' => (
            QuoteMarks::CurlyDouble,
            !next.is_none_or(char::is_whitespace),
            previous_is_word && before_space,
        ),
        '„' => (
            QuoteMarks::CurlyDouble,
            !next.is_none_or(char::is_whitespace),
            false,
        ),
        '«' => (QuoteMarks::Guillemets, next.is_some(), false),
        '»' => (QuoteMarks::Guillemets, false, previous.is_some()),
        '”' => (QuoteMarks::CurlyDouble, false, true),
        '"' => (
            QuoteMarks::StraightDouble,
            after_space && !next.is_none_or(char::is_whitespace),
            previous_is_word && before_space,
        ),
        '‘' => (QuoteMarks::CurlySingle, after_space && next_is_word, false),
        '’' | '\'' => {
            let style = if c == '’' {
                QuoteMarks::CurlySingle
            } else {
                QuoteMarks::StraightSingle
            };
            // Between letters (don't, Ukraine's) it is an apostrophe: neither opens nor closes;
            // so it is before a decade or a clipped word ('90s, 'til).
            let rest = text.get(at + c.len_utf8()..).unwrap_or("");
            let opens = c == '\'' && after_space && next_is_word && !is_elision(rest);
            (style, opens, previous_is_word && before_space)
        }
        _ => return None,
    };
    if !can_open && !can_close {
        return None;
    }
    let is_single = matches!(style, QuoteMarks::CurlySingle | QuoteMarks::StraightSingle);
    let possessive_like = is_single && can_close && previous == Some('s') && {
        let rest = text.get(at + c.len_utf8()..).unwrap_or("");
        let mut after = rest.chars().skip_while(|c| *c == ' ' || *c == '\u{a0}');
        next.is_some_and(char::is_whitespace) && after.next().is_some_and(char::is_lowercase)
    };
    Some(Mark {
        at,
        style,
        can_open,
        can_close,
        possessive_like,
    })
}

/// `90s`, `til`, `em`: what follows an apostrophe that stands for left-out letters or digits.
fn is_elision(rest: &str) -> bool {
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let decade =
        word.len() == 3 && word.ends_with('s') && word.chars().take(2).all(|c| c.is_ascii_digit());
    let clipped = matches!(
        word.to_lowercase().as_str(),
        "til" | "em" | "tis" | "cause" | "n"
    );
    decade || clipped
}

fn is_opening_punctuation(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '„'
    )
}

fn is_closing_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '—'
            | '–'
            | '-'
            | '…'
            | '”'
            | '’'
            | '"'
            | '\''
    )
}

#[cfg(test)]
mod tests {
    use super::super::sentences::paragraphs;
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        find_quote_spans(text, &paragraphs(text))
            .iter()
            .map(|span| span.text(text))
            .collect()
    }

    #[test]
    fn straight_double_quotes_are_found_with_their_inner_comma() {
        assert_eq!(
            quotes("\"We are ready,\" Jane Roe said. \"Talks go on.\""),
            ["We are ready,", "Talks go on."]
        );
    }

    #[test]
    fn german_low_high_quotes_are_found() {
        assert_eq!(
            quotes("„Wir werden nicht nachgeben“, sagte Merz. Danach „ging es weiter“."),
            ["Wir werden nicht nachgeben", "ging es weiter"]
        );
    }

    #[test]
    fn guillemets_are_found_without_their_inner_spaces() {
        assert_eq!(
            quotes("« Nous restons prudents », a déclaré le porte-parole."),
            ["Nous restons prudents"]
        );
        assert_eq!(
            quotes("«Ми готові до переговорів», – заявив він."),
            ["Ми готові до переговорів"]
        );
    }

    #[test]
    fn curly_double_quotes_are_found() {
        assert_eq!(
            quotes("“No talks tomorrow,” Roe stated."),
            ["No talks tomorrow,"]
        );
    }

    #[test]
    fn apostrophes_inside_words_are_not_quotes() {
        assert!(quotes("Ukraine's minister don't know the leaders' level.").is_empty());
        assert!(quotes("It’s the Kremlin’s view and reporters’ questions.").is_empty());
    }

    #[test]
    fn single_quotes_keep_apostrophes_inside() {
        assert_eq!(
            quotes("'It’s time, and we don't wait' - Jane Roe"),
            ["It’s time, and we don't wait"]
        );
        assert_eq!(quotes("He said ‘it’s over’ today."), ["it’s over"]);
    }

    #[test]
    fn a_quote_inside_a_quote_belongs_to_the_outer_one() {
        assert_eq!(
            quotes("\"They said 'no' to us,\" Roe said."),
            ["They said 'no' to us,"]
        );
    }

    #[test]
    fn an_apostrophe_before_a_decade_opens_no_quote() {
        assert_eq!(
            quotes("First drafted in the '90s, it was 'still on track'."),
            ["still on track"]
        );
    }

    #[test]
    fn a_plural_possessive_inside_a_single_quote_does_not_close_it() {
        assert_eq!(
            quotes("Roe said 'the ministers' views differ' on Monday."),
            ["the ministers' views differ"]
        );
    }

    #[test]
    fn a_fragment_inside_a_sentence_is_a_quote() {
        assert_eq!(
            quotes("Roe said the plan \"now works\". Roe agreed to \"de jure\" terms."),
            ["now works", "de jure"]
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_reopens_at_each_paragraph() {
        let text = "\"First part of it.\n\n\"Second part,\" Roe said.";
        assert_eq!(quotes(text), ["First part of it.\n\nSecond part,"]);
    }

    #[test]
    fn a_hard_wrapped_quote_continues_on_the_next_line() {
        let text = "Roe said \"the talks will\ngo on\" today.";
        assert_eq!(quotes(text), ["the talks will go on"]);
    }

    #[test]
    fn a_stray_mark_is_not_a_quote_and_does_not_swallow_the_next_one() {
        let text = "A stray “ mark here.\n“Real quote,” Roe said.";
        assert_eq!(quotes(text), ["Real quote,"]);
    }

    #[test]
    fn inch_marks_and_lone_marks_are_ignored() {
        assert!(quotes("A 12\" screen and a 'lone mark.").is_empty());
    }
}
