//! Reads an article-set file: decode, parse, check shapes, cross-check ids and dates.
//!
//! Never panics. Reports every problem found (up to [`MAX_PROBLEMS`]) with file, line:column and
//! JSON path. The common case, a valid file, takes one serde pass plus the cross-checks; only a
//! file with problems is parsed again, element by element, to say exactly where they are.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::article_set::{
    ArticleSet, ERA_FIELDS, EVENT_FIELDS, EraRecord, EventRecord, FORMAT_TAG, FORMAT_VERSION,
    FieldSpec, QUOTE_FIELDS, QuoteRecord, SOURCE_FIELDS, SourceRecord, TOP_LEVEL_FIELDS,
    parse_hex_color,
};
use super::json_position::{character_column, locate_values};
use super::load_error::{JsonPath, LoadError, Problem, TextPosition};
use super::message_text::{excerpt, kind_of, quoted, shorten, utf8_text};

/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 100;

/// At most this many warnings are listed; the rest are counted.
pub const MAX_WARNINGS: usize = 50;

/// Messages quoting user text are cut to about this many characters.
const MAX_MESSAGE_CHARS: usize = 300;

/// Reads and validates an article set. `file_label` names the file in messages.
pub fn load_article_set(file_label: &str, bytes: &[u8]) -> Result<ArticleSet, LoadError> {
    load_article_set_with_warnings(file_label, bytes).map(|(set, _warnings)| set)
}

/// Reads and validates an article set, also returning warnings: things that are allowed but
/// probably not meant, such as an event with neither a reference URL nor a source, or a quote
/// with no text. Each warning is one line, `FILE: PATH: message`.
pub fn load_article_set_with_warnings(
    file_label: &str,
    bytes: &[u8],
) -> Result<(ArticleSet, Vec<String>), LoadError> {
    let text = utf8_text(bytes, "a UTF-8 JSON text")
        .map_err(|problem| LoadError::single(file_label, problem))?;
    let body = text.trim_start_matches([' ', '\t', '\n', '\r']);
    if body.is_empty() {
        let problem = Problem::new("the file is empty; expected a JSON object");
        return Err(LoadError::single(file_label, problem));
    }

    let mut serde_error = None;
    if body.starts_with('{') {
        match ArticleSet::from_json_str(text) {
            Ok(set) if set.format == FORMAT_TAG && set.version == FORMAT_VERSION => {
                let mut findings = Findings::default();
                cross_check(&RecordsView::whole(&set), &mut findings);
                if findings.problems.is_empty() {
                    return Ok((set, findings.warning_lines(file_label)));
                }
                return Err(findings.into_error(file_label, Some(text)));
            }
            Ok(_) => {}
            Err(error) => serde_error = Some(error),
        }
    }
    Err(diagnose(file_label, text, serde_error))
}

/// Cross-checks a set made in memory (for example by an importer): ids, references, dates and
/// colours. Problems carry JSON paths but no line:column. Returns the warnings.
pub fn validate_article_set(file_label: &str, set: &ArticleSet) -> Result<Vec<String>, LoadError> {
    let mut findings = Findings::default();
    let root = JsonPath::root();
    if set.format != FORMAT_TAG {
        let message = format!(
            "expected format \"{FORMAT_TAG}\", found {}",
            quoted(&set.format)
        );
        findings.problem(root.key("format"), message);
    }
    if set.version != FORMAT_VERSION {
        findings.problem(root.key("version"), unsupported_version(set.version));
    }
    cross_check(&RecordsView::whole(set), &mut findings);
    if findings.problems.is_empty() {
        Ok(findings.warning_lines(file_label))
    } else {
        Err(findings.into_error(file_label, None))
    }
}

/// Finds every problem of a file that serde rejected or that has the wrong format or version.
fn diagnose(file_label: &str, text: &str, serde_error: Option<serde_json::Error>) -> LoadError {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(error) => return LoadError::single(file_label, syntax_problem(text, &error)),
    };
    let mut findings = Findings::default();
    let root = JsonPath::root();
    let Value::Object(top) = &value else {
        let message = format!(
            "expected a JSON object at the top level, found {}",
            kind_of(&value)
        );
        findings.problem(root, message);
        return findings.into_error(file_label, Some(text));
    };

    check_format_and_version(top, &mut findings);
    if findings.problems.is_empty() {
        let records = read_records(top, &mut findings);
        cross_check(&records.view(), &mut findings);
    }
    if findings.problems.is_empty() {
        // The checks above accept what serde rejected, e.g. a key written twice in one object:
        // report serde's own words and position.
        let error = serde_error.or_else(|| ArticleSet::from_json_str(text).err());
        let problem = match error {
            Some(error) => syntax_problem(text, &error),
            None => Problem::new("the file could not be read as an article set"),
        };
        return LoadError::single(file_label, problem);
    }
    findings.into_error(file_label, Some(text))
}

fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&position).unwrap_or(&full);
    let message = if message.starts_with("recursion limit exceeded") {
        "the JSON is nested too deeply (more than 128 levels of arrays and objects)".to_owned()
    } else {
        shorten(message, MAX_MESSAGE_CHARS)
    };
    let problem = Problem::new(message);
    if error.line() == 0 {
        return problem;
    }
    problem.at_position(TextPosition {
        line: error.line(),
        column: character_column(text.as_bytes(), error.line(), error.column()),
    })
}

fn check_format_and_version(top: &Map<String, Value>, findings: &mut Findings) {
    let root = JsonPath::root();
    match top.get("format") {
        None => findings.problem(
            root.clone(),
            format!("missing key \"format\"; expected \"format\": \"{FORMAT_TAG}\""),
        ),
        Some(Value::String(tag)) if tag == FORMAT_TAG => {}
        Some(other) => findings.problem(
            root.key("format"),
            format!("expected format \"{FORMAT_TAG}\", found {}", excerpt(other)),
        ),
    }
    match top.get("version") {
        None => findings.problem(
            root,
            format!("missing key \"version\"; expected \"version\": {FORMAT_VERSION}"),
        ),
        Some(version) => match version.as_u64() {
            Some(FORMAT_VERSION) => {}
            Some(number) => findings.problem(root.key("version"), unsupported_version(number)),
            None => findings.problem(
                root.key("version"),
                format!(
                    "expected version as a whole number, found {}",
                    excerpt(version)
                ),
            ),
        },
    }
}

fn unsupported_version(version: u64) -> String {
    format!("unsupported version {version}; this build reads version {FORMAT_VERSION}")
}

/// The records of a file that parsed as JSON, element by element, noting every bad one.
fn read_records(top: &Map<String, Value>, findings: &mut Findings) -> Records {
    let root = JsonPath::root();
    for (key, value) in top {
        match TOP_LEVEL_FIELDS.iter().find(|field| field.name == key) {
            None => findings.problem(root.key(key), unknown_key_message(key, TOP_LEVEL_FIELDS)),
            Some(field) if matches!(field.name, "title" | "description") => {
                if let Err(error) = (field.probe)(value) {
                    findings.problem(
                        root.key(key),
                        shorten(&error.to_string(), MAX_MESSAGE_CHARS),
                    );
                }
            }
            Some(_) => {}
        }
    }
    report_missing_keys(top, TOP_LEVEL_FIELDS, &root, findings);
    Records {
        eras: read_array(top, "eras", ERA_FIELDS, findings),
        sources: read_array(top, "sources", SOURCE_FIELDS, findings),
        events: read_array(top, "events", EVENT_FIELDS, findings),
        quotes: read_array(top, "quotes", QUOTE_FIELDS, findings),
    }
}

fn read_array<T: DeserializeOwned>(
    top: &Map<String, Value>,
    key: &str,
    fields: &[FieldSpec],
    findings: &mut Findings,
) -> RecordArray<T> {
    let mut array = RecordArray {
        records: Vec::new(),
        readable: false,
        unreadable_ids: HashSet::new(),
    };
    let path = JsonPath::root().key(key);
    let elements = match top.get(key) {
        None => return array,
        Some(Value::Array(elements)) => {
            array.readable = true;
            elements
        }
        Some(other) => {
            let message = format!("expected an array of objects, found {}", kind_of(other));
            findings.problem(path, message);
            return array;
        }
    };
    for (index, element) in elements.iter().enumerate() {
        match read_record(element, &path.index(index), fields, findings) {
            Some(record) => array.records.push((index, record)),
            None => {
                if let Some(id) = element.get("id").and_then(Value::as_str) {
                    array.unreadable_ids.insert(id.to_owned());
                }
            }
        }
    }
    array
}

/// One record. When serde rejects it, reports key by key what is wrong, then goes on with a
/// repaired copy (bad keys dropped, stand-ins for bad required values) so that the rest of the
/// record is still cross-checked; problems at the repaired keys are not reported again.
/// `None` only if the element is not an object or cannot be repaired.
fn read_record<T: DeserializeOwned>(
    element: &Value,
    path: &JsonPath,
    fields: &[FieldSpec],
    findings: &mut Findings,
) -> Option<T> {
    let Value::Object(object) = element else {
        findings.problem(
            path.clone(),
            format!("expected an object, found {}", kind_of(element)),
        );
        return None;
    };
    let serde_error = match T::deserialize(element) {
        Ok(record) => return Some(record),
        Err(error) => error,
    };
    let problems_before = findings.problem_count;
    let mut repaired = object.clone();
    for (key, value) in object {
        match fields.iter().find(|field| field.name == key) {
            None => {
                findings.problem(path.key(key), unknown_key_message(key, fields));
                repaired.remove(key);
            }
            Some(field) => {
                if let Err(error) = (field.probe)(value) {
                    findings.problem(
                        path.key(key),
                        shorten(&error.to_string(), MAX_MESSAGE_CHARS),
                    );
                    repaired.remove(key);
                }
            }
        }
    }
    report_missing_keys(object, fields, path, findings);
    if findings.problem_count == problems_before {
        findings.problem(
            path.clone(),
            shorten(&serde_error.to_string(), MAX_MESSAGE_CHARS),
        );
        return None;
    }
    for field in fields.iter().filter(|field| field.required) {
        if !repaired.contains_key(field.name) {
            let placeholder = serde_json::from_str(field.placeholder).unwrap_or(Value::Null);
            repaired.insert(field.name.to_owned(), placeholder);
            findings.suppress(path.key(field.name));
        }
    }
    T::deserialize(Value::Object(repaired)).ok()
}

fn report_missing_keys(
    object: &Map<String, Value>,
    fields: &[FieldSpec],
    path: &JsonPath,
    findings: &mut Findings,
) {
    for field in fields.iter().filter(|field| field.required) {
        if !object.contains_key(field.name) {
            let message = format!("missing required key \"{}\"", field.name);
            findings.problem(path.clone(), message);
        }
    }
}

fn unknown_key_message(key: &str, fields: &[FieldSpec]) -> String {
    if let Some(suggestion) = closest_field_name(key, fields) {
        return format!(
            "unknown key {}; did you mean \"{suggestion}\"?",
            quoted(key)
        );
    }
    let names: Vec<&str> = fields.iter().map(|field| field.name).collect();
    format!(
        "unknown key {}; expected one of: {}",
        quoted(key),
        names.join(", ")
    )
}

/// The field name within two edits of `key` (ignoring case), if any.
fn closest_field_name(key: &str, fields: &[FieldSpec]) -> Option<&'static str> {
    if key.len() > 64 {
        return None;
    }
    let key = key.to_lowercase();
    fields
        .iter()
        .map(|field| (edit_distance(&key, field.name), field.name))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            let deletion = previous[j + 1] + 1;
            let insertion = current[j] + 1;
            current.push(substitution.min(deletion).min(insertion));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or_default()
}

/// Records read from a file, each with its index in the file's array.
struct Records {
    eras: RecordArray<EraRecord>,
    sources: RecordArray<SourceRecord>,
    events: RecordArray<EventRecord>,
    quotes: RecordArray<QuoteRecord>,
}

struct RecordArray<T> {
    records: Vec<(usize, T)>,
    /// False when the array is missing or not an array: references into it are not checked.
    readable: bool,
    /// Ids of elements that could not be read, so that references to them are not reported too.
    unreadable_ids: HashSet<String>,
}

impl Records {
    fn view(&self) -> RecordsView<'_> {
        fn borrow<T>(array: &RecordArray<T>) -> Vec<(usize, &T)> {
            array
                .records
                .iter()
                .map(|(index, record)| (*index, record))
                .collect()
        }
        RecordsView {
            eras: borrow(&self.eras),
            sources: borrow(&self.sources),
            events: borrow(&self.events),
            quotes: borrow(&self.quotes),
            unreadable_source_ids: Some(&self.sources.unreadable_ids),
            unreadable_event_ids: Some(&self.events.unreadable_ids),
            sources_readable: self.sources.readable,
            events_readable: self.events.readable,
        }
    }
}

/// The records to cross-check, each with its index in the file's array.
struct RecordsView<'a> {
    eras: Vec<(usize, &'a EraRecord)>,
    sources: Vec<(usize, &'a SourceRecord)>,
    events: Vec<(usize, &'a EventRecord)>,
    quotes: Vec<(usize, &'a QuoteRecord)>,
    unreadable_source_ids: Option<&'a HashSet<String>>,
    unreadable_event_ids: Option<&'a HashSet<String>>,
    sources_readable: bool,
    events_readable: bool,
}

impl<'a> RecordsView<'a> {
    fn whole(set: &'a ArticleSet) -> Self {
        Self {
            eras: set.eras.iter().enumerate().collect(),
            sources: set.sources.iter().enumerate().collect(),
            events: set.events.iter().enumerate().collect(),
            quotes: set.quotes.iter().enumerate().collect(),
            unreadable_source_ids: None,
            unreadable_event_ids: None,
            sources_readable: true,
            events_readable: true,
        }
    }
}

/// Checks what types cannot: ids unique and non-empty, references resolve, dates in order,
/// colours well formed. Adds warnings for what is allowed but probably not meant.
fn cross_check(view: &RecordsView<'_>, findings: &mut Findings) {
    let mut eras_by_id = HashMap::with_capacity(view.eras.len());
    for &(index, era) in &view.eras {
        let at = RecordAt::new("eras", index);
        check_id("era", at, &era.id, era, &mut eras_by_id, findings);
        check_not_blank(&era.title, at, "title", findings);
        if era.end.end_days() <= era.start.start_days() {
            let message = format!(
                "era end {} is before its start {}",
                era.end.to_iso(),
                era.start.to_iso()
            );
            findings.problem(at.key("end"), message);
        }
        if let Some(color) = &era.color
            && parse_hex_color(color).is_none()
        {
            let message = format!("expected a colour as \"#rrggbb\", found {}", quoted(color));
            findings.problem(at.key("color"), message);
        }
    }

    let mut sources_by_id = HashMap::with_capacity(view.sources.len());
    for &(index, source) in &view.sources {
        let at = RecordAt::new("sources", index);
        check_id(
            "source",
            at,
            &source.id,
            source,
            &mut sources_by_id,
            findings,
        );
        check_not_blank(&source.title, at, "title", findings);
    }
    let source_exists = |id: &str| {
        !view.sources_readable
            || sources_by_id.contains_key(id)
            || view
                .unreadable_source_ids
                .is_some_and(|ids| ids.contains(id))
    };

    let mut events_by_id = HashMap::with_capacity(view.events.len());
    for &(index, event) in &view.events {
        let at = RecordAt::new("events", index);
        check_id("event", at, event.id(), event, &mut events_by_id, findings);
        check_not_blank(event.title(), at, "title", findings);
        if let Some(end) = event.end
            && end.end_days() <= event.date.start_days()
        {
            let message = format!(
                "end {} is before date {}",
                end.to_iso(),
                event.date.to_iso()
            );
            findings.problem(at.key("end"), message);
        }
        for (source_index, source_id) in event.sources().iter().enumerate() {
            if !source_exists(source_id) {
                let message = format!(
                    "unknown source id {} (no source has this id)",
                    quoted(source_id)
                );
                findings.problem(at.key("sources").index(source_index), message);
            }
        }
        let has_reference = event
            .reference()
            .is_some_and(|reference| !reference.trim().is_empty());
        if !has_reference && event.sources().is_empty() {
            findings.warn(
                || at.path(),
                || {
                    format!(
                        "event {} has no reference URL and no source",
                        quoted(event.id())
                    )
                },
            );
        }
    }

    let mut quotes_by_id = HashMap::with_capacity(view.quotes.len());
    for &(index, quote) in &view.quotes {
        let at = RecordAt::new("quotes", index);
        check_id("quote", at, &quote.id, quote, &mut quotes_by_id, findings);
        match sources_by_id.get(quote.source.as_str()) {
            Some((_, source)) => {
                if let Some(date) = quote.date
                    && date.start_days() >= source.published.end_days()
                {
                    findings.warn(
                        || at.key("date"),
                        || {
                            format!(
                                "quote {} is dated {}, after its source was published ({})",
                                quoted(&quote.id),
                                date.to_iso(),
                                source.published.to_iso()
                            )
                        },
                    );
                }
            }
            None if source_exists(&quote.source) => {}
            None => {
                let message = format!(
                    "unknown source id {} (no source has this id)",
                    quoted(&quote.source)
                );
                findings.problem(at.key("source"), message);
            }
        }
        if let Some(event_id) = &quote.event {
            let is_unreadable = !view.events_readable
                || view
                    .unreadable_event_ids
                    .is_some_and(|ids| ids.contains(event_id));
            if !events_by_id.contains_key(event_id.as_str()) && !is_unreadable {
                let message = format!(
                    "unknown event id {} (no event has this id)",
                    quoted(event_id)
                );
                findings.problem(at.key("event"), message);
            }
        }
        if quote.text.trim().is_empty() {
            findings.warn(
                || at.key("text"),
                || format!("quote {} has no text", quoted(&quote.id)),
            );
        }
        if quote.speaker.trim().is_empty() {
            findings.warn(
                || at.key("speaker"),
                || format!("quote {} has no speaker", quoted(&quote.id)),
            );
        }
    }
}

/// Where a record is in the file (which top-level array, which index); its JSON path is built
/// only when there is something to report.
#[derive(Clone, Copy)]
struct RecordAt {
    array: &'static str,
    index: usize,
}

impl RecordAt {
    fn new(array: &'static str, index: usize) -> Self {
        Self { array, index }
    }

    fn path(self) -> JsonPath {
        JsonPath::root().key(self.array).index(self.index)
    }

    fn key(self, key: &str) -> JsonPath {
        self.path().key(key)
    }
}

/// Reports an empty or repeated id; remembers the first record of each id.
fn check_id<'a, T>(
    kind: &str,
    at: RecordAt,
    id: &'a str,
    record: &'a T,
    first_by_id: &mut HashMap<&'a str, (usize, &'a T)>,
    findings: &mut Findings,
) {
    if id.trim().is_empty() {
        findings.problem(at.key("id"), format!("{kind} id must not be empty"));
        return;
    }
    match first_by_id.entry(id) {
        Entry::Occupied(first) => {
            let first_path = RecordAt::new(at.array, first.get().0).path();
            let message = format!("duplicate {kind} id {} (first at {first_path})", quoted(id));
            findings.problem(at.key("id"), message);
        }
        Entry::Vacant(slot) => {
            slot.insert((at.index, record));
        }
    }
}

fn check_not_blank(text: &str, at: RecordAt, key: &str, findings: &mut Findings) {
    if text.trim().is_empty() {
        findings.problem(at.key(key), format!("{key} must not be empty"));
    }
}

/// Problems and warnings found so far, before their line:column is looked up.
#[derive(Default)]
struct Findings {
    problems: Vec<(JsonPath, String)>,
    problem_count: usize,
    warnings: Vec<(JsonPath, String)>,
    warning_count: usize,
    /// Paths whose values were replaced by stand-ins: already reported, not to be reported again.
    suppressed: HashSet<JsonPath>,
}

impl Findings {
    fn problem(&mut self, path: JsonPath, message: String) {
        if self.suppressed.contains(&path) {
            return;
        }
        self.problem_count += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push((path, message));
        }
    }

    fn suppress(&mut self, path: JsonPath) {
        self.suppressed.insert(path);
    }

    /// Counts a warning; builds its path and message only if it will be listed.
    fn warn(&mut self, path: impl FnOnce() -> JsonPath, message: impl FnOnce() -> String) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push((path(), message()));
        }
    }

    fn warning_lines(&self, file_label: &str) -> Vec<String> {
        let mut lines: Vec<String> = self
            .warnings
            .iter()
            .map(|(path, message)| {
                Problem::new(message.clone())
                    .at_path(path)
                    .render(file_label)
            })
            .collect();
        let unlisted = self.warning_count - self.warnings.len();
        if unlisted > 0 {
            lines.push(Problem::new(format!("… and {unlisted} more warnings")).render(file_label));
        }
        lines
    }

    /// The problems as a [`LoadError`], with line:column looked up in `text` when given,
    /// in file order.
    fn into_error(self, file_label: &str, text: Option<&str>) -> LoadError {
        let positions = match text {
            Some(text) => {
                let wanted: HashSet<JsonPath> =
                    self.problems.iter().map(|(path, _)| path.clone()).collect();
                locate_values(text.as_bytes(), &wanted)
            }
            None => HashMap::new(),
        };
        let mut problems: Vec<Problem> = self
            .problems
            .iter()
            .map(|(path, message)| {
                let problem = Problem::new(message.clone()).at_path(path);
                match positions.get(path) {
                    Some(position) => problem.at_position(*position),
                    None => problem,
                }
            })
            .collect();
        problems.sort_by_key(|problem| {
            (
                problem.line.unwrap_or(usize::MAX),
                problem.column.unwrap_or(usize::MAX),
            )
        });
        let unlisted = self.problem_count - self.problems.len();
        if unlisted > 0 {
            problems.push(Problem::new(format!(
                "… and {unlisted} more problems (only the first {MAX_PROBLEMS} are listed)"
            )));
        }
        LoadError {
            file: file_label.to_owned(),
            problems,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format": "chronoscope-article-set", "version": 1, "title": "t",
        "sources": [{"id": "s", "outlet": "o", "title": "a", "published": "2014-03-18"}],
        "events": [{"id": "e", "date": "2014-03-18", "title": "x", "summary": "", "category": "politics", "sources": ["s"]}]}"#;

    fn problems_of(json: &str) -> Vec<String> {
        load_article_set("f.json", json.as_bytes())
            .expect_err("invalid")
            .lines()
    }

    #[test]
    fn a_minimal_set_loads_without_warnings() {
        let (set, warnings) =
            load_article_set_with_warnings("f.json", MINIMAL.as_bytes()).expect("valid");
        assert_eq!(set.events.len(), 1);
        assert_eq!(warnings, Vec::<String>::new());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let with_bom = format!("\u{feff}{MINIMAL}");
        assert!(load_article_set("f.json", with_bom.as_bytes()).is_ok());
    }

    #[test]
    fn unknown_keys_suggest_the_closest_known_key() {
        let json = MINIMAL.replace("\"summary\"", "\"sumary\"");
        assert_eq!(
            problems_of(&json),
            [
                "f.json:3:20: $.events[0]: missing required key \"summary\"",
                "f.json:3:78: $.events[0].sumary: unknown key \"sumary\"; did you mean \"summary\"?",
            ]
        );
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("title", "title"), 0);
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("sumary", "summary"), 1);
    }

    #[test]
    fn an_event_without_reference_or_source_is_a_warning() {
        let json = MINIMAL.replace(r#", "sources": ["s"]}]}"#, "}]}");
        let (_, warnings) =
            load_article_set_with_warnings("f.json", json.as_bytes()).expect("valid");
        assert_eq!(
            warnings,
            ["f.json: $.events[0]: event \"e\" has no reference URL and no source"]
        );
    }

    #[test]
    fn warnings_beyond_the_cap_are_counted() {
        let mut set = load_article_set("f.json", MINIMAL.as_bytes()).expect("valid");
        let template = set.events[0].clone();
        set.events = (0..MAX_WARNINGS + 10)
            .map(|index| {
                let mut event = template.clone();
                event.set_id(&format!("e{index}"));
                event.set_sources(Vec::<&str>::new());
                event
            })
            .collect();
        let warnings = validate_article_set("f.json", &set).expect("valid");
        assert_eq!(warnings.len(), MAX_WARNINGS + 1);
        assert_eq!(
            warnings.last().map(String::as_str),
            Some("f.json: … and 10 more warnings")
        );
    }

    #[test]
    fn validate_reports_paths_without_positions() {
        let mut set = load_article_set("f.json", MINIMAL.as_bytes()).expect("valid");
        let mut sources = set.events[0].sources().to_vec();
        sources.push("missing");
        let sources: Vec<String> = sources.into_iter().map(str::to_owned).collect();
        set.events[0].set_sources(sources);
        let error = validate_article_set("import", &set).expect_err("dangling");
        assert_eq!(
            error.lines(),
            [
                "import: $.events[0].sources[1]: unknown source id \"missing\" (no source has this id)"
            ]
        );
    }

    #[test]
    fn problems_beyond_the_cap_are_counted() {
        let events: Vec<String> = (0..150)
            .map(|_| r#"{"id": "", "date": "2014", "title": "x", "summary": "", "category": "politics", "reference": "r"}"#.to_owned())
            .collect();
        let json = format!(
            r#"{{"format": "chronoscope-article-set", "version": 1, "title": "t", "sources": [], "events": [{}]}}"#,
            events.join(",")
        );
        let error = load_article_set("f.json", json.as_bytes()).expect_err("empty ids");
        assert_eq!(error.problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            error.problems.last().map(|p| p.message.as_str()),
            Some("… and 50 more problems (only the first 100 are listed)")
        );
    }
}
