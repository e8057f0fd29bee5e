//! Loading article sets: every kind of bad input gives a clear, located message and never a panic.

use chronoscope::model::{
    ArticleSet, LoadError, load_article_set, load_article_set_with_warnings, to_json_pretty,
};
use proptest::prelude::*;

/// A valid set, one key per line so that positions are easy to read off:
/// line 16 is the event's date, line 19 its category, line 20 its sources.
const TEMPLATE: &str = r#"{
  "format": "chronoscope-article-set",
  "version": 1,
  "title": "Test",
  "sources": [
    {
      "id": "s1",
      "outlet": "Reuters",
      "title": "Article",
      "published": "2015-02-12"
    }
  ],
  "events": [
    {
      "id": "e1",
      "date": "2015-02-12",
      "title": "Minsk II",
      "summary": "Agreed.",
      "category": "agreement",
      "sources": ["s1"]
    }
  ]
}
"#;

const VALID_FIXTURE: &str = include_str!("fixtures/valid_article_set.json");

/// `TEMPLATE` with one piece of text replaced (which must be there).
fn template_with(from: &str, to: &str) -> String {
    assert!(TEMPLATE.contains(from), "template lacks {from:?}");
    TEMPLATE.replacen(from, to, 1)
}

/// `TEMPLATE` with a quotes array holding these lines (one quote object per line, from line 24).
fn template_with_quotes(quote_lines: &[&str]) -> String {
    let quotes = quote_lines
        .iter()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join(",\n");
    template_with(
        "    }\n  ]\n}",
        &format!("    }}\n  ],\n  \"quotes\": [\n{quotes}\n  ]\n}}"),
    )
}

fn error_of(bytes: &[u8]) -> LoadError {
    match load_article_set("f.json", bytes) {
        Ok(set) => panic!("expected an error, loaded {set:?}"),
        Err(error) => error,
    }
}

fn lines_of(json: &str) -> Vec<String> {
    error_of(json.as_bytes()).lines()
}

#[test]
fn the_template_itself_is_valid() {
    let (set, warnings) =
        load_article_set_with_warnings("f.json", TEMPLATE.as_bytes()).expect("valid");
    assert_eq!(set.events.len(), 1);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn impossible_date_is_reported_with_line_column_and_path() {
    let json = template_with(r#""date": "2015-02-12""#, r#""date": "2023-02-30""#);
    assert_eq!(
        lines_of(&json),
        [
            "f.json:16:15: $.events[0].date: 2023-02-30 is not a day of the calendar (February 2023 has 28 days)"
        ]
    );
}

#[test]
fn malformed_date_says_which_shapes_are_expected() {
    let json = template_with(r#""date": "2015-02-12""#, r#""date": "2015-2-12""#);
    assert_eq!(
        lines_of(&json),
        [
            r#"f.json:16:15: $.events[0].date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "2015-2-12""#
        ]
    );
}

#[test]
fn end_before_date_is_reported_at_the_end() {
    let json = template_with(
        r#""date": "2015-02-12","#,
        "\"date\": \"2015-02-12\",\n      \"end\": \"2015-02-01\",",
    );
    assert_eq!(
        lines_of(&json),
        ["f.json:17:14: $.events[0].end: end 2015-02-01 is before date 2015-02-12"]
    );
}

#[test]
fn unknown_category_lists_the_allowed_values() {
    let json = template_with(r#""category": "agreement""#, r#""category": "treaty""#);
    assert_eq!(
        lines_of(&json),
        [
            "f.json:19:19: $.events[0].category: unknown category \"treaty\"; expected one of: \
          diplomacy, military, sanctions, agreement, humanitarian, politics, other"
        ]
    );
}

#[test]
fn dangling_event_source_is_reported_at_the_reference() {
    let json = template_with(r#""sources": ["s1"]"#, r#""sources": ["s1", "bbc-1"]"#);
    assert_eq!(
        lines_of(&json),
        [
            "f.json:20:25: $.events[0].sources[1]: unknown source id \"bbc-1\" (no source has this id)"
        ]
    );
}

#[test]
fn dangling_quote_source_is_reported() {
    let json = template_with_quotes(&[
        r#"{"id": "q1", "text": "Words.", "speaker": "A", "source": "s9"}"#,
    ]);
    assert_eq!(
        lines_of(&json),
        ["f.json:24:62: $.quotes[0].source: unknown source id \"s9\" (no source has this id)"]
    );
}

#[test]
fn dangling_quote_event_is_reported() {
    let json = template_with_quotes(&[
        r#"{"id": "q1", "text": "Words.", "speaker": "A", "source": "s1", "event": "e9"}"#,
    ]);
    assert_eq!(
        lines_of(&json),
        ["f.json:24:77: $.quotes[0].event: unknown event id \"e9\" (no event has this id)"]
    );
}

#[test]
fn duplicate_era_id_points_at_the_first() {
    let json = template_with(
        "  \"title\": \"Test\",\n",
        "  \"title\": \"Test\",\n  \"eras\": [\n    \
         {\"id\": \"war\", \"title\": \"A\", \"start\": \"2014\", \"end\": \"2015\"},\n    \
         {\"id\": \"war\", \"title\": \"B\", \"start\": \"2016\", \"end\": \"2017\"}\n  ],\n",
    );
    assert_eq!(
        lines_of(&json),
        ["f.json:7:12: $.eras[1].id: duplicate era id \"war\" (first at $.eras[0])"]
    );
}

#[test]
fn duplicate_source_id_points_at_the_first() {
    let json = template_with(
        "      \"published\": \"2015-02-12\"\n    }\n",
        "      \"published\": \"2015-02-12\"\n    },\n    \
         {\"id\": \"s1\", \"outlet\": \"AP\", \"title\": \"Other\", \"published\": \"2015-02-13\"}\n",
    );
    assert_eq!(
        lines_of(&json),
        ["f.json:12:12: $.sources[1].id: duplicate source id \"s1\" (first at $.sources[0])"]
    );
}

#[test]
fn duplicate_event_id_points_at_the_first() {
    let json = template_with(
        "      \"sources\": [\"s1\"]\n    }\n",
        "      \"sources\": [\"s1\"]\n    },\n    \
         {\"id\": \"e1\", \"date\": \"2015\", \"title\": \"Again\", \"summary\": \"\", \
         \"category\": \"politics\", \"sources\": [\"s1\"]}\n",
    );
    assert_eq!(
        lines_of(&json),
        ["f.json:22:12: $.events[1].id: duplicate event id \"e1\" (first at $.events[0])"]
    );
}

#[test]
fn duplicate_quote_id_points_at_the_first() {
    let json = template_with_quotes(&[
        r#"{"id": "q1", "text": "One.", "speaker": "A", "source": "s1"}"#,
        r#"{"id": "q1", "text": "Two.", "speaker": "B", "source": "s1"}"#,
    ]);
    assert_eq!(
        lines_of(&json),
        ["f.json:25:12: $.quotes[1].id: duplicate quote id \"q1\" (first at $.quotes[0])"]
    );
}

#[test]
fn unknown_key_is_rejected_with_a_suggestion() {
    let json = template_with(r#""summary": "Agreed.""#, r#""sumary": "Agreed.""#);
    assert_eq!(
        lines_of(&json),
        [
            "f.json:14:5: $.events[0]: missing required key \"summary\"",
            "f.json:18:17: $.events[0].sumary: unknown key \"sumary\"; did you mean \"summary\"?",
        ]
    );
}

#[test]
fn unknown_top_level_key_lists_the_known_keys() {
    let json = template_with(
        "  \"version\": 1,\n",
        "  \"version\": 1,\n  \"publisher\": \"x\",\n",
    );
    assert_eq!(
        lines_of(&json),
        [
            "f.json:4:16: $.publisher: unknown key \"publisher\"; expected one of: \
          format, version, title, description, eras, sources, events, quotes"
        ]
    );
}

#[test]
fn missing_required_field_is_reported_at_the_object() {
    let json = template_with("      \"title\": \"Minsk II\",\n", "");
    assert_eq!(
        lines_of(&json),
        ["f.json:14:5: $.events[0]: missing required key \"title\""]
    );
}

#[test]
fn wrong_type_names_the_expected_type() {
    let json = template_with(r#""title": "Minsk II""#, r#""title": 42"#);
    assert_eq!(
        lines_of(&json),
        ["f.json:17:16: $.events[0].title: invalid type: integer `42`, expected a string"]
    );
}

#[test]
fn an_object_written_as_an_array_is_rejected() {
    let json = template_with(
        "      \"sources\": [\"s1\"]\n    }\n",
        "      \"sources\": [\"s1\"]\n    },\n    [\"e2\", \"2015\"]\n",
    );
    assert_eq!(
        lines_of(&json),
        ["f.json:22:5: $.events[1]: expected an object, found an array"]
    );
}

#[test]
fn malformed_json_gives_line_and_column() {
    let json = template_with(r#""id": "e1","#, r#""id": "e1""#);
    assert_eq!(lines_of(&json), ["f.json:16:7: expected `,` or `}`"]);
}

#[test]
fn truncated_json_gives_line_and_column() {
    let cut = TEMPLATE.find("\"category\"").expect("category");
    assert_eq!(
        lines_of(&TEMPLATE[..cut]),
        ["f.json:19:6: EOF while parsing a value"]
    );
}

#[test]
fn a_key_written_twice_is_reported() {
    let json = template_with(
        r#""title": "Minsk II","#,
        r#""title": "Minsk II", "title": "Again","#,
    );
    assert_eq!(lines_of(&json), ["f.json:17:34: duplicate field `title`"]);
}

#[test]
fn empty_file_says_what_was_expected() {
    assert_eq!(
        lines_of(""),
        ["f.json: the file is empty; expected a JSON object"]
    );
    assert_eq!(
        lines_of(" \n\t "),
        ["f.json: the file is empty; expected a JSON object"]
    );
}

#[test]
fn invalid_utf8_is_reported_with_the_byte_offset() {
    let offset = TEMPLATE.find("Minsk II").expect("title") + "Minsk ".len();
    let mut bytes = TEMPLATE.as_bytes().to_vec();
    bytes[offset] = 0xFF;
    assert_eq!(
        error_of(&bytes).lines(),
        [format!(
            "f.json:17:23: the file is not valid UTF-8: byte 0xff at byte offset {offset} \
             is not part of a character (expected a UTF-8 JSON text)"
        )]
    );
}

#[test]
fn binary_data_is_rejected() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_eq!(
        error_of(png).lines(),
        [
            "f.json:1:1: the file is not valid UTF-8: byte 0x89 at byte offset 0 \
          is not part of a character (expected a UTF-8 JSON text)"
        ]
    );
    assert_eq!(
        error_of(b"\0\x01\x02\x03").lines(),
        ["f.json:1:1: expected value"]
    );
    assert_eq!(
        error_of(b"\xff\xfe{\0}\0").lines(),
        ["f.json: the file is UTF-16 text; expected UTF-8 (save it as UTF-8)"]
    );
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let nested = "[".repeat(100_000);
    let message = "the JSON is nested too deeply (more than 128 levels of arrays and objects)";
    assert_eq!(lines_of(&nested), [format!("f.json:1:128: {message}")]);

    let nested_objects = "{\"a\":".repeat(100_000);
    assert_eq!(lines_of(&nested_objects).len(), 1);

    let inside_events = template_with(r#""events": ["#, &format!("\"events\": [{nested}"));
    let lines = lines_of(&inside_events);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].ends_with(message), "{lines:?}");
}

#[test]
fn unknown_version_is_reported() {
    let json = template_with(r#""version": 1"#, r#""version": 2"#);
    assert_eq!(
        lines_of(&json),
        ["f.json:3:14: $.version: unsupported version 2; this build reads version 1"]
    );
}

#[test]
fn version_of_the_wrong_type_is_reported() {
    let json = template_with(r#""version": 1"#, r#""version": "1""#);
    assert_eq!(
        lines_of(&json),
        ["f.json:3:14: $.version: expected version as a whole number, found \"1\""]
    );
}

#[test]
fn wrong_format_tag_says_what_was_expected() {
    let json = template_with(
        r#""format": "chronoscope-article-set""#,
        r#""format": "timelinejs""#,
    );
    assert_eq!(
        lines_of(&json),
        [
            "f.json:2:13: $.format: expected format \"chronoscope-article-set\", found \"timelinejs\""
        ]
    );
}

#[test]
fn missing_format_tag_says_what_was_expected() {
    let json = template_with("  \"format\": \"chronoscope-article-set\",\n", "");
    assert_eq!(
        lines_of(&json),
        ["f.json:1:1: $: missing key \"format\"; expected \"format\": \"chronoscope-article-set\""]
    );
}

#[test]
fn non_object_top_level_is_rejected() {
    assert_eq!(
        lines_of("[1, 2]"),
        ["f.json:1:1: $: expected a JSON object at the top level, found an array"]
    );
    assert_eq!(
        lines_of("\n  \"text\""),
        ["f.json:2:3: $: expected a JSON object at the top level, found a string"]
    );
    assert_eq!(
        lines_of("null"),
        ["f.json:1:1: $: expected a JSON object at the top level, found null"]
    );
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let json = template_with(
        r#""published": "2015-02-12""#,
        r#""published": "2015-02-31""#,
    )
    .replacen(r#""category": "agreement""#, r#""category": "deal""#, 1)
    .replacen(r#""sources": ["s1"]"#, r#""sources": ["s2"]"#, 1)
    .replacen(r#""title": "Minsk II""#, r#""title": " ""#, 1);
    assert_eq!(
        lines_of(&json),
        [
            "f.json:10:20: $.sources[0].published: 2015-02-31 is not a day of the calendar (February 2015 has 28 days)",
            "f.json:17:16: $.events[0].title: title must not be empty",
            "f.json:19:19: $.events[0].category: unknown category \"deal\"; expected one of: \
             diplomacy, military, sanctions, agreement, humanitarian, politics, other",
            "f.json:20:19: $.events[0].sources[0]: unknown source id \"s2\" (no source has this id)",
        ]
    );
}

#[test]
fn references_to_unreadable_items_are_not_reported_twice() {
    let json = template_with(r#""published": "2015-02-12""#, r#""published": "soon""#);
    let lines = lines_of(&json);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("f.json:10:20: $.sources[0].published: expected a date"));
}

#[test]
fn a_misspelled_array_does_not_flood_with_dangling_references() {
    let json = template_with(r#""sources": ["#, r#""source": ["#);
    assert_eq!(
        lines_of(&json),
        [
            "f.json:1:1: $: missing required key \"sources\"",
            "f.json:5:13: $.source: unknown key \"source\"; did you mean \"sources\"?",
        ]
    );
}

#[test]
fn empty_id_and_bad_colour_and_era_order_are_reported() {
    let json = template_with(
        "  \"title\": \"Test\",\n",
        "  \"title\": \"Test\",\n  \"eras\": [\n    \
         {\"id\": \"\", \"title\": \"A\", \"start\": \"2016\", \"end\": \"2015\", \"color\": \"red\"}\n  ],\n",
    );
    assert_eq!(
        lines_of(&json),
        [
            "f.json:6:12: $.eras[0].id: era id must not be empty",
            "f.json:6:54: $.eras[0].end: era end 2015 is before its start 2016",
            "f.json:6:71: $.eras[0].color: expected a colour as \"#rrggbb\", found \"red\"",
        ]
    );
}

#[test]
fn warnings_name_unsourced_events_and_empty_quotes() {
    let json = template_with(r#""sources": ["s1"]"#, r#""sources": []"#);
    let json = json.replacen(
        "    }\n  ]\n}",
        "    }\n  ],\n  \"quotes\": [{\"id\": \"q\", \"text\": \" \", \"speaker\": \"A\", \"source\": \"s1\"}]\n}",
        1,
    );
    let (_, warnings) = load_article_set_with_warnings("f.json", json.as_bytes()).expect("valid");
    assert_eq!(
        warnings,
        [
            "f.json: $.events[0]: event \"e1\" has no reference URL and no source",
            "f.json: $.quotes[0].text: quote \"q\" has no text",
        ]
    );
}

#[test]
fn load_error_displays_one_line_per_problem() {
    let json = template_with(r#""version": 1"#, r#""version": 7"#).replacen(
        r#""format": "chronoscope-article-set""#,
        r#""format": "x""#,
        1,
    );
    assert_eq!(
        error_of(json.as_bytes()).to_string(),
        "f.json:2:13: $.format: expected format \"chronoscope-article-set\", found \"x\"\n\
         f.json:3:14: $.version: unsupported version 7; this build reads version 1"
    );
}

#[test]
fn the_valid_fixture_loads_without_warnings() {
    let (set, warnings) =
        load_article_set_with_warnings("valid.json", VALID_FIXTURE.as_bytes()).expect("valid");
    assert_eq!(
        (
            set.eras.len(),
            set.sources.len(),
            set.events.len(),
            set.quotes.len()
        ),
        (2, 2, 3, 2)
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(!set.quotes[1].verified);
}

#[test]
fn the_valid_fixture_round_trips_through_pretty_json() {
    let set = load_article_set("valid.json", VALID_FIXTURE.as_bytes()).expect("valid");
    let saved = to_json_pretty(&set);
    let reloaded = load_article_set("saved.json", saved.as_bytes()).expect("reloads");
    assert_eq!(reloaded, set);
    assert_eq!(to_json_pretty(&reloaded), saved);
}

/// A small edit to a file: replace a byte, insert bytes, or delete a run of bytes.
#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let token = prop_oneof![
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b"\"".to_vec()),
        Just(b",".to_vec()),
        Just(b"null".to_vec()),
        Just(b"-1e999".to_vec()),
        Just(b"\"2023-02-30\"".to_vec()),
        Just(b"\\u0000".to_vec()),
        Just(b"\xff".to_vec()),
        Just("é".as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Edit::Replace(at, byte)),
        (any::<usize>(), token).prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1..40_usize).prop_map(|(at, length)| Edit::Delete(at, length)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |position: usize, length: usize| position % (length + 1);
    match edit {
        Edit::Replace(position, byte) => {
            if !bytes.is_empty() {
                let index = position % bytes.len();
                bytes[index] = *byte;
            }
        }
        Edit::Insert(position, inserted) => {
            let index = at(*position, bytes.len());
            bytes.splice(index..index, inserted.iter().copied());
        }
        Edit::Delete(position, length) => {
            let start = at(*position, bytes.len());
            let end = (start + length).min(bytes.len());
            bytes.drain(start..end);
        }
    }
}

/// Loading never panics; a set that loads saves and reloads to the same set; every problem
/// has a message.
fn check_loading(bytes: &[u8]) {
    match load_article_set("p.json", bytes) {
        Ok(set) => {
            let saved = to_json_pretty(&set);
            let reloaded: ArticleSet =
                load_article_set("saved.json", saved.as_bytes()).expect("a loaded set reloads");
            assert_eq!(reloaded, set);
        }
        Err(error) => {
            assert!(!error.problems.is_empty());
            assert!(
                error
                    .problems
                    .iter()
                    .all(|problem| !problem.message.is_empty())
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_loading(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_loading(text.as_bytes());
    }

    #[test]
    fn edits_of_a_valid_file_never_panic(edits in prop::collection::vec(edit_strategy(), 1..6)) {
        let mut bytes = VALID_FIXTURE.as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        check_loading(&bytes);
    }
}
