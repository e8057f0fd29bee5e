//! Loading files on a background thread: read with progress (refusing files that cannot fit in
//! memory), import, merge into a copy of what is loaded, and prepare the explorer; the window
//! polls for the result, shows progress, and can cancel at any time without losing anything.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};

use crate::explorer::Explorer;
use crate::filter::Filter;
use crate::model::dataset::Dataset;
use crate::model::load_error::{LoadError, Problem};
use crate::model::merge_report::MergeReport;
use crate::timeline::lanes::LaneMode;

/// Bytes read between two looks at the cancel flag.
const READ_CHUNK_BYTES: usize = 4 << 20;

/// How much memory loading takes per byte of file, at most (JSON text, parsed records and the
/// merged dataset side by side; measured on the synthetic sets at about 3 to 4).
const MEMORY_PER_FILE_BYTE: u64 = 6;

/// What the job does with its files.
#[derive(Clone, Debug)]
pub enum LoadTarget {
    /// Start from nothing (File ▸ Open).
    Replace,
    /// Merge into a copy of this dataset (File ▸ Add, dropped files).
    AddTo(Box<Dataset>),
}

/// Where a job is; read by the window every frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum LoadPhase {
    Reading = 0,
    Importing = 1,
    Merging = 2,
    PreparingView = 3,
}

impl LoadPhase {
    pub fn label(self) -> &'static str {
        match self {
            LoadPhase::Reading => "Reading",
            LoadPhase::Importing => "Importing",
            LoadPhase::Merging => "Merging",
            LoadPhase::PreparingView => "Preparing the view",
        }
    }

    fn from_u8(value: u8) -> Self {
        match value {
            0 => LoadPhase::Reading,
            1 => LoadPhase::Importing,
            2 => LoadPhase::Merging,
            _ => LoadPhase::PreparingView,
        }
    }
}

/// Progress shared between the job and the window.
#[derive(Debug, Default)]
pub struct LoadProgress {
    bytes_read: AtomicU64,
    bytes_total: AtomicU64,
    phase: AtomicU8,
    file_index: AtomicU64,
    cancelled: AtomicBool,
}

impl LoadProgress {
    pub fn phase(&self) -> LoadPhase {
        LoadPhase::from_u8(self.phase.load(Ordering::Relaxed))
    }

    /// Fraction of all bytes read, 0 to 1.
    pub fn read_fraction(&self) -> f32 {
        let total = self.bytes_total.load(Ordering::Relaxed);
        if total == 0 {
            return 1.0;
        }
        (self.bytes_read.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
    }

    /// Which of the job's files is being worked on (0-based).
    pub fn file_index(&self) -> usize {
        self.file_index.load(Ordering::Relaxed) as usize
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn set_phase(&self, phase: LoadPhase) {
        self.phase.store(phase as u8, Ordering::Relaxed);
    }
}

/// What a finished job gives back.
pub struct LoadOutcome {
    /// The new explorer, when at least one file loaded (otherwise what is loaded stays).
    pub explorer: Option<Explorer>,
    /// For each file that loaded: its label, its merge report and its warnings.
    pub loaded: Vec<(String, MergeReport, Vec<String>)>,
    /// Files that did not load, each with its problems.
    pub errors: Vec<LoadError>,
    /// The paths that loaded, for the recent files list.
    pub loaded_paths: Vec<PathBuf>,
}

/// How the explorer of the result is set up.
#[derive(Clone, Debug)]
pub struct ExplorerSettings {
    pub filter: Filter,
    pub lane_mode: LaneMode,
    pub compress_quiet_years: bool,
}

/// A load running on its own thread.
pub struct LoadJob {
    pub paths: Vec<PathBuf>,
    progress: Arc<LoadProgress>,
    receiver: mpsc::Receiver<LoadOutcome>,
}

impl LoadJob {
    /// Starts loading `paths`; `on_done` runs on the job's thread when it has finished (the
    /// window passes a repaint request).
    pub fn start(
        paths: Vec<PathBuf>,
        target: LoadTarget,
        settings: ExplorerSettings,
        on_done: impl FnOnce() + Send + 'static,
    ) -> Self {
        let progress = Arc::new(LoadProgress::default());
        let (sender, receiver) = mpsc::channel();
        let job_paths = paths.clone();
        let job_progress = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name("load files".to_owned())
            .spawn(move || {
                let outcome = run_load(&job_paths, target, &settings, &job_progress);
                if !job_progress.is_cancelled() {
                    let _ = sender.send(outcome);
                }
                on_done();
            });
        if let Err(error) = spawned {
            log::error!("cannot start a thread to load files: {error}");
        }
        Self {
            paths,
            progress,
            receiver,
        }
    }

    pub fn progress(&self) -> &LoadProgress {
        &self.progress
    }

    /// The outcome, once the job has finished. `None` while it runs (or after a cancel).
    pub fn poll(&self) -> Option<LoadOutcome> {
        self.receiver.try_recv().ok()
    }

    /// Whether the job's thread has gone without an outcome (cancelled, or it failed to start).
    pub fn is_gone(&self) -> bool {
        matches!(
            self.receiver.try_recv(),
            Err(mpsc::TryRecvError::Disconnected)
        )
    }

    /// Stops the job: its result, if it still comes, is dropped.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Waits for the outcome (tests and the command line).
    pub fn wait(self) -> Option<LoadOutcome> {
        self.receiver.recv().ok()
    }
}

fn run_load(
    paths: &[PathBuf],
    target: LoadTarget,
    settings: &ExplorerSettings,
    progress: &LoadProgress,
) -> LoadOutcome {
    let total: u64 = paths
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|metadata| metadata.len())
        .sum();
    progress.bytes_total.store(total, Ordering::Relaxed);
    let mut dataset = match target {
        LoadTarget::Replace => Dataset::empty(),
        LoadTarget::AddTo(dataset) => *dataset,
    };
    let mut outcome = LoadOutcome {
        explorer: None,
        loaded: Vec::new(),
        errors: Vec::new(),
        loaded_paths: Vec::new(),
    };
    for (index, path) in paths.iter().enumerate() {
        progress.file_index.store(index as u64, Ordering::Relaxed);
        progress.set_phase(LoadPhase::Reading);
        let label = crate::cli::file_label(path);
        let bytes = match read_file_with_progress(path, &label, progress) {
            Ok(bytes) => bytes,
            Err(error) => {
                outcome.errors.push(error);
                continue;
            }
        };
        if progress.is_cancelled() {
            return outcome;
        }
        progress.set_phase(LoadPhase::Importing);
        let imported = crate::cli::import_file_bytes(&label, &bytes);
        drop(bytes);
        if progress.is_cancelled() {
            return outcome;
        }
        match imported {
            Ok((set, warnings)) => {
                progress.set_phase(LoadPhase::Merging);
                let report = dataset.add_article_set(&label, set);
                outcome.loaded.push((label, report, warnings));
                outcome.loaded_paths.push(path.clone());
            }
            Err(error) => outcome.errors.push(error),
        }
    }
    if outcome.loaded.is_empty() || progress.is_cancelled() {
        return outcome;
    }
    progress.set_phase(LoadPhase::PreparingView);
    outcome.explorer = Some(Explorer::new(
        dataset,
        settings.filter.clone(),
        settings.lane_mode,
        settings.compress_quiet_years,
    ));
    outcome
}

/// Reads a whole file, refusing up front what is not a regular file or cannot fit in memory,
/// updating `progress` as it goes and stopping early when the job is cancelled.
pub fn read_file_with_progress(
    path: &Path,
    label: &str,
    progress: &LoadProgress,
) -> Result<Vec<u8>, LoadError> {
    let problem = |message: String| LoadError::single(label, Problem::new(message));
    let metadata = std::fs::metadata(path)
        .map_err(|error| problem(format!("cannot read the file: {error}")))?;
    if !metadata.is_file() {
        return Err(problem(
            "is not a regular file: expected an article set, TimelineJS file or CSV".to_owned(),
        ));
    }
    check_fits_in_memory(metadata.len(), available_memory_bytes()).map_err(&problem)?;
    let mut file = std::fs::File::open(path)
        .map_err(|error| problem(format!("cannot open the file: {error}")))?;
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    let mut chunk = vec![0_u8; READ_CHUNK_BYTES];
    loop {
        if progress.is_cancelled() {
            return Ok(Vec::new());
        }
        let count = file
            .read(&mut chunk)
            .map_err(|error| problem(format!("cannot read the file: {error}")))?;
        if count == 0 {
            return Ok(bytes);
        }
        bytes.extend_from_slice(&chunk[..count]);
        progress
            .bytes_read
            .fetch_add(count as u64, Ordering::Relaxed);
        // A file that grows while being read must not outgrow the check made above.
        if bytes.len() as u64
            > metadata
                .len()
                .saturating_mul(2)
                .max(READ_CHUNK_BYTES as u64)
        {
            check_fits_in_memory(bytes.len() as u64, available_memory_bytes()).map_err(&problem)?;
        }
    }
}

/// Refuses a file whose loading would need more memory than is available.
pub fn check_fits_in_memory(file_bytes: u64, available_bytes: Option<u64>) -> Result<(), String> {
    let Some(available) = available_bytes else {
        return Ok(());
    };
    let needed = file_bytes.saturating_mul(MEMORY_PER_FILE_BYTE);
    if needed <= available {
        return Ok(());
    }
    Err(format!(
        "is {} — too large to load: it would need about {} of memory and {} is available",
        human_bytes(file_bytes),
        human_bytes(needed),
        human_bytes(available)
    ))
}

/// Memory the system can give without swapping (`MemAvailable` on Linux), if known.
pub fn available_memory_bytes() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = meminfo
        .lines()
        .find(|line| line.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib.saturating_mul(1024))
}

/// "1.5 GB", "820 KB".
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_needs_more_than_the_available_memory_is_refused() {
        let message =
            check_fits_in_memory(4_000_000_000, Some(8_000_000_000)).expect_err("too big");
        assert_eq!(
            message,
            "is 4.0 GB — too large to load: it would need about 24.0 GB of memory and 8.0 GB is available"
        );
        assert_eq!(check_fits_in_memory(1_000_000, Some(8_000_000_000)), Ok(()));
        assert_eq!(check_fits_in_memory(u64::MAX, None), Ok(()));
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(1_500_000), "1.5 MB");
    }
}
