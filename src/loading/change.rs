//! Changes to what is loaded, as values: every Open, Add, built-in chronology, imported article
//! and Remove is a [`DataChange`] applied to the data as it is when its turn comes, so that no
//! change can overwrite another.

use std::path::PathBuf;
use std::sync::Arc;

use super::read::{LoadPhase, LoadProgress, ReadError, read_file_with_progress};
use super::{LoadedFileReport, file_label, merge_imported};
use crate::builtin::{BUILTIN_LABEL, add_builtin};
use crate::import::import_bytes;
use crate::model::article_set::ArticleSet;
use crate::model::dataset::{Dataset, MadeUpIds};
use crate::model::load_error::LoadError;

/// One change to what is loaded.
#[derive(Clone, Debug)]
pub enum DataChange {
    /// Replace what is loaded by these files (File ▸ Open, Open recent).
    Open(Vec<PathBuf>),
    /// Add these files to what is loaded (File ▸ Add, dropped files).
    Add(Vec<PathBuf>),
    /// The built-in chronology, alone or added to what is loaded.
    Builtin { replace: bool },
    /// A set made in the window (an imported article), added; its ids are made up.
    AddSet { label: String, set: Box<ArticleSet> },
    /// Unload a file and what only it had: `file` indexes `Dataset::files` when the change was
    /// asked for, `label` confirms it (an earlier change may have moved it).
    Remove { file: usize, label: String },
}

impl DataChange {
    /// The files the change reads, if any.
    pub fn paths(&self) -> &[PathBuf] {
        match self {
            DataChange::Open(paths) | DataChange::Add(paths) => paths,
            _ => &[],
        }
    }

    /// Whether the change starts from nothing.
    pub fn replaces(&self) -> bool {
        matches!(
            self,
            DataChange::Open(_) | DataChange::Builtin { replace: true }
        )
    }
}

/// What applying a change gave.
#[derive(Debug, Default)]
pub struct AppliedChange {
    /// The new data, when anything changed (otherwise what is loaded stays).
    pub dataset: Option<Dataset>,
    /// Every file or set that loaded, with its merge report and warnings.
    pub loaded: Vec<LoadedFileReport>,
    /// Files that did not load, each with its problems.
    pub errors: Vec<LoadError>,
    /// The paths that loaded, for the recent files list.
    pub loaded_paths: Vec<PathBuf>,
    /// The file removed: its index before the change, and its label.
    pub removed: Option<(usize, String)>,
    /// The change was cancelled: nothing changed.
    pub cancelled: bool,
}

/// Applies `change` to `current`; `current` is only read (it is copied, on this thread, at
/// the first file that adds something).
pub fn apply_change(
    current: Arc<Dataset>,
    change: DataChange,
    progress: &LoadProgress,
) -> AppliedChange {
    let mut applied = AppliedChange::default();
    match change {
        DataChange::Open(paths) => {
            load_paths(None, &paths, progress, &mut applied);
        }
        DataChange::Add(paths) => {
            load_paths(Some(current), &paths, progress, &mut applied);
        }
        DataChange::Builtin { replace } => {
            let mut dataset = if replace {
                Dataset::empty()
            } else {
                Arc::unwrap_or_clone(current)
            };
            match add_builtin(&mut dataset) {
                Ok(report) => {
                    applied.loaded.push(LoadedFileReport {
                        label: BUILTIN_LABEL.to_owned(),
                        report,
                        warnings: Vec::new(),
                    });
                    applied.dataset = Some(dataset);
                }
                Err(error) => applied.errors.push(error),
            }
        }
        DataChange::AddSet { label, mut set } => {
            for event in &mut set.events {
                event.mark_id_made_up();
            }
            let mut dataset = Arc::unwrap_or_clone(current);
            let report = dataset.add_set(&label, *set, MadeUpIds::ALL);
            applied.loaded.push(LoadedFileReport {
                label,
                report,
                warnings: Vec::new(),
            });
            applied.dataset = Some(dataset);
        }
        DataChange::Remove { file, label } => {
            let index = if current.files.get(file).is_some_and(|f| f.label == label) {
                Some(file)
            } else {
                current.files.iter().rposition(|f| f.label == label)
            };
            if let Some(index) = index {
                applied.dataset = Some(current.without_file(index));
                applied.removed = Some((index, label));
            }
        }
    }
    if progress.is_cancelled() {
        return AppliedChange {
            cancelled: true,
            ..AppliedChange::default()
        };
    }
    applied
}

/// Reads, imports and merges files into `start` (or into nothing).
fn load_paths(
    start: Option<Arc<Dataset>>,
    paths: &[PathBuf],
    progress: &LoadProgress,
    applied: &mut AppliedChange,
) {
    let total: u64 = paths
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|metadata| metadata.len())
        .sum();
    progress.set_bytes_total(total);
    let mut start = start;
    let mut dataset: Option<Dataset> = None;
    for (index, path) in paths.iter().enumerate() {
        progress.set_file_index(index);
        progress.set_phase(LoadPhase::Reading);
        let label = file_label(path);
        let bytes = match read_file_with_progress(path, &label, progress) {
            Ok(bytes) => bytes,
            Err(ReadError::Cancelled) => return,
            Err(ReadError::Failed(error)) => {
                applied.errors.push(error);
                continue;
            }
        };
        progress.set_phase(LoadPhase::Importing);
        let imported = import_bytes(&label, &bytes);
        drop(bytes);
        if progress.is_cancelled() {
            return;
        }
        match imported {
            Ok(imported) => {
                progress.set_phase(LoadPhase::Merging);
                let dataset = dataset.get_or_insert_with(|| {
                    start
                        .take()
                        .map_or_else(Dataset::empty, Arc::unwrap_or_clone)
                });
                applied
                    .loaded
                    .push(merge_imported(dataset, label, imported));
                applied.loaded_paths.push(path.clone());
            }
            Err(error) => applied.errors.push(error),
        }
    }
    applied.dataset = dataset;
}
