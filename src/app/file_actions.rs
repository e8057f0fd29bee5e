//! The window's File actions: dialogs, changes to what is loaded (applied one after the other
//! in the background, each to the data the one before left), saving, recent files and dropped
//! files. What is loaded changes only when a change succeeds.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Ui;

use super::ChronoscopeApp;
use super::command::AppCommand;
use super::file_dialogs::{DialogAnswer, DialogPurpose, DialogRequest};
use super::notifications::NotificationKind;
use crate::article_import::read_article_document;
use crate::checks::ChronologyContext;
use crate::checks::findings_by_kind::FindingsByKind;
use crate::explore::lanes::LaneMode;
use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::loading::job::ChangeOutcome;
use crate::loading::{
    ChangeJob, DataChange, LoadProgress, ReadError, file_label, read_file_with_progress,
    save_dataset,
};
use crate::model::dataset::Dataset;

/// What a change's background job makes of the new data: everything the window shows of it.
pub struct PreparedData {
    pub explorer: Explorer,
    pub findings: FindingsByKind,
    /// What an article being imported is checked against.
    pub chronology: Arc<ChronologyContext>,
}

impl PreparedData {
    /// The explorer and findings of `dataset`, as the window starts on them or a change makes them.
    pub fn of(dataset: Dataset, filter: Filter, lane_mode: LaneMode, compress: bool) -> Self {
        let findings = FindingsByKind::of_dataset(&dataset);
        let chronology = Arc::new(ChronologyContext::of(&dataset));
        let mut explorer = Explorer::new(dataset, filter, lane_mode, compress);
        explorer.attach_findings(&findings.by_event);
        Self {
            explorer,
            findings,
            chronology,
        }
    }
}

/// How many files File ▸ Open recent lists.
pub const RECENT_FILES_KEPT: usize = 10;

impl ChronoscopeApp {
    /// Whether a change to what is loaded is running or waiting (tests wait for this to end).
    pub fn is_loading(&self) -> bool {
        self.running_change.is_some() || !self.queued_changes.is_empty()
    }

    /// Queues a change to what is loaded; it is applied after the ones before it, to the data
    /// they leave.
    pub fn request_change(&mut self, change: DataChange) {
        self.queued_changes.push_back(change);
    }

    pub(super) fn show_dialog(&mut self, purpose: DialogPurpose, ctx: &egui::Context) {
        if self.dialogs.is_open() {
            return;
        }
        let suggested_name = match purpose {
            DialogPurpose::SaveAs => Some("chronology.json".to_owned()),
            DialogPurpose::ExportImage => Some(self.export_dialog.suggested_file_name()),
            _ => None,
        };
        let directory = self
            .settings
            .recent_files
            .first()
            .and_then(|path| path.parent())
            .map(Path::to_path_buf);
        self.dialogs.show(
            DialogRequest {
                purpose,
                suggested_name,
                directory,
            },
            ctx,
        );
    }

    /// Acts on a dialog's answer; a cancelled dialog does nothing.
    pub(super) fn handle_dialog_answer(&mut self, answer: DialogAnswer) -> Vec<AppCommand> {
        if answer.paths.is_empty() {
            return Vec::new();
        }
        match answer.purpose {
            DialogPurpose::Open => vec![AppCommand::OpenFiles(answer.paths)],
            // Article files chosen here go to the import, as when dropped.
            DialogPurpose::Add => self.dropped_paths_commands(answer.paths),
            DialogPurpose::SaveAs => answer
                .paths
                .into_iter()
                .next()
                .map(AppCommand::SaveTo)
                .into_iter()
                .collect(),
            DialogPurpose::ImportArticle if answer.paths.len() > 1 => {
                vec![AppCommand::ImportArticles(answer.paths)]
            }
            DialogPurpose::ImportArticleFolder => vec![AppCommand::ImportArticles(answer.paths)],
            DialogPurpose::ImportArticle => {
                if let Some(path) = answer.paths.first() {
                    self.open_article_file(path);
                }
                Vec::new()
            }
            DialogPurpose::ExportImage => {
                if let Some(path) = answer.paths.first() {
                    self.export_to(path);
                }
                Vec::new()
            }
        }
    }

    /// Takes the outcome of a finished change, and starts the next queued one.
    pub(super) fn poll_changes(&mut self, ctx: &egui::Context) {
        if let Some(running) = &self.running_change {
            if !running.is_finished() {
                // Progress is read from the job's counters: keep painting while it runs.
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            let replaces = running.replaces();
            let outcome = running.take_outcome();
            self.running_change = None;
            if let Some(outcome) = outcome {
                self.finish_change(outcome, replaces);
            }
        }
        if let Some(change) = self.queued_changes.pop_front() {
            let mut filter = self.filter.clone();
            if change.replaces() {
                filter.hidden_files.clear();
            }
            let (lane_mode, compress) =
                (self.settings.lane_mode, self.settings.compress_quiet_years);
            let prepare =
                move |dataset: Dataset| PreparedData::of(dataset, filter, lane_mode, compress);
            let repaint = ctx.clone();
            let current = std::sync::Arc::clone(&self.explorer.dataset);
            self.running_change = Some(ChangeJob::start(change, current, prepare, move || {
                repaint.request_repaint();
            }));
            ctx.request_repaint();
        }
    }

    fn finish_change(&mut self, outcome: ChangeOutcome<PreparedData>, replaces: bool) {
        let applied = outcome.applied;
        let some_loaded = outcome.prepared.is_some();
        for error in &applied.errors {
            let consequence = if some_loaded {
                "the other files were loaded"
            } else {
                "nothing was changed"
            };
            self.notifications.push(
                NotificationKind::Error,
                format!("Could not load {}; {consequence}", error.file),
                error.lines(),
            );
        }
        let verb = if replaces { "Opened" } else { "Added" };
        for loaded in &applied.loaded {
            let kind = if loaded.warnings.is_empty() {
                NotificationKind::Info
            } else {
                NotificationKind::Warning
            };
            let mut details = loaded.warnings.clone();
            details.extend(loaded.report.note_lines());
            self.notifications.push(
                kind,
                format!("{verb} {}: {}", loaded.label, loaded.report),
                details,
            );
        }
        if let Some((file, label)) = &applied.removed {
            let file = *file;
            self.filter.hidden_files = self
                .filter
                .hidden_files
                .iter()
                .filter(|&&hidden| hidden != file)
                .map(|&hidden| if hidden > file { hidden - 1 } else { hidden })
                .collect();
            self.notifications.push(
                NotificationKind::Info,
                format!("Removed {label}"),
                Vec::new(),
            );
        }
        for path in &applied.loaded_paths {
            self.remember_recent(path);
        }
        if let Some(prepared) = outcome.prepared {
            if replaces {
                self.filter.hidden_files.clear();
            }
            self.replace_explorer(prepared.explorer, replaces);
            let old_findings = std::mem::replace(&mut self.findings, prepared.findings);
            crate::parallel::drop_in_background(old_findings);
            self.article_import.chronology = prepared.chronology;
        }
    }

    /// Shows a new explorer, keeping the selection (by id) and the view where it makes sense.
    fn replace_explorer(&mut self, mut explorer: Explorer, fit_view: bool) {
        let selected_id = self
            .selected_event
            .and_then(|index| self.explorer.dataset.events.get(index))
            .map(|event| event.id().to_owned());
        let old_range = self.explorer.dataset.time_range_days();
        explorer.update(
            &self.filter,
            self.settings.lane_mode,
            self.settings.compress_quiet_years,
        );
        // An era chosen in the export dialog may be gone or have moved: back to the view.
        if matches!(
            self.export_dialog.range,
            crate::ui::export_dialog_ui::RangeChoice::Era(_)
        ) {
            self.export_dialog.range = crate::ui::export_dialog_ui::RangeChoice::CurrentView;
        }
        // An actor or speaker chosen in a filter that the new data no longer has would hide
        // everything: the filter lets go of it.
        if let Some(actor) = &self.filter.actor
            && !explorer.actors.contains(actor)
        {
            self.filter.actor = None;
            explorer.update(
                &self.filter,
                self.settings.lane_mode,
                self.settings.compress_quiet_years,
            );
        }
        if let Some(speaker) = &self.speaker_filter
            && !explorer
                .dataset
                .quotes
                .iter()
                .any(|q| &q.speaker == speaker)
        {
            self.speaker_filter = None;
        }
        let old = std::mem::replace(&mut self.explorer, explorer);
        // Freeing a million events takes longer than a frame: let another thread do it.
        crate::parallel::drop_in_background(old);
        self.selected_event =
            selected_id.and_then(|id| self.explorer.dataset.event_index_by_id(&id));
        if fit_view || self.explorer.dataset.time_range_days() != old_range {
            self.apply(AppCommand::FitAll);
        } else {
            self.view = self.explorer.clamp(self.view);
        }
    }

    /// Reads an article file (plain text, or a saved web page's article and metadata) into
    /// the import window; a file that cannot be read leaves the window as it was.
    pub(super) fn open_article_file(&mut self, path: &Path) {
        let label = file_label(path);
        let progress = LoadProgress::default();
        let read = match read_file_with_progress(path, &label, &progress) {
            Ok(bytes) => Ok(bytes),
            Err(ReadError::Failed(error)) => Err(error),
            Err(ReadError::Cancelled) => return,
        };
        match read.and_then(|bytes| read_article_document(&bytes, &label)) {
            Ok(document) => self.article_import.open_with_document(label, document),
            Err(error) => self.notifications.push(
                NotificationKind::Error,
                format!("Could not import {label}; nothing was changed"),
                error.lines(),
            ),
        }
    }

    /// Stops the running change (what is loaded stays as it was) and the file loads waiting
    /// behind it; other waiting changes (removing a file, an imported article) still apply.
    pub(super) fn cancel_loading(&mut self) {
        let mut cancelled: Vec<String> = Vec::new();
        if let Some(running) = self.running_change.take() {
            running.cancel();
            cancelled.push(running.description.clone());
        }
        self.queued_changes.retain(|change| {
            let loads_files = !change.paths().is_empty();
            if loads_files {
                cancelled.push(file_names(change.paths()));
            }
            !loads_files
        });
        if !cancelled.is_empty() {
            self.notifications.push(
                NotificationKind::Info,
                format!(
                    "Loading {} was cancelled; nothing was changed",
                    cancelled.join(", ")
                ),
                Vec::new(),
            );
        }
    }

    /// Writes the loaded dataset as one native article set, atomically.
    pub(super) fn save_to(&mut self, path: &Path) {
        match save_dataset(&self.explorer.dataset, path) {
            Ok(saved) => {
                self.notifications.push(
                    NotificationKind::Info,
                    format!(
                        "Saved {} events, {} sources and {} quotes to {}",
                        saved.events,
                        saved.sources,
                        saved.quotes,
                        path.display()
                    ),
                    Vec::new(),
                );
                self.remember_recent(path);
            }
            Err(error) => self.notifications.push(
                NotificationKind::Error,
                format!(
                    "Could not save to {}; the file was not changed",
                    path.display()
                ),
                vec![error.to_string()],
            ),
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let recent = &mut self.settings.recent_files;
        recent.retain(|known| *known != path);
        recent.insert(0, path);
        recent.truncate(RECENT_FILES_KEPT);
    }

    /// Files dropped onto the window are added, as with File ▸ Add; articles are imported.
    pub(super) fn take_dropped_files(&mut self, ctx: &egui::Context) -> Vec<AppCommand> {
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        self.dropped_paths_commands(dropped)
    }

    /// The progress strip of a running load, with its Cancel button.
    pub(super) fn loading_ui(&self, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
        let Some(running) = &self.running_change else {
            return;
        };
        let progress = running.progress();
        let paths = &running.paths;
        let file = paths
            .get(progress.file_index())
            .map(|path| file_label(path))
            .unwrap_or_else(|| running.description.clone());
        ui.horizontal(|ui| {
            ui.spinner();
            let count = if paths.len() > 1 {
                format!(" ({} of {})", progress.file_index() + 1, paths.len())
            } else {
                String::new()
            };
            ui.label(format!("{}: {file}{count}", progress.phase().label()));
            let bar = egui::ProgressBar::new(progress.read_fraction())
                .desired_width(220.0)
                .show_percentage();
            ui.add(bar);
            if ui
                .button("Cancel")
                .on_hover_text("Stop loading; what is loaded stays as it is")
                .clicked()
            {
                commands.push(AppCommand::CancelLoading);
            }
        });
    }
}

fn file_names(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|path| file_label(path)).collect();
    names.join(", ")
}
