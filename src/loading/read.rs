//! Reading a file's bytes with progress: refusing what is not a regular file or cannot fit in
//! memory before reading, and stopping when the reader is cancelled.

use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

use crate::model::load_error::{LoadError, Problem};

/// Bytes read between two looks at the cancel flag.
const READ_CHUNK_BYTES: usize = 4 << 20;

/// How much memory loading takes per byte of file, at most (JSON text, parsed records and the
/// merged dataset side by side; measured on the synthetic sets at about 3 to 4).
const MEMORY_PER_FILE_BYTE: u64 = 6;

/// How much is reserved up front when the memory available is unknown: the buffer grows as
/// the file is read instead of asking for the whole file at once.
const UNKNOWN_MEMORY_RESERVE_BYTES: u64 = 64 << 20;

/// Where a load is; read by the window every frame.
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

/// Progress shared between a load and whoever shows it.
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

    /// Which of the load's files is being worked on (0-based).
    pub fn file_index(&self) -> usize {
        self.file_index.load(Ordering::Relaxed) as usize
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub(crate) fn set_phase(&self, phase: LoadPhase) {
        self.phase.store(phase as u8, Ordering::Relaxed);
    }

    pub(crate) fn set_file_index(&self, index: usize) {
        self.file_index.store(index as u64, Ordering::Relaxed);
    }

    pub(crate) fn set_bytes_total(&self, total: u64) {
        self.bytes_total.store(total, Ordering::Relaxed);
    }
}

/// Why a read gave no bytes.
#[derive(Debug)]
pub enum ReadError {
    /// The file cannot be read (a message naming it).
    Failed(LoadError),
    /// The load was cancelled while reading.
    Cancelled,
}

impl From<LoadError> for ReadError {
    fn from(error: LoadError) -> Self {
        ReadError::Failed(error)
    }
}

/// Reads a whole file, refusing up front what is not a regular file or cannot fit in memory,
/// updating `progress` as it goes and stopping early when the load is cancelled.
pub fn read_file_with_progress(
    path: &Path,
    label: &str,
    progress: &LoadProgress,
) -> Result<Vec<u8>, ReadError> {
    let problem = |message: String| LoadError::single(label, Problem::new(message));
    let metadata = std::fs::metadata(path)
        .map_err(|error| problem(format!("cannot read the file: {error}")))?;
    if !metadata.is_file() {
        return Err(problem(
            "is not a regular file: expected an article set, TimelineJS file or CSV".to_owned(),
        )
        .into());
    }
    let available = available_memory_bytes();
    check_fits_in_memory(metadata.len(), available).map_err(&problem)?;
    let mut file = std::fs::File::open(path)
        .map_err(|error| problem(format!("cannot open the file: {error}")))?;
    let capacity = match available {
        Some(_) => metadata.len(),
        None => metadata.len().min(UNKNOWN_MEMORY_RESERVE_BYTES),
    };
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(capacity).unwrap_or(0))
        .map_err(|_| {
            problem(format!(
                "is {} — too large to load: the memory for it could not be reserved",
                human_bytes(metadata.len())
            ))
        })?;
    let mut chunk = vec![0_u8; READ_CHUNK_BYTES];
    loop {
        if progress.is_cancelled() {
            return Err(ReadError::Cancelled);
        }
        let count = file
            .read(&mut chunk)
            .map_err(|error| problem(format!("cannot read the file: {error}")))?;
        if count == 0 {
            return Ok(bytes);
        }
        bytes.try_reserve(count).map_err(|_| {
            problem(format!(
                "grew past {} while being read — too large to load",
                human_bytes(bytes.len() as u64)
            ))
        })?;
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

    #[test]
    fn a_cancelled_read_is_an_error_not_an_empty_file() {
        let path = std::env::temp_dir().join(format!("chronoscope-read-{}", std::process::id()));
        std::fs::write(&path, b"{}").expect("scratch file");
        let progress = LoadProgress::default();
        progress.cancel();
        let read = read_file_with_progress(&path, "a.json", &progress);
        let _ = std::fs::remove_file(&path);
        assert!(matches!(read, Err(ReadError::Cancelled)), "{read:?}");
    }

    #[test]
    fn a_directory_is_refused_with_its_name() {
        let progress = LoadProgress::default();
        let read = read_file_with_progress(&std::env::temp_dir(), "tmp", &progress);
        let Err(ReadError::Failed(error)) = read else {
            panic!("a directory was read: {read:?}");
        };
        assert!(
            error.to_string().contains("is not a regular file"),
            "{error}"
        );
    }
}
