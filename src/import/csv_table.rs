//! CSV as the importers read it: the header line and the delimiter it uses (comma or
//! semicolon), column names compared loosely, and the line:column of a field for messages.

use crate::model::load_error::{Problem, TextPosition};

/// Opens a CSV text: its delimiter (told from the header line) and a reader over it, or the
/// problem of a quoted field that is never closed (the reader would take the rest of the file).
pub fn open_csv(text: &str) -> Result<(u8, csv::Reader<&[u8]>), Problem> {
    let delimiter = detect_delimiter(header_line(text));
    if let Some(offset) = unclosed_quote(text, delimiter) {
        return Err(Problem::new(
            "a quoted field starts here and is never closed (expected a closing \" before the \
             end of the file)",
        )
        .at_position(crate::model::json_position::position_of_byte(
            text.as_bytes(),
            offset,
        )));
    }
    Ok((delimiter, csv_reader(text, delimiter)))
}

/// The first line that is not blank, without its line ending.
pub fn header_line(text: &str) -> &str {
    text.lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or_default()
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
pub fn detect_delimiter(header_line: &str) -> u8 {
    let mut in_quotes = false;
    let (mut commas, mut semicolons) = (0_usize, 0_usize);
    for byte in header_line.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => commas += 1,
            b';' if !in_quotes => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
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

/// Where field `field_index` of the record starting at `record` begins in `text`.
pub fn field_position(
    text: &str,
    record: &csv::Position,
    field_index: usize,
    delimiter: u8,
) -> TextPosition {
    let bytes = text.as_bytes();
    let start = usize::try_from(record.byte())
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    let mut offset = start;
    let mut field = 0;
    let mut in_quotes = false;
    while field < field_index && offset < bytes.len() {
        match bytes[offset] {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            byte if byte == delimiter && !in_quotes => field += 1,
            _ => {}
        }
        offset += 1;
    }
    let record_line = usize::try_from(record.line()).unwrap_or(1).max(1);
    let before = text.get(start..offset).unwrap_or_default();
    let line = record_line + before.matches('\n').count();
    let line_start = text
        .get(..offset)
        .and_then(|head| head.rfind('\n'))
        .map_or(0, |at| at + 1);
    let column = text
        .get(line_start..offset)
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    TextPosition { line, column }
}

/// The byte offset of the opening quote of a quoted field that is never closed, if any.
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

    #[test]
    fn field_positions_count_characters_and_embedded_newlines() {
        let text = "date,title,summary\n2014,\"two\nlines\",é,x\n";
        let mut reader = csv_reader(text, b',');
        let mut record = csv::StringRecord::new();
        reader.read_record(&mut record).expect("header");
        reader.read_record(&mut record).expect("row");
        let position = record.position().expect("position").clone();
        assert_eq!(
            field_position(text, &position, 0, b','),
            TextPosition { line: 2, column: 1 }
        );
        assert_eq!(
            field_position(text, &position, 1, b','),
            TextPosition { line: 2, column: 6 }
        );
        assert_eq!(
            field_position(text, &position, 2, b','),
            TextPosition { line: 3, column: 8 }
        );
        assert_eq!(
            field_position(text, &position, 3, b','),
            TextPosition {
                line: 3,
                column: 10
            }
        );
    }

    #[test]
    fn an_unclosed_quote_is_found_and_escaped_quotes_are_not() {
        assert_eq!(unclosed_quote("a,b\n1,\"x\"\"y\"\n", b','), None);
        assert_eq!(unclosed_quote("a,b\n1,\"open\n2,3\n", b','), Some(6));
        assert_eq!(unclosed_quote("a,b\n1,x\"y\n", b','), None);
        assert_eq!(unclosed_quote("\"a", b','), Some(0));
        assert_eq!(unclosed_quote("\"a\"\"\n", b','), Some(0));
        assert_eq!(unclosed_quote("a;\"b\";\"c\"\"d\"\n", b';'), None);
    }
}
