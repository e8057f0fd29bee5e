//! A set of many short texts (ids, URLs) kept end to end in one buffer and found by hash: a
//! hundred thousand keys cost a few allocations to build and as few to free, where a set of
//! `String`s would cost one each.

use super::id_index::IdIndex;

/// Texts numbered in the order they were added.
#[derive(Default)]
pub(crate) struct TextSet {
    text: String,
    /// Where each text ends in `text`.
    ends: Vec<usize>,
    index: IdIndex,
}

impl TextSet {
    /// The number of `key`, if it is in the set.
    pub(crate) fn position(&self, key: &str) -> Option<usize> {
        let Self { text, ends, index } = self;
        index.get(key, |at| text_at(text, ends, at))
    }

    /// Adds `key` unless it is there; its number, and whether it was added.
    pub(crate) fn insert(&mut self, key: &str) -> (usize, bool) {
        let Self { text, ends, index } = self;
        let new_position = ends.len();
        match index.get_or_insert(key, new_position, |at| text_at(text, ends, at)) {
            Some(position) => (position, false),
            None => {
                text.push_str(key);
                ends.push(text.len());
                (new_position, true)
            }
        }
    }
}

fn text_at<'a>(text: &'a str, ends: &[usize], position: usize) -> Option<&'a str> {
    let end = *ends.get(position)?;
    let start = match position.checked_sub(1) {
        Some(previous) => *ends.get(previous)?,
        None => 0,
    };
    text.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_numbered_in_the_order_they_are_first_added() {
        let mut set = TextSet::default();
        assert_eq!(set.insert("b"), (0, true));
        assert_eq!(set.insert("a"), (1, true));
        assert_eq!(set.insert("b"), (0, false));
        assert_eq!(set.insert(""), (2, true));
        assert_eq!(set.position("a"), Some(1));
        assert_eq!(set.position(""), Some(2));
        assert_eq!(set.position("ab"), None);
    }
}
