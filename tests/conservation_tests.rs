//! Conservation: every event, source and quote of every file loaded is in the dataset, merged
//! with one that means the same (and the report says so), or named in a warning — for any
//! files, in any order, in every format.

use chronoscope::import::synthetic_files::{
    events_csv_from_set, timelinejs_csv_from_set, timelinejs_json_from_set,
};
use chronoscope::import::{Imported, import_bytes};
use chronoscope::model::{
    ArticleSet, Category, Dataset, EventRecord, MergeReport, PartialDate, QuoteRecord, SourceRecord,
};
use proptest::prelude::*;

fn import(label: &str, text: &str) -> Imported {
    import_bytes(label, text.as_bytes()).unwrap_or_else(|error| panic!("{error}"))
}

fn add(dataset: &mut Dataset, label: &str, text: &str) -> MergeReport {
    let imported = import(label, text);
    dataset.add_set(label, imported.set, imported.made_up_ids)
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("date")
}

/// A TimelineJS3 file whose slides have no `unique_id` (the importer numbers them).
fn timeline(slides: &[(&str, &str, &str)]) -> String {
    let events: Vec<serde_json::Value> = slides
        .iter()
        .map(|(day, headline, text)| {
            let (year, rest) = day.split_at(4);
            let month = rest.get(1..3).unwrap_or("");
            let day = rest.get(4..6).unwrap_or("");
            serde_json::json!({
                "start_date": {"year": year, "month": month, "day": day},
                "text": {"headline": headline, "text": text}
            })
        })
        .collect();
    serde_json::json!({"title": {"text": {"headline": "T"}}, "events": events}).to_string()
}

fn titles(dataset: &Dataset) -> Vec<String> {
    let mut titles: Vec<String> = dataset
        .events
        .iter()
        .map(|e| e.title().to_owned())
        .collect();
    titles.sort();
    titles
}

#[test]
fn numbered_slides_of_two_files_are_never_taken_for_the_same_event() {
    let houston = timeline(&[
        ("1963-08-09", "Whitney Houston is born", ""),
        ("1985-02-14", "First album", ""),
    ]);
    let women = timeline(&[
        (
            "1843-01-01",
            "Ada Lovelace",
            "Notes on the Analytical Engine",
        ),
        ("1946-02-15", "ENIAC", ""),
    ]);
    let mut dataset = Dataset::empty();
    add(&mut dataset, "houston.json", &houston);
    let report = add(&mut dataset, "women.json", &women);
    assert_eq!(report.events.added, 2, "{report}");
    assert_eq!(report.events.already_present, 0);
    assert_eq!(
        titles(&dataset),
        [
            "Ada Lovelace",
            "ENIAC",
            "First album",
            "Whitney Houston is born"
        ]
    );
    let ada = dataset
        .events
        .iter()
        .find(|e| e.title() == "Ada Lovelace")
        .expect("Ada Lovelace is loaded");
    assert_eq!(ada.files().to_vec(), [1]);
    assert_eq!(ada.summary(), "Notes on the Analytical Engine");
}

#[test]
fn two_slides_of_one_file_are_never_merged_with_each_other() {
    let text = timeline(&[
        ("1900-01-06", "", ""),
        ("1900-01-06", "", ""),
        ("1900-01-06", "Talks", "First round"),
        ("1900-01-06", "talks!", "First round"),
    ]);
    let mut dataset = Dataset::empty();
    let report = add(&mut dataset, "twain.json", &text);
    assert_eq!(dataset.events.len(), 4);
    assert_eq!(report.events.added, 4);
    assert_eq!(report.events.already_present, 0);
}

#[test]
fn the_same_file_loaded_twice_adds_nothing() {
    let text = timeline(&[
        ("1900-01-06", "", ""),
        ("1900-01-06", "", ""),
        ("1900-01-06", "🎉", ""),
        ("1900-01-06", "🚀", ""),
        ("1908-05-13", "Honorary degree", "Oxford"),
    ]);
    let mut dataset = Dataset::empty();
    add(&mut dataset, "a.json", &text);
    let report = add(&mut dataset, "a.json", &text);
    assert_eq!(dataset.events.len(), 5);
    assert_eq!(report.events.added, 0, "{report}");
    assert_eq!(report.events.already_present, 5);
    assert!(dataset.events.iter().all(|e| e.files().to_vec() == [0, 1]));
}

#[test]
fn punctuation_or_emoji_titles_are_not_one_event() {
    let first = timeline(&[("2020-01-01", "🎉", ""), ("2020-01-01", "...", "")]);
    let second = timeline(&[("2020-01-01", "🚀", ""), ("2020-01-01", "!!!", "")]);
    let mut dataset = Dataset::empty();
    add(&mut dataset, "a.json", &first);
    let report = add(&mut dataset, "b.json", &second);
    assert_eq!(report.events.added, 2, "{report}");
    assert_eq!(dataset.events.len(), 4);
}

fn native(events: Vec<EventRecord>) -> ArticleSet {
    let mut set = ArticleSet::new("set");
    set.sources = vec![SourceRecord {
        id: "s".to_owned(),
        outlet: "Outlet".to_owned(),
        title: "Article".to_owned(),
        published: date("2022-03-20"),
        url: Some("https://example.org/a".to_owned()),
        author: None,
        language: None,
        notes: None,
    }];
    set.events = events;
    set
}

#[test]
fn a_similar_event_with_another_summary_is_kept_apart_and_reported() {
    let mut dataset = Dataset::empty();
    let talks = |id: &str, summary: &str| {
        EventRecord::new(
            id,
            date("2022-03-29"),
            "Talks in Istanbul",
            summary,
            Category::Diplomacy,
        )
        .with_sources(["s"])
    };
    dataset.add_article_set("a.json", native(vec![talks("talks", "Delegations meet.")]));
    let report = dataset.add_article_set(
        "b.json",
        native(vec![talks("talks", "A communiqué is signed.")]),
    );
    assert_eq!(report.events.added, 1);
    assert_eq!(report.events.kept_apart, 1);
    assert_eq!(dataset.events.len(), 2);
    let summaries: Vec<&str> = dataset.events.iter().map(|e| e.summary()).collect();
    assert!(summaries.contains(&"Delegations meet."));
    assert!(summaries.contains(&"A communiqué is signed."));
    // The second keeps its content under a free id; both cite the one source they share.
    let ids: Vec<&str> = dataset.events.iter().map(|e| e.id()).collect();
    assert!(
        ids.contains(&"talks") && ids.contains(&"talks-2"),
        "{ids:?}"
    );
    assert!(dataset.events.iter().all(|e| e.sources().len() == 1));
    assert_eq!(
        report.notes,
        [
            "source \"Article\" (Outlet) is the same as in a.json (same id and content): merged",
            "event \"Talks in Istanbul\" (2022-03-29) is like one in a.json but has another \
             summary: kept apart"
        ]
    );
}

#[test]
fn an_event_merged_across_files_keeps_the_union_of_what_both_say() {
    let mut dataset = Dataset::empty();
    let first = EventRecord::new(
        "a-talks",
        date("2022-03-29"),
        "Talks in Istanbul",
        "",
        Category::Diplomacy,
    )
    .with_actors(["Russia"])
    .with_sources(["s"]);
    let second = EventRecord::new(
        "b-talks",
        date("2022-03-29"),
        "talks in Istanbul.",
        "Delegations meet.",
        Category::Diplomacy,
    )
    .with_actors(["Ukraine", "Russia"])
    .with_tags(["istanbul"])
    .with_reference("https://example.org/talks");
    dataset.add_article_set("a.json", native(vec![first]));
    let mut set = native(vec![second]);
    set.quotes = vec![QuoteRecord {
        id: "q".to_owned(),
        text: "We talked.".to_owned(),
        speaker: "Someone".to_owned(),
        role: None,
        source: "s".to_owned(),
        date: None,
        event: Some("b-talks".to_owned()),
        context: None,
        verified: true,
        note: None,
    }];
    let report = dataset.add_article_set("b.json", set);
    assert_eq!(report.events.already_present, 1, "{report}");
    assert_eq!(dataset.events.len(), 1);
    let event = &dataset.events[0];
    assert_eq!(event.summary(), "Delegations meet.");
    assert_eq!(event.reference(), Some("https://example.org/talks"));
    assert_eq!(
        dataset.actors_of(event).collect::<Vec<_>>(),
        ["Russia", "Ukraine"]
    );
    assert_eq!(dataset.tags_of(event).collect::<Vec<_>>(), ["istanbul"]);
    assert_eq!(event.files().to_vec(), [0, 1]);
    assert_eq!(dataset.quotes[0].event, Some(0));
    assert!(
        report.notes.iter().any(|note| note
            == "event \"talks in Istanbul.\" (2022-03-29) is the same as in a.json (same date \
                and title): merged"),
        "{:#?}",
        report.notes
    );
}

/// The words of a text, lowercased: titles that differ only in case and punctuation match.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// What an event says, independent of ids and indices (and of the case and punctuation of
/// its title, which is the first file's when two merge): for comparing datasets. Which of two
/// look-alike events an event without a summary joins may depend on the order, so sources
/// are compared apart ([`source_signatures`]).
fn event_signatures(dataset: &Dataset) -> Vec<String> {
    let mut signatures: Vec<String> = dataset
        .events
        .iter()
        .map(|event| {
            let mut actors: Vec<&str> = dataset.actors_of(event).collect();
            actors.sort_unstable();
            format!(
                "{:?}|{:?}|{:?}|{}|{}|{actors:?}",
                event.date,
                event.end,
                words(event.title()),
                event.summary(),
                event.category.as_str()
            )
        })
        .collect();
    signatures.sort();
    signatures
}

/// Every source, by content.
fn source_signatures(dataset: &Dataset) -> Vec<String> {
    let mut signatures: Vec<String> = dataset
        .sources
        .iter()
        .map(|s| format!("{}|{}|{:?}|{:?}", s.outlet, s.title, s.published, s.url))
        .collect();
    signatures.sort();
    signatures
}

/// A set drawn from small pools, so that files often share dates and titles. Titles without
/// letters (emoji, and empty ones where the format allows them) are among them.
fn small_set(picks: &[(u8, u8, u8, u8)], format: u8) -> ArticleSet {
    const DAYS: [&str; 4] = ["2022-03-29", "2022-03-30", "2022-03", "2023"];
    // TimelineJS allows empty headlines; article sets and events CSV require a title.
    let untitled = if matches!(format % 4, 1 | 2) {
        ""
    } else {
        "🎉"
    };
    let titles = [
        "Talks in Istanbul",
        "talks in istanbul!",
        "Grain deal",
        "🎉",
        untitled,
    ];
    const SUMMARIES: [&str; 3] = ["", "Delegations meet.", "A deal is signed."];
    let mut set = native(Vec::new());
    for (index, &(day, title, summary, category)) in picks.iter().enumerate() {
        let category = if category % 2 == 0 {
            Category::Diplomacy
        } else {
            Category::Other
        };
        set.events.push(
            EventRecord::new(
                &format!("e{index}"),
                date(DAYS[usize::from(day) % DAYS.len()]),
                titles[usize::from(title) % titles.len()],
                SUMMARIES[usize::from(summary) % SUMMARIES.len()],
                category,
            )
            .with_sources(["s"]),
        );
    }
    set
}

/// The set written in a format (0 native, 1 TimelineJS JSON, 2 TimelineJS CSV, 3 events CSV).
fn written(set: &ArticleSet, format: u8) -> String {
    match format % 4 {
        0 => chronoscope::model::article_set::to_json_pretty(set),
        1 => timelinejs_json_from_set(set),
        2 => timelinejs_csv_from_set(set),
        _ => events_csv_from_set(set),
    }
}

fn picks() -> impl Strategy<Value = Vec<(u8, u8, u8, u8)>> {
    proptest::collection::vec((0..4_u8, 0..5_u8, 0..3_u8, 0..2_u8), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_event_of_every_file_is_kept_or_merged_and_order_does_not_matter(
        first in picks(),
        second in picks(),
        formats in (0..4_u8, 0..4_u8),
    ) {
        let files = [
            ("a", written(&small_set(&first, formats.0), formats.0)),
            ("b", written(&small_set(&second, formats.1), formats.1)),
        ];
        let mut forward = Dataset::empty();
        let mut reports = Vec::new();
        let mut input_events = 0;
        for (label, text) in &files {
            let imported = import(label, text);
            input_events += imported.set.events.len();
            reports.push(forward.add_set(label, imported.set, imported.made_up_ids));
        }
        // Conservation, by count: each input event was added or merged, nothing else.
        let added: usize = reports.iter().map(|r| r.events.added).sum();
        let merged: usize = reports.iter().map(|r| r.events.already_present).sum();
        prop_assert_eq!(added + merged, input_events);
        prop_assert_eq!(forward.events.len(), added);
        // Conservation, by content: each input event is in the dataset with its date, end,
        // title and category, and its summary unless it had none.
        for (label, text) in &files {
            let imported = import(label, text);
            for record in &imported.set.events {
                let found = forward.events.iter().any(|event| {
                    event.date == record.date
                        && event.end == record.end
                        && event.category == record.category
                        && words(event.title()) == words(record.title())
                        && (record.summary().is_empty() || event.summary() == record.summary())
                });
                prop_assert!(found, "{label}: {record:?} is lost");
            }
        }
        // Order: the other way round keeps the same events.
        let mut backward = Dataset::empty();
        for (label, text) in files.iter().rev() {
            let imported = import(label, text);
            backward.add_set(label, imported.set, imported.made_up_ids);
        }
        prop_assert_eq!(event_signatures(&forward), event_signatures(&backward));
        prop_assert_eq!(source_signatures(&forward), source_signatures(&backward));
        // The same file once more adds nothing.
        for (label, text) in &files {
            let again = add(&mut forward, label, text);
            prop_assert_eq!(again.events.added, 0, "{}", again);
            prop_assert_eq!(again.sources.added, 0, "{}", again);
        }
    }

    #[test]
    fn a_file_alone_has_as_many_events_as_validate_counts(
        picks in picks(),
        format in 0..4_u8,
    ) {
        let text = written(&small_set(&picks, format), format);
        let imported = import("a", &text);
        let count = imported.set.events.len();
        let mut dataset = Dataset::empty();
        dataset.add_set("a", imported.set, imported.made_up_ids);
        prop_assert_eq!(dataset.events.len(), count);
    }
}
