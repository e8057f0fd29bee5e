//! A batch of articles imported on a background thread, as [`super::job::ChangeJob`] applies
//! changes: the window reads the progress (files done of total) every frame, can cancel at any
//! time, and takes the summary when the job has finished.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use super::article_batch::{
    ArticleBatch, ArticleBatchProgress, BatchOptions, import_article_batch,
};

/// A batch import running on its own thread.
pub struct ArticleBatchJob {
    /// The files and folders given.
    pub paths: Vec<PathBuf>,
    progress: Arc<ArticleBatchProgress>,
    /// The summary is put here before `finished` is set, so that it is never lost between two
    /// looks.
    outcome: Arc<Mutex<Option<ArticleBatch>>>,
    finished: Arc<AtomicBool>,
    done: mpsc::Receiver<()>,
}

/// Sets a flag when dropped: the job counts as finished even if its thread panics.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

impl ArticleBatchJob {
    /// Starts importing `paths`; `on_done` runs when the job has finished (the window passes a
    /// repaint request).
    pub fn start(
        paths: Vec<PathBuf>,
        options: BatchOptions,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let progress = Arc::new(ArticleBatchProgress::default());
        let outcome = Arc::new(Mutex::new(None));
        let finished = Arc::new(AtomicBool::new(false));
        let finished_guard = SetOnDrop(Arc::clone(&finished));
        let (sender, done) = mpsc::channel();
        let job_paths = paths.clone();
        let job_progress = Arc::clone(&progress);
        let job_outcome = Arc::clone(&outcome);
        let spawned = std::thread::Builder::new()
            .name("import articles".to_owned())
            .spawn(move || {
                let finished_guard = finished_guard;
                let batch = import_article_batch(&job_paths, &options, &job_progress);
                if let Some(batch) = batch
                    && !job_progress.is_cancelled()
                    && let Ok(mut slot) = job_outcome.lock()
                {
                    *slot = Some(batch);
                }
                drop(finished_guard);
                let _ = sender.send(());
                on_done();
            });
        if let Err(error) = spawned {
            log::error!("cannot start a thread to import articles: {error}");
        }
        Self {
            paths,
            progress,
            outcome,
            finished,
            done,
        }
    }

    pub fn progress(&self) -> &ArticleBatchProgress {
        &self.progress
    }

    /// Whether the job has finished (with a summary, or cancelled, or failed to start).
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Acquire)
    }

    /// The summary, once the job has finished; `None` after a cancel and while it runs.
    pub fn take_outcome(&self) -> Option<ArticleBatch> {
        self.outcome.lock().ok().and_then(|mut slot| slot.take())
    }

    /// Stops the job: its summary, if it still comes, is dropped.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Waits for the summary (tests and the command line).
    pub fn wait(self) -> Option<ArticleBatch> {
        let _ = self.done.recv();
        self.take_outcome()
    }
}
