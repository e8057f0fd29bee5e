//! What went wrong when loading a file, and where: problems with line:column and JSON path,
//! the paths and positions they are reported at.

use std::fmt;

/// A file could not be loaded; lists every problem found (up to a cap), one per line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines().join("\n"))]
pub struct LoadError {
    /// The file name (or other label) the problems are in.
    pub file: String,
    /// What is wrong, in file order where positions are known.
    pub problems: Vec<Problem>,
}

/// One thing wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column in characters (as editors count), if known.
    pub column: Option<usize>,
    /// Where in the JSON document, as `$.events[3].date`, if known.
    pub json_path: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

/// A 1-based line and character column in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextPosition {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// A location in a JSON document: `$`, `$.events[3].date`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath {
    segments: Vec<PathSegment>,
}

/// One step of a [`JsonPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

impl LoadError {
    /// An error with a single problem.
    pub fn single(file: &str, problem: Problem) -> Self {
        Self {
            file: file.to_owned(),
            problems: vec![problem],
        }
    }

    /// Every problem as `FILE:LINE:COL: PATH: message`.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|problem| problem.render(&self.file))
            .collect()
    }
}

impl Problem {
    /// A problem with a message and no location yet.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            line: None,
            column: None,
            json_path: None,
            message: message.into(),
        }
    }

    /// The same problem at a text position.
    pub fn at_position(mut self, position: TextPosition) -> Self {
        self.line = Some(position.line);
        self.column = Some(position.column);
        self
    }

    /// The same problem at a JSON path.
    pub fn at_path(mut self, path: &JsonPath) -> Self {
        self.json_path = Some(path.to_string());
        self
    }

    /// `FILE:LINE:COL: PATH: message`, leaving out the parts that are unknown.
    pub fn render(&self, file: &str) -> String {
        let mut location = file.to_owned();
        if let Some(line) = self.line {
            location.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                location.push_str(&format!(":{column}"));
            }
        }
        let location = location.trim_start_matches(':');
        let parts = [
            Some(location),
            self.json_path.as_deref(),
            Some(&self.message),
        ];
        let parts: Vec<&str> = parts
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
            .collect();
        parts.join(": ")
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.render(""))
    }
}

impl JsonPath {
    /// `$`, the whole document.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path followed by an object key.
    pub fn key(&self, key: &str) -> Self {
        let mut path = self.clone();
        path.segments.push(PathSegment::Key(key.to_owned()));
        path
    }

    /// This path followed by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.clone();
        path.segments.push(PathSegment::Index(index));
        path
    }

    /// The steps from the root, in order.
    pub(super) fn segments(&self) -> &[PathSegment] {
        &self.segments
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("$")?;
        for segment in &self.segments {
            match segment {
                PathSegment::Key(key) if is_identifier(key) => write!(formatter, ".{key}")?,
                PathSegment::Key(key) => {
                    let quoted = serde_json::to_string(key).map_err(|_| fmt::Error)?;
                    write!(formatter, "[{quoted}]")?;
                }
                PathSegment::Index(index) => write!(formatter, "[{index}]")?,
            }
        }
        Ok(())
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
impl JsonPath {
    /// Test helper: "events.3.date" → `$.events[3].date`.
    pub(crate) fn from_dotted(text: &str) -> Self {
        text.split('.')
            .fold(JsonPath::root(), |path, part| match part.parse() {
                Ok(index) => path.index(index),
                Err(_) => path.key(part),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> JsonPath {
        JsonPath::from_dotted(text)
    }

    #[test]
    fn paths_print_like_jsonpath() {
        assert_eq!(JsonPath::root().to_string(), "$");
        assert_eq!(path("events.3.date").to_string(), "$.events[3].date");
        assert_eq!(JsonPath::root().key("a b").to_string(), r#"$["a b"]"#);
    }

    #[test]
    fn problems_render_with_the_known_parts_only() {
        let problem = Problem::new("bad")
            .at_path(&path("events.3.date"))
            .at_position(TextPosition {
                line: 12,
                column: 15,
            });
        assert_eq!(
            problem.render("events.json"),
            "events.json:12:15: $.events[3].date: bad"
        );
        let problem = Problem::new("bad").at_path(&path("events.5"));
        assert_eq!(
            problem.render("events.json"),
            "events.json: $.events[5]: bad"
        );
        assert_eq!(Problem::new("bad").render("f.json"), "f.json: bad");
        assert_eq!(Problem::new("bad").to_string(), "bad");
    }

    #[test]
    fn load_error_prints_one_line_per_problem() {
        let error = LoadError {
            file: "a.json".to_owned(),
            problems: vec![Problem::new("one"), Problem::new("two")],
        };
        assert_eq!(error.to_string(), "a.json: one\na.json: two");
    }
}
