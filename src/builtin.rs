//! The built-in chronology (Russia–Ukraine war diplomacy, 2014–2025), compiled into the binary.

use crate::model::dataset::Dataset;
use crate::model::load_error::LoadError;
use crate::model::loader::load_article_set_with_warnings;
use crate::model::merge_report::MergeReport;

/// The label the built-in chronology carries as its provenance.
pub const BUILTIN_LABEL: &str = "built-in chronology";

pub const BUILTIN_JSON: &str = include_str!("../assets/chronology.json");

/// Loads the built-in chronology into a fresh dataset.
pub fn builtin_dataset() -> Result<Dataset, LoadError> {
    let mut dataset = Dataset::empty();
    add_builtin(&mut dataset)?;
    Ok(dataset)
}

/// Adds the built-in chronology to `dataset`; returns what merging it did.
pub fn add_builtin(dataset: &mut Dataset) -> Result<MergeReport, LoadError> {
    let (set, warnings) = load_article_set_with_warnings(BUILTIN_LABEL, BUILTIN_JSON.as_bytes())?;
    let report = dataset.add_article_set(BUILTIN_LABEL, set);
    dataset.warnings.extend(warnings);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_chronology_loads_without_problems() {
        let dataset = builtin_dataset().map_err(|e| e.to_string());
        let dataset = match dataset {
            Ok(dataset) => dataset,
            Err(message) => panic!("{message}"),
        };
        assert!(
            dataset.events.len() >= 160,
            "{} events",
            dataset.events.len()
        );
        assert_eq!(dataset.eras.len(), 3);
        assert!(dataset.sources.len() >= 2);
        assert!(
            dataset
                .events
                .iter()
                .all(|e| { e.reference().is_some_and(|r| r.starts_with("http")) })
        );
    }

    #[test]
    fn the_builtin_chronology_spans_february_2014_to_november_2025() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        let first = dataset.events.first().map(|e| e.date.to_iso());
        let last = dataset
            .events
            .iter()
            .map(|e| e.date)
            .max()
            .map(|d| d.to_iso());
        assert!(
            first.as_deref().is_some_and(|d| d.starts_with("2014-02")),
            "{first:?}"
        );
        assert!(
            last.as_deref().is_some_and(|d| d.starts_with("2025-11")),
            "{last:?}"
        );
    }

    /// A cross-heading of the Middle East Eye article, condensed by its editors from Kalin's
    /// "There will be a peace deal at some point".
    const CROSS_HEADING: &str = "A peace deal at some point";

    #[test]
    fn every_quote_of_the_seed_articles_is_verbatim() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        let articles = [
            (
                "Middle East Eye",
                include_str!("../tests/fixtures/seed_quotes_mee.txt"),
            ),
            (
                "Dawat Media Center",
                include_str!("../tests/fixtures/seed_quotes_dawat.txt"),
            ),
        ];
        // What the article puts in quotation marks, less the editors' cross-heading, which the
        // article import reads as drawn from a quote but which Kalin did not say as such.
        let is_quote = |line: &&str| !line.is_empty() && *line != CROSS_HEADING;
        for (outlet, expected) in articles {
            let quotes: Vec<&str> = dataset
                .quotes
                .iter()
                .filter(|q| dataset.sources[q.source].outlet == outlet)
                .map(|q| q.text.as_str())
                .collect();
            for line in expected.lines().filter(is_quote) {
                assert!(quotes.contains(&line), "{outlet}: missing quote {line:?}");
            }
            assert_eq!(
                quotes.len(),
                expected.lines().filter(is_quote).count(),
                "{outlet}"
            );
        }
    }

    #[test]
    fn no_event_is_dated_after_a_source_cited_for_it() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        for event in &dataset.events {
            for source in event.sources().iter() {
                let published = dataset.sources[source].published;
                assert!(
                    event.date.start_days() <= published.start_days(),
                    "{} ({}) cites {} published {}",
                    event.id(),
                    event.date.to_iso(),
                    dataset.sources[source].id,
                    published.to_iso()
                );
            }
        }
    }

    #[test]
    fn the_editors_cross_heading_is_not_a_quote_of_kalin() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        assert!(
            dataset
                .quotes
                .iter()
                .all(|quote| quote.text != CROSS_HEADING)
        );
    }

    #[test]
    fn the_voronova_quotes_are_marked_unverified_with_a_note() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        let voronova: Vec<_> = dataset
            .quotes
            .iter()
            .filter(|q| q.speaker == "Maria Voronova")
            .collect();
        assert_eq!(voronova.len(), 2);
        assert!(
            voronova
                .iter()
                .all(|q| !q.verified && q.note.as_deref().is_some_and(|n| n.len() > 40))
        );
    }

    #[test]
    fn every_year_from_2014_to_2025_has_at_least_four_events() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        for year in 2014..=2025 {
            let count = dataset
                .events
                .iter()
                .filter(|e| e.date.to_iso().starts_with(&year.to_string()))
                .count();
            assert!(count >= 4, "{year}: {count} events");
        }
    }

    #[test]
    fn every_quote_has_its_date() {
        let Ok(dataset) = builtin_dataset() else {
            panic!("built-in chronology does not load")
        };
        let undated: Vec<&str> = dataset
            .quotes
            .iter()
            .filter(|q| q.date.is_none())
            .map(|q| q.id.as_str())
            .collect();
        assert!(undated.is_empty(), "{undated:?}");
    }
}
