//! The quotes of the loaded chronology, indexed so that an article being imported can be
//! compared with them: the same words in other wording, or attributed to someone else.
//!
//! Built once per dataset (linear in its quotes' words); comparing a quote costs the few loaded
//! quotes that share a run of three words with it (see [`super::quote_variants`]).

use std::collections::HashMap;

use super::finding::{Finding, FindingKind};
use super::quote_variants::{MAX_CHANGED_SHARE, MIN_WORDS, quote_words, triple_hash};
use super::unverified_quotes::excerpt;
use crate::article_import::{ArticleImport, UNKNOWN_SPEAKER};
use crate::model::dataset::Dataset;

/// Each triple of words proposes at most this many loaded quotes.
const MAX_CANDIDATES_PER_TRIPLE: usize = 32;

/// A quote of the article being imported.
#[derive(Clone, Copy, Debug)]
pub struct ArticleQuote<'a> {
    pub text: &'a str,
    pub speaker: &'a str,
}

impl<'a> ArticleQuote<'a> {
    /// The quotes an article import found, to compare.
    pub fn all_of(import: &'a ArticleImport) -> Vec<Self> {
        import
            .quotes
            .iter()
            .map(|quote| ArticleQuote {
                text: &quote.text,
                speaker: &quote.speaker,
            })
            .collect()
    }
}

#[derive(Clone, Debug)]
struct KnownQuote {
    id: String,
    text: String,
    speaker: String,
    outlet: String,
    words: Vec<String>,
}

/// The loaded quotes and the triples of words they hold.
#[derive(Clone, Debug, Default)]
pub struct KnownQuotes {
    quotes: Vec<KnownQuote>,
    by_triple: HashMap<u64, Vec<u32>>,
}

impl KnownQuotes {
    pub fn of(dataset: &Dataset) -> Self {
        let mut known = Self::default();
        for quote in &dataset.quotes {
            let Ok(index) = u32::try_from(known.quotes.len()) else {
                break;
            };
            let words = quote_words(&quote.text);
            if words.len() < MIN_WORDS {
                continue;
            }
            let mut triples: Vec<u64> = words.windows(3).map(triple_hash).collect();
            triples.sort_unstable();
            triples.dedup();
            for triple in triples {
                let holders = known.by_triple.entry(triple).or_default();
                if holders.len() < MAX_CANDIDATES_PER_TRIPLE {
                    holders.push(index);
                }
            }
            known.quotes.push(KnownQuote {
                id: quote.id.clone(),
                text: quote.text.clone(),
                speaker: quote.speaker.clone(),
                outlet: dataset
                    .sources
                    .get(quote.source)
                    .map_or_else(|| "an unknown source".to_owned(), |s| s.outlet.clone()),
                words,
            });
        }
        known
    }

    /// A `quote-variants` finding for each article quote the chronology has in other words, or
    /// in the same words from another speaker; the first loaded quote that matches is named.
    pub fn compare(&self, quotes: &[ArticleQuote<'_>]) -> Vec<Finding> {
        quotes
            .iter()
            .filter_map(|quote| self.compare_one(quote))
            .collect()
    }

    fn compare_one(&self, quote: &ArticleQuote<'_>) -> Option<Finding> {
        let words = quote_words(quote.text);
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut candidates: Vec<u32> = words
            .windows(3)
            .filter_map(|triple| self.by_triple.get(&triple_hash(triple)))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|index| self.quotes.get(index as usize))
            .find_map(|known| difference(quote, &words, known))
    }
}

/// How an article quote differs from a loaded one it nearly repeats, if it does.
fn difference(quote: &ArticleQuote<'_>, words: &[String], known: &KnownQuote) -> Option<Finding> {
    let changed = strsim::generic_levenshtein(&known.words, &words.to_vec());
    let longer = known.words.len().max(words.len());
    #[allow(clippy::cast_precision_loss)] // quotes have far fewer than 2^52 words
    let share = changed as f64 / longer as f64;
    if share > MAX_CHANGED_SHARE {
        return None;
    }
    let speaker_known = quote.speaker != UNKNOWN_SPEAKER && !quote.speaker.is_empty();
    let other_speaker = speaker_known && !same_speaker(quote.speaker, &known.speaker);
    let message = if other_speaker {
        format!(
            "The article gives “{}” to {}; {} gives {} to {} ({}).",
            excerpt(quote.text),
            quote.speaker,
            known.outlet,
            if changed == 0 {
                "the same words".to_owned()
            } else {
                format!("nearly the same words ({changed} of {longer} changed)")
            },
            known.speaker,
            known.id
        )
    } else if changed > 0 {
        format!(
            "{}'s words differ between the article (“{}”) and {} (“{}”, {}): {changed} of \
             {longer} words changed.",
            known.speaker,
            excerpt(quote.text),
            known.outlet,
            excerpt(&known.text),
            known.id
        )
    } else {
        return None;
    };
    let mut finding = Finding::new(FindingKind::QuoteVariants, message);
    finding.phrase = Some(quote.text.to_owned());
    finding.item = Some(known.id.clone());
    Some(finding)
}

/// "Peskov" and "Dmitry Peskov" are one speaker: one name's words all in the other.
fn same_speaker(a: &str, b: &str) -> bool {
    let words = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|word| long.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::builtin_dataset;

    fn known() -> KnownQuotes {
        KnownQuotes::of(&builtin_dataset().unwrap_or_else(|_| Dataset::empty()))
    }

    #[test]
    fn a_quote_in_other_words_names_the_chronologys_wording() {
        let found = known().compare(&[ArticleQuote {
            text: "there will be no Russian representatives in Turkey",
            speaker: "Dmitry Peskov",
        }]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, FindingKind::QuoteVariants);
        assert_eq!(
            found[0].item.as_deref(),
            Some("q-dawat-01-no-russian-representatives")
        );
    }

    #[test]
    fn the_same_words_from_the_same_speaker_are_no_finding() {
        let dataset = builtin_dataset().unwrap_or_else(|_| Dataset::empty());
        let quote = dataset
            .quotes
            .iter()
            .find(|q| q.id == "q-mee-01-zelensky-ready-putin-not")
            .map(|q| q.text.clone())
            .unwrap_or_default();
        let known = KnownQuotes::of(&dataset);
        assert!(
            known
                .compare(&[ArticleQuote {
                    text: &quote,
                    speaker: "Kalin",
                }])
                .is_empty()
        );
        let other = known.compare(&[ArticleQuote {
            text: &quote,
            speaker: "Mevlut Cavusoglu",
        }]);
        assert_eq!(other.len(), 1);
        assert!(
            other[0].message.contains("Ibrahim Kalin"),
            "{}",
            other[0].message
        );
    }

    #[test]
    fn an_unknown_speaker_with_the_same_words_is_no_finding() {
        let dataset = builtin_dataset().unwrap_or_else(|_| Dataset::empty());
        let quote = dataset
            .quotes
            .first()
            .map(|q| q.text.clone())
            .unwrap_or_default();
        assert!(
            KnownQuotes::of(&dataset)
                .compare(&[ArticleQuote {
                    text: &quote,
                    speaker: UNKNOWN_SPEAKER,
                }])
                .is_empty()
        );
    }
}
