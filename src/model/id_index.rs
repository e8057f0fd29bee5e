//! Finds items by id without a second copy of every id: a map from a 64-bit hash of the id to
//! the item's index, checked against the item's own id on every hit.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use super::fast_hash::FastHasher;

/// Item indices by the hash of their id. An id whose hash collides with another id's hash
/// (about one in 10^7 for a million ids) is kept in full in a second map.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdIndex<S = FastHasher> {
    id_hasher: S,
    index_by_hash: HashMap<u64, usize, BuildHasherDefault<HashIsKey>>,
    index_by_colliding_id: HashMap<String, usize>,
}

impl<S: BuildHasher> IdIndex<S> {
    /// The hash `id` is filed under (to compute ahead, on another thread).
    pub(crate) fn hash_of(&self, id: &str) -> u64 {
        self.id_hasher.hash_one(id)
    }

    /// The index of the item with `id`; `id_at` gives the id of the item at an index.
    pub(crate) fn get<'a>(
        &self,
        id: &str,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        self.get_hashed(self.hash_of(id), id, id_at)
    }

    /// [`IdIndex::get`] with `hash` = [`IdIndex::hash_of`] `id`.
    pub(crate) fn get_hashed<'a>(
        &self,
        hash: u64,
        id: &str,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        let &index = self.index_by_hash.get(&hash)?;
        if id_at(index) == Some(id) {
            Some(index)
        } else {
            self.index_by_colliding_id.get(id).copied()
        }
    }

    /// The index of the item with `id` if there is one; otherwise records `new_index` for it
    /// and returns `None`.
    pub(crate) fn get_or_insert<'a>(
        &mut self,
        id: &str,
        new_index: usize,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        self.get_or_insert_hashed(self.hash_of(id), id, new_index, id_at)
    }

    /// [`IdIndex::get_or_insert`] with `hash` = [`IdIndex::hash_of`] `id`.
    pub(crate) fn get_or_insert_hashed<'a>(
        &mut self,
        hash: u64,
        id: &str,
        new_index: usize,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        match self.index_by_hash.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(new_index);
                None
            }
            Entry::Occupied(slot) if id_at(*slot.get()) == Some(id) => Some(*slot.get()),
            Entry::Occupied(_) => match self.index_by_colliding_id.entry(id.to_owned()) {
                Entry::Occupied(slot) => Some(*slot.get()),
                Entry::Vacant(slot) => {
                    slot.insert(new_index);
                    None
                }
            },
        }
    }

    pub(crate) fn reserve(&mut self, additional: usize) {
        self.index_by_hash.reserve(additional);
    }

    /// Follows a reordering of the items.
    pub(crate) fn remap(&mut self, new_index_of_old: &[usize]) {
        let indices = self
            .index_by_hash
            .values_mut()
            .chain(self.index_by_colliding_id.values_mut());
        for index in indices {
            if let Some(&new_index) = new_index_of_old.get(*index) {
                *index = new_index;
            }
        }
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct HashIsKey(u64);

impl Hasher for HashIsKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives every id the same hash, to exercise the collision path.
    #[derive(Default)]
    struct ConstantHasher;

    impl Hasher for ConstantHasher {
        fn finish(&self) -> u64 {
            42
        }

        fn write(&mut self, _bytes: &[u8]) {}
    }

    #[test]
    fn ids_with_colliding_hashes_are_still_told_apart() {
        let ids = ["a", "b", "c"];
        let id_at = |index: usize| ids.get(index).copied();
        let mut index: IdIndex<BuildHasherDefault<ConstantHasher>> = IdIndex::default();
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(index.get_or_insert(id, position, id_at), None);
        }
        assert_eq!(index.get_or_insert("b", 9, id_at), Some(1));
        assert_eq!(index.get("c", id_at), Some(2));
        assert_eq!(index.get("d", id_at), None);

        index.remap(&[2, 0, 1]);
        let reordered = ["b", "c", "a"];
        let id_at = |index: usize| reordered.get(index).copied();
        assert_eq!(index.get("a", id_at), Some(2));
        assert_eq!(index.get("b", id_at), Some(0));
        assert_eq!(index.get("c", id_at), Some(1));
    }
}
