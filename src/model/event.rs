//! An event of the dataset: its text packed in one allocation, its actors and tags as ids into
//! the dataset's names, its sources and files as compact indices.

use std::fmt;

use super::category::Category;
use super::date::{PartialDate, Precision};
use super::event_record::EventRecord;
use super::names::NameId;
use super::packed::{IndexList, compact_index, part};

/// Something that happened on a date or over a period.
///
/// The text is read through accessors ([`Event::title`], ...); actor and tag names through the
/// dataset ([`crate::model::Dataset::actors_of`], [`crate::model::Dataset::tags_of`]). Name ids
/// belong to one dataset, so compare events of different datasets by their records
/// ([`crate::model::Dataset::to_article_set`]), not with `==`.
#[derive(Clone, PartialEq)]
pub struct Event {
    pub date: PartialDate,
    /// Inclusive end, for events that last.
    pub end: Option<PartialDate>,
    pub category: Category,
    /// The date is uncertain.
    pub approximate: bool,
    has_reference: bool,
    /// Id, title, summary and reference, end to end.
    text: Box<str>,
    /// Where id, title and summary end in `text`; the reference runs to the end.
    text_ends: [u32; 3],
    /// Actor and tag name ids, then source and file indices.
    refs: Box<[u32]>,
    /// How many of `refs` are actors, tags and sources; the files follow.
    ref_counts: [u32; 3],
}

/// What an event refers to, for [`Event::from_record`].
pub(crate) struct EventRefs<'a> {
    pub actors: &'a [u32],
    pub tags: &'a [u32],
    pub sources: &'a [u32],
    pub files: &'a [u32],
}

impl Event {
    /// The event of a record, keeping the record's text allocation (see
    /// [`EventRecord::into_head_text`]), with its references resolved to `refs`.
    pub(crate) fn from_record(record: EventRecord, refs: &EventRefs<'_>) -> Self {
        let (date, end, category, approximate) =
            (record.date, record.end, record.category, record.approximate);
        let (text, text_ends, has_reference) = record.into_head_text();
        let lists = [refs.actors, refs.tags, refs.sources, refs.files];
        let ref_counts =
            [refs.actors, refs.tags, refs.sources].map(|list| compact_index(list.len()));
        Self {
            date,
            end,
            category,
            approximate,
            has_reference,
            text,
            text_ends,
            refs: lists.concat().into_boxed_slice(),
            ref_counts,
        }
    }

    /// Unique in the dataset.
    pub fn id(&self) -> &str {
        part(&self.text, &self.text_ends, 0)
    }

    /// One-line headline.
    pub fn title(&self) -> &str {
        part(&self.text, &self.text_ends, 1)
    }

    /// A few sentences.
    pub fn summary(&self) -> &str {
        part(&self.text, &self.text_ends, 2)
    }

    /// Background URL.
    pub fn reference(&self) -> Option<&str> {
        let start = self.text_ends[2] as usize;
        self.has_reference
            .then(|| self.text.get(start..).unwrap_or_default())
    }

    /// The actors, as ids into the dataset's names.
    pub fn actor_ids(&self) -> impl ExactSizeIterator<Item = NameId> + Clone + '_ {
        self.refs_at(0).iter().map(|&id| NameId(id))
    }

    /// The tags, as ids into the dataset's names.
    pub fn tag_ids(&self) -> impl ExactSizeIterator<Item = NameId> + Clone + '_ {
        self.refs_at(1).iter().map(|&id| NameId(id))
    }

    /// Indices into [`crate::model::Dataset::sources`].
    pub fn sources(&self) -> IndexList<'_> {
        IndexList::new(self.refs_at(2))
    }

    /// Indices into [`crate::model::Dataset::files`].
    pub fn files(&self) -> IndexList<'_> {
        IndexList::new(self.refs_at(3))
    }

    /// Days since 1970-01-01 at the start of the event's first period.
    pub fn start_days(&self) -> f64 {
        self.date.start_days()
    }

    /// Exclusive end in days: the end of `end`'s period, or of `date`'s (a month-precision
    /// event spans the month). An `end` before `date` is ignored.
    pub fn end_days(&self) -> f64 {
        span_days(self.date, self.end).1
    }

    /// Whether the event covers more than one known day: it has an end, or its date is a
    /// month or a year.
    pub fn is_span(&self) -> bool {
        self.end.is_some() || self.date.precision() != Precision::Day
    }

    /// Records that the event is in this file too.
    pub(crate) fn add_file(&mut self, file: usize) {
        if self.files().contains(file) {
            return;
        }
        let mut refs = Vec::with_capacity(self.refs.len() + 1);
        refs.extend_from_slice(&self.refs);
        refs.push(compact_index(file));
        self.refs = refs.into_boxed_slice();
    }

    /// Takes in an event of another file that means the same: its actors, tags, sources and
    /// files are added to this event's (each once, in order), and its summary or reference
    /// fills this event's when this one has none.
    pub(crate) fn absorb(&mut self, other: &EventRefs<'_>, summary: &str, reference: Option<&str>) {
        let union = |mine: &[u32], theirs: &[u32]| -> Vec<u32> {
            let mut list = mine.to_vec();
            for &item in theirs {
                if !list.contains(&item) {
                    list.push(item);
                }
            }
            list
        };
        let lists = [
            union(self.refs_at(0), other.actors),
            union(self.refs_at(1), other.tags),
            union(self.refs_at(2), other.sources),
            union(self.refs_at(3), other.files),
        ];
        self.ref_counts = [0, 1, 2].map(|list| compact_index(lists[list].len()));
        self.refs = lists.concat().into_boxed_slice();
        let fill_summary = self.summary().trim().is_empty() && !summary.trim().is_empty();
        let fill_reference = self.reference().is_none() && reference.is_some();
        if fill_summary || fill_reference {
            let summary = if fill_summary {
                summary
            } else {
                self.summary()
            };
            let reference = self.reference().or(reference);
            let mut text = String::new();
            let mut text_ends = [0_u32; 3];
            for (end, part) in text_ends.iter_mut().zip([self.id(), self.title(), summary]) {
                text.push_str(part);
                *end = compact_index(text.len());
            }
            text.push_str(reference.unwrap_or_default());
            self.has_reference = reference.is_some();
            self.text = text.into_boxed_str();
            self.text_ends = text_ends;
        }
    }

    /// The `list`-th of actors, tags, sources, files.
    fn refs_at(&self, list: usize) -> &[u32] {
        let counts = self.ref_counts.map(|count| count as usize);
        let start: usize = counts.iter().take(list).sum();
        let end = match counts.get(list) {
            Some(count) => start + count,
            None => self.refs.len(),
        };
        self.refs.get(start..end).unwrap_or_default()
    }
}

/// Start and exclusive end in days of an event dated `date` and ending with `end`.
pub(crate) fn span_days(date: PartialDate, end: Option<PartialDate>) -> (f64, f64) {
    let start_days = date.start_days();
    let end_days = end.unwrap_or(date).end_days();
    if end_days > start_days {
        (start_days, end_days)
    } else {
        (start_days, date.end_days())
    }
}

impl fmt::Debug for Event {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("Event")
            .field("id", &self.id())
            .field("date", &self.date)
            .field("end", &self.end)
            .field("title", &self.title())
            .field("summary", &self.summary())
            .field("category", &self.category)
            .field("actors", &self.actor_ids().collect::<Vec<_>>())
            .field("tags", &self.tag_ids().collect::<Vec<_>>())
            .field("sources", &self.sources())
            .field("approximate", &self.approximate)
            .field("reference", &self.reference())
            .field("files", &self.files())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_keeps_its_text_and_refs_apart() {
        let date = PartialDate::parse("2015-02-12").expect("date");
        let record = EventRecord::new("minsk-2", date, "Minsk II", "Agreed.", Category::Agreement)
            .with_actors(["a", "b"])
            .with_sources(["s"])
            .with_reference("https://example.org");
        let refs = EventRefs {
            actors: &[4, 2],
            tags: &[],
            sources: &[7],
            files: &[0],
        };
        let mut event = Event::from_record(record, &refs);
        assert_eq!(event.id(), "minsk-2");
        assert_eq!(event.title(), "Minsk II");
        assert_eq!(event.summary(), "Agreed.");
        assert_eq!(event.reference(), Some("https://example.org"));
        assert_eq!(
            event.actor_ids().collect::<Vec<_>>(),
            [NameId(4), NameId(2)]
        );
        assert_eq!(event.tag_ids().count(), 0);
        assert_eq!(event.sources().to_vec(), [7]);
        assert_eq!(event.files().to_vec(), [0]);
        event.add_file(3);
        event.add_file(0);
        assert_eq!(event.files().to_vec(), [0, 3]);
        assert_eq!(event.sources().to_vec(), [7]);
        assert!(!event.is_span());
    }

    #[test]
    fn the_struct_stays_small() {
        assert!(size_of::<Event>() <= 80, "{}", size_of::<Event>());
        assert!(
            size_of::<EventRecord>() <= 64,
            "{}",
            size_of::<EventRecord>()
        );
    }
}
