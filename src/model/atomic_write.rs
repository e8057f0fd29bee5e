//! Writing a file so that readers see the old content or the new, never half of it, and
//! nothing else changes: every file the program writes goes through [`write_file_atomically`].
//!
//! The content goes to a new file in the target's directory, is flushed to disk, and is
//! renamed over the target. On Linux the new file has no name while it is written
//! (`O_TMPFILE`), so a process killed in the middle, even by SIGKILL, leaves nothing behind;
//! it gets a hidden name only between `linkat` and `rename`. Where the system cannot do that,
//! the new file has a hidden name from the start, and SIGINT, SIGTERM and SIGHUP remove it
//! before the process ends (SIGKILL cannot be caught). An existing target keeps its permission
//! bits and, where the process may set them, its owner and group; a symbolic link keeps
//! pointing where it did, and the file it leads to is replaced; a target that exists and is
//! not a regular file (a device, FIFO, socket or directory) is refused and left as it is.

use std::ffi::OsString;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` as the module documentation describes. On error `path` is left as
/// it was and no temporary file remains.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let method = if cfg!(target_os = "linux") {
        Method::Unnamed
    } else {
        Method::Named
    };
    write_with(path, method, &mut |file| file.write_all(bytes))
}

/// Whether `a` and `b` name the same file: the same device and inode when both exist (through
/// symbolic links and hard links), the same canonical path when neither exists.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a_metadata), Ok(b_metadata)) => same_identity(a, &a_metadata, b, &b_metadata),
        (Err(_), Err(_)) => {
            let (a, b) = (canonical_name(a), canonical_name(b));
            a.is_some() && a == b
        }
        _ => false,
    }
}

/// Refuses an output file that is also one of the inputs (it would be replaced before, or
/// while, it is read): `chronoscope COMMAND: --out OUT is also an input file; choose another
/// output`.
pub fn refuse_output_among_inputs(
    command: &str,
    out: &Path,
    inputs: &[PathBuf],
) -> Result<(), String> {
    if inputs.iter().any(|input| is_same_file(out, input)) {
        Err(format!(
            "chronoscope {command}: --out {} is also an input file; choose another output",
            out.display()
        ))
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn same_identity(_: &Path, a: &Metadata, _: &Path, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_identity(a: &Path, _: &Metadata, b: &Path, _: &Metadata) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The absolute path of a file that may not exist: symbolic links followed, the directory
/// canonical.
fn canonical_name(path: &Path) -> Option<PathBuf> {
    let target = Target::resolve(path).ok()?;
    let directory = std::fs::canonicalize(&target.directory)
        .or_else(|_| std::path::absolute(&target.directory))
        .ok()?;
    Some(directory.join(&target.file_name))
}

/// How the new file is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    /// Unnamed until just before the rename where the system allows it, else [`Method::Named`].
    Unnamed,
    /// A hidden name beside the target from the start.
    Named,
}

/// Puts the content into the new file.
type Fill<'a> = dyn FnMut(&mut File) -> io::Result<()> + 'a;

fn write_with(path: &Path, method: Method, fill: &mut Fill<'_>) -> io::Result<()> {
    let target = Target::resolve(path)?;
    if method == Method::Unnamed
        && let Some(mut pending) = PendingFile::unnamed(&target)
    {
        pending.prepare(&target, fill)?;
        if pending.give_name(&target).is_ok() {
            return pending.rename_over(&target);
        }
        // The system cannot name the file (no /proc and no privilege): write it again below.
    }
    let mut pending = PendingFile::named(&target)?;
    pending.prepare(&target, fill)?;
    pending.rename_over(&target)
}

/// How many symbolic links are followed before giving up (Linux's limit).
const MAX_LINKS_FOLLOWED: usize = 40;

/// How many names a new file tries before giving up (another may have taken one).
const NAME_ATTEMPTS: usize = 100;

/// The file to replace.
#[derive(Debug)]
struct Target {
    /// The path given, with symbolic links followed.
    path: PathBuf,
    /// The directory it is in ("." for a bare file name).
    directory: PathBuf,
    file_name: OsString,
    /// The existing file, when there is one (always a regular file).
    existing: Option<Metadata>,
}

impl Target {
    /// Follows symbolic links from `path`; refuses what exists and is not a regular file.
    fn resolve(path: &Path) -> io::Result<Target> {
        let mut current = path.to_path_buf();
        for _ in 0..MAX_LINKS_FOLLOWED {
            match std::fs::symlink_metadata(&current) {
                Ok(metadata) if metadata.file_type().is_symlink() => {
                    let link = std::fs::read_link(&current)?;
                    // A relative link is relative to its directory; an absolute one replaces it.
                    current = match current.parent() {
                        Some(parent) => parent.join(link),
                        None => link,
                    };
                }
                Ok(metadata) if metadata.is_file() => return Target::at(current, Some(metadata)),
                Ok(metadata) => return Err(not_a_regular_file(path, &current, &metadata)),
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    return Target::at(current, None);
                }
                Err(error) => return Err(error),
            }
        }
        Err(io::Error::other(format!(
            "more than {MAX_LINKS_FOLLOWED} symbolic links in a row"
        )))
    }

    fn at(path: PathBuf, existing: Option<Metadata>) -> io::Result<Target> {
        let file_name = path
            .file_name()
            .map(OsString::from)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
        let directory = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Ok(Target {
            path,
            directory,
            file_name,
            existing,
        })
    }

    /// A fresh hidden name beside the target: `.name.chronoscope-<pid>-<n>.tmp`.
    fn temporary_name(&self) -> PathBuf {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut name = OsString::from(".");
        name.push(&self.file_name);
        name.push(format!(".chronoscope-{}-{n}.tmp", std::process::id()));
        self.directory.join(name)
    }

    /// The mode a new file is created with: private while an existing file's mode is not yet
    /// copied, else what the umask allows (as for any new file).
    #[cfg(unix)]
    fn creation_mode(&self) -> u32 {
        if self.existing.is_some() {
            0o600
        } else {
            0o666
        }
    }
}

/// "it is a FIFO (named pipe), not a regular file; nothing was written".
fn not_a_regular_file(given: &Path, found: &Path, metadata: &Metadata) -> io::Error {
    let file_type = metadata.file_type();
    let kind = kind_of(file_type);
    let what = if found == given {
        format!("it is {kind}")
    } else {
        format!("it leads to {}, which is {kind}", found.display())
    };
    let error_kind = if file_type.is_dir() {
        io::ErrorKind::IsADirectory
    } else {
        io::ErrorKind::InvalidInput
    };
    io::Error::new(
        error_kind,
        format!("{what}, not a regular file; nothing was written"),
    )
}

/// "a directory", "a FIFO (named pipe)", …, or "something else" for what is neither.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        } else if file_type.is_socket() {
            return "a socket";
        } else if file_type.is_char_device() {
            return "a character device";
        } else if file_type.is_block_device() {
            return "a block device";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

/// The new file while it is written. Dropped before [`PendingFile::rename_over`] succeeds, it
/// removes its name, if it has one.
struct PendingFile {
    file: File,
    /// The hidden name beside the target; `None` while the file is unnamed.
    name: Option<PathBuf>,
    /// Keeps the name in the list signal handlers clean up.
    #[cfg(unix)]
    _registration: Option<cleanup::Registration>,
    renamed: bool,
}

impl PendingFile {
    /// A file with a hidden name beside the target, created only if the name is free.
    fn named(target: &Target) -> io::Result<PendingFile> {
        let mut last_error = None;
        for _ in 0..NAME_ATTEMPTS {
            let name = target.temporary_name();
            // Registered before the file exists, so that no moment is left uncovered.
            #[cfg(unix)]
            let registration = cleanup::register(&name);
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(target.creation_mode());
            }
            match options.open(&name) {
                Ok(file) => {
                    return Ok(PendingFile {
                        file,
                        name: Some(name),
                        #[cfg(unix)]
                        _registration: registration,
                        renamed: false,
                    });
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    last_error = Some(error);
                }
                Err(error) => return Err(error),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary name")))
    }

    /// A file without a name in the target's directory, or `None` where the system or the
    /// file system cannot make one.
    #[cfg(target_os = "linux")]
    fn unnamed(target: &Target) -> Option<PendingFile> {
        use std::os::unix::fs::OpenOptionsExt;
        // Without O_EXCL, so that it can be given a name.
        let file = OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_TMPFILE)
            .mode(target.creation_mode())
            .open(&target.directory)
            .ok()?;
        Some(PendingFile {
            file,
            name: None,
            _registration: None,
            renamed: false,
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn unnamed(_: &Target) -> Option<PendingFile> {
        None
    }

    /// Fills the file, gives it the target's permissions and owner, and flushes it to disk.
    fn prepare(&mut self, target: &Target, fill: &mut Fill<'_>) -> io::Result<()> {
        fill(&mut self.file)?;
        self.file.flush()?;
        if let Some(existing) = &target.existing {
            keep_owner_and_mode(&self.file, existing)?;
        }
        self.file.sync_all()
    }

    /// Links the unnamed file to a hidden name beside the target, the last step before the
    /// rename.
    #[cfg(target_os = "linux")]
    fn give_name(&mut self, target: &Target) -> io::Result<()> {
        let mut last_error = None;
        for _ in 0..NAME_ATTEMPTS {
            let name = target.temporary_name();
            // Registered before the name exists, so that no moment is left uncovered.
            let registration = cleanup::register(&name);
            match link_unnamed(&self.file, &name) {
                Ok(()) => {
                    self.name = Some(name);
                    self._registration = registration;
                    return Ok(());
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    last_error = Some(error);
                }
                Err(error) => return Err(error),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary name")))
    }

    #[cfg(not(target_os = "linux"))]
    fn give_name(&mut self, _: &Target) -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    /// Renames the file over the target, then flushes the directory (where the system can).
    fn rename_over(mut self, target: &Target) -> io::Result<()> {
        let name = self
            .name
            .clone()
            .ok_or_else(|| io::Error::other("the new file has no name to rename"))?;
        // The target may have changed since it was first looked at: look once more.
        if let Ok(metadata) = std::fs::symlink_metadata(&target.path)
            && !metadata.is_file()
            && !metadata.file_type().is_symlink()
        {
            return Err(not_a_regular_file(&target.path, &target.path, &metadata));
        }
        std::fs::rename(&name, &target.path)?;
        self.renamed = true;
        sync_directory(&target.directory);
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.renamed
            && let Some(name) = &self.name
        {
            let _ = std::fs::remove_file(name);
        }
    }
}

/// Gives the unnamed `file` the name `name`: through /proc, else by the descriptor itself
/// (which needs CAP_DAC_READ_SEARCH).
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, name: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::io::AsRawFd;
    let fd = file.as_raw_fd();
    let c_name = CString::new(name.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a file name with a NUL byte"))?;
    let by_proc = CString::new(format!("/proc/self/fd/{fd}"))
        .map_err(|_| io::Error::other("a descriptor path with a NUL byte"))?;
    // SAFETY: both paths are NUL-terminated C strings that outlive the call.
    let linked = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            by_proc.as_ptr(),
            libc::AT_FDCWD,
            c_name.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if linked == 0 {
        return Ok(());
    }
    let error = io::Error::last_os_error();
    if error.kind() == io::ErrorKind::AlreadyExists {
        return Err(error);
    }
    // SAFETY: as above; `fd` is open for as long as `file` lives.
    let linked = unsafe {
        libc::linkat(
            fd,
            c"".as_ptr(),
            libc::AT_FDCWD,
            c_name.as_ptr(),
            libc::AT_EMPTY_PATH,
        )
    };
    if linked == 0 { Ok(()) } else { Err(error) }
}

/// Gives `file` the owner and group of `existing` where the process may (always as root; the
/// group alone when the user is a member), then its permission bits. Set-user-ID and
/// set-group-ID bits are dropped when the owner could not be kept.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, existing: &Metadata) -> io::Result<()> {
    use std::fs::Permissions;
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let now = file.metadata()?;
    let mut owner_kept = true;
    if (now.uid(), now.gid()) != (existing.uid(), existing.gid()) {
        owner_kept = fchown(file, Some(existing.uid()), Some(existing.gid())).is_ok();
        if !owner_kept {
            let _ = fchown(file, None, Some(existing.gid()));
        }
    }
    let mut mode = existing.mode() & 0o7777;
    if !owner_kept {
        mode &= !0o6000;
    }
    file.set_permissions(Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, existing: &Metadata) -> io::Result<()> {
    file.set_permissions(existing.permissions())
}

/// Makes the rename durable; not every system or file system can, and the file is written
/// either way.
fn sync_directory(directory: &Path) {
    #[cfg(unix)]
    if let Ok(directory) = File::open(directory) {
        let _ = directory.sync_all();
    }
    #[cfg(not(unix))]
    let _ = directory;
}

/// The hidden names of files being written, removed by SIGINT, SIGTERM or SIGHUP before the
/// process ends as the signal would have ended it.
#[cfg(unix)]
mod cleanup {
    use std::cell::UnsafeCell;
    use std::path::Path;
    use std::sync::Once;
    use std::sync::atomic::{AtomicU8, Ordering};

    /// Writes that can be pending at once; more are still written, just not cleaned up.
    const SLOTS: usize = 16;
    /// Longest path kept, with its NUL byte; a longer one is not cleaned up.
    const PATH_BYTES: usize = 4096;

    const FREE: u8 = 0;
    const FILLING: u8 = 1;
    const READY: u8 = 2;
    /// Taken by the signal handler; never freed again (the process is ending).
    const CLAIMED: u8 = 3;

    struct Slot {
        state: AtomicU8,
        path: UnsafeCell<[u8; PATH_BYTES]>,
    }

    // SAFETY: `path` is written only by the thread that moved `state` from FREE to FILLING,
    // and read only by the signal handler once it moved `state` from READY to CLAIMED.
    unsafe impl Sync for Slot {}

    static PENDING: [Slot; SLOTS] = [const {
        Slot {
            state: AtomicU8::new(FREE),
            path: UnsafeCell::new([0; PATH_BYTES]),
        }
    }; SLOTS];

    /// A name in the list; dropping it takes the name off.
    #[derive(Debug)]
    pub struct Registration(usize);

    impl Drop for Registration {
        fn drop(&mut self) {
            if let Some(slot) = PENDING.get(self.0) {
                let _ =
                    slot.state
                        .compare_exchange(READY, FREE, Ordering::AcqRel, Ordering::Relaxed);
            }
        }
    }

    /// Puts `path` on the list (and the handlers in place); `None` when it cannot be kept.
    pub fn register(path: &Path) -> Option<Registration> {
        use std::os::unix::ffi::OsStrExt;
        install_handlers();
        // Absolute, so that a change of working directory does not matter.
        let path = std::path::absolute(path).ok()?;
        let bytes = path.as_os_str().as_bytes();
        if bytes.len() >= PATH_BYTES || bytes.contains(&0) {
            return None;
        }
        for (index, slot) in PENDING.iter().enumerate() {
            if slot
                .state
                .compare_exchange(FREE, FILLING, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                // SAFETY: FILLING gives this thread the slot alone (see `Slot`).
                let buffer = unsafe { &mut *slot.path.get() };
                buffer[..bytes.len()].copy_from_slice(bytes);
                buffer[bytes.len()] = 0;
                slot.state.store(READY, Ordering::Release);
                return Some(Registration(index));
            }
        }
        None
    }

    /// Removes every listed file; async-signal-safe (atomics, `unlink`, `raise`).
    extern "C" fn remove_pending_files(signal: libc::c_int) {
        for slot in &PENDING {
            if slot
                .state
                .compare_exchange(READY, CLAIMED, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                // SAFETY: the buffer is NUL-terminated and no thread writes it while claimed.
                unsafe { libc::unlink(slot.path.get().cast()) };
            }
        }
        // SA_RESETHAND put the default action back: the signal now ends the process.
        // SAFETY: raise is async-signal-safe.
        unsafe { libc::raise(signal) };
    }

    /// Handles SIGINT, SIGTERM and SIGHUP where they have their default action (ending the
    /// process); a handler or an "ignore" set by someone else is left alone.
    fn install_handlers() {
        static INSTALLED: Once = Once::new();
        INSTALLED.call_once(|| {
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                // SAFETY: plain sigaction calls with zeroed, then filled, structures.
                unsafe {
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(signal, std::ptr::null(), &mut old) != 0
                        || old.sa_sigaction != libc::SIG_DFL
                    {
                        continue;
                    }
                    let mut action: libc::sigaction = std::mem::zeroed();
                    action.sa_sigaction =
                        remove_pending_files as extern "C" fn(libc::c_int) as libc::sighandler_t;
                    action.sa_flags = libc::SA_RESETHAND;
                    libc::sigemptyset(&mut action.sa_mask);
                    libc::sigaction(signal, &action, std::ptr::null_mut());
                }
            }
        });
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

    /// The names in `dir`, sorted.
    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("list")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    fn write_by(method: Method, path: &Path, bytes: &[u8]) -> io::Result<()> {
        write_with(path, method, &mut |file| file.write_all(bytes))
    }

    const METHODS: [Method; 2] = [Method::Unnamed, Method::Named];

    #[test]
    fn writing_replaces_the_old_content_and_leaves_no_temporary_file() {
        for method in METHODS {
            let dir = scratch_dir(&format!("replace-{method:?}"));
            let path = dir.join("set.json");
            std::fs::write(&path, b"old").expect("write old");
            write_by(method, &path, b"new").expect("atomic write");
            assert_eq!(std::fs::read(&path).expect("read"), b"new");
            assert_eq!(entries(&dir), ["set.json"], "{method:?}");
        }
    }

    #[test]
    fn a_new_file_is_created_beside_nothing_else() {
        for method in METHODS {
            let dir = scratch_dir(&format!("new-{method:?}"));
            let path = dir.join("picture.svg");
            write_by(method, &path, b"<svg/>").expect("atomic write");
            assert_eq!(std::fs::read(&path).expect("read"), b"<svg/>");
            assert_eq!(entries(&dir), ["picture.svg"], "{method:?}");
        }
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary() {
        for method in METHODS {
            let dir = scratch_dir(&format!("fill-fails-{method:?}"));
            let path = dir.join("set.json");
            std::fs::write(&path, b"old").expect("write old");
            let result = write_with(&path, method, &mut |file| {
                file.write_all(b"half of the n")?;
                Err(io::Error::other("the disk is full"))
            });
            assert_eq!(
                result.map_err(|error| error.to_string()),
                Err("the disk is full".to_owned())
            );
            assert_eq!(std::fs::read(&path).expect("read"), b"old");
            assert_eq!(entries(&dir), ["set.json"], "{method:?}");
        }
    }

    #[test]
    fn a_target_in_a_missing_directory_is_an_error_and_creates_nothing() {
        let dir = scratch_dir("missing-dir");
        let path = dir.join("missing-dir").join("set.json");
        let error = write_file_atomically(&path, b"new").expect_err("no directory");
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(entries(&dir).is_empty());
    }

    #[cfg(unix)]
    fn mode_of(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_permission_bits() {
        use std::os::unix::fs::PermissionsExt;
        for method in METHODS {
            for mode in [0o600, 0o640, 0o755] {
                let dir = scratch_dir(&format!("mode-{method:?}-{mode:o}"));
                let path = dir.join("set.json");
                std::fs::write(&path, b"old").expect("write old");
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
                    .expect("chmod");
                write_by(method, &path, b"new").expect("atomic write");
                assert_eq!(mode_of(&path), mode, "{method:?}");
                assert_eq!(std::fs::read(&path).expect("read"), b"new");
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_file_keeps_its_owner_and_group_where_the_process_may_set_them() {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            eprintln!("not root: only root may give a file to another user; nothing to check");
            return;
        }
        for method in METHODS {
            let dir = scratch_dir(&format!("owner-{method:?}"));
            let path = dir.join("set.json");
            std::fs::write(&path, b"old").expect("write old");
            std::os::unix::fs::chown(&path, Some(4321), Some(4322)).expect("chown");
            write_by(method, &path, b"new").expect("atomic write");
            let metadata = std::fs::metadata(&path).expect("metadata");
            assert_eq!((metadata.uid(), metadata.gid()), (4321, 4322), "{method:?}");
        }
    }

    #[cfg(unix)]
    fn make_fifo(path: &Path) {
        use std::os::unix::ffi::OsStrExt;
        let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("no NUL");
        // SAFETY: a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0, "mkfifo");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_target_is_refused_and_stays_a_fifo() {
        use std::os::unix::fs::FileTypeExt;
        let dir = scratch_dir("fifo");
        let path = dir.join("pipe.json");
        make_fifo(&path);
        let error = write_file_atomically(&path, b"new").expect_err("refused");
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(
            error.to_string(),
            "it is a FIFO (named pipe), not a regular file; nothing was written"
        );
        let file_type = std::fs::symlink_metadata(&path)
            .expect("still there")
            .file_type();
        assert!(file_type.is_fifo());
        assert_eq!(entries(&dir), ["pipe.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_target_is_refused_and_stays_a_socket() {
        use std::os::unix::fs::FileTypeExt;
        let dir = scratch_dir("socket");
        let path = dir.join("socket.json");
        let _listener = std::os::unix::net::UnixListener::bind(&path).expect("bind");
        let error = write_file_atomically(&path, b"new").expect_err("refused");
        assert_eq!(
            error.to_string(),
            "it is a socket, not a regular file; nothing was written"
        );
        let file_type = std::fs::symlink_metadata(&path)
            .expect("still there")
            .file_type();
        assert!(file_type.is_socket());
        assert_eq!(entries(&dir), ["socket.json"]);
    }

    #[test]
    fn a_directory_target_is_refused_and_left_as_it_is() {
        let dir = scratch_dir("directory");
        let path = dir.join("out.json");
        std::fs::create_dir(&path).expect("mkdir");
        let error = write_file_atomically(&path, b"new").expect_err("refused");
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        assert_eq!(
            error.to_string(),
            "it is a directory, not a regular file; nothing was written"
        );
        assert!(path.is_dir());
        assert_eq!(entries(&dir), ["out.json"]);
        assert!(entries(&path).is_empty());
    }

    // /dev/null is only looked at, never written to: were the check broken, a test running as
    // root would replace the machine's /dev/null.
    #[cfg(unix)]
    #[test]
    fn dev_null_is_refused_before_anything_is_made() {
        let error = Target::resolve(Path::new("/dev/null")).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "it is a character device, not a regular file; nothing was written"
        );
        let dir = scratch_dir("link-to-dev-null");
        let link = dir.join("out.png");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        let error = Target::resolve(&link).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "it leads to /dev/null, which is a character device, not a regular file; \
             nothing was written"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_keeps_pointing_at_the_file_which_is_replaced() {
        use std::os::unix::fs::PermissionsExt;
        for method in METHODS {
            let dir = scratch_dir(&format!("symlink-{method:?}"));
            std::fs::create_dir(dir.join("real")).expect("mkdir");
            let real = dir.join("real").join("set.json");
            std::fs::write(&real, b"old").expect("write old");
            std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
            let link = dir.join("link.json");
            std::os::unix::fs::symlink("real/set.json", &link).expect("symlink");
            write_by(method, &link, b"new").expect("atomic write");
            assert_eq!(
                std::fs::read_link(&link).expect("still a link"),
                Path::new("real/set.json")
            );
            assert_eq!(std::fs::read(&real).expect("read"), b"new");
            assert_eq!(mode_of(&real), 0o640);
            assert_eq!(entries(&dir), ["link.json", "real"]);
            assert_eq!(entries(&dir.join("real")), ["set.json"]);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symbolic_link_creates_the_file_it_points_to() {
        let dir = scratch_dir("dangling");
        let link = dir.join("link.json");
        std::os::unix::fs::symlink("made.json", &link).expect("symlink");
        write_file_atomically(&link, b"new").expect("atomic write");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(dir.join("made.json")).expect("read"), b"new");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_unnamed_file_adds_no_entry_to_the_directory_until_it_is_linked() {
        let dir = scratch_dir("unnamed");
        let path = dir.join("set.json");
        std::fs::write(&path, b"old").expect("write old");
        let target = Target::resolve(&path).expect("target");
        let mut pending = PendingFile::unnamed(&target).expect("O_TMPFILE in the temp dir");
        pending
            .prepare(&target, &mut |file| file.write_all(b"new"))
            .expect("filled");
        assert_eq!(entries(&dir), ["set.json"]);
        pending.give_name(&target).expect("linked");
        assert_eq!(entries(&dir).len(), 2);
        pending.rename_over(&target).expect("renamed");
        assert_eq!(entries(&dir), ["set.json"]);
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
    }

    // ---- processes killed in the middle of a write --------------------------------------

    #[cfg(unix)]
    const CHILD_DIRECTORY: &str = "CHRONOSCOPE_TEST_PENDING_WRITE_DIRECTORY";
    #[cfg(unix)]
    const CHILD_METHOD: &str = "CHRONOSCOPE_TEST_PENDING_WRITE_METHOD";
    #[cfg(unix)]
    const CHILD_READY: &str = "pending write ready";

    /// The child process of the kill tests, started by them with the two variables set: holds
    /// a write in the middle (filled and flushed, not renamed) until it is killed.
    #[cfg(unix)]
    #[test]
    #[ignore = "run by the kill tests in a child process"]
    fn child_holding_a_pending_write() {
        let (Some(directory), Ok(method)) = (
            std::env::var_os(CHILD_DIRECTORY),
            std::env::var(CHILD_METHOD),
        ) else {
            return;
        };
        let target = Target::resolve(&Path::new(&directory).join("set.json")).expect("target");
        let mut pending = if method == "unnamed" {
            PendingFile::unnamed(&target).expect("O_TMPFILE")
        } else {
            PendingFile::named(&target).expect("a named file")
        };
        pending
            .prepare(&target, &mut |file| file.write_all(b"half of it"))
            .expect("filled");
        let mut stdout = std::io::stdout();
        writeln!(stdout, "{CHILD_READY}").expect("stdout");
        stdout.flush().expect("stdout");
        std::thread::sleep(std::time::Duration::from_secs(30));
        panic!("not killed within 30 s");
    }

    /// Starts the child above, sends `signal` once its write is pending; returns the entries
    /// of the directory before and after, and the signal that ended the child.
    #[cfg(unix)]
    fn kill_a_pending_write(
        name: &str,
        method: &str,
        signal: libc::c_int,
    ) -> (Vec<String>, Vec<String>, Option<i32>) {
        use std::io::BufRead;
        use std::os::unix::process::ExitStatusExt;
        let dir = scratch_dir(name);
        let module = module_path!().split_once("::").map_or("", |(_, rest)| rest);
        let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .arg(format!("{module}::child_holding_a_pending_write"))
            .args(["--exact", "--ignored", "--nocapture", "--test-threads", "1"])
            .env(CHILD_DIRECTORY, &dir)
            .env(CHILD_METHOD, method)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the child starts");
        let stdout = child.stdout.take().expect("piped");
        let ready = io::BufReader::new(stdout)
            .lines()
            .any(|line| line.is_ok_and(|line| line.contains(CHILD_READY)));
        let before = entries(&dir);
        let pid = libc::pid_t::try_from(child.id()).expect("a pid");
        // SAFETY: signals our own child.
        unsafe { libc::kill(pid, signal) };
        let status = child.wait().expect("the child ends");
        assert!(ready, "the child never got its write pending: {status:?}");
        (before, entries(&dir), status.signal())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_killed_by_sigkill_before_its_link_leaves_nothing_behind() {
        let (before, after, signal) =
            kill_a_pending_write("sigkill-unnamed", "unnamed", libc::SIGKILL);
        assert_eq!(signal, Some(libc::SIGKILL));
        assert!(before.is_empty(), "{before:?}");
        assert!(after.is_empty(), "{after:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_write_ended_by_sigterm_removes_its_named_temporary() {
        let (before, after, signal) = kill_a_pending_write("sigterm-named", "named", libc::SIGTERM);
        assert_eq!(signal, Some(libc::SIGTERM));
        assert_eq!(
            before.len(),
            1,
            "the named temporary while writing: {before:?}"
        );
        assert!(after.is_empty(), "{after:?}");
    }

    // ---- the same file ------------------------------------------------------------------

    #[test]
    fn the_same_file_is_recognised_by_another_path_and_through_links() {
        let dir = scratch_dir("same");
        let path = dir.join("a.json");
        std::fs::write(&path, b"{}").expect("write");
        let roundabout = dir
            .join(".")
            .join("..")
            .join(dir.file_name().expect("name"))
            .join("a.json");
        assert!(is_same_file(&path, &roundabout));
        std::fs::hard_link(&path, dir.join("hard.json")).expect("hard link");
        assert!(is_same_file(&path, &dir.join("hard.json")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("a.json", dir.join("soft.json")).expect("symlink");
            assert!(is_same_file(&dir.join("soft.json"), &path));
        }
        std::fs::write(dir.join("b.json"), b"{}").expect("write");
        assert!(!is_same_file(&path, &dir.join("b.json")));
    }

    #[test]
    fn a_missing_file_is_the_same_only_as_another_name_of_the_same_place() {
        let dir = scratch_dir("same-missing");
        std::fs::write(dir.join("a.json"), b"{}").expect("write");
        assert!(!is_same_file(&dir.join("a.json"), &dir.join("new.json")));
        assert!(is_same_file(
            &dir.join("new.json"),
            &dir.join(".").join("new.json")
        ));
        assert!(!is_same_file(
            &dir.join("new.json"),
            &dir.join("other.json")
        ));
    }

    #[test]
    fn an_output_among_the_inputs_is_refused_with_the_command_and_the_name() {
        let dir = scratch_dir("refuse");
        let input = dir.join("a.json");
        std::fs::write(&input, b"{}").expect("write");
        let inputs = vec![dir.join("b.json"), input.clone()];
        assert_eq!(
            refuse_output_among_inputs("render", &input, &inputs),
            Err(format!(
                "chronoscope render: --out {} is also an input file; choose another output",
                input.display()
            ))
        );
        assert_eq!(
            refuse_output_among_inputs("render", &dir.join("c.json"), &inputs),
            Ok(())
        );
    }
}
