//! Which events and quotes are visible (hidden categories, actors, sources, how many
//! independent sources an event has) and which match the search; computed once when the
//! filter or the data change, never per frame.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::category::Category;
use crate::model::dataset::Dataset;

/// What the user asked to see.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Case-insensitive text searched in events (title, summary, actors, tags) and quotes.
    pub query: String,
    pub hidden_categories: BTreeSet<Category>,
    /// When set, only events with this actor are shown.
    pub actor: Option<String>,
    /// Ids of sources whose items are hidden.
    pub hidden_sources: BTreeSet<String>,
    /// Loaded files (indices into `Dataset::files`) whose items are hidden. Not saved between
    /// runs: the files loaded next time may differ.
    #[serde(skip)]
    pub hidden_files: BTreeSet<usize>,
    /// Events by how many independent sources support them (see `checks::independence`).
    pub independent_sources: IndependentSources,
}

/// Which events to show by their number of independent sources: an outlet counts once
/// however many of its articles an event cites, and a reference link counts as another
/// source only when it is on another site than every cited source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndependentSources {
    #[default]
    Any,
    AtLeastOne,
    AtLeastTwo,
    /// Single-source events.
    OnlyOne,
    /// Events with neither a source nor a reference link.
    NoSource,
}

impl IndependentSources {
    pub const ALL: [IndependentSources; 5] = [
        IndependentSources::Any,
        IndependentSources::AtLeastOne,
        IndependentSources::AtLeastTwo,
        IndependentSources::OnlyOne,
        IndependentSources::NoSource,
    ];

    /// As the filter's menu lists it.
    pub fn label(self) -> &'static str {
        match self {
            IndependentSources::Any => "Any number",
            IndependentSources::AtLeastOne => "At least 1",
            IndependentSources::AtLeastTwo => "At least 2",
            IndependentSources::OnlyOne => "Only 1 (single source)",
            IndependentSources::NoSource => "None",
        }
    }

    /// Whether an event with `count` independent sources is shown.
    pub fn keeps(self, count: u8) -> bool {
        match self {
            IndependentSources::Any => true,
            IndependentSources::AtLeastOne => count >= 1,
            IndependentSources::AtLeastTwo => count >= 2,
            IndependentSources::OnlyOne => count == 1,
            IndependentSources::NoSource => count == 0,
        }
    }
}

impl Filter {
    pub fn is_searching(&self) -> bool {
        !self.query.trim().is_empty()
    }
}

/// The outcome of applying a `Filter` to a `Dataset`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterResult {
    pub visible_events: Vec<bool>,
    pub visible_quotes: Vec<bool>,
    /// Visible events that match the search (all visible ones when not searching).
    pub matching_events: Vec<usize>,
    pub matching_quotes: Vec<usize>,
    pub event_matches: Vec<bool>,
    pub searching: bool,
}

impl FilterResult {
    pub fn visible_event_count(&self) -> usize {
        self.visible_events.iter().filter(|v| **v).count()
    }
}

/// Applies `filter` to every event and quote of `dataset`; `independent_sources[i]` is how many
/// independent sources event `i` has (`checks::independence::independent_support_counts`,
/// worked out once per dataset).
pub fn apply_filter(
    dataset: &Dataset,
    filter: &Filter,
    independent_sources: &[u8],
) -> FilterResult {
    let hidden_source: Vec<bool> = dataset
        .sources
        .iter()
        .map(|s| filter.hidden_sources.contains(&s.id))
        .collect();
    let visible_events: Vec<bool> = dataset
        .events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let sources_shown = filter.independent_sources == IndependentSources::Any
                || filter
                    .independent_sources
                    .keeps(independent_sources.get(index).copied().unwrap_or(0));
            let category_shown = !filter.hidden_categories.contains(&event.category);
            let actor_shown = filter
                .actor
                .as_ref()
                .is_none_or(|actor| dataset.actors_of(event).any(|a| a == actor));
            // An event disappears when every article it comes from is hidden.
            let source_shown = event.sources().is_empty()
                || event
                    .sources()
                    .iter()
                    .any(|s| !hidden_source.get(s).copied().unwrap_or(false));
            // ... and when every file it comes from is hidden.
            let file_shown = filter.hidden_files.is_empty()
                || event
                    .files()
                    .iter()
                    .any(|f| !filter.hidden_files.contains(&f));
            sources_shown && category_shown && actor_shown && source_shown && file_shown
        })
        .collect();
    let visible_quotes: Vec<bool> = dataset
        .quotes
        .iter()
        .map(|quote| {
            let source_shown = !hidden_source.get(quote.source).copied().unwrap_or(false);
            let event_shown = quote
                .event
                .is_none_or(|e| visible_events.get(e).copied().unwrap_or(false));
            let file_shown = filter.hidden_files.is_empty()
                || quote.files.iter().any(|f| !filter.hidden_files.contains(f));
            // A quote goes with its event: filtering the event out takes its quotes along.
            source_shown && event_shown && file_shown
        })
        .collect();

    let searching = filter.is_searching();
    let needle = filter.query.trim().to_lowercase();
    let contains = |text: &str| text.to_lowercase().contains(&needle);

    let mut matching_quotes = Vec::new();
    let mut event_matches = vec![false; dataset.events.len()];
    for (index, quote) in dataset.quotes.iter().enumerate() {
        if !visible_quotes[index] {
            continue;
        }
        let matched = !searching
            || contains(&quote.text)
            || contains(&quote.speaker)
            || quote.context.as_deref().is_some_and(contains);
        if matched {
            matching_quotes.push(index);
            // A quote that matches brings its event along.
            if searching
                && let Some(event) = quote.event
                && let Some(slot) = event_matches.get_mut(event)
            {
                *slot = visible_events[event];
            }
        }
    }
    let mut matching_events = Vec::new();
    for (index, event) in dataset.events.iter().enumerate() {
        if !visible_events[index] {
            continue;
        }
        let matched = event_matches[index]
            || !searching
            || contains(event.title())
            || contains(event.summary())
            || dataset.actors_of(event).any(contains)
            || dataset.tags_of(event).any(contains);
        if matched {
            event_matches[index] = true;
            matching_events.push(index);
        }
    }
    FilterResult {
        visible_events,
        visible_quotes,
        matching_events,
        matching_quotes,
        event_matches,
        searching,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::builtin_dataset;

    fn dataset() -> Dataset {
        builtin_dataset().unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn filter_keeps_events_with_at_least_two_independent_sources() {
        let data = dataset();
        let counts = crate::checks::independence::independent_support_counts(&data);
        let filter = Filter {
            independent_sources: IndependentSources::AtLeastTwo,
            ..Filter::default()
        };
        let result = apply_filter(&data, &filter, &counts);
        let mut kept = 0;
        for (index, count) in counts.iter().enumerate() {
            assert_eq!(result.visible_events[index], *count >= 2, "event {index}");
            kept += usize::from(*count >= 2);
        }
        assert!(kept > 0 && kept < data.events.len(), "{kept}");
        // A quote goes with its event.
        for (index, quote) in data.quotes.iter().enumerate() {
            if let Some(event) = quote.event {
                assert_eq!(result.visible_quotes[index], counts[event] >= 2);
            }
        }
    }

    #[test]
    fn single_source_and_unsourced_events_are_told_apart() {
        assert!(IndependentSources::OnlyOne.keeps(1));
        assert!(!IndependentSources::OnlyOne.keeps(2));
        assert!(!IndependentSources::OnlyOne.keeps(0));
        assert!(IndependentSources::NoSource.keeps(0));
        assert!(!IndependentSources::NoSource.keeps(1));
        assert!(IndependentSources::AtLeastOne.keeps(1));
        assert!(!IndependentSources::AtLeastOne.keeps(0));
        assert!(IndependentSources::Any.keeps(0));
    }

    #[test]
    fn a_hidden_source_hides_its_quotes() {
        let data = dataset();
        let filter = Filter {
            hidden_sources: ["mee-2022-03-20-kalin".to_owned()].into_iter().collect(),
            ..Filter::default()
        };
        let result = apply_filter(&data, &filter, &[]);
        for (index, quote) in data.quotes.iter().enumerate() {
            let from_mee = data.sources[quote.source].id == "mee-2022-03-20-kalin";
            assert_eq!(result.visible_quotes[index], !from_mee, "{}", quote.id);
        }
    }

    #[test]
    fn a_hidden_category_takes_its_events_quotes_along() {
        let data = dataset();
        let filter = Filter {
            hidden_categories: [Category::Diplomacy].into_iter().collect(),
            ..Filter::default()
        };
        let result = apply_filter(&data, &filter, &[]);
        for (index, quote) in data.quotes.iter().enumerate() {
            if let Some(event) = quote.event {
                let diplomatic = data.events[event].category == Category::Diplomacy;
                assert_eq!(result.visible_quotes[index], !diplomatic, "{}", quote.id);
            }
        }
    }

    #[test]
    fn a_quote_that_matches_the_search_brings_its_event() {
        let data = dataset();
        let filter = Filter {
            query: "security architecture".to_owned(),
            ..Filter::default()
        };
        let result = apply_filter(&data, &filter, &[]);
        assert!(!result.matching_quotes.is_empty());
        for quote in &result.matching_quotes {
            if let Some(event) = data.quotes[*quote].event {
                assert!(result.matching_events.contains(&event));
            }
        }
        assert!(result.matching_events.len() < data.events.len());
    }

    #[test]
    fn a_hidden_file_hides_what_only_it_has() {
        let mut data = dataset();
        let mut second = crate::model::ArticleSet::new("second");
        second.events = vec![crate::model::EventRecord::new(
            "only-second",
            crate::model::PartialDate::parse("2030").expect("date"),
            "Only in the second file",
            "",
            Category::Other,
        )];
        // The first built-in event is in both files.
        let shared = data.events[0].id().to_owned();
        second.events.push(crate::model::EventRecord::new(
            &shared,
            data.events[0].date,
            data.events[0].title(),
            "",
            Category::Other,
        ));
        data.add_article_set("second.json", second);
        let filter = Filter {
            hidden_files: [1].into_iter().collect(),
            ..Filter::default()
        };
        let result = apply_filter(&data, &filter, &[]);
        let only = data.event_index_by_id("only-second").expect("event");
        let both = data.event_index_by_id(&shared).expect("event");
        assert!(!result.visible_events[only]);
        assert!(result.visible_events[both]);
        let hide_first = Filter {
            hidden_files: [0].into_iter().collect(),
            ..Filter::default()
        };
        let result = apply_filter(&data, &hide_first, &[]);
        assert_eq!(result.visible_event_count(), 2);
        assert!(result.visible_quotes.iter().all(|visible| !visible));
    }
}
