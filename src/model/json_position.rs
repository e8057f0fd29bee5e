//! Finds where values are in a JSON text: the line:column of a value from its JSON path, of a
//! byte offset, or of a serde_json (line, byte column) position.

use std::collections::{HashMap, HashSet};

use super::json_scan::{JsonScanner, is_continuation_byte};
use super::load_error::{JsonPath, PathSegment, TextPosition};

/// The line and character column of byte `offset` in `text` (clamped to the text).
pub fn position_of_byte(text: &[u8], offset: usize) -> TextPosition {
    let mut scanner = JsonScanner::new(text);
    scanner.advance_to(offset);
    scanner.position()
}

/// Converts a 1-based line and byte column (as serde_json reports them) to a character column.
pub fn character_column(text: &[u8], line: usize, byte_column: usize) -> usize {
    let line_start = if line <= 1 {
        Some(0)
    } else {
        text.iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(line - 2)
            .map(|(offset, _)| offset + 1)
    };
    let Some(line_start) = line_start else {
        return byte_column.max(1);
    };
    let line_end = line_start.saturating_add(byte_column).min(text.len());
    let characters = text
        .get(line_start..line_end)
        .unwrap_or_default()
        .iter()
        .filter(|byte| !is_continuation_byte(**byte))
        .count();
    characters.max(1)
}

/// Finds where each wanted value starts in a JSON text (which should be valid JSON).
///
/// One pass, no recursion, no allocation per value except the keys of objects on the way to a
/// wanted value; paths absent from the text are absent from the answer. Each value costs one
/// lookup of its last step, and containers off the way to every wanted value only a count of
/// their depth, so deep nesting stays linear in time and constant in memory. Never panics,
/// whatever the text.
pub fn locate_values(text: &[u8], wanted: &HashSet<JsonPath>) -> HashMap<JsonPath, TextPosition> {
    let mut found = HashMap::new();
    if wanted.is_empty() {
        return found;
    }
    let tree = WantedTree::new(wanted);
    let mut cursor = JsonScanner::new(text);
    // The open containers on the way to a wanted value (containers off the way are skipped
    // whole: their keys, indexes and values do not matter).
    let mut frames: Vec<Frame> = Vec::new();
    let mut pending_key: Option<String> = None;

    while let Some(byte) = cursor.peek() {
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => cursor.advance(),
            b',' => {
                match frames.last_mut() {
                    Some(Frame::Object { expects_key, .. }) => *expects_key = true,
                    Some(Frame::Array { next_index, .. }) => *next_index += 1,
                    None => {}
                }
                cursor.advance();
            }
            b'}' | b']' => {
                cursor.advance();
                frames.pop();
            }
            b'"' if matches!(
                frames.last(),
                Some(Frame::Object {
                    expects_key: true,
                    ..
                })
            ) =>
            {
                if let Some(Frame::Object { expects_key, .. }) = frames.last_mut() {
                    *expects_key = false;
                }
                pending_key = cursor.string_leniently();
            }
            _ => {
                let position = cursor.position();
                let node = match frames.last() {
                    None => Some(WantedTree::ROOT),
                    Some(Frame::Object { node, .. }) => {
                        let key = pending_key.take().unwrap_or_default();
                        tree.child(*node, PathSegment::Key(key))
                    }
                    Some(Frame::Array { node, next_index }) => {
                        tree.child(*node, PathSegment::Index(*next_index))
                    }
                };
                if let Some(path) = node.and_then(|node| tree.path(node)) {
                    found.insert(path.clone(), position);
                    if found.len() == wanted.len() {
                        break;
                    }
                }
                match (byte, node) {
                    (b'{' | b'[', None) => {
                        cursor.skip_value();
                    }
                    (b'{', Some(node)) => {
                        cursor.advance();
                        frames.push(Frame::Object {
                            expects_key: true,
                            node,
                        });
                    }
                    (b'[', Some(node)) => {
                        cursor.advance();
                        frames.push(Frame::Array {
                            next_index: 0,
                            node,
                        });
                    }
                    (b'"', _) => {
                        cursor.skip_string();
                    }
                    _ => cursor.skip_scalar(),
                }
            }
        }
    }
    found
}

/// An open container on the way to a wanted value, with its node in the [`WantedTree`].
enum Frame {
    Object { expects_key: bool, node: usize },
    Array { next_index: usize, node: usize },
}

/// The wanted paths as a tree of their steps: a value's node is found from its container's
/// node and its own key or index, without looking at the rest of its path.
struct WantedTree<'w> {
    nodes: Vec<WantedNode<'w>>,
}

#[derive(Default)]
struct WantedNode<'w> {
    children: HashMap<PathSegment, usize>,
    /// The wanted path that ends here, if one does.
    path: Option<&'w JsonPath>,
}

impl<'w> WantedTree<'w> {
    /// The node of `$`.
    const ROOT: usize = 0;

    fn new(wanted: &'w HashSet<JsonPath>) -> Self {
        let mut nodes = vec![WantedNode::default()];
        for path in wanted {
            let mut node = Self::ROOT;
            for segment in path.segments() {
                let next = nodes.len();
                let child = *nodes[node].children.entry(segment.clone()).or_insert(next);
                if child == next {
                    nodes.push(WantedNode::default());
                }
                node = child;
            }
            nodes[node].path = Some(path);
        }
        Self { nodes }
    }

    fn child(&self, parent: usize, segment: PathSegment) -> Option<usize> {
        self.nodes.get(parent)?.children.get(&segment).copied()
    }

    fn path(&self, node: usize) -> Option<&'w JsonPath> {
        self.nodes.get(node)?.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> JsonPath {
        JsonPath::from_dotted(text)
    }

    fn locate(text: &str, wanted: &str) -> Option<TextPosition> {
        let wanted_path = if wanted.is_empty() {
            JsonPath::root()
        } else {
            path(wanted)
        };
        let wanted = HashSet::from([wanted_path.clone()]);
        locate_values(text.as_bytes(), &wanted)
            .get(&wanted_path)
            .copied()
    }

    fn at(line: usize, column: usize) -> Option<TextPosition> {
        Some(TextPosition { line, column })
    }

    #[test]
    fn values_are_located_by_path() {
        let text = "{\n  \"events\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"date\": \"x\"}\n  ]\n}";
        assert_eq!(locate(text, ""), at(1, 1));
        assert_eq!(locate(text, "events"), at(2, 13));
        assert_eq!(locate(text, "events.1"), at(4, 5));
        assert_eq!(locate(text, "events.1.date"), at(4, 25));
        assert_eq!(locate(text, "events.0.id"), at(3, 12));
        assert_eq!(locate(text, "events.2"), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = r#"{"é": "ü", "k": 1}"#;
        assert_eq!(locate(text, "k"), at(1, 17));
    }

    #[test]
    fn escaped_keys_and_nested_containers_are_followed() {
        let text = r#"{"a\"b": [[1, {"c": [true, null]}], {}], "z": "\\\"", "y": 2}"#;
        assert_eq!(locate(text, "a\"b.0.1.c.1"), at(1, 28));
        assert_eq!(locate(text, "y"), at(1, 60));
    }

    #[test]
    fn values_after_a_deep_subtree_off_the_way_are_found() {
        let deep = format!("{}{}", "[{\"k\": [\"]\", ".repeat(1000), "]}]".repeat(1000));
        let text = format!("{{\"x\": {deep}, \"a\": [0, {{\"b\": 1}}]}}");
        let column = text.rfind("1}").map(|at| at + 1);
        assert_eq!(locate(&text, "a.1.b"), column.and_then(|c| at(1, c)));
        assert_eq!(locate(&text, "x.0.k"), at(1, 14));
        assert_eq!(locate(&text, "x.1"), None);
    }

    #[test]
    fn scanning_garbage_does_not_panic() {
        let wanted = HashSet::from([path("a.0")]);
        for text in [
            "",
            "}}}]]]",
            "\"unterminated",
            "{\"a\": [\\",
            "[[[[",
            "{\"a\"",
            "\u{0}\u{ff}",
        ] {
            let _ = locate_values(text.as_bytes(), &wanted);
        }
    }

    #[test]
    fn byte_offsets_and_serde_columns_become_character_positions() {
        let text = "ab\nçd\nxyz".as_bytes();
        assert_eq!(
            position_of_byte(text, 0),
            TextPosition { line: 1, column: 1 }
        );
        assert_eq!(
            position_of_byte(text, 6),
            TextPosition { line: 2, column: 3 }
        );
        assert_eq!(character_column(text, 2, 3), 2);
        assert_eq!(character_column(text, 3, 2), 2);
        assert_eq!(character_column(text, 9, 2), 2);
    }
}
