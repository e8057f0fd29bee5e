//! A byte scanner over JSON text (possibly broken) that skips white space, strings and whole
//! values without building them and without recursion, for the readers that only need to
//! glance at JSON: telling formats apart, locating values and naming the path of an error.

use super::load_error::TextPosition;

/// A forward-only cursor over JSON text. It never panics and never recurses, whatever the text:
/// nested containers are skipped by counting brackets. It also keeps the line and character
/// column of its offset, counted lazily so that asking for them stays linear in the text.
pub struct JsonScanner<'a> {
    text: &'a [u8],
    at: usize,
    /// A byte offset at or before `at`, whose line and column are `line` and `column`.
    counted: usize,
    line: usize,
    column: usize,
}

/// The raw bytes of a string in the text, without its quotes or decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawString<'a> {
    /// The bytes between the quotes (to the end of the text if the string does not end).
    pub content: &'a [u8],
    /// Whether the string has its closing quote.
    pub closed: bool,
}

impl<'a> JsonScanner<'a> {
    /// A scanner at the start of `text`.
    pub fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            at: 0,
            counted: 0,
            line: 1,
            column: 1,
        }
    }

    /// The byte offset of the cursor (at most the length of the text).
    pub fn offset(&self) -> usize {
        self.at
    }

    /// The byte at the cursor, if the text has not ended.
    pub fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Moves past one byte, if the text has not ended.
    pub fn advance(&mut self) {
        if self.at < self.text.len() {
            self.at += 1;
        }
    }

    /// Moves forward to byte `offset` (clamped to the text; never backwards).
    pub fn advance_to(&mut self, offset: usize) {
        self.at = self.at.max(offset.min(self.text.len()));
    }

    /// Moves past `byte` if it is at the cursor; whether it was.
    pub fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// Moves past spaces, tabs and line breaks.
    pub fn skip_white_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Moves past the string at the cursor, escapes and all, and gives its raw bytes; `None`
    /// (without moving) if no string starts at the cursor. A string that does not end runs to
    /// the end of the text.
    pub fn raw_string(&mut self) -> Option<RawString<'a>> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        // Most of a large file is inside strings: jump to the next quote or backslash.
        while let Some(found) =
            memchr::memchr2(b'"', b'\\', self.text.get(self.at..).unwrap_or_default())
        {
            let byte_at = self.at + found;
            self.at = byte_at + 1;
            if self.text.get(byte_at) == Some(&b'"') {
                return Some(RawString {
                    content: self.text.get(start..byte_at).unwrap_or_default(),
                    closed: true,
                });
            }
            // A backslash: the byte after it is escaped.
            self.advance();
        }
        self.at = self.text.len();
        Some(RawString {
            content: self.text.get(start..).unwrap_or_default(),
            closed: false,
        })
    }

    /// Moves past the string at the cursor; false if there is none or it does not end.
    pub fn skip_string(&mut self) -> bool {
        self.raw_string().is_some_and(|string| string.closed)
    }

    /// Reads the string at the cursor as JSON decodes it; `None` if there is none, it does not
    /// end, or it is not a valid JSON string.
    pub fn string(&mut self) -> Option<String> {
        let start = self.at;
        if !self.skip_string() {
            return None;
        }
        serde_json::from_slice(self.text.get(start..self.at)?).ok()
    }

    /// Reads the string at the cursor, decoding its escapes where they are valid and taking
    /// its bytes as they are otherwise; `None` (without moving) if no string starts here.
    pub fn string_leniently(&mut self) -> Option<String> {
        self.raw_string()
            .map(|string| decode_leniently(string.content))
    }

    /// Moves past one value, containers by counting brackets (so nesting costs no stack);
    /// false if the text ends first. Any other value runs to the next `,`, `}`, `]` or white
    /// space.
    pub fn skip_value(&mut self) -> bool {
        match self.peek() {
            None => false,
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0_usize;
                loop {
                    match self.peek() {
                        None => return false,
                        Some(b'"') => {
                            if !self.skip_string() {
                                return false;
                            }
                        }
                        Some(b'{' | b'[') => {
                            depth += 1;
                            self.at += 1;
                        }
                        Some(b'}' | b']') => {
                            depth = depth.saturating_sub(1);
                            self.at += 1;
                            if depth == 0 {
                                return true;
                            }
                        }
                        Some(_) => self.at += 1,
                    }
                }
            }
            Some(_) => {
                while let Some(byte) = self.peek() {
                    if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        return true;
                    }
                    self.at += 1;
                }
                false
            }
        }
    }

    /// Moves past a number, `true`, `false` or `null` (or any other run of stray bytes): the
    /// byte at the cursor, then up to the next white space, punctuation or quote.
    pub fn skip_scalar(&mut self) {
        self.advance();
        while let Some(byte) = self.peek() {
            if matches!(
                byte,
                b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'{' | b'}' | b'[' | b']' | b'"'
            ) {
                return;
            }
            self.at += 1;
        }
    }

    /// The line and character column of the cursor (a multi-byte character counts once).
    pub fn position(&mut self) -> TextPosition {
        for &byte in self.text.get(self.counted..self.at).unwrap_or_default() {
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if !is_continuation_byte(byte) {
                self.column += 1;
            }
        }
        self.counted = self.at;
        TextPosition {
            line: self.line,
            column: self.column,
        }
    }
}

/// Decodes the raw bytes of a JSON string: its escapes where they are valid, its bytes as they
/// are (invalid UTF-8 replaced) otherwise.
pub fn decode_leniently(raw: &[u8]) -> String {
    if raw.contains(&b'\\') {
        let mut quoted = Vec::with_capacity(raw.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(raw);
        quoted.push(b'"');
        if let Ok(string) = serde_json::from_slice(&quoted) {
            return string;
        }
    }
    String::from_utf8_lossy(raw).into_owned()
}

/// Whether a byte continues a multi-byte UTF-8 character.
pub fn is_continuation_byte(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped<'t>(
        text: &'t str,
        skip: impl FnOnce(&mut JsonScanner<'t>) -> bool,
    ) -> (bool, &'t str) {
        let mut scanner = JsonScanner::new(text.as_bytes());
        let ended = skip(&mut scanner);
        (ended, &text[scanner.offset()..])
    }

    #[test]
    fn a_string_with_escaped_quotes_is_skipped_whole() {
        assert_eq!(
            skipped(r#""a\"b\\" , 1"#, JsonScanner::skip_string),
            (true, " , 1")
        );
        let mut scanner = JsonScanner::new(br#""a\"b\u00e9\\""#);
        assert_eq!(scanner.string().as_deref(), Some("a\"bé\\"));
    }

    #[test]
    fn a_string_that_does_not_end_runs_to_the_end_of_the_text() {
        let mut scanner = JsonScanner::new(br#""ab\"#);
        assert_eq!(
            scanner.raw_string(),
            Some(RawString {
                content: br"ab\",
                closed: false
            })
        );
        assert_eq!(scanner.offset(), 4);
        assert_eq!(skipped(r#""ab"#, JsonScanner::skip_string), (false, ""));
    }

    #[test]
    fn no_string_is_read_where_none_starts() {
        let mut scanner = JsonScanner::new(b"1");
        assert_eq!(scanner.raw_string(), None);
        assert_eq!(scanner.string_leniently(), None);
        assert_eq!(scanner.offset(), 0);
    }

    #[test]
    fn strings_are_decoded_strictly_or_leniently() {
        assert_eq!(JsonScanner::new(b"\"a\nb\"").string(), None);
        assert_eq!(
            JsonScanner::new(b"\"a\nb\"").string_leniently().as_deref(),
            Some("a\nb")
        );
        assert_eq!(decode_leniently(br"a\x"), r"a\x");
        assert_eq!(decode_leniently(br"a\tb"), "a\tb");
    }

    #[test]
    fn a_container_is_skipped_to_its_closing_bracket() {
        assert_eq!(
            skipped(r#"{"a": [1, "]}"], "b": {}} , 2"#, JsonScanner::skip_value),
            (true, " , 2")
        );
        assert_eq!(skipped("[[1], 2", JsonScanner::skip_value), (false, ""));
        assert_eq!(skipped("true, 1", JsonScanner::skip_value), (true, ", 1"));
    }

    #[test]
    fn a_value_nested_deeply_is_skipped_without_recursion() {
        let levels = 100_000;
        let text = format!("{}{}!", "[{\"k\": ".repeat(levels), "}]".repeat(levels));
        assert_eq!(skipped(&text, JsonScanner::skip_value), (true, "!"));
    }

    #[test]
    fn a_scalar_stops_at_punctuation_and_quotes() {
        let mut scanner = JsonScanner::new(br#"tru"e", 1"#);
        scanner.skip_scalar();
        assert_eq!(scanner.offset(), 3);
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let mut scanner = JsonScanner::new("[\"é\",\n 1]".as_bytes());
        assert_eq!(scanner.position(), TextPosition { line: 1, column: 1 });
        scanner.advance();
        scanner.skip_string();
        assert_eq!(scanner.position(), TextPosition { line: 1, column: 5 });
        scanner.advance();
        scanner.skip_white_space();
        assert_eq!(scanner.position(), TextPosition { line: 2, column: 2 });
        scanner.advance_to(1_000);
        assert_eq!(scanner.position(), TextPosition { line: 2, column: 4 });
    }
}
