//! The one loading path: read a file with progress and the memory check, tell its format,
//! import it, merge it into a snapshot of what is loaded, and save atomically. The window's
//! background job, every command-line command and `render` go through here.

pub mod article_batch;
pub mod article_batch_job;
pub mod article_file;
pub mod background;
pub mod change;
pub mod import_bench;
pub mod job;
pub mod read;

use std::path::{Path, PathBuf};

pub use change::{AppliedChange, DataChange, apply_change};
pub use job::ChangeJob;
pub use read::{LoadPhase, LoadProgress, ReadError, read_file_with_progress};

use crate::import::{Imported, import_bytes};
use crate::model::article_set::to_json_pretty;
use crate::model::dataset::Dataset;
use crate::model::load_error::LoadError;
use crate::model::merge_report::MergeReport;

/// What loading one file (or set) did.
#[derive(Clone, Debug)]
pub struct LoadedFileReport {
    /// The file's label.
    pub label: String,
    /// What merging it did.
    pub report: MergeReport,
    /// What its importer skipped or changed, one line each, naming the file.
    pub warnings: Vec<String>,
}

/// The label a file carries in messages and provenance.
pub fn file_label(path: &Path) -> String {
    path.display().to_string()
}

/// Reads and imports one file (refusing files too large for memory), in any known format.
pub fn import_file(path: &Path) -> Result<Imported, LoadError> {
    let label = file_label(path);
    let progress = LoadProgress::default();
    match read_file_with_progress(path, &label, &progress) {
        Ok(bytes) => import_bytes(&label, &bytes),
        Err(ReadError::Failed(error)) => Err(error),
        Err(ReadError::Cancelled) => Err(LoadError::single(
            &label,
            crate::model::load_error::Problem::new("reading was cancelled"),
        )),
    }
}

/// Reads, imports and merges each file into `dataset`, in order: a report for each file that
/// loaded, an error for each that did not (which changes nothing).
pub fn add_files(
    dataset: &mut Dataset,
    paths: &[PathBuf],
) -> (Vec<LoadedFileReport>, Vec<LoadError>) {
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match import_file(path) {
            Ok(imported) => loaded.push(merge_imported(dataset, file_label(path), imported)),
            Err(error) => errors.push(error),
        }
    }
    (loaded, errors)
}

/// Merges an imported file into `dataset`: what it did, with the importer's warnings.
pub fn merge_imported(
    dataset: &mut Dataset,
    label: String,
    imported: Imported,
) -> LoadedFileReport {
    let report = dataset.add_set(&label, imported.set, imported.made_up_ids);
    let warnings = imported
        .warnings
        .into_iter()
        .map(|warning| labelled_warning(&label, warning))
        .collect();
    LoadedFileReport {
        label,
        report,
        warnings,
    }
}

/// A warning that names its file once: importers already start theirs with the file name.
pub fn labelled_warning(label: &str, warning: String) -> String {
    if warning.starts_with(label) {
        warning
    } else {
        format!("{label}: {warning}")
    }
}

/// How many items a saved set holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SavedCounts {
    pub events: usize,
    pub sources: usize,
    pub quotes: usize,
    pub eras: usize,
}

/// Writes everything loaded as one native article set, atomically: what File ▸ Save as and
/// `chronoscope merge` write.
pub fn save_dataset(dataset: &Dataset, path: &Path) -> std::io::Result<SavedCounts> {
    let set = dataset.to_article_set();
    let json = to_json_pretty(&set);
    crate::model::atomic_write::write_file_atomically(path, json.as_bytes())?;
    Ok(SavedCounts {
        events: set.events.len(),
        sources: set.sources.len(),
        quotes: set.quotes.len(),
        eras: set.eras.len(),
    })
}
