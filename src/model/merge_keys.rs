//! What makes two items from different files "the same": normalised titles and URLs, hashed.
//!
//! Events are candidates for sameness by date plus title compared without case, punctuation or
//! repeated spaces (a title without letters or digits is compared as written, with the
//! summary); sources by URL (scheme, `www.`, trailing `/` and `#fragment` ignored), or by
//! outlet, title and publication date. Whether candidates really merge is decided by the
//! dataset (`model::dataset`), which compares them in full.

use std::borrow::Cow;
use std::hash::{BuildHasher, Hash, Hasher};

use super::date::PartialDate;
use super::fast_hash::FastHasher;

/// Feeds the letters and digits of `text`, lowercased, with one space between words.
fn hash_normalised_text(text: &str, hasher: &mut impl Hasher) {
    let mut words = NormalisedBytes {
        buffer: [0; 64],
        length: 0,
        hasher,
    };
    let mut pending_space = false;
    let mut any = false;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            pending_space = true;
            continue;
        }
        if pending_space && any {
            words.push(b' ');
        }
        pending_space = false;
        any = true;
        if c.is_ascii() {
            words.push(c.to_ascii_lowercase() as u8);
        } else {
            for lower in c.to_lowercase() {
                let mut utf8 = [0; 4];
                for &byte in lower.encode_utf8(&mut utf8).as_bytes() {
                    words.push(byte);
                }
            }
        }
    }
    words.flush();
}

/// Feeds bytes to a hasher 64 at a time (the same text always in the same pieces).
struct NormalisedBytes<'a, H: Hasher> {
    buffer: [u8; 64],
    length: usize,
    hasher: &'a mut H,
}

impl<H: Hasher> NormalisedBytes<'_, H> {
    fn push(&mut self, byte: u8) {
        if self.length == self.buffer.len() {
            self.flush();
        }
        self.buffer[self.length] = byte;
        self.length += 1;
    }

    fn flush(&mut self) {
        self.hasher.write(&self.buffer[..self.length]);
        self.length = 0;
    }
}

/// Whether a text has a letter or a digit (what normalised comparison keeps).
pub(crate) fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Feeds a text as [`same_text`] compares it: normalised when it has words, else as written
/// (trimmed), so that titles made only of punctuation or emoji do not all look alike.
fn hash_matching_text(text: &str, hasher: &mut impl Hasher) {
    if has_words(text) {
        hasher.write_u8(1);
        hash_normalised_text(text, hasher);
    } else {
        hasher.write_u8(2);
        hasher.write(text.trim().as_bytes());
    }
}

/// The key of a text as [`same_text`] compares it.
pub(crate) fn matching_text_key(text: &str) -> u64 {
    let mut hasher = FastHasher::default().build_hasher();
    hash_matching_text(text, &mut hasher);
    hasher.finish()
}

/// Whether two texts are the same for matching: the same words ignoring case, punctuation and
/// spacing when either has words, else the same characters (trimmed).
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    if has_words(a) || has_words(b) {
        same_words(a, b)
    } else {
        a.trim() == b.trim()
    }
}

/// Whether two texts have the same words, ignoring case, punctuation and spacing (what the
/// keys hash; compared in full so that a hash collision never merges two items).
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    let mut a = normalised_chars(a);
    let mut b = normalised_chars(b);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (x, y) if x == y => {}
            _ => return false,
        }
    }
}

/// The characters [`hash_normalised_text`] feeds, one space between words.
fn normalised_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .enumerate()
        .flat_map(|(index, word)| {
            (index > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().flat_map(char::to_lowercase))
        })
}

/// The key of an event for "same date and same title". An event whose title has no letters or
/// digits is keyed by its title as written and its summary, so that it meets only events
/// written the same way.
pub(crate) fn event_content_key(date: PartialDate, title: &str, summary: &str) -> u64 {
    let mut hasher = FastHasher::default().build_hasher();
    date.hash(&mut hasher);
    hash_matching_text(title, &mut hasher);
    if !has_words(title) {
        hash_matching_text(summary, &mut hasher);
    }
    hasher.finish()
}

/// The key of an era for "same period and title".
pub(crate) fn era_key(start: PartialDate, end: PartialDate, title: &str) -> u64 {
    let mut hasher = FastHasher::default().build_hasher();
    start.hash(&mut hasher);
    end.hash(&mut hasher);
    hash_matching_text(title, &mut hasher);
    hasher.finish()
}

/// The key of a source for "same outlet, title and publication date".
pub(crate) fn source_citation_key(outlet: &str, title: &str, published: PartialDate) -> u64 {
    let mut hasher = FastHasher::default().build_hasher();
    hash_normalised_text(outlet, &mut hasher);
    hasher.write_u8(0xff);
    hash_normalised_text(title, &mut hasher);
    published.hash(&mut hasher);
    hasher.finish()
}

/// The key of a quote for "same words in the same source".
pub(crate) fn quote_text_key(source: usize, text: &str) -> u64 {
    let mut hasher = FastHasher::default().build_hasher();
    source.hash(&mut hasher);
    hash_matching_text(text, &mut hasher);
    hasher.finish()
}

/// What identifies the page a URL points at: `https://www.Example.org/a/#top` → host
/// `example.org`, path `a`.
#[derive(PartialEq, Eq)]
struct PageAddress<'a> {
    /// Lowercased, without `www.`.
    host: Cow<'a, str>,
    /// Without the leading and trailing `/`.
    path: &'a str,
}

fn page_address(url: &str) -> Option<PageAddress<'_>> {
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
    let host = match host.get(..4) {
        Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
        _ => host,
    };
    let host = if host.chars().any(char::is_uppercase) {
        Cow::Owned(host.to_lowercase())
    } else {
        Cow::Borrowed(host)
    };
    Some(PageAddress {
        host,
        path: path.trim_end_matches('/'),
    })
}

/// The key of a source for "same URL" (scheme, `www.`, host case, trailing `/` and
/// `#fragment` ignored); `None` for a blank URL. Equal keys are confirmed with [`same_page`].
pub(crate) fn url_key(url: &str) -> Option<u64> {
    let address = page_address(url)?;
    let mut hasher = FastHasher::default().build_hasher();
    hasher.write(address.host.as_bytes());
    hasher.write_u8(b'/');
    hasher.write(address.path.as_bytes());
    Some(hasher.finish())
}

/// Whether two URLs point at the same page, by the rules of [`url_key`].
pub(crate) fn same_page(a: &str, b: &str) -> bool {
    matches!((page_address(a), page_address(b)), (Some(a), Some(b)) if a == b)
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
            event_content_key(day("2022-03-29"), "Talks in Istanbul", "a"),
            event_content_key(day("2022-03-29"), "  talks in   Istanbul!", "b")
        );
        assert!(same_text("Talks in Istanbul", "  talks in   Istanbul!"));
    }

    #[test]
    fn a_different_date_or_word_gives_another_event_key() {
        let key = event_content_key(day("2022-03-29"), "Talks in Istanbul", "");
        let other = |date: &str, title: &str| event_content_key(day(date), title, "");
        assert_ne!(key, other("2022-03-30", "Talks in Istanbul"));
        assert_ne!(key, other("2022-03", "Talks in Istanbul"));
        assert_ne!(key, other("2022-03-29", "Talks in Ankara"));
        assert_ne!(key, other("2022-03-29", "Talksin Istanbul"));
        assert!(!same_text("Talks in Istanbul", "Talksin Istanbul"));
    }

    #[test]
    fn titles_without_letters_are_compared_as_written_with_their_summary() {
        let date = day("2020-01-01");
        assert_ne!(
            event_content_key(date, "🎉", ""),
            event_content_key(date, "🚀", "")
        );
        assert_ne!(
            event_content_key(date, "", "One thing"),
            event_content_key(date, "", "Another thing")
        );
        assert_eq!(
            event_content_key(date, "", "One thing"),
            event_content_key(date, " ", "one thing.")
        );
        assert!(!same_text("🎉", "🚀"));
        assert!(!same_text("!!!", "?"));
        assert!(same_text("🎉", " 🎉 "));
    }

    #[test]
    fn urls_match_without_scheme_www_host_case_trailing_slash_or_fragment() {
        let key = url_key("https://www.Example.org/news/a/#top");
        assert_eq!(key, url_key("http://example.org/news/a"));
        assert_eq!(key, url_key("example.org/news/a"));
        assert!(same_page(
            "https://www.Example.org/news/a/#top",
            "http://example.org/news/a"
        ));
        assert_ne!(key, url_key("https://example.org/news/b"));
        assert_ne!(key, url_key("https://example.org/News/a"));
        assert!(!same_page(
            "https://example.org/news/a",
            "https://example.org/news/b"
        ));
        assert_eq!(url_key("   "), None);
        assert!(!same_page("", ""));
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
