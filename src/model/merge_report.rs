//! What adding a file to the dataset did: how many items were new, how many were merged with an
//! item that means the same, how many were kept apart from a similar one, and a note for each
//! merge and each similar pair saying which files and what matched.

use std::fmt;

/// How many notes a report keeps; the rest are counted in [`MergeReport::notes_left_out`].
pub const MAX_MERGE_NOTES: usize = 200;

/// Counts of one kind of item in a merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Items that were not loaded before (kept apart ones included).
    pub added: usize,
    /// Items merged into one already loaded that means the same (nothing of either is lost).
    pub already_present: usize,
    /// Items added beside a similar one (same id, or same date and title) that differs in
    /// something that would be lost by merging.
    pub kept_apart: usize,
}

/// The outcome of [`crate::model::Dataset::add_article_set`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub events: MergeCounts,
    pub sources: MergeCounts,
    pub quotes: MergeCounts,
    pub eras: MergeCounts,
    /// One line per merge and per similar pair kept apart, at most [`MAX_MERGE_NOTES`]:
    /// `event "Minsk II" (2015-02-12) is the same as in a.json (same date and title): merged`.
    pub notes: Vec<String>,
    /// Notes beyond [`MAX_MERGE_NOTES`], counted only.
    pub notes_left_out: usize,
}

impl MergeReport {
    /// Keeps a note (made only when there is room for it).
    pub(crate) fn note(&mut self, make: impl FnOnce() -> String) {
        if self.notes.len() < MAX_MERGE_NOTES {
            self.notes.push(make());
        } else {
            self.notes_left_out += 1;
        }
    }

    /// The notes, with a last line counting those left out.
    pub fn note_lines(&self) -> Vec<String> {
        let mut lines = self.notes.clone();
        if self.notes_left_out > 0 {
            lines.push(format!("… and {} more", self.notes_left_out));
        }
        lines
    }
}

impl fmt::Display for MergeReport {
    /// "12 events added, 3 already present, 1 kept apart from a similar one; 2 sources added".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds = [
            ("event", self.events),
            ("source", self.sources),
            ("quote", self.quotes),
            ("era", self.eras),
        ];
        let mut parts = Vec::new();
        for (name, counts) in kinds {
            if counts.added == 0 && counts.already_present == 0 && name != "event" {
                continue;
            }
            let plural = if counts.added == 1 { "" } else { "s" };
            let mut part = format!("{} {name}{plural} added", counts.added);
            if counts.already_present > 0 {
                part.push_str(&format!(", {} already present", counts.already_present));
            }
            if counts.kept_apart > 0 {
                let ones = if counts.kept_apart == 1 {
                    "a similar one"
                } else {
                    "similar ones"
                };
                part.push_str(&format!(", {} kept apart from {ones}", counts.kept_apart));
            }
            parts.push(part);
        }
        write!(f, "{}", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_reads_as_a_sentence() {
        let report = MergeReport {
            events: MergeCounts {
                added: 12,
                already_present: 3,
                kept_apart: 2,
            },
            sources: MergeCounts {
                added: 1,
                ..MergeCounts::default()
            },
            ..MergeReport::default()
        };
        assert_eq!(
            report.to_string(),
            "12 events added, 3 already present, 2 kept apart from similar ones; 1 source added"
        );
    }

    #[test]
    fn an_empty_file_still_reports_its_events() {
        assert_eq!(MergeReport::default().to_string(), "0 events added");
    }

    #[test]
    fn notes_beyond_the_limit_are_counted() {
        let mut report = MergeReport::default();
        for index in 0..MAX_MERGE_NOTES + 3 {
            report.note(|| format!("note {index}"));
        }
        let lines = report.note_lines();
        assert_eq!(lines.len(), MAX_MERGE_NOTES + 1);
        assert_eq!(lines.last().map(String::as_str), Some("… and 3 more"));
    }
}
