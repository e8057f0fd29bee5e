//! A change to what is loaded, applied on a background thread: the window polls for the
//! result, shows progress, and can cancel at any time without losing anything. The job also
//! prepares what the window needs from the new data (`prepare`), so that the window's thread
//! only swaps it in.

use std::sync::Arc;

use super::background::BackgroundTask;
use super::change::{AppliedChange, DataChange, apply_change};
use super::read::{LoadPhase, LoadProgress};
use crate::model::dataset::Dataset;

/// What a finished job gives back: the change applied and, when the data changed, what
/// `prepare` made of the new data.
pub struct ChangeOutcome<P> {
    pub applied: AppliedChange,
    pub prepared: Option<P>,
}

/// A change running on its own thread.
pub struct ChangeJob<P> {
    /// The change, as asked for (its data moved to the thread).
    pub description: String,
    pub paths: Vec<std::path::PathBuf>,
    replaces: bool,
    progress: Arc<LoadProgress>,
    task: BackgroundTask<ChangeOutcome<P>>,
}

impl<P: Send + 'static> ChangeJob<P> {
    /// Starts applying `change` to `current`; `prepare` turns the new data into what the
    /// window shows, on the job's thread; `on_done` runs when the job has finished (the
    /// window passes a repaint request).
    pub fn start(
        change: DataChange,
        current: Arc<Dataset>,
        prepare: impl FnOnce(Dataset) -> P + Send + 'static,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let progress = Arc::new(LoadProgress::default());
        let paths = change.paths().to_vec();
        let replaces = change.replaces();
        let description = describe(&change);
        let job_progress = Arc::clone(&progress);
        let work = move || {
            let mut applied = apply_change(current, change, &job_progress);
            let prepared = applied.dataset.take().map(|dataset| {
                job_progress.set_phase(LoadPhase::PreparingView);
                prepare(dataset)
            });
            (!job_progress.is_cancelled()).then_some(ChangeOutcome { applied, prepared })
        };
        Self {
            description,
            paths,
            replaces,
            progress,
            task: BackgroundTask::spawn("change the data", work, on_done),
        }
    }
}

impl<P> ChangeJob<P> {
    pub fn progress(&self) -> &LoadProgress {
        &self.progress
    }

    /// Whether the change starts from nothing (Open, the built-in chronology alone).
    pub fn replaces(&self) -> bool {
        self.replaces
    }

    /// Whether the job has finished (with an outcome, or cancelled, or failed to start).
    pub fn is_finished(&self) -> bool {
        self.task.is_finished()
    }

    /// The outcome, once the job has finished; `None` after a cancel, and while it runs.
    pub fn take_outcome(&self) -> Option<ChangeOutcome<P>> {
        self.task.take()
    }

    /// Stops the job: its result, if it still comes, is dropped.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Waits for the outcome (tests, the bench and the command line).
    pub fn wait(self) -> Option<ChangeOutcome<P>> {
        self.task.wait()
    }
}

/// "a.json, b.csv", "the built-in chronology", "remove a.json", for messages.
fn describe(change: &DataChange) -> String {
    match change {
        DataChange::Open(paths) | DataChange::Add(paths) => paths
            .iter()
            .map(|path| super::file_label(path))
            .collect::<Vec<_>>()
            .join(", "),
        DataChange::Builtin { .. } => crate::builtin::BUILTIN_LABEL.to_owned(),
        DataChange::AddSet { label, .. } => label.clone(),
        DataChange::Remove { label, .. } => format!("removing {label}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article_set::ArticleSet;

    fn set_titled(title: &str) -> Box<ArticleSet> {
        Box::new(ArticleSet::new(title))
    }

    #[test]
    fn an_outcome_that_arrives_is_never_lost() {
        let job = ChangeJob::start(
            DataChange::AddSet {
                label: "a".to_owned(),
                set: set_titled("A"),
            },
            Arc::new(Dataset::empty()),
            |dataset| dataset.files.len(),
            || {},
        );
        while !job.is_finished() {
            std::thread::yield_now();
        }
        let outcome = job.take_outcome().expect("an outcome");
        assert_eq!(outcome.prepared, Some(1));
        assert_eq!(outcome.applied.loaded.len(), 1);
    }

    #[test]
    fn changes_applied_in_order_each_see_the_one_before() {
        let mut current = Arc::new(Dataset::empty());
        for label in ["a", "b", "c"] {
            let job = ChangeJob::start(
                DataChange::AddSet {
                    label: label.to_owned(),
                    set: set_titled(label),
                },
                Arc::clone(&current),
                Arc::new,
                || {},
            );
            current = job.wait().and_then(|o| o.prepared).expect("applied");
        }
        let labels: Vec<&str> = current.files.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["a", "b", "c"]);
    }
}
