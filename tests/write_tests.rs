//! Files the command line writes: an input is never the output, a FIFO is never replaced.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chronoscope::cli::load_file;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// An empty directory of its own for each test.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("write_tests_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Runs the binary with an empty environment (no display).
fn chronoscope(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .args(args)
        .env_clear()
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
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

const ARTICLE: &str = "\"We go,\" Jane Roe said on Saturday.\n";

#[test]
fn render_refuses_to_write_over_its_own_input() {
    let dir = scratch_dir("render_own_input");
    let input = dir.join("a.json");
    std::fs::copy(fixture("render/small_set.json"), &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let out = dir.join(".").join("a.json");
    let output = chronoscope(&[
        Path::new("render"),
        Path::new("--no-builtin"),
        &input,
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "chronoscope render: --out {} is also an input file; choose another output\n",
            out.display()
        )
    );
    assert_eq!(std::fs::read(&input).expect("read"), before);
    assert_eq!(entries(&dir), ["a.json"]);
}

#[test]
fn import_article_refuses_to_write_over_its_own_input() {
    let dir = scratch_dir("import_own_input");
    let input = dir.join("a.txt");
    std::fs::write(&input, ARTICLE).expect("write");
    let output = chronoscope(&[
        Path::new("import-article"),
        &input,
        Path::new("--published"),
        Path::new("2022-03-20"),
        Path::new("--out"),
        &input,
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "chronoscope import-article: --out {} is also an input file; choose another output\n",
            input.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&input).expect("read"), ARTICLE);
    assert_eq!(entries(&dir), ["a.txt"]);
}

#[cfg(unix)]
#[test]
fn render_refuses_to_replace_a_fifo() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch_dir("render_fifo");
    let out = dir.join("out.svg");
    let c_out = std::ffi::CString::new(out.as_os_str().as_bytes()).expect("no NUL");
    // SAFETY: a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_out.as_ptr(), 0o644) }, 0, "mkfifo");
    let output = chronoscope(&[
        Path::new("render"),
        Path::new("--no-builtin"),
        &fixture("render/small_set.json"),
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // After the fixture's warnings.
    assert_eq!(
        stderr(&output).lines().last(),
        Some(
            format!(
                "{}: cannot write: it is a FIFO (named pipe), not a regular file; nothing was \
                 written",
                out.display()
            )
            .as_str()
        )
    );
    let file_type = std::fs::symlink_metadata(&out)
        .expect("still there")
        .file_type();
    assert!(file_type.is_fifo());
    assert_eq!(entries(&dir), ["out.svg"]);
}

#[cfg(unix)]
#[test]
fn import_article_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch_dir("import_mode");
    let input = dir.join("a.txt");
    std::fs::write(&input, ARTICLE).expect("write");
    let out = dir.join("set.json");
    std::fs::write(&out, "old").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let output = chronoscope(&[
        Path::new("import-article"),
        &input,
        Path::new("--published"),
        Path::new("2022-03-20"),
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = std::fs::metadata(&out)
        .expect("metadata")
        .permissions()
        .mode();
    assert_eq!(mode & 0o7777, 0o600);
    assert!(load_file(&out).is_ok());
    assert_eq!(entries(&dir), ["a.txt", "set.json"]);
}
