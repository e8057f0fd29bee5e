//! Writing a file so that readers see either the old content or the new, never half of it.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it over
/// `path`. On error the temporary file is removed and `path` is left as it was.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = temporary_path_beside(path);
    let result = write_and_sync(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn write_and_sync(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `dir/.name.chronoscope-<pid>-<n>.tmp`: in the same directory, so the rename stays on one
/// file system; unique per process and call, so two saves never share a temporary file.
fn temporary_path_beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_owned());
    let file_name = format!(".{name}.chronoscope-{}-{n}.tmp", std::process::id());
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join(file_name),
        _ => PathBuf::from(file_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("chronoscope-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn writing_replaces_the_old_content_and_leaves_no_temporary_file() {
        let dir = scratch_dir("replace");
        let path = dir.join("set.json");
        std::fs::write(&path, b"old").expect("write old");
        write_file_atomically(&path, b"new").expect("atomic write");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(&dir).expect("list").collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_untouched() {
        let dir = scratch_dir("fail");
        let path = dir.join("missing-dir").join("set.json");
        assert!(write_file_atomically(&path, b"new").is_err());
        assert!(!path.exists());
    }
}
