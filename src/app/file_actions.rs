//! The window's File actions: dialogs, loading in the background, merging, removing a file,
//! saving, recent files and dropped files. What is loaded changes only when a load succeeds.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::ChronoscopeApp;
use super::command::AppCommand;
use super::file_dialogs::{DialogAnswer, DialogPurpose, DialogRequest};
use super::notifications::NotificationKind;
use crate::builtin::{BUILTIN_LABEL, add_builtin, builtin_dataset};
use crate::explorer::Explorer;
use crate::load_job::{ExplorerSettings, LoadJob, LoadOutcome, LoadTarget};
use crate::model::article_set::to_json_pretty;
use crate::model::atomic_write::write_file_atomically;
use crate::model::dataset::Dataset;

/// How many files File ▸ Open recent lists.
pub const RECENT_FILES_KEPT: usize = 10;

/// Whether a load replaces what is loaded or adds to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadMode {
    Replace,
    Add,
}

/// A load waiting for the running one to finish.
#[derive(Clone, Debug)]
pub(super) struct QueuedLoad {
    pub paths: Vec<PathBuf>,
    pub mode: LoadMode,
}

/// The running load.
pub(super) struct RunningLoad {
    pub job: LoadJob,
    pub mode: LoadMode,
}

impl ChronoscopeApp {
    /// Whether files are being loaded (tests wait for this to end).
    pub fn is_loading(&self) -> bool {
        self.running_load.is_some() || !self.queued_loads.is_empty()
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
            DialogPurpose::Add => vec![AppCommand::AddFiles(answer.paths)],
            DialogPurpose::SaveAs => answer
                .paths
                .into_iter()
                .next()
                .map(AppCommand::SaveTo)
                .into_iter()
                .collect(),
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

    /// Starts loading, or queues the load behind the one running.
    pub(super) fn load_files(&mut self, paths: Vec<PathBuf>, mode: LoadMode, ctx: &egui::Context) {
        if paths.is_empty() {
            return;
        }
        if self.running_load.is_some() {
            self.queued_loads.push_back(QueuedLoad { paths, mode });
            return;
        }
        let mut filter = self.filter.clone();
        let target = match mode {
            LoadMode::Replace => {
                filter.hidden_files.clear();
                LoadTarget::Replace
            }
            LoadMode::Add => LoadTarget::AddTo(Box::new(self.explorer.dataset.clone())),
        };
        let settings = ExplorerSettings {
            filter,
            lane_mode: self.settings.lane_mode,
            compress_quiet_years: self.settings.compress_quiet_years,
        };
        let repaint = ctx.clone();
        let job = LoadJob::start(paths, target, settings, move || repaint.request_repaint());
        self.running_load = Some(RunningLoad { job, mode });
    }

    /// Takes the outcome of a finished load, and starts the next queued one.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.running_load else {
            return;
        };
        if let Some(outcome) = running.job.poll() {
            let mode = running.mode;
            self.running_load = None;
            self.finish_load(outcome, mode);
        } else if running.job.is_gone() {
            self.running_load = None;
        } else {
            // Progress is read from the job's counters: keep painting while it runs.
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        if self.running_load.is_none()
            && let Some(next) = self.queued_loads.pop_front()
        {
            self.load_files(next.paths, next.mode, ctx);
        }
    }

    fn finish_load(&mut self, outcome: LoadOutcome, mode: LoadMode) {
        let some_loaded = outcome.explorer.is_some();
        for error in &outcome.errors {
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
        for (label, report, warnings) in &outcome.loaded {
            let kind = if warnings.is_empty() {
                NotificationKind::Info
            } else {
                NotificationKind::Warning
            };
            let verb = if mode == LoadMode::Replace {
                "Opened"
            } else {
                "Added"
            };
            self.notifications
                .push(kind, format!("{verb} {label}: {report}"), warnings.clone());
        }
        for path in &outcome.loaded_paths {
            self.remember_recent(path);
        }
        if let Some(explorer) = outcome.explorer {
            if mode == LoadMode::Replace {
                self.filter.hidden_files.clear();
            }
            self.replace_explorer(explorer, mode == LoadMode::Replace);
        }
    }

    /// An explorer of `dataset` with the window's filter and modes.
    fn explorer_for(&self, dataset: Dataset) -> Explorer {
        Explorer::new(
            dataset,
            self.filter.clone(),
            self.settings.lane_mode,
            self.settings.compress_quiet_years,
        )
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

    /// Reads a plain-text article into the import window.
    fn open_article_file(&mut self, path: &Path) {
        let label = crate::cli::file_label(path);
        let progress = crate::load_job::LoadProgress::default();
        let read = crate::load_job::read_file_with_progress(path, &label, &progress);
        let text = read.and_then(|bytes| {
            String::from_utf8(bytes).map_err(|error| {
                let valid = error.utf8_error().valid_up_to();
                let position =
                    crate::model::json_position::position_of_byte(error.as_bytes(), valid);
                crate::model::load_error::LoadError::single(
                    &label,
                    crate::model::load_error::Problem::new(
                        "is not UTF-8 text: expected a plain-text article",
                    )
                    .at_position(position),
                )
            })
        });
        match text {
            Ok(text) => self.article_import.open_with_text(label, text),
            Err(error) => self.notifications.push(
                NotificationKind::Error,
                format!("Could not import {label}; nothing was changed"),
                error.lines(),
            ),
        }
    }

    /// Adds a set made in the window (an imported article) at once: it is small.
    pub(super) fn add_set_now(&mut self, label: &str, set: crate::model::ArticleSet) {
        let mut dataset = self.explorer.dataset.clone();
        let report = dataset.add_article_set(label, set);
        let explorer = self.explorer_for(dataset);
        self.replace_explorer(explorer, false);
        self.notifications.push(
            NotificationKind::Info,
            format!("Added {label}: {report}"),
            Vec::new(),
        );
    }

    pub(super) fn cancel_loading(&mut self) {
        if let Some(running) = self.running_load.take() {
            running.job.cancel();
            self.notifications.push(
                NotificationKind::Info,
                format!(
                    "Loading {} was cancelled; nothing was changed",
                    file_names(&running.job.paths)
                ),
                Vec::new(),
            );
        }
        self.queued_loads.clear();
    }

    pub(super) fn load_builtin(&mut self, replace: bool) {
        let result = if replace {
            builtin_dataset()
        } else {
            let mut dataset = self.explorer.dataset.clone();
            add_builtin(&mut dataset).map(|()| dataset)
        };
        match result {
            Ok(dataset) => {
                if replace {
                    self.filter.hidden_files.clear();
                }
                let explorer = self.explorer_for(dataset);
                self.replace_explorer(explorer, replace);
            }
            Err(error) => self.notifications.push(
                NotificationKind::Error,
                format!("Could not load the {BUILTIN_LABEL}"),
                error.lines(),
            ),
        }
    }

    pub(super) fn remove_file(&mut self, file: usize) {
        let Some(loaded) = self.explorer.dataset.files.get(file) else {
            return;
        };
        let label = loaded.label.clone();
        let dataset: Dataset = self.explorer.dataset.without_file(file);
        self.filter.hidden_files = self
            .filter
            .hidden_files
            .iter()
            .filter(|&&hidden| hidden != file)
            .map(|&hidden| if hidden > file { hidden - 1 } else { hidden })
            .collect();
        let explorer = self.explorer_for(dataset);
        self.replace_explorer(explorer, false);
        self.notifications.push(
            NotificationKind::Info,
            format!("Removed {label}"),
            Vec::new(),
        );
    }

    /// Writes the loaded dataset as one native article set, atomically.
    pub(super) fn save_to(&mut self, path: &Path) {
        let set = self.explorer.dataset.to_article_set();
        let json = to_json_pretty(&set);
        match write_file_atomically(path, json.as_bytes()) {
            Ok(()) => {
                self.notifications.push(
                    NotificationKind::Info,
                    format!(
                        "Saved {} events, {} sources and {} quotes to {}",
                        set.events.len(),
                        set.sources.len(),
                        set.quotes.len(),
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

    /// Files dropped onto the window are added, as with File ▸ Add.
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
        if dropped.is_empty() {
            Vec::new()
        } else {
            vec![AppCommand::AddFiles(dropped)]
        }
    }

    /// The progress strip of a running load, with its Cancel button.
    pub(super) fn loading_ui(&self, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
        let Some(running) = &self.running_load else {
            return;
        };
        let progress = running.job.progress();
        let paths = &running.job.paths;
        let file = paths
            .get(progress.file_index())
            .map(|path| crate::cli::file_label(path))
            .unwrap_or_default();
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
    let names: Vec<String> = paths
        .iter()
        .map(|path| crate::cli::file_label(path))
        .collect();
    names.join(", ")
}
