//! Source criticism: the checks on fixture articles and sets, and `chronoscope check` as a
//! command (its JSON and exit codes).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use chronoscope::checks::{Finding, FindingKind, check_article, check_dataset};
use chronoscope::loading::import_file;
use chronoscope::model::dataset::Dataset;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checks")
        .join(name)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

fn article_findings(name: &str, published: &str) -> Vec<Finding> {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    check_article(&text, day(published), Some(name))
}

/// (phrase, from, to) of each finding.
fn phrases_and_periods(findings: &[Finding]) -> Vec<(String, String, String)> {
    findings
        .iter()
        .map(|f| {
            let implied = f.implied.expect("a stale phrase implies a period");
            (
                f.phrase.clone().unwrap_or_default(),
                implied.from.to_string(),
                implied.to.to_string(),
            )
        })
        .collect()
}

fn chronoscope(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn path_text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn the_three_stale_phrases_of_a_late_2023_text_published_in_2025_are_found_with_their_periods() {
    let findings = article_findings("stale_2025.txt", "2025-11-18");
    let owned = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    assert_eq!(
        phrases_and_periods(&findings),
        [
            owned("nearly two-year-long war", "2023-11-24", "2024-02-23"),
            owned("upcoming US election", "2022-11-05", "2024-11-04"),
            owned("its second winter", "2023-10-01", "2024-03-31"),
        ]
    );
    assert!(findings.iter().all(|f| f.kind == FindingKind::StalePhrase));
    assert!(
        findings[1].message.contains("5 Nov 2024") && findings[1].message.contains("“until 2025”"),
        "{}",
        findings[1].message
    );
    assert_eq!(findings[0].file.as_deref(), Some("stale_2025.txt"));
}

#[test]
fn the_same_text_published_in_its_own_time_has_no_stale_phrase() {
    assert_eq!(article_findings("stale_2025.txt", "2024-01-15"), []);
}

#[test]
fn texts_whose_phrases_agree_with_their_dates_have_no_findings() {
    for (name, published) in [
        ("agrees_2022.txt", "2022-03-20"),
        ("agrees_2023.txt", "2023-09-10"),
        ("agrees_2025.txt", "2025-06-15"),
        ("winter_2025.txt", "2025-11-18"),
    ] {
        assert_eq!(article_findings(name, published), [], "{name}");
    }
}

#[test]
fn the_agreeing_texts_do_disagree_with_another_date() {
    // The fixtures above hold phrases the checks read, not words they skip.
    for (name, published, count) in [
        ("agrees_2022.txt", "2025-03-20", 3),
        ("agrees_2023.txt", "2025-11-18", 4),
        ("agrees_2025.txt", "2022-06-15", 4),
        ("winter_2025.txt", "2023-11-18", 1),
    ] {
        assert_eq!(article_findings(name, published).len(), count, "{name}");
    }
}

fn fixture_set_findings() -> Vec<(FindingKind, String)> {
    let imported = import_file(&fixture("sources_set.json")).expect("the fixture loads");
    let dataset = Dataset::from_article_set("sources_set.json", imported.set);
    check_dataset(&dataset)
        .into_iter()
        .map(|f| (f.kind, f.item.unwrap_or_default()))
        .collect()
}

#[test]
fn an_event_after_its_sources_is_found_once_per_source_and_one_on_the_day_is_not() {
    let imported = import_file(&fixture("sources_set.json")).expect("the fixture loads");
    let dataset = Dataset::from_article_set("sources_set.json", imported.set);
    let after: Vec<(String, String)> = check_dataset(&dataset)
        .into_iter()
        .filter(|f| f.kind == FindingKind::AfterPublication)
        .map(|f| (f.item.unwrap_or_default(), f.message))
        .collect();
    let talks = |message: &str| ("talks".to_owned(), message.to_owned());
    assert_eq!(
        after,
        [
            talks(
                "event “Talks in the palace” (29 Mar 2022) cites “Leaders may meet” (Wire A, \
                 published 20 Mar 2022), 9 days before it happened: the article can announce \
                 the event, not report it."
            ),
            talks(
                "event “Talks in the palace” (29 Mar 2022) cites “Talks ahead” (Paper B, \
                 published 25 Mar 2022), 4 days before it happened: the article can announce \
                 the event, not report it."
            ),
        ]
    );
}

#[test]
fn the_fixture_set_gives_each_kind_of_finding_for_the_right_items() {
    let item = |kind, id: &str| (kind, id.to_owned());
    assert_eq!(
        fixture_set_findings(),
        [
            item(FindingKind::AfterPublication, "talks"),
            item(FindingKind::AfterPublication, "talks"),
            item(FindingKind::UnverifiedQuote, "q-doe"),
            item(FindingKind::UnverifiedQuote, "q-doe"),
            item(FindingKind::QuoteVariants, "q-roe-b"),
            item(FindingKind::SingleSource, "own-site"),
            item(FindingKind::SingleSource, "calls"),
            item(FindingKind::SingleSource, "summit-call"),
        ]
    );
}

#[test]
fn check_prints_the_findings_as_json_with_only_the_fields_that_apply() {
    let article = fixture("stale_2025.txt");
    let run = chronoscope(&[
        "check",
        path_text(&article),
        "--published",
        "2025-11-18",
        "--json",
    ]);
    assert_eq!(run.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&run.stdout).expect("standard output is JSON");
    let findings = json["findings"].as_array().expect("a findings array");
    assert_eq!(findings.len(), 3);
    let first = findings[0].as_object().expect("an object");
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys, ["file", "implied", "kind", "message", "phrase"]);
    assert_eq!(first["kind"], "stale-phrase");
    assert_eq!(first["phrase"], "nearly two-year-long war");
    assert_eq!(
        first["implied"],
        serde_json::json!({"from": "2023-11-24", "to": "2024-02-23"})
    );
    assert_eq!(first["file"], path_text(&article));
}

#[test]
fn check_of_a_set_names_items_and_leaves_out_phrase_and_period() {
    let set = fixture("sources_set.json");
    let run = chronoscope(&["check", path_text(&set), "--json"]);
    assert_eq!(run.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let first = json["findings"][0].as_object().expect("an object");
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(keys, ["file", "item", "kind", "message"]);
    assert_eq!(first["kind"], "after-publication");
}

#[test]
fn check_exits_0_when_nothing_is_found() {
    let run = chronoscope(&[
        "check",
        path_text(&fixture("agrees_2022.txt")),
        "--published",
        "2022-03-20",
    ]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "no findings\n");
    let json = chronoscope(&[
        "check",
        path_text(&fixture("agrees_2022.txt")),
        "--published",
        "2022-03-20",
        "--json",
    ]);
    assert_eq!(String::from_utf8_lossy(&json.stdout), "{\"findings\":[]}\n");
}

#[test]
fn check_exits_1_naming_a_file_it_cannot_read() {
    let missing = fixture("no_such_article.txt");
    let run = chronoscope(&["check", path_text(&missing)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("no_such_article.txt"), "{stderr}");
}

#[test]
fn check_exits_2_when_an_article_states_no_date_and_none_is_given() {
    let run = chronoscope(&["check", path_text(&fixture("stale_2025.txt"))]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--published"));
    let bad = chronoscope(&[
        "check",
        path_text(&fixture("stale_2025.txt")),
        "--published",
        "soon",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn check_without_files_checks_the_built_in_chronology_which_cites_no_later_event() {
    let run = chronoscope(&["check", "--json"]);
    assert_eq!(run.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    let found = |kind: &str, item: &str| {
        findings
            .iter()
            .any(|f| f["kind"] == kind && f["item"] == item)
    };
    // The Dawat article's analyst quote speaks of the 2024 US election as still to come.
    assert!(found(
        "stale-phrase",
        "q-dawat-06-position-of-military-strength"
    ));
    let after_publication: Vec<_> = findings
        .iter()
        .filter(|f| f["kind"] == "after-publication")
        .collect();
    assert!(after_publication.is_empty(), "{after_publication:?}");
}

#[test]
fn import_article_prints_the_findings_of_its_text() {
    let out = std::env::temp_dir().join(format!("chronoscope-check-{}.json", std::process::id()));
    let run = chronoscope(&[
        "import-article",
        path_text(&fixture("stale_2025.txt")),
        "--published",
        "2025-11-18",
        "--out",
        path_text(&out),
    ]);
    let _ = std::fs::remove_file(&out);
    assert_eq!(run.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("source criticism:\n"), "{stdout}");
    assert!(stdout.contains("3 findings (3 stale-phrase)"), "{stdout}");
}

/// The findings `check --json` prints for a fixture article published on `published`.
fn check_json(name: &str, published: &str) -> Vec<serde_json::Value> {
    let run = chronoscope(&[
        "check",
        path_text(&fixture(name)),
        "--published",
        published,
        "--json",
    ]);
    assert_eq!(run.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    json["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn an_upcoming_summit_the_chronology_dates_before_publication_is_a_stale_phrase() {
    let late = check_json("anchored_2023.txt", "2023-09-05");
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(late[0]["kind"], "stale-phrase");
    assert_eq!(late[0]["phrase"], "upcoming NATO summit in Vilnius");
    assert_eq!(late[0]["item"], "2023-07-11-nato-vilnius-summit");
    assert_eq!(
        late[0]["implied"],
        serde_json::json!({"from": "2022-07-11", "to": "2023-07-11"})
    );
    assert!(check_json("anchored_2023.txt", "2023-06-20").is_empty());
}

#[test]
fn an_article_quote_the_chronology_has_in_other_words_is_a_quote_variant() {
    let found = check_json("quotes_2025.txt", "2025-11-18");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "quote-variants");
    assert_eq!(found[0]["item"], "q-dawat-01-no-russian-representatives");
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("Dawat Media Center"), "{message}");
}
