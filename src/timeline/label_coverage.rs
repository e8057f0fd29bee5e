//! How much of a view a layout labels: of the events in range, how many show their whole title,
//! and which events with quotes do not (for `render`'s report, the README table and tests).

use super::scene::EventLabel;
use crate::explore::lanes::LaneIndex;
use crate::explore::time_view::TimeView;
use crate::model::dataset::Dataset;

/// The labels of one layout, counted against the events it had to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelCoverage {
    /// Visible events (matches, when searching) that overlap the view.
    pub in_range: usize,
    /// Of those, the events whose label shows the whole title.
    pub labelled_in_full: usize,
    /// Events in range with at least one quote.
    pub quoted_in_range: usize,
    /// Events in range with quotes whose label is missing or cut, in dataset order.
    pub quoted_not_in_full: Vec<usize>,
}

impl LabelCoverage {
    /// The share of events in range labelled in full, 0..=1 (1 when nothing is in range).
    pub fn share_in_full(&self) -> f64 {
        if self.in_range == 0 {
            1.0
        } else {
            self.labelled_in_full as f64 / self.in_range as f64
        }
    }

    /// "30 of 34 events in range labelled in full (88%); every event with a quote is".
    pub fn summary(&self) -> String {
        let quotes = match (self.quoted_in_range, self.quoted_not_in_full.len()) {
            (0, _) => String::new(),
            (_, 0) => "; every event with a quote is".to_owned(),
            (1, _) => "; the event with a quote is not".to_owned(),
            (all, 1) => format!("; 1 of the {all} events with quotes is not"),
            (all, missing) => format!("; {missing} of the {all} events with quotes are not"),
        };
        format!(
            "{} of {} events in range labelled in full ({:.0}%){quotes}",
            self.labelled_in_full,
            self.in_range,
            self.share_in_full() * 100.0
        )
    }
}

/// Counts the events of `lanes` in `view` and the ones of `labels` (a scene's) shown in full.
/// Linear in the number of visible events: a report, not something to run every frame.
pub fn label_coverage(
    labels: &[EventLabel],
    dataset: &Dataset,
    lanes: &LaneIndex,
    view: &TimeView,
) -> LabelCoverage {
    let mut in_full: Vec<usize> = labels
        .iter()
        .filter(|label| label.in_full)
        .map(|label| label.event)
        .collect();
    in_full.sort_unstable();
    in_full.dedup();
    let mut in_range: Vec<usize> = lanes
        .lanes
        .iter()
        .flat_map(|lane| {
            let list = if lanes.searching {
                &lane.matches
            } else {
                &lane.all
            };
            list.events
                .iter()
                .zip(list.starts_days.iter().zip(&list.ends_days))
                .filter(|(_, (start, end))| **start < view.end_days() && **end > view.start_days)
                .map(|(event, _)| *event)
        })
        .collect();
    in_range.sort_unstable();
    in_range.dedup();
    let is_in_full = |event: &usize| in_full.binary_search(event).is_ok();
    let quoted: Vec<usize> = in_range
        .iter()
        .copied()
        .filter(|event| dataset.quotes_of_event(*event).next().is_some())
        .collect();
    LabelCoverage {
        in_range: in_range.len(),
        labelled_in_full: in_range.iter().filter(|e| is_in_full(e)).count(),
        quoted_in_range: quoted.len(),
        quoted_not_in_full: quoted.into_iter().filter(|e| !is_in_full(e)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_the_share_and_the_quoted_events() {
        let coverage = LabelCoverage {
            in_range: 34,
            labelled_in_full: 30,
            quoted_in_range: 3,
            quoted_not_in_full: vec![7],
        };
        assert_eq!(
            coverage.summary(),
            "30 of 34 events in range labelled in full (88%); 1 of the 3 events with quotes is not"
        );
        let all_quoted = LabelCoverage {
            quoted_not_in_full: Vec::new(),
            ..coverage
        };
        assert!(
            all_quoted
                .summary()
                .ends_with("every event with a quote is")
        );
        assert_eq!(LabelCoverage::default().share_in_full(), 1.0);
    }
}
