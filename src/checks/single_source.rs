//! Events that only one independent source supports (one outlet counts once; a reference link
//! on another site counts as another source). Events without any source are not listed here.

use super::finding::{Finding, FindingKind};
use super::independence::independent_supports;
use super::item_file;
use crate::model::dataset::Dataset;

/// One finding per event with exactly one independent support.
pub fn single_source_events(dataset: &Dataset) -> Vec<Finding> {
    let mut findings = Vec::new();
    for event in &dataset.events {
        let supports = independent_supports(dataset, event);
        let [only] = supports.as_slice() else {
            continue;
        };
        let cited = event.sources().len();
        let how = match cited {
            0 => "its reference link".to_owned(),
            1 => "one source".to_owned(),
            n => format!("{n} sources of the same outlet"),
        };
        let mut finding = Finding::new(
            FindingKind::SingleSource,
            format!(
                "event “{}” ({}) rests on {how} only: {only}.",
                event.title(),
                event.date.display()
            ),
        );
        finding.item = Some(event.id().to_owned());
        finding.file = item_file(dataset, event.files().iter());
        findings.push(finding);
    }
    findings
}
