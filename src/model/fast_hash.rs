//! The hasher for the maps built while importing and merging (ids, URLs, merge keys): fast on
//! short texts, and fixed, so that a merge gives the same result on every run. Its hashes are
//! never written to files.

use std::collections::HashMap;

/// foldhash with its fixed seed.
pub type FastHasher = foldhash::fast::FixedState;

/// A `HashMap` with [`FastHasher`].
pub type FastHashMap<K, V> = HashMap<K, V, FastHasher>;

/// A `HashSet` with [`FastHasher`].
pub type FastHashSet<T> = std::collections::HashSet<T, FastHasher>;
