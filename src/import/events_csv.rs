//! Reads Chronoscope's events CSV (documented in `docs/formats.md`): a header row naming
//! `date,end,title,summary,category,actors,source title,source outlet,source url,quote,speaker`
//! (any case, `_` or space, any order; only `date` and `title` required), comma or semicolon
//! delimited, then one event per row. Rows are numbered as in a spreadsheet: the header is row 1.

use crate::model::article_set::{ArticleSet, EventRecord, QuoteRecord};
use crate::model::category::Category;
use crate::model::date::{DateError, PartialDate};
use crate::model::load_error::{LoadError, Problem};

use super::csv_table::{CsvText, normalized_column_name, open_csv, quoted_field};
use super::report::ImportReport;
use super::source_registry::{NewSource, SourceRegistry, url_host};
use super::timelinejs_csv::csv_error_problem;
use super::timelinejs_json::default_title;

/// The columns, by normalized name, in the documented order.
pub const COLUMNS: [&str; 11] = [
    "date",
    "end",
    "title",
    "summary",
    "category",
    "actors",
    "source title",
    "source outlet",
    "source url",
    "quote",
    "speaker",
];

/// Index into [`COLUMNS`].
#[derive(Clone, Copy)]
enum Column {
    Date,
    End,
    Title,
    Summary,
    Category,
    Actors,
    SourceTitle,
    SourceOutlet,
    SourceUrl,
    Quote,
    Speaker,
}

const SOURCE_NOTES: &str = "The events CSV gives no publication date; this is the earliest \
                            date of the rows that cite this source.";

/// Reads an events CSV text; returns the set and its warnings.
pub fn import_events_csv(
    file_label: &str,
    text: &str,
) -> Result<(ArticleSet, Vec<String>), LoadError> {
    let mut report = ImportReport::new(file_label);
    let (csv_text, mut reader) = match open_csv(text) {
        Ok(opened) => opened,
        Err(problem) => {
            report.problem(|| problem);
            return Err(report.into_error());
        }
    };
    let mut record = csv::StringRecord::new();
    let mut table = Table {
        csv_text: &csv_text,
        header: Vec::new(),
        indexes: [None; COLUMNS.len()],
    };
    let mut builder = EventsBuilder {
        set: ArticleSet::new(&default_title(file_label)),
        sources: SourceRegistry::default(),
    };
    let mut row = 0_usize;
    let mut long_rows = 0_usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                report.problem(|| csv_error_problem(&csv_text, &error));
                break;
            }
        }
        row += 1;
        let Some(position) = record.position().cloned() else {
            continue;
        };
        if row == 1 {
            table.read_header(&record, &position, &mut report);
            if report.has_problems() {
                break;
            }
            continue;
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() > table.header.len() {
            long_rows += 1;
            if long_rows == 1 {
                let (fields, columns) = (record.len(), table.header.len());
                report.warn(|| {
                    Problem::new(format!(
                        "row {row} has {fields} fields but the header names {columns} columns; \
                         fields beyond the header are ignored (in this row and any other)"
                    ))
                    .at_position(csv_text.field_position(&position, columns))
                });
            }
        }
        let row_view = RowView {
            table: &table,
            record: &record,
            position: &position,
            row,
        };
        builder.add_row(&row_view, &mut report);
    }
    if report.has_problems() {
        return Err(report.into_error());
    }
    let mut set = builder.set;
    set.sources = builder.sources.into_sources();
    Ok((set, report.warning_lines()))
}

/// The header and where each column is.
struct Table<'a> {
    csv_text: &'a CsvText<'a>,
    header: Vec<String>,
    indexes: [Option<usize>; COLUMNS.len()],
}

impl Table<'_> {
    fn read_header(
        &mut self,
        record: &csv::StringRecord,
        position: &csv::Position,
        report: &mut ImportReport,
    ) {
        self.header = record.iter().map(|name| name.trim().to_owned()).collect();
        for (index, name) in self.header.iter().enumerate() {
            let at = || self.csv_text.field_position(position, index);
            let normalized = normalized_column_name(name);
            match COLUMNS.iter().position(|known| *known == normalized) {
                Some(column) if self.indexes[column].is_none() => {
                    self.indexes[column] = Some(index);
                }
                Some(_) => report.warn(|| {
                    Problem::new(format!(
                        "column `{name}` appears a second time; only the first is read"
                    ))
                    .at_position(at())
                }),
                None if normalized.is_empty() => {}
                None => report.warn(|| {
                    Problem::new(format!(
                        "unknown column `{name}` is ignored; expected columns: {}",
                        COLUMNS.join(", ")
                    ))
                    .at_position(at())
                }),
            }
        }
        for required in [Column::Date, Column::Title] {
            if self.indexes[required as usize].is_none() {
                let name = COLUMNS[required as usize];
                report.problem(|| {
                    Problem::new(format!(
                        "the header has no `{name}` column; expected columns: {} \
                         (date and title required)",
                        COLUMNS.join(", ")
                    ))
                    .at_position(self.csv_text.field_position(position, 0))
                });
            }
        }
    }
}

/// One data row and what is needed to name its fields in messages.
struct RowView<'a> {
    table: &'a Table<'a>,
    record: &'a csv::StringRecord,
    position: &'a csv::Position,
    row: usize,
}

impl RowView<'_> {
    fn get(&self, column: Column) -> &str {
        self.table.indexes[column as usize]
            .and_then(|index| self.record.get(index))
            .unwrap_or_default()
            .trim()
    }

    fn at(&self, column: Column, message: &str) -> Problem {
        let index = self.table.indexes[column as usize].unwrap_or_default();
        let name = self.table.header.get(index).map_or("", String::as_str);
        Problem::new(format!("row {}, column `{name}`: {message}", self.row))
            .at_position(self.table.csv_text.field_position(self.position, index))
    }

    /// The date in `column`; `None` (problem reported) when it is not one.
    fn date(&self, column: Column, report: &mut ImportReport) -> Option<PartialDate> {
        let value = self.get(column);
        match PartialDate::parse(value) {
            Ok(date) => Some(date),
            Err(error) => {
                let found = if value.is_empty() {
                    "nothing".to_owned()
                } else {
                    quoted_field(value)
                };
                let detail = match error {
                    DateError::Malformed { .. } => String::new(),
                    other => format!(" ({other})"),
                };
                report.problem(|| {
                    self.at(
                        column,
                        &format!("expected a date like 2022-03-29, found {found}{detail}"),
                    )
                });
                None
            }
        }
    }
}

/// The set built row by row.
struct EventsBuilder {
    set: ArticleSet,
    sources: SourceRegistry,
}

impl EventsBuilder {
    fn add_row(&mut self, row: &RowView<'_>, report: &mut ImportReport) {
        let date = row.date(Column::Date, report);
        let end = if row.get(Column::End).is_empty() {
            Some(None)
        } else {
            row.date(Column::End, report).map(Some)
        };
        let title = row.get(Column::Title);
        if title.is_empty() {
            report.problem(|| row.at(Column::Title, "expected a title, found nothing"));
        }
        let (Some(date), Some(end)) = (date, end) else {
            return;
        };
        if let Some(end) = end
            && end.end_days() <= date.start_days()
        {
            report.problem(|| {
                row.at(
                    Column::End,
                    &format!("end {} is before date {}", end.to_iso(), date.to_iso()),
                )
            });
            return;
        }
        if title.is_empty() {
            return;
        }

        let category_text = row.get(Column::Category);
        let category = if category_text.is_empty() {
            Category::Other
        } else {
            Category::parse(&category_text.to_lowercase()).unwrap_or_else(|error| {
                report.warn(|| {
                    row.at(
                        Column::Category,
                        &format!("{error}; the event is filed under other"),
                    )
                });
                Category::Other
            })
        };
        let actors: Vec<&str> = row
            .get(Column::Actors)
            .split(['|', ';'])
            .map(str::trim)
            .filter(|actor| !actor.is_empty())
            .collect();

        let id = format!("row-{}", row.row);
        let source_id = self.cite_source(row, date);
        let mut event = EventRecord::new(&id, date, title, row.get(Column::Summary), category);
        event.mark_id_made_up();
        event.end = end;
        if !actors.is_empty() {
            event.set_actors(&actors);
        }
        if let Some(source_id) = &source_id {
            event.set_sources([source_id.as_str()]);
        }
        self.set.events.push(event);

        let quote = row.get(Column::Quote);
        let speaker = row.get(Column::Speaker);
        match (&source_id, quote.is_empty()) {
            (_, true) if !speaker.is_empty() => {
                report.warn(|| row.at(Column::Speaker, "a speaker with no quote is ignored"))
            }
            (_, true) => {}
            (None, false) => report.warn(|| {
                row.at(
                    Column::Quote,
                    "the quote is skipped: it needs a source (source url, or source outlet \
                     and title) in the same row",
                )
            }),
            (Some(source_id), false) => {
                if speaker.is_empty() {
                    report.warn(|| row.at(Column::Quote, "the quote has no speaker"));
                }
                self.set.quotes.push(QuoteRecord {
                    id: format!("q-{}", row.row),
                    text: quote.to_owned(),
                    speaker: speaker.to_owned(),
                    role: None,
                    source: source_id.clone(),
                    date: None,
                    event: Some(id),
                    context: None,
                    verified: true,
                    note: None,
                });
            }
        }
    }

    /// The id of the row's source (one per URL, or per outlet and title), if it names one.
    fn cite_source(&mut self, row: &RowView<'_>, date: PartialDate) -> Option<String> {
        let url = row.get(Column::SourceUrl);
        let outlet = row.get(Column::SourceOutlet);
        let title = row.get(Column::SourceTitle);
        if url.is_empty() && outlet.is_empty() && title.is_empty() {
            return None;
        }
        let key = if url.is_empty() {
            format!("{outlet}\u{1f}{title}")
        } else {
            url.to_owned()
        };
        let id = self.sources.cite(&key, date, || NewSource {
            outlet: if outlet.is_empty() {
                url_host(url).unwrap_or_default().to_owned()
            } else {
                outlet.to_owned()
            },
            title: [title, url, outlet]
                .into_iter()
                .find(|text| !text.is_empty())
                .unwrap_or_default()
                .to_owned(),
            url: (!url.is_empty()).then(|| url.to_owned()),
            notes: SOURCE_NOTES.to_owned(),
        });
        Some(id.to_owned())
    }
}
