//! Saved web pages as articles: small pages of our own (tests/fixtures/html) for each way a page
//! states its metadata and for bad pages, and the sixteen real news pages of
//! ../shared/fixtures/html-articles measured against what Mozilla's Readability extracts from
//! them (`cargo test --test html_article_tests -- --nocapture` prints the table).

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chronoscope::article_import::html_page::{MAX_PAGE_BYTES, nesting_depth};
use chronoscope::article_import::page_metadata::parse_page_date;
use chronoscope::article_import::{
    ArticleDocument, ArticleMetadata, DocumentKind, MAX_ARTICLE_BYTES, import_document,
    read_article_document, to_article_set,
};
use common::{harness_answering, wait_for_loading};
use egui_kittest::kittest::Queryable as _;

fn fixture(name: &str) -> (Vec<u8>, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (bytes, name.to_owned())
}

fn read_fixture(name: &str) -> ArticleDocument {
    let (bytes, label) = fixture(name);
    read_article_document(&bytes, &label).unwrap_or_else(|e| panic!("{e}"))
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[test]
fn json_ld_in_a_graph_gives_headline_outlet_date_byline_and_url() {
    let document = read_fixture("json-ld-graph.html");
    assert_eq!(document.kind, DocumentKind::HtmlPage);
    let page = &document.page;
    assert_eq!(
        page.title.as_deref(),
        Some("Ceasefire talks resume in Geneva")
    );
    assert_eq!(page.outlet.as_deref(), Some("Example Herald"));
    assert_eq!(page.published, day("2022-03-20"));
    assert_eq!(page.modified, day("2022-03-20"));
    assert_eq!(page.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://herald.example/world/2022/mar/20/ceasefire-talks-resume")
    );
    assert_eq!(page.language.as_deref(), Some("en-GB"));
}

#[test]
fn the_article_text_keeps_paragraphs_and_drops_menus_comments_and_scripts() {
    let document = read_fixture("json-ld-graph.html");
    let text = &document.text;
    assert!(
        text.contains("Negotiators from both sides returned to Geneva on Saturday"),
        "{text}"
    );
    assert!(
        text.contains(
            "\"We are close to an agreement on the humanitarian corridors,\" said Anna Berg"
        ),
        "{text}"
    );
    assert!(
        text.contains("Neither delegation commented on the length of the talks."),
        "{text}"
    );
    for furniture in [
        "Sign in",
        "subscribe to my channel",
        "trackPageView",
        "All rights reserved",
        "Privacy",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} in {text}");
    }
    assert!(
        text.contains("intensified.\n\n\"We are close"),
        "paragraphs apart: {text}"
    );
}

#[test]
fn a_page_import_takes_the_page_metadata_and_puts_url_byline_and_language_in_the_source() {
    let document = read_fixture("json-ld-graph.html");
    let import = import_document(&document, &ArticleMetadata::default());
    assert_eq!(
        import.title.as_deref(),
        Some("Ceasefire talks resume in Geneva")
    );
    assert_eq!(import.outlet.as_deref(), Some("Example Herald"));
    assert_eq!(import.published, day("2022-03-20"));
    let quote = import
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We are close"))
        .expect("the envoy's quote");
    assert_eq!(quote.speaker, "Anna Berg");
    let accepted = vec![true; import.proposed_events.len()];
    let set = to_article_set(&import, &accepted, "json-ld-graph.html").expect("a valid set");
    let source = &set.sources[0];
    assert_eq!(source.id, "example-herald-2022-03-20");
    assert_eq!(
        source.url.as_deref(),
        Some("https://herald.example/world/2022/mar/20/ceasefire-talks-resume")
    );
    assert_eq!(source.author.as_deref(), Some("Jane Roe"));
    assert_eq!(source.language.as_deref(), Some("en-GB"));
    assert!(
        source
            .notes
            .as_deref()
            .is_some_and(|n| n.contains("a saved web page"))
    );
}

#[test]
fn what_the_user_gives_wins_over_the_page() {
    let document = read_fixture("json-ld-graph.html");
    let given = ArticleMetadata {
        published: day("2022-03-21"),
        outlet: Some("My outlet".to_owned()),
        title: Some("  ".to_owned()),
    };
    let import = import_document(&document, &given);
    assert_eq!(import.published, day("2022-03-21"));
    assert_eq!(import.outlet.as_deref(), Some("My outlet"));
    assert_eq!(
        import.title.as_deref(),
        Some("Ceasefire talks resume in Geneva")
    );
    assert_eq!(
        import.found_in_page.outlet.as_deref(),
        Some("Example Herald")
    );
}

#[test]
fn open_graph_tags_alone_give_title_outlet_date_and_author() {
    let document = read_fixture("open-graph.html");
    let page = &document.page;
    assert_eq!(
        page.title.as_deref(),
        Some("La grève des cheminots se poursuit")
    );
    assert_eq!(page.outlet.as_deref(), Some("Le Quotidien Exemple"));
    assert_eq!(page.published, day("2023-04-06"));
    assert_eq!(page.byline.as_deref(), Some("Marie Dupont"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://quotidien.example/societe/greve-cheminots")
    );
    assert_eq!(page.language.as_deref(), Some("fr"));
    assert!(
        document
            .text
            .starts_with("La grève des cheminots entre dans sa troisième semaine"),
        "{}",
        document.text
    );
    assert!(!document.text.contains("Publicité"), "{}", document.text);
    assert!(!document.text.contains("Politique"), "{}", document.text);
}

#[test]
fn a_time_element_dates_a_page_without_meta_tags() {
    let document = read_fixture("time-datetime.html");
    assert_eq!(document.page.published, day("2021-09-14"));
    assert_eq!(
        document.page.title.as_deref(),
        Some("Bridge reopens after repairs")
    );
    assert_eq!(document.page.outlet, None);
    let import = import_document(&document, &ArticleMetadata::default());
    assert_eq!(import.published, day("2021-09-14"));
    assert!(
        import.quotes.iter().any(|q| q.speaker == "Lucia Gomez"),
        "{:?}",
        import.quotes
    );
}

#[test]
fn a_page_declared_as_windows_1252_is_decoded() {
    let document = read_fixture("charset-windows-1252.html");
    assert!(
        document
            .text
            .contains("„Wir sind noch nicht über den Berg“, sagte Bürgermeister Jörg Müller"),
        "{}",
        document.text
    );
    assert_eq!(
        document.page.title.as_deref(),
        Some("Hochwasser in der Altstadt: Pegel sinkt langsam")
    );
    assert_eq!(document.page.published, day("2024-06-03"));
    assert!(document.warnings.is_empty(), "{:?}", document.warnings);
}

#[test]
fn a_windows_1251_page_is_decoded_by_its_meta_charset() {
    let paragraph = "Переговоры возобновились в субботу в Женеве после недели обстрелов вокруг северного города, сообщили дипломаты. ";
    let html = format!(
        "<html><head><meta charset=\"windows-1251\"><title>Переговоры</title></head><body><article><p>{}</p></article></body></html>",
        paragraph.repeat(3)
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let document = read_article_document(&bytes, "ru.html").expect("decoded");
    assert!(
        document
            .text
            .starts_with("Переговоры возобновились в субботу"),
        "{}",
        document.text
    );
}

#[test]
fn a_page_that_is_not_an_article_says_so() {
    let (bytes, label) = fixture("not-an-article.html");
    let error = read_article_document(&bytes, &label).expect_err("not an article");
    let lines = error.lines();
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("not-an-article.html: the page does not look like an article: "),
        "{lines:?}"
    );
    assert!(
        lines[0].ends_with("(expected a saved news article page)"),
        "{lines:?}"
    );
}

#[test]
fn an_empty_page_is_not_an_article() {
    let (bytes, label) = fixture("empty.html");
    let error = read_article_document(&bytes, &label).expect_err("empty");
    assert!(
        error.lines()[0].starts_with("empty.html: the page does not look like an article"),
        "{:?}",
        error.lines()
    );
}

#[test]
fn html_is_recognised_by_its_content_whatever_the_extension() {
    let (bytes, _) = fixture("open-graph.html");
    let document = read_article_document(&bytes, "saved-page.txt").expect("a page");
    assert_eq!(document.kind, DocumentKind::HtmlPage);
    assert_eq!(
        document.page.outlet.as_deref(),
        Some("Le Quotidien Exemple")
    );
}

#[test]
fn a_50_mb_page_is_refused_quickly_with_its_name() {
    let mut page = b"<!DOCTYPE html><html><body>".to_vec();
    let paragraph = b"<p>Negotiators returned to Geneva on Saturday for talks.</p>\n";
    while page.len() < 50_000_000 {
        page.extend_from_slice(paragraph);
    }
    let started = std::time::Instant::now();
    let error = read_article_document(&page, "huge.html").expect_err("too big");
    assert!(started.elapsed().as_secs_f64() < 1.0);
    assert_eq!(
        error.lines(),
        [format!(
            "huge.html: the page is 47.7 MiB; pages over {} MiB are not read (save the page as \
             \"Web page, HTML only\", or copy the article's text into a .txt file)",
            MAX_PAGE_BYTES >> 20
        )]
    );
}

#[test]
fn a_page_just_under_the_limit_is_read_in_bounded_time_and_its_text_cut() {
    let mut page = b"<!DOCTYPE html><html><head><title>Long</title></head><body><article>".to_vec();
    let paragraph = b"<p>Negotiators returned to Geneva on Saturday for another round of talks, diplomats said.</p>\n";
    while page.len() + paragraph.len() < MAX_PAGE_BYTES - 100 {
        page.extend_from_slice(paragraph);
    }
    page.extend_from_slice(b"</article></body></html>");
    let started = std::time::Instant::now();
    let document = read_article_document(&page, "long.html").expect("read");
    let read_seconds = started.elapsed().as_secs_f64();
    assert!(document.text.len() > MAX_ARTICLE_BYTES);
    let import = import_document(&document, &ArticleMetadata::default());
    assert!(
        import.warnings.iter().any(|w| w.contains("only its first")),
        "{:?}",
        import.warnings
    );
    // Generous for a busy 2-core machine: `import-article --text` reads such a page in 2.6 s here.
    assert!(read_seconds < 60.0, "{read_seconds} s");
}

// ---------------------------------------------------------------------------------------------
// The sixteen real pages of ../shared/fixtures/html-articles.

/// Share of pages (where Readability finds the field) on which the field must be found too.
const MIN_FOUND_SHARE: f64 = 0.9;
/// Text overlap each page must reach on...
const MIN_TEXT_F1: f64 = 0.9;
/// ...on at least this many of the sixteen pages.
const MIN_PAGES_AT_F1: usize = 14;

fn shared_pages() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/html-articles");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("source.html").is_file())
        .collect();
    pages.sort();
    Some(pages)
}

/// Lower-case words (runs of letters and digits) of a text, counted.
fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Word-overlap F1 of two texts on their lower-case word multisets: with `common` the words
/// both have (each counted as often as the text that has it fewer times), precision =
/// common / words of `found`, recall = common / words of `expected`, F1 = 2PR / (P + R).
fn word_f1(found: &str, expected: &str) -> f64 {
    let found = word_counts(found);
    let expected = word_counts(expected);
    let common: usize = found
        .iter()
        .map(|(word, count)| (*count).min(expected.get(word).copied().unwrap_or(0)))
        .sum();
    let found_total: usize = found.values().sum();
    let expected_total: usize = expected.values().sum();
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / found_total as f64;
    let recall = common as f64 / expected_total as f64;
    2.0 * precision * recall / (precision + recall)
}

#[test]
fn word_f1_counts_repeated_words_once_per_occurrence() {
    assert_eq!(
        word_f1("The talks, the TALKS", "the talks"),
        2.0 * 1.0 * 0.5 / 1.5
    );
    assert_eq!(word_f1("a b", "a b"), 1.0);
    assert_eq!(word_f1("a", "b"), 0.0);
}

/// How a found value compares with Readability's: `=` same (ignoring case and spaces),
/// `~` one holds the other, `!` different, `-` not found, ` ` neither found.
fn agreement(found: Option<&str>, expected: Option<&str>) -> char {
    let normal = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match (found.map(normal), expected.map(normal)) {
        (None, None) => ' ',
        (None, Some(_)) => '-',
        (Some(_), None) => '+',
        (Some(f), Some(e)) if f == e => '=',
        (Some(f), Some(e)) if f.contains(&e) || e.contains(&f) => '~',
        _ => '!',
    }
}

struct PageResult {
    name: String,
    fields: [(char, Option<String>); 4],
    f1: f64,
    words: usize,
    nesting: usize,
}

fn expected_string(json: &serde_json::Value, key: &str) -> Option<String> {
    json.get(key)
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .filter(|v| !v.trim().is_empty())
}

#[test]
fn real_pages_give_readabilitys_metadata_and_text() {
    let Some(pages) = shared_pages() else {
        println!(
            "note: ../shared/fixtures/html-articles is absent; the real-page measure is skipped"
        );
        return;
    };
    assert_eq!(pages.len(), 16, "the README names sixteen pages");
    let mut results = Vec::new();
    // (found where expected, expected) per field: title, byline, site name, date.
    let mut tallies = [(0usize, 0usize); 4];
    let mut dates_agreeing = (0usize, 0usize);
    for page in &pages {
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(page.join("source.html")).expect("source.html");
        let expected: serde_json::Value = serde_json::from_slice(
            &std::fs::read(page.join("expected-metadata.json")).expect("expected-metadata.json"),
        )
        .expect("metadata JSON");
        let expected_html =
            std::fs::read_to_string(page.join("expected.html")).expect("expected.html");
        let expected_text = dom_query::Document::from(expected_html.as_str())
            .root()
            .text()
            .to_string();
        let document = read_article_document(&bytes, &format!("{name}/source.html"))
            .unwrap_or_else(|e| panic!("{e}"));
        let found = &document.page;
        let expected_day =
            expected_string(&expected, "publishedTime").and_then(|t| parse_page_date(&t));
        let found_day = found.published.map(|d| d.to_string());
        let values = [
            (found.title.clone(), expected_string(&expected, "title")),
            (found.byline.clone(), expected_string(&expected, "byline")),
            (found.outlet.clone(), expected_string(&expected, "siteName")),
            (found_day.clone(), expected_day.map(|d| d.to_string())),
        ];
        let fields = values
            .clone()
            .map(|(f, e)| (agreement(f.as_deref(), e.as_deref()), f));
        for ((found, expected), tally) in values.iter().zip(tallies.iter_mut()) {
            if expected.is_some() {
                tally.1 += 1;
                tally.0 += usize::from(found.is_some());
            }
        }
        if let (Some(f), Some(e)) = (&found_day, expected_day) {
            dates_agreeing.1 += 1;
            dates_agreeing.0 += usize::from(*f == e.to_string());
        }
        results.push(PageResult {
            name,
            fields,
            f1: word_f1(&document.text, &expected_text),
            words: word_counts(&document.text).values().sum(),
            nesting: nesting_depth(&String::from_utf8_lossy(&bytes)),
        });
    }
    println!("{}", table(&results, &tallies));
    let names = ["title", "byline", "site name", "publication date"];
    for (index, field) in [0, 2, 3].iter().map(|i| (*i, names[*i])) {
        let (found, expected) = tallies[index];
        assert!(
            found as f64 >= MIN_FOUND_SHARE * expected as f64,
            "{field}: found on {found} of the {expected} pages where Readability finds it"
        );
    }
    assert_eq!(
        dates_agreeing.0, dates_agreeing.1,
        "publication dates that differ from Readability's"
    );
    let at_f1 = results.iter().filter(|r| r.f1 >= MIN_TEXT_F1).count();
    assert!(
        at_f1 >= MIN_PAGES_AT_F1,
        "F1 ≥ {MIN_TEXT_F1} on {at_f1} pages"
    );
}

/// The measured table, as the README shows it.
fn table(results: &[PageResult], tallies: &[(usize, usize); 4]) -> String {
    let mut out = String::from(
        "| page | title | byline | site name | published | text F1 | words | nesting |\n|---|---|---|---|---|---|---|---|\n",
    );
    for result in results {
        let cell = |(mark, value): &(char, Option<String>)| {
            let value = value.as_deref().unwrap_or("");
            let value: String = value.chars().take(38).collect();
            match mark {
                '=' => format!("= {value}"),
                '~' => format!("~ {value}"),
                '!' => format!("≠ {value}"),
                '+' => format!("+ {value}"),
                '-' => "missing".to_owned(),
                _ => String::new(),
            }
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {:.3} | {} | {} |\n",
            result.name,
            cell(&result.fields[0]),
            cell(&result.fields[1]),
            cell(&result.fields[2]),
            cell(&result.fields[3]),
            result.f1,
            result.words,
            result.nesting
        ));
    }
    let share = |(found, expected): (usize, usize)| format!("{found}/{expected} found");
    let mean = results.iter().map(|r| r.f1).sum::<f64>() / results.len().max(1) as f64;
    let at_f1 = results.iter().filter(|r| r.f1 >= MIN_TEXT_F1).count();
    out.push_str(&format!(
        "| **where Readability finds it** | {} | {} | {} | {} | mean {mean:.3}, {at_f1}/{} ≥ {MIN_TEXT_F1} | | |\n",
        share(tallies[0]),
        share(tallies[1]),
        share(tallies[2]),
        share(tallies[3]),
        results.len()
    ));
    out
}

// ---------------------------------------------------------------------------------------------
// The window: a saved page opened from File ▸ Import article text, or dropped on the window.

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

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

#[test]
fn a_saved_page_opened_in_the_import_window_shows_what_the_page_states_and_is_added() {
    let mut harness = harness_answering(vec![vec![fixture_path("json-ld-graph.html")]]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    harness.get_by_label("Open an article file…").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("found in the page").count(), 3);
    harness.get_by_label_contains(
        "The page also states: by Jane Roe · language en-GB · https://herald.example/",
    );
    harness.get_by_label_contains("Anna Berg");
    harness.get_by_label_contains("Add to the timeline").click();
    harness.run();
    wait_for_loading(&mut harness);
    let dataset = &harness.state().explorer().dataset;
    let source = dataset
        .sources
        .iter()
        .find(|source| source.outlet == "Example Herald")
        .expect("the page's source was added");
    assert_eq!(source.title, "Ceasefire talks resume in Geneva");
    assert_eq!(source.author.as_deref(), Some("Jane Roe"));
    assert_eq!(source.language.as_deref(), Some("en-GB"));
    assert!(
        dataset
            .quotes
            .iter()
            .any(|quote| quote.speaker == "Anna Berg")
    );
}

#[test]
fn a_saved_page_dropped_on_the_window_opens_in_the_import_window() {
    let mut harness = harness_answering(Vec::new());
    let files_before = harness.state().explorer().dataset.files.len();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(fixture_path(
            "open-graph.html",
        ))));
    harness.step();
    harness.run();
    harness.get_by_label_contains("The page also states: by Marie Dupont · language fr");
    assert_eq!(harness.query_all_by_label("found in the page").count(), 3);
    assert_eq!(harness.state().explorer().dataset.files.len(), files_before);
}

#[test]
fn a_page_that_is_not_an_article_leaves_what_is_loaded_as_it_was() {
    let mut harness = harness_answering(vec![vec![fixture_path("not-an-article.html")]]);
    let events_before = harness.state().explorer().dataset.events.len();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import article text").click();
    harness.run();
    harness.get_by_label("Open an article file…").click();
    harness.run();
    let texts = harness.state().notifications().texts().join("\n");
    assert!(
        texts.contains("not-an-article.html; nothing was changed"),
        "{texts}"
    );
    assert!(texts.contains("does not look like an article"), "{texts}");
    assert_eq!(
        harness.state().explorer().dataset.events.len(),
        events_before
    );
}

#[test]
fn a_saved_page_chosen_with_add_article_set_opens_in_the_import_window() {
    let mut harness = harness_answering(vec![vec![fixture_path("open-graph.html")]]);
    let files_before = harness.state().explorer().dataset.files.len();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Add article set").click();
    harness.run();
    harness.get_by_label_contains("The page also states: by Marie Dupont · language fr");
    assert_eq!(harness.state().explorer().dataset.files.len(), files_before);
}
