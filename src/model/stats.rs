//! Counts and date range of a dataset, for `chronoscope stats` and the status bar.

use serde::Serialize;

use super::dataset::Dataset;

/// What a dataset holds, in brief. Serializes as
/// `{"events":..,"sources":..,"quotes":..,"eras":..,"first":"2014-02-22","last":"2025-11-21","warnings":[..]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub events: usize,
    pub sources: usize,
    pub quotes: usize,
    pub eras: usize,
    /// ISO text of the earliest event date.
    pub first: Option<String>,
    /// ISO text of the latest event date or end (the one whose period ends last).
    pub last: Option<String>,
    pub warnings: Vec<String>,
}

/// The counts, first and last dates and warnings of `dataset`.
pub fn stats_of(dataset: &Dataset) -> Stats {
    let first = dataset.events.iter().map(|event| event.date).min();
    let last = dataset
        .events
        .iter()
        .map(|event| event.end.unwrap_or(event.date))
        .max_by(|a, b| a.end_days().total_cmp(&b.end_days()).then(a.cmp(b)));
    Stats {
        events: dataset.events.len(),
        sources: dataset.sources.len(),
        quotes: dataset.quotes.len(),
        eras: dataset.eras.len(),
        first: first.map(|date| date.to_iso()),
        last: last.map(|date| date.to_iso()),
        warnings: dataset.warnings.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article_set::{ArticleSet, EventRecord};
    use crate::model::category::Category;
    use crate::model::date::PartialDate;

    fn event(id: &str, date: &str, end: Option<&str>) -> EventRecord {
        let parse = |text: &str| PartialDate::parse(text).expect("date");
        let mut event = EventRecord::new(id, parse(date), id, "", Category::Military);
        event.end = end.map(parse);
        event
    }

    #[test]
    fn stats_of_an_empty_dataset_have_no_dates() {
        let stats = stats_of(&Dataset::empty());
        assert_eq!(stats.events, 0);
        assert_eq!(stats.first, None);
        assert_eq!(stats.last, None);
    }

    #[test]
    fn first_is_the_earliest_date_and_last_the_latest_end() {
        let mut set = ArticleSet::new("t");
        set.events = vec![
            event("a", "2014-02-22", None),
            event("b", "2015-02-12", Some("2025-11-21")),
            event("c", "2025-11-20", None),
        ];
        let mut dataset = Dataset::from_article_set("a.json", set);
        dataset.warnings.push("w".to_owned());
        let stats = stats_of(&dataset);
        let json = serde_json::to_string(&stats).expect("json");
        assert_eq!(
            json,
            r#"{"events":3,"sources":0,"quotes":0,"eras":0,"first":"2014-02-22","last":"2025-11-21","warnings":["w"]}"#
        );
    }

    #[test]
    fn a_year_that_ends_later_counts_as_last() {
        let mut set = ArticleSet::new("t");
        set.events = vec![event("a", "2025-11-21", None), event("b", "2025", None)];
        let stats = stats_of(&Dataset::from_article_set("a.json", set));
        assert_eq!(stats.last.as_deref(), Some("2025"));
        assert_eq!(stats.first.as_deref(), Some("2025"));
    }
}
