//! Compact storage for what comes by the million: several strings end to end in one allocation
//! (read back by their end offsets), and lists of indices stored as `u32`.
//!
//! An event read from a file has a dozen short strings; one allocation each costs 32 to 64 bytes
//! of heap apiece. Packed, an event costs two allocations, which is what keeps a million events
//! in a few hundred megabytes.

use std::fmt;
use std::iter::FusedIterator;

use serde::{Serialize, Serializer};

/// The most text one packed item can hold: offsets are `u32`.
pub(crate) const MAX_PACKED_BYTES: usize = u32::MAX as usize;

/// The `index`-th of the strings kept end to end in `text`, string `i` ending at `ends[i]`.
/// Empty if out of range (never panics).
pub(crate) fn part<'a>(text: &'a str, ends: &[u32], index: usize) -> &'a str {
    let start = match index.checked_sub(1) {
        Some(previous) => ends.get(previous).copied().unwrap_or_default(),
        None => 0,
    };
    let end = ends.get(index).copied().unwrap_or(start);
    text.get(start as usize..end as usize).unwrap_or_default()
}

/// Lays strings end to end, noting where each ends. Text past [`MAX_PACKED_BYTES`] in all is
/// cut (at a character boundary); callers that read files check the length first and report it.
#[derive(Default)]
pub(crate) struct Packer {
    text: String,
    ends: Vec<u32>,
}

impl Packer {
    /// A packer for about `bytes` of text in `count` strings.
    pub(crate) fn with_capacity(bytes: usize, count: usize) -> Self {
        Self {
            text: String::with_capacity(bytes.min(MAX_PACKED_BYTES)),
            ends: Vec::with_capacity(count),
        }
    }

    /// Appends one string.
    pub(crate) fn push(&mut self, part: &str) {
        let room = MAX_PACKED_BYTES - self.text.len();
        let mut cut = part.len().min(room);
        while !part.is_char_boundary(cut) {
            cut -= 1;
        }
        self.text.push_str(part.get(..cut).unwrap_or_default());
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    /// Appends every string of `parts`; returns how many there were.
    pub(crate) fn extend<I>(&mut self, parts: I) -> u32
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let before = self.ends.len();
        for part in parts {
            self.push(part.as_ref());
        }
        u32::try_from(self.ends.len() - before).unwrap_or(u32::MAX)
    }

    /// Empties the packer, keeping its buffers.
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Copies of the text and the ends, each in one exact-size allocation.
    pub(crate) fn copied_out(&self) -> (Box<str>, Box<[u32]>) {
        (
            Box::from(self.text.as_str()),
            Box::from(self.ends.as_slice()),
        )
    }

    /// Lets go of buffers grown for an unusually long record, so that a scratch packer does
    /// not hold on to them.
    pub(crate) fn shrink_if_large(&mut self) {
        const KEPT_BYTES: usize = 64 * 1024;
        if self.text.capacity() > KEPT_BYTES || self.ends.capacity() > KEPT_BYTES / 4 {
            *self = Self::default();
        }
    }

    /// The text in one exact-size allocation, and the end of each string.
    pub(crate) fn finish(self) -> (Box<str>, Vec<u32>) {
        (self.text.into_boxed_str(), self.ends)
    }
}

/// Strings stored end to end in one text, such as an event's actors. Iterates as `&str`,
/// serializes as a JSON array of strings.
#[derive(Clone, Copy)]
pub struct StrList<'a> {
    text: &'a str,
    /// Where the first string starts.
    start: u32,
    /// Where each string ends.
    ends: &'a [u32],
}

impl<'a> StrList<'a> {
    /// The strings of `text` that end at `ends`, the first starting at `start`.
    pub(crate) fn new(text: &'a str, start: u32, ends: &'a [u32]) -> Self {
        Self { text, start, ends }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `index`-th string.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(self.start),
            None => self.start,
        };
        self.text.get(start as usize..end as usize)
    }

    pub fn iter(&self) -> StrIter<'a> {
        StrIter {
            text: self.text,
            start: self.start,
            ends: self.ends.iter(),
        }
    }

    /// Whether one of the strings is `text`.
    pub fn contains(&self, text: &str) -> bool {
        self.iter().any(|item| item == text)
    }

    pub fn to_vec(&self) -> Vec<&'a str> {
        self.iter().collect()
    }
}

impl<'a> IntoIterator for StrList<'a> {
    type Item = &'a str;
    type IntoIter = StrIter<'a>;

    fn into_iter(self) -> StrIter<'a> {
        self.iter()
    }
}

impl fmt::Debug for StrList<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for StrList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The strings of a [`StrList`], in order.
#[derive(Clone)]
pub struct StrIter<'a> {
    text: &'a str,
    start: u32,
    ends: std::slice::Iter<'a, u32>,
}

impl<'a> Iterator for StrIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let end = *self.ends.next()?;
        let item = self
            .text
            .get(self.start as usize..end as usize)
            .unwrap_or_default();
        self.start = end;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl<'a> DoubleEndedIterator for StrIter<'a> {
    fn next_back(&mut self) -> Option<&'a str> {
        let end = *self.ends.next_back()?;
        let start = self.ends.as_slice().last().copied().unwrap_or(self.start);
        Some(
            self.text
                .get(start as usize..end as usize)
                .unwrap_or_default(),
        )
    }
}

impl ExactSizeIterator for StrIter<'_> {}

impl FusedIterator for StrIter<'_> {}

/// Indices into one of the dataset's vectors (such as an event's sources), stored as `u32`,
/// read as `usize`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct IndexList<'a>(&'a [u32]);

/// The indices of an [`IndexList`], in order.
pub type IndexIter<'a> = std::iter::Map<std::slice::Iter<'a, u32>, fn(&u32) -> usize>;

impl<'a> IndexList<'a> {
    pub(crate) fn new(indices: &'a [u32]) -> Self {
        Self(indices)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `position`-th index.
    pub fn get(&self, position: usize) -> Option<usize> {
        self.0.get(position).map(|&index| index as usize)
    }

    pub fn iter(&self) -> IndexIter<'a> {
        self.0.iter().map(|&index| index as usize)
    }

    pub fn contains(&self, index: usize) -> bool {
        self.iter().any(|item| item == index)
    }

    pub fn to_vec(&self) -> Vec<usize> {
        self.iter().collect()
    }
}

impl<'a> IntoIterator for IndexList<'a> {
    type Item = usize;
    type IntoIter = IndexIter<'a>;

    fn into_iter(self) -> IndexIter<'a> {
        self.iter()
    }
}

impl fmt::Debug for IndexList<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.debug_list().entries(self.iter()).finish()
    }
}

/// An index as stored in an [`IndexList`]. Saturates instead of failing: no vector of the
/// dataset can reach `u32::MAX` items in memory (each item takes far more than a byte).
pub(crate) fn compact_index(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(parts: &[&str]) -> (Box<str>, Vec<u32>) {
        let mut packer = Packer::default();
        packer.extend(parts);
        packer.finish()
    }

    #[test]
    fn parts_come_back_as_they_went_in() {
        let (text, ends) = packed(&["id", "", "Ünïcode title", "x"]);
        assert_eq!(&*text, "idÜnïcode titlex");
        let parts: Vec<&str> = (0..4).map(|i| part(&text, &ends, i)).collect();
        assert_eq!(parts, ["id", "", "Ünïcode title", "x"]);
        assert_eq!(part(&text, &ends, 9), "");
    }

    #[test]
    fn a_list_iterates_both_ways_and_knows_its_length() {
        let (text, ends) = packed(&["head", "a", "", "bc"]);
        let list = StrList::new(&text, ends[0], &ends[1..]);
        assert_eq!(list.len(), 3);
        assert_eq!(list.to_vec(), ["a", "", "bc"]);
        assert_eq!(list.iter().rev().collect::<Vec<_>>(), ["bc", "", "a"]);
        assert_eq!(list.get(2), Some("bc"));
        assert_eq!(list.get(3), None);
        assert!(list.contains("a") && !list.contains("head"));
        assert_eq!(format!("{list:?}"), r#"["a", "", "bc"]"#);
        assert_eq!(
            serde_json::to_string(&list).expect("json"),
            r#"["a","","bc"]"#
        );
        let empty = StrList::new(&text, 0, &[]);
        assert!(empty.is_empty());
        assert_eq!(empty.iter().next(), None);
    }

    #[test]
    fn index_lists_read_as_usize() {
        let stored = [3_u32, 0, 7];
        let list = IndexList::new(&stored);
        assert_eq!(list.to_vec(), [3, 0, 7]);
        assert!(list.contains(7) && !list.contains(1));
        assert_eq!(list.get(1), Some(0));
        assert_eq!(format!("{list:?}"), "[3, 0, 7]");
        assert_eq!(compact_index(usize::MAX), u32::MAX);
    }
}
