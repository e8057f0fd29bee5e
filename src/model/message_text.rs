//! User text and JSON values as messages quote them back: shortened, in quotes, named by kind;
//! and a file's bytes as UTF-8 text, or why they are not.

use serde_json::Value;

use super::json_position::position_of_byte;
use super::load_error::Problem;

/// User text quoted in a message is cut to this many characters.
pub const MAX_QUOTED_CHARS: usize = 60;

/// `text` cut to `max_chars` characters, with "…" where it was cut.
pub fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// User text in double quotes, escaped as JSON and shortened.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(&shorten(text, MAX_QUOTED_CHARS)).unwrap_or_default()
}

/// The kind of a JSON value, as messages name it ("an array").
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON value as short JSON text for a message.
pub fn excerpt(value: &Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| kind_of(value).to_owned());
    shorten(&json, MAX_QUOTED_CHARS)
}

/// The bytes as UTF-8 text without a byte-order mark, or why they are not; `expected` ends
/// the message about bytes that are no UTF-8 ("a UTF-8 JSON text").
pub fn utf8_text<'a>(bytes: &'a [u8], expected: &str) -> Result<&'a str, Problem> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::new(
            "the file is UTF-16 text; expected UTF-8 (save it as UTF-8)",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(error) => {
            let offset = error.valid_up_to();
            let byte = bytes.get(offset).copied().unwrap_or_default();
            let message = format!(
                "the file is not valid UTF-8: byte 0x{byte:02x} at byte offset {offset} \
                 is not part of a character (expected {expected})"
            );
            Err(Problem::new(message).at_position(position_of_byte(bytes, offset)))
        }
    }
}

/// A number of events as labels name it: 950, 10k, 1.5M.
pub fn count_label(count: usize) -> String {
    let scaled = |value: f64, unit: &str| {
        let text = format!("{value:.1}");
        format!("{}{unit}", text.strip_suffix(".0").unwrap_or(&text))
    };
    match count {
        0..1_000 => count.to_string(),
        1_000..1_000_000 => scaled(count as f64 / 1e3, "k"),
        _ => scaled(count as f64 / 1e6, "M"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_cuts_at_a_character_and_marks_the_cut() {
        assert_eq!(shorten("Київ, 2022", 4), "Київ…");
        assert_eq!(shorten("Київ", 4), "Київ");
        assert_eq!(shorten("", 0), "");
    }

    #[test]
    fn quoted_text_is_escaped_and_shortened() {
        assert_eq!(quoted("say \"hi\"\n"), r#""say \"hi\"\n""#);
        assert_eq!(quoted(&"x".repeat(100)), format!("\"{}…\"", "x".repeat(60)));
    }

    #[test]
    fn values_are_named_by_kind_and_quoted_short() {
        assert_eq!(kind_of(&serde_json::json!([1])), "an array");
        assert_eq!(kind_of(&Value::Null), "null");
        assert_eq!(excerpt(&serde_json::json!({"a": 1})), r#"{"a":1}"#);
        assert_eq!(
            excerpt(&Value::String("y".repeat(100))),
            format!("\"{}…", "y".repeat(59))
        );
    }

    #[test]
    fn utf8_text_drops_a_byte_order_mark_and_names_a_bad_byte() {
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{}", "JSON"), Ok("{}"));
        assert_eq!(
            utf8_text(b"{\n\"caf\xE9\"}", "a UTF-8 JSON text")
                .expect_err("not UTF-8")
                .render("f"),
            "f:2:5: the file is not valid UTF-8: byte 0xe9 at byte offset 6 is not part of a \
             character (expected a UTF-8 JSON text)"
        );
        assert!(
            utf8_text(b"\xFE\xFF\x00{", "JSON")
                .expect_err("UTF-16")
                .render("f")
                .contains("UTF-16")
        );
    }

    #[test]
    fn event_counts_are_labelled_short() {
        assert_eq!(count_label(950), "950");
        assert_eq!(count_label(100_000), "100k");
        assert_eq!(count_label(1_500_000), "1.5M");
    }
}
