//! Splits the visible events into horizontal lanes (by category, actor or source), each sorted
//! by start time so the layout can binary-search the part that is on screen.

use serde::{Deserialize, Serialize};

use crate::filter::FilterResult;
use crate::model::category::Category;
use crate::model::dataset::Dataset;

/// Events longer than this are also kept in a lane's `long_spans`, so that a span that began
/// far left of the view is still drawn.
pub const LONG_SPAN_DAYS: f64 = 62.0;

/// At most this many actor lanes; the rest share an "Other actors" lane.
pub const MAX_ACTOR_LANES: usize = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LaneMode {
    #[default]
    Category,
    Actor,
    Source,
}

impl LaneMode {
    pub const ALL: [LaneMode; 3] = [LaneMode::Category, LaneMode::Actor, LaneMode::Source];

    pub fn label(self) -> &'static str {
        match self {
            LaneMode::Category => "Category",
            LaneMode::Actor => "Actor",
            LaneMode::Source => "Source",
        }
    }
}

/// The events of one sorted lane, with their start times side by side for fast searches.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneEvents {
    pub events: Vec<usize>,
    pub starts_days: Vec<f64>,
    /// Where each event ends (exclusive), side by side so the layout never touches the events.
    pub ends_days: Vec<f64>,
    /// Indices into `events` of the events longer than `LONG_SPAN_DAYS`.
    pub long_spans: Vec<usize>,
}

impl LaneEvents {
    fn from_sorted(dataset: &Dataset, events: Vec<usize>) -> Self {
        let starts_days: Vec<f64> = events
            .iter()
            .map(|e| dataset.events[*e].start_days())
            .collect();
        let ends_days: Vec<f64> = events
            .iter()
            .map(|e| dataset.events[*e].end_days())
            .collect();
        let long_spans = (0..events.len())
            .filter(|position| ends_days[*position] - starts_days[*position] > LONG_SPAN_DAYS)
            .collect();
        Self {
            events,
            starts_days,
            ends_days,
            long_spans,
        }
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// How many events overlap `start_days..end_days`: a binary search for those that start
    /// inside, plus those that began up to `LONG_SPAN_DAYS` earlier and the long spans.
    pub fn count_overlapping(&self, start_days: f64, end_days: f64) -> usize {
        let starts = &self.starts_days;
        let inside_from = starts.partition_point(|s| *s < start_days);
        let inside_to = starts.partition_point(|s| *s < end_days).max(inside_from);
        let recent_from = starts.partition_point(|s| *s < start_days - LONG_SPAN_DAYS);
        let reaches_in = |position: &usize| self.ends_days[*position] > start_days;
        let recent = (recent_from..inside_from).filter(reaches_in).count();
        let long = self
            .long_spans
            .iter()
            .filter(|position| **position < recent_from)
            .filter(|position| reaches_in(position))
            .count();
        inside_to - inside_from + recent + long
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub title: String,
    /// The category whose colour the lane title carries, in category mode.
    pub category: Option<Category>,
    /// Every visible event of the lane.
    pub all: LaneEvents,
    /// The visible events that match the search (same as `all` when not searching).
    pub matches: LaneEvents,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneIndex {
    pub lanes: Vec<Lane>,
    pub searching: bool,
}

impl LaneIndex {
    /// Builds the lanes of `mode` from the filtered events (events are sorted by start already).
    pub fn build(dataset: &Dataset, mode: LaneMode, filter: &FilterResult) -> Self {
        let groups: Vec<(String, Option<Category>, Vec<usize>)> = match mode {
            LaneMode::Category => Category::ALL
                .iter()
                .filter(|category| {
                    **category != Category::Other || dataset.has_category(Category::Other)
                })
                .map(|category| {
                    let events = visible(dataset, filter)
                        .filter(|e| dataset.events[*e].category == *category)
                        .collect();
                    (category.label().to_owned(), Some(*category), events)
                })
                .collect(),
            LaneMode::Actor => actor_groups(dataset, filter),
            LaneMode::Source => source_groups(dataset, filter),
        };
        let lanes = groups
            .into_iter()
            .filter(|(_, _, events)| !events.is_empty())
            .map(|(title, category, events)| {
                let matches: Vec<usize> = if filter.searching {
                    events
                        .iter()
                        .copied()
                        .filter(|e| filter.event_matches.get(*e).copied().unwrap_or(false))
                        .collect()
                } else {
                    events.clone()
                };
                Lane {
                    title,
                    category,
                    all: LaneEvents::from_sorted(dataset, events),
                    matches: LaneEvents::from_sorted(dataset, matches),
                }
            })
            .collect();
        Self {
            lanes,
            searching: filter.searching,
        }
    }
}

fn visible<'a>(dataset: &'a Dataset, filter: &'a FilterResult) -> impl Iterator<Item = usize> + 'a {
    (0..dataset.events.len()).filter(|e| filter.visible_events.get(*e).copied().unwrap_or(false))
}

fn actor_groups(
    dataset: &Dataset,
    filter: &FilterResult,
) -> Vec<(String, Option<Category>, Vec<usize>)> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in visible(dataset, filter) {
        for actor in dataset.actors_of(&dataset.events[e]) {
            *counts.entry(actor).or_default() += 1;
        }
    }
    let mut actors: Vec<(&str, usize)> = counts.into_iter().collect();
    actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    actors.truncate(MAX_ACTOR_LANES);
    let mut groups: Vec<(String, Option<Category>, Vec<usize>)> = actors
        .iter()
        .map(|(actor, _)| ((*actor).to_owned(), None, Vec::new()))
        .collect();
    let mut others = Vec::new();
    for e in visible(dataset, filter) {
        let mut placed = false;
        for (lane, (actor, _)) in actors.iter().enumerate() {
            if dataset.actors_of(&dataset.events[e]).any(|a| a == *actor) {
                groups[lane].2.push(e);
                placed = true;
            }
        }
        if !placed {
            others.push(e);
        }
    }
    groups.push(("Other actors".to_owned(), None, others));
    groups
}

fn source_groups(
    dataset: &Dataset,
    filter: &FilterResult,
) -> Vec<(String, Option<Category>, Vec<usize>)> {
    let mut groups: Vec<(String, Option<Category>, Vec<usize>)> = dataset
        .sources
        .iter()
        .map(|s| {
            (
                format!("{}, {}", s.outlet, s.published.display()),
                None,
                Vec::new(),
            )
        })
        .collect();
    let mut unsourced = Vec::new();
    for e in visible(dataset, filter) {
        let sources = dataset.events[e].sources();
        if sources.is_empty() {
            unsourced.push(e);
        }
        for s in sources {
            if let Some(group) = groups.get_mut(s) {
                group.2.push(e);
            }
        }
    }
    groups.push(("Reference only".to_owned(), None, unsourced));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_overlapping_a_range_are_counted_with_spans_begun_before_it() {
        // Days 0 (a 100-day span), 50 (a 20-day event), 95, 100, 130 and 200.
        let lane = LaneEvents {
            events: (0..6).collect(),
            starts_days: vec![0.0, 50.0, 95.0, 100.0, 130.0, 200.0],
            ends_days: vec![150.0, 70.0, 96.0, 101.0, 131.0, 201.0],
            long_spans: vec![0],
        };
        assert_eq!(lane.count_overlapping(100.0, 140.0), 3); // the span, 100 and 130
        assert_eq!(lane.count_overlapping(60.0, 96.0), 3); // the span, 50 and 95
        assert_eq!(lane.count_overlapping(300.0, 400.0), 0);
        assert_eq!(lane.count_overlapping(-10.0, 1000.0), 6);
    }
}
