//! Importing the two seed articles as plain text: every quote with its speaker, and the weekday
//! and other relative references resolved as in ../shared/chronology/seed-analysis.md.

use chrono::NaiveDate;
use chronoscope::article_import::{
    ArticleImport, ArticleMetadata, Attribution, import_article, to_article_set,
};
use chronoscope::model::loader::load_article_set_with_warnings;
use chronoscope::model::to_json_pretty;
use proptest::prelude::*;

const MEE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/articles/000_6ede69aefa5625e5.txt"
);
const DAWAT_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/articles/004_5b7ff5a54a0c2abe.txt"
);

fn read_seed(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| {
        panic!(
            "seed article {path} is missing ({error}); these tests need the shared folder \
             ../shared/articles beside the crate"
        )
    })
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The publication dates settled in seed-analysis.md §1.
fn mee() -> ArticleImport {
    let given = ArticleMetadata {
        published: day("2022-03-20"),
        ..ArticleMetadata::default()
    };
    import_article(&read_seed(MEE_PATH), &given)
}

fn dawat() -> ArticleImport {
    let given = ArticleMetadata {
        published: day("2025-11-18"),
        ..ArticleMetadata::default()
    };
    import_article(&read_seed(DAWAT_PATH), &given)
}

fn fixture_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|line| !line.is_empty()).collect()
}

fn quote_texts(import: &ArticleImport) -> Vec<&str> {
    import.quotes.iter().map(|q| q.text.as_str()).collect()
}

/// The date (and end) of the first mention whose phrase is `phrase`, after `skip` earlier ones.
fn resolved(import: &ArticleImport, phrase: &str, skip: usize) -> (String, Option<String>) {
    let mention = import
        .mentions
        .iter()
        .filter(|m| m.phrase == phrase)
        .nth(skip)
        .unwrap_or_else(|| panic!("no mention {phrase:?} (#{skip}) in {:?}", import.mentions));
    (mention.date.to_iso(), mention.end.map(|end| end.to_iso()))
}

fn on(date: &str) -> (String, Option<String>) {
    (date.to_owned(), None)
}

const KALIN_ROLE: &str = "chief adviser and spokesman for Turkish President Recep Tayyip Erdogan";

#[test]
fn every_direct_quote_of_the_mee_article_is_imported_verbatim() {
    let expected = fixture_lines(include_str!("fixtures/seed_quotes_mee.txt"));
    assert_eq!(quote_texts(&mee()), expected);
}

#[test]
fn every_direct_quote_of_the_dawat_article_is_imported_verbatim() {
    let expected = fixture_lines(include_str!("fixtures/seed_quotes_dawat.txt"));
    assert_eq!(quote_texts(&dawat()), expected);
}

#[test]
fn every_mee_quote_is_attributed_to_ibrahim_kalin_with_his_role() {
    let import = mee();
    // seed-analysis.md §2.1: all fourteen quotations are Kalin's; the pull-quote (the sixth)
    // carries its caption's role.
    let expected_roles: Vec<&str> = (0..14)
        .map(|index| {
            if index == 5 {
                "Erdogan chief adviser"
            } else {
                KALIN_ROLE
            }
        })
        .collect();
    let speakers: Vec<&str> = import.quotes.iter().map(|q| q.speaker.as_str()).collect();
    let roles: Vec<&str> = import
        .quotes
        .iter()
        .map(|q| q.role.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(speakers, vec!["Ibrahim Kalin"; 14]);
    assert_eq!(roles, expected_roles);
}

#[test]
fn the_mee_quotes_are_attributed_by_the_right_pattern() {
    let how: Vec<Attribution> = mee().quotes.iter().map(|q| q.attribution).collect();
    use Attribution::*;
    assert_eq!(
        how,
        [
            SameSentence,       // "…," Kalin said in an interview.
            SameSentence,       // "…," Kalin said.
            ContinuedParagraph, // the paragraph after, only a quote
            DrawnFromQuote,     // cross-heading 'A peace deal at some point'
            SameSentence,       // Kalin, who was also on both calls, said that … "now accepts …"
            PullQuoteCaption,   // '…' - Ibrahim Kalin, Erdogan chief adviser
            SameSentence,       // "I believe …," Kalin said.
            SameParagraph,      // "There will be a peace deal …"
            SameSentence,       // the Ukrainians "want …," he said.
            SameSentence,       // "de facto Russian," Kalin said
            SameSentence,       // … "de jure" annexation
            SameSentence,       // …, Kalin said, … "to keep …"
            SameSentence,       // "Of course, …," he continued
            SameSentence,       // …, but "at the end of the day, …"
        ]
    );
}

#[test]
fn the_mee_scare_quote_is_not_imported_as_a_quotation() {
    let import = mee();
    let scare: Vec<&str> = import
        .scare_quotes
        .iter()
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(scare, ["independent"]);
}

#[test]
fn every_dawat_quote_has_the_speaker_of_the_analysis() {
    let import = dawat();
    let found: Vec<(&str, Option<&str>)> = import
        .quotes
        .iter()
        .map(|q| (q.speaker.as_str(), q.role.as_deref()))
        .collect();
    let voronova_role = Some("senior fellow at the Center for European Policy Analysis");
    assert_eq!(
        found,
        [
            ("Dmitry Peskov", Some("Kremlin spokesman")),
            ("Dmitry Peskov", Some("Kremlin spokesman")),
            ("Dmitry Peskov", Some("Kremlin spokesman")),
            ("Source close to Kirill Dmitriev", None),
            ("Maria Voronova", voronova_role),
            ("Maria Voronova", voronova_role),
        ]
    );
}

#[test]
fn the_mee_weekday_references_resolve_to_the_dates_of_the_analysis() {
    let import = mee();
    assert_eq!(resolved(&import, "on Saturday", 0), on("2022-03-19"));
    assert_eq!(resolved(&import, "On Thursday", 0), on("2022-03-17"));
    assert_eq!(resolved(&import, "On Wednesday", 0), on("2022-03-16"));
    // The NATO summit is still ahead: "will gather … on Thursday".
    assert_eq!(resolved(&import, "on Thursday", 0), on("2022-03-24"));
    // Kuleba's request of 17 March lies in the week the range stands for.
    let (start, end) = resolved(&import, "Earlier this week", 0);
    assert_eq!(
        (start.as_str(), end.as_deref()),
        ("2022-03-14", Some("2022-03-20"))
    );
    assert_eq!(resolved(&import, "eight years ago", 0), on("2014"));
    assert_eq!(resolved(&import, "on 29 September", 0), on("2021-09-29"));
    assert_eq!(resolved(&import, "in 2008", 0), on("2008"));
}

#[test]
fn the_dawat_relative_references_resolve_to_the_dates_of_the_analysis() {
    let import = dawat();
    assert_eq!(resolved(&import, "on Tuesday", 0), on("2025-11-18"));
    assert_eq!(resolved(&import, "tomorrow", 0), on("2025-11-19"));
    assert_eq!(resolved(&import, "Last month", 0), on("2025-10"));
    assert_eq!(resolved(&import, "in late October", 0), on("2025-10"));
    assert_eq!(resolved(&import, "in July 2023", 0), on("2023-07"));
    assert_eq!(resolved(&import, "in 2022", 0), on("2022"));
    let (start, end) = resolved(&import, "this week", 0);
    assert_eq!(
        (start.as_str(), end.as_deref()),
        ("2025-11-17", Some("2025-11-23"))
    );
}

#[test]
fn metadata_is_read_only_where_the_text_states_it() {
    let mee = mee();
    assert_eq!(mee.found_in_text.published, None);
    assert_eq!(mee.outlet.as_deref(), Some("Middle East Eye"));
    assert_eq!(
        mee.title.as_deref(),
        Some("Russia-Ukraine war: Putin not ready for talks with Zelensky, says Turkish official")
    );
    let dawat = dawat();
    assert_eq!(dawat.found_in_text.published, None);
    assert_eq!(dawat.outlet.as_deref(), Some("Dawat Media Center"));
    // The text opens with "MOSCOW/ISTANBUL – …": no headline.
    assert_eq!(dawat.title, None);
}

#[test]
fn both_seed_articles_become_valid_sets_that_load_without_warnings() {
    for (import, label) in [(mee(), "mee.txt"), (dawat(), "dawat.txt")] {
        let accepted = vec![true; import.proposed_events.len()];
        let set = to_article_set(&import, &accepted, label).expect("valid set");
        assert_eq!(set.sources.len(), 1, "{label}");
        assert_eq!(set.quotes.len(), import.quotes.len(), "{label}");
        assert_eq!(set.events.len(), import.proposed_events.len(), "{label}");
        let json = to_json_pretty(&set);
        let (loaded, warnings) =
            load_article_set_with_warnings(label, json.as_bytes()).expect("loads back");
        assert_eq!(loaded, set, "{label}");
        assert!(warnings.is_empty(), "{label}: {warnings:?}");
    }
}

#[test]
fn the_dawat_tomorrow_quote_belongs_to_the_event_of_that_day() {
    let import = dawat();
    let accepted = vec![true; import.proposed_events.len()];
    let set = to_article_set(&import, &accepted, "dawat.txt").expect("valid set");
    let event_id = set.quotes[0]
        .event
        .as_deref()
        .expect("the first quote has an event");
    let event = set
        .events
        .iter()
        .find(|e| e.id() == event_id)
        .expect("event exists");
    assert_eq!(event.date.to_iso(), "2025-11-19");
}

#[test]
fn the_publication_dateline_is_not_proposed_as_an_event() {
    let text = "Skip to main content\n\nA test headline for the check\n\nPublished date: 20 March 2022 10:33 GMT | Last update: 2 years 8 months ago\n\nJane Roe spoke on Saturday.";
    let import = import_article(text, &ArticleMetadata::default());
    assert_eq!(import.published, day("2022-03-20"));
    assert_eq!(
        import.title.as_deref(),
        Some("A test headline for the check")
    );
    let dates: Vec<String> = import
        .proposed_events
        .iter()
        .map(|e| e.date.to_iso())
        .collect();
    assert_eq!(dates, ["2022-03-19"]);
}

#[test]
fn the_command_asks_for_the_publication_date_when_the_text_has_none() {
    let out = std::env::temp_dir().join(format!("chronoscope-article-{}.json", std::process::id()));
    let run = |extra: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_chronoscope"))
            .args(["import-article", DAWAT_PATH, "--out"])
            .arg(&out)
            .args(extra)
            .output()
            .expect("runs")
    };
    read_seed(DAWAT_PATH);
    let without = run(&[]);
    assert_eq!(without.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&without.stderr).contains("--published"));
    let with = run(&["--published", "2025-11-18", "--title", "Kremlin statement"]);
    assert_eq!(with.status.code(), Some(0), "{:?}", with);
    let written = std::fs::read(&out).expect("written");
    let _ = std::fs::remove_file(&out);
    let (set, _) = load_article_set_with_warnings("out", &written).expect("valid");
    assert_eq!(set.sources[0].title, "Kremlin statement");
    assert_eq!(set.quotes.len(), 6);
}

#[test]
fn the_command_says_on_stderr_that_only_the_first_mebibyte_was_read() {
    let dir = std::env::temp_dir();
    let id = std::process::id();
    let article = dir.join(format!("chronoscope-long-article-{id}.txt"));
    let out = dir.join(format!("chronoscope-long-article-{id}.json"));
    let paragraph = "Jane Roe met the committee on 12 March 2022 in Kyiv.\n\n";
    std::fs::write(&article, paragraph.repeat((1 << 20) / paragraph.len() + 2)).expect("written");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_chronoscope"))
        .arg("import-article")
        .arg(&article)
        .args(["--published", "2022-03-20", "--out"])
        .arg(&out)
        .output()
        .expect("runs");
    let _ = std::fs::remove_file(&article);
    let _ = std::fs::remove_file(&out);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let notice = "warning: the text is longer than 1024 KiB; only its first 1024 KiB were read";
    assert!(stderr.contains(notice), "{stderr}");
    assert!(!stdout.contains("KiB"), "{stdout}");
    assert!(stdout.contains("proposed events"), "{stdout}");
}

#[test]
fn a_megabyte_of_quote_marks_and_digits_imports_in_bounded_time() {
    let unit = "“'\"‘ 12 March ” on Saturday 2014 Roe said, \"";
    let text = unit.repeat((1 << 20) / unit.len() + 1);
    let started = std::time::Instant::now();
    let import = import_article(
        &text,
        &ArticleMetadata {
            published: day("2022-03-20"),
            ..ArticleMetadata::default()
        },
    );
    let elapsed = started.elapsed();
    assert!(
        import.warnings.iter().any(|w| w.contains("KiB")),
        "{:?}",
        import.warnings
    );
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let import = import_article(&text, &ArticleMetadata::default());
        let accepted = vec![true; import.proposed_events.len()];
        let _ = to_article_set(&import, &accepted, "any.txt");
    }

    #[test]
    fn article_like_text_never_panics_and_imports_to_a_valid_set(
        pieces in proptest::collection::vec(
            prop::sample::select(vec![
                "\"", "“", "”", "‘", "’", "'", " ", "\n", "\n\n", ".", ",", " - ", "–", "said",
                "Jane", "Roe", "he", "on", "Saturday", "29", "September", "2014", "eight",
                "years", "ago", "earlier", "this", "week", "last", "month", "tomorrow", "a",
                "source", "the", "according", "to", "Published:", "20 March 2022", "é", "\u{a0}",
                "Support", "Example", "News", "©", "who", "will",
            ]),
            0..120,
        )
    ) {
        let text: String = pieces.concat();
        let given = ArticleMetadata { published: day("2022-03-20"), ..ArticleMetadata::default() };
        let import = import_article(&text, &given);
        let accepted = vec![true; import.proposed_events.len()];
        let set = to_article_set(&import, &accepted, "any.txt");
        prop_assert!(set.is_ok(), "{:?}", set.err());
    }
}
