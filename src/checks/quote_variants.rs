//! The same quote in two sources with different wording: near-identical words, not equal.
//!
//! Quotes become candidates when they share a run of three words (an index of word triples,
//! so the cost grows with the words, not with pairs of quotes); candidates are compared word
//! by word with an edit distance (the `strsim` crate).

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash as _, Hasher as _};

use super::finding::{Finding, FindingKind};
use super::item_file;
use super::unverified_quotes::excerpt;
use crate::model::dataset::Dataset;

/// Quotes shorter than this many words are too short to call variants ("de jure").
const MIN_WORDS: usize = 4;

/// At most this share of the longer quote's words may differ: 1 in 4.
const MAX_CHANGED_SHARE: f64 = 0.25;

/// A triple shared by more quotes than this is a set phrase, not evidence of one quote.
const MAX_QUOTES_PER_TRIPLE: usize = 32;

/// Words longer than this are left out of the comparison (bounded time on pasted junk).
const MAX_WORDS: usize = 400;

/// The words of a quote, lower case, without punctuation (`’` and `'` dropped).
fn quote_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|word| {
            word.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .take(MAX_WORDS)
        .collect()
}

fn triple_hash(words: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    words.hash(&mut hasher);
    hasher.finish()
}

/// One finding per pair of quotes in different sources whose words nearly match.
pub fn quote_variants(dataset: &Dataset) -> Vec<Finding> {
    let words: Vec<Vec<String>> = dataset
        .quotes
        .iter()
        .map(|q| quote_words(&q.text))
        .collect();
    let mut by_triple: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, quote_words) in words.iter().enumerate() {
        if quote_words.len() < MIN_WORDS {
            continue;
        }
        let triples: HashSet<u64> = quote_words.windows(3).map(triple_hash).collect();
        for triple in triples {
            by_triple.entry(triple).or_default().push(index);
        }
    }
    let mut pairs: Vec<(usize, usize)> = by_triple
        .values()
        .filter(|quotes| quotes.len() <= MAX_QUOTES_PER_TRIPLE)
        .flat_map(|quotes| {
            quotes.iter().enumerate().flat_map(move |(at, &first)| {
                quotes
                    .iter()
                    .skip(at + 1)
                    .map(move |&second| (first.min(second), first.max(second)))
            })
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut findings = Vec::new();
    for (first_index, second_index) in pairs {
        let (Some(first), Some(second)) = (
            dataset.quotes.get(first_index),
            dataset.quotes.get(second_index),
        ) else {
            continue;
        };
        if first.source == second.source {
            continue;
        }
        let (Some(a), Some(b)) = (words.get(first_index), words.get(second_index)) else {
            continue;
        };
        let changed = strsim::generic_levenshtein(a, b);
        let longer = a.len().max(b.len());
        #[allow(clippy::cast_precision_loss)] // quotes have far fewer than 2^52 words
        let share = changed as f64 / longer as f64;
        if changed == 0 || share > MAX_CHANGED_SHARE {
            continue;
        }
        let outlet = |index: usize| {
            dataset
                .sources
                .get(index)
                .map_or("an unknown source", |s| s.outlet.as_str())
        };
        let mut finding = Finding::new(
            FindingKind::QuoteVariants,
            format!(
                "{}'s words differ between {} (“{}”, {}) and {} (“{}”, {}): {changed} of \
                 {longer} words changed.",
                first.speaker,
                outlet(first.source),
                excerpt(&first.text),
                first.id,
                outlet(second.source),
                excerpt(&second.text),
                second.id
            ),
        );
        finding.item = Some(first.id.clone());
        finding.file = item_file(dataset, first.files.iter().copied());
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_words_ignore_case_punctuation_and_apostrophes() {
        assert_eq!(
            quote_words("It’s President Putin - who will"),
            ["its", "president", "putin", "who", "will"]
        );
    }
}
