//! Quotes marked unverified, and speakers no other source knows: quoted by one outlet only,
//! and named by no event that another source (or a reference) supports.

use std::collections::{HashMap, HashSet};

use super::finding::{Finding, FindingKind};
use super::independence::{independent_supports, outlet_key};
use super::item_file;
use crate::model::dataset::Dataset;

/// Quoted words longer than this are shortened in messages.
const QUOTE_EXCERPT_CHARS: usize = 80;

/// "Dmitry  Peskov" → "dmitry peskov".
pub fn speaker_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first words of a quote, with "…" when cut.
pub fn excerpt(text: &str) -> String {
    let mut short: String = text.chars().take(QUOTE_EXCERPT_CHARS).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// One finding per quote marked `verified: false`.
pub fn quotes_marked_unverified(dataset: &Dataset) -> Vec<Finding> {
    let mut findings = Vec::new();
    for quote in dataset.quotes.iter().filter(|q| !q.verified) {
        let outlet = dataset
            .sources
            .get(quote.source)
            .map_or("an unknown source", |s| s.outlet.as_str());
        let note = quote
            .note
            .as_deref()
            .map(|note| format!(" Note: {note}"))
            .unwrap_or_default();
        let mut finding = Finding::new(
            FindingKind::UnverifiedQuote,
            format!(
                "the quote of {} in {outlet}, “{}”, is marked unverified.{note}",
                quote.speaker,
                excerpt(&quote.text)
            ),
        );
        finding.item = Some(quote.id.clone());
        finding.file = item_file(dataset, quote.files.iter().copied());
        findings.push(finding);
    }
    findings
}

/// One finding per speaker quoted by a single outlet whom nothing else in the dataset names.
pub fn speakers_no_other_source_knows(dataset: &Dataset) -> Vec<Finding> {
    // Every voice (outlet key, or reference site) that names each person.
    let mut known_by: HashMap<String, HashSet<String>> = HashMap::new();
    for event in &dataset.events {
        let supports = independent_supports(dataset, event);
        for actor in dataset.actors_of(event) {
            let voices = known_by.entry(speaker_key(actor)).or_default();
            voices.extend(supports.iter().map(|s| outlet_key(s)));
        }
    }
    // Each speaker's quotes, in order, and the outlets quoting them.
    let mut quoted: Vec<(String, Vec<usize>)> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for (index, quote) in dataset.quotes.iter().enumerate() {
        let key = speaker_key(&quote.speaker);
        let outlet = dataset
            .sources
            .get(quote.source)
            .map(|s| outlet_key(&s.outlet))
            .unwrap_or_default();
        known_by.entry(key.clone()).or_default().insert(outlet);
        let at = *position.entry(key.clone()).or_insert_with(|| {
            quoted.push((key, Vec::new()));
            quoted.len() - 1
        });
        if let Some((_, quotes)) = quoted.get_mut(at) {
            quotes.push(index);
        }
    }
    let mut findings = Vec::new();
    for (key, quotes) in &quoted {
        let voices = known_by.get(key).map_or(0, HashSet::len);
        let Some(first) = quotes.first().and_then(|&i| dataset.quotes.get(i)) else {
            continue;
        };
        if voices > 1 {
            continue;
        }
        let outlet = dataset
            .sources
            .get(first.source)
            .map_or("one source", |s| s.outlet.as_str());
        let count = match quotes.len() {
            1 => "1 quote".to_owned(),
            n => format!("{n} quotes"),
        };
        let mut finding = Finding::new(
            FindingKind::UnverifiedQuote,
            format!(
                "{} ({count}) is known only from {outlet}: no other source, and no event \
                 another source supports, names this speaker.",
                first.speaker
            ),
        );
        finding.item = Some(first.id.clone());
        finding.file = item_file(dataset, first.files.iter().copied());
        findings.push(finding);
    }
    findings
}
