//! Source criticism: what a dataset and an article being imported claim, checked against
//! their own dates and the war's reference dates. Pure (no files, no egui); every check is
//! linear in its input, or n log n where it sorts.
//!
//! Kinds of [`Finding`]: `stale-phrase` (a phrase that dates the text to another period than
//! its publication), `after-publication` (an event after a source cited for it),
//! `unverified-quote` (marked unverified, or a speaker no other source knows),
//! `quote-variants` (one quote worded differently in two sources) and `single-source` (an
//! event one independent source supports).

pub mod after_publication;
pub mod event_anchors;
pub mod event_findings;
pub mod finding;
pub mod findings_by_kind;
pub mod independence;
pub mod known_quotes;
pub mod quote_variants;
pub mod reference_dates;
pub mod sentence_words;
pub mod single_source;
pub mod stale_phrases;
pub mod unverified_quotes;

use chrono::NaiveDate;

pub use finding::{DayRange, Finding, FindingKind, findings_json};
pub use known_quotes::ArticleQuote;

use crate::model::dataset::Dataset;

/// The label of the first file an item came from.
pub(crate) fn item_file(
    dataset: &Dataset,
    mut files: impl Iterator<Item = usize>,
) -> Option<String> {
    files
        .next()
        .and_then(|file| dataset.files.get(file))
        .map(|file| file.label.clone())
}

/// Every finding about a dataset: its events, sources and quotes, and the stale phrases of its
/// quotes (each read against the publication date of its source). Sorted by kind, then as found.
pub fn check_dataset(dataset: &Dataset) -> Vec<Finding> {
    let mut findings = quote_stale_phrases(dataset);
    findings.extend(after_publication::events_after_publication(dataset));
    findings.extend(unverified_quotes::quotes_marked_unverified(dataset));
    findings.extend(unverified_quotes::speakers_no_other_source_knows(dataset));
    findings.extend(quote_variants::quote_variants(dataset));
    findings.extend(single_source::single_source_events(dataset));
    findings.sort_by_key(|finding| finding.kind);
    findings
}

/// The stale phrases of an article text published on `published`, each naming `file`.
pub fn check_article(text: &str, published: NaiveDate, file: Option<&str>) -> Vec<Finding> {
    check_article_against(text, published, file, &[], &ChronologyContext::default())
}

/// What an article is checked against besides the war's reference dates: the anchor events
/// and the quotes of the loaded chronology. Prepared once per dataset.
#[derive(Clone, Debug, Default)]
pub struct ChronologyContext {
    anchors: event_anchors::EventAnchors,
    quotes: known_quotes::KnownQuotes,
}

impl ChronologyContext {
    pub fn of(dataset: &Dataset) -> Self {
        Self {
            anchors: event_anchors::EventAnchors::of(dataset),
            quotes: known_quotes::KnownQuotes::of(dataset),
        }
    }
}

/// The findings of an article published on `published`: its stale phrases, against the war's
/// reference dates and the chronology's events, and its `quotes` compared with the
/// chronology's. Each names `file`.
pub fn check_article_against(
    text: &str,
    published: NaiveDate,
    file: Option<&str>,
    quotes: &[ArticleQuote<'_>],
    chronology: &ChronologyContext,
) -> Vec<Finding> {
    let mut findings = stale_phrases::stale_phrases(text, published);
    for finding in chronology.anchors.stale_phrases(text, published) {
        // A phrase the reference dates already explain is reported once.
        let repeated = findings.iter().any(|earlier| {
            let (Some(earlier), Some(phrase)) = (&earlier.phrase, &finding.phrase) else {
                return false;
            };
            earlier.contains(phrase.as_str()) || phrase.contains(earlier.as_str())
        });
        if !repeated {
            findings.push(finding);
        }
    }
    findings.extend(chronology.quotes.compare(quotes));
    for finding in &mut findings {
        finding.file = file.map(str::to_owned);
    }
    findings
}

/// Stale phrases in the words of quotes (their sentence when the dataset keeps it), against
/// the publication date of the quoting source; each phrase of a source once.
fn quote_stale_phrases(dataset: &Dataset) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for quote in &dataset.quotes {
        let Some(source) = dataset.sources.get(quote.source) else {
            continue;
        };
        let published = source.published.first_day();
        let text = quote.context.as_deref().unwrap_or(&quote.text);
        for mut finding in stale_phrases::stale_phrases(text, published) {
            let phrase = finding.phrase.clone().unwrap_or_default();
            if !seen.insert((quote.source, phrase)) {
                continue;
            }
            // The id is the finding's `item`: the message names the quote as a reader would.
            finding.message = format!(
                "{} (in the quote of {} in {}).",
                finding.message.trim_end_matches('.'),
                quote.speaker,
                source.outlet
            );
            finding.item = Some(quote.id.clone());
            finding.file = item_file(dataset, quote.files.iter().copied());
            findings.push(finding);
        }
    }
    findings
}
