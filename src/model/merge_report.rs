//! What adding a file to the dataset did: how many items were new and how many were already there.

use std::fmt;

/// Counts of one kind of item in a merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// Items that were not loaded before.
    pub added: usize,
    /// Items that matched one already loaded (same id, or the same item by content).
    pub already_present: usize,
}

/// The outcome of [`crate::model::Dataset::add_article_set`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub events: MergeCounts,
    pub sources: MergeCounts,
    pub quotes: MergeCounts,
    pub eras: MergeCounts,
}

impl fmt::Display for MergeReport {
    /// "12 events added, 3 already present; 2 sources added; 4 quotes added".
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
            },
            sources: MergeCounts {
                added: 1,
                already_present: 0,
            },
            ..MergeReport::default()
        };
        assert_eq!(
            report.to_string(),
            "12 events added, 3 already present; 1 source added"
        );
    }

    #[test]
    fn an_empty_file_still_reports_its_events() {
        assert_eq!(MergeReport::default().to_string(), "0 events added");
    }
}
