//! One element of an article set's `"events"`, with its text packed in one allocation.
//!
//! ```text
//! { "id": "minsk-2", "date": "2015-02-12", "end": "2015-02-13", "title": "…", "summary": "…",
//!   "category": "agreement", "actors": ["…"], "tags": ["…"], "sources": ["reuters-1"],
//!   "approximate": true, "reference": "https://…" }
//! ```
//! Reading and writing follow what `#[derive(Serialize, Deserialize)]` with
//! `deny_unknown_fields` would do (same keys, defaults, omissions and error messages), but a
//! record is read with one allocation for all its text instead of one per string.

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::category::Category;
use super::date::PartialDate;
use super::packed::{MAX_PACKED_BYTES, Packer, StrList, part};

/// Something that happened on a date or over a period.
///
/// Files hold events by the million, so the text (id, title, summary, reference, actors, tags,
/// source ids) is kept end to end in one allocation: read it with the accessors, change it with
/// the `set_*` methods, build a record with [`EventRecord::new`] and the `with_*` methods.
#[derive(Clone)]
pub struct EventRecord {
    /// When it happened (or began).
    pub date: PartialDate,
    /// When it ended, for events that last (inclusive).
    pub end: Option<PartialDate>,
    /// Kind of event.
    pub category: Category,
    /// The date is uncertain.
    pub approximate: bool,
    has_reference: bool,
    /// The id was made up by an importer (the file states none), so it is no evidence that
    /// two events are the same. Not part of the format: a saved file states all its ids.
    id_made_up: bool,
    /// Id, title, summary, reference, then each actor, tag and source id, end to end.
    text: Box<str>,
    /// Where each of those strings ends in `text`.
    ends: Box<[u32]>,
    /// How many of the strings after the reference are actors; the tags follow.
    actor_count: u32,
    /// How many of the strings after the actors are tags; the source ids follow.
    tag_count: u32,
}

/// Where the lists start among the strings of a record: after id, title, summary, reference.
const HEAD: usize = 4;

/// The keys of an event object, in the order they are written.
const KEYS: &[&str] = &[
    "id",
    "date",
    "end",
    "title",
    "summary",
    "category",
    "actors",
    "tags",
    "sources",
    "approximate",
    "reference",
];

impl EventRecord {
    /// An event with no end, actors, tags, sources or reference.
    pub fn new(
        id: &str,
        date: PartialDate,
        title: &str,
        summary: &str,
        category: Category,
    ) -> Self {
        let no_strings: [&str; 0] = [];
        let packed = pack(
            [id, title, summary],
            None,
            no_strings,
            no_strings,
            no_strings,
        );
        Self::from_packed(date, None, category, false, packed)
    }

    /// Unique among the events of the file; quotes cite it.
    pub fn id(&self) -> &str {
        part(&self.text, &self.ends, 0)
    }

    /// One-line headline.
    pub fn title(&self) -> &str {
        part(&self.text, &self.ends, 1)
    }

    /// A few sentences.
    pub fn summary(&self) -> &str {
        part(&self.text, &self.ends, 2)
    }

    /// A URL with background, such as an encyclopedia article.
    pub fn reference(&self) -> Option<&str> {
        self.has_reference
            .then(|| part(&self.text, &self.ends, HEAD - 1))
    }

    /// People, states and organisations involved.
    pub fn actors(&self) -> StrList<'_> {
        self.list(HEAD, Some(self.actor_count as usize))
    }

    /// Free keywords.
    pub fn tags(&self) -> StrList<'_> {
        self.list(
            HEAD + self.actor_count as usize,
            Some(self.tag_count as usize),
        )
    }

    /// Ids of the sources that report it.
    pub fn sources(&self) -> StrList<'_> {
        let first = HEAD + self.actor_count as usize + self.tag_count as usize;
        self.list(first, None)
    }

    /// Whether the id was made up by an importer rather than stated by the file.
    pub fn id_is_made_up(&self) -> bool {
        self.id_made_up
    }

    /// Marks the id as made up by an importer (see [`EventRecord::id_is_made_up`]).
    pub fn mark_id_made_up(&mut self) {
        self.id_made_up = true;
    }

    pub fn set_id(&mut self, id: &str) {
        let packed = self.edited(|texts| texts.head[0] = id);
        self.store(packed);
    }

    pub fn set_title(&mut self, title: &str) {
        let packed = self.edited(|texts| texts.head[1] = title);
        self.store(packed);
    }

    pub fn set_summary(&mut self, summary: &str) {
        let packed = self.edited(|texts| texts.head[2] = summary);
        self.store(packed);
    }

    pub fn set_reference(&mut self, reference: Option<&str>) {
        let packed = self.edited(|texts| texts.reference = reference);
        self.store(packed);
    }

    pub fn set_actors<I>(&mut self, actors: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let actors: Vec<I::Item> = actors.into_iter().collect();
        let packed = self.edited(|texts| texts.actors = actors.iter().map(AsRef::as_ref).collect());
        self.store(packed);
    }

    pub fn set_tags<I>(&mut self, tags: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let tags: Vec<I::Item> = tags.into_iter().collect();
        let packed = self.edited(|texts| texts.tags = tags.iter().map(AsRef::as_ref).collect());
        self.store(packed);
    }

    pub fn set_sources<I>(&mut self, sources: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let sources: Vec<I::Item> = sources.into_iter().collect();
        let packed =
            self.edited(|texts| texts.sources = sources.iter().map(AsRef::as_ref).collect());
        self.store(packed);
    }

    /// The record's text with one part changed by `change`, packed anew.
    fn edited<'a>(&'a self, change: impl FnOnce(&mut Texts<'a>)) -> Packed {
        let mut texts = self.texts();
        change(&mut texts);
        texts.pack()
    }

    /// The same event with an end.
    pub fn with_end(mut self, end: PartialDate) -> Self {
        self.end = Some(end);
        self
    }

    /// The same event with a reference URL.
    pub fn with_reference(mut self, reference: &str) -> Self {
        self.set_reference(Some(reference));
        self
    }

    /// The same event with these actors.
    pub fn with_actors<I>(mut self, actors: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.set_actors(actors);
        self
    }

    /// The same event with these tags.
    pub fn with_tags<I>(mut self, tags: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.set_tags(tags);
        self
    }

    /// The same event citing these source ids.
    pub fn with_sources<I>(mut self, sources: I) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.set_sources(sources);
        self
    }

    /// An event with all its text given at once (for the dataset, which writes events back).
    pub(crate) fn from_parts<A, T, S>(head: EventHead, actors: A, tags: T, sources: S) -> Self
    where
        A: IntoIterator,
        A::Item: AsRef<str>,
        T: IntoIterator,
        T::Item: AsRef<str>,
        S: IntoIterator,
        S::Item: AsRef<str>,
    {
        let packed = pack(
            [head.id, head.title, head.summary],
            head.reference,
            actors,
            tags,
            sources,
        );
        Self::from_packed(head.date, head.end, head.category, head.approximate, packed)
    }

    /// The id, title, summary and reference, in the same allocation (the lists after them are
    /// let go in place, without a copy), with where the first three end and whether there is a
    /// reference. For the dataset, which keeps these and refers to the rest by index.
    pub(crate) fn into_head_text(self) -> (Box<str>, [u32; 3], bool) {
        let ends = [0, 1, 2].map(|index| self.ends.get(index).copied().unwrap_or_default());
        let head_end = self.ends.get(HEAD - 1).copied().unwrap_or_default() as usize;
        let mut text = String::from(self.text);
        if head_end < text.len() {
            text.truncate(head_end);
        }
        (text.into_boxed_str(), ends, self.has_reference)
    }

    /// `count` strings from the `first`-th on (all the rest if `None`).
    fn list(&self, first: usize, count: Option<usize>) -> StrList<'_> {
        let start = first
            .checked_sub(1)
            .and_then(|previous| self.ends.get(previous))
            .copied()
            .unwrap_or_default();
        let ends = match count {
            Some(count) => self.ends.get(first..first.saturating_add(count)),
            None => self.ends.get(first..),
        };
        StrList::new(&self.text, start, ends.unwrap_or_default())
    }

    /// The text, borrowed, to be packed again with a part replaced.
    fn texts(&self) -> Texts<'_> {
        Texts {
            head: [self.id(), self.title(), self.summary()],
            reference: self.reference(),
            actors: self.actors().to_vec(),
            tags: self.tags().to_vec(),
            sources: self.sources().to_vec(),
        }
    }

    fn from_packed(
        date: PartialDate,
        end: Option<PartialDate>,
        category: Category,
        approximate: bool,
        packed: Packed,
    ) -> Self {
        Self {
            date,
            end,
            category,
            approximate,
            has_reference: packed.has_reference,
            id_made_up: false,
            text: packed.text,
            ends: packed.ends,
            actor_count: packed.actor_count,
            tag_count: packed.tag_count,
        }
    }

    fn store(&mut self, packed: Packed) {
        self.text = packed.text;
        self.ends = packed.ends;
        self.has_reference = packed.has_reference;
        self.actor_count = packed.actor_count;
        self.tag_count = packed.tag_count;
    }
}

/// The plain values of an event, for [`EventRecord::from_parts`].
pub(crate) struct EventHead<'a> {
    pub id: &'a str,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub title: &'a str,
    pub summary: &'a str,
    pub category: Category,
    pub approximate: bool,
    pub reference: Option<&'a str>,
}

/// The text of a record, borrowed, while one part is replaced.
struct Texts<'a> {
    head: [&'a str; 3],
    reference: Option<&'a str>,
    actors: Vec<&'a str>,
    tags: Vec<&'a str>,
    sources: Vec<&'a str>,
}

/// The text of a record, packed.
struct Packed {
    text: Box<str>,
    ends: Box<[u32]>,
    has_reference: bool,
    actor_count: u32,
    tag_count: u32,
}

impl Texts<'_> {
    fn pack(self) -> Packed {
        pack(
            self.head,
            self.reference,
            self.actors,
            self.tags,
            self.sources,
        )
    }
}

/// Packs the text of a record.
fn pack<A, T, S>(head: [&str; 3], reference: Option<&str>, actors: A, tags: T, sources: S) -> Packed
where
    A: IntoIterator,
    A::Item: AsRef<str>,
    T: IntoIterator,
    T::Item: AsRef<str>,
    S: IntoIterator,
    S::Item: AsRef<str>,
{
    thread_local! {
        /// Gathers a record's text before it is copied out at its exact size: two allocations
        /// per record instead of a growing buffer and its shrinking.
        static SCRATCH: RefCell<Packer> = RefCell::new(Packer::default());
    }
    SCRATCH.with(|scratch| {
        let mut fresh = Packer::default();
        let mut borrowed = scratch.try_borrow_mut();
        let packer = borrowed.as_deref_mut().unwrap_or(&mut fresh);
        packer.clear();
        packer.extend(head);
        packer.push(reference.unwrap_or_default());
        let actor_count = packer.extend(actors);
        let tag_count = packer.extend(tags);
        packer.extend(sources);
        let (text, ends) = packer.copied_out();
        packer.shrink_if_large();
        Packed {
            text,
            ends,
            has_reference: reference.is_some(),
            actor_count,
            tag_count,
        }
    })
}

/// Records are equal when their content is: whether an importer made up the id is not content.
impl PartialEq for EventRecord {
    fn eq(&self, other: &Self) -> bool {
        (
            self.date,
            self.end,
            self.category,
            self.approximate,
            self.has_reference,
            &self.text,
            &self.ends,
            self.actor_count,
            self.tag_count,
        ) == (
            other.date,
            other.end,
            other.category,
            other.approximate,
            other.has_reference,
            &other.text,
            &other.ends,
            other.actor_count,
            other.tag_count,
        )
    }
}

impl fmt::Debug for EventRecord {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("EventRecord")
            .field("id", &self.id())
            .field("date", &self.date)
            .field("end", &self.end)
            .field("title", &self.title())
            .field("summary", &self.summary())
            .field("category", &self.category)
            .field("actors", &self.actors())
            .field("tags", &self.tags())
            .field("sources", &self.sources())
            .field("approximate", &self.approximate)
            .field("reference", &self.reference())
            .finish()
    }
}

impl Serialize for EventRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let optional = [self.end.is_some(), self.approximate, self.has_reference];
        let len = 8 + optional.iter().filter(|present| **present).count();
        let mut state = serializer.serialize_struct("EventRecord", len)?;
        state.serialize_field("id", self.id())?;
        state.serialize_field("date", &self.date)?;
        match &self.end {
            Some(end) => state.serialize_field("end", end)?,
            None => state.skip_field("end")?,
        }
        state.serialize_field("title", self.title())?;
        state.serialize_field("summary", self.summary())?;
        state.serialize_field("category", &self.category)?;
        state.serialize_field("actors", &self.actors())?;
        state.serialize_field("tags", &self.tags())?;
        state.serialize_field("sources", &self.sources())?;
        if self.approximate {
            state.serialize_field("approximate", &true)?;
        } else {
            state.skip_field("approximate")?;
        }
        match self.reference() {
            Some(reference) => state.serialize_field("reference", reference)?,
            None => state.skip_field("reference")?,
        }
        state.end()
    }
}

impl<'de> Deserialize<'de> for EventRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        EventSeed(&mut EventScratch::default()).deserialize(deserializer)
    }
}

/// Reads the `"events"` array: JSON objects only, with one scratch buffer for all of them.
pub(crate) fn event_objects<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<EventRecord>, D::Error> {
    struct EventsVisitor;

    impl<'de> Visitor<'de> for EventsVisitor {
        type Value = Vec<EventRecord>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("an array of objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<EventRecord>, A::Error> {
            let mut scratch = EventScratch::default();
            let mut events = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(event) = seq.next_element_seed(EventSeed(&mut scratch))? {
                events.push(event);
            }
            Ok(events)
        }
    }

    deserializer.deserialize_seq(EventsVisitor)
}

/// Buffers reused from one record to the next while reading: every string of the record as it
/// comes, and where the list items are in it.
#[derive(Default)]
struct EventScratch {
    text: String,
    items: Vec<Range<usize>>,
}

/// Reads one event from a JSON object (never from an array).
struct EventSeed<'s>(&'s mut EventScratch);

impl<'de> DeserializeSeed<'de> for EventSeed<'_> {
    type Value = EventRecord;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<EventRecord, D::Error> {
        deserializer.deserialize_map(self)
    }
}

/// A key of an event object.
#[derive(Clone, Copy)]
enum Key {
    Id,
    Date,
    End,
    Title,
    Summary,
    Category,
    Actors,
    Tags,
    Sources,
    Approximate,
    Reference,
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "date" => Key::Date,
            "end" => Key::End,
            "title" => Key::Title,
            "summary" => Key::Summary,
            "category" => Key::Category,
            "actors" => Key::Actors,
            "tags" => Key::Tags,
            "sources" => Key::Sources,
            "approximate" => Key::Approximate,
            "reference" => Key::Reference,
            _ => return Err(E::unknown_field(key, KEYS)),
        })
    }
}

/// Appends a string to the scratch text; gives where it is.
struct StrSeed<'s>(&'s mut String);

impl<'de> DeserializeSeed<'de> for StrSeed<'_> {
    type Value = Range<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Range<usize>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for StrSeed<'_> {
    type Value = Range<usize>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Range<usize>, E> {
        let start = self.0.len();
        self.0.push_str(text);
        Ok(start..self.0.len())
    }
}

/// A string or `null`.
struct OptionalStrSeed<'s>(&'s mut String);

impl<'de> DeserializeSeed<'de> for OptionalStrSeed<'_> {
    type Value = Option<Range<usize>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for OptionalStrSeed<'_> {
    type Value = Option<Range<usize>>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        StrSeed(self.0).deserialize(deserializer).map(Some)
    }
}

/// An array of strings, appended to the scratch text; gives where its items are in `items`.
struct StrListSeed<'s>(&'s mut EventScratch);

impl<'de> DeserializeSeed<'de> for StrListSeed<'_> {
    type Value = Range<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Range<usize>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for StrListSeed<'_> {
    type Value = Range<usize>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Range<usize>, A::Error> {
        let scratch = self.0;
        let first = scratch.items.len();
        while let Some(item) = seq.next_element_seed(StrSeed(&mut scratch.text))? {
            scratch.items.push(item);
        }
        Ok(first..scratch.items.len())
    }
}

/// What has been read of one event object so far.
#[derive(Default)]
struct Fields {
    id: Option<Range<usize>>,
    date: Option<PartialDate>,
    end: Option<Option<PartialDate>>,
    title: Option<Range<usize>>,
    summary: Option<Range<usize>>,
    category: Option<Category>,
    actors: Option<Range<usize>>,
    tags: Option<Range<usize>>,
    sources: Option<Range<usize>>,
    approximate: Option<bool>,
    reference: Option<Option<Range<usize>>>,
}

/// Fails like serde's derived code when a key comes twice.
fn first_time<T, E: de::Error>(slot: &Option<T>, key: &'static str) -> Result<(), E> {
    match slot {
        Some(_) => Err(E::duplicate_field(key)),
        None => Ok(()),
    }
}

impl<'de> Visitor<'de> for EventSeed<'_> {
    type Value = EventRecord;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("struct EventRecord")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<EventRecord, M::Error> {
        let scratch = self.0;
        scratch.text.clear();
        scratch.items.clear();
        let mut fields = Fields::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Key::Id => {
                    first_time(&fields.id, "id")?;
                    fields.id = Some(map.next_value_seed(StrSeed(&mut scratch.text))?);
                }
                Key::Date => {
                    first_time(&fields.date, "date")?;
                    fields.date = Some(map.next_value()?);
                }
                Key::End => {
                    first_time(&fields.end, "end")?;
                    fields.end = Some(map.next_value()?);
                }
                Key::Title => {
                    first_time(&fields.title, "title")?;
                    fields.title = Some(map.next_value_seed(StrSeed(&mut scratch.text))?);
                }
                Key::Summary => {
                    first_time(&fields.summary, "summary")?;
                    fields.summary = Some(map.next_value_seed(StrSeed(&mut scratch.text))?);
                }
                Key::Category => {
                    first_time(&fields.category, "category")?;
                    fields.category = Some(map.next_value()?);
                }
                Key::Actors => {
                    first_time(&fields.actors, "actors")?;
                    fields.actors = Some(map.next_value_seed(StrListSeed(scratch))?);
                }
                Key::Tags => {
                    first_time(&fields.tags, "tags")?;
                    fields.tags = Some(map.next_value_seed(StrListSeed(scratch))?);
                }
                Key::Sources => {
                    first_time(&fields.sources, "sources")?;
                    fields.sources = Some(map.next_value_seed(StrListSeed(scratch))?);
                }
                Key::Approximate => {
                    first_time(&fields.approximate, "approximate")?;
                    fields.approximate = Some(map.next_value()?);
                }
                Key::Reference => {
                    first_time(&fields.reference, "reference")?;
                    fields.reference =
                        Some(map.next_value_seed(OptionalStrSeed(&mut scratch.text))?);
                }
            }
        }
        let missing = <M::Error as de::Error>::missing_field;
        let id = fields.id.ok_or_else(|| missing("id"))?;
        let date = fields.date.ok_or_else(|| missing("date"))?;
        let title = fields.title.ok_or_else(|| missing("title"))?;
        let summary = fields.summary.ok_or_else(|| missing("summary"))?;
        let category = fields.category.ok_or_else(|| missing("category"))?;
        if scratch.text.len() > MAX_PACKED_BYTES {
            return Err(de::Error::custom(
                "the text of this event is longer than 4 GiB",
            ));
        }

        // Every string read is kept, so the text is exactly as long as the scratch text.
        let text = scratch.text.as_str();
        let items = scratch.items.as_slice();
        let at = |range: Range<usize>| text.get(range).unwrap_or_default();
        let list = |range: Option<Range<usize>>| {
            items
                .get(range.unwrap_or_default())
                .unwrap_or_default()
                .iter()
                .map(|item| at(item.clone()))
        };
        let reference = fields.reference.flatten();
        let mut packer = Packer::with_capacity(text.len(), HEAD + items.len());
        packer.push(at(id));
        packer.push(at(title));
        packer.push(at(summary));
        packer.push(reference.clone().map(at).unwrap_or_default());
        let actor_count = packer.extend(list(fields.actors));
        let tag_count = packer.extend(list(fields.tags));
        packer.extend(list(fields.sources));
        let (text, ends) = packer.finish();
        let packed = Packed {
            text,
            ends: ends.into_boxed_slice(),
            has_reference: reference.is_some(),
            actor_count,
            tag_count,
        };
        let end = fields.end.flatten();
        let approximate = fields.approximate.unwrap_or(false);
        Ok(EventRecord::from_packed(
            date,
            end,
            category,
            approximate,
            packed,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    fn full() -> EventRecord {
        EventRecord::new(
            "e",
            date("2014-03-18"),
            "Event",
            "Summary",
            Category::Politics,
        )
        .with_end(date("2014-03-20"))
        .with_actors(["Actor", "Other"])
        .with_tags(["tag"])
        .with_sources(vec!["s".to_owned()])
        .with_reference("https://example.org/r")
    }

    #[test]
    fn accessors_read_back_what_was_set() {
        let mut event = full();
        assert_eq!(event.id(), "e");
        assert_eq!(event.title(), "Event");
        assert_eq!(event.summary(), "Summary");
        assert_eq!(event.reference(), Some("https://example.org/r"));
        assert_eq!(event.actors().to_vec(), ["Actor", "Other"]);
        assert_eq!(event.tags().to_vec(), ["tag"]);
        assert_eq!(event.sources().to_vec(), ["s"]);

        event.set_title("Longer title");
        event.set_actors(Vec::<&str>::new());
        event.set_reference(None);
        event.set_sources(["s1", "s2"]);
        assert_eq!(event.id(), "e");
        assert_eq!(event.title(), "Longer title");
        assert!(event.actors().is_empty());
        assert_eq!(event.tags().to_vec(), ["tag"]);
        assert_eq!(event.sources().to_vec(), ["s1", "s2"]);
        assert_eq!(event.reference(), None);
    }

    #[test]
    fn an_empty_reference_is_not_no_reference() {
        let event = full().with_reference("");
        assert_eq!(event.reference(), Some(""));
        assert_ne!(event, {
            let mut none = full();
            none.set_reference(None);
            none
        });
    }

    #[test]
    fn reads_what_it_writes_with_the_keys_in_order() {
        let event = full();
        let json = serde_json::to_string(&event).expect("json");
        assert_eq!(
            json,
            r#"{"id":"e","date":"2014-03-18","end":"2014-03-20","title":"Event","summary":"Summary","category":"politics","actors":["Actor","Other"],"tags":["tag"],"sources":["s"],"reference":"https://example.org/r"}"#
        );
        let back: EventRecord = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, event);
        let value = serde_json::to_value(&event).expect("value");
        assert_eq!(EventRecord::deserialize(&value).expect("from value"), event);
    }

    #[test]
    fn keys_may_come_in_any_order_with_escapes_and_nulls() {
        let json = r#"{"sources":["s"],"reference":null,"tags":[],"title":"A \"quoted\" title",
            "actors":["Б","A"],"summary":"","category":"military","date":"2022","id":"x\u00e9",
            "end":null,"approximate":true}"#;
        let event: EventRecord = serde_json::from_str(json).expect("valid");
        assert_eq!(event.id(), "xé");
        assert_eq!(event.title(), "A \"quoted\" title");
        assert_eq!(event.actors().to_vec(), ["Б", "A"]);
        assert!(event.tags().is_empty());
        assert_eq!(event.sources().to_vec(), ["s"]);
        assert_eq!(event.reference(), None);
        assert_eq!(event.end, None);
        assert!(event.approximate);
    }

    #[test]
    fn errors_are_those_of_derived_serde() {
        let error = |json: &str| {
            serde_json::from_str::<EventRecord>(json)
                .expect_err("invalid")
                .to_string()
        };
        let minimal = r#""id":"e","date":"2014","title":"t","summary":"","category":"politics""#;
        assert!(
            error(&format!("{{{minimal},\"title\":\"again\"}}"))
                .starts_with("duplicate field `title`")
        );
        assert!(error(r#"{"id":"e"}"#).starts_with("missing field `date`"));
        assert!(
            error(&format!("{{{minimal},\"sumary\":\"\"}}"))
                .starts_with("unknown field `sumary`, expected one of `id`, `date`")
        );
        assert!(
            error(&format!("{{{minimal},\"actors\":null}}"))
                .starts_with("invalid type: null, expected a sequence")
        );
        assert!(
            error(&format!("{{{minimal},\"reference\":42}}"))
                .starts_with("invalid type: integer `42`, expected a string")
        );
        assert!(
            error(r#"["e","2014"]"#)
                .starts_with("invalid type: sequence, expected struct EventRecord")
        );
    }

    #[test]
    fn the_head_text_keeps_id_title_summary_and_reference() {
        let (text, ends, has_reference) = full().into_head_text();
        assert_eq!(&*text, "eEventSummaryhttps://example.org/r");
        assert_eq!(ends, [1, 6, 13]);
        assert!(has_reference);
    }
}
