//! Files the command line writes: an input is never the output, a FIFO is never replaced, and
//! `chronoscope merge` writes what loads back as the same data.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chronoscope::loading::import_file;
use chronoscope::model::article_set::to_json_pretty;
use chronoscope::model::dataset::Dataset;

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

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
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

/// A file read as the command line reads it: its set and warnings.
fn load_file(
    path: &Path,
) -> Result<(chronoscope::model::ArticleSet, Vec<String>), chronoscope::model::LoadError> {
    import_file(path).map(|imported| (imported.set, imported.warnings))
}

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

#[test]
fn merge_writes_both_sets_as_one_that_loads_back_as_the_same_data() {
    let dir = scratch_dir("merge");
    let (first, second) = (fixture("merge/first.json"), fixture("merge/second.json"));
    let out = dir.join("merged.json");
    let output = chronoscope(&[
        Path::new("merge"),
        &first,
        &second,
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{0}: 2 events added; 2 sources added; 1 quote added; 1 era added\n\
             {1}: 1 event added, 1 already present; 1 source added, 1 already present; \
             1 quote added; 1 era added, 1 already present\n  \
             era \"Opening phase\" is the same as in {0} (same period and title): merged\n  \
             source \"Placeholder wire report\" (Sample Wire) is the same as in {0} (same id \
             and content): merged\n  \
             event \"Talks open in City X\" (2040-01-04) is the same as in {0} (same date and \
             title): merged\n\
             {2}: 3 events, 3 sources, 2 quotes, 2 eras\n",
            first.display(),
            second.display(),
            out.display()
        )
    );
    assert_eq!(stderr(&output), "");

    // What was written is the merge, by content.
    let mut expected = Dataset::empty();
    for path in [&first, &second] {
        let (set, _) = load_file(path).expect("the fixture loads");
        expected.add_article_set(&path.display().to_string(), set);
    }
    let expected = expected.to_article_set();
    let (written, warnings) = load_file(&out).expect("the merged file loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(written, expected);
    let ids = |items: Vec<&str>| items.join(" ");
    assert_eq!(
        ids(written.events.iter().map(|e| e.id()).collect()),
        "talks-open drills framework"
    );
    assert_eq!(
        ids(written.sources.iter().map(|s| s.id.as_str()).collect()),
        "shared-wire first-gazette second-review"
    );
    assert_eq!(
        ids(written.quotes.iter().map(|q| q.text.as_str()).collect()),
        "We came to listen. The text is a start."
    );
    assert_eq!(
        ids(written.eras.iter().map(|e| e.id.as_str()).collect()),
        "opening later"
    );

    // Loading it back and saving again gives the same bytes.
    let bytes = std::fs::read_to_string(&out).expect("read");
    let reloaded = Dataset::from_article_set("merged.json", written);
    assert_eq!(to_json_pretty(&reloaded.to_article_set()), bytes);
    assert_eq!(entries(&dir), ["merged.json"]);
}

#[test]
fn merge_includes_the_built_in_chronology_only_when_asked() {
    let dir = scratch_dir("merge_builtin");
    let first = fixture("merge/first.json");
    let (without, with) = (dir.join("without.json"), dir.join("with.json"));
    let output = chronoscope(&[Path::new("merge"), &first, Path::new("--out"), &without]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = chronoscope(&[
        Path::new("merge"),
        Path::new("--builtin"),
        &first,
        Path::new("--out"),
        &with,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("built-in chronology: "));
    let builtin = chronoscope::builtin::builtin_dataset().expect("the built-in chronology");
    let events = |path: &Path| load_file(path).expect("loads").0.events.len();
    assert_eq!(events(&without), 2);
    assert_eq!(events(&with), builtin.events.len() + 2);
}

#[test]
fn merge_writes_nothing_when_a_file_does_not_load() {
    let dir = scratch_dir("merge_broken");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"format\": ").expect("write");
    let out = dir.join("merged.json");
    let output = chronoscope(&[
        Path::new("merge"),
        &fixture("merge/first.json"),
        &broken,
        Path::new("--out"),
        &out,
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).ends_with(&format!(
            "{}: not written, as not every file loaded\n",
            out.display()
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(entries(&dir), ["broken.json"]);
}

#[test]
fn merge_refuses_to_write_over_one_of_its_files() {
    let dir = scratch_dir("merge_own_input");
    let input = dir.join("a.json");
    std::fs::copy(fixture("merge/first.json"), &input).expect("copy");
    let before = std::fs::read(&input).expect("read");
    let output = chronoscope(&[
        Path::new("merge"),
        &fixture("merge/second.json"),
        &input,
        Path::new("--out"),
        &input,
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!(
            "chronoscope merge: --out {} is also an input file; choose another output\n",
            input.display()
        )
    );
    assert_eq!(std::fs::read(&input).expect("read"), before);
}

#[test]
fn merge_without_files_or_builtin_is_a_usage_error() {
    let dir = scratch_dir("merge_nothing");
    let output = chronoscope(&[
        Path::new("merge"),
        Path::new("--out"),
        &dir.join("out.json"),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(entries(&dir).is_empty());
}
