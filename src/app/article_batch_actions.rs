//! The window's side of importing many articles at once: starting the background batch (from
//! a folder dialog, a multiple choice in the article-file dialog or dropped files), showing
//! its progress, taking its summary, and adding its one set through the queue of changes.

use std::path::PathBuf;

use egui::Ui;

use super::ChronoscopeApp;
use super::command::AppCommand;
use super::file_dialogs::{DialogAnswer, DialogPurpose};
use super::notifications::NotificationKind;
use crate::loading::DataChange;
use crate::loading::article_batch::{ArticleBatch, BatchOptions};
use crate::loading::article_batch_job::ArticleBatchJob;
use crate::loading::article_file::split_dropped_paths;
use crate::ui::article_batch_ui::{
    ArticleBatchAction, article_batch_progress_ui, article_batch_window_ui,
};

impl ChronoscopeApp {
    /// Whether a batch of articles is being imported (tests wait for this to end).
    pub fn is_importing_articles(&self) -> bool {
        self.article_batch_job.is_some()
    }

    /// The summary waiting for Add or Cancel, if any.
    pub fn article_batch_summary(&self) -> Option<&ArticleBatch> {
        self.article_batch_window.batch.as_ref()
    }

    /// Starts importing `paths` (files and folders) in the background; one batch at a time.
    pub(super) fn start_article_batch(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if self.article_batch_job.is_some() {
            self.notifications.push(
                NotificationKind::Info,
                "Articles are already being imported: wait for them or cancel first",
                Vec::new(),
            );
            return;
        }
        self.article_import.open = false;
        self.article_batch_window.show(None);
        let repaint = ctx.clone();
        self.article_batch_job = Some(ArticleBatchJob::start(
            paths,
            BatchOptions::default(),
            move || repaint.request_repaint(),
        ));
        ctx.request_repaint();
    }

    /// Takes the summary of a finished batch into the summary window.
    pub(super) fn poll_article_batch(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.article_batch_job else {
            return;
        };
        if !job.is_finished() {
            // Progress is read from the job's counters: keep painting while it runs.
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        let batch = job.take_outcome();
        self.article_batch_job = None;
        self.article_batch_window.show(batch);
    }

    /// Stops the running batch; nothing is added.
    pub(super) fn cancel_article_batch(&mut self) {
        if let Some(job) = self.article_batch_job.take() {
            job.cancel();
            self.notifications.push(
                NotificationKind::Info,
                "Importing the articles was cancelled; nothing was changed",
                Vec::new(),
            );
        }
    }

    /// What dropped paths ask for: data files are added as before; one article file opens the
    /// import window on it; several, or a folder, are imported as a batch.
    pub(super) fn dropped_paths_commands(&mut self, paths: Vec<PathBuf>) -> Vec<AppCommand> {
        let (data, articles) = split_dropped_paths(paths);
        let mut commands = Vec::new();
        if !data.is_empty() {
            commands.push(AppCommand::AddFiles(data));
        }
        match articles.as_slice() {
            [] => {}
            [file] if !file.is_dir() => {
                commands.extend(self.handle_dialog_answer(DialogAnswer {
                    purpose: DialogPurpose::ImportArticle,
                    paths: articles,
                }));
            }
            _ => commands.push(AppCommand::ImportArticles(articles)),
        }
        commands
    }

    /// The progress line of a running batch (in the top bar, under the loading line).
    pub(super) fn article_batch_progress_line_ui(
        &self,
        ui: &mut Ui,
        commands: &mut Vec<AppCommand>,
    ) {
        if let Some(job) = &self.article_batch_job {
            article_batch_progress_ui(ui, job, commands);
        }
    }

    /// The summary window; its Add queues the set as a change to what is loaded.
    pub(super) fn article_batch_window_ui(&mut self, ctx: &egui::Context) {
        if let Some(ArticleBatchAction::Add { label, set }) =
            article_batch_window_ui(ctx, &mut self.article_batch_window)
        {
            self.request_change(DataChange::AddSet {
                label,
                set: Box::new(set),
            });
        }
    }
}
