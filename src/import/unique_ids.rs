//! Hands out ids that are unique within one kind of record, keeping the wanted id when free.

use std::borrow::Cow;

use crate::model::text_set::TextSet;

/// The ids taken so far.
#[derive(Default)]
pub struct UniqueIds {
    taken: TextSet,
}

impl UniqueIds {
    /// `wanted` if it is free, else `wanted-2`, `wanted-3`, … (the first that is free).
    pub fn claim<'w>(&mut self, wanted: &'w str) -> Cow<'w, str> {
        if self.taken.insert(wanted).1 {
            return Cow::Borrowed(wanted);
        }
        let mut suffix = 2_usize;
        loop {
            let candidate = format!("{wanted}-{suffix}");
            if self.taken.insert(&candidate).1 {
                return Cow::Owned(candidate);
            }
            suffix += 1;
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
}
