//! What makes two items from different files "the same": normalised titles and URLs, hashed.
//!
//! Events match by id, or by date plus title compared without case, punctuation or repeated
//! spaces; sources by id, by URL (scheme, `www.`, trailing `/` and `#fragment` ignored), or by
//! outlet, title and publication date.

use std::hash::{BuildHasher, Hash, Hasher};

use super::date::PartialDate;

/// A fixed, fast hasher (the Fx multiply-rotate scheme) so keys are comparable within a merge;
/// keys are never stored in files, and a collision is caught by comparing the texts.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct KeyHasher;

impl BuildHasher for KeyHasher {
    type Hasher = FxHasher;

    fn build_hasher(&self) -> Self::Hasher {
        FxHasher(0)
    }
}

pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u8(&mut self, value: u8) {
        self.write_u64(u64::from(value));
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Feeds the letters and digits of `text`, lowercased, with one space between words.
fn hash_normalised_text(text: &str, hasher: &mut impl Hasher) {
    let mut pending_space = false;
    let mut any = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && any {
                hasher.write_u8(b' ');
            }
            pending_space = false;
            any = true;
            for lower in c.to_lowercase() {
                hasher.write_u32(lower as u32);
            }
        } else {
            pending_space = true;
        }
    }
}

/// The key of an event for "same date and same title".
pub(crate) fn event_title_key(date: PartialDate, title: &str) -> u64 {
    let mut hasher = KeyHasher.build_hasher();
    date.hash(&mut hasher);
    hash_normalised_text(title, &mut hasher);
    hasher.finish()
}

/// The key of a source for "same outlet, title and publication date".
pub(crate) fn source_citation_key(outlet: &str, title: &str, published: PartialDate) -> u64 {
    let mut hasher = KeyHasher.build_hasher();
    hash_normalised_text(outlet, &mut hasher);
    hasher.write_u8(0xff);
    hash_normalised_text(title, &mut hasher);
    published.hash(&mut hasher);
    hasher.finish()
}

/// The key of a quote for "same words in the same source".
pub(crate) fn quote_text_key(source: usize, text: &str) -> u64 {
    let mut hasher = KeyHasher.build_hasher();
    source.hash(&mut hasher);
    hash_normalised_text(text, &mut hasher);
    hasher.finish()
}

/// A URL reduced to what identifies the page: `https://www.Example.org/a/#top` → `example.org/a`.
pub(crate) fn normalised_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let without_fragment = url.split('#').next().unwrap_or(url);
    let without_scheme = without_fragment
        .split_once("://")
        .map_or(without_fragment, |(_, rest)| rest);
    let (host, path) = without_scheme
        .split_once('/')
        .map_or((without_scheme, ""), |(host, path)| (host, path));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = path.trim_end_matches('/');
    Some(if path.is_empty() {
        host.to_owned()
    } else {
        format!("{host}/{path}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    #[test]
    fn titles_differing_in_case_punctuation_and_spaces_give_the_same_event_key() {
        assert_eq!(
            event_title_key(day("2022-03-29"), "Talks in Istanbul"),
            event_title_key(day("2022-03-29"), "  talks in   Istanbul!")
        );
    }

    #[test]
    fn a_different_date_or_word_gives_another_event_key() {
        let key = event_title_key(day("2022-03-29"), "Talks in Istanbul");
        assert_ne!(key, event_title_key(day("2022-03-30"), "Talks in Istanbul"));
        assert_ne!(key, event_title_key(day("2022-03"), "Talks in Istanbul"));
        assert_ne!(key, event_title_key(day("2022-03-29"), "Talks in Ankara"));
        assert_ne!(key, event_title_key(day("2022-03-29"), "Talksin Istanbul"));
    }

    #[test]
    fn urls_match_without_scheme_www_trailing_slash_or_fragment() {
        assert_eq!(
            normalised_url("https://www.Example.org/news/a/#top"),
            Some("example.org/news/a".to_owned())
        );
        assert_eq!(
            normalised_url("http://example.org/news/a"),
            normalised_url("https://example.org/news/a/")
        );
        assert_ne!(
            normalised_url("https://example.org/news/a"),
            normalised_url("https://example.org/news/b")
        );
        assert_eq!(normalised_url("   "), None);
    }

    #[test]
    fn sources_match_by_outlet_title_and_date() {
        let key = source_citation_key("Middle East Eye", "Putin not ready", day("2022-03-20"));
        assert_eq!(
            key,
            source_citation_key("middle east eye", "Putin not ready.", day("2022-03-20"))
        );
        assert_ne!(
            key,
            source_citation_key("Middle East Eye", "Putin not ready", day("2022-03-21"))
        );
    }
}
