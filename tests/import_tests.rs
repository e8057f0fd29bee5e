//! The importers' public API: each format, detection by content, and every kind of bad input
//! with its exact message and position.

use chronoscope::import::synthetic_files::{
    events_csv_from_set, timelinejs_csv_from_set, timelinejs_json_from_set,
};
use chronoscope::import::{Format, Imported, detect_format, import_bytes};
use chronoscope::model::{Category, PartialDate, validate_article_set};
use chronoscope::synthetic::synthetic_article_set;
use proptest::prelude::*;

const TIMELINE_JSON: &str = include_str!("fixtures/import/timeline.json");
const TIMELINE_CSV: &str = include_str!("fixtures/import/timeline.csv");
const EVENTS_COMMA: &str = include_str!("fixtures/import/events-comma.csv");
const EVENTS_SEMICOLON_BOM: &[u8] = include_bytes!("fixtures/import/events-semicolon-bom.csv");

fn import(label: &str, bytes: &[u8]) -> Imported {
    let imported = import_bytes(label, bytes).unwrap_or_else(|error| panic!("{error}"));
    validate_article_set(label, &imported.set).expect("an imported set is valid");
    imported
}

fn error_text(label: &str, bytes: &[u8]) -> String {
    import_bytes(label, bytes)
        .expect_err("the file is rejected")
        .to_string()
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("date")
}

#[test]
fn a_timelinejs_json_file_becomes_events_sources_and_eras() {
    let imported = import("timeline.json", TIMELINE_JSON.as_bytes());
    assert_eq!(imported.format, Format::TimelineJsJson);
    let set = &imported.set;
    assert_eq!(set.title, "Sample timeline");
    assert_eq!(set.description, "A test timeline & nothing more.");
    assert_eq!(set.eras.len(), 1);
    assert_eq!(
        (set.eras[0].start, set.eras[0].end),
        (date("2014"), date("2015"))
    );

    let titles: Vec<&str> = set.events.iter().map(|e| e.title()).collect();
    assert_eq!(titles, ["Day slide", "Month slide", "Year slide"]);
    let [day, month, year] = [&set.events[0], &set.events[1], &set.events[2]];
    assert_eq!(
        (day.date, day.end),
        (date("2014-03-18"), Some(date("2014-03-20")))
    );
    assert_eq!(day.summary(), "One\ntwo\n\nThree — four");
    assert_eq!(day.id(), "day-slide");
    assert_eq!(day.category, Category::Diplomacy);
    assert_eq!(month.date, date("2014-05"));
    assert_eq!(month.summary(), "Spring 2014");
    assert_eq!(month.category, Category::Other);
    assert_eq!(month.tags().to_vec(), ["Sports"]);
    assert_eq!(month.id(), "tl-2");
    assert_eq!(year.date, date("2015"));
    assert_eq!(year.id(), "day-slide-2");

    assert_eq!(set.sources.len(), 1, "one source per media URL");
    let source = &set.sources[0];
    assert_eq!(source.outlet, "Example Agency");
    assert_eq!(source.title, "Caption A");
    assert_eq!(source.published, date("2014-03-18"));
    assert!(
        source
            .notes
            .as_deref()
            .is_some_and(|n| n.contains("no publication date"))
    );
    assert_eq!(month.sources().to_vec(), [source.id.as_str()]);

    assert_eq!(
        imported.warnings,
        [
            "timeline.json:24:5: $.events[2]: skipped \"Cosmological slide\": year -13800000000 \
             is outside the years 1 to 9999 that Chronoscope dates can hold",
            "timeline.json:28:5: $.events[3]: skipped \"Month thirteen\": month 13 does not exist",
            "timeline.json:32:5: $.events[4]: unique_id \"day-slide\" is used by an earlier \
             slide; this event gets the id \"day-slide-2\"",
        ]
    );
}

#[test]
fn a_timelinejs_sheet_becomes_events_with_title_and_eras() {
    let imported = import("timeline.csv", TIMELINE_CSV.as_bytes());
    assert_eq!(imported.format, Format::TimelineJsCsv);
    let set = &imported.set;
    assert_eq!(set.title, "Sample sheet");
    assert_eq!(set.eras.len(), 1);
    assert_eq!(set.eras[0].title, "First era");
    assert_eq!(set.events.len(), 2);
    assert_eq!(set.events[0].summary(), "Text with \"quotes\" on two lines");
    assert_eq!(set.events[0].category, Category::Military);
    assert_eq!(set.events[0].end, Some(date("2014-03-20")));
    assert_eq!(set.events[1].date, date("2014-05"));
    assert_eq!(set.sources.len(), 1);
    assert_eq!(
        imported.warnings,
        [
            "timeline.csv:7:1: row 6: skipped \"Cosmological row\": year -4600000000 is outside \
             the years 1 to 9999 that Chronoscope dates can hold"
        ]
    );
}

#[test]
fn an_events_csv_with_commas_shares_sources_and_keeps_quotes() {
    let imported = import("events.csv", EVENTS_COMMA.as_bytes());
    assert_eq!(imported.format, Format::EventsCsv);
    let set = &imported.set;
    assert_eq!(set.events.len(), 4);
    let first = &set.events[0];
    assert_eq!(first.id(), "row-2");
    assert_eq!(first.summary(), "A summary, with a comma");
    assert_eq!(first.actors().to_vec(), ["Actor A", "Actor B"]);
    assert_eq!(set.events[1].summary(), "Two\nlines");
    assert_eq!(set.events[1].category, Category::Sanctions);
    assert_eq!(set.events[1].actors().to_vec(), ["Actor A", "Actor C"]);
    assert_eq!(set.events[2].category, Category::Other);
    assert!(set.events[3].sources().is_empty());

    assert_eq!(
        set.sources.len(),
        2,
        "rows with the same URL share a source"
    );
    assert_eq!(set.sources[0].published, date("2014-03-18"));
    assert_eq!(set.sources[1].outlet, "Example Daily");
    assert_eq!(set.sources[1].url, None);

    assert_eq!(set.quotes.len(), 1);
    let quote = &set.quotes[0];
    assert_eq!(
        (quote.text.as_str(), quote.speaker.as_str()),
        ("Words said.", "Speaker A")
    );
    assert_eq!(quote.source, set.sources[0].id);
    assert_eq!(quote.event.as_deref(), Some("row-2"));

    assert_eq!(
        imported.warnings,
        [
            "events.csv:5:20: row 4, column `category`: unknown category \"war\"; expected one \
             of: diplomacy, military, sanctions, agreement, humanitarian, politics, other; the \
             event is filed under other",
            "events.csv:6:32: row 5, column `quote`: the quote is skipped: it needs a source \
             (source url, or source outlet and title) in the same row",
        ]
    );
}

#[test]
fn an_events_csv_with_semicolons_and_a_byte_order_mark_is_read() {
    let imported = import("events.csv", EVENTS_SEMICOLON_BOM);
    assert_eq!(imported.format, Format::EventsCsv);
    let titles: Vec<&str> = imported.set.events.iter().map(|e| e.title()).collect();
    assert_eq!(titles, ["Semicolon event", "Quoted; with semicolon"]);
    assert_eq!(imported.set.sources.len(), 1);
    assert_eq!(imported.set.sources[0].outlet, "example.org");
    assert_eq!(imported.set.sources[0].published, date("2022-02-24"));
    assert_eq!(
        imported.warnings,
        [
            "events.csv:1:23: unknown column `Notes` is ignored; expected columns: date, end, \
             title, summary, category, actors, source title, source outlet, source url, quote, \
             speaker"
        ]
    );
}

#[test]
fn a_native_article_set_goes_through_the_article_set_loader() {
    let text = include_str!("fixtures/valid_article_set.json");
    let imported = import("set.json", text.as_bytes());
    assert_eq!(imported.format, Format::ArticleSet);
    assert!(!imported.set.events.is_empty());
}

#[test]
fn formats_are_told_by_content_not_by_name() {
    let csv_named_json = import("looks-like.json", EVENTS_COMMA.as_bytes());
    assert_eq!(csv_named_json.format, Format::EventsCsv);
    let json_named_csv = import("looks-like.csv", TIMELINE_JSON.as_bytes());
    assert_eq!(json_named_csv.format, Format::TimelineJsJson);
    assert_eq!(
        detect_format(TIMELINE_CSV.as_bytes()),
        Some(Format::TimelineJsCsv)
    );
    assert_eq!(detect_format(b"name,value\n1,2\n"), None);
}

#[test]
fn an_empty_file_is_named_empty() {
    assert_eq!(
        error_text("e.csv", b""),
        "e.csv: the file is empty; expected an article set, TimelineJS file or events CSV"
    );
}

#[test]
fn a_file_holding_only_a_byte_order_mark_is_empty() {
    assert_eq!(
        error_text("e.csv", b"\xEF\xBB\xBF"),
        "e.csv: the file is empty; expected an article set, TimelineJS file or events CSV"
    );
}

#[test]
fn binary_data_names_the_first_nul_byte() {
    assert_eq!(
        error_text("b.json", b"GIF89a\x01\x00"),
        "b.json:1:8: the file is binary data, not an article set, TimelineJS file or events \
         CSV: found a NUL byte at byte offset 7 (expected UTF-8 text)"
    );
}

#[test]
fn invalid_utf8_names_the_line_and_column() {
    assert_eq!(
        error_text("l.csv", b"date,title\n2014,Caf\xE9\n"),
        "l.csv:2:9: the file is not valid UTF-8: byte 0xe9 at byte offset 19 is not part of a \
         character (expected UTF-8 text: an article set, TimelineJS file or events CSV)"
    );
}

#[test]
fn an_unknown_text_says_what_was_expected() {
    assert_eq!(
        error_text("notes.txt", b"Shopping list\nmilk\n"),
        "notes.txt:1:1: the file is not an article set, TimelineJS file or events CSV: expected \
         a JSON object with \"format\": \"chronoscope-article-set\", a TimelineJS JSON object \
         with \"events\" whose slides have \"start_date\", or a CSV header with the columns \
         date and title (events CSV) or Year and Headline (TimelineJS CSV); found \"Shopping \
         list\""
    );
}

#[test]
fn malformed_json_of_no_known_format_names_the_line_and_column() {
    assert_eq!(
        error_text("m.json", b"{\"a\": 1,\n \"b\" 2}"),
        "m.json:2:6: $.b: the file is not valid JSON: expected `:`"
    );
}

#[test]
fn a_truncated_timelinejs_file_names_the_line_column_and_path() {
    let cut = &TIMELINE_JSON[..TIMELINE_JSON.find("\"Month slide\"").expect("in fixture") + 5];
    assert_eq!(
        error_text("t.json", cut.as_bytes()),
        "t.json:19:32: $.events[1].text.headline: the file is not valid JSON: EOF while \
         parsing a string"
    );
}

#[test]
fn nesting_100000_deep_is_an_error_not_a_stack_overflow() {
    let mut text = String::from("{\"events\": [{\"start_date\": ");
    text.push_str(&"[".repeat(100_000));
    let message = error_text("deep.json", text.as_bytes());
    assert!(
        message.starts_with("deep.json:1:152: $.events[0].start_date[0][0]"),
        "{}",
        &message[..80]
    );
    assert!(
        message.ends_with(
            ": the JSON is nested too deeply (more than 128 levels of arrays and objects)"
        )
    );
}

#[test]
fn wrong_types_in_timelinejs_json_name_the_path_and_position() {
    let text = "{\"events\": [\n  {\"start_date\": {\"year\": true}, \"text\": \"plain\"},\n  \
                {\"start_date\": {\"year\": \"May\"}, \"media\": []}\n], \"eras\": {}}";
    assert_eq!(
        error_text("w.json", text.as_bytes()),
        "w.json:2:27: $.events[0].start_date.year: expected the year as a whole number (or a \
         text holding one), found a boolean\n\
         w.json:2:42: $.events[0].text: expected an object with \"headline\" and \"text\", \
         found a string\n\
         w.json:3:27: $.events[1].start_date.year: expected the year as a whole number (or a \
         text holding one), found \"May\"\n\
         w.json:3:44: $.events[1].media: expected a media object, found an array\n\
         w.json:4:12: $.eras: expected an array of era slides, found an object"
    );
}

#[test]
fn a_slide_without_a_start_date_is_an_error() {
    let text = r#"{"title": {"text": {"headline": "t"}}, "events": [{"text": {"headline": "x"}}]}"#;
    assert_eq!(
        error_text("s.json", text.as_bytes()),
        "s.json:1:51: $.events[0]: missing key \"start_date\"; every event slide needs a start \
         date (an object with at least a year)"
    );
}

#[test]
fn a_title_given_as_an_array_of_one_slide_names_the_set() {
    let text = r#"{"title": [{"text": {"headline": "Kyiv", "text": "<p>1991 on</p>"}}],
        "events": [{"start_date": {"year": "1991"}, "text": {"headline": "Independence"}}]}"#;
    let imported = import("t.json", text.as_bytes());
    assert_eq!(imported.format, Format::TimelineJsJson);
    assert_eq!(
        (
            imported.set.title.as_str(),
            imported.set.description.as_str()
        ),
        ("Kyiv", "1991 on")
    );
    let titles: Vec<&str> = imported.set.events.iter().map(|e| e.title()).collect();
    assert_eq!(titles, ["Independence"]);
    assert_eq!(imported.warnings, Vec::<String>::new());
}

#[test]
fn an_empty_title_array_is_no_title_and_no_error() {
    let text = r#"{"title": [], "events": [{"start_date": {"year": 1991}}]}"#;
    let imported = import("dir/t.json", text.as_bytes());
    assert_eq!(imported.set.title, "t.json");
    assert_eq!(imported.set.events.len(), 1);
    assert_eq!(imported.warnings, Vec::<String>::new());
    let alone = import("alone.json", br#"{"title": []}"#);
    assert_eq!(alone.format, Format::TimelineJsJson);
    assert_eq!(alone.set.events.len(), 0);
}

#[test]
fn later_title_slides_become_events_when_dated_and_are_named_when_left_out() {
    let text = "{\"title\": [\n  {\"text\": {\"headline\": \"Kyiv\"}},\n  \
                {\"start_date\": {\"year\": \"1654\"}, \"text\": {\"headline\": \"Pereiaslav\"}},\n  \
                {\"text\": {\"headline\": \"Credits\"}},\n  \"a note\"\n],\n\
                \"events\": [{\"start_date\": {\"year\": \"1991\"}, \"text\": {\"headline\": \"Independence\"}}]}";
    let imported = import("t.json", text.as_bytes());
    assert_eq!(imported.set.title, "Kyiv");
    let titles: Vec<&str> = imported.set.events.iter().map(|e| e.title()).collect();
    assert_eq!(titles, ["Pereiaslav", "Independence"]);
    assert_eq!(
        imported.warnings,
        [
            "t.json:1:11: $.title: holds 4 title slides: the first names the set; the others are \
             read as event slides where they have a start date",
            "t.json:4:3: $.title[2]: left out \"Credits\": only the first title slide names the \
             set, and this one has no start date to make it an event",
            "t.json:5:3: $.title[3]: left out a slide with no headline: only the first title \
             slide names the set, and this one has no start date to make it an event",
        ]
    );
}

#[test]
fn a_title_that_is_no_slide_is_an_error_naming_its_path() {
    let text = r#"{"title": "Kyiv", "events": [{"start_date": {"year": 1991}}]}"#;
    assert_eq!(
        error_text("t.json", text.as_bytes()),
        "t.json:1:11: $.title: expected a title slide (an object, or an array holding one), \
         found a string"
    );
    let text = r#"{"title": [7], "events": [{"start_date": {"year": 1991}}]}"#;
    assert_eq!(
        error_text("t.json", text.as_bytes()),
        "t.json:1:12: $.title[0]: expected a title slide (an object), found a number"
    );
}

#[test]
fn a_day_without_a_month_is_read_as_the_year_with_a_warning_naming_the_slide() {
    let text = "{\"events\": [\n  {\"start_date\": {\"year\": \"2014\", \"day\": \"5\"}, \
                \"text\": {\"headline\": \"Maidan\"}},\n  \
                {\"start_date\": {\"year\": 2014, \"month\": 2}, \"end_date\": {\"year\": 2015, \"day\": 7}}\n],\n\
                \"eras\": [{\"start_date\": {\"year\": 2013, \"day\": 21}, \"end_date\": {\"year\": 2014}, \
                \"text\": {\"headline\": \"Winter\"}}]}";
    let imported = import("d.json", text.as_bytes());
    let dates: Vec<_> = imported
        .set
        .events
        .iter()
        .map(|e| (e.date, e.end))
        .collect();
    assert_eq!(
        dates,
        [(date("2014"), None), (date("2014-02"), Some(date("2015")))]
    );
    assert_eq!(
        imported.warnings,
        [
            "d.json:2:3: $.events[0]: \"Maidan\": its start date gives day 5 but no month; it is \
             read as the year alone",
            "d.json:3:3: $.events[1]: \"Untitled slide\": its end date gives day 7 but no month; it is read \
             as the year alone",
            "d.json:5:10: $.eras[0]: era \"Winter\": its start date gives day 21 but no month; it \
             is read as the year alone",
        ]
    );
}

#[test]
fn a_timelinejs2_date_without_a_month_is_read_as_the_year_with_a_warning() {
    let text = r#"{"timeline": {"headline": "T", "date": [{"startDate": "1991,,24", "headline": "Independence"}]}}"#;
    let imported = import("d2.json", text.as_bytes());
    assert_eq!(imported.set.events[0].date, date("1991"));
    assert_eq!(
        imported.warnings,
        [
            "d2.json:1:41: $.timeline.date[0]: \"Independence\": its start date gives day 24 but \
             no month; it is read as the year alone"
        ]
    );
}

#[test]
fn an_invalid_date_in_an_events_csv_names_row_and_column() {
    let mut text = String::from("title,date\n");
    for day in 1..=12 {
        text.push_str(&format!("Event {day},2022-03-{day:02}\n"));
    }
    text.push_str("Bad event,29/03/2022\n");
    assert_eq!(
        error_text("d.csv", text.as_bytes()),
        "d.csv:14:11: row 14, column `date`: expected a date like 2022-03-29, found \"29/03/2022\""
    );
}

#[test]
fn every_bad_row_of_an_events_csv_is_listed() {
    let text = "date;end;title\n2022-13-01;;Month 13\n2022-03-29;2022-03-01;Ends early\n2022;;\n";
    assert_eq!(
        error_text("r.csv", text.as_bytes()),
        "r.csv:2:1: row 2, column `date`: expected a date like 2022-03-29, found \"2022-13-01\" \
         (2022-13-01 has no month 13 (expected a month from 01 to 12))\n\
         r.csv:3:12: row 3, column `end`: end 2022-03-01 is before date 2022-03-29\n\
         r.csv:4:7: row 4, column `title`: expected a title, found nothing"
    );
}

#[test]
fn an_unclosed_quote_in_a_csv_is_placed_where_it_opens() {
    let text = "date,title\n2022,\"never closed\n2023,x\n";
    assert_eq!(
        error_text("q.csv", text.as_bytes()),
        "q.csv:2:6: a quoted field starts here and is never closed (expected a closing \" \
         before the end of the file)"
    );
}

#[test]
fn an_inch_mark_inside_a_field_opens_no_quote_and_later_columns_stay_right() {
    let text = "Headline,Year,Month\n5\" pipe,2014,May\n";
    assert_eq!(
        error_text("inch.csv", text.as_bytes()),
        "inch.csv:2:14: row 2, column `Month`: expected a whole number, found \"May\""
    );
    let text = "date,title,summary\n2014,5\" pipe,\"quoted, with a comma\"\n";
    assert_eq!(
        import("inch.csv", text.as_bytes()).set.events[0].title(),
        "5\" pipe"
    );
}

#[test]
fn a_non_numeric_year_in_a_timelinejs_sheet_is_an_error() {
    let text = "Year,Month,Day,Headline\n1999,May,1,Bad month\n";
    assert_eq!(
        error_text("s.csv", text.as_bytes()),
        "s.csv:2:6: row 2, column `Month`: expected a whole number, found \"May\""
    );
}

#[test]
fn synthetic_sets_survive_each_format() {
    let set = synthetic_article_set(300, 7);
    for (label, text) in [
        ("s.csv", events_csv_from_set(&set)),
        ("t.csv", timelinejs_csv_from_set(&set)),
        ("t.json", timelinejs_json_from_set(&set)),
    ] {
        let imported = import(label, text.as_bytes());
        assert_eq!(imported.set.events.len(), set.events.len(), "{label}");
        assert!(
            imported.warnings.is_empty(),
            "{label}: {:?}",
            imported.warnings
        );
        for (read, written) in imported.set.events.iter().zip(&set.events) {
            assert_eq!(
                (read.date, read.end),
                (written.date, written.end),
                "{label}"
            );
            assert_eq!(read.category, written.category, "{label}");
        }
    }
}

/// Imports never panic; what they accept is valid and what they reject says why.
fn check_import(bytes: &[u8]) {
    match import_bytes("fuzz", bytes) {
        Ok(imported) => {
            validate_article_set("fuzz", &imported.set).expect("an imported set is valid");
        }
        Err(error) => {
            assert!(!error.problems.is_empty());
            assert!(error.problems.iter().all(|p| !p.message.is_empty()));
        }
    }
}

fn fixture_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(TIMELINE_JSON.as_bytes().to_vec()),
        Just(TIMELINE_CSV.as_bytes().to_vec()),
        Just(EVENTS_COMMA.as_bytes().to_vec()),
        Just(EVENTS_SEMICOLON_BOM.to_vec()),
        Just(include_bytes!("fixtures/valid_article_set.json").to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_import(&bytes);
    }

    #[test]
    fn truncated_fixtures_never_panic(bytes in fixture_bytes(), cut in any::<prop::sample::Index>()) {
        let cut = cut.index(bytes.len() + 1);
        check_import(&bytes[..cut]);
    }

    #[test]
    fn fixtures_with_flipped_bytes_never_panic(
        bytes in fixture_bytes(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = bytes;
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        check_import(&bytes);
    }
}
