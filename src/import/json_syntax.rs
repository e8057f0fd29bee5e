//! Reports JSON that does not parse: serde's message at a line:column in characters, with the
//! JSON path of the value being read there.

use crate::model::json_position::character_column;
use crate::model::json_scan::{JsonScanner, decode_leniently};
use crate::model::load_error::{JsonPath, Problem, TextPosition};

/// serde_json's own limit on nested arrays and objects (kept: it prevents stack overflows).
const NESTING_LIMIT: usize = 128;

/// The problem serde found, at its line:column and the JSON path it was reading.
pub fn json_syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    let position_suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&position_suffix).unwrap_or(&full);
    let message = if message.starts_with("recursion limit exceeded") {
        format!(
            "the JSON is nested too deeply (more than {NESTING_LIMIT} levels of arrays and objects)"
        )
    } else {
        format!("the file is not valid JSON: {message}")
    };
    let problem = Problem::new(message);
    if error.line() == 0 {
        return problem;
    }
    let bytes = text.as_bytes();
    let offset = byte_offset(bytes, error.line(), error.column());
    problem
        .at_position(TextPosition {
            line: error.line(),
            column: character_column(bytes, error.line(), error.column()),
        })
        .at_path(&path_at_offset(bytes, offset))
}

/// The byte offset of a 1-based line and byte column (serde counts columns in bytes).
fn byte_offset(text: &[u8], line: usize, byte_column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(offset, _)| offset + 1)
    };
    line_start
        .saturating_add(byte_column.saturating_sub(1))
        .min(text.len())
}

/// An open container while scanning.
enum Frame {
    /// The key being read (set once its string is read, cleared at `,`).
    Object {
        key: Option<String>,
        expects_key: bool,
    },
    /// The index of the element being read, and whether it has begun.
    Array { index: usize, started: bool },
}

/// The path of the value being read at byte `offset` of a (possibly broken) JSON text.
/// One pass, no recursion: deep nesting costs a frame each on the heap, not the stack.
pub fn path_at_offset(text: &[u8], offset: usize) -> JsonPath {
    let mut frames: Vec<Frame> = Vec::new();
    let mut scanner = JsonScanner::new(text);
    let end = offset.min(text.len());
    while scanner.offset() < end {
        let Some(byte) = scanner.peek() else { break };
        match byte {
            b'{' | b'[' => {
                mark_started(&mut frames);
                frames.push(if byte == b'{' {
                    Frame::Object {
                        key: None,
                        expects_key: true,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        started: false,
                    }
                });
                scanner.advance();
            }
            b'}' | b']' => {
                frames.pop();
                scanner.advance();
            }
            b',' => {
                match frames.last_mut() {
                    Some(Frame::Object { key, expects_key }) => {
                        *key = None;
                        *expects_key = true;
                    }
                    Some(Frame::Array { index, started }) => {
                        *index += 1;
                        *started = false;
                    }
                    None => {}
                }
                scanner.advance();
            }
            b'"' => {
                let content = scanner
                    .raw_string()
                    .map(|string| string.content)
                    .unwrap_or_default();
                if let Some(Frame::Object { key, expects_key }) = frames.last_mut()
                    && *expects_key
                {
                    *key = Some(decode_leniently(content));
                    *expects_key = false;
                } else {
                    mark_started(&mut frames);
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => scanner.advance(),
            _ => {
                mark_started(&mut frames);
                scanner.advance();
            }
        }
    }
    let mut path = JsonPath::root();
    for frame in &frames {
        path = match frame {
            Frame::Object { key: Some(key), .. } => path.key(key),
            Frame::Array { index, .. } => path.index(*index),
            Frame::Object { key: None, .. } => path,
        };
    }
    path
}

fn mark_started(frames: &mut [Frame]) {
    if let Some(Frame::Array { started, .. }) = frames.last_mut() {
        *started = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(text: &str) -> String {
        let error = serde_json::from_str::<serde_json::Value>(text).expect_err("broken");
        json_syntax_problem(text, &error).render("t.json")
    }

    #[test]
    fn a_truncated_file_names_the_line_column_and_path() {
        assert_eq!(
            problem_of("{\"events\": [\n  {\"start_date\": {\"year\": 19"),
            "t.json:2:28: $.events[0].start_date.year: the file is not valid JSON: \
             EOF while parsing an object"
        );
    }

    #[test]
    fn a_missing_comma_is_placed_in_its_array() {
        assert_eq!(
            problem_of("{\"a\": [1, 2 3]}"),
            "t.json:1:13: $.a[1]: the file is not valid JSON: expected `,` or `]`"
        );
    }

    #[test]
    fn deep_nesting_is_reported_without_overflowing_the_stack() {
        let text = "[".repeat(100_000);
        let message = problem_of(&text);
        assert!(
            message.starts_with("t.json:1:128: $[0][0]"),
            "{}",
            &message[..40]
        );
        assert!(message.ends_with(
            "the JSON is nested too deeply (more than 128 levels of arrays and objects)"
        ));
    }

    #[test]
    fn paths_follow_keys_and_indexes() {
        let text = br#"{"a": [{"b\"c": [1, {"d": "#;
        assert_eq!(
            path_at_offset(text, text.len()).to_string(),
            r#"$.a[0]["b\"c"][1].d"#
        );
        assert_eq!(path_at_offset(b"{\"a\": 1, ", 9).to_string(), "$");
    }
}
