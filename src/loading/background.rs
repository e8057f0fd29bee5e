//! Work on its own thread whose result the window polls for: the result is put in a slot
//! before the task counts as finished, so it is never lost between two looks, and a task
//! whose thread panics or cannot start still counts as finished.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

/// A task running on its own thread.
pub struct BackgroundTask<T> {
    outcome: Arc<Mutex<Option<T>>>,
    finished: Arc<AtomicBool>,
    /// Signalled (or dropped) when the thread is done, for [`BackgroundTask::wait`].
    done: mpsc::Receiver<()>,
}

/// Sets a flag when dropped: the task counts as finished even if its thread panics.
struct SetOnDrop(Arc<AtomicBool>);

impl Drop for SetOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

impl<T: Send + 'static> BackgroundTask<T> {
    /// Runs `work` on a thread called `name`; what it returns (`None`: nothing, as after a
    /// cancel) is kept for [`BackgroundTask::take`]; `on_done` runs last (the window passes a
    /// repaint request).
    pub fn spawn(
        name: &str,
        work: impl FnOnce() -> Option<T> + Send + 'static,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let outcome = Arc::new(Mutex::new(None));
        let finished = Arc::new(AtomicBool::new(false));
        let finished_guard = SetOnDrop(Arc::clone(&finished));
        let (sender, done) = mpsc::channel();
        let job_outcome = Arc::clone(&outcome);
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let finished_guard = finished_guard;
                if let Some(result) = work()
                    && let Ok(mut slot) = job_outcome.lock()
                {
                    *slot = Some(result);
                }
                drop(finished_guard);
                let _ = sender.send(());
                on_done();
            });
        if let Err(error) = spawned {
            // The closure, and the guard in it, are dropped: the task counts as finished.
            log::error!("cannot start a thread to {name}: {error}");
        }
        Self {
            outcome,
            finished,
            done,
        }
    }
}

impl<T> BackgroundTask<T> {
    /// Whether the task has finished (with a result or without, or failed to start).
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Acquire)
    }

    /// The result, once the task has finished and if it gave one.
    pub fn take(&self) -> Option<T> {
        self.outcome.lock().ok().and_then(|mut slot| slot.take())
    }

    /// Waits for the task to end, then takes its result.
    pub fn wait(&self) -> Option<T> {
        let _ = self.done.recv();
        self.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_that_arrives_is_never_lost() {
        let task = BackgroundTask::spawn("add", || Some(2 + 2), || {});
        while !task.is_finished() {
            std::thread::yield_now();
        }
        assert_eq!(task.take(), Some(4));
        assert_eq!(task.take(), None);
    }

    #[test]
    fn a_task_whose_thread_panics_counts_as_finished_without_a_result() {
        let task: BackgroundTask<u8> =
            BackgroundTask::spawn("panic", || panic!("bad input"), || {});
        assert_eq!(task.wait(), None);
        assert!(task.is_finished());
    }
}
