//! A batch of articles imported on a background thread, as [`super::job::ChangeJob`] applies
//! changes: the window reads the progress (files done of total) every frame, can cancel at any
//! time, and takes the summary when the job has finished.

use std::path::PathBuf;
use std::sync::Arc;

use super::article_batch::{
    ArticleBatch, ArticleBatchProgress, BatchOptions, import_article_batch,
};
use super::background::BackgroundTask;

/// A batch import running on its own thread.
pub struct ArticleBatchJob {
    /// The files and folders given.
    pub paths: Vec<PathBuf>,
    progress: Arc<ArticleBatchProgress>,
    task: BackgroundTask<ArticleBatch>,
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
        let job_paths = paths.clone();
        let job_progress = Arc::clone(&progress);
        let work = move || {
            import_article_batch(&job_paths, &options, &job_progress)
                .filter(|_| !job_progress.is_cancelled())
        };
        Self {
            paths,
            progress,
            task: BackgroundTask::spawn("import articles", work, on_done),
        }
    }

    pub fn progress(&self) -> &ArticleBatchProgress {
        &self.progress
    }

    /// Whether the job has finished (with a summary, or cancelled, or failed to start).
    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }

    /// The summary, once the job has finished; `None` after a cancel and while it runs.
    pub fn take_outcome(&self) -> Option<ArticleBatch> {
        // A summary that arrived just before the cancel is dropped too.
        if self.progress.is_cancelled() {
            return None;
        }
        self.task.take()
    }

    /// Stops the job: its summary, if it still comes, is dropped.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Waits for the summary (tests and the command line).
    pub fn wait(self) -> Option<ArticleBatch> {
        let batch = self.task.wait();
        batch.filter(|_| !self.progress.is_cancelled())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    fn scratch_folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "chronoscope-batch-job-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let article =
            "Talks resume\n\nPublished: 12 March 2024\n\n\"We will be back,\" Jane Roe said.\n";
        std::fs::write(dir.join("a.txt"), article).expect("scratch file");
        std::fs::write(dir.join("b.txt"), "").expect("scratch file");
        dir
    }

    #[test]
    fn a_finished_job_gives_its_summary_and_counted_every_file() {
        let dir = scratch_folder("done");
        let (sender, done) = mpsc::channel();
        let job = ArticleBatchJob::start(vec![dir.clone()], BatchOptions::default(), move || {
            let _ = sender.send(());
        });
        let _ = done.recv();
        assert!(job.is_finished());
        assert_eq!(
            (job.progress().files_done(), job.progress().files_total()),
            (2, 2)
        );
        let batch = job.take_outcome().expect("a summary");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(batch.rows.len(), 2);
        assert_eq!(batch.imported_count(), 1);
        assert_eq!(batch.rows[1].problems, ["is empty"]);
    }

    #[test]
    fn a_cancelled_job_gives_no_summary() {
        let dir = scratch_folder("cancel");
        let job = ArticleBatchJob::start(vec![dir.clone()], BatchOptions::default(), || {});
        job.cancel();
        let outcome = job.wait();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(outcome.is_none());
    }
}
