//! CSV as the importers read it: the header line and the delimiter it uses (comma or
//! semicolon), column names compared loosely, and the line:column of a field for messages.
//! The scanners here read quotes as the csv crate does (RFC 4180): a `"` opens a quoted field
//! only at the start of a field; elsewhere, as in `5" pipe`, it is a plain character.

use crate::model::load_error::{Problem, TextPosition};

/// A CSV text with its delimiter and where its lines start, so that the line:column of any
/// byte is a binary search away (a message per row must not count lines from the start).
pub struct CsvText<'a> {
    text: &'a str,
    delimiter: u8,
    /// The byte offset of every line's start; lines end at `\n`, `\r\n` or a lone `\r`.
    line_starts: Vec<usize>,
}

impl<'a> CsvText<'a> {
    pub fn new(text: &'a str, delimiter: u8) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\r` of a `\r\n` does not end a line: its `\n` does.
            let ends_line = bytes.get(at) == Some(&b'\n') || bytes.get(at + 1) != Some(&b'\n');
            if ends_line {
                line_starts.push(at + 1);
            }
        }
        Self {
            text,
            delimiter,
            line_starts,
        }
    }

    /// The line and character column of byte `offset` (clamped to the text).
    pub fn position_of_byte(&self, offset: usize) -> TextPosition {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .as_bytes()
            .get(line_start..offset)
            .unwrap_or_default()
            .iter()
            .filter(|byte| !is_continuation_byte(**byte))
            .count()
            + 1;
        TextPosition {
            line: line.max(1),
            column,
        }
    }

    /// Where field `field_index` of the record starting at `record` begins (the end of the
    /// record when it has fewer fields).
    pub fn field_position(&self, record: &csv::Position, field_index: usize) -> TextPosition {
        let bytes = self.text.as_bytes();
        let mut offset = record_start(bytes, record);
        let mut field = 0;
        let mut scanner = FieldScanner::new(self.delimiter);
        while field < field_index
            && let Some(&byte) = bytes.get(offset)
        {
            match scanner.step(byte) {
                Step::Delimiter => field += 1,
                Step::RecordEnd => break,
                Step::Content => {}
            }
            offset += 1;
        }
        self.position_of_byte(offset)
    }
}

/// Where the record at `record` begins: the csv crate's position is where it began reading,
/// before the line endings of blank lines (which it skips).
fn record_start(bytes: &[u8], record: &csv::Position) -> usize {
    let start = usize::try_from(record.byte())
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    let blank = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|byte| matches!(byte, b'\n' | b'\r'))
        .count();
    start + blank
}

fn is_continuation_byte(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Where a CSV reader is in a record, as the csv crate's states go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldState {
    /// Before the first byte of a field: only here does a `"` open a quoted field.
    Start,
    /// In a field that did not start with a quote: quotes are plain characters.
    Unquoted,
    /// In a quoted field: delimiters and line endings are part of it.
    Quoted,
    /// Just after a `"` in a quoted field: another `"` is an escaped quote, anything else
    /// ends the quoted part.
    QuoteInQuoted,
}

/// What a byte is to the record it is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Part of a field (quotes included).
    Content,
    /// The delimiter between two fields.
    Delimiter,
    /// A line ending outside quotes: the record ends.
    RecordEnd,
}

/// Reads a record byte by byte and says what each byte is, as the csv crate would read it.
struct FieldScanner {
    delimiter: u8,
    state: FieldState,
}

impl FieldScanner {
    fn new(delimiter: u8) -> Self {
        Self {
            delimiter,
            state: FieldState::Start,
        }
    }

    fn step(&mut self, byte: u8) -> Step {
        let before = match self.state {
            FieldState::Quoted => {
                if byte == b'"' {
                    self.state = FieldState::QuoteInQuoted;
                }
                return Step::Content;
            }
            FieldState::QuoteInQuoted if byte == b'"' => {
                self.state = FieldState::Quoted;
                return Step::Content;
            }
            FieldState::Start | FieldState::Unquoted | FieldState::QuoteInQuoted => self.state,
        };
        if byte == self.delimiter {
            self.state = FieldState::Start;
            Step::Delimiter
        } else if byte == b'\n' || byte == b'\r' {
            self.state = FieldState::Start;
            Step::RecordEnd
        } else {
            self.state = if before == FieldState::Start && byte == b'"' {
                FieldState::Quoted
            } else {
                FieldState::Unquoted
            };
            Step::Content
        }
    }
}

/// Opens a CSV text: its delimiter (told from the header line) and line starts, and a reader
/// over it, or the problem of a quoted field that is never closed (the reader would take the
/// rest of the file).
pub fn open_csv(text: &str) -> Result<(CsvText<'_>, csv::Reader<&[u8]>), Problem> {
    let delimiter = detect_delimiter(header_line(text));
    let csv_text = CsvText::new(text, delimiter);
    if let Some(offset) = unclosed_quote(text, delimiter) {
        return Err(Problem::new(
            "a quoted field starts here and is never closed (expected a closing \" before the \
             end of the file)",
        )
        .at_position(csv_text.position_of_byte(offset)));
    }
    Ok((csv_text, csv_reader(text, delimiter)))
}

/// The lines of `text` without their endings: `\n`, `\r\n` and a lone `\r` each end one (the
/// csv crate reads all three as the end of a record).
pub fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memchr2(b'\n', b'\r', current.as_bytes()) {
            Some(at) => {
                let after = if current.as_bytes().get(at..at + 2) == Some(b"\r\n") {
                    at + 2
                } else {
                    at + 1
                };
                rest = current.get(after..);
                current.get(..at)
            }
            None => {
                rest = None;
                (!current.is_empty()).then_some(current)
            }
        }
    })
}

/// The first line that is not blank, without its line ending.
pub fn header_line(text: &str) -> &str {
    text_lines(text)
        .find(|line| !line.trim().is_empty())
        .unwrap_or_default()
}

/// `;` when the header line splits into more fields at semicolons than at commas (each read
/// with its own quoting), else `,`.
pub fn detect_delimiter(header_line: &str) -> u8 {
    let delimiters = |delimiter: u8| {
        let mut scanner = FieldScanner::new(delimiter);
        header_line
            .bytes()
            .filter(|byte| scanner.step(*byte) == Step::Delimiter)
            .count()
    };
    if delimiters(b';') > delimiters(b',') {
        b';'
    } else {
        b','
    }
}

/// A reader of every record, the header included, that allows rows of any length.
pub fn csv_reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The column names of a header line, as written.
pub fn header_names(header_line: &str, delimiter: u8) -> Vec<String> {
    let mut reader = csv_reader(header_line, delimiter);
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// A column name for comparison: trimmed, lower case, `_` as space, single spaces.
pub fn normalized_column_name(name: &str) -> String {
    name.to_lowercase()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The byte offset of the opening quote of a quoted field that is never closed, if any. Reads
/// quotes as [`FieldScanner`] does, but jumps from quote to quote.
pub fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut offset = 0;
    // Jumps from quote to quote: the rest of a large file is skipped at memchr's speed.
    while let Some(found) = memchr::memchr(b'"', bytes.get(offset..).unwrap_or_default()) {
        let quote = offset + found;
        offset = quote + 1;
        // Only a quote at the start of a field opens a quoted field.
        let at_field_start = match quote.checked_sub(1).and_then(|before| bytes.get(before)) {
            None => true,
            Some(&before) => before == delimiter || before == b'\n' || before == b'\r',
        };
        if !at_field_start {
            continue;
        }
        // Inside it, `""` is a quote; a lone `"` closes it.
        loop {
            let rest = bytes.get(offset..).unwrap_or_default();
            let Some(found) = memchr::memchr(b'"', rest) else {
                return Some(quote);
            };
            let at = offset + found;
            offset = at + 1;
            if bytes.get(at + 1) == Some(&b'"') {
                offset += 1;
            } else {
                break;
            }
        }
    }
    None
}

/// A field's value in double quotes, shortened, for messages.
pub fn quoted_field(value: &str) -> String {
    let short: String = value.chars().take(60).collect();
    let short = if short.len() < value.len() {
        format!("{short}…")
    } else {
        short
    };
    serde_json::to_string(&short).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_whichever_the_header_uses_more() {
        assert_eq!(detect_delimiter("date;title;summary"), b';');
        assert_eq!(detect_delimiter("date,title"), b',');
        assert_eq!(detect_delimiter("\"a;b\",title"), b',');
    }

    #[test]
    fn column_names_compare_loosely() {
        assert_eq!(normalized_column_name(" Source_URL "), "source url");
        assert_eq!(normalized_column_name("End  Year"), "end year");
    }

    #[test]
    fn header_names_drop_quotes() {
        assert_eq!(header_names("\"date\";title", b';'), ["date", "title"]);
        assert_eq!(header_line("\n\n a,b\r\nc"), " a,b");
    }

    /// The position of every field of the second record of `text` (the first is the header).
    fn second_record_fields(text: &str, delimiter: u8, fields: usize) -> Vec<(usize, usize)> {
        let mut reader = csv_reader(text, delimiter);
        let mut record = csv::StringRecord::new();
        reader.read_record(&mut record).expect("header");
        reader.read_record(&mut record).expect("row");
        let position = record.position().expect("position").clone();
        let csv_text = CsvText::new(text, delimiter);
        (0..fields)
            .map(|index| {
                let at = csv_text.field_position(&position, index);
                (at.line, at.column)
            })
            .collect()
    }

    #[test]
    fn field_positions_count_characters_and_embedded_newlines() {
        let text = "date,title,summary\n2014,\"two\nlines\",é,x\n";
        assert_eq!(
            second_record_fields(text, b',', 4),
            [(2, 1), (2, 6), (3, 8), (3, 10)]
        );
    }

    #[test]
    fn an_inch_mark_inside_a_field_opens_no_quote() {
        let text = "a,b,c,d\n1,5\" pipe,c,d\n";
        assert_eq!(
            second_record_fields(text, b',', 4),
            [(2, 1), (2, 3), (2, 11), (2, 13)]
        );
        assert_eq!(unclosed_quote(text, b','), None);
        assert_eq!(detect_delimiter("a,5\" pipe;x,c"), b',');
        assert_eq!(detect_delimiter("a;5\" pipe;x;\"y,z\""), b';');
    }

    #[test]
    fn a_quote_after_a_closed_quoted_part_is_a_plain_character() {
        let text = "a,b,c\n\"x\"y\",b,c\n";
        assert_eq!(
            second_record_fields(text, b',', 3),
            [(2, 1), (2, 7), (2, 9)]
        );
    }

    #[test]
    fn every_line_ending_starts_a_line_and_a_record() {
        for text in ["a,b\rx,\"y\"\r", "a,b\r\nx,\"y\"\r\n", "a,b\nx,\"y\"\n"] {
            assert_eq!(
                second_record_fields(text, b',', 2),
                [(2, 1), (2, 3)],
                "{text:?}"
            );
        }
        // The csv crate skips blank lines before a record.
        assert_eq!(
            second_record_fields("a,b\n\r\n\rx,y", b',', 2),
            [(4, 1), (4, 3)]
        );
        let text = "a\r\rb\r\n\nc\né";
        let csv_text = CsvText::new(text, b',');
        let lines: Vec<(usize, usize)> = [0, 2, 3, 6, 7, 9, 11]
            .iter()
            .map(|&at| {
                let position = csv_text.position_of_byte(at);
                (position.line, position.column)
            })
            .collect();
        assert_eq!(
            lines,
            [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (6, 2)]
        );
        let found: Vec<&str> = text_lines(text).collect();
        assert_eq!(found, ["a", "", "b", "", "c", "é"]);
        assert_eq!(header_line("\r\r a;b\rc"), " a;b");
    }

    #[test]
    fn an_unclosed_quote_is_found_and_escaped_quotes_are_not() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\"\"y\"\n", b','), None);
        assert_eq!(unclosed_quote("a,b\n1,\"open\n2,3\n", b','), Some(6));
        assert_eq!(unclosed_quote("a,b\n1,x\"y\n", b','), None);
        assert_eq!(unclosed_quote("\"a", b','), Some(0));
        assert_eq!(unclosed_quote("\"a\"\"\n", b','), Some(0));
        assert_eq!(unclosed_quote("a;\"b\";\"c\"\"d\"\n", b';'), None);
        assert_eq!(unclosed_quote("a,5\" pipe,\"c\"\r2,3\"\r", b','), None);
    }

    proptest::proptest! {
        #[test]
        fn the_scanner_splits_the_first_record_as_the_csv_crate_does(
            text in "[a,;\"\n\r]{1,24}"
        ) {
            for delimiter in [b',', b';'] {
                let mut reader = csv_reader(&text, delimiter);
                let mut record = csv::ByteRecord::new();
                let Ok(true) = reader.read_byte_record(&mut record) else {
                    continue;
                };
                let start = record_start(text.as_bytes(), record.position().expect("read"));
                let mut scanner = FieldScanner::new(delimiter);
                let delimiters = text
                    .as_bytes()
                    .get(start..)
                    .unwrap_or_default()
                    .iter()
                    .map(|byte| scanner.step(*byte))
                    .take_while(|step| *step != Step::RecordEnd)
                    .filter(|step| *step == Step::Delimiter)
                    .count();
                proptest::prop_assert_eq!(delimiters + 1, record.len(), "{:?}", text);
            }
        }

        #[test]
        fn a_quote_is_unclosed_when_the_scanner_ends_inside_a_quoted_field(
            text in "[a,;\"\n\r]{1,24}"
        ) {
            for delimiter in [b',', b';'] {
                let mut scanner = FieldScanner::new(delimiter);
                for byte in text.bytes() {
                    scanner.step(byte);
                }
                proptest::prop_assert_eq!(
                    unclosed_quote(&text, delimiter).is_some(),
                    scanner.state == FieldState::Quoted,
                    "{:?}",
                    text
                );
            }
        }
    }
}
