//! Importers: reads every file format Chronoscope knows — its own article sets, TimelineJS3
//! JSON (and the older TimelineJS2 JSON), the TimelineJS spreadsheet CSV and the events CSV
//! documented in `docs/formats.md` — telling them apart by content, never by file name.
//! Pure logic; every set it returns is valid as [`validate_article_set`] checks (test builds
//! check each one).

mod csv_table;
mod detect;
mod events_csv;
mod html_text;
mod json_fields;
mod json_syntax;
mod report;
mod source_registry;
pub mod synthetic_files;
mod text_input;
mod timeline_slides;
mod timelinejs2_json;
mod timelinejs_csv;
mod timelinejs_fast;
mod timelinejs_json;
pub(crate) mod unique_ids;

pub use detect::detect_format;
pub use html_text::plain_text_from_html;

use crate::model::MadeUpIds;
use crate::model::article_set::ArticleSet;
use crate::model::load_error::{LoadError, Problem, TextPosition};
use crate::model::loader::{load_article_set_with_warnings, validate_article_set};

use json_syntax::json_syntax_problem;
use text_input::{ACCEPTED_KINDS, decode_text};

/// A file format Chronoscope reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Chronoscope's own JSON (`"format": "chronoscope-article-set"`).
    ArticleSet,
    /// TimelineJS3 JSON (`title` slide and `events`), or the older TimelineJS2 `timeline` JSON.
    TimelineJsJson,
    /// The TimelineJS Google-sheet template saved as CSV.
    TimelineJsCsv,
    /// Chronoscope's own CSV of events (`date,title,…`).
    EventsCsv,
}

impl Format {
    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Format::ArticleSet => "Chronoscope article set",
            Format::TimelineJsJson => "TimelineJS JSON",
            Format::TimelineJsCsv => "TimelineJS CSV",
            Format::EventsCsv => "events CSV",
        }
    }
}

/// A file read into an article set.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The set, valid (ids unique, sources cited exist, ends not before dates).
    pub set: ArticleSet,
    /// Things that were allowed but skipped or changed, one line each: `FILE:LINE:COL: …`.
    pub warnings: Vec<String>,
    /// The format the file was read as.
    pub format: Format,
    /// Which ids the importer made up (every source, quote and era id of a file that is not
    /// an article set; events say so one by one).
    pub made_up_ids: MadeUpIds,
}

/// Reads a file of any known format; `file_label` names it in messages.
pub fn import_bytes(file_label: &str, bytes: &[u8]) -> Result<Imported, LoadError> {
    let text = decode_text(bytes).map_err(|problem| LoadError::single(file_label, problem))?;
    let Some(format) = detect::detect_in_text(text) else {
        return Err(LoadError::single(file_label, unknown_format_problem(text)));
    };
    let (set, warnings) = match format {
        Format::ArticleSet => return native(file_label, bytes),
        Format::TimelineJsJson => timelinejs_json::import_timelinejs_json(file_label, text)?,
        Format::TimelineJsCsv => timelinejs_csv::import_timelinejs_csv(file_label, text)?,
        Format::EventsCsv => events_csv::import_events_csv(file_label, text)?,
    };
    // The importers build valid sets by construction (unique ids, cited sources made first,
    // ends after starts). Test builds check that promise on every import; release builds do
    // not pay for a second pass over a large file.
    debug_assert!(
        validate_article_set(file_label, &set).is_ok(),
        "{file_label}: an importer built an invalid set: {:?}",
        validate_article_set(file_label, &set).err()
    );
    Ok(Imported {
        set,
        warnings,
        format,
        made_up_ids: MadeUpIds::ALL,
    })
}

fn native(file_label: &str, bytes: &[u8]) -> Result<Imported, LoadError> {
    let (set, warnings) = load_article_set_with_warnings(file_label, bytes)?;
    Ok(Imported {
        set,
        warnings,
        format: Format::ArticleSet,
        made_up_ids: MadeUpIds::default(),
    })
}

/// Why a text is none of the formats: a JSON syntax error where there is one, else what was
/// expected and what the file starts with.
fn unknown_format_problem(text: &str) -> Problem {
    let body = text.trim_start();
    let expected = format!(
        "the file is not {ACCEPTED_KINDS}: expected a JSON object with \"format\": \
         \"chronoscope-article-set\", a TimelineJS JSON object with \"events\" whose slides \
         have \"start_date\", or a CSV header with the columns date and title (events CSV) or \
         Year and Headline (TimelineJS CSV)"
    );
    if body.starts_with(['{', '[']) {
        return match serde_json::from_str::<serde_json::Value>(text) {
            Err(error) => json_syntax_problem(text, &error),
            Ok(value) => {
                let found = match value {
                    serde_json::Value::Array(_) => "a JSON array",
                    _ => "a JSON object with none of these keys",
                };
                Problem::new(format!("{expected}; found {found}"))
                    .at_position(TextPosition { line: 1, column: 1 })
            }
        };
    }
    let first_line = csv_table::header_line(text);
    let line_number = csv_table::text_lines(text)
        .position(|line| line == first_line)
        .map_or(1, |index| index + 1);
    Problem::new(format!(
        "{expected}; found {}",
        csv_table::quoted_field(first_line.trim())
    ))
    .at_position(TextPosition {
        line: line_number,
        column: 1,
    })
}
