//! Tells the format of a file from its content, not its name: the top-level keys of a JSON
//! object, or the column names of a CSV header.

use crate::model::article_set::FORMAT_TAG;
use crate::model::json_scan::JsonScanner;

use super::Format;
use super::csv_table::{detect_delimiter, header_line, header_names, normalized_column_name};
use super::text_input::decode_text;

/// The format of a file, or `None` if it is none that Chronoscope reads (or not text).
pub fn detect_format(bytes: &[u8]) -> Option<Format> {
    detect_in_text(decode_text(bytes).ok()?)
}

/// The format of a decoded text.
pub fn detect_in_text(text: &str) -> Option<Format> {
    let body = text.trim_start();
    match body.as_bytes().first()? {
        b'{' => detect_json(body),
        b'[' => None,
        _ => detect_csv(body),
    }
}

fn detect_json(body: &str) -> Option<Format> {
    let keys = scan_top_level(body.as_bytes());
    if keys.format.as_deref() == Some(FORMAT_TAG) {
        return Some(Format::ArticleSet);
    }
    if keys.events == EventsShape::UsesStartDate {
        return Some(Format::TimelineJsJson);
    }
    if keys.has_format || keys.has_version || keys.has_sources {
        // Not a valid set, but meant as one: the article-set loader explains what is wrong.
        return Some(Format::ArticleSet);
    }
    if keys.title_is_slide || keys.timeline_is_object || keys.events == EventsShape::Empty {
        return Some(Format::TimelineJsJson);
    }
    if !keys.complete {
        // Broken JSON: guess from what it mentions, so that the right reader says where.
        if body.contains(FORMAT_TAG) {
            return Some(Format::ArticleSet);
        }
        if body.contains("\"start_date\"") || body.contains("\"startDate\"") {
            return Some(Format::TimelineJsJson);
        }
    }
    None
}

/// Column names that make a header a TimelineJS sheet.
pub const TIMELINEJS_CSV_KEY_COLUMNS: [&str; 2] = ["year", "headline"];
/// Column names that make a header an events CSV.
pub const EVENTS_CSV_KEY_COLUMNS: [&str; 2] = ["date", "title"];

fn detect_csv(body: &str) -> Option<Format> {
    let line = header_line(body);
    let names: Vec<String> = header_names(line, detect_delimiter(line))
        .iter()
        .map(|name| normalized_column_name(name))
        .collect();
    let has_all = |wanted: &[&str]| wanted.iter().all(|w| names.iter().any(|n| n == w));
    if has_all(&TIMELINEJS_CSV_KEY_COLUMNS) {
        Some(Format::TimelineJsCsv)
    } else if has_all(&EVENTS_CSV_KEY_COLUMNS) {
        Some(Format::EventsCsv)
    } else {
        None
    }
}

/// What the top level of a JSON object shows about its format.
#[derive(Debug, Default)]
struct TopLevelKeys {
    format: Option<String>,
    has_format: bool,
    has_version: bool,
    has_sources: bool,
    /// `title` is an object, or an array that is empty or starts with one (as Sheets-to-JSON
    /// converters write the title slide).
    title_is_slide: bool,
    timeline_is_object: bool,
    events: EventsShape,
    /// The whole object was scanned without a syntax error.
    complete: bool,
}

/// What the top-level `events` holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum EventsShape {
    /// No `events` array.
    #[default]
    Absent,
    /// An empty array.
    Empty,
    /// An array whose first element has a `start_date` key, as TimelineJS slides do.
    UsesStartDate,
    /// Any other array.
    Other,
}

/// Reads the keys of the top-level object and skips their values without building them.
/// Stops early at `"format": "chronoscope-article-set"` (which native files write first).
fn scan_top_level(text: &[u8]) -> TopLevelKeys {
    let mut keys = TopLevelKeys::default();
    let mut scanner = JsonScanner::new(text);
    scanner.skip_white_space();
    if !scanner.eat(b'{') {
        return keys;
    }
    loop {
        scanner.skip_white_space();
        if scanner.eat(b'}') {
            keys.complete = true;
            return keys;
        }
        let Some(key) = scanner.string() else {
            return keys;
        };
        scanner.skip_white_space();
        if !scanner.eat(b':') {
            return keys;
        }
        scanner.skip_white_space();
        let value_start = scanner.offset();
        let first = scanner.peek();
        match key.as_str() {
            "format" => {
                keys.has_format = true;
                if first == Some(b'"') {
                    keys.format = scanner.string();
                    if keys.format.as_deref() == Some(FORMAT_TAG) {
                        return keys;
                    }
                }
            }
            "version" => keys.has_version = true,
            "sources" => keys.has_sources = true,
            "title" => keys.title_is_slide = is_title_slide(text.get(value_start..)),
            "timeline" => keys.timeline_is_object = first == Some(b'{'),
            _ => {}
        }
        if key == "events" && first == Some(b'[') {
            let rest = text.get(value_start..).unwrap_or_default();
            keys.events = events_shape(rest);
            if keys.events == EventsShape::UsesStartDate
                && memchr::memmem::find(rest, FORMAT_TAG.as_bytes()).is_none()
            {
                // TimelineJS slides, and no later key can make this an article set: the
                // rest of a large file need not be scanned.
                return keys;
            }
        }
        let value_ends = scanner.offset() > value_start || scanner.skip_value();
        if !value_ends {
            return keys;
        }
        scanner.skip_white_space();
        if scanner.eat(b',') {
            continue;
        }
        if scanner.eat(b'}') {
            keys.complete = true;
        }
        return keys;
    }
}

/// Whether the JSON value at the start of `value` is a title slide: an object, or an array that
/// is empty or whose first element is an object.
fn is_title_slide(value: Option<&[u8]>) -> bool {
    match value.unwrap_or_default() {
        [b'{', ..] => true,
        [b'[', rest @ ..] => matches!(rest.trim_ascii_start().first(), Some(b'{' | b']')),
        _ => false,
    }
}

/// The shape of the JSON array at the start of `array` (possibly cut short), from its first
/// element.
fn events_shape(array: &[u8]) -> EventsShape {
    let mut scanner = JsonScanner::new(array);
    scanner.advance();
    scanner.skip_white_space();
    if scanner.peek() == Some(b']') {
        return EventsShape::Empty;
    }
    let start = scanner.offset();
    scanner.skip_value();
    let element = array.get(start..scanner.offset()).unwrap_or_default();
    if String::from_utf8_lossy(element).contains("\"start_date\"") {
        EventsShape::UsesStartDate
    } else {
        EventsShape::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> Option<Format> {
        detect_format(text.as_bytes())
    }

    #[test]
    fn json_is_told_apart_by_its_keys() {
        assert_eq!(
            detect(r#"{"format": "chronoscope-article-set", "version": 1}"#),
            Some(Format::ArticleSet)
        );
        assert_eq!(
            detect(r#"{"title": {"text": {}}, "events": [{"start_date": {"year": 1}}]}"#),
            Some(Format::TimelineJsJson)
        );
        assert_eq!(
            detect(r#"{"events": [{"text": {"headline": "x"}, "start_date": {}}], "n": 1}"#),
            Some(Format::TimelineJsJson)
        );
        assert_eq!(
            detect(r#"{"timeline": {"date": []}}"#),
            Some(Format::TimelineJsJson)
        );
        assert_eq!(
            detect(r#"{"version": 2, "events": []}"#),
            Some(Format::ArticleSet)
        );
        assert_eq!(detect(r#"{"events": [{"date": "2014"}]}"#), None);
        assert_eq!(detect(r#"[1, 2]"#), None);
        assert_eq!(detect(r#"{"a": {"b": [1, "}"]}, "c": 2}"#), None);
    }

    #[test]
    fn a_title_slide_in_an_array_marks_a_timelinejs_file() {
        for title in [
            r#"[{"text": {}}]"#,
            "[ ]",
            r#"[ {"text": {}}, {"text": {}} ]"#,
        ] {
            let text = format!(r#"{{"title": {title}, "events": [{{"text": {{}}}}]}}"#);
            assert_eq!(detect(&text), Some(Format::TimelineJsJson), "{text}");
        }
        assert_eq!(detect(r#"{"title": ["t"], "events": [{"x": 1}]}"#), None);
    }

    #[test]
    fn broken_json_is_guessed_from_what_it_mentions() {
        assert_eq!(
            detect(r#"{"title": "t", "format": "chronoscope-article-set"#),
            Some(Format::ArticleSet)
        );
        assert_eq!(
            detect(r#"{"events": [{"start_date": {"year": "#),
            Some(Format::TimelineJsJson)
        );
    }

    #[test]
    fn csv_is_told_apart_by_its_header() {
        assert_eq!(
            detect("Year,Month,Day,Headline,Text\n"),
            Some(Format::TimelineJsCsv)
        );
        assert_eq!(
            detect("\u{feff}date;TITLE;summary\n"),
            Some(Format::EventsCsv)
        );
        assert_eq!(
            detect("\"date\",\"title\"\n2014,x\n"),
            Some(Format::EventsCsv)
        );
        assert_eq!(detect("name,value\n"), None);
        assert_eq!(detect("Just some notes.\n"), None);
    }

    #[test]
    fn bytes_that_are_not_text_have_no_format() {
        assert_eq!(detect_format(b"\x00\x01"), None);
        assert_eq!(detect_format(b""), None);
    }
}
