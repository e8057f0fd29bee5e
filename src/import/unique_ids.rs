//! Hands out ids that are unique within one kind of record, keeping the wanted id when free.

use std::borrow::Cow;

use crate::model::fast_hash::FastHashMap;
use crate::model::text_set::TextSet;

/// The ids taken so far.
#[derive(Default)]
pub struct UniqueIds {
    taken: TextSet,
    /// For each wanted id asked for again (by its number in `taken`), the suffix to try next:
    /// every smaller one is taken, so a file that repeats one id a thousand times does not
    /// try `-2`, `-3`, … again for each repeat.
    next_suffix: FastHashMap<usize, usize>,
}

impl UniqueIds {
    /// `wanted` if it is free, else `wanted-2`, `wanted-3`, … (the first that is free).
    pub fn claim<'w>(&mut self, wanted: &'w str) -> Cow<'w, str> {
        let (position, added) = self.taken.insert(wanted);
        if added {
            return Cow::Borrowed(wanted);
        }
        let next_suffix = self.next_suffix.entry(position).or_insert(2);
        loop {
            let candidate = format!("{wanted}-{next_suffix}");
            *next_suffix += 1;
            if self.taken.insert(&candidate).1 {
                return Cow::Owned(candidate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_id_is_kept_and_a_taken_one_gets_a_suffix() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("a"), "a");
        assert_eq!(ids.claim("a"), "a-2");
        assert_eq!(ids.claim("a-3"), "a-3");
        assert_eq!(ids.claim("a"), "a-4");
    }

    #[test]
    fn a_suffix_taken_after_the_search_moved_past_it_is_not_handed_out() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("a"), "a");
        assert_eq!(ids.claim("a"), "a-2");
        assert_eq!(ids.claim("a-2"), "a-2-2");
        assert_eq!(ids.claim("a-4"), "a-4");
        assert_eq!(ids.claim("a"), "a-3");
        assert_eq!(ids.claim("a"), "a-5");
    }

    #[test]
    fn one_id_wanted_many_times_gets_every_suffix_in_turn() {
        let mut ids = UniqueIds::default();
        let claimed: Vec<String> = (0..5).map(|_| ids.claim("x").into_owned()).collect();
        assert_eq!(claimed, ["x", "x-2", "x-3", "x-4", "x-5"]);
    }
}
