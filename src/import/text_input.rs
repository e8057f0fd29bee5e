//! Turns a file's bytes into text for the importers: UTF-8 only, a byte-order mark dropped, and
//! a line:column for whatever is not text.

use crate::model::json_position::position_of_byte;
use crate::model::load_error::Problem;
use crate::model::message_text::utf8_text;

/// What every importer together accepts, for messages.
pub const ACCEPTED_KINDS: &str = "an article set, TimelineJS file or events CSV";

/// The bytes as UTF-8 text without a byte-order mark, or why they are not usable text.
pub fn decode_text(bytes: &[u8]) -> Result<&str, Problem> {
    if let Some(offset) = memchr::memchr(0, bytes)
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
    {
        let message = format!(
            "the file is binary data, not {ACCEPTED_KINDS}: \
             found a NUL byte at byte offset {offset} (expected UTF-8 text)"
        );
        return Err(Problem::new(message).at_position(position_of_byte(bytes, offset)));
    }
    let text = utf8_text(bytes, &format!("UTF-8 text: {ACCEPTED_KINDS}"))?;
    if text.trim().is_empty() {
        return Err(Problem::new(format!(
            "the file is empty; expected {ACCEPTED_KINDS}"
        )));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(bytes: &[u8]) -> String {
        decode_text(bytes).expect_err("not text").render("f")
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFdate,title\n"), Ok("date,title\n"));
    }

    #[test]
    fn empty_and_blank_files_are_empty() {
        let expected =
            "f: the file is empty; expected an article set, TimelineJS file or events CSV";
        assert_eq!(message(b""), expected);
        assert_eq!(message(b" \n\t"), expected);
        assert_eq!(message(b"\xEF\xBB\xBF\n"), expected);
    }

    #[test]
    fn invalid_utf8_names_the_line_and_column() {
        assert_eq!(
            message(b"date,title\n2014,caf\xE9\n"),
            "f:2:9: the file is not valid UTF-8: byte 0xe9 at byte offset 19 is not part of a \
             character (expected UTF-8 text: an article set, TimelineJS file or events CSV)"
        );
    }

    #[test]
    fn binary_data_is_named_as_such() {
        assert_eq!(
            message(b"\x89PNG\r\n\x1a\n\x00\x00"),
            "f:3:1: the file is binary data, not an article set, TimelineJS file or events CSV: \
             found a NUL byte at byte offset 8 (expected UTF-8 text)"
        );
    }

    #[test]
    fn utf16_is_recognised() {
        assert!(message(b"\xFF\xFEd\x00").contains("UTF-16"));
    }
}
