//! The merged, resolved and sorted model the UI reads: ids replaced by indices, events in time
//! order, and every item knowing which loaded file(s) it came from.

use std::cmp::Ordering;

use super::article_set::{
    ArticleSet, EraRecord, EventRecord, QuoteRecord, SourceRecord, format_hex_color,
    parse_hex_color,
};
use super::category::Category;
use super::date::PartialDate;
pub use super::event::Event;
use super::event::{EventRefs, span_days};
use super::event_record::EventHead;
use super::fast_hash::{FastHashMap, FastHashSet, FastHasher};
use super::id_index::IdIndex;
use super::merge_keys::{
    era_key, event_content_key, has_words, matching_text_key, quote_text_key, same_page, same_text,
    source_citation_key, url_key,
};
use super::merge_report::MergeReport;
use super::names::{NameId, Names};
use super::packed::compact_index;
use crate::parallel::{drop_in_background, map_in_parallel};

/// What a source is matched by, computed ahead of the merge.
struct SourceKeys {
    /// [`IdIndex::hash_of`] its id.
    id: u64,
    url: Option<u64>,
    citation: u64,
}

/// What an event is matched by, computed ahead of the merge.
struct EventKeys {
    /// [`IdIndex::hash_of`] its id.
    id: u64,
    /// [`event_content_key`].
    content: u64,
}

/// Which kinds of ids of a set its importer made up (the file states none): they are never
/// evidence that two items are the same. Events say so one by one
/// ([`EventRecord::id_is_made_up`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MadeUpIds {
    pub sources: bool,
    pub quotes: bool,
    pub eras: bool,
}

impl MadeUpIds {
    /// Every id of every kind made up (a plain-text article, a CSV without ids).
    pub const ALL: MadeUpIds = MadeUpIds {
        sources: true,
        quotes: true,
        eras: true,
    };
}

/// A file whose items are in the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedFile {
    /// File name, or `"built-in"`.
    pub label: String,
    /// The set's own title.
    pub title: String,
}

/// A named period drawn as a band.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub id: String,
    pub title: String,
    pub start: PartialDate,
    /// Inclusive: the era runs to the end of this period.
    pub end: PartialDate,
    /// Band colour, if the file gave one.
    pub color: Option<[u8; 3]>,
    /// Indices into [`Dataset::files`].
    pub files: Vec<usize>,
}

/// An article that events and quotes cite.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub published: PartialDate,
    pub url: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub notes: Option<String>,
    /// Indices into [`Dataset::files`].
    pub files: Vec<usize>,
}

/// Something someone said, as reported by a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub id: String,
    pub text: String,
    pub speaker: String,
    pub role: Option<String>,
    /// Index into [`Dataset::sources`].
    pub source: usize,
    /// When it was said, if known.
    pub date: Option<PartialDate>,
    /// Index into [`Dataset::events`] of the event it is about.
    pub event: Option<usize>,
    pub context: Option<String>,
    pub verified: bool,
    pub note: Option<String>,
    /// Indices into [`Dataset::files`].
    pub files: Vec<usize>,
}

/// Everything loaded, merged and resolved.
///
/// Invariants (kept by [`Dataset::add_article_set`]; change the public vectors only through it):
/// events are sorted by (start, end, id), quotes by (date or their source's publication date, id),
/// eras by (start, end, id); every index points into its vector.
///
/// Sized for a million events (about 300 bytes each, see `model::footprint`): an event's text
/// is one allocation, taken over from its record without a copy; actor and tag names are
/// stored once ([`Dataset::name`], [`Dataset::actors_of`]); the id indices hold hashes, not ids.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub files: Vec<LoadedFile>,
    pub eras: Vec<Era>,
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Loader warnings the caller added, plus references that could not be resolved.
    pub warnings: Vec<String>,
    /// Actor and tag names, each once.
    names: Names,
    era_index: IdIndex,
    source_index: IdIndex,
    event_index: IdIndex,
    quote_index: IdIndex,
    /// (event index, quote index) for every quote about an event, sorted.
    quotes_by_event: Vec<(usize, usize)>,
    time_range_days: Option<(f64, f64)>,
    /// Number of events of each category, in the order of `Category::ALL`.
    category_counts: [usize; Category::ALL.len()],
}

impl Era {
    /// Days since 1970-01-01 at the start of the era.
    pub fn start_days(&self) -> f64 {
        self.start.start_days()
    }

    /// Exclusive end in days: the end of the `end` period.
    pub fn end_days(&self) -> f64 {
        self.end.end_days().max(self.start_days())
    }
}

impl Dataset {
    /// A dataset with nothing loaded.
    pub fn empty() -> Self {
        Self::default()
    }

    /// A dataset holding one article set.
    pub fn from_article_set(file_label: &str, set: ArticleSet) -> Self {
        let mut dataset = Self::empty();
        dataset.add_article_set(file_label, set);
        dataset
    }

    /// Adds a set as a new file whose ids the file states itself (a native article set).
    /// See [`Dataset::add_set`].
    pub fn add_article_set(&mut self, file_label: &str, set: ArticleSet) -> MergeReport {
        self.add_set(file_label, set, MadeUpIds::default())
    }

    /// Adds a set as a new file, resolving ids to indices and keeping everything sorted.
    ///
    /// Nothing is lost: every item of the set is added, or merged with an item of another file
    /// that means the same (the report says so, with the files and what matched). Items are
    /// candidates for sameness when they share an id the file states itself (`made_up`, and
    /// [`EventRecord::id_is_made_up`], say which ids an importer made up: those are never
    /// evidence), or by content: events by date and title (see `merge_keys`), sources by URL
    /// or by outlet, title and date, quotes by words in the same source, eras by period and
    /// title. Candidates merge only when nothing would be lost — the same date and precision,
    /// end, category and title, summaries equal or one empty (an event whose title has no
    /// letters needs the same summary and sources too), other fields equal or missing on one
    /// side — and the merged item keeps the union of sources, actors, tags and files. Two items
    /// of one file are never merged with each other. A candidate that differs is kept apart
    /// and reported; an item whose id is taken gets a free one (`id-2`), and the set's
    /// references follow it. References that do not resolve (possible only for unvalidated
    /// sets) are left out with a warning.
    pub fn add_set(
        &mut self,
        file_label: &str,
        set: ArticleSet,
        made_up: MadeUpIds,
    ) -> MergeReport {
        let file = self.files.len();
        self.files.push(LoadedFile {
            label: file_label.to_owned(),
            title: set.title,
        });
        let mut report = MergeReport::default();
        self.add_eras(file, set.eras, made_up.eras, &mut report);
        // The keys items are matched by depend on each item alone: they are computed on every
        // core first, and the merge itself, which must go in order, only looks them up.
        let source_keys = map_in_parallel(&set.sources, |source| SourceKeys {
            id: self.source_index.hash_of(&source.id),
            url: source.url.as_deref().and_then(url_key),
            citation: source_citation_key(&source.outlet, &source.title, source.published),
        });
        let event_keys = map_in_parallel(&set.events, |event| EventKeys {
            id: self.event_index.hash_of(event.id()),
            content: event_content_key(event.date, event.title(), event.summary()),
        });
        let mut merged_away = Vec::new();
        let source_aliases = self.add_sources(
            file,
            set.sources,
            (&source_keys, made_up.sources),
            &mut merged_away,
            &mut report,
        );
        let event_aliases = self.add_events(
            file_label,
            file,
            set.events,
            &event_keys,
            &source_aliases,
            &mut report,
        );
        self.add_quotes(
            file_label,
            file,
            (set.quotes, made_up.quotes),
            (&source_aliases, &event_aliases),
            &mut report,
        );
        self.time_range_days = self.compute_time_range_days();
        self.category_counts = self.compute_category_counts();
        // What was merged into items already here, and the lookups only this merge needed:
        // many thousands of strings are freed on another thread.
        if merged_away.len() + source_aliases.len() + event_aliases.len() > 10_000 {
            drop_in_background((merged_away, source_aliases, event_aliases));
        }
        report
    }

    /// Whether any event has this category (the "Other" lane and legend entry show only then).
    pub fn has_category(&self, category: Category) -> bool {
        Category::ALL
            .iter()
            .position(|c| *c == category)
            .is_some_and(|index| self.category_counts[index] > 0)
    }

    /// The index in [`Dataset::events`] of the event with this id.
    pub fn event_index_by_id(&self, id: &str) -> Option<usize> {
        self.event_index.get(id, |index| id_of(&self.events, index))
    }

    /// The index in [`Dataset::sources`] of the source with this id.
    pub fn source_index_by_id(&self, id: &str) -> Option<usize> {
        self.source_index
            .get(id, |index| id_of(&self.sources, index))
    }

    /// The index in [`Dataset::quotes`] of the quote with this id.
    pub fn quote_index_by_id(&self, id: &str) -> Option<usize> {
        self.quote_index.get(id, |index| id_of(&self.quotes, index))
    }

    /// Indices into [`Dataset::quotes`] of the quotes about an event, in date order.
    pub fn quotes_of_event(&self, event: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self
            .quotes_by_event
            .partition_point(|&(quote_event, _)| quote_event < event);
        self.quotes_by_event
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(quote_event, _)| quote_event == event)
            .map(|&(_, quote)| quote)
    }

    /// When a quote was said: its own date, or else its source's publication date.
    pub fn quote_date(&self, quote: &Quote) -> Option<PartialDate> {
        quote.date.or_else(|| {
            self.sources
                .get(quote.source)
                .map(|source| source.published)
        })
    }

    /// The earliest start and the latest end, in days, over all events and eras.
    pub fn time_range_days(&self) -> Option<(f64, f64)> {
        self.time_range_days
    }

    /// The text of an actor or tag name.
    pub fn name(&self, id: NameId) -> &str {
        self.names.get(id)
    }

    /// The id of an actor or tag name, if some event has it.
    pub fn name_id(&self, name: &str) -> Option<NameId> {
        self.names.find(name)
    }

    /// The actors of an event, by name.
    pub fn actors_of<'a>(
        &'a self,
        event: &'a Event,
    ) -> Named<'a, impl ExactSizeIterator<Item = NameId> + Clone + 'a> {
        Named {
            names: &self.names,
            ids: event.actor_ids(),
        }
    }

    /// The tags of an event, by name.
    pub fn tags_of<'a>(
        &'a self,
        event: &'a Event,
    ) -> Named<'a, impl ExactSizeIterator<Item = NameId> + Clone + 'a> {
        Named {
            names: &self.names,
            ids: event.tag_ids(),
        }
    }

    /// Every actor named by an event, most frequent first, then by name.
    pub fn actors(&self) -> Vec<String> {
        self.actor_counts()
            .into_iter()
            .map(|(actor, _count)| actor)
            .collect()
    }

    /// Every actor with the number of events naming it, most frequent first, then by name.
    pub fn actor_counts(&self) -> Vec<(String, usize)> {
        let mut counts = vec![0_usize; self.names.len()];
        for id in self.events.iter().flat_map(Event::actor_ids) {
            if let Some(count) = counts.get_mut(id.index()) {
                *count += 1;
            }
        }
        let mut counts: Vec<(&str, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, count)| count > 0)
            .map(|(index, count)| (self.names.get(NameId(compact_index(index))), count))
            .collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts
            .into_iter()
            .map(|(actor, count)| (actor.to_owned(), count))
            .collect()
    }

    /// The dataset as if `removed` had never been loaded: items only it had are gone, the
    /// others keep the rest of their provenance. Rebuilt file by file, each item with the
    /// first remaining file that has it (so it keeps the content it was shown with).
    pub fn without_file(&self, removed: usize) -> Dataset {
        let remaining = |files: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
            let mut kept: Vec<usize> = files
                .filter(|&file| file != removed)
                .map(|file| if file > removed { file - 1 } else { file })
                .collect();
            kept.sort_unstable();
            kept
        };
        let era_files: Vec<Vec<usize>> = self
            .eras
            .iter()
            .map(|era| remaining(&mut era.files.iter().copied()))
            .collect();
        let source_files: Vec<Vec<usize>> = self
            .sources
            .iter()
            .map(|source| remaining(&mut source.files.iter().copied()))
            .collect();
        let event_files: Vec<Vec<usize>> = self
            .events
            .iter()
            .map(|event| remaining(&mut event.files().iter()))
            .collect();
        let quote_files: Vec<Vec<usize>> = self
            .quotes
            .iter()
            .map(|quote| remaining(&mut quote.files.iter().copied()))
            .collect();
        // An item goes in with its first remaining file, but never before what it cites.
        let first = |files: &Vec<usize>| files.first().copied();
        let event_owner: Vec<Option<usize>> = self
            .events
            .iter()
            .zip(&event_files)
            .map(|(event, files)| {
                let cited = event
                    .sources()
                    .iter()
                    .filter_map(|s| first(&source_files[s]));
                first(files).map(|own| cited.fold(own, usize::max))
            })
            .collect();
        let quote_owner: Vec<Option<usize>> = self
            .quotes
            .iter()
            .zip(&quote_files)
            .map(|(quote, files)| {
                let source = first(&source_files[quote.source]);
                let event = quote.event.and_then(|event| event_owner[event]);
                first(files).map(|own| own.max(source.unwrap_or(own)).max(event.unwrap_or(own)))
            })
            .collect();
        let mut dataset = Dataset::empty();
        for (new_file, loaded) in self.files.iter().enumerate().filter(|(f, _)| *f != removed) {
            let new_file = if new_file > removed {
                new_file - 1
            } else {
                new_file
            };
            let mut set = ArticleSet::new(&loaded.title);
            set.eras = owned_by(&self.eras, &era_files, first, new_file, era_record);
            set.sources = owned_by(&self.sources, &source_files, first, new_file, source_record);
            set.events = self
                .events
                .iter()
                .zip(&event_owner)
                .filter(|(_, owner)| **owner == Some(new_file))
                .map(|(event, _)| {
                    // A source merged in from the removed file alone goes with it.
                    self.event_record_citing(event, |source| !source_files[source].is_empty())
                })
                .collect();
            set.quotes = self
                .quotes
                .iter()
                .zip(&quote_owner)
                .filter(|(_, owner)| **owner == Some(new_file))
                .map(|(quote, _)| self.quote_record(quote))
                .collect();
            dataset.add_article_set(&loaded.label, set);
        }
        // Give back the provenance of items that more than one remaining file had.
        for (era, files) in self.eras.iter().zip(&era_files) {
            if let Some(index) = dataset.era_index.get(&era.id, |i| id_of(&dataset.eras, i)) {
                dataset.eras[index].files.clone_from(files);
            }
        }
        for (source, files) in self.sources.iter().zip(&source_files) {
            if let Some(index) = dataset.source_index_by_id(&source.id) {
                dataset.sources[index].files.clone_from(files);
            }
        }
        for (event, files) in self.events.iter().zip(&event_files) {
            if let Some(index) = dataset.event_index_by_id(event.id()) {
                for &file in files {
                    dataset.events[index].add_file(file);
                }
            }
        }
        for (quote, files) in self.quotes.iter().zip(&quote_files) {
            if let Some(index) = dataset.quote_index_by_id(&quote.id) {
                dataset.quotes[index].files.clone_from(files);
            }
        }
        dataset.warnings.clone_from(&self.warnings);
        dataset
    }

    /// Everything back in the native format, for saving. Provenance is not part of the format.
    pub fn to_article_set(&self) -> ArticleSet {
        let titles: Vec<&str> = self.files.iter().map(|file| file.title.as_str()).collect();
        let mut set = ArticleSet::new(&titles.join(" + "));
        set.eras = self.eras.iter().map(era_record).collect();
        set.sources = self.sources.iter().map(source_record).collect();
        set.events = self
            .events
            .iter()
            .map(|event| self.event_record(event))
            .collect();
        set.quotes = self
            .quotes
            .iter()
            .map(|quote| self.quote_record(quote))
            .collect();
        set
    }

    /// The label of the first file an item came from, for reports.
    fn first_file_label(&self, files: impl IntoIterator<Item = usize>) -> &str {
        files
            .into_iter()
            .next()
            .and_then(|file| self.files.get(file))
            .map_or("another file", |file| file.label.as_str())
    }

    fn add_eras(
        &mut self,
        file: usize,
        records: Vec<EraRecord>,
        made_up: bool,
        report: &mut MergeReport,
    ) {
        let count_before = self.eras.len();
        let mut by_content = KeyChains::default();
        if !records.is_empty() {
            for (index, era) in self.eras.iter().enumerate() {
                by_content.push(era_key(era.start, era.end, &era.title), index);
            }
        }
        for mut record in records {
            let eras = &self.eras;
            let same_id = (!made_up)
                .then(|| self.era_index.get(&record.id, |index| id_of(eras, index)))
                .flatten();
            let key = era_key(record.start, record.end, &record.title);
            let candidates = same_id
                .into_iter()
                .chain(by_content.iter(key).filter(|&index| Some(index) != same_id));
            let found = best_candidate(candidates, |index| {
                let era = self.eras.get(index)?;
                if era.files.contains(&file) {
                    return None;
                }
                Some(compare_eras(era, &record, Some(index) == same_id))
            });
            if let Some(Found::Same(index, _)) = found {
                let other = self
                    .first_file_label(self.eras[index].files.iter().copied())
                    .to_owned();
                let era = &mut self.eras[index];
                add_file(&mut era.files, file);
                if era.color.is_none() {
                    era.color = record.color.as_deref().and_then(parse_hex_color);
                }
                report.eras.already_present += 1;
                report.note(|| {
                    format!(
                        "era {:?} is the same as in {other} (same period and title): merged",
                        record.title
                    )
                });
                continue;
            }
            if let Some(Found::Similar(index, difference)) = found {
                let other = self.first_file_label(self.eras[index].files.iter().copied());
                report.eras.kept_apart += 1;
                report.note(|| {
                    format!(
                        "era {:?} is like one in {other} but has {difference}: kept apart",
                        record.title
                    )
                });
            }
            let new_index = self.eras.len();
            let eras = &self.eras;
            if self
                .era_index
                .get(&record.id, |index| id_of(eras, index))
                .is_some()
            {
                record.id = free_id(&record.id, |id| {
                    self.era_index.get(id, |index| id_of(eras, index)).is_some()
                });
            }
            let eras = &self.eras;
            self.era_index
                .get_or_insert(&record.id, new_index, |index| id_of(eras, index));
            by_content.push(key, new_index);
            report.eras.added += 1;
            self.eras.push(Era {
                color: record.color.as_deref().and_then(parse_hex_color),
                id: record.id,
                title: record.title,
                start: record.start,
                end: record.end,
                files: vec![file],
            });
        }
        if self.eras.len() > count_before {
            let eras = &self.eras;
            let order = sorted_order(eras.len(), |a, b| {
                let (a, b) = (&eras[a], &eras[b]);
                (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id))
            });
            if let Some(order) = order {
                reorder(&mut self.eras, &order);
                self.era_index.remap(&inverse(&order));
            }
        }
    }

    /// Adds sources; returns the ids of this file's sources that now stand for a source with
    /// another id (merged into it, or renamed because their id was taken), with its index.
    fn add_sources(
        &mut self,
        file: usize,
        records: Vec<SourceRecord>,
        (keys, made_up): (&[SourceKeys], bool),
        merged_away: &mut Vec<SourceRecord>,
        report: &mut MergeReport,
    ) -> FastHashMap<String, usize> {
        let mut aliases = FastHashMap::default();
        if records.is_empty() {
            return aliases;
        }
        let capacity = self.sources.len() + records.len();
        let mut by_url = KeyChains::with_capacity(capacity);
        let mut by_citation = KeyChains::with_capacity(capacity);
        self.source_index.reserve(records.len());
        let loaded_keys = map_in_parallel(&self.sources, |source| {
            (
                source.url.as_deref().and_then(url_key),
                source_citation_key(&source.outlet, &source.title, source.published),
            )
        });
        for (index, (url, citation)) in loaded_keys.into_iter().enumerate() {
            if let Some(key) = url {
                by_url.push(key, index);
            }
            by_citation.push(citation, index);
        }
        self.sources.reserve(records.len());
        // Sources keep their insertion order: events and quotes point at them by index.
        for (mut record, keys) in records.into_iter().zip(keys) {
            let sources = &self.sources;
            let id_taken = self
                .source_index
                .get_hashed(keys.id, &record.id, |index| id_of(sources, index));
            let same_id = id_taken.filter(|_| !made_up);
            let by_url_chain = keys.url.into_iter().flat_map(|key| by_url.iter(key));
            let mut seen = Vec::new();
            let candidates = same_id
                .into_iter()
                .chain(by_url_chain)
                .chain(by_citation.iter(keys.citation))
                .filter(|index| {
                    let first_time = !seen.contains(index);
                    seen.push(*index);
                    first_time
                });
            let found = best_candidate(candidates, |index| {
                let source = sources.get(index)?;
                if source.files.contains(&file) {
                    return None;
                }
                Some(compare_sources(source, &record, Some(index) == same_id))
            });
            if let Some(Found::Same(index, matched)) = found {
                let other = self
                    .first_file_label(self.sources[index].files.iter().copied())
                    .to_owned();
                let source = &mut self.sources[index];
                add_file(&mut source.files, file);
                fill(&mut source.url, &mut record.url);
                fill(&mut source.author, &mut record.author);
                fill(&mut source.language, &mut record.language);
                fill(&mut source.notes, &mut record.notes);
                report.sources.already_present += 1;
                report.note(|| {
                    format!(
                        "source {:?} ({}) is the same as in {other} ({matched}): merged",
                        record.title, record.outlet
                    )
                });
                if source.id != record.id {
                    aliases.insert(std::mem::take(&mut record.id), index);
                }
                merged_away.push(record);
                continue;
            }
            if let Some(Found::Similar(index, difference)) = found {
                let other = self.first_file_label(self.sources[index].files.iter().copied());
                report.sources.kept_apart += 1;
                report.note(|| {
                    format!(
                        "source {:?} ({}) is like one in {other} but has {difference}: kept apart",
                        record.title, record.outlet
                    )
                });
            }
            let new_index = self.sources.len();
            if id_taken.is_some() {
                let sources = &self.sources;
                let free = free_id(&record.id, |id| {
                    self.source_index
                        .get(id, |index| id_of(sources, index))
                        .is_some()
                });
                aliases.insert(std::mem::replace(&mut record.id, free), new_index);
                let sources = &self.sources;
                self.source_index
                    .get_or_insert(&record.id, new_index, |index| id_of(sources, index));
            } else {
                let sources = &self.sources;
                self.source_index
                    .get_or_insert_hashed(keys.id, &record.id, new_index, |index| {
                        id_of(sources, index)
                    });
            }
            if let Some(key) = keys.url {
                by_url.push(key, new_index);
            }
            by_citation.push(keys.citation, new_index);
            report.sources.added += 1;
            self.sources.push(Source {
                id: record.id,
                outlet: record.outlet,
                title: record.title,
                published: record.published,
                url: record.url,
                author: record.author,
                language: record.language,
                notes: record.notes,
                files: vec![file],
            });
        }
        aliases
    }

    /// Adds events, then sorts them once. Records are read in file order (their text is laid
    /// out in memory in that order, which matters at a million events), and each record's text
    /// allocation becomes the event's; the sort moves only the event structs, through compact
    /// keys.
    ///
    /// Matching goes in two passes, so that the same file loaded twice adds nothing however
    /// many look-alike events it has: first every record takes an event loaded before that is
    /// the same in every compared field (its "exact twin", taken in order, each once), then
    /// the others look for an event they agree with (see [`Dataset::add_set`]), comparing at
    /// most [`MAX_COMPARED_CANDIDATES`] of them.
    ///
    /// Returns the ids of this file's events that now stand for an event with another id
    /// (merged into it, or renamed because their id was taken), with the (sorted) index of
    /// that event.
    fn add_events(
        &mut self,
        file_label: &str,
        file: usize,
        records: Vec<EventRecord>,
        keys: &[EventKeys],
        source_aliases: &FastHashMap<String, usize>,
        report: &mut MergeReport,
    ) -> FastHashMap<String, usize> {
        if records.is_empty() {
            return FastHashMap::default();
        }
        let count_before = self.events.len();
        self.events.reserve(records.len());
        self.event_index.reserve(records.len());
        // Every record's actors, tags and sources, resolved, end to end.
        let mut refs: Vec<u32> = Vec::new();
        let mut ref_ends: Vec<[usize; 3]> = Vec::with_capacity(records.len());
        for record in &records {
            refs.extend(
                record
                    .actors()
                    .iter()
                    .map(|actor| self.names.intern(actor).0),
            );
            let actor_end = refs.len();
            refs.extend(record.tags().iter().map(|tag| self.names.intern(tag).0));
            let tag_end = refs.len();
            for source_id in record.sources() {
                let source = source_aliases
                    .get(source_id)
                    .copied()
                    .or_else(|| self.source_index_by_id(source_id));
                match source {
                    Some(source) => refs.push(compact_index(source)),
                    None => self.warnings.push(format!(
                        "{file_label}: event {:?} cites unknown source {source_id:?}; left out",
                        record.id()
                    )),
                }
            }
            ref_ends.push([actor_end, tag_end, refs.len()]);
        }
        let file_ref = [compact_index(file)];
        let refs_of = |index: usize| -> EventRefs<'_> {
            let start = index
                .checked_sub(1)
                .and_then(|previous| ref_ends.get(previous))
                .map_or(0, |ends| ends[2]);
            let [actor_end, tag_end, end] = ref_ends.get(index).copied().unwrap_or([start; 3]);
            EventRefs {
                actors: refs.get(start..actor_end).unwrap_or_default(),
                tags: refs.get(actor_end..tag_end).unwrap_or_default(),
                sources: refs.get(tag_end..end).unwrap_or_default(),
                files: &file_ref,
            }
        };

        // The events loaded before, by content key (a million, perhaps: keyed on every core),
        // and, for the keys this file has, by exact key.
        let loaded_keys = map_in_parallel(&self.events, |event| {
            event_content_key(event.date, event.title(), event.summary())
        });
        let wanted: FastHashSet<u64> = keys.iter().map(|keys| keys.content).collect();
        let mut by_content = KeyChains::with_capacity(wanted.len());
        let mut by_exact = KeyChains::default();
        for (index, key) in loaded_keys.into_iter().enumerate() {
            if wanted.contains(&key)
                && let Some(event) = self.events.get(index)
            {
                by_content.push(key, index);
                let sources = event.sources().to_vec();
                by_exact.push(exact_key_of_event(event, key, &sources), index);
            }
        }
        drop(wanted);

        // First pass: exact twins, each taken once, in order.
        let mut matched: Vec<Option<usize>> = vec![None; records.len()];
        let mut next_twin: FastHashMap<u64, Option<usize>> = FastHashMap::default();
        for (index, (record, keys)) in records.iter().zip(keys).enumerate() {
            if by_content.iter(keys.content).next().is_none() {
                continue;
            }
            let record_refs = refs_of(index);
            let sources: Vec<usize> = record_refs.sources.iter().map(|&s| s as usize).collect();
            let exact = exact_key_of_record(record, keys.content, &sources);
            let cursor = next_twin
                .entry(exact)
                .or_insert_with(|| by_exact.iter(exact).next());
            while let Some(candidate) = *cursor {
                *cursor = by_exact.next_after(candidate);
                let Some(event) = self.events.get(candidate) else {
                    continue;
                };
                let same = matches!(
                    compare_events(event, record, record_refs.sources, false),
                    Comparison::Same(_)
                ) && same_text(event.summary(), record.summary())
                    && !event.files().contains(file);
                if same {
                    matched[index] = Some(candidate);
                    if let Some(event) = self.events.get_mut(candidate) {
                        event.absorb(&record_refs, record.summary(), record.reference());
                    }
                    break;
                }
            }
        }

        // Second pass, in file order: the others merge with an event they agree with, or are
        // added (kept apart from a similar one if there is one).
        let mut aliases = FastHashMap::default();
        for (index, (mut record, keys)) in records.into_iter().zip(keys).enumerate() {
            let record_refs = refs_of(index);
            let events = &self.events;
            let id_holder = self
                .event_index
                .get_hashed(keys.id, record.id(), |i| id_of(events, i));
            let found = match matched[index] {
                Some(candidate) => Some(Found::Same(candidate, "same date and title")),
                None => {
                    let id_taken = id_holder.filter(|_| !record.id_is_made_up());
                    let candidates = id_taken
                        .into_iter()
                        .chain(
                            by_content
                                .iter(keys.content)
                                .filter(|&i| Some(i) != id_taken),
                        )
                        .take(MAX_COMPARED_CANDIDATES);
                    best_candidate(candidates, |candidate| {
                        let event = events.get(candidate)?;
                        if event.files().contains(file) {
                            return None;
                        }
                        Some(compare_events(
                            event,
                            &record,
                            record_refs.sources,
                            Some(candidate) == id_taken,
                        ))
                    })
                }
            };
            if let Some(Found::Same(candidate, matched_by)) = found {
                let other = self
                    .first_file_label(self.events[candidate].files())
                    .to_owned();
                let event = &mut self.events[candidate];
                if matched[index].is_none() {
                    event.absorb(&record_refs, record.summary(), record.reference());
                }
                if event.id() != record.id() {
                    aliases.insert(record.id().to_owned(), candidate);
                }
                report.events.already_present += 1;
                report.note(|| {
                    format!(
                        "event {:?} ({}) is the same as in {other} ({matched_by}): merged",
                        record.title(),
                        record.date.to_iso()
                    )
                });
                continue;
            }
            if let Some(Found::Similar(candidate, difference)) = found {
                let other = self.first_file_label(self.events[candidate].files());
                report.events.kept_apart += 1;
                report.note(|| {
                    format!(
                        "event {:?} ({}) is like one in {other} but has {difference}: kept apart",
                        record.title(),
                        record.date.to_iso()
                    )
                });
            }
            let new_index = self.events.len();
            let events = &self.events;
            if id_holder.is_some() {
                let free = free_id(record.id(), |id| {
                    self.event_index.get(id, |i| id_of(events, i)).is_some()
                });
                aliases.insert(record.id().to_owned(), new_index);
                record.set_id(&free);
                let events = &self.events;
                self.event_index
                    .get_or_insert(record.id(), new_index, |i| id_of(events, i));
            } else {
                self.event_index
                    .get_or_insert_hashed(keys.id, record.id(), new_index, |i| id_of(events, i));
            }
            report.events.added += 1;
            self.events.push(Event::from_record(record, &record_refs));
        }
        if self.events.len() > count_before
            && let Some(new_index_of_old) = self.sort_events()
        {
            for index in aliases.values_mut() {
                *index = new_index_of_old[*index];
            }
        }
        aliases
    }

    /// Sorts all events by (start, end, id) and updates every index that points at them;
    /// returns the new index of each old one, if anything moved.
    fn sort_events(&mut self) -> Option<Vec<usize>> {
        let mut keys: Vec<EventSortKey> = self
            .events
            .iter()
            .enumerate()
            .map(|(index, event)| EventSortKey::new(event.date, event.end, event.id(), index))
            .collect();
        let events = &self.events;
        let compare = |a: &EventSortKey, b: &EventSortKey| a.compare(b, |i| id_of(events, i));
        if keys.is_sorted_by(|a, b| compare(a, b) != Ordering::Greater) {
            return None;
        }
        keys.sort_unstable_by(compare);
        let order: Vec<usize> = keys.iter().map(|key| key.index).collect();
        let new_index_of_old = inverse(&order);
        reorder(&mut self.events, &order);
        self.event_index.remap(&new_index_of_old);
        for quote in &mut self.quotes {
            quote.event = quote
                .event
                .and_then(|old| new_index_of_old.get(old).copied());
        }
        Some(new_index_of_old)
    }

    fn add_quotes(
        &mut self,
        file_label: &str,
        file: usize,
        (records, made_up): (Vec<QuoteRecord>, bool),
        (source_aliases, event_aliases): (&FastHashMap<String, usize>, &FastHashMap<String, usize>),
        report: &mut MergeReport,
    ) {
        let count_before = self.quotes.len();
        let mut by_text = KeyChains::default();
        if !records.is_empty() {
            for (index, quote) in self.quotes.iter().enumerate() {
                by_text.push(quote_text_key(quote.source, &quote.text), index);
            }
        }
        for mut record in records {
            let source = source_aliases
                .get(&record.source)
                .copied()
                .or_else(|| self.source_index_by_id(&record.source));
            let Some(source) = source else {
                self.warnings.push(format!(
                    "{file_label}: quote {:?} cites unknown source {:?}; quote left out",
                    record.id, record.source
                ));
                continue;
            };
            let event = record.event.as_ref().and_then(|event_id| {
                let event = event_aliases
                    .get(event_id)
                    .copied()
                    .or_else(|| self.event_index_by_id(event_id));
                if event.is_none() {
                    self.warnings.push(format!(
                        "{file_label}: quote {:?} is about unknown event {event_id:?}; link left out",
                        record.id
                    ));
                }
                event
            });
            let text_key = quote_text_key(source, &record.text);
            let id_taken = self.quote_index_by_id(&record.id);
            let same_id = id_taken.filter(|_| !made_up);
            let candidates = same_id.into_iter().chain(
                by_text
                    .iter(text_key)
                    .filter(|&index| Some(index) != same_id),
            );
            let quotes = &self.quotes;
            let found = best_candidate(candidates, |index| {
                let quote = quotes.get(index)?;
                if quote.files.contains(&file) {
                    return None;
                }
                Some(compare_quotes(
                    quote,
                    &record,
                    (source, event),
                    Some(index) == same_id,
                ))
            });
            if let Some(Found::Same(index, matched)) = found {
                let other = self
                    .first_file_label(self.quotes[index].files.iter().copied())
                    .to_owned();
                let quote = &mut self.quotes[index];
                add_file(&mut quote.files, file);
                fill(&mut quote.role, &mut record.role);
                fill(&mut quote.date, &mut record.date);
                if quote.event.is_none() {
                    quote.event = event;
                }
                fill(&mut quote.context, &mut record.context);
                fill(&mut quote.note, &mut record.note);
                report.quotes.already_present += 1;
                report.note(|| {
                    format!(
                        "quote of {} {:?} is the same as in {other} ({matched}): merged",
                        record.speaker,
                        shortened(&record.text)
                    )
                });
                continue;
            }
            if let Some(Found::Similar(index, difference)) = found {
                let other = self.first_file_label(self.quotes[index].files.iter().copied());
                report.quotes.kept_apart += 1;
                report.note(|| {
                    format!(
                        "quote of {} {:?} is like one in {other} but has {difference}: kept apart",
                        record.speaker,
                        shortened(&record.text)
                    )
                });
            }
            let new_index = self.quotes.len();
            if id_taken.is_some() {
                let quotes = &self.quotes;
                record.id = free_id(&record.id, |id| {
                    self.quote_index
                        .get(id, |index| id_of(quotes, index))
                        .is_some()
                });
            }
            let quotes = &self.quotes;
            self.quote_index
                .get_or_insert(&record.id, new_index, |index| id_of(quotes, index));
            by_text.push(text_key, new_index);
            report.quotes.added += 1;
            self.quotes.push(Quote {
                id: record.id,
                text: record.text,
                speaker: record.speaker,
                role: record.role,
                source,
                date: record.date,
                event,
                context: record.context,
                verified: record.verified,
                note: record.note,
                files: vec![file],
            });
        }
        if self.quotes.len() > count_before {
            let dates: Vec<Option<PartialDate>> = self
                .quotes
                .iter()
                .map(|quote| self.quote_date(quote))
                .collect();
            let quotes = &self.quotes;
            let order = sorted_order(quotes.len(), |a, b| {
                dates[a]
                    .cmp(&dates[b])
                    .then_with(|| quotes[a].id.cmp(&quotes[b].id))
            });
            if let Some(order) = order {
                reorder(&mut self.quotes, &order);
                self.quote_index.remap(&inverse(&order));
            }
        }
        self.quotes_by_event = self
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(index, quote)| quote.event.map(|event| (event, index)))
            .collect();
        self.quotes_by_event.sort_unstable();
    }

    fn compute_category_counts(&self) -> [usize; Category::ALL.len()] {
        let mut counts = [0; Category::ALL.len()];
        for event in &self.events {
            if let Some(index) = Category::ALL.iter().position(|c| *c == event.category) {
                counts[index] += 1;
            }
        }
        counts
    }

    fn compute_time_range_days(&self) -> Option<(f64, f64)> {
        let event_spans = self
            .events
            .iter()
            .map(|event| (event.start_days(), event.end_days()));
        let era_spans = self
            .eras
            .iter()
            .map(|era| (era.start_days(), era.end_days()));
        event_spans
            .chain(era_spans)
            .reduce(|(start_a, end_a), (start_b, end_b)| (start_a.min(start_b), end_a.max(end_b)))
    }

    fn event_record(&self, event: &Event) -> EventRecord {
        self.event_record_citing(event, |_| true)
    }

    /// The record of an event, citing only the sources `keep` accepts (by index).
    fn event_record_citing(&self, event: &Event, keep: impl Fn(usize) -> bool) -> EventRecord {
        let head = EventHead {
            id: event.id(),
            date: event.date,
            end: event.end,
            title: event.title(),
            summary: event.summary(),
            category: event.category,
            approximate: event.approximate,
            reference: event.reference(),
        };
        let sources = event
            .sources()
            .iter()
            .filter(|&source| keep(source))
            .filter_map(|source| self.sources.get(source))
            .map(|source| source.id.as_str());
        EventRecord::from_parts(head, self.actors_of(event), self.tags_of(event), sources)
    }

    fn quote_record(&self, quote: &Quote) -> QuoteRecord {
        QuoteRecord {
            id: quote.id.clone(),
            text: quote.text.clone(),
            speaker: quote.speaker.clone(),
            role: quote.role.clone(),
            source: self
                .sources
                .get(quote.source)
                .map(|source| source.id.clone())
                .unwrap_or_default(),
            date: quote.date,
            event: quote
                .event
                .and_then(|event| self.events.get(event))
                .map(|event| event.id().to_owned()),
            context: quote.context.clone(),
            verified: quote.verified,
            note: quote.note.clone(),
        }
    }
}

fn era_record(era: &Era) -> EraRecord {
    EraRecord {
        id: era.id.clone(),
        title: era.title.clone(),
        start: era.start,
        end: era.end,
        color: era.color.map(format_hex_color),
    }
}

fn source_record(source: &Source) -> SourceRecord {
    SourceRecord {
        id: source.id.clone(),
        outlet: source.outlet.clone(),
        title: source.title.clone(),
        published: source.published,
        url: source.url.clone(),
        author: source.author.clone(),
        language: source.language.clone(),
        notes: source.notes.clone(),
    }
}

/// How a candidate compares with a record of another file.
enum Comparison {
    /// They mean the same and nothing of either is lost by merging; says what matched.
    Same(&'static str),
    /// They look alike (same id, or same key) but differ in this; both are kept.
    Similar(&'static str),
    /// Only their keys' hashes met.
    Unrelated,
}

/// The candidate a record merges with, or the first similar one it is kept apart from.
enum Found {
    Same(usize, &'static str),
    Similar(usize, &'static str),
}

/// The first candidate that means the same as the record, else the first similar one.
/// `compare` gives `None` for a candidate that may not be merged at all (same file).
fn best_candidate(
    candidates: impl Iterator<Item = usize>,
    mut compare: impl FnMut(usize) -> Option<Comparison>,
) -> Option<Found> {
    let mut similar = None;
    for index in candidates {
        match compare(index) {
            Some(Comparison::Same(matched)) => return Some(Found::Same(index, matched)),
            Some(Comparison::Similar(difference)) => {
                similar.get_or_insert(Found::Similar(index, difference));
            }
            Some(Comparison::Unrelated) | None => {}
        }
    }
    similar
}

/// Items by a hashed key, several per key, in the order they were added (oldest first).
#[derive(Default)]
struct KeyChains {
    /// First and last item of each key.
    ends: FastHashMap<u64, (usize, usize)>,
    /// The next item with the same key, by item index; `usize::MAX` ends a chain.
    next: Vec<usize>,
}

impl KeyChains {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            ends: FastHashMap::with_capacity_and_hasher(capacity, FastHasher::default()),
            next: Vec::with_capacity(capacity),
        }
    }

    /// Adds `item` (an index, usually the next one) at the end of `key`'s chain.
    fn push(&mut self, key: u64, item: usize) {
        if self.next.len() <= item {
            self.next.resize(item + 1, usize::MAX);
        }
        match self.ends.get_mut(&key) {
            Some((_, last)) => {
                if let Some(slot) = self.next.get_mut(*last) {
                    *slot = item;
                }
                *last = item;
            }
            None => {
                self.ends.insert(key, (item, item));
            }
        }
    }

    /// The items with `key`, oldest first.
    fn iter(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let first = self.ends.get(&key).map(|&(first, _)| first);
        std::iter::successors(first, |&item| self.next_after(item))
    }

    /// The item after `item` in its key's chain.
    fn next_after(&self, item: usize) -> Option<usize> {
        self.next
            .get(item)
            .copied()
            .filter(|&next| next != usize::MAX)
    }
}

/// How many candidates an event is compared with before it is added as new (a file with
/// thousands of look-alike events must not take quadratic time; exact twins are found
/// without comparing, see [`Dataset::add_events`]).
const MAX_COMPARED_CANDIDATES: usize = 64;

/// The key of an event for "the same in every field merging compares": its content key with
/// its end, category, certainty, summary and reference, and for an event without words in its
/// title, its sources. Equal keys are confirmed with [`compare_events`].
fn exact_key(
    content_key: u64,
    head: (Option<PartialDate>, Category, bool),
    (summary, reference, title): (&str, Option<&str>, &str),
    sources: &[usize],
) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut hasher = FastHasher::default().build_hasher();
    content_key.hash(&mut hasher);
    head.hash(&mut hasher);
    matching_text_key(summary).hash(&mut hasher);
    reference.unwrap_or_default().trim().hash(&mut hasher);
    if !has_words(title) {
        let mut sources = sources.to_vec();
        sources.sort_unstable();
        sources.hash(&mut hasher);
    }
    hasher.finish()
}

fn exact_key_of_event(event: &Event, content_key: u64, sources: &[usize]) -> u64 {
    exact_key(
        content_key,
        (event.end, event.category, event.approximate),
        (event.summary(), event.reference(), event.title()),
        sources,
    )
}

fn exact_key_of_record(record: &EventRecord, content_key: u64, sources: &[usize]) -> u64 {
    exact_key(
        content_key,
        (record.end, record.category, record.approximate),
        (record.summary(), record.reference(), record.title()),
        sources,
    )
}

/// `id-2`, `id-3`, … : the first that `taken` says is free.
fn free_id(id: &str, taken: impl Fn(&str) -> bool) -> String {
    (2_usize..)
        .map(|suffix| format!("{id}-{suffix}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| id.to_owned())
}

/// Takes `theirs` into `mine` when `mine` has nothing.
fn fill<T>(mine: &mut Option<T>, theirs: &mut Option<T>) {
    if mine.is_none() {
        *mine = theirs.take();
    }
}

/// Whether two optional texts agree: equal, or missing on one side.
fn agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.trim() == b.trim() || a.trim().is_empty() || b.trim().is_empty(),
        _ => true,
    }
}

/// Whether two summaries agree: the same words, or one empty.
fn summaries_agree(a: &str, b: &str) -> bool {
    a.trim().is_empty() || b.trim().is_empty() || same_text(a, b)
}

fn compare_events(
    event: &Event,
    record: &EventRecord,
    record_sources: &[u32],
    same_id: bool,
) -> Comparison {
    let titled = has_words(record.title()) || has_words(event.title());
    let same_title = same_text(event.title(), record.title());
    if !same_id && (event.date != record.date || !same_title) {
        return Comparison::Unrelated;
    }
    let difference = if event.date != record.date {
        "another date"
    } else if !same_title {
        "another title"
    } else if event.end != record.end {
        "another end"
    } else if event.category != record.category {
        "another category"
    } else if event.approximate != record.approximate {
        "another certainty of date"
    } else if !summaries_agree(event.summary(), record.summary())
        || (!titled && !same_text(event.summary(), record.summary()))
    {
        "another summary"
    } else if !agree(event.reference(), record.reference()) {
        "another reference"
    } else if !titled && !same_members(&event.sources().to_vec(), record_sources) {
        "other sources and no title"
    } else {
        return Comparison::Same(if same_id {
            "same id and content"
        } else {
            "same date and title"
        });
    };
    Comparison::Similar(difference)
}

/// Whether two lists of indices hold the same members.
fn same_members(a: &[usize], b: &[u32]) -> bool {
    a.len() == b.len() && b.iter().all(|&index| a.contains(&(index as usize)))
}

fn compare_sources(source: &Source, record: &SourceRecord, same_id: bool) -> Comparison {
    let same_url = matches!((source.url.as_deref(), record.url.as_deref()), (Some(a), Some(b)) if same_page(a, b));
    let same_citation = same_text(&source.outlet, &record.outlet)
        && same_text(&source.title, &record.title)
        && source.published == record.published;
    if !same_id && !same_url && !same_citation {
        return Comparison::Unrelated;
    }
    let difference = if !same_text(&source.outlet, &record.outlet) {
        "another outlet"
    } else if !same_text(&source.title, &record.title) {
        "another title"
    } else if source.published != record.published {
        "another publication date"
    } else if !same_url && source.url.is_some() && record.url.is_some() {
        "another URL"
    } else if !agree(source.author.as_deref(), record.author.as_deref()) {
        "another author"
    } else if !agree(source.language.as_deref(), record.language.as_deref()) {
        "another language"
    } else if !agree(source.notes.as_deref(), record.notes.as_deref()) {
        "other notes"
    } else {
        return Comparison::Same(if same_id {
            "same id and content"
        } else if same_url {
            "same URL, outlet, title and date"
        } else {
            "same outlet, title and date"
        });
    };
    Comparison::Similar(difference)
}

fn compare_quotes(
    quote: &Quote,
    record: &QuoteRecord,
    (source, event): (usize, Option<usize>),
    same_id: bool,
) -> Comparison {
    let same_words = quote.source == source && same_text(&quote.text, &record.text);
    if !same_id && !same_words {
        return Comparison::Unrelated;
    }
    let difference = if quote.source != source {
        "another source"
    } else if !same_text(&quote.text, &record.text) {
        "other words"
    } else if !same_text(&quote.speaker, &record.speaker) {
        "another speaker"
    } else if matches!((quote.date, record.date), (Some(a), Some(b)) if a != b) {
        "another date"
    } else if matches!((quote.event, event), (Some(a), Some(b)) if a != b) {
        "another event"
    } else if !agree(quote.role.as_deref(), record.role.as_deref()) {
        "another role"
    } else if !agree(quote.context.as_deref(), record.context.as_deref()) {
        "another context"
    } else if !agree(quote.note.as_deref(), record.note.as_deref()) {
        "another note"
    } else if quote.verified != record.verified {
        "another verification"
    } else {
        return Comparison::Same(if same_id {
            "same id and content"
        } else {
            "same words, speaker and source"
        });
    };
    Comparison::Similar(difference)
}

fn compare_eras(era: &Era, record: &EraRecord, same_id: bool) -> Comparison {
    let same_period = era.start == record.start && era.end == record.end;
    let same_title = same_text(&era.title, &record.title);
    if !(same_id || (same_period && same_title)) {
        return Comparison::Unrelated;
    }
    let record_color = record.color.as_deref().and_then(parse_hex_color);
    if !same_title {
        Comparison::Similar("another title")
    } else if !same_period {
        Comparison::Similar("another period")
    } else if matches!((era.color, record_color), (Some(a), Some(b)) if a != b) {
        Comparison::Similar("another colour")
    } else {
        Comparison::Same("same period and title")
    }
}

/// A quote's first words, for reports.
fn shortened(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(MAX_CHARS).collect();
    short.push('…');
    short
}

/// Names of an event's actors or tags, looked up in the dataset's table as they are iterated.
#[derive(Clone)]
pub struct Named<'a, I> {
    names: &'a Names,
    ids: I,
}

impl<'a, I: Iterator<Item = NameId>> Iterator for Named<'a, I> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let id = self.ids.next()?;
        Some(self.names.get(id))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}

impl<I: ExactSizeIterator<Item = NameId>> ExactSizeIterator for Named<'_, I> {}

/// Anything with an id, so that one index type serves eras, sources, events and quotes.
trait HasId {
    fn id(&self) -> &str;
}

impl HasId for Era {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for Source {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for Event {
    fn id(&self) -> &str {
        Event::id(self)
    }
}

impl HasId for Quote {
    fn id(&self) -> &str {
        &self.id
    }
}

fn id_of<T: HasId>(items: &[T], index: usize) -> Option<&str> {
    items.get(index).map(HasId::id)
}

/// What events are sorted by, kept together so that sorting touches one compact array.
struct EventSortKey {
    start_days: f64,
    end_days: f64,
    /// The first 16 bytes of the id, big-endian, zero-padded: orders like the id unless equal.
    id_prefix: u128,
    index: usize,
}

impl EventSortKey {
    fn new(date: PartialDate, end: Option<PartialDate>, id: &str, index: usize) -> Self {
        let (start_days, end_days) = span_days(date, end);
        Self {
            start_days,
            end_days,
            id_prefix: byte_prefix(id),
            index,
        }
    }

    /// By start, end, then id; `id_at` gives the whole id when the prefixes are equal.
    fn compare<'a>(&self, other: &Self, id_at: impl Fn(usize) -> Option<&'a str>) -> Ordering {
        self.start_days
            .total_cmp(&other.start_days)
            .then(self.end_days.total_cmp(&other.end_days))
            .then(self.id_prefix.cmp(&other.id_prefix))
            .then_with(|| id_at(self.index).cmp(&id_at(other.index)))
    }
}

fn byte_prefix(text: &str) -> u128 {
    let mut bytes = [0_u8; 16];
    for (slot, byte) in bytes.iter_mut().zip(text.bytes()) {
        *slot = byte;
    }
    u128::from_be_bytes(bytes)
}

/// The records of the items whose first remaining file is `file`.
fn owned_by<T, R>(
    items: &[T],
    files: &[Vec<usize>],
    first: impl Fn(&Vec<usize>) -> Option<usize>,
    file: usize,
    record: impl Fn(&T) -> R,
) -> Vec<R> {
    items
        .iter()
        .zip(files)
        .filter(|(_, files)| first(files) == Some(file))
        .map(|(item, _)| record(item))
        .collect()
}

fn add_file(files: &mut Vec<usize>, file: usize) {
    if !files.contains(&file) {
        files.push(file);
    }
}

/// The order (old indices in new order) that sorts `0..count` by `compare`, or `None` if it is
/// sorted already.
fn sorted_order(count: usize, compare: impl Fn(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    if (1..count).all(|index| compare(index - 1, index) != Ordering::Greater) {
        return None;
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b));
    Some(order)
}

/// For an order of old indices, the new index of each old index.
fn inverse(order: &[usize]) -> Vec<usize> {
    let mut new_index_of_old = vec![0; order.len()];
    for (new_index, &old_index) in order.iter().enumerate() {
        if let Some(slot) = new_index_of_old.get_mut(old_index) {
            *slot = new_index;
        }
    }
    new_index_of_old
}

/// Rearranges `items` in place so that the item at `order[i]` moves to `i`, following the
/// cycles of the permutation (no second copy of a large vector). `order` must be a
/// permutation of `0..items.len()`; anything else leaves `items` partly rearranged, never panics.
fn reorder<T>(items: &mut [T], order: &[usize]) {
    const DONE: usize = usize::MAX;
    let mut pending = order.to_vec();
    for start in 0..pending.len() {
        let mut current = start;
        while let Some(slot) = pending.get_mut(current) {
            let source = std::mem::replace(slot, DONE);
            if source == DONE || source == start || source >= items.len() || current >= items.len()
            {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::category::Category;
    use crate::model::merge_report::MergeCounts;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).expect("date")
    }

    fn source(id: &str, published: &str) -> SourceRecord {
        SourceRecord {
            id: id.to_owned(),
            outlet: "Outlet".to_owned(),
            title: format!("Article {id}"),
            published: date(published),
            url: None,
            author: None,
            language: None,
            notes: None,
        }
    }

    fn event(id: &str, when: &str, sources: &[&str]) -> EventRecord {
        let title = format!("Event {id}");
        EventRecord::new(id, date(when), &title, "", Category::Diplomacy).with_sources(sources)
    }

    fn quote(id: &str, source: &str, when: Option<&str>, event: Option<&str>) -> QuoteRecord {
        QuoteRecord {
            id: id.to_owned(),
            text: format!("Words of {id}"),
            speaker: "Someone".to_owned(),
            role: None,
            source: source.to_owned(),
            date: when.map(date),
            event: event.map(str::to_owned),
            context: None,
            verified: true,
            note: None,
        }
    }

    fn sample_set() -> ArticleSet {
        let mut set = ArticleSet::new("Sample");
        set.sources = vec![source("s1", "2014-03-20"), source("s2", "2015-02-13")];
        set.events = vec![
            event("minsk-2", "2015-02-12", &["s2"]),
            event("crimea", "2014-03-18", &["s1"]),
            event("crimea-month", "2014-03", &[]),
            event("year", "2014", &[]),
        ];
        set.quotes = vec![
            quote("q-late", "s2", None, Some("minsk-2")),
            quote("q-early", "s1", Some("2014-03-18"), Some("crimea")),
            quote("q-crimea-2", "s1", Some("2014-03-19"), Some("crimea")),
        ];
        set
    }

    fn event_ids(dataset: &Dataset) -> Vec<&str> {
        dataset.events.iter().map(Event::id).collect()
    }

    fn s1_index(dataset: &Dataset) -> usize {
        dataset.source_index_by_id("s1").expect("s1")
    }

    #[test]
    fn events_are_sorted_by_start_then_end_then_id() {
        let dataset = Dataset::from_article_set("a.json", sample_set());
        assert_eq!(
            event_ids(&dataset),
            ["year", "crimea-month", "crimea", "minsk-2"]
        );
    }

    #[test]
    fn ties_in_time_are_broken_by_the_whole_id() {
        let long = "an-identifier-longer-than-sixteen-bytes";
        let mut set = ArticleSet::new("t");
        set.events = vec![
            event(&format!("{long}-b"), "2014", &[]),
            event(&format!("{long}-a"), "2014", &[]),
            event("ab", "2014", &[]),
            event("a", "2014", &[]),
        ];
        let dataset = Dataset::from_article_set("a.json", set);
        let expected = [
            "a".to_owned(),
            "ab".to_owned(),
            format!("{long}-a"),
            format!("{long}-b"),
        ];
        assert_eq!(event_ids(&dataset), expected);
    }

    #[test]
    fn reorder_moves_each_item_to_its_place_in_the_order() {
        let mut items = ['a', 'b', 'c', 'd', 'e'];
        reorder(&mut items, &[3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
        let mut items = ['a', 'b'];
        reorder(&mut items, &[7, 0, 1]);
        reorder(&mut items, &[]);
    }

    #[test]
    fn source_ids_resolve_to_indices() {
        let dataset = Dataset::from_article_set("a.json", sample_set());
        let minsk = dataset.event_index_by_id("minsk-2").expect("minsk");
        let sources = dataset.events[minsk].sources();
        assert_eq!(sources.len(), 1);
        assert_eq!(dataset.sources[sources.get(0).expect("one")].id, "s2");
    }

    #[test]
    fn quotes_are_sorted_by_date_falling_back_to_publication() {
        let dataset = Dataset::from_article_set("a.json", sample_set());
        let ids: Vec<&str> = dataset.quotes.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q-early", "q-crimea-2", "q-late"]);
    }

    #[test]
    fn quotes_of_an_event_are_found_in_date_order() {
        let dataset = Dataset::from_article_set("a.json", sample_set());
        let crimea = dataset.event_index_by_id("crimea").expect("crimea");
        let ids: Vec<&str> = dataset
            .quotes_of_event(crimea)
            .map(|q| dataset.quotes[q].id.as_str())
            .collect();
        assert_eq!(ids, ["q-early", "q-crimea-2"]);
        let year = dataset.event_index_by_id("year").expect("year");
        assert_eq!(dataset.quotes_of_event(year).count(), 0);
        assert_eq!(dataset.quotes_of_event(usize::MAX).count(), 0);
    }

    #[test]
    fn month_precision_event_spans_the_month_and_is_a_span() {
        let dataset = Dataset::from_article_set("a.json", sample_set());
        let month = &dataset.events[dataset.event_index_by_id("crimea-month").expect("month")];
        assert_eq!(month.start_days(), date("2014-03-01").start_days());
        assert_eq!(month.end_days(), date("2014-04-01").start_days());
        assert!(month.is_span());
        let day = &dataset.events[dataset.event_index_by_id("crimea").expect("day")];
        assert!(!day.is_span());
    }

    #[test]
    fn an_event_end_extends_to_the_end_of_its_period() {
        let mut record = event("war", "2022-02-24", &[]);
        record.end = Some(date("2022-03"));
        let mut set = ArticleSet::new("t");
        set.events = vec![record];
        let dataset = Dataset::from_article_set("a.json", set);
        assert_eq!(
            dataset.events[0].end_days(),
            date("2022-04-01").start_days()
        );
        assert!(dataset.events[0].is_span());
    }

    #[test]
    fn time_range_covers_events_and_eras() {
        let mut set = sample_set();
        set.eras = vec![EraRecord {
            id: "era".to_owned(),
            title: "Era".to_owned(),
            start: date("2013-11"),
            end: date("2014-02"),
            color: Some("#112233".to_owned()),
        }];
        let dataset = Dataset::from_article_set("a.json", set);
        assert_eq!(
            dataset.time_range_days(),
            Some((
                date("2013-11").start_days(),
                date("2015-02-13").start_days()
            ))
        );
        assert_eq!(dataset.eras[0].color, Some([0x11, 0x22, 0x33]));
        assert_eq!(Dataset::empty().time_range_days(), None);
    }

    #[test]
    fn actors_are_listed_by_frequency_then_name() {
        let mut set = sample_set();
        set.events[0].set_actors(["Ukraine", "Russia"]);
        set.events[1].set_actors(["Russia", "OSCE"]);
        set.events[1].set_tags(["Russia", "talks"]);
        let dataset = Dataset::from_article_set("a.json", set);
        assert_eq!(dataset.actors(), ["Russia", "OSCE", "Ukraine"]);
        let minsk = &dataset.events[dataset.event_index_by_id("minsk-2").expect("minsk")];
        assert_eq!(
            dataset.actors_of(minsk).collect::<Vec<_>>(),
            ["Ukraine", "Russia"]
        );
        let crimea = &dataset.events[dataset.event_index_by_id("crimea").expect("crimea")];
        assert_eq!(
            dataset.tags_of(crimea).collect::<Vec<_>>(),
            ["Russia", "talks"]
        );
        let russia = dataset.name_id("Russia").expect("interned");
        assert_eq!(dataset.name(russia), "Russia");
        assert!(minsk.actor_ids().any(|id| id == russia));
        assert_eq!(dataset.name_id("Nobody"), None);
    }

    #[test]
    fn a_second_set_with_the_same_ids_adds_provenance_not_copies() {
        let mut dataset = Dataset::from_article_set("a.json", sample_set());
        let mut second = ArticleSet::new("Second");
        second.sources = vec![source("s1", "2014-03-20")];
        second.events = vec![
            event("crimea", "2014-03-18", &["s1"]),
            event("new", "2013-01-01", &[]),
        ];
        dataset.add_article_set("b.json", second);

        assert_eq!(dataset.files.len(), 2);
        assert_eq!(dataset.files[1].title, "Second");
        assert_eq!(
            event_ids(&dataset),
            ["new", "year", "crimea-month", "crimea", "minsk-2"]
        );
        let crimea = dataset.event_index_by_id("crimea").expect("crimea");
        assert_eq!(dataset.events[crimea].files().to_vec(), [0, 1]);
        assert_eq!(
            dataset.events[crimea].sources().to_vec(),
            [s1_index(&dataset)]
        );
        assert_eq!(dataset.events[0].files().to_vec(), [1]);
        let s1 = dataset.source_index_by_id("s1").expect("s1");
        assert_eq!(dataset.sources[s1].files, [0, 1]);
        // Quotes still point at the right events after the re-sort.
        let ids: Vec<&str> = dataset
            .quotes_of_event(crimea)
            .map(|q| dataset.quotes[q].id.as_str())
            .collect();
        assert_eq!(ids, ["q-early", "q-crimea-2"]);
    }

    #[test]
    fn unresolved_references_are_left_out_with_warnings() {
        let mut set = ArticleSet::new("t");
        set.events = vec![event("e", "2014", &["missing"])];
        set.quotes = vec![
            quote("no-source", "missing", None, None),
            quote("no-event", "missing", None, None),
        ];
        set.sources = vec![source("s", "2014")];
        set.quotes[1].source = "s".to_owned();
        set.quotes[1].event = Some("missing-event".to_owned());
        let dataset = Dataset::from_article_set("a.json", set);
        assert!(dataset.events[0].sources().is_empty());
        assert_eq!(dataset.quotes.len(), 1);
        assert_eq!(dataset.quotes[0].event, None);
        assert_eq!(dataset.warnings.len(), 3, "{:#?}", dataset.warnings);
    }

    #[test]
    fn to_article_set_gives_back_the_records_in_sorted_order() {
        let mut set = sample_set();
        set.events[0].set_actors(["Ukraine", "Russia"]);
        set.events[0].set_tags(["minsk"]);
        set.events[0].set_reference(Some("https://example.org/minsk"));
        set.events[1].set_actors(["Russia"]);
        set.events[2].approximate = true;
        set.events[2].end = Some(date("2014-04"));
        let dataset = Dataset::from_article_set("a.json", set.clone());
        let back = dataset.to_article_set();
        assert_eq!(back.title, "Sample");
        assert_eq!(back.sources, set.sources);
        for record in &set.events {
            assert!(back.events.contains(record), "{record:?}");
        }
        for record in &set.quotes {
            assert!(back.quotes.contains(record), "{record:?}");
        }
        assert_eq!(back.events.len(), set.events.len());
        // Name ids depend on the order names were first seen; compare by value.
        let again = Dataset::from_article_set("a.json", back.clone());
        assert_eq!(again.to_article_set(), back);
        assert_eq!(event_ids(&again), event_ids(&dataset));
    }

    fn second_file_citing_the_same_article_under_other_ids() -> ArticleSet {
        let mut set = ArticleSet::new("Colleague's set");
        let mut same_url = source("mee", "2014-03-20");
        same_url.title = "Article s1".to_owned();
        same_url.url = Some("http://www.example.org/s1/".to_owned());
        set.sources = vec![same_url, source("s2-copy", "2015-02-13")];
        set.sources[1].title = "Article s2".to_owned();
        let mut crimea = EventRecord::new(
            "their-crimea",
            date("2014-03-18"),
            "EVENT  crimea!",
            "",
            Category::Diplomacy,
        );
        crimea.set_sources(["mee"]);
        set.events = vec![crimea, event("only-theirs", "2016", &["s2-copy"])];
        set.quotes = vec![quote("their-quote", "mee", None, Some("their-crimea"))];
        set
    }

    fn sample_with_urls() -> ArticleSet {
        let mut set = sample_set();
        set.sources[0].url = Some("https://example.org/s1".to_owned());
        set
    }

    #[test]
    fn the_same_url_merges_two_sources_and_their_citations_follow() {
        let mut dataset = Dataset::from_article_set("a.json", sample_with_urls());
        let report = dataset.add_article_set(
            "b.json",
            second_file_citing_the_same_article_under_other_ids(),
        );
        assert_eq!(dataset.sources.len(), 2, "{:?}", dataset.sources);
        let s1 = s1_index(&dataset);
        assert_eq!(dataset.sources[s1].files, [0, 1]);
        assert_eq!(
            report.sources,
            MergeCounts {
                added: 0,
                already_present: 2,
                kept_apart: 0
            }
        );
        let quote = dataset.quote_index_by_id("their-quote").expect("quote");
        assert_eq!(dataset.quotes[quote].source, s1);
    }

    #[test]
    fn the_same_outlet_title_and_date_merge_two_sources() {
        let mut dataset = Dataset::from_article_set("a.json", sample_set());
        let report = dataset.add_article_set(
            "b.json",
            second_file_citing_the_same_article_under_other_ids(),
        );
        let s2 = dataset.source_index_by_id("s2").expect("s2");
        assert_eq!(dataset.sources[s2].files, [0, 1]);
        let only_theirs = dataset.event_index_by_id("only-theirs").expect("event");
        assert_eq!(dataset.events[only_theirs].sources().to_vec(), [s2]);
        // "mee" is s1 with a URL the first file did not give: merged, and the URL kept.
        assert_eq!(
            report.sources,
            MergeCounts {
                added: 0,
                already_present: 2,
                kept_apart: 0
            }
        );
        let s1 = s1_index(&dataset);
        assert_eq!(
            dataset.sources[s1].url.as_deref(),
            Some("http://www.example.org/s1/")
        );
    }

    #[test]
    fn the_same_url_with_another_headline_is_kept_apart_and_reported() {
        let mut dataset = Dataset::from_article_set("a.json", sample_with_urls());
        let mut set = second_file_citing_the_same_article_under_other_ids();
        set.sources[0].title = "A different headline".to_owned();
        let report = dataset.add_article_set("b.json", set);
        assert_eq!(report.sources.kept_apart, 1);
        assert_eq!(dataset.sources.len(), 3);
        assert!(
            report.notes.contains(
                &"source \"A different headline\" (Outlet) is like one in a.json but has another \
              title: kept apart"
                    .to_owned()
            )
        );
    }

    #[test]
    fn the_same_date_and_title_merge_two_events_and_quotes_follow() {
        let mut dataset = Dataset::from_article_set("a.json", sample_with_urls());
        let report = dataset.add_article_set(
            "b.json",
            second_file_citing_the_same_article_under_other_ids(),
        );
        assert_eq!(
            report.events,
            MergeCounts {
                added: 1,
                already_present: 1,
                kept_apart: 0
            }
        );
        assert_eq!(dataset.event_index_by_id("their-crimea"), None);
        let crimea = dataset.event_index_by_id("crimea").expect("crimea");
        assert_eq!(dataset.events[crimea].files().to_vec(), [0, 1]);
        let quotes: Vec<&str> = dataset
            .quotes_of_event(crimea)
            .map(|q| dataset.quotes[q].id.as_str())
            .collect();
        assert_eq!(quotes, ["q-early", "q-crimea-2", "their-quote"]);
        assert_eq!(
            report.to_string(),
            "1 event added, 1 already present; 0 sources added, 2 already present; 1 quote added"
        );
    }

    #[test]
    fn a_title_on_another_day_is_another_event() {
        let mut dataset = Dataset::from_article_set("a.json", sample_set());
        let mut set = ArticleSet::new("b");
        set.events = vec![EventRecord::new(
            "x",
            date("2014-03-19"),
            "Event crimea",
            "",
            Category::Politics,
        )];
        let report = dataset.add_article_set("b.json", set);
        assert_eq!(
            report.events,
            MergeCounts {
                added: 1,
                already_present: 0,
                kept_apart: 0
            }
        );
        assert_eq!(dataset.events.len(), 5);
    }

    #[test]
    fn the_same_words_from_the_same_source_are_one_quote() {
        let mut dataset = Dataset::from_article_set("a.json", sample_set());
        let mut set = sample_set();
        for quote in &mut set.quotes {
            quote.id.push_str("-copy");
        }
        let report = dataset.add_article_set("b.json", set);
        assert_eq!(
            report.quotes,
            MergeCounts {
                added: 0,
                already_present: 3,
                kept_apart: 0
            }
        );
        assert!(dataset.quotes.iter().all(|quote| quote.files == [0, 1]));
    }

    #[test]
    fn removing_a_file_drops_only_what_no_other_file_has() {
        let mut dataset = Dataset::from_article_set("a.json", sample_with_urls());
        dataset.add_article_set(
            "b.json",
            second_file_citing_the_same_article_under_other_ids(),
        );
        let without_a = dataset.without_file(0);
        assert_eq!(without_a.files.len(), 1);
        assert_eq!(without_a.files[0].label, "b.json");
        // "crimea" was in both files (b called it "their-crimea"): it stays, with b's provenance.
        assert_eq!(event_ids(&without_a), ["crimea", "only-theirs"]);
        let crimea = without_a.event_index_by_id("crimea").expect("crimea");
        assert_eq!(without_a.events[crimea].files().to_vec(), [0]);
        assert_eq!(without_a.quotes.len(), 1);
        assert_eq!(without_a.quotes[0].event, Some(crimea));
        assert!(without_a.sources.iter().all(|source| source.files == [0]));
        let without_b = dataset.without_file(1);
        assert_eq!(
            without_b.to_article_set(),
            Dataset::from_article_set("a.json", sample_with_urls()).to_article_set()
        );
    }
}
