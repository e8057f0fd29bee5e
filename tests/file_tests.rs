//! Drives File ▸ Open, Add, Save as, Remove and Cancel through the window with scripted file
//! dialogs (egui_kittest, no GPU or display needed).

mod common;

use common::{harness_answering, scratch_dir, wait_for_loading};

use std::path::{Path, PathBuf};
use std::time::Duration;

use chronoscope::app::ChronoscopeApp;
use chronoscope::app::command::AppCommand;
use chronoscope::builtin::BUILTIN_LABEL;
use chronoscope::model::dataset::Dataset;
use chronoscope::model::loader::load_article_set;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn choose_file_menu_item(harness: &mut Harness<'static, ChronoscopeApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

fn event_count(harness: &Harness<'static, ChronoscopeApp>) -> usize {
    harness.state().explorer().dataset.events.len()
}

fn notification_texts(harness: &Harness<'static, ChronoscopeApp>) -> String {
    harness.state().notifications().texts().join("\n")
}

/// A set with one event the built-in chronology has under another id (same date and title)
/// and one it does not have.
fn write_overlapping_set(dir: &Path) -> PathBuf {
    let builtin = chronoscope::builtin::builtin_dataset().expect("built-in");
    let known = &builtin.events[40];
    let json = format!(
        r#"{{"format": "chronoscope-article-set", "version": 1, "title": "Overlap (test)",
            "sources": [],
            "events": [
              {{"id": "copy-of-a-builtin-event", "date": "{}", "title": "{}", "summary": "", "category": "{}"}},
              {{"id": "only-here", "date": "2030-01-01", "title": "A test event", "summary": "", "category": "other"}}
            ]}}"#,
        known.date.to_iso(),
        known.title().replace('"', "\\\""),
        known.category.as_str()
    );
    let path = dir.join("overlap.json");
    std::fs::write(&path, json).expect("write");
    path
}

#[test]
fn add_merges_a_set_and_reports_what_was_already_present() {
    let dir = scratch_dir("add");
    let overlap = write_overlapping_set(&dir);
    let mut harness = harness_answering(vec![vec![overlap]]);
    let before = event_count(&harness);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(event_count(&harness), before + 1);
    let files: Vec<String> = harness
        .state()
        .explorer()
        .dataset
        .files
        .iter()
        .map(|file| file.label.clone())
        .collect();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0], BUILTIN_LABEL);
    let texts = notification_texts(&harness);
    assert!(
        texts.contains("overlap.json: 1 event added, 1 already present"),
        "{texts}"
    );
    // The merged event keeps both files as its provenance.
    let dataset = &harness.state().explorer().dataset;
    let shared = dataset
        .events
        .iter()
        .filter(|e| e.files().len() == 2)
        .count();
    assert_eq!(shared, 1);
}

#[test]
fn a_corrupt_file_gives_a_message_with_its_position_and_changes_nothing() {
    let dir = scratch_dir("corrupt");
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        "{\"format\": \"chronoscope-article-set\", \"version\": 1,\n \"sources\": [",
    )
    .expect("write");
    let mut harness = harness_answering(vec![vec![broken]]);
    let before = harness.state().explorer().dataset.to_article_set();
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(harness.state().explorer().dataset.to_article_set(), before);
    let texts = notification_texts(&harness);
    assert!(texts.contains("Could not load"), "{texts}");
    assert!(texts.contains("broken.json:2:"), "{texts}");
    // The message can be read in the window and dismissed.
    harness.get_by_label_contains("broken.json:2:");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notifications().is_empty());
}

#[test]
fn open_replaces_what_is_loaded_and_the_builtin_chronology_comes_back() {
    let mut harness = harness_answering(vec![vec![fixture("valid_article_set.json")]]);
    choose_file_menu_item(&mut harness, "Open…");
    wait_for_loading(&mut harness);
    let dataset = &harness.state().explorer().dataset;
    assert_eq!(dataset.files.len(), 1);
    assert!(dataset.files[0].label.ends_with("valid_article_set.json"));
    assert_eq!(
        harness.state().settings().recent_files.len(),
        1,
        "opened files are remembered"
    );
    harness
        .state_mut()
        .apply(AppCommand::LoadBuiltin { replace: false });
    harness.run();
    assert_eq!(harness.state().explorer().dataset.files.len(), 2);
}

#[test]
fn save_as_writes_a_set_that_loads_back_identically() {
    let dir = scratch_dir("save");
    let saved = dir.join("saved.json");
    let mut harness = harness_answering(vec![
        vec![fixture("valid_article_set.json")],
        vec![saved.clone()],
    ]);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    choose_file_menu_item(&mut harness, "Save as");
    let bytes = std::fs::read(&saved).expect("saved file");
    let set = load_article_set("saved.json", &bytes).expect("saved set loads");
    let reloaded = Dataset::from_article_set("saved.json", set);
    let loaded = &harness.state().explorer().dataset;
    assert_eq!(reloaded.to_article_set(), loaded.to_article_set());
    assert!(notification_texts(&harness).contains("Saved"));
}

#[test]
fn removing_a_set_keeps_what_other_sets_also_have() {
    let dir = scratch_dir("remove");
    let overlap = write_overlapping_set(&dir);
    let mut harness = harness_answering(vec![vec![overlap]]);
    let before = event_count(&harness);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    harness.state_mut().apply(AppCommand::RemoveFile(1));
    harness.run();
    assert_eq!(event_count(&harness), before);
    let dataset = &harness.state().explorer().dataset;
    assert_eq!(dataset.files.len(), 1);
    assert!(dataset.events.iter().all(|e| e.files().to_vec() == [0]));
}

#[test]
fn cancelling_a_load_keeps_what_is_loaded() {
    let dir = scratch_dir("cancel");
    let big = dir.join("big.json");
    std::fs::write(
        &big,
        chronoscope::synthetic::synthetic_article_set_json(20_000, 7),
    )
    .expect("write");
    let mut harness = harness_answering(vec![vec![big]]);
    let before = event_count(&harness);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Add article set").click();
    for _ in 0..3 {
        if !harness.state().is_loading() {
            harness.step();
        }
    }
    assert!(harness.state().is_loading());
    harness.state_mut().apply(AppCommand::CancelLoading);
    wait_for_loading(&mut harness);
    std::thread::sleep(Duration::from_millis(300));
    harness.run();
    assert_eq!(event_count(&harness), before);
    assert!(notification_texts(&harness).contains("cancelled"));
}

#[test]
fn a_file_too_large_for_memory_is_refused_up_front() {
    let dir = scratch_dir("huge");
    let huge = dir.join("huge.json");
    let file = std::fs::File::create(&huge).expect("create");
    // A sparse file: a terabyte on paper, nothing on disk.
    file.set_len(1 << 40).expect("set length");
    let mut harness = harness_answering(vec![vec![huge]]);
    let before = event_count(&harness);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(event_count(&harness), before);
    let texts = notification_texts(&harness);
    assert!(
        texts.contains("huge.json: is 1.1 TB — too large to load"),
        "{texts}"
    );
}

#[test]
fn a_pasted_article_is_added_with_its_quotes_and_chosen_events() {
    let mut harness = harness_answering(Vec::new());
    let before = event_count(&harness);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    // Placeholder names: a test text, not a fact.
    let article = "Talks resume in the test city\n\n\
        Jane Roe, the spokesperson of the test ministry, spoke on Saturday.\n\n\
        \"We are ready to talk,\" Roe said.\n";
    let text = harness.get_by_role(egui::accesskit::Role::MultilineTextInput);
    text.click();
    text.type_text(article);
    harness.run();
    harness.get_by_label("Published").click();
    harness.get_by_label("Published").type_text("2024-05-06");
    harness.get_by_label("Outlet").click();
    harness.get_by_label("Outlet").type_text("Test Wire");
    harness.run();
    harness.get_by_label_contains("Add to the timeline").click();
    harness.run();
    wait_for_loading(&mut harness);
    let dataset = &harness.state().explorer().dataset;
    assert_eq!(dataset.files.len(), 2, "{:?}", notification_texts(&harness));
    let quote = dataset
        .quotes
        .iter()
        .find(|quote| quote.text == "We are ready to talk,")
        .unwrap_or_else(|| panic!("quote missing: {:?}", dataset.quotes.last()));
    assert_eq!(quote.speaker, "Jane Roe");
    assert_eq!(dataset.sources[quote.source].outlet, "Test Wire");
    // "on Saturday" before Monday 6 May 2024 is 4 May 2024.
    let saturday = dataset
        .events
        .iter()
        .find(|event| event.files().to_vec() == [1])
        .expect("the proposed event was added");
    assert_eq!(saturday.date.to_iso(), "2024-05-04");
    assert_eq!(event_count(&harness), before + 1);
}

/// The issue's "done when": open a TimelineJS file, add a CSV that repeats one of its events and
/// its source, import a pasted article; all three are there with their provenance, the repeats
/// merged; a corrupt file changes nothing; Save as writes a set that loads back identically.
#[test]
fn timelinejs_plus_csv_plus_article_merge_with_provenance_and_save_back() {
    let dir = scratch_dir("done-when");
    let csv = dir.join("colleague.csv");
    std::fs::write(
        &csv,
        "date,end,title,summary,category,source outlet,source title,source url\n\
         2014-03-18,2014-03-20,Day slide,,diplomacy,Example,A page,https://example.org/a/\n\
         2016-06-01,,Only in the CSV,,diplomacy,Example,A page,https://example.org/a\n",
    )
    .expect("write csv");
    let broken = dir.join("broken.csv");
    std::fs::write(&broken, "date,title\n2016-02-30,Not a day\n").expect("write broken");
    let saved = dir.join("everything.json");
    let mut harness = harness_answering(vec![
        vec![fixture("import/timeline.json")],
        vec![csv],
        vec![broken],
        vec![saved.clone()],
    ]);
    choose_file_menu_item(&mut harness, "Open…");
    wait_for_loading(&mut harness);
    let timeline_events = event_count(&harness);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(event_count(&harness), timeline_events + 1);
    let texts = notification_texts(&harness);
    assert!(
        texts.contains(
            "colleague.csv: 1 event added, 1 already present; 2 sources added, 2 kept apart from \
             similar ones"
        ),
        "{texts}"
    );

    let article =
        "Jane Roe, a test spokesperson, spoke on Saturday.\n\n\"We are ready,\" Roe said.\n";
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    let text = harness.get_by_role(egui::accesskit::Role::MultilineTextInput);
    text.click();
    text.type_text(article);
    harness.run();
    harness.get_by_label("Published").click();
    harness.get_by_label("Published").type_text("2024-05-06");
    harness.run();
    harness.get_by_label_contains("Add to the timeline").click();
    harness.run();
    wait_for_loading(&mut harness);

    let before_corrupt = harness.state().explorer().dataset.to_article_set();
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(
        harness.state().explorer().dataset.to_article_set(),
        before_corrupt
    );
    let texts = notification_texts(&harness);
    assert!(texts.contains("broken.csv:2:"), "{texts}");

    let dataset = &harness.state().explorer().dataset;
    assert_eq!(dataset.files.len(), 3);
    let day_slide = dataset
        .events
        .iter()
        .find(|event| event.title() == "Day slide")
        .expect("merged event");
    assert_eq!(day_slide.files().to_vec(), [0, 1]);
    assert!(dataset.quotes.iter().any(|quote| quote.files == [2]));

    choose_file_menu_item(&mut harness, "Save as");
    let bytes = std::fs::read(&saved).expect("saved");
    let reloaded = Dataset::from_article_set(
        "everything.json",
        load_article_set("everything.json", &bytes).expect("loads"),
    );
    assert_eq!(
        reloaded.to_article_set(),
        harness.state().explorer().dataset.to_article_set()
    );
}

/// A file as the desktop hands it over when it is dropped on the window.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn files_dropped_on_the_window_are_added() {
    let mut harness = harness_answering(Vec::new());
    let before = harness.state().explorer().dataset.files.len();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(fixture(
            "import/events-comma.csv",
        ))));
    harness.step();
    wait_for_loading(&mut harness);
    let files = &harness.state().explorer().dataset.files;
    assert_eq!(files.len(), before + 1);
    assert!(files[before].label.ends_with("events-comma.csv"));
}

#[test]
fn a_set_with_many_sources_lists_them_a_page_at_a_time() {
    let dir = scratch_dir("many-sources");
    let path = dir.join("media.csv");
    let mut csv = String::from("Year,Month,Day,Headline,Media,Media Credit\n");
    for slide in 0..250 {
        csv.push_str(&format!(
            "2020,1,{},Slide {slide},https://example.org/{slide}.jpg,Wire {slide}\n",
            1 + slide % 28
        ));
    }
    std::fs::write(&path, csv).unwrap_or_else(|error| panic!("fixture: {error}"));
    let mut harness = harness_answering(vec![vec![path]]);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(harness.state().explorer().dataset.sources.len(), 2 + 250);
    harness.get_by_label("Wire 99");
    assert!(harness.query_by_label("Wire 100").is_none());
    // Far down the panel: an accessibility click, as a screen reader would.
    harness
        .get_by_label("Show 100 more (150 not listed)")
        .click_accesskit();
    harness.run();
    harness.get_by_label("Wire 199");
    harness.get_by_label("Show 50 more (50 not listed)");
}

/// A TimelineJS file of slides without `unique_id` (the importer numbers them `tl-1`, …).
fn write_numbered_timeline(dir: &Path, name: &str, headlines: &[&str]) -> PathBuf {
    let events: Vec<String> = headlines
        .iter()
        .enumerate()
        .map(|(index, headline)| {
            format!(
                r#"{{"start_date": {{"year": "{}"}}, "text": {{"headline": "{headline}"}}}}"#,
                1900 + index
            )
        })
        .collect();
    let path = dir.join(name);
    let json = format!(
        r#"{{"title": {{"text": {{"headline": "{name}"}}}}, "events": [{}]}}"#,
        events.join(",")
    );
    std::fs::write(&path, json).expect("write timeline");
    path
}

#[test]
fn two_timelines_added_one_after_the_other_keep_every_slide() {
    let dir = scratch_dir("two-timelines");
    let first = write_numbered_timeline(&dir, "houston.json", &["Born", "First album"]);
    let second = write_numbered_timeline(&dir, "women.json", &["Ada Lovelace", "ENIAC", "COBOL"]);
    let mut harness = harness_answering(vec![vec![first], vec![second]]);
    let before = event_count(&harness);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    choose_file_menu_item(&mut harness, "Add article set");
    wait_for_loading(&mut harness);
    assert_eq!(event_count(&harness), before + 5);
    let dataset = &harness.state().explorer().dataset;
    for title in ["Born", "First album", "Ada Lovelace", "ENIAC", "COBOL"] {
        assert!(
            dataset.events.iter().any(|event| event.title() == title),
            "{title} is missing"
        );
    }
    let texts = notification_texts(&harness);
    assert!(texts.contains("women.json: 3 events added"), "{texts}");
}

#[test]
fn a_change_asked_for_while_a_file_loads_is_applied_after_it_not_lost() {
    let dir = scratch_dir("queued-change");
    let timeline = write_numbered_timeline(&dir, "queued.json", &["Queued slide"]);
    let mut harness = harness_answering(vec![vec![timeline]]);
    harness
        .state_mut()
        .apply(AppCommand::LoadBuiltin { replace: true });
    harness.run();
    wait_for_loading(&mut harness);
    let builtin_events = event_count(&harness);
    // Add the file, and ask for the built-in chronology again before the add has finished.
    choose_file_menu_item(&mut harness, "Add article set");
    harness
        .state_mut()
        .apply(AppCommand::LoadBuiltin { replace: false });
    wait_for_loading(&mut harness);
    let dataset = &harness.state().explorer().dataset;
    let labels: Vec<&str> = dataset.files.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert!(labels[1].ends_with("queued.json"), "{labels:?}");
    assert_eq!(labels[2], BUILTIN_LABEL);
    // The file's slide is there, and the built-in chronology added again adds nothing.
    assert_eq!(event_count(&harness), builtin_events + 1);
}

#[test]
fn the_import_window_lists_the_stale_phrases_of_a_text_before_it_is_added() {
    let article = fixture("checks/stale_2025.txt");
    let mut harness = harness_answering(vec![vec![article]]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    harness.get_by_label("Open an article file…").click();
    harness.run();
    harness.get_by_label_contains("give the publication date");
    harness.get_by_label("Published").click();
    harness.get_by_label("Published").type_text("2025-11-18");
    harness.run();
    harness.get_by_label("Findings (3)");
    harness.get_by_label_contains("• “upcoming US election”");
    harness.get_by_label("Published").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Published").type_text("2024-01-15");
    harness.run();
    assert!(harness.query_by_label("Findings (3)").is_none());
    harness.get_by_label_contains("Findings: none");
}
