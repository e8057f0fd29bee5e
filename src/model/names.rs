//! Names that many events share (actors, tags), each stored once and referred to by a small id.

use super::id_index::IdIndex;
use super::packed::compact_index;

/// A name in a dataset's table of names (see [`crate::model::Dataset::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameId(pub(crate) u32);

impl NameId {
    /// Position in the table, for per-name arrays such as counts.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Every distinct name, once, in the order first seen.
#[derive(Clone, Debug, Default)]
pub struct Names {
    names: Vec<Box<str>>,
    index: IdIndex,
}

impl Names {
    /// The text of a name; empty for an id from another table.
    pub fn get(&self, id: NameId) -> &str {
        self.names.get(id.index()).map_or("", |name| name)
    }

    /// The id of `name`, if some event has it.
    pub fn find(&self, name: &str) -> Option<NameId> {
        let names = &self.names;
        self.index
            .get(name, |index| names.get(index).map(|name| &**name))
            .map(|index| NameId(compact_index(index)))
    }

    /// The id of `name`, adding it if new. (Ids saturate at `u32::MAX`, which no table in
    /// memory reaches.)
    pub(crate) fn intern(&mut self, name: &str) -> NameId {
        let names = &self.names;
        let new_index = names.len();
        let existing = self.index.get_or_insert(name, new_index, |index| {
            names.get(index).map(|name| &**name)
        });
        let index = existing.unwrap_or_else(|| {
            self.names.push(name.into());
            new_index
        });
        NameId(compact_index(index))
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_stored_once() {
        let mut names = Names::default();
        let russia = names.intern("Russia");
        let ukraine = names.intern("Ukraine");
        assert_eq!(names.intern("Russia"), russia);
        assert_ne!(russia, ukraine);
        assert_eq!(names.len(), 2);
        assert_eq!(names.get(ukraine), "Ukraine");
        assert_eq!(names.find("Ukraine"), Some(ukraine));
        assert_eq!(names.find("OSCE"), None);
        assert_eq!(names.get(NameId(99)), "");
    }
}
