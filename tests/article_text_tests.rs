//! Reading plain-text articles as a new user pastes them: bylines and wire datelines, future
//! dates, role nouns that refer back to a named person, quotes attributed in other languages,
//! headline-like event titles with guessed categories, and edited events in the set. The
//! fixtures under tests/fixtures/article_import/ were written for these tests.

use chrono::NaiveDate;
use chronoscope::article_import::{
    ArticleImport, ArticleMetadata, Attribution, EventEdit, UNKNOWN_SPEAKER, import_article,
    to_article_set_with_choices,
};
use chronoscope::model::category::Category;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/article_import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn import(name: &str) -> ArticleImport {
    import_article(&fixture(name), &ArticleMetadata::default())
}

fn import_published(name: &str, published: Option<NaiveDate>) -> ArticleImport {
    let given = ArticleMetadata {
        published,
        ..ArticleMetadata::default()
    };
    import_article(&fixture(name), &given)
}

/// The date the mention `phrase` resolves to.
fn resolved(import: &ArticleImport, phrase: &str) -> String {
    import
        .mentions
        .iter()
        .find(|m| m.phrase == phrase)
        .map(|m| m.date.to_iso())
        .unwrap_or_else(|| panic!("no mention {phrase:?} in {:?}", import.mentions))
}

/// The speaker of the quote that starts with `opening`.
fn speaker_of<'a>(import: &'a ArticleImport, opening: &str) -> &'a str {
    import
        .quotes
        .iter()
        .find(|q| q.text.starts_with(opening))
        .map(|q| q.speaker.as_str())
        .unwrap_or_else(|| panic!("no quote {opening:?} in {:?}", import.quotes))
}

#[test]
fn a_byline_gives_outlet_and_date_and_proposes_no_event() {
    let found = import("istanbul_byline.txt");
    assert_eq!(found.outlet.as_deref(), Some("Reuters"));
    assert_eq!(found.published, day(2025, 5, 12));
    assert_eq!(found.found_in_text.published, day(2025, 5, 12));
    assert!(
        found
            .proposed_events
            .iter()
            .all(|e| !e.title.contains("By Staff") && !e.title.contains("Reuters")),
        "{:?}",
        found.proposed_events
    );
}

#[test]
fn a_reuters_dateline_gives_the_outlet_and_its_date_is_no_event() {
    let found = import_published("kyiv_dateline.txt", day(2025, 3, 3));
    assert_eq!(found.outlet.as_deref(), Some("Reuters"));
    let titles: Vec<&str> = found
        .proposed_events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    // Cut before 80 characters, and not after "by the".
    assert_eq!(
        titles,
        ["Ukraine and Russia exchanged 175 prisoners of war each in a swap brokered"]
    );
    assert_eq!(found.proposed_events[0].date.to_iso(), "2025-03-01");
    assert_eq!(found.proposed_events[0].category, Category::Humanitarian);
    assert!(
        found.proposed_events[0]
            .summary
            .starts_with("Ukraine and Russia")
    );
}

#[test]
fn an_anadolu_dateline_gives_the_agency_as_outlet() {
    let found = import_published("anadolu_dateline.txt", day(2025, 6, 10));
    assert_eq!(found.outlet.as_deref(), Some("Anadolu Agency"));
    let first = &found.proposed_events[0];
    assert_eq!(
        first.title,
        "Turkish Foreign Minister Hakan Fidan met Russian and Ukrainian officials"
    );
    assert_eq!(first.date.to_iso(), "2025-06-10");
}

#[test]
fn a_tass_dateline_is_not_part_of_an_event_title() {
    let found = import_published("tass_dateline.txt", day(2025, 5, 16));
    assert_eq!(found.outlet.as_deref(), Some("TASS"));
    assert_eq!(found.proposed_events.len(), 1);
    let event = &found.proposed_events[0];
    assert_eq!(
        event.title,
        "Russian Foreign Minister Sergei Lavrov held talks with his Turkish counterpart"
    );
    assert!(!event.summary.contains("tass"), "{}", event.summary);
    assert_eq!(event.date.to_iso(), "2025-05-14");
    assert_eq!(event.category, Category::Diplomacy);
}

#[test]
fn would_travel_on_thursday_in_a_monday_article_is_the_thursday_after() {
    // 12 May 2025, the byline's date, is a Monday.
    let found = import("istanbul_byline.txt");
    assert_eq!(resolved(&found, "on Thursday"), "2025-05-15");
    // Past tense stays on or before publication.
    assert_eq!(resolved(&found, "on Saturday"), "2025-05-10");
    assert_eq!(resolved(&found, "last month"), "2025-04");
}

#[test]
fn will_meet_on_17_july_is_on_or_after_publication() {
    let found = import("istanbul_byline.txt");
    assert_eq!(resolved(&found, "on 17 July"), "2025-07-17");
    assert_eq!(resolved(&found, "next month"), "2025-06");
    assert_eq!(resolved(&found, "next Tuesday"), "2025-05-13");
    let anadolu = import_published("anadolu_dateline.txt", day(2025, 6, 10));
    assert_eq!(resolved(&anadolu, "in July"), "2025-07");
    // "signed … on 3 June" is past: on or before publication.
    assert_eq!(resolved(&anadolu, "on 3 June"), "2025-06-03");
}

#[test]
fn the_kremlin_spokesman_is_peskov_when_the_article_introduced_him_so() {
    let found = import("istanbul_byline.txt");
    assert_eq!(speaker_of(&found, "We are ready"), "Dmitry Peskov");
    let quote = found
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We are ready"))
        .expect("quote");
    assert_eq!(quote.attribution, Attribution::SameSentence);
}

#[test]
fn the_turkish_president_is_erdogan_when_introduced_as_such() {
    let found = import("istanbul_byline.txt");
    assert_eq!(
        speaker_of(&found, "Turkey is ready"),
        "Recep Tayyip Erdogan"
    );
}

#[test]
fn the_foreign_minister_and_the_minister_refer_back_to_the_one_introduced() {
    let anadolu = import_published("anadolu_dateline.txt", day(2025, 6, 10));
    assert_eq!(speaker_of(&anadolu, "We want the corridor"), "Hakan Fidan");
    let tass = import_published("tass_dateline.txt", day(2025, 5, 16));
    assert_eq!(
        speaker_of(&tass, "The conversation was frank"),
        "Sergei Lavrov"
    );
}

#[test]
fn a_role_noun_nobody_was_introduced_with_stays_unknown() {
    let text = "Talks resumed.\n\nJane Roe and John Doe met on Monday.\n\n\"We agreed,\" the minister said.";
    let found = import_article(
        text,
        &ArticleMetadata {
            published: day(2025, 5, 14),
            ..ArticleMetadata::default()
        },
    );
    assert_eq!(found.quotes[0].speaker, UNKNOWN_SPEAKER);
}

#[test]
fn quotes_attributed_in_other_languages_keep_an_unknown_speaker() {
    let found = import("foreign_quotes.txt");
    // Every quote is kept, in „…“ and «…» too, the words without the marks.
    let texts: Vec<&str> = found.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Nothing has changed on the ground,",
            "Wir begrüßen jeden Schritt, der zu einem gerechten Frieden führt",
            "Es un paso importante hacia la paz, pero queda mucho por hacer.",
            "Wir werden uns weiter eng mit unseren Partnern abstimmen",
            "Nous restons prudents, mais c'est un premier pas",
            "Ми готові до переговорів, але не до капітуляції",
        ]
    );
    assert_eq!(speaker_of(&found, "Nothing has changed"), "Jane Roe");
    for opening in [
        "Wir begrüßen",
        "Es un paso",
        "Wir werden",
        "Nous restons",
        "Ми готові",
    ] {
        assert_eq!(speaker_of(&found, opening), UNKNOWN_SPEAKER, "{opening}");
    }
}

#[test]
fn proposed_event_titles_are_short_and_categories_guessed() {
    let found = import("istanbul_byline.txt");
    let events: Vec<(String, &str, Category)> = found
        .proposed_events
        .iter()
        .map(|e| (e.date.to_iso(), e.title.as_str(), e.category))
        .collect();
    assert_eq!(
        events,
        [
            (
                "2025-05-15".to_owned(),
                "A Ukrainian delegation would travel to Istanbul for the first direct peace talks",
                Category::Diplomacy
            ),
            (
                "2025-05-12".to_owned(),
                "President Volodymyr Zelensky said a Ukrainian delegation would travel",
                Category::Diplomacy
            ),
            (
                "2025-07-17".to_owned(),
                "Officials from both sides will meet to prepare a large prisoner exchange",
                Category::Humanitarian
            ),
            (
                "2025-04".to_owned(),
                "The European Union imposed new sanctions on Russian banks and oil tankers",
                Category::Sanctions
            ),
            (
                "2025-05-13".to_owned(),
                "Foreign ministers will discuss further measures",
                Category::Diplomacy
            ),
            (
                "2025-05-10".to_owned(),
                "Russian troops launched an offensive near the eastern town of Pokrovsk",
                Category::Military
            ),
            (
                "2025-06".to_owned(),
                "Moldova will hold a parliamentary election",
                Category::Politics
            ),
        ]
    );
    for event in &found.proposed_events {
        assert!(event.title.chars().count() <= 80, "{}", event.title);
        let last = event.title.rsplit(' ').next().unwrap_or("");
        assert!(
            !matches!(last, "the" | "and" | "a" | "of"),
            "{}",
            event.title
        );
    }
}

#[test]
fn edited_events_are_what_the_article_set_holds() {
    let found = import("istanbul_byline.txt");
    let mut edits: Vec<EventEdit> = found
        .proposed_events
        .iter()
        .map(|e| EventEdit::from_proposal(e, true))
        .collect();
    edits[0].title = "Istanbul talks announced".to_owned();
    edits[0].date_text = "2025-05-16".to_owned();
    edits[0].category = Category::Agreement;
    edits[1].keep = false;
    let choices: Vec<_> = edits
        .iter()
        .map(|e| e.to_choice().expect("valid edit"))
        .collect();
    let set = to_article_set_with_choices(&found, &choices, "istanbul_byline.txt").expect("set");
    assert_eq!(set.events.len(), found.proposed_events.len() - 1);
    let edited = &set.events[0];
    assert_eq!(edited.title(), "Istanbul talks announced");
    assert_eq!(edited.date.to_iso(), "2025-05-16");
    assert_eq!(edited.category, Category::Agreement);
    assert_eq!(set.sources[0].outlet, "Reuters");
    assert!(
        set.events
            .iter()
            .all(|e| !e.title().starts_with("President Volodymyr Zelensky"))
    );
}

mod common;

use chronoscope::model::date::PartialDate;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn an_event_edited_in_the_import_window_is_added_as_edited() {
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/article_import/tass_dateline.txt");
    let mut harness = common::harness_answering(vec![vec![article]]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    harness.get_by_label("Open an article file…").click();
    harness.run();
    harness.get_by_label("Published").click();
    harness.get_by_label("Published").type_text("2025-05-16");
    harness.run();
    // The proposal as found: the title without the TASS dateline, a diplomacy event.
    assert_eq!(
        harness.get_by_label("Event title").value().as_deref(),
        Some("Russian Foreign Minister Sergei Lavrov held talks with his Turkish counterpart")
    );
    harness.get_by_label("Event title").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Event title")
        .type_text("Lavrov and Fidan hold talks");
    harness.run();
    harness.get_by_label("Category").click();
    harness.run();
    harness.get_by_label("Military").click();
    harness.run();
    // A mistyped date blocks Add, with a message saying what is wrong.
    harness.get_by_label("Date").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Date").type_text("14 May");
    harness.run();
    // Beside the event, and beside the Add button.
    harness.get_by_label(
        "the date is not valid: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"14 May\". \
         This event keeps Add disabled until it is fixed or unticked.",
    );
    harness.get_by_label_contains("Event 1: the date is not valid");
    assert!(
        harness
            .get_by_label_contains("Add to the timeline")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Date").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Date").type_text("2025-05-14");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("the date is not valid")
            .is_none()
    );
    harness
        .get_by_label("Add to the timeline (1 quote, 1 event)")
        .click();
    harness.run();
    common::wait_for_loading(&mut harness);
    let dataset = &harness.state().explorer().dataset;
    let added: Vec<_> = dataset
        .events
        .iter()
        .filter(|event| event.title() == "Lavrov and Fidan hold talks")
        .collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].category, Category::Military);
    assert_eq!(Some(added[0].date), PartialDate::parse("2025-05-14").ok());
    assert!(
        dataset
            .events
            .iter()
            .all(|event| !event.title().starts_with("Russian Foreign Minister"))
    );
}

#[test]
fn the_import_window_compares_the_articles_quotes_with_the_loaded_chronology() {
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checks/quotes_2025.txt");
    let mut harness = common::harness_answering(vec![vec![article]]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    harness.get_by_label("Open an article file…").click();
    harness.run();
    harness.get_by_label("Published").click();
    harness.get_by_label("Published").type_text("2025-11-18");
    harness.run();
    // The built-in chronology has Peskov's words from Dawat Media Center, a little longer.
    harness.get_by_label_contains(
        "Dmitry Peskov's words differ between the article (“There will be no Russian \
         representatives in Turkey,”) and Dawat Media Center",
    );
}
