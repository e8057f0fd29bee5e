//! The findings of a dataset as the window lists them: grouped by kind in the order of
//! [`FindingKind::ALL`], each with the event or quote it names resolved to an index, so that
//! the window can select it without looking ids up every frame. Pure (no egui).

use std::sync::Arc;

use super::event_findings::EventFindings;
use super::{Finding, FindingKind, check_dataset};
use crate::model::dataset::Dataset;

/// Datasets with more events than this are not checked in the window (the checks would hold
/// a message per event in memory); `chronoscope check` still checks them.
pub const MAX_EVENTS_CHECKED_IN_WINDOW: usize = 200_000;

/// What a finding's item is in the loaded data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingTarget {
    /// An index into `Dataset::events`.
    Event(usize),
    /// An index into `Dataset::quotes`.
    Quote(usize),
}

/// A finding and, when its item is an event or a quote of the dataset, where that is.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedFinding {
    pub finding: Finding,
    pub target: Option<FindingTarget>,
}

/// The findings of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingGroup {
    pub kind: FindingKind,
    pub findings: Vec<ListedFinding>,
}

/// Every finding of a dataset, by kind; kinds without findings are left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FindingsByKind {
    pub groups: Vec<FindingGroup>,
    /// Why the dataset was not checked, when it was not.
    pub not_checked: Option<String>,
    /// The findings of each event (shared with the explorer, which the timeline and exports
    /// read them from).
    pub by_event: Arc<EventFindings>,
}

impl FindingsByKind {
    /// Checks `dataset` (unless it is too large, see [`MAX_EVENTS_CHECKED_IN_WINDOW`]).
    pub fn of_dataset(dataset: &Dataset) -> Self {
        Self::of_dataset_of_at_most(dataset, MAX_EVENTS_CHECKED_IN_WINDOW)
    }

    /// Checks `dataset` when it has at most `max_events` events; otherwise says why not.
    pub fn of_dataset_of_at_most(dataset: &Dataset, max_events: usize) -> Self {
        if dataset.events.len() > max_events {
            return Self {
                groups: Vec::new(),
                not_checked: Some(format!(
                    "Not checked: {} events are more than the window checks ({}); \
                     run `chronoscope check` on the files instead.",
                    dataset.events.len(),
                    max_events
                )),
                by_event: Arc::default(),
            };
        }
        Self::grouped(dataset, check_dataset(dataset))
    }

    /// `findings` grouped by kind, their items looked up in `dataset`.
    pub fn grouped(dataset: &Dataset, findings: Vec<Finding>) -> Self {
        let mut groups: Vec<FindingGroup> = FindingKind::ALL
            .iter()
            .map(|&kind| FindingGroup {
                kind,
                findings: Vec::new(),
            })
            .collect();
        for finding in findings {
            let target = finding
                .item
                .as_deref()
                .and_then(|item| target_of(dataset, finding.kind, item));
            if let Some(group) = groups.iter_mut().find(|group| group.kind == finding.kind) {
                group.findings.push(ListedFinding { finding, target });
            }
        }
        groups.retain(|group| !group.findings.is_empty());
        let by_event = Arc::new(EventFindings::of_groups(dataset, &groups));
        Self {
            groups,
            not_checked: None,
            by_event,
        }
    }

    /// How many findings there are in all.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|group| group.findings.len()).sum()
    }
}

/// The heading of a kind in the window: "Stale phrase", "Single source", …
pub fn kind_heading(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::StalePhrase => "Stale phrase",
        FindingKind::AfterPublication => "After publication",
        FindingKind::UnverifiedQuote => "Unverified quote",
        FindingKind::QuoteVariants => "Quote variants",
        FindingKind::SingleSource => "Single source",
    }
}

/// The event or quote with id `item`; quote findings look among quotes first, the others
/// among events first (an event and a quote may share an id).
fn target_of(dataset: &Dataset, kind: FindingKind, item: &str) -> Option<FindingTarget> {
    let as_event = || dataset.event_index_by_id(item).map(FindingTarget::Event);
    let as_quote = || dataset.quote_index_by_id(item).map(FindingTarget::Quote);
    match kind {
        FindingKind::StalePhrase | FindingKind::UnverifiedQuote | FindingKind::QuoteVariants => {
            as_quote().or_else(as_event)
        }
        FindingKind::AfterPublication | FindingKind::SingleSource => as_event().or_else(as_quote),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dataset {
        let mut dataset = Dataset::empty();
        crate::builtin::add_builtin(&mut dataset).expect("the built-in chronology loads");
        dataset
    }

    #[test]
    fn the_builtin_findings_are_grouped_with_stale_phrases_first() {
        let findings = FindingsByKind::of_dataset(&builtin());
        let kinds: Vec<FindingKind> = findings.groups.iter().map(|group| group.kind).collect();
        assert_eq!(kinds.first(), Some(&FindingKind::StalePhrase));
        assert_eq!(kinds.last(), Some(&FindingKind::SingleSource));
        assert!(findings.total() > 100);
        assert_eq!(findings.not_checked, None);
    }

    #[test]
    fn a_stale_phrase_in_a_quote_points_at_that_quote() {
        let dataset = builtin();
        let findings = FindingsByKind::of_dataset(&dataset);
        let quote = dataset.quote_index_by_id("q-dawat-06-position-of-military-strength");
        let stale = &findings.groups[0].findings[0];
        assert_eq!(stale.target, quote.map(FindingTarget::Quote));
        assert!(quote.is_some());
    }

    #[test]
    fn a_single_source_finding_points_at_its_event() {
        let dataset = builtin();
        let findings = FindingsByKind::of_dataset(&dataset);
        let single = findings
            .groups
            .iter()
            .find(|group| group.kind == FindingKind::SingleSource)
            .and_then(|group| group.findings.first())
            .expect("the built-in chronology has single-source events");
        assert!(matches!(single.target, Some(FindingTarget::Event(_))));
    }

    #[test]
    fn a_dataset_with_too_many_events_is_not_checked_and_says_why() {
        let findings = FindingsByKind::of_dataset_of_at_most(&builtin(), 10);
        assert_eq!(findings.total(), 0);
        let note = findings.not_checked.unwrap_or_default();
        assert!(note.contains("chronoscope check"), "{note}");
        assert!(note.contains("more than the window checks (10)"), "{note}");
    }

    #[test]
    fn an_item_the_dataset_does_not_have_gives_no_target() {
        let mut finding = Finding::new(FindingKind::SingleSource, "m".to_owned());
        finding.item = Some("no-such-event".to_owned());
        let findings = FindingsByKind::grouped(&builtin(), vec![finding]);
        assert_eq!(findings.groups[0].findings[0].target, None);
    }
}
