//! The same quote in two sources with different wording: near-identical words, not equal.
//!
//! An earlier quote becomes a candidate when it shares a run of three words (an index of word
//! triples, each proposing at most a few earlier quotes, so the cost grows with the words, not
//! with pairs of quotes); candidates are compared word by word with an edit distance (the
//! `strsim` crate).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};

use super::finding::{Finding, FindingKind};
use super::item_file;
use super::unverified_quotes::excerpt;
use crate::model::dataset::Dataset;

/// Quotes shorter than this many words are too short to call variants ("de jure").
pub(super) const MIN_WORDS: usize = 4;

/// At most this share of the longer quote's words may differ: 1 in 4.
pub(super) const MAX_CHANGED_SHARE: f64 = 0.25;

/// Each triple of a quote proposes at most this many earlier quotes to compare with, so that
/// a set phrase shared by thousands of quotes costs a bounded time per quote.
const MAX_CANDIDATES_PER_TRIPLE: usize = 32;

/// Words longer than this are left out of the comparison (bounded time on pasted junk).
const MAX_WORDS: usize = 400;

/// The words of a quote, lower case, without punctuation (`’` and `'` dropped).
pub(super) fn quote_words(text: &str) -> Vec<String> {
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

pub(super) fn triple_hash(words: &[String]) -> u64 {
    let mut hasher = DefaultHasher::new();
    words.hash(&mut hasher);
    hasher.finish()
}

/// One finding per quote whose words nearly match those of an earlier quote (in the
/// dataset's order) of another source: the first such quote is named. A quote repeated in many
/// sources is thus listed once per variant wording, not once per pair.
pub fn quote_variants(dataset: &Dataset) -> Vec<Finding> {
    let words: Vec<Vec<String>> = dataset
        .quotes
        .iter()
        .map(|q| quote_words(&q.text))
        .collect();
    // The quotes holding each triple of words, in order.
    let mut by_triple: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut triples_of: Vec<Vec<u64>> = Vec::with_capacity(words.len());
    for (index, quote_words) in words.iter().enumerate() {
        let mut triples: Vec<u64> = if quote_words.len() < MIN_WORDS {
            Vec::new()
        } else {
            quote_words.windows(3).map(triple_hash).collect()
        };
        triples.sort_unstable();
        triples.dedup();
        for triple in &triples {
            by_triple.entry(*triple).or_default().push(index);
        }
        triples_of.push(triples);
    }
    let mut findings = Vec::new();
    for (index, triples) in triples_of.iter().enumerate() {
        // Earlier quotes sharing a triple: the first few of each triple's list.
        let mut candidates: Vec<usize> = triples
            .iter()
            .filter_map(|triple| by_triple.get(triple))
            .flat_map(|quotes| {
                quotes
                    .iter()
                    .copied()
                    .take_while(|&earlier| earlier < index)
                    .take(MAX_CANDIDATES_PER_TRIPLE)
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let variant = candidates
            .into_iter()
            .find_map(|earlier| variant_of(dataset, &words, earlier, index));
        if let Some(finding) = variant {
            findings.push(finding);
        }
    }
    findings
}

/// A finding when quote `second` is a variant of quote `first` in another source.
fn variant_of(
    dataset: &Dataset,
    words: &[Vec<String>],
    first_index: usize,
    second_index: usize,
) -> Option<Finding> {
    let first = dataset.quotes.get(first_index)?;
    let second = dataset.quotes.get(second_index)?;
    if first.source == second.source {
        return None;
    }
    let (a, b) = (words.get(first_index)?, words.get(second_index)?);
    let changed = strsim::generic_levenshtein(a, b);
    let longer = a.len().max(b.len());
    #[allow(clippy::cast_precision_loss)] // quotes have far fewer than 2^52 words
    let share = changed as f64 / longer as f64;
    if changed == 0 || share > MAX_CHANGED_SHARE {
        return None;
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
            second.speaker,
            outlet(first.source),
            excerpt(&first.text),
            first.id,
            outlet(second.source),
            excerpt(&second.text),
            second.id
        ),
    );
    finding.item = Some(second.id.clone());
    finding.file = item_file(dataset, second.files.iter().copied());
    Some(finding)
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
