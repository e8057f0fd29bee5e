//! Which events have findings and of which kinds, and the findings of each event: built once
//! per dataset change with the findings, so that the timeline marks events and the details
//! list an event's findings without going through every finding per frame.

use super::FindingKind;
use super::findings_by_kind::{FindingGroup, FindingTarget};
use crate::model::dataset::Dataset;

/// A set of finding kinds (one bit per kind).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FindingKinds(u8);

impl FindingKinds {
    pub const NONE: FindingKinds = FindingKinds(0);

    /// The kinds given.
    pub fn of(kinds: &[FindingKind]) -> Self {
        let mut set = Self::NONE;
        for kind in kinds {
            set.insert(*kind);
        }
        set
    }

    /// Every kind but single-source: what the timeline marks by default. Most events of a news
    /// chronology rest on one source (101 of the built-in chronology's 122), so marking those
    /// would mark nearly everything; the independent-sources filter shows them instead.
    pub fn marked_by_default() -> Self {
        Self::of(&[
            FindingKind::StalePhrase,
            FindingKind::AfterPublication,
            FindingKind::UnverifiedQuote,
            FindingKind::QuoteVariants,
        ])
    }

    fn bit(kind: FindingKind) -> u8 {
        1 << (kind as u8)
    }

    pub fn insert(&mut self, kind: FindingKind) {
        self.0 |= Self::bit(kind);
    }

    pub fn contains(self, kind: FindingKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The kinds in both sets.
    pub fn intersection(self, other: FindingKinds) -> FindingKinds {
        FindingKinds(self.0 & other.0)
    }

    /// The kinds of the set, in the order of [`FindingKind::ALL`].
    pub fn iter(self) -> impl Iterator<Item = FindingKind> {
        FindingKind::ALL
            .into_iter()
            .filter(move |kind| self.contains(*kind))
    }
}

/// Where a finding is listed: its group in `FindingsByKind::groups` and its place there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FindingPlace {
    pub group: usize,
    pub index: usize,
}

/// The findings of each event: those about the event itself and those about its quotes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFindings {
    /// By index into `Dataset::events`; empty when nothing was checked.
    kinds: Vec<FindingKinds>,
    /// (event, group, index in group), by event, then in list order.
    places: Vec<(u32, u32, u32)>,
}

impl EventFindings {
    /// Indexes `groups` (the findings of `dataset`, by kind) by the event each concerns.
    pub fn of_groups(dataset: &Dataset, groups: &[FindingGroup]) -> Self {
        let mut kinds = vec![FindingKinds::NONE; dataset.events.len()];
        let mut places = Vec::new();
        for (group_index, group) in groups.iter().enumerate() {
            for (index, listed) in group.findings.iter().enumerate() {
                let event = match listed.target {
                    Some(FindingTarget::Event(event)) => Some(event),
                    Some(FindingTarget::Quote(quote)) => {
                        dataset.quotes.get(quote).and_then(|quote| quote.event)
                    }
                    None => None,
                };
                let Some(event) = event else { continue };
                let Some(slot) = kinds.get_mut(event) else {
                    continue;
                };
                slot.insert(group.kind);
                places.push((event as u32, group_index as u32, index as u32));
            }
        }
        // Stable: an event's findings stay in the order they are listed.
        places.sort_by_key(|&(event, _, _)| event);
        Self { kinds, places }
    }

    /// How many events the index covers (those of the dataset checked; 0 when unchecked).
    pub fn event_count(&self) -> usize {
        self.kinds.len()
    }

    /// The kinds of the findings about `event` (none for an event out of range).
    pub fn kinds_of(&self, event: usize) -> FindingKinds {
        self.kinds.get(event).copied().unwrap_or_default()
    }

    /// Where the findings about `event` are listed, in list order.
    pub fn places_of(&self, event: usize) -> impl Iterator<Item = FindingPlace> + '_ {
        let start = self
            .places
            .partition_point(|&(place_event, _, _)| (place_event as usize) < event);
        self.places
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(place_event, _, _)| place_event as usize == event)
            .map(|&(_, group, index)| FindingPlace {
                group: group as usize,
                index: index as usize,
            })
    }

    /// How many events have a finding of one of `kinds`.
    pub fn events_with_any_of(&self, kinds: FindingKinds) -> usize {
        self.kinds
            .iter()
            .filter(|event_kinds| !event_kinds.intersection(kinds).is_empty())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::findings_by_kind::FindingsByKind;

    fn builtin() -> Dataset {
        let mut dataset = Dataset::empty();
        crate::builtin::add_builtin(&mut dataset).expect("the built-in chronology loads");
        dataset
    }

    #[test]
    fn kinds_are_a_set() {
        let mut kinds = FindingKinds::of(&[FindingKind::SingleSource]);
        kinds.insert(FindingKind::StalePhrase);
        kinds.insert(FindingKind::StalePhrase);
        assert_eq!(
            kinds.iter().collect::<Vec<_>>(),
            vec![FindingKind::StalePhrase, FindingKind::SingleSource]
        );
        assert!(!kinds.contains(FindingKind::QuoteVariants));
        assert!(
            kinds
                .intersection(FindingKinds::marked_by_default())
                .contains(FindingKind::StalePhrase)
        );
        assert!(
            !FindingKinds::marked_by_default().contains(FindingKind::SingleSource),
            "single-source events are not marked by default"
        );
    }

    #[test]
    fn a_quote_finding_marks_the_quotes_event() {
        let dataset = builtin();
        let findings = FindingsByKind::of_dataset(&dataset);
        let quote = dataset
            .quote_index_by_id("q-dawat-06-position-of-military-strength")
            .expect("the quote is in the built-in chronology");
        let event = dataset.quotes[quote].event.expect("the quote has an event");
        let kinds = findings.by_event.kinds_of(event);
        assert!(kinds.contains(FindingKind::StalePhrase), "{kinds:?}");
        let listed: Vec<String> = findings
            .by_event
            .places_of(event)
            .map(|place| {
                findings.groups[place.group].findings[place.index]
                    .finding
                    .message
                    .clone()
            })
            .collect();
        assert!(
            listed.iter().any(|message| message.contains("upcoming")),
            "{listed:?}"
        );
    }

    #[test]
    fn every_finding_with_an_event_is_listed_under_that_event() {
        let dataset = builtin();
        let findings = FindingsByKind::of_dataset(&dataset);
        let mut expected = 0;
        for group in &findings.groups {
            for listed in &group.findings {
                let event = match listed.target {
                    Some(FindingTarget::Event(event)) => Some(event),
                    Some(FindingTarget::Quote(quote)) => dataset.quotes[quote].event,
                    None => None,
                };
                if let Some(event) = event {
                    expected += 1;
                    assert!(findings.by_event.kinds_of(event).contains(group.kind));
                }
            }
        }
        let listed: usize = (0..dataset.events.len())
            .map(|event| findings.by_event.places_of(event).count())
            .sum();
        assert_eq!(listed, expected);
        assert!(expected > 100);
        assert_eq!(findings.by_event.kinds_of(usize::MAX), FindingKinds::NONE);
    }
}
