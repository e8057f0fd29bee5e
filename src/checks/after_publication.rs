//! Events dated after the publication of a source cited for them: the source may announce the
//! event, it cannot report it.

use super::finding::{Finding, FindingKind};
use super::item_file;
use crate::model::dataset::Dataset;
use crate::model::date::Precision;

/// One finding per event and cited source published before the event's first possible day.
pub fn events_after_publication(dataset: &Dataset) -> Vec<Finding> {
    let mut findings = Vec::new();
    for event in &dataset.events {
        for source_index in event.sources().iter() {
            let Some(source) = dataset.sources.get(source_index) else {
                continue;
            };
            // Whole periods: a month-precision event is after publication only when all of it is.
            if event.date.start_days() < source.published.end_days() {
                continue;
            }
            // From the last day the source may have appeared (its period's end) to the event.
            let days = (event.date.start_days() - source.published.end_days() + 1.0).round();
            let days = if (days - 1.0).abs() < f64::EPSILON {
                "1 day".to_owned()
            } else {
                format!("{days} days")
            };
            // A month or a year may have happened at its end: the gap is at least.
            let both_days = event.date.precision() == Precision::Day
                && source.published.precision() == Precision::Day;
            let at_least = if both_days { "" } else { "at least " };
            let mut finding = Finding::new(
                FindingKind::AfterPublication,
                format!(
                    "event “{}” ({}) cites “{}” ({}, published {}), {at_least}{days} before it \
                     happened: the article can announce the event, not report it.",
                    event.title(),
                    event.date.display(),
                    source.title,
                    source.outlet,
                    source.published.display()
                ),
            );
            finding.item = Some(event.id().to_owned());
            finding.file = item_file(dataset, event.files().iter());
            findings.push(finding);
        }
    }
    findings
}
