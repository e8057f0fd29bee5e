//! Many news articles at once: a folder (its article files, sorted by name) or several files,
//! each read and imported as File ▸ Import article text would, all merged into ONE article set
//! with one source per article, its quotes and its proposed events. Every file gives a row of
//! the summary (outlet, date, quotes, events, problems); a file that cannot be imported is
//! named with why, and never stops the others. Pure logic apart from reading the files.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use super::article_file::{
    ARTICLE_EXTENSIONS, ArticleDocument, ArticleFileError, has_article_extension, read_article_file,
};
use super::read::LoadProgress;
use crate::article_import::{ArticleImport, ArticleMetadata, import_article, to_article_set};
use crate::import::unique_ids::UniqueIds;
use crate::model::article_set::{ArticleSet, EventRecord, QuoteRecord, SourceRecord};
use crate::model::category::Category;
use crate::model::date::PartialDate;
use crate::model::loader::validate_article_set;

/// How deep a folder is walked (folders in folders); deeper ones are named as not read.
const MAX_FOLDER_DEPTH: usize = 16;

/// What the user gives for the whole batch.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// The publication date of articles that state none (the text's own date wins).
    pub fallback_published: Option<NaiveDate>,
    /// The outlet of articles that state none.
    pub fallback_outlet: Option<String>,
    /// Whether proposed events are added (accepted, as the single import does by default).
    pub with_events: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            fallback_published: None,
            fallback_outlet: None,
            with_events: true,
        }
    }
}

/// Progress of a batch, shared with whoever shows it: files done out of files found, and the
/// cancel flag (which also stops the file being read).
#[derive(Debug, Default)]
pub struct ArticleBatchProgress {
    read: LoadProgress,
    files_total: AtomicUsize,
    files_done: AtomicUsize,
}

impl ArticleBatchProgress {
    /// Files imported (or found unusable) so far.
    pub fn files_done(&self) -> usize {
        self.files_done.load(Ordering::Relaxed)
    }

    /// Article files to read; 0 while the folders are still being listed.
    pub fn files_total(&self) -> usize {
        self.files_total.load(Ordering::Relaxed)
    }

    /// Files done as a fraction of all, 0 to 1 (0 while listing).
    pub fn fraction(&self) -> f32 {
        match self.files_total() {
            0 => 0.0,
            total => (self.files_done() as f32 / total as f32).min(1.0),
        }
    }

    pub fn cancel(&self) {
        self.read.cancel();
    }

    pub fn is_cancelled(&self) -> bool {
        self.read.is_cancelled()
    }
}

/// What one file gave: a row of the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleRow {
    /// The file as the summary names it: relative to the folder given, else as given.
    pub file: String,
    pub path: PathBuf,
    /// Whether its source (and quotes and events) are in the set, and if not, why.
    pub outcome: RowOutcome,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub quotes: usize,
    /// Its events in the set (merged ones included).
    pub events: usize,
    /// Why it was not imported, or what to know about what was (text cut, no outlet stated).
    pub problems: Vec<String>,
}

/// What became of one article file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    /// Its source, quotes and events are in the set.
    Imported,
    /// Not imported: no publication date was found, and none was given for the batch.
    NeedsPublicationDate,
    /// Not imported: it could not be read, is not text, is empty, repeats another file…
    Failed,
}

/// A path found in a folder that was not read, with why (hidden, not an article file…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedPath {
    pub path: PathBuf,
    pub reason: String,
}

/// The result of a batch: one row per article file, the paths not read, and the one set.
#[derive(Clone, Debug)]
pub struct ArticleBatch {
    pub rows: Vec<ArticleRow>,
    pub skipped: Vec<SkippedPath>,
    /// Every imported article's source, quotes and events; `None` when none was imported.
    pub set: Option<ArticleSet>,
    /// One line per pair of events merged because they mean the same.
    pub merges: Vec<String>,
    /// What the set is called in the list of loaded sets ("articles in FOLDER", "3 articles").
    pub label: String,
    /// Why the articles imported could not be put together into a set (it does not validate),
    /// if that happens; they are then not added.
    pub set_error: Option<String>,
    /// The paths given, for the set's title and label.
    paths: Vec<PathBuf>,
    /// Each row's own set while it is imported, to merge again when a date is given.
    article_sets: Vec<Option<ArticleSet>>,
    /// The article of each row that waits for a publication date.
    undated: HashMap<usize, ArticleDocument>,
    options: BatchOptions,
}

impl ArticleBatch {
    pub fn imported_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| row.outcome == RowOutcome::Imported)
            .count()
    }

    /// Rows of files that are not in the set.
    pub fn failed_count(&self) -> usize {
        self.rows.len() - self.imported_count()
    }

    /// Imports the article of a row that states no publication date with `published`, and
    /// puts the set together again; the row says what became of it. An error when the row
    /// does not wait for a date, or the article cannot be imported even so.
    pub fn give_published(&mut self, row_index: usize, published: NaiveDate) -> Result<(), String> {
        let Some(document) = self.undated.remove(&row_index) else {
            return Err("this file does not wait for a publication date".to_owned());
        };
        let Some(row) = self.rows.get_mut(row_index) else {
            return Err("no such file".to_owned());
        };
        let label = super::file_label(&row.path);
        row.problems.clear();
        row.outcome = RowOutcome::Failed;
        let given = ArticleMetadata {
            published: Some(published),
            ..document.found.clone()
        };
        let set = import_into(row, &document.text, given, &label, &self.options);
        row.problems.insert(
            0,
            format!("no publication date in the text: {published} given"),
        );
        let imported = set.is_some();
        if let Some(slot) = self.article_sets.get_mut(row_index) {
            *slot = set;
        }
        if !imported {
            let why = row.problems.join("; ");
            self.undated.insert(row_index, document);
            return Err(why);
        }
        self.merge_articles();
        Ok(())
    }

    /// Puts every imported article's set together into the one set, with the merge notes.
    fn merge_articles(&mut self) {
        let mut merger = BatchMerger::default();
        for (row, set) in self.rows.iter_mut().zip(&self.article_sets) {
            if let Some(set) = set {
                merger.add(row, set.clone());
            }
        }
        let imported = self.imported_count();
        self.label = batch_label(&self.paths, imported);
        self.merges = std::mem::take(&mut merger.notes);
        let title = batch_title(&self.paths, imported);
        (self.set, self.set_error) = match merger.into_set(&title, &self.label, &self.rows) {
            Ok(set) => (set, None),
            Err(error) => (None, Some(error)),
        };
    }
}

/// The article files `paths` stand for, in order: a folder gives its files with an article
/// extension ([`ARTICLE_EXTENSIONS`]), sorted by name, with its sub-folders' (not hidden ones,
/// not symbolic links to folders); a file is taken as it is. A file given twice is read once.
/// Everything in a folder that is not read is in the second list, with why.
pub fn article_files(paths: &[PathBuf]) -> (Vec<(PathBuf, String)>, Vec<SkippedPath>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut take = |path: PathBuf, label: String, skipped: &mut Vec<SkippedPath>| {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            files.push((path, label));
        } else {
            skipped.push(SkippedPath {
                path,
                reason: "given twice: read once".to_owned(),
            });
        }
    };
    for path in paths {
        if !path.is_dir() {
            take(path.clone(), super::file_label(path), &mut skipped);
            continue;
        }
        let mut hidden = Vec::new();
        let walk = walkdir::WalkDir::new(path)
            .min_depth(1)
            .max_depth(MAX_FOLDER_DEPTH)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let is_hidden = entry.file_name().to_string_lossy().starts_with('.');
                if is_hidden {
                    hidden.push(entry.path().to_path_buf());
                }
                !is_hidden
            });
        let mut found = Vec::new();
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    skipped.push(SkippedPath {
                        path: error.path().unwrap_or(path).to_path_buf(),
                        reason: format!("cannot be read: {error}"),
                    });
                    continue;
                }
            };
            let file_type = entry.file_type();
            let entry_path = entry.path();
            if file_type.is_dir() {
                if entry.depth() == MAX_FOLDER_DEPTH {
                    skipped.push(SkippedPath {
                        path: entry_path.to_path_buf(),
                        reason: format!("more than {MAX_FOLDER_DEPTH} folders deep: not read"),
                    });
                }
                continue;
            }
            if file_type.is_symlink() && entry_path.is_dir() {
                skipped.push(SkippedPath {
                    path: entry_path.to_path_buf(),
                    reason: "a link to a folder: not followed".to_owned(),
                });
                continue;
            }
            if !has_article_extension(entry_path) {
                skipped.push(SkippedPath {
                    path: entry_path.to_path_buf(),
                    reason: format!(
                        "not an article file by its name (expected .{})",
                        ARTICLE_EXTENSIONS.join(", .")
                    ),
                });
                continue;
            }
            let relative = entry_path.strip_prefix(path).unwrap_or(entry_path);
            found.push((entry_path.to_path_buf(), relative.display().to_string()));
        }
        for (file, label) in found {
            take(file, label, &mut skipped);
        }
        skipped.extend(hidden.into_iter().map(|path| SkippedPath {
            path,
            reason: "hidden: not read".to_owned(),
        }));
    }
    (files, skipped)
}

/// What [`import_article_batch`] names a batch of `paths` by.
pub fn batch_label(paths: &[PathBuf], article_count: usize) -> String {
    match paths {
        [folder] if folder.is_dir() => format!("articles in {}", super::file_label(folder)),
        _ => format!(
            "{article_count} article{}",
            if article_count == 1 { "" } else { "s" }
        ),
    }
}

/// The title of the set: the folder's name rather than its whole path.
fn batch_title(paths: &[PathBuf], article_count: usize) -> String {
    match paths {
        [folder] if folder.is_dir() => {
            let name = folder.file_name().map_or_else(
                || super::file_label(folder),
                |name| name.to_string_lossy().into_owned(),
            );
            format!("Articles in {name}")
        }
        _ => format!(
            "{article_count} article{}",
            if article_count == 1 { "" } else { "s" }
        ),
    }
}

/// Reads, imports and merges the articles `paths` stand for (see [`article_files`]), updating
/// `progress` after each file. `None` when cancelled. Time is linear in the files' sizes.
pub fn import_article_batch(
    paths: &[PathBuf],
    options: &BatchOptions,
    progress: &ArticleBatchProgress,
) -> Option<ArticleBatch> {
    let (files, skipped) = article_files(paths);
    progress.files_total.store(files.len(), Ordering::Relaxed);
    let mut rows = Vec::with_capacity(files.len());
    let mut article_sets = Vec::with_capacity(files.len());
    let mut undated = HashMap::new();
    // Texts imported, and texts that need a date, each with its row.
    let mut texts_seen: HashMap<u64, Vec<(usize, String)>> = HashMap::new();
    let mut undated_texts: HashMap<u64, Vec<(usize, String)>> = HashMap::new();
    for (index, (path, file)) in files.iter().enumerate() {
        if progress.is_cancelled() {
            return None;
        }
        progress.read.set_file_index(index);
        let label = super::file_label(path);
        let mut row = ArticleRow {
            file: file.clone(),
            path: path.clone(),
            outcome: RowOutcome::Failed,
            outlet: None,
            published: None,
            quotes: 0,
            events: 0,
            problems: Vec::new(),
        };
        let mut article_set = None;
        match read_article_file(path, &label, &progress.read) {
            Err(ArticleFileError::Cancelled) => return None,
            Err(ArticleFileError::Unusable(problem)) => row.problems.push(problem),
            Ok(document) => {
                let key = text_key(&document.text);
                let same_text = |seen: &HashMap<u64, Vec<(usize, String)>>| {
                    seen.get(&key).and_then(|earlier| {
                        earlier
                            .iter()
                            .find(|(_, text)| *text == document.text)
                            .map(|(at, _)| *at)
                    })
                };
                if let Some(first) = same_text(&texts_seen).and_then(|at| rows.get(at)) {
                    let first: &ArticleRow = first;
                    row.problems.push(format!(
                        "has the same text as {}: not imported again",
                        first.file
                    ));
                } else {
                    let found = document.found.clone();
                    article_set = import_into(&mut row, &document.text, found, &label, options);
                    // The row is marked imported when its set is merged: a set means it will be.
                    match (article_set.is_some(), row.outcome) {
                        (true, _) => {
                            // An earlier copy that states no date (a page saved without its
                            // metadata) gives way to this one, which does.
                            if let Some(at) = same_text(&undated_texts) {
                                undated.remove(&at);
                                if let Some(earlier) = rows.get_mut(at) {
                                    earlier.outcome = RowOutcome::Failed;
                                    earlier.problems = vec![format!(
                                        "has the same text as {}, which states its date: not \
                                         imported again",
                                        row.file
                                    )];
                                }
                            }
                            texts_seen
                                .entry(key)
                                .or_default()
                                .push((rows.len(), document.text));
                        }
                        (false, RowOutcome::NeedsPublicationDate) => {
                            if let Some(first) =
                                same_text(&undated_texts).and_then(|at| rows.get(at))
                            {
                                row.outcome = RowOutcome::Failed;
                                row.problems = vec![format!(
                                    "has the same text as {}: not imported again",
                                    first.file
                                )];
                            } else {
                                undated.insert(rows.len(), document.clone());
                                undated_texts
                                    .entry(key)
                                    .or_default()
                                    .push((rows.len(), document.text));
                            }
                        }
                        (false, _) => {}
                    }
                }
            }
        }
        rows.push(row);
        article_sets.push(article_set);
        progress.files_done.fetch_add(1, Ordering::Relaxed);
    }
    if progress.is_cancelled() {
        return None;
    }
    let mut batch = ArticleBatch {
        rows,
        skipped,
        set: None,
        merges: Vec::new(),
        label: String::new(),
        set_error: None,
        paths: paths.to_vec(),
        article_sets,
        undated,
        options: options.clone(),
    };
    batch.merge_articles();
    Some(batch)
}

/// A hash of a text, to find files with the same text (compared in full on a match).
fn text_key(text: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = crate::model::fast_hash::FastHasher::default().build_hasher();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Imports one article's text into a set of its own, filling the row; `None` (with the row's
/// problem saying why) when it cannot become a set.
fn import_into(
    row: &mut ArticleRow,
    text: &str,
    found: ArticleMetadata,
    label: &str,
    options: &BatchOptions,
) -> Option<ArticleSet> {
    let mut import = import_article(text, &found);
    if import.published.is_none()
        && let Some(fallback) = options.fallback_published
    {
        let given = ArticleMetadata {
            published: Some(fallback),
            ..found
        };
        import = import_article(text, &given);
        row.problems.push(format!(
            "no publication date in the text: {fallback} (given for the batch) used"
        ));
    }
    if import.outlet.is_none()
        && let Some(outlet) = &options.fallback_outlet
    {
        import.outlet = Some(outlet.clone());
        row.problems.push(format!(
            "no outlet in the text: {outlet} (given for the batch) used"
        ));
    }
    row.outlet = import.outlet.clone();
    row.published = import.published;
    row.problems.extend(import.warnings.iter().cloned());
    if import.published.is_none() {
        row.problems.push(
            "no publication date found: not imported — its relative dates (\"on Saturday\", \
             \"last month\") cannot be resolved without one: give the date"
                .to_owned(),
        );
        row.outcome = RowOutcome::NeedsPublicationDate;
        return None;
    }
    let accepted = vec![options.with_events; import.proposed_events.len()];
    match to_article_set(&import, &accepted, label) {
        Ok(set) => {
            note_placeholders(row, &import, &set);
            Some(set)
        }
        Err(error) => {
            row.problems.push(format!("not imported: {error}"));
            None
        }
    }
}

/// Says where the set uses a stand-in for what the article does not state.
fn note_placeholders(row: &mut ArticleRow, import: &ArticleImport, set: &ArticleSet) {
    if let Some(source) = set.sources.first() {
        if import.outlet.is_none() {
            row.problems
                .push(format!("no outlet found: listed as \"{}\"", source.outlet));
        }
        if import.title.is_none() {
            row.problems
                .push(format!("no headline found: titled \"{}\"", source.title));
        }
    }
}

/// Puts the articles' sets together: ids made unique across the set, and events that mean the
/// same (same date, end and title) merged into one that cites every article.
#[derive(Default)]
struct BatchMerger {
    ids: UniqueIds,
    sources: Vec<SourceRecord>,
    events: Vec<EventRecord>,
    /// For each event, the file it first came from (for the merge notes).
    event_files: Vec<String>,
    quotes: Vec<QuoteRecord>,
    /// Events by date, end and normalised title.
    events_by_key: HashMap<(PartialDate, Option<PartialDate>, bool, String), usize>,
    /// What merged events gather, by event.
    gathered: HashMap<usize, Gathered>,
    notes: Vec<String>,
}

/// The sources, actors and sentences an event merged from several articles gathers, put into
/// it once at the end, so that an event of a thousand articles costs a thousand additions.
#[derive(Default)]
struct Gathered {
    sources: Vec<String>,
    actors: Vec<String>,
    summaries: Vec<String>,
    seen: std::collections::HashSet<(u8, String)>,
}

impl Gathered {
    /// Everything `event` has now.
    fn of(event: &EventRecord) -> Self {
        let mut gathered = Self::default();
        for source in event.sources() {
            gathered.add(0, source);
        }
        for actor in event.actors() {
            gathered.add(1, actor);
        }
        gathered.add(2, event.summary());
        gathered
    }

    /// Adds a source (kind 0), actor (1) or summary (2) not there yet; whether it was new.
    fn add(&mut self, kind: u8, text: &str) -> bool {
        if !self.seen.insert((kind, text.to_owned())) {
            return false;
        }
        let list = match kind {
            0 => &mut self.sources,
            1 => &mut self.actors,
            _ => &mut self.summaries,
        };
        list.push(text.to_owned());
        true
    }

    fn apply_to(&self, event: &mut EventRecord) {
        event.set_sources(&self.sources);
        event.set_actors(&self.actors);
        event.set_summary(&self.summaries.join("\n\n"));
    }
}

impl BatchMerger {
    /// Adds one article's set (one source), renaming what clashes; counts its events in `row`.
    fn add(&mut self, row: &mut ArticleRow, set: ArticleSet) {
        let mut renamed: HashMap<String, String> = HashMap::new();
        let Some(mut source) = set.sources.into_iter().next() else {
            row.problems.push("not imported: no source".to_owned());
            return;
        };
        let old_source_id = source.id.clone();
        let new_source_id = self.ids.claim(&old_source_id).into_owned();
        // The article's own ids start with its source's id: they follow a renamed source.
        let rebased = |id: &str| match id.strip_prefix(&old_source_id) {
            Some(rest) => format!("{new_source_id}{rest}"),
            None => id.to_owned(),
        };
        source.id = new_source_id.clone();
        self.sources.push(source);
        row.events = set.events.len();
        let quotes_before = self.quotes.len();
        for mut event in set.events {
            let key = (
                event.date,
                event.end,
                event.approximate,
                normalised_title(event.title()),
            );
            if let Some(&existing) = self.events_by_key.get(&key) {
                let merged_id = self.merge_event(existing, &event, &new_source_id, &row.file);
                renamed.insert(event.id().to_owned(), merged_id);
                continue;
            }
            let id = self.ids.claim(&rebased(event.id())).into_owned();
            renamed.insert(event.id().to_owned(), id.clone());
            event.set_id(&id);
            event.set_sources([new_source_id.as_str()]);
            self.events_by_key.insert(key, self.events.len());
            self.events.push(event);
            self.event_files.push(row.file.clone());
        }
        for mut quote in set.quotes {
            quote.id = self.ids.claim(&rebased(&quote.id)).into_owned();
            quote.source = new_source_id.clone();
            quote.event = quote.event.and_then(|event| renamed.get(&event).cloned());
            self.quotes.push(quote);
        }
        row.quotes = self.quotes.len() - quotes_before;
        row.outcome = RowOutcome::Imported;
    }

    /// Merges `event` (of `file`, citing `source_id`) into the event at `existing`; its id.
    fn merge_event(
        &mut self,
        existing: usize,
        event: &EventRecord,
        source_id: &str,
        file: &str,
    ) -> String {
        let Some(kept) = self.events.get_mut(existing) else {
            return String::new();
        };
        let gathered = self
            .gathered
            .entry(existing)
            .or_insert_with(|| Gathered::of(kept));
        gathered.add(0, source_id);
        for actor in event.actors() {
            gathered.add(1, actor);
        }
        let mut also = String::new();
        // Each article's sentence stays: the summary gathers the different ones.
        if gathered.add(2, event.summary()) {
            also.push_str("; its sentence added to the summary");
        }
        if kept.category != event.category {
            if kept.category == Category::Other {
                kept.category = event.category;
            }
            also.push_str(&format!(
                "; categories {} and {}: {} kept",
                kept.category.as_str(),
                event.category.as_str(),
                kept.category.as_str()
            ));
        }
        let first_file = self.event_files.get(existing).map_or("", String::as_str);
        self.notes.push(format!(
            "event \"{}\" ({}) of {file} is the same as in {first_file} (same date and title): \
             merged{also}",
            event.title(),
            event.date.to_iso(),
        ));
        kept.id().to_owned()
    }

    /// The set of everything added, validated; `None` when nothing was.
    fn into_set(
        mut self,
        title: &str,
        label: &str,
        rows: &[ArticleRow],
    ) -> Result<Option<ArticleSet>, String> {
        if self.sources.is_empty() {
            return Ok(None);
        }
        for (index, gathered) in &self.gathered {
            if let Some(event) = self.events.get_mut(*index) {
                gathered.apply_to(event);
            }
        }
        let files: Vec<&str> = rows
            .iter()
            .filter(|row| row.outcome == RowOutcome::Imported)
            .map(|row| row.file.as_str())
            .collect();
        let set = ArticleSet {
            description: format!(
                "Imported from {} news articles as plain text: {}.",
                files.len(),
                files.join(", ")
            ),
            sources: self.sources,
            events: self.events,
            quotes: self.quotes,
            ..ArticleSet::new(title)
        };
        // Every part was valid and every id is unique: this is a check, not an expected path.
        validate_article_set(label, &set)
            .map(|_| Some(set))
            .map_err(|error| format!("the articles could not be put together into a set: {error}"))
    }
}

/// Letters and digits, lower case, one space between words: how titles are compared.
fn normalised_title(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        title.trim().to_owned()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch folder of its own holding `files` (path, content).
    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("chronoscope-batch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, content) in files {
            let path = dir.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("scratch folder");
            }
            std::fs::write(path, content).expect("scratch file");
        }
        dir
    }

    fn batch_of(paths: &[PathBuf], options: &BatchOptions) -> ArticleBatch {
        import_article_batch(paths, options, &ArticleBatchProgress::default())
            .expect("not cancelled")
    }

    const TALKS: &str = "Talks resume in the test city\n\nSource: Test Wire\n\nPublished: 12 March 2024\n\n\
        \"We will be back,\" Jane Roe, the chief negotiator, said as delegations met in the \
        test city on 11 March 2024 to reopen the corridor talks.\n";

    #[test]
    fn a_folder_gives_its_article_files_by_name_and_names_what_it_does_not_read() {
        let dir = folder(
            "expand",
            &[
                ("b.txt", "b"),
                ("a.md", "a"),
                ("sub/c.html", "c"),
                (".hidden/d.txt", "d"),
                (".e.txt", "e"),
                ("notes.pdf", "f"),
            ],
        );
        let (files, skipped) = article_files(std::slice::from_ref(&dir));
        let labels: Vec<&str> = files.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(labels, ["a.md", "b.txt", "sub/c.html"]);
        let mut not_read: Vec<(String, &str)> = skipped
            .iter()
            .map(|s| {
                let name = s.path.strip_prefix(&dir).unwrap_or(&s.path);
                (name.display().to_string(), s.reason.as_str())
            })
            .collect();
        not_read.sort();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(
            not_read,
            [
                (".e.txt".to_owned(), "hidden: not read"),
                (".hidden".to_owned(), "hidden: not read"),
                (
                    "notes.pdf".to_owned(),
                    "not an article file by its name (expected .txt, .text, .md, .html, .htm)"
                ),
            ]
        );
    }

    #[test]
    fn a_copy_that_states_its_date_replaces_an_earlier_one_that_does_not() {
        let body = "<body><article><h1>Corridor talks resume</h1><p>Delegations met in the \
                    test city on Monday to reopen the corridor talks, officials said, after \
                    weeks of quiet contacts between the two sides and their mediators.</p>\
                    <p>\u{201c}We will be back,\u{201d} Jane Roe, the chief negotiator, said \
                    after the first session ended late in the evening.</p></article></body>";
        let bare = format!("<html><head><title>Corridor talks resume</title></head>{body}</html>");
        let stated = format!(
            "<html><head><title>Corridor talks resume</title>\
             <meta property=\"og:site_name\" content=\"Test Wire\">\
             <meta property=\"article:published_time\" content=\"2024-03-12T10:00:00Z\">\
             </head>{body}</html>"
        );
        let dir = folder("dated-copy", &[("a.html", &bare), ("b.html", &stated)]);
        let batch = batch_of(std::slice::from_ref(&dir), &BatchOptions::default());
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(batch.rows.len(), 2);
        assert_eq!(batch.rows[0].outcome, RowOutcome::Failed);
        assert!(
            batch.rows[0].problems[0].contains("which states its date"),
            "{:?}",
            batch.rows[0].problems
        );
        assert_eq!(batch.rows[1].outcome, RowOutcome::Imported);
        assert_eq!(batch.rows[1].outlet.as_deref(), Some("Test Wire"));
    }

    #[test]
    fn a_file_given_twice_is_read_once_and_a_repeated_text_imported_once() {
        let dir = folder("twice", &[("a.txt", TALKS), ("copy.txt", TALKS)]);
        let a = dir.join("a.txt");
        let batch = batch_of(
            &[a.clone(), a, dir.join("copy.txt")],
            &BatchOptions::default(),
        );
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(batch.skipped.len(), 1);
        assert_eq!(batch.skipped[0].reason, "given twice: read once");
        assert_eq!(batch.rows.len(), 2);
        assert_eq!(batch.rows[1].outcome, RowOutcome::Failed);
        assert!(
            batch.rows[1].problems[0].starts_with("has the same text as "),
            "{:?}",
            batch.rows[1].problems
        );
        assert_eq!(batch.set.expect("a set").sources.len(), 1);
    }

    #[test]
    fn the_same_event_in_two_articles_is_one_event_citing_both() {
        let other = TALKS
            .replace("Test Wire", "Example Herald")
            .replace("12 March", "13 March")
            .replace("Talks resume", "Corridor talks resume");
        let dir = folder("merge", &[("a.txt", TALKS), ("b.txt", &other)]);
        let batch = batch_of(std::slice::from_ref(&dir), &BatchOptions::default());
        let _ = std::fs::remove_dir_all(&dir);
        let set = batch.set.expect("a set");
        assert_eq!(set.sources.len(), 2);
        assert_eq!(set.events.len(), 1, "{:?}", set.events);
        let event = &set.events[0];
        assert_eq!(event.date.to_iso(), "2024-03-11");
        assert_eq!(
            event.sources().to_vec(),
            [set.sources[0].id.as_str(), set.sources[1].id.as_str()]
        );
        assert_eq!(batch.merges.len(), 1);
        // The same sentence in both: the summary has it once.
        assert_eq!(
            event.summary(),
            "\"We will be back,\" Jane Roe, the chief negotiator, said as delegations met in the \
             test city on 11 March 2024 to reopen the corridor talks."
        );
        assert!(
            batch.merges[0]
                .contains("of b.txt is the same as in a.txt (same date and title): merged"),
            "{}",
            batch.merges[0]
        );
        // Both quotes are kept, each with its own article, and both name the merged event.
        assert_eq!(set.quotes.len(), 2);
        assert_ne!(set.quotes[0].source, set.quotes[1].source);
        assert!(
            set.quotes
                .iter()
                .all(|q| q.event.as_deref() == Some(event.id()))
        );
        assert_eq!((batch.rows[0].events, batch.rows[1].events), (1, 1));
    }

    #[test]
    fn two_articles_of_one_outlet_and_day_get_ids_of_their_own() {
        let other = TALKS
            .replace(
                "Talks resume in the test city",
                "A second report from the test city",
            )
            .replace("11 March 2024", "10 March 2024")
            .replace("We will be back", "We are staying");
        let dir = folder("ids", &[("a.txt", TALKS), ("b.txt", &other)]);
        let batch = batch_of(std::slice::from_ref(&dir), &BatchOptions::default());
        let _ = std::fs::remove_dir_all(&dir);
        let set = batch.set.expect("a set");
        let ids: Vec<&str> = set.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["test-wire-2024-03-12", "test-wire-2024-03-12-2"]);
        assert!(set.events[1].id().starts_with("test-wire-2024-03-12-2-"));
        assert_eq!(set.quotes[1].source, "test-wire-2024-03-12-2");
        assert_eq!(set.quotes[1].id, "test-wire-2024-03-12-2-q01");
    }

    #[test]
    fn a_date_given_for_the_batch_dates_only_the_articles_without_one() {
        let undated = "Corridor analysis\n\n\"It is slow,\" said Jane Roe, an analyst.\n\nThey met on Saturday.\n";
        let dir = folder("fallback", &[("a.txt", TALKS), ("b.txt", undated)]);
        let without = batch_of(std::slice::from_ref(&dir), &BatchOptions::default());
        let with = batch_of(
            std::slice::from_ref(&dir),
            &BatchOptions {
                fallback_published: NaiveDate::from_ymd_opt(2024, 3, 20),
                ..BatchOptions::default()
            },
        );
        let _ = std::fs::remove_dir_all(&dir);
        let mut without = without;
        assert_eq!(without.rows[1].outcome, RowOutcome::NeedsPublicationDate);
        assert_eq!(without.set.as_ref().map(|set| set.sources.len()), Some(1));
        assert!(
            without.rows[1]
                .problems
                .iter()
                .any(|p| p.contains("relative dates"))
        );
        assert_eq!(with.rows[0].published, NaiveDate::from_ymd_opt(2024, 3, 12));
        assert_eq!(with.rows[1].published, NaiveDate::from_ymd_opt(2024, 3, 20));
        assert_eq!(with.rows[1].outcome, RowOutcome::Imported);
        // "on Saturday" before Wednesday 20 March 2024.
        let set = with.set.expect("a set");
        assert!(set.events.iter().any(|e| e.date.to_iso() == "2024-03-16"));
        // The date can also be given for the one article afterwards (the summary window).
        assert!(without.give_published(0, day(2024, 3, 20)).is_err());
        assert_eq!(without.give_published(1, day(2024, 3, 20)), Ok(()));
        assert_eq!(without.rows[1].outcome, RowOutcome::Imported);
        assert_eq!(
            without.rows[1].problems[0],
            "no publication date in the text: 2024-03-20 given"
        );
        let set = without.set.as_ref().expect("a set");
        assert_eq!(set.sources.len(), 2);
        assert!(set.events.iter().any(|e| e.date.to_iso() == "2024-03-16"));
        assert!(without.give_published(1, day(2024, 3, 20)).is_err());
    }

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a date")
    }

    #[test]
    fn a_cancelled_batch_gives_nothing_and_progress_counts_files() {
        let dir = folder("cancel", &[("a.txt", TALKS), ("b.txt", "x")]);
        let progress = ArticleBatchProgress::default();
        assert!(
            import_article_batch(
                std::slice::from_ref(&dir),
                &BatchOptions::default(),
                &progress
            )
            .is_some()
        );
        assert_eq!((progress.files_done(), progress.files_total()), (2, 2));
        assert_eq!(progress.fraction(), 1.0);
        let cancelled = ArticleBatchProgress::default();
        cancelled.cancel();
        let batch = import_article_batch(
            std::slice::from_ref(&dir),
            &BatchOptions::default(),
            &cancelled,
        );
        let _ = std::fs::remove_dir_all(&dir);
        assert!(batch.is_none());
    }

    #[test]
    fn a_merged_event_gathers_each_source_actor_and_sentence_once() {
        let date = PartialDate::day(2024, 3, 11).expect("a date");
        let event = EventRecord::new("e", date, "Talks", "They met.", Category::Diplomacy)
            .with_sources(["a"])
            .with_actors(["Jane Roe"]);
        let mut gathered = Gathered::of(&event);
        assert!(gathered.add(0, "b"));
        assert!(!gathered.add(0, "a"));
        assert!(gathered.add(1, "John Doe"));
        assert!(!gathered.add(1, "Jane Roe"));
        assert!(!gathered.add(2, "They met."));
        assert!(gathered.add(2, "The two sides met."));
        let mut merged = event.clone();
        gathered.apply_to(&mut merged);
        assert_eq!(merged.sources().to_vec(), ["a", "b"]);
        assert_eq!(merged.actors().to_vec(), ["Jane Roe", "John Doe"]);
        assert_eq!(merged.summary(), "They met.\n\nThe two sides met.");
    }

    #[test]
    fn titles_compare_without_case_and_punctuation() {
        assert_eq!(
            normalised_title("Talks, in  ISTANBUL!"),
            "talks in istanbul"
        );
        assert_eq!(normalised_title(" … "), "…");
    }
}
