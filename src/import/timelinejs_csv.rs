//! Reads the TimelineJS Google-sheet template saved as CSV: one slide per row, with the
//! columns `Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
//! Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
//! Background` (any case, any order; others ignored). `Type` `title` names the set, `era`
//! rows are eras. Rows are numbered as in the sheet: the header is row 1.

use crate::model::article_set::ArticleSet;
use crate::model::load_error::{LoadError, Problem};

use super::csv_table::{CsvText, normalized_column_name, open_csv, quoted_field};
use super::report::ImportReport;
use super::timeline_slides::{
    BuildStep, DatePart, Origin, Slide, SlideMedia, TimelineBuilder, parse_date_part,
};
use super::timelinejs_json::{
    DateValue, SlideDates, date_value, default_title, skipped_name, slide_dates,
};
use crate::parallel::{ItemSender, read_while_building};

/// The columns read, by normalized name.
const COLUMNS: [&str; 14] = [
    "year",
    "month",
    "day",
    "end year",
    "end month",
    "end day",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "type",
    "group",
];

/// Index into [`COLUMNS`].
#[derive(Clone, Copy)]
enum Column {
    Year,
    Month,
    Day,
    EndYear,
    EndMonth,
    EndDay,
    DisplayDate,
    Headline,
    Text,
    Media,
    MediaCredit,
    MediaCaption,
    Type,
    Group,
}

/// Reads a TimelineJS sheet as CSV text; returns the set and its warnings.
pub fn import_timelinejs_csv(
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
    let mut builder = TimelineBuilder::new(&default_title(file_label), "TimelineJS sheet");
    let mut warnings = ImportReport::new(file_label);
    // This thread reads rows and turns them into events' texts; the builder gives ids and
    // sources on another. Problems (the file is not loaded) are gathered here, warnings there.
    read_while_building(
        |steps| read_rows(&csv_text, &mut reader, steps, &mut report),
        |steps| {
            for step in steps {
                builder.apply(step, &mut warnings);
            }
        },
    );
    if report.has_problems() {
        return Err(report.into_error());
    }
    Ok((builder.finish(), warnings.warning_lines()))
}

/// Reads every row, handing the builder a step for each; problems go to `report`.
fn read_rows(
    csv_text: &CsvText<'_>,
    reader: &mut csv::Reader<&[u8]>,
    steps: &mut ItemSender<BuildStep<'static>>,
    report: &mut ImportReport,
) {
    let mut record = csv::StringRecord::new();
    let mut header: Vec<String> = Vec::new();
    let mut indexes: [Option<usize>; COLUMNS.len()] = [None; COLUMNS.len()];
    let mut seen_title = false;
    let mut row = 0_usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                report.problem(|| csv_error_problem(csv_text, &error));
                break;
            }
        }
        row += 1;
        if row == 1 {
            header = record.iter().map(str::to_owned).collect();
            for (index, name) in header.iter().enumerate() {
                let name = normalized_column_name(name);
                if let Some(column) = COLUMNS.iter().position(|known| *known == name)
                    && indexes[column].is_none()
                {
                    indexes[column] = Some(index);
                }
            }
            continue;
        }
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let Some(position) = record.position().cloned() else {
            continue;
        };
        let row_view = Row {
            csv_text,
            record: &record,
            position: &position,
            indexes: &indexes,
            header: &header,
            row,
        };
        let kind = row_view.get(Column::Type).trim();
        let origin = Origin::Csv {
            row,
            position: csv_text.field_position(&position, 0),
        };
        let step = if kind.eq_ignore_ascii_case("title") {
            if seen_title {
                Some(BuildStep::Warning(
                    origin,
                    "a second title row is ignored (the first names the set)".to_owned(),
                ))
            } else {
                seen_title = true;
                Some(BuildStep::Title {
                    headline: row_view.get(Column::Headline).to_owned(),
                    text: row_view.get(Column::Text).to_owned(),
                })
            }
        } else if kind.eq_ignore_ascii_case("era") {
            read_era(&row_view, origin, report)
        } else {
            read_event(&row_view, origin, report)
        };
        // The builder takes every step; it never stops early.
        if let Some(step) = step {
            let _ = steps.send(step);
        }
    }
}

/// One data row and what is needed to name its fields in messages.
struct Row<'a> {
    csv_text: &'a CsvText<'a>,
    record: &'a csv::StringRecord,
    position: &'a csv::Position,
    indexes: &'a [Option<usize>; COLUMNS.len()],
    header: &'a [String],
    row: usize,
}

impl Row<'_> {
    fn get(&self, column: Column) -> &str {
        self.indexes[column as usize]
            .and_then(|index| self.record.get(index))
            .unwrap_or_default()
    }

    /// A date part; `None` (problem reported) when the field holds no whole number.
    fn date_part(&self, column: Column, report: &mut ImportReport) -> Option<DatePart> {
        let value = self.get(column);
        match parse_date_part(value) {
            Ok(part) => Some(part),
            Err(()) => {
                report.problem(|| {
                    self.problem_at(
                        column,
                        &format!("expected a whole number, found {}", quoted_field(value)),
                    )
                });
                None
            }
        }
    }

    fn date(&self, columns: [Column; 3], report: &mut ImportReport) -> Option<DateValue> {
        let [year, month, day] = columns.map(|column| self.date_part(column, report));
        Some(date_value(&year?, &month?, &day?))
    }

    fn problem_at(&self, column: Column, message: &str) -> Problem {
        let index = self.indexes[column as usize].unwrap_or_default();
        let name = self.header.get(index).map_or("", |name| name.trim());
        Problem::new(format!("row {}, column `{name}`: {message}", self.row))
            .at_position(self.csv_text.field_position(self.position, index))
    }
}

/// The step for an event row; `None` after a problem (reported).
fn read_event(
    row: &Row<'_>,
    origin: Origin,
    report: &mut ImportReport,
) -> Option<BuildStep<'static>> {
    let start = row.date([Column::Year, Column::Month, Column::Day], report);
    let end = row.date([Column::EndYear, Column::EndMonth, Column::EndDay], report);
    let (start, end) = (start?, end?);
    let headline = row.get(Column::Headline);
    let (start, end) = match slide_dates(start, end, headline) {
        SlideDates::Known(start, end) => (start, end),
        SlideDates::NoStartYear => {
            let warning = format!("skipped {}: it has no Year", skipped_name(headline));
            return Some(BuildStep::Warning(origin, warning));
        }
        SlideDates::Skipped(warning) => return Some(BuildStep::Warning(origin, warning)),
    };
    let media_url = row.get(Column::Media);
    let media = (!media_url.trim().is_empty()).then(|| SlideMedia {
        url: media_url.into(),
        caption: row.get(Column::MediaCaption).into(),
        credit: row.get(Column::MediaCredit).into(),
    });
    let slide = Slide {
        origin,
        start,
        end,
        display_date: row.get(Column::DisplayDate).into(),
        headline: headline.into(),
        text: row.get(Column::Text).into(),
        media,
        group: row.get(Column::Group).into(),
        unique_id: "".into(),
    };
    Some(BuildStep::Event(slide.prepare().into_owned()))
}

/// The step for an era row; `None` after a problem (reported).
fn read_era(
    row: &Row<'_>,
    origin: Origin,
    report: &mut ImportReport,
) -> Option<BuildStep<'static>> {
    let start = row.date([Column::Year, Column::Month, Column::Day], report);
    let end = row.date([Column::EndYear, Column::EndMonth, Column::EndDay], report);
    let (start, end) = (start?, end?);
    let headline = row.get(Column::Headline);
    let era = |start, end| BuildStep::Era {
        origin: origin.clone(),
        headline: headline.to_owned(),
        start,
        end,
    };
    Some(match (start, end) {
        (DateValue::Date(start), DateValue::Date(end)) => era(start, end),
        (DateValue::Date(start), DateValue::NoYear) => era(start, start),
        (DateValue::NoYear, _) => BuildStep::Warning(
            origin.clone(),
            format!("skipped era {}: it has no Year", skipped_name(headline)),
        ),
        (DateValue::Unholdable(reason), _) | (_, DateValue::Unholdable(reason)) => {
            BuildStep::Warning(
                origin.clone(),
                format!("skipped era {}: {reason}", skipped_name(headline)),
            )
        }
    })
}

/// An error of the CSV reader, at its position when it has one.
pub fn csv_error_problem(csv_text: &CsvText<'_>, error: &csv::Error) -> Problem {
    let problem = Problem::new(format!("the CSV could not be read: {error}"));
    match error.position() {
        Some(position) => problem.at_position(csv_text.field_position(position, 0)),
        None => problem,
    }
}
