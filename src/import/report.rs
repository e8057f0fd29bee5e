//! What an importer found wrong (problems: the file is not loaded) or worth saying (warnings:
//! it is), each with the place in the file, listed up to a cap and counted beyond it.

use std::collections::HashSet;

use crate::model::json_position::locate_values;
use crate::model::load_error::{JsonPath, LoadError, Problem};
use crate::model::loader::{MAX_PROBLEMS, MAX_WARNINGS};

/// One problem or warning, with the JSON path whose line:column is still to be looked up.
struct Finding {
    problem: Problem,
    path: Option<JsonPath>,
}

/// The problems and warnings of one file.
pub struct ImportReport {
    file: String,
    problems: Vec<Finding>,
    problem_count: usize,
    warnings: Vec<Finding>,
    warning_count: usize,
}

impl ImportReport {
    pub fn new(file_label: &str) -> Self {
        Self {
            file: file_label.to_owned(),
            problems: Vec::new(),
            problem_count: 0,
            warnings: Vec::new(),
            warning_count: 0,
        }
    }

    /// Counts a problem; builds it only if it will be listed.
    pub fn problem(&mut self, make: impl FnOnce() -> Problem) {
        self.problem_count += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Finding {
                problem: make(),
                path: None,
            });
        }
    }

    /// A problem at a JSON path (line:column looked up later by [`Self::locate_in_json`]).
    pub fn problem_at(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.problem_count += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Finding {
                problem: Problem::new(message).at_path(path),
                path: Some(path.clone()),
            });
        }
    }

    /// Counts a warning; builds it only if it will be listed.
    pub fn warn(&mut self, make: impl FnOnce() -> Problem) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(Finding {
                problem: make(),
                path: None,
            });
        }
    }

    /// A warning at a JSON path (line:column looked up later by [`Self::locate_in_json`]).
    pub fn warn_at(&mut self, path: &JsonPath, message: impl FnOnce() -> String) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(Finding {
                problem: Problem::new(message()).at_path(path),
                path: Some(path.clone()),
            });
        }
    }

    pub fn has_problems(&self) -> bool {
        self.problem_count > 0
    }

    /// Gives every listed finding that has a JSON path the line:column of that path in `text`.
    pub fn locate_in_json(&mut self, text: &str) {
        let findings = self.problems.iter_mut().chain(self.warnings.iter_mut());
        let pending: Vec<&mut Finding> = findings
            .filter(|finding| finding.path.is_some() && finding.problem.line.is_none())
            .collect();
        if pending.is_empty() {
            return;
        }
        let wanted: HashSet<JsonPath> = pending
            .iter()
            .filter_map(|finding| finding.path.clone())
            .collect();
        let positions = locate_values(text.as_bytes(), &wanted);
        for finding in pending {
            if let Some(position) = finding.path.as_ref().and_then(|path| positions.get(path)) {
                finding.problem = finding.problem.clone().at_position(*position);
            }
        }
    }

    /// The problems as a [`LoadError`], in file order, with a count of those not listed.
    pub fn into_error(self) -> LoadError {
        let mut problems: Vec<Problem> = self.problems.into_iter().map(|f| f.problem).collect();
        problems.sort_by_key(|problem| {
            (
                problem.line.unwrap_or(usize::MAX),
                problem.column.unwrap_or(usize::MAX),
            )
        });
        let unlisted = self.problem_count - problems.len();
        if unlisted > 0 {
            problems.push(Problem::new(format!(
                "… and {unlisted} more problems (only the first {MAX_PROBLEMS} are listed)"
            )));
        }
        LoadError {
            file: self.file,
            problems,
        }
    }

    /// Every listed warning as `FILE:LINE:COL: PATH: message`, then a count of the others.
    pub fn warning_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .warnings
            .iter()
            .map(|finding| finding.problem.render(&self.file))
            .collect();
        let unlisted = self.warning_count - self.warnings.len();
        if unlisted > 0 {
            lines.push(Problem::new(format!("… and {unlisted} more warnings")).render(&self.file));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_findings_get_their_line_and_column() {
        let mut report = ImportReport::new("t.json");
        let path = JsonPath::root().key("events").index(0);
        report.warn_at(&path, || "skipped".to_owned());
        report.locate_in_json("{\n  \"events\": [\n    {}\n  ]\n}");
        assert_eq!(report.warning_lines(), ["t.json:3:5: $.events[0]: skipped"]);
    }

    #[test]
    fn warnings_beyond_the_cap_are_counted() {
        let mut report = ImportReport::new("f");
        for _ in 0..MAX_WARNINGS + 3 {
            report.warn(|| Problem::new("w"));
        }
        let lines = report.warning_lines();
        assert_eq!(lines.len(), MAX_WARNINGS + 1);
        assert_eq!(
            lines.last().map(String::as_str),
            Some("f: … and 3 more warnings")
        );
    }

    #[test]
    fn problems_are_sorted_by_position() {
        use crate::model::load_error::TextPosition;
        let mut report = ImportReport::new("f");
        report.problem(|| Problem::new("b").at_position(TextPosition { line: 3, column: 1 }));
        report.problem(|| Problem::new("a").at_position(TextPosition { line: 1, column: 2 }));
        assert!(report.has_problems());
        assert_eq!(report.into_error().to_string(), "f:1:2: a\nf:3:1: b");
    }
}
