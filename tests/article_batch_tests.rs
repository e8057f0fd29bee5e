//! Many articles at once: the folder fixture `tests/fixtures/article-folder/` (two good
//! articles that report one meeting, one without a date, one not UTF-8, one empty) through the
//! batch, the command line and the window.

mod common;

use common::{harness_answering, wait_for_loading};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use chronoscope::app::ChronoscopeApp;
use chronoscope::loading::article_batch::{
    ArticleBatch, ArticleBatchProgress, BatchOptions, RowOutcome, import_article_batch,
};
use chronoscope::model::loader::load_article_set_with_warnings;
use chronoscope::model::to_json_pretty;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn article_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/article-folder")
}

fn folder_batch() -> ArticleBatch {
    let progress = ArticleBatchProgress::default();
    let batch = import_article_batch(&[article_folder()], &BatchOptions::default(), &progress)
        .expect("not cancelled");
    assert_eq!((progress.files_done(), progress.files_total()), (5, 5));
    batch
}

fn row<'a>(
    batch: &'a ArticleBatch,
    file: &str,
) -> &'a chronoscope::loading::article_batch::ArticleRow {
    batch
        .rows
        .iter()
        .find(|row| row.file == file)
        .unwrap_or_else(|| panic!("no row for {file}: {:?}", batch.rows))
}

#[test]
fn the_folder_gives_every_good_article_with_its_quotes_in_one_set() {
    let batch = folder_batch();
    let files: Vec<&str> = batch.rows.iter().map(|row| row.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "01-harbour-talks.txt",
            "02-corridor-reopens.md",
            "03-undated-analysis.txt",
            "04-latin1.txt",
            "05-empty.txt"
        ]
    );
    let set = batch.set.as_ref().expect("a set");
    assert_eq!(set.title, "Articles in article-folder");
    assert_eq!(batch.set_error, None);
    let outlets: Vec<&str> = set.sources.iter().map(|s| s.outlet.as_str()).collect();
    assert_eq!(outlets, ["Test Wire", "Example Herald"]);
    let published: Vec<String> = set.sources.iter().map(|s| s.published.to_iso()).collect();
    assert_eq!(published, ["2024-03-12", "2024-03-14"]);
    let quotes: Vec<(&str, &str, &str)> = set
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_str(), q.source.as_str()))
        .collect();
    assert_eq!(
        quotes,
        [
            (
                "We came to listen and we will come back,",
                "Anna Berg",
                "test-wire-2024-03-12"
            ),
            (
                "Nothing is agreed until everything is agreed,",
                "Anna Berg",
                "test-wire-2024-03-12"
            ),
            (
                "The first ships can sail next week,",
                "Omar Lund",
                "example-herald-2024-03-14"
            ),
        ]
    );
    let first = row(&batch, "01-harbour-talks.txt");
    assert_eq!(first.outcome, RowOutcome::Imported);
    assert_eq!(first.outlet.as_deref(), Some("Test Wire"));
    assert_eq!(first.published, NaiveDate::from_ymd_opt(2024, 3, 12));
    assert_eq!(first.quotes, 2);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert_eq!(row(&batch, "02-corridor-reopens.md").quotes, 1);
    // The Markdown file's headline, without its heading mark.
    assert_eq!(
        set.sources[1].title,
        "Grain corridor to reopen after Harbourtown meeting"
    );
    // The set is valid and loads as any article set does.
    let json = to_json_pretty(set);
    let (loaded, warnings) = load_article_set_with_warnings("batch.json", json.as_bytes())
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(loaded.sources.len(), 2);
}

#[test]
fn the_meeting_both_articles_report_is_one_event_citing_both() {
    let batch = folder_batch();
    let set = batch.set.as_ref().expect("a set");
    let meetings: Vec<_> = set
        .events
        .iter()
        .filter(|e| {
            e.title()
                .starts_with("Delegations of the two test republics met")
        })
        .collect();
    assert_eq!(meetings.len(), 1, "{:?}", set.events);
    assert_eq!(meetings[0].date.to_iso(), "2024-03-11");
    assert_eq!(
        meetings[0].sources().to_vec(),
        ["test-wire-2024-03-12", "example-herald-2024-03-14"]
    );
    assert_eq!(batch.merges.len(), 1, "{:?}", batch.merges);
    assert!(
        batch.merges[0].contains(
            "of 02-corridor-reopens.md is the same as in 01-harbour-talks.txt (same date and \
             title): merged"
        ),
        "{}",
        batch.merges[0]
    );
    // Every event of the set cites an article of the set, and every id is unique.
    let mut ids: Vec<&str> = set.events.iter().map(|e| e.id()).collect();
    ids.extend(set.quotes.iter().map(|q| q.id.as_str()));
    ids.extend(set.sources.iter().map(|s| s.id.as_str()));
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

#[test]
fn the_bad_files_are_named_with_why_and_nothing_else_is_lost() {
    let batch = folder_batch();
    let undated = row(&batch, "03-undated-analysis.txt");
    assert_eq!(undated.outcome, RowOutcome::NeedsPublicationDate);
    assert!(
        undated
            .problems
            .iter()
            .any(|p| p.starts_with("no publication date found: not imported — its relative dates")),
        "{:?}",
        undated.problems
    );
    let latin1 = row(&batch, "04-latin1.txt");
    assert_eq!(latin1.outcome, RowOutcome::Failed);
    assert_eq!(
        latin1.problems,
        [
            "is not UTF-8 text: byte 0xe9 at line 7, column 8 (expected a UTF-8 plain-text \
          article; save it as UTF-8)"
        ]
    );
    let empty = row(&batch, "05-empty.txt");
    assert_eq!(empty.outcome, RowOutcome::Failed);
    assert_eq!(empty.problems, ["is empty"]);
    // Every file is either in the set or named in a problem row.
    let set = batch.set.as_ref().expect("a set");
    for row in &batch.rows {
        let in_set = set.description.contains(&row.file);
        assert_eq!(in_set, row.outcome == RowOutcome::Imported, "{row:?}");
        assert!(in_set || !row.problems.is_empty(), "{row:?}");
    }
    assert!(batch.skipped.is_empty(), "{:?}", batch.skipped);
}

fn run_cli(args: &[&str], out: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .arg("import-article")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("runs")
}

#[test]
fn the_command_imports_a_folder_prints_the_table_and_writes_one_set() {
    let dir = common::scratch_dir("batch-cli");
    let out = dir.join("set.json");
    let folder = article_folder();
    let run = run_cli(&[folder.to_str().expect("utf-8 path")], &out);
    let stdout = String::from_utf8_lossy(&run.stdout);
    // Two files could not be read as text: exit 1, but the others are written.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("file") && lines[0].ends_with("problems"),
        "{stdout}"
    );
    let first = lines
        .iter()
        .find(|line| line.starts_with("01-harbour-talks.txt"))
        .expect("a row for the first article");
    let cells: Vec<&str> = first.split("  ").filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(
        cells.iter().map(|c| c.trim()).collect::<Vec<_>>(),
        [
            "01-harbour-talks.txt",
            "Test Wire",
            "2024-03-12",
            "2",
            "3",
            "-"
        ],
        "{first}"
    );
    assert!(stdout.contains("05-empty.txt"), "{stdout}");
    assert!(stdout.contains("is empty"), "{stdout}");
    assert!(
        stdout.contains("2 of 5 article files imported into one set"),
        "{stdout}"
    );
    assert!(stdout.contains("merged: event"), "{stdout}");
    let written = std::fs::read(&out).expect("written");
    let (set, _) = load_article_set_with_warnings("set.json", &written).expect("valid");
    assert_eq!(set.sources.len(), 2);
    assert_eq!(set.quotes.len(), 3);
}

#[test]
fn the_command_takes_several_files_and_a_batch_date_but_no_title() {
    let dir = common::scratch_dir("batch-cli-files");
    let out = dir.join("set.json");
    let folder = article_folder();
    let file = |name: &str| folder.join(name).display().to_string();
    let (first, undated) = (
        file("01-harbour-talks.txt"),
        file("03-undated-analysis.txt"),
    );
    let without = run_cli(&[&first, &undated], &out);
    assert_eq!(without.status.code(), Some(2), "{without:?}");
    assert!(String::from_utf8_lossy(&without.stderr).contains("--published"));
    let with = run_cli(&[&first, &undated, "--published", "2024-03-18"], &out);
    assert_eq!(with.status.code(), Some(0), "{with:?}");
    let stdout = String::from_utf8_lossy(&with.stdout);
    assert!(
        stdout.contains("no publication date in the text: 2024-03-18 (given for the batch) used"),
        "{stdout}"
    );
    let written = std::fs::read(&out).expect("written");
    let (set, _) = load_article_set_with_warnings("set.json", &written).expect("valid");
    let published: Vec<String> = set.sources.iter().map(|s| s.published.to_iso()).collect();
    assert_eq!(published, ["2024-03-12", "2024-03-18"]);
    let titled = run_cli(&[&first, &undated, "--title", "One headline"], &out);
    assert_eq!(titled.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&titled.stderr).contains("--title names one article"));
}

/// A path as the desktop hands it over when it is dropped on the window.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".to_owned())
    }
}

fn wait_for_articles(harness: &mut Harness<'static, ChronoscopeApp>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while harness.state().is_importing_articles() {
        assert!(Instant::now() < deadline, "the import did not finish");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

#[test]
fn a_dropped_folder_shows_its_summary_and_add_adds_one_set_with_every_article() {
    let mut harness = harness_answering(Vec::new());
    let files_before = harness.state().explorer().dataset.files.len();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(article_folder())));
    harness.step();
    wait_for_articles(&mut harness);
    assert!(harness.state().article_batch_summary().is_some());
    // The summary names every file, the bad ones with why.
    harness.get_by_label("01-harbour-talks.txt");
    harness.get_by_label("05-empty.txt");
    harness.get_by_label("is empty");
    harness.get_by_label_contains("no publication date found");
    // Nothing is added before Add.
    assert_eq!(harness.state().explorer().dataset.files.len(), files_before);
    harness
        .get_by_label_contains("Add to the timeline (2 articles, 3 quotes")
        .click();
    harness.run();
    wait_for_loading(&mut harness);
    assert!(harness.state().article_batch_summary().is_none());
    let dataset = &harness.state().explorer().dataset;
    assert_eq!(dataset.files.len(), files_before + 1);
    assert!(
        dataset.files[files_before]
            .label
            .starts_with("articles in ")
    );
    let outlets: Vec<&str> = dataset
        .sources
        .iter()
        .filter(|s| s.files == [files_before])
        .map(|s| s.outlet.as_str())
        .collect();
    assert_eq!(outlets, ["Test Wire", "Example Herald"]);
    assert!(
        dataset
            .quotes
            .iter()
            .any(|q| q.text == "The first ships can sail next week," && q.speaker == "Omar Lund")
    );
}

#[test]
fn a_date_given_in_the_summary_imports_the_article_that_states_none() {
    let mut harness = harness_answering(Vec::new());
    let files_before = harness.state().explorer().dataset.files.len();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(article_folder())));
    harness.step();
    wait_for_articles(&mut harness);
    harness.get_by_label("Published on").click();
    harness.get_by_label("Published on").type_text("2024-03-18");
    harness.run();
    harness.get_by_label("Import with this date").click();
    harness.run();
    let summary = harness.state().article_batch_summary().expect("a summary");
    let undated = row(summary, "03-undated-analysis.txt");
    assert_eq!(undated.outcome, RowOutcome::Imported, "{undated:?}");
    assert_eq!(undated.published, NaiveDate::from_ymd_opt(2024, 3, 18));
    harness
        .get_by_label_contains("Add to the timeline (3 articles, 4 quotes")
        .click();
    harness.run();
    wait_for_loading(&mut harness);
    let dataset = &harness.state().explorer().dataset;
    assert_eq!(dataset.files.len(), files_before + 1);
    let quote = dataset
        .quotes
        .iter()
        .find(|q| q.text == "It is a slow process,")
        .expect("the undated article's quote");
    assert_eq!(quote.speaker, "Maria Holt");
    assert_eq!(
        dataset.sources[quote.source].published.to_iso(),
        "2024-03-18"
    );
    // "on Saturday" before Monday 18 March 2024 is 16 March 2024.
    assert!(
        dataset
            .events
            .iter()
            .any(|e| e.files().to_vec() == [files_before] && e.date.to_iso() == "2024-03-16"),
    );
}

#[test]
fn the_folder_menu_item_imports_the_folder_chosen_and_cancel_adds_nothing() {
    let mut harness = harness_answering(vec![vec![article_folder()]]);
    let before = harness.state().explorer().dataset.to_article_set();
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Import articles from folder")
        .click();
    harness.run();
    wait_for_articles(&mut harness);
    harness.get_by_label("02-corridor-reopens.md");
    harness.get_by_label("Cancel").click();
    harness.run();
    wait_for_loading(&mut harness);
    assert!(harness.state().article_batch_summary().is_none());
    assert_eq!(harness.state().explorer().dataset.to_article_set(), before);
}

#[test]
fn several_files_chosen_in_the_article_dialog_are_imported_as_one_batch() {
    let folder = article_folder();
    let chosen = vec![
        folder.join("02-corridor-reopens.md"),
        folder.join("01-harbour-talks.txt"),
    ];
    let mut harness = harness_answering(vec![chosen]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    harness
        .get_by_label_contains("Open an article file")
        .click();
    harness.run();
    wait_for_articles(&mut harness);
    let summary = harness.state().article_batch_summary().expect("a summary");
    let files: Vec<&str> = summary.rows.iter().map(|row| row.file.as_str()).collect();
    assert_eq!(files.len(), 2);
    // In the order chosen.
    assert!(files[0].ends_with("02-corridor-reopens.md"), "{files:?}");
    assert_eq!(summary.label, "2 articles");
}
